import type { Heard, TranscribeLanguage } from '../engine.ts';

/** What the sherpa-onnx worker process and its parent say to each other, one JSON line each. */
export const SHERPA_PREFIX = '@@callscore-sherpa ';
/** Every engine here reads 16 kHz mono: what sox writes and what sherpa-onnx's models expect. */
export const SAMPLE_RATE = 16_000;

export interface SherpaRequest {
  id: number;
  wav: string;
  language: TranscribeLanguage;
}

export type SherpaAnswer =
  | { ready: true }
  | { id: number; heard: Heard; error?: undefined }
  | { id: number; error: string; heard?: undefined };
