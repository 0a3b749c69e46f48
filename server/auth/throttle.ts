import { lockKey } from '../../stores/dialect.ts';
import type { Db } from '../../stores/sqlite.ts';
import { deleteFailures, failureOf, failuresOf, saveFailure } from './throttle.repository.ts';

/**
 * Failures allowed before each further attempt has to wait: few for one account, many for one
 * address, since a whole office signs in from behind one NAT and one agent's typos must not
 * lock out the others. The address limit only slows down guessing across many accounts.
 */
const FREE_FAILURES_ACCOUNT = 3;
const FREE_FAILURES_ADDRESS = 50;
const freeFailures = (key: string) => (key.startsWith('ip:') ? FREE_FAILURES_ADDRESS : FREE_FAILURES_ACCOUNT);

export const accountKey = (username: string) => `user:${username.toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;
const MAX_LOCK_SECONDS = 15 * 60;
/** A quiet hour forgives earlier failures. */
const FORGET_AFTER_MS = 60 * 60 * 1000;

/**
 * Slows down password guessing: after a few failures for one username (or many from one address)
 * every further attempt must wait twice as long as the last, up to 15 minutes. Stored in SQLite so a
 * restart does not reset it.
 */
export async function lockedFor(db: Db, keys: string[], now = new Date()): Promise<number> {
  const rows = await failuresOf(db, keys);
  let wait = 0;
  for (const r of rows) {
    if (r.locked_until && r.locked_until > now.toISOString()) {
      wait = Math.max(wait, Math.ceil((Date.parse(r.locked_until) - now.getTime()) / 1000));
    }
  }
  return wait;
}

export async function recordFailure(db: Db, keys: string[], now = new Date()): Promise<void> {
  // Read and written in one transaction: failures at once, in this process or in another one of
  // the same store, each count. SQLite's transaction takes the write lock at its start; PostgreSQL
  // reads under its default isolation, so each key is locked before it is read.
  await db.transaction().execute(async (tx) => {
    for (const key of keys) {
      await lockKey(tx, `login-failure:${key}`);
      await recordOne(tx, key, now);
    }
  });
}

async function recordOne(db: Db, key: string, now: Date): Promise<void> {
  const row = await failureOf(db, key);
  const stale = row && now.getTime() - Date.parse(row.last_failed_at) > FORGET_AFTER_MS;
  const failures = !row || stale ? 1 : row.failures + 1;
  const lockSeconds =
    failures > freeFailures(key) ? Math.min(MAX_LOCK_SECONDS, 2 ** (failures - freeFailures(key) - 1)) : 0;
  const values = {
    key,
    failures,
    last_failed_at: now.toISOString(),
    locked_until: lockSeconds ? new Date(now.getTime() + lockSeconds * 1000).toISOString() : null,
  };
  await saveFailure(db, values);
}

export async function clearFailures(db: Db, keys: string[]): Promise<void> {
  await deleteFailures(db, keys);
}
