import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { ImmediateSqliteDialect } from './sqlite-dialect.ts';
import type { Database } from './tables.ts';

export type { Db } from './store.ts';

/** A SQLite file as the operational store's connection, not yet migrated. */
export function openSqliteFile(file: string): Kysely<Database> {
  const sqlite = new SQLite(file);
  // WAL lets the dashboard read while an import or an edit writes; the busy timeout covers the
  // short moments a CLI command and the server both write.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
}
