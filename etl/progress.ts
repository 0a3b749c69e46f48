import type { DuckDBConnection } from '@duckdb/node-api';

/** Where an import is: its phase, and how far through it (0..1) when that can be told. */
export type ImportPhase = 'checksum' | 'reading' | 'checking' | 'loading' | 'logging';
export type OnProgress = (phase: ImportPhase, fraction: number | null) => void;

/**
 * Runs one DuckDB statement while reporting its progress (DuckDB's own estimate of the share of
 * the input read) every few hundred milliseconds.
 */
export async function withQueryProgress<T>(
  c: DuckDBConnection,
  phase: ImportPhase,
  onProgress: OnProgress | undefined,
  work: Promise<T>,
): Promise<T> {
  if (!onProgress) return work;
  onProgress(phase, null);
  const timer = setInterval(() => {
    const p = c.progress.percentage;
    if (p >= 0) onProgress(phase, Math.min(1, p / 100));
  }, 250);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
