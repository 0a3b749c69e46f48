import {
  type ColumnDataType,
  type ColumnDefinitionBuilder,
  type Kysely,
  PostgresAdapter,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';

/**
 * What differs between the two backends of the operational store (SQLite, PostgreSQL), in one
 * place: the migrations and the few queries whose SQL is not the same on both ask here.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations hold Kysely<any>, repositories Kysely<Database>
type AnyDb = Kysely<any>;

export const isPostgres = (db: AnyDb): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** A store location that names a PostgreSQL database rather than a SQLite file. */
export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

/**
 * The current time as the text every timestamp column holds (ISO 8601, UTC, milliseconds, `Z`),
 * for column defaults: SQLite's strftime, PostgreSQL's to_char.
 */
export const nowText = (db: AnyDb): RawBuilder<string> =>
  isPostgres(db)
    ? sql`(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
    : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * A fractional number column. SQLite's `real` is a double; PostgreSQL's is a 4-byte float, which
 * would round scores and targets, so there it is `double precision`.
 */
export const realType = (db: AnyDb): ColumnDataType => (isPostgres(db) ? 'double precision' : 'real');

/** Bytes as stored (an export's file, a quarantined row's bytes). */
export const blobType = (db: AnyDb): ColumnDataType => (isPostgres(db) ? 'bytea' : 'blob');

/** A file size or offset: past 2 GiB on PostgreSQL's 4-byte `integer` (SQLite's has 8 bytes). */
export const bigIntType = (db: AnyDb): ColumnDataType => (isPostgres(db) ? 'bigint' : 'integer');

/**
 * The builder of a generated integer key: SQLite's autoincrement, PostgreSQL's identity column
 * (by default, so that `migrate-store` may copy the ids as they are and move the sequence past them).
 */
export const idColumn =
  (db: AnyDb) =>
  (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

/**
 * A case-insensitive LIKE, as SQLite's LIKE is for ASCII letters: PostgreSQL's LIKE tells case
 * apart, its ILIKE does not.
 */
export const likeOp = (db: AnyDb): 'like' | 'ilike' => (isPostgres(db) ? 'ilike' : 'like');

/**
 * `users.username` is the name given, ignoring case: SQLite's column collates nocase, PostgreSQL's
 * has a unique index on lower(username), which this comparison uses.
 */
export const usernameIs = (db: AnyDb, username: string): RawBuilder<SqlBool> =>
  isPostgres(db) ? sql<SqlBool>`lower(username) = lower(${username})` : sql<SqlBool>`username = ${username}`;

/**
 * Whether a store error means that another writer came first: a unique key taken (SQLite's
 * SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY, PostgreSQL's 23505), or PostgreSQL giving up a
 * transaction that raced another (serialization failure 40001, deadlock 40P01). The API answers
 * these with 409, never 500.
 */
export function isWriteConflict(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505' ||
    code === '40001' ||
    code === '40P01'
  );
}

/**
 * Serializes the transactions that take the same key until each commits: PostgreSQL's transaction
 * advisory lock, for a read-then-write that no row lock covers (the next number of a month, a row
 * that does not exist yet). SQLite runs one transaction at a time, so there it is nothing. Call it
 * first in the transaction: what the transaction reads after it, it reads committed.
 */
export async function lockKey(tx: AnyDb, key: string): Promise<void> {
  if (isPostgres(tx)) await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(tx);
}
