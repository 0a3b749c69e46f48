import { type Kysely, Migrator } from 'kysely';
import { isPostgresUrl } from './dialect.ts';
import { migrations } from './migrations/index.ts';
import { openPostgresPool } from './postgres.ts';
import { openSqliteFile } from './sqlite.ts';
import type { Database } from './tables.ts';

/** The operational store, open: the one type every repository takes, whichever the backend. */
export type Db = Kysely<Database>;

export interface StoreOptions {
  /** Connections of the PostgreSQL pool (SQLite has one). */
  poolSize?: number;
}

export const DEFAULT_POOL_SIZE = 10;

/**
 * Opens the operational store and brings it to the latest migration: a SQLite file (created if
 * needed), or a PostgreSQL database named by a `postgres://` URL (which must exist).
 */
export async function openStore(target: string, opts: StoreOptions = {}): Promise<Db> {
  const db = isPostgresUrl(target)
    ? openPostgresPool(target, opts.poolSize ?? DEFAULT_POOL_SIZE)
    : openSqliteFile(target);
  try {
    await migrateStore(db);
  } catch (e) {
    await db.destroy();
    throw new Error(`cannot migrate ${describeStore(target)}: ${(e as Error).message}`);
  }
  return db;
}

/** Runs every migration not yet run. */
export async function migrateStore(db: Db): Promise<void> {
  // Unordered: migrations written on parallel branches may land in either order.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed}: ${(error as Error).message}`);
  }
}

/** The store's location for messages: a URL without its password. */
export function describeStore(target: string): string {
  if (!isPostgresUrl(target)) return target;
  try {
    const u = new URL(target);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
