import { sql } from 'kysely';
import type { Db } from './sqlite.ts';

/**
 * What a process knows of the stored data's version. Caches of computed figures key on
 * `dataVersion()`, the session memory on `sessionVersion()`: each moves when this process changes
 * something and when the counters of the operational store (table `data_versions`, shared by every
 * process of the store) are seen to move, read at most every POLL_MS. So a figure is never served
 * from data another process has changed for longer than a poll.
 */
export const POLL_MS = 250;

export type VersionName = 'data' | 'sessions';

const local: Record<VersionName, number> = { data: 0, sessions: 0 };
const listeners = new Set<() => void>();

export const dataVersion = (): number => local.data;
export const sessionVersion = (): number => local.sessions;

/** Called after the data version moved (here or, seen by a poll, in another process). */
export function onDataVersion(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function moved(name: VersionName): void {
  local[name]++;
  if (name === 'data') for (const l of listeners) l();
}

/**
 * Counts a change in this process. The change may still be inside its transaction, a moment
 * before it commits: a figure computed in that moment would carry the new version with the old
 * data, so the version moves once more just after, when the commit is done.
 */
export function bumpDataVersion(name: VersionName = 'data'): void {
  moved(name);
  setTimeout(() => moved(name), 100).unref();
}

/**
 * Counts a change for every process of the store. Given the transaction of the change, the
 * counter moves with its commit and never without it.
 */
export async function bumpStoredVersion(db: Db, name: VersionName = 'data'): Promise<void> {
  await db
    .updateTable('data_versions')
    .set({ version: sql<number>`version + 1` })
    .where('name', '=', name)
    .execute();
  bumpDataVersion(name);
}

/** The store's counters as they are now. */
export async function readStoredVersions(db: Db): Promise<Record<VersionName, number>> {
  const rows = await db.selectFrom('data_versions').select(['name', 'version']).execute();
  const out: Record<VersionName, number> = { data: 0, sessions: 0 };
  for (const r of rows) if (r.name === 'data' || r.name === 'sessions') out[r.name] = Number(r.version);
  return out;
}

/**
 * Polls the store's counters every POLL_MS while the process runs; returns the stop. A process
 * may watch several stores (tests open many): any of them moving moves the version.
 */
export function watchStoredVersions(db: Db): () => void {
  let seen: Record<VersionName, number> | null = null;
  let busy = false;
  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      const now = await readStoredVersions(db);
      if (seen) for (const name of ['data', 'sessions'] as const) if (now[name] !== seen[name]) moved(name);
      seen = now;
    } catch {
      // A store being closed or busy for a moment: the next poll reads it.
    } finally {
      busy = false;
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
