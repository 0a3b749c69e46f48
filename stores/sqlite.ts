import SQLite from 'better-sqlite3';
import { Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';
import { ImmediateSqliteDialect } from './sqlite-dialect.ts';
import type { Database } from './tables.ts';

export type Db = Kysely<Database>;

/** Opens (creating if needed) the operational store and brings it to the latest migration. */
export async function openSqlite(file: string): Promise<Db> {
  const sqlite = new SQLite(file);
  // WAL lets the dashboard read while an import or an edit writes; the busy timeout covers the
  // short moments a CLI command and the server both write.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  // Unordered: migrations written on parallel branches may land in either order.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`cannot migrate ${file} (migration ${failed}): ${(error as Error).message}`);
  }
  return db;
}
