import type { TRANSCRIBE_LANGUAGES } from './options.ts';

/** One stretch of speech an engine heard on one channel, times in seconds from the start. */
export interface HeardSegment {
  startS: number;
  endS: number;
  text: string;
  confidence?: number;
}

/** What an engine made of one WAV file (16 kHz mono, 16-bit). */
export interface Heard {
  /** The language the engine detected, when it says one. */
  language?: string;
  segments: HeardSegment[];
}

export type TranscribeLanguage = (typeof TRANSCRIBE_LANGUAGES)[number];

/**
 * A speech-to-text engine. `ready` checks, once before a run, that the engine and its model are on
 * the machine (an AppError saying what is missing otherwise); `hear` transcribes one WAV file and
 * throws a CallFailure when it cannot.
 */
export interface Engine {
  /** Stored as the transcript's `engine`. */
  name: string;
  /** Given the run's language, an engine refuses one it cannot hear before any call is tried. */
  ready(language?: TranscribeLanguage): Promise<void>;
  hear(wav: string, language: TranscribeLanguage): Promise<Heard>;
  /** Ends what the engine keeps running between calls (sherpa-onnx's worker processes). */
  close?(): Promise<void>;
}

/** A failure of one call (not of the run): listed at the end, stored and retried on the next run. */
export class CallFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallFailure';
  }
}
