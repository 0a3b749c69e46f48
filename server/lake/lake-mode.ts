import { AppError } from '../../core/errors.ts';
import type { Deps } from '../context.ts';

/**
 * Refuses work that writes the analytical store (an import, a transcription or AutoQA run) in a
 * process answering from the lake: only the importing process writes the facts, and the lake
 * follows it. A 409 whose message says where to send it.
 */
export function refuseInLakeMode(deps: Deps, what: string): void {
  const lake = deps.lakeMode;
  if (!lake) return;
  const where = lake.importer
    ? `the importing process at ${lake.importer}`
    : 'the importing process (the one started with callscore serve --data, not --lake)';
  throw new AppError(
    'conflict',
    `this server answers from the lake at ${lake.lakeDir} and does not write facts: send ${what} to ${where}`,
  );
}
