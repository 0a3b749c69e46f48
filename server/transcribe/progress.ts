import type { TranscribeProgress } from './run.ts';

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * A run's figures from its progress, for the web job and the command's line: the real-time factor
 * so far, and the time left at the pace of the calls tried.
 */
export function progressFigures(p: TranscribeProgress) {
  const tried = p.done + p.failed;
  return {
    done: p.done,
    failed: p.failed,
    total: p.total,
    audioS: round(p.audioS, 1),
    wallS: round(p.wallS, 1),
    rtf: p.audioS > 0 ? round(p.wallS / p.audioS) : null,
    etaS: tried > 0 ? Math.round((p.wallS / tried) * (p.total - tried)) : null,
  };
}
