import { onDataVersion } from '../../stores/data-version.ts';
import type { Stores } from '../../stores/stores.ts';
import type { AutoqaJob } from './autoqa-job.ts';
import { latestRuleSetRow } from './rules.repository.ts';

/**
 * In the process that runs AutoQA: a rule set saved by another process of the store (one that
 * answers from the lake, docs/deployment.md) leaves every call due under its new version, as an
 * edit made here does. On every move of the data version, a look at the latest version (one small
 * query, a moment after the move) kicks the job when it changed. Returns the stop.
 */
export function followRuleEdits(stores: Stores, job: AutoqaJob, delayMs = 500): () => void {
  let seen: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  const look = async () => {
    timer = null;
    try {
      const version = (await latestRuleSetRow(stores.db))?.version ?? 0;
      if (seen !== null && version !== seen) job.kick();
      seen = version;
    } catch {
      // The store closing: nothing to follow any more.
    }
  };
  void look();
  const off = onDataVersion(() => {
    if (timer) return;
    timer = setTimeout(() => void look(), delayMs);
    timer.unref();
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
