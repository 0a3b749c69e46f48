import { z } from 'zod';
import { period } from './period.ts';

/** The speech-to-text engines `callscore transcribe` runs (docs/transcribe.md). */
export const TRANSCRIBE_ENGINES = ['pocketsphinx', 'command', 'sherpa-onnx'] as const;
export type TranscribeEngineName = (typeof TRANSCRIBE_ENGINES)[number];
/**
 * The engines the web app's job may start. Not `command`: its template names a program to run,
 * and one typed into a browser would run anything on the server as callscore's own user.
 */
export const WEB_TRANSCRIBE_ENGINES = ['pocketsphinx', 'sherpa-onnx'] as const;
export const TRANSCRIBE_LANGUAGES = ['auto', 'en', 'ru', 'ro'] as const;
export type TranscribeLanguageCode = (typeof TRANSCRIBE_LANGUAGES)[number];

/** A model folder as the administrator names it: an absolute path on the server. */
export const modelFolder = z
  .string()
  .trim()
  .max(1000)
  .refine((s) => s === '' || s.startsWith('/'), 'must be an absolute folder path (or empty)');

/**
 * `POST /api/transcribe/job`: transcribe a month's recorded calls without a transcript. What is
 * not given comes from the settings (transcribeEngine, transcribeModel, transcribeLanguage).
 */
export const transcribeStartRequest = z
  .object({
    period,
    engine: z.enum(WEB_TRANSCRIBE_ENGINES).optional(),
    model: modelFolder.optional(),
    language: z.enum(TRANSCRIBE_LANGUAGES).optional(),
    /** Calls transcribed at once (each engine process uses a core). */
    workers: z.number().int().min(1).max(8).optional(),
    /** Only the calls whose last try failed (the failures list's retry). */
    onlyFailed: z.boolean().optional(),
  })
  .strict();
export type TranscribeStartRequest = z.infer<typeof transcribeStartRequest>;

/** `GET /api/transcribe/failures?period=`: one month's, or every stored failure without it. */
export const transcribeFailuresQuery = z.object({ period: period.optional() });

/** `GET /api/transcribe/job`: the transcription job, running or the last one run. */
export interface TranscribeJobView {
  state: 'idle' | 'running' | 'cancelling';
  period: string | null;
  engine: string | null;
  language: TranscribeLanguageCode | null;
  onlyFailed: boolean;
  startedBy: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** Calls transcribed, failed, and the run's whole count. */
  done: number;
  failed: number;
  total: number;
  /** Seconds of audio transcribed, wall seconds so far, and their ratio (below 1: faster than spoken). */
  audioS: number;
  wallS: number;
  rtf: number | null;
  /** Seconds left at the pace so far; null before the first call is done. */
  etaS: number | null;
  /** Transcripts imported so far (a batch at a time). */
  imported: number;
  /** How the last run ended: done, cancelled, or the error that stopped it. */
  outcome: 'done' | 'cancelled' | 'failed' | null;
  error: string | null;
}

export interface TranscribeJobResponse {
  job: TranscribeJobView;
}

export interface TranscribeFailureView {
  callId: string;
  /** The call's local start date, YYYY-MM-DD. */
  date: string | null;
  recording: string | null;
  engine: string;
  reason: string;
  failedAt: string;
}

export interface TranscribeFailuresResponse {
  failures: TranscribeFailureView[];
}
