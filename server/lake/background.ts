import { onDataVersion, readStoredVersions } from '../../stores/data-version.ts';
import type { Stores } from '../../stores/stores.ts';
import { describeSync, syncLake } from './sync.ts';

/** How long the importing process waits after a change before syncing: a burst syncs once. */
export const LAKE_SYNC_DEBOUNCE_MS = 2000;

/**
 * Keeps the lake in sync from the importing process: after every change (an import, an audited
 * edit: the data version moves) and a quiet LAKE_SYNC_DEBOUNCE_MS, one sync, never two at once.
 * The sync's own move of the version is recognised and starts nothing. Returns the stop, which
 * waits for a sync under way.
 */
export function startLakeSync(
  stores: Stores,
  root: string,
  debounceMs = LAKE_SYNC_DEBOUNCE_MS,
): () => Promise<void> {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  /** The store's data version the last sync left: no change since, nothing to do. */
  let synced: number | null = null;

  const run = () => {
    timer = null;
    running = running.then(async () => {
      if (stopped) return;
      try {
        const before = (await readStoredVersions(stores.db)).data;
        if (before === synced) return;
        const report = await syncLake(stores, root);
        if (report.tables.some((t) => t.rewritten.length > 0 || t.removed.length > 0))
          console.log(describeSync(report));
        const changed = report.tables.some((t) => t.rewritten.length > 0 || t.removed.length > 0);
        // What the sync saw, and its own move of the version: a change that landed during the
        // sync leaves the store past this, and the next run syncs again.
        synced = before + (changed ? 1 : 0);
        if ((await readStoredVersions(stores.db)).data !== synced) schedule();
      } catch (e) {
        console.warn(`lake sync to ${root} failed (tried again after the next change): ${String(e)}`);
      }
    });
  };
  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
    timer.unref();
  };
  const off = onDataVersion(schedule);
  // What changed while no process kept the lake in sync is written at start.
  schedule();
  return async () => {
    stopped = true;
    off();
    if (timer) clearTimeout(timer);
    await running;
  };
}
