import { dataVersion } from '../stores/data-version.ts';

/**
 * Computed figures (scored periods, response bodies, settings), kept while the data they come from is unchanged
 * (data-version.ts). Concurrent requests for the same key share one computation.
 */
const MAX_ENTRIES = 48;

interface Entry {
  version: number;
  value: Promise<unknown>;
}

const caches = new WeakMap<object, Map<string, Entry>>();

/** `compute()` once per key while the data version holds. */
export function cached<T>(owner: object, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  const version = dataVersion();
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  cache.delete(key); // re-inserted last: the map's order is the order of use
  cache.set(key, { version, value });
  // A failed computation is not kept: the next request tries again.
  value.catch(() => cache?.delete(key));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}
