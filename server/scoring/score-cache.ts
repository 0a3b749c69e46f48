import type { ScorecardRow } from '../../schemas/scorecard.ts';
import { dataVersion } from '../stores/data-version.ts';
import type { ScoringRange } from './periods.ts';
import { type ScoringSettings, type ScoringStores, scoreRange } from './score-range.ts';

/**
 * Scored periods, kept while the data they come from is unchanged (data-version.ts). Concurrent
 * requests for the same period share one computation. An entry also expires after a few seconds:
 * a change is counted when its audit row is written, just before it commits, and a period scored
 * in between must not outlive that moment by more than that.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 24;

interface Entry {
  version: number;
  at: number;
  value: Promise<unknown>;
}

const caches = new WeakMap<object, Map<string, Entry>>();

/** `compute()` once per key while the data version holds (and for at most TTL_MS). */
export function cached<T>(owner: object, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  const version = dataVersion();
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.version === version && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = compute();
  cache.set(key, { version, at: now, value });
  // A failed computation is not kept: the next request tries again.
  value.catch(() => cache?.delete(key));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}

export const cachedScoreRange = (
  stores: ScoringStores,
  range: ScoringRange,
  settings: ScoringSettings,
): Promise<ScorecardRow[]> =>
  cached(stores.db, `score|${range.from}|${range.to}|${settings.timeZone}|${settings.currency}`, () =>
    scoreRange(stores, range, settings),
  );
