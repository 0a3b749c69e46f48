import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect.ts';
import type { Db } from './store.ts';

/**
 * Copies a SQLite operational store into an empty PostgreSQL one of the same schema (both
 * migrated to the latest): table by table in one transaction, each generated id kept and its
 * sequence moved past the highest copied, every table's count checked against the source before
 * the transaction commits.
 */

export interface CopiedTable {
  table: string;
  rows: number;
}

// biome-ignore lint/suspicious/noExplicitAny: the copy reads every table, whatever its row type
type AnyDb = Kysely<any>;

/** The tables of the operational store, without the migrator's own. */
async function tablesOf(db: AnyDb): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_') && !n.startsWith('sqlite_'))
    .sort();
}

/** Rows the migrations themselves write (the default pay rule): not data of the store's own. */
const SEEDED: Record<string, (db: AnyDb) => Promise<unknown>> = {
  pay_rules: (db) => db.deleteFrom('pay_rules').where('created_by', '=', 'system').execute(),
  // The counters every process polls (migration 021): the copy brings the source's.
  data_versions: (db) => db.deleteFrom('data_versions').execute(),
};

/** What in the target is not the migrations' own: a table with rows makes it "not empty". */
export async function nonEmptyTables(target: Db): Promise<string[]> {
  const db = target as AnyDb;
  const out: string[] = [];
  for (const table of await tablesOf(db)) {
    // Two counters every migrated store has: never data of a center.
    if (table === 'data_versions') continue;
    let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (table === 'pay_rules') q = q.where('created_by', '<>', 'system');
    const { n } = await q.executeTakeFirstOrThrow();
    if (Number(n) > 0) out.push(table);
  }
  return out;
}

/** Parents before children, by the target's foreign keys. */
async function copyOrder(target: AnyDb, tables: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ child: string; parent: string }>`
    SELECT c.relname AS child, p.relname AS parent
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema()`.execute(target);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const r of rows) if (r.child !== r.parent) parents.get(r.child)?.add(r.parent);
  const done: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const p of parents.get(t) ?? []) if (parents.has(p)) visit(p);
    done.push(t);
  };
  for (const t of tables) visit(t);
  return done;
}

/** The identity (generated id) columns of the target's tables. */
async function identityColumns(target: AnyDb): Promise<{ table: string; column: string }[]> {
  const { rows } = await sql<{ table: string; column: string }>`
    SELECT table_name AS "table", column_name AS "column"
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND is_identity = 'YES'`.execute(target);
  return rows;
}

/** Copies one table in pages of SQLite's rowid order, so no table is held in memory whole. */
async function copyTable(src: AnyDb, tx: AnyDb, table: string): Promise<number> {
  const PAGE = 2000;
  let last = Number.MIN_SAFE_INTEGER;
  let read = 0;
  for (;;) {
    const page = await src
      .selectFrom(table)
      .selectAll()
      .select(sql<number>`rowid`.as('__rowid'))
      .where(sql.ref('rowid'), '>', last)
      .orderBy(sql.ref('rowid'))
      .limit(PAGE)
      .execute();
    if (page.length === 0) return read;
    last = Number(page[page.length - 1]?.__rowid);
    const rows = page.map(({ __rowid, ...row }) => row);
    // PostgreSQL binds at most 65535 parameters a statement.
    const chunk = Math.max(1, Math.floor(60000 / Math.max(1, Object.keys(rows[0] as object).length)));
    for (let i = 0; i < rows.length; i += chunk)
      await tx
        .insertInto(table)
        .values(rows.slice(i, i + chunk))
        .execute();
    read += rows.length;
  }
}

export async function copyStore(source: Db, target: Db): Promise<CopiedTable[]> {
  const src = source as AnyDb;
  const dst = target as AnyDb;
  if (!isPostgres(dst)) throw new Error('the target of a copy must be a PostgreSQL database');
  const tables = await tablesOf(src);
  const targetTables = new Set(await tablesOf(dst));
  const missing = tables.filter((t) => !targetTables.has(t));
  if (missing.length > 0) throw new Error(`the target has no table ${missing.join(', ')}`);
  const order = await copyOrder(dst, tables);
  const identities = await identityColumns(dst);
  return dst.transaction().execute(async (tx) => {
    const copied: CopiedTable[] = [];
    for (const table of order) {
      await SEEDED[table]?.(tx);
      const read = await copyTable(src, tx, table);
      const { n } = await tx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(n) !== read)
        throw new Error(`${table}: ${read} rows read, ${n} in the target after the copy`);
      copied.push({ table, rows: read });
    }
    // The next id a sequence gives must be past every id copied as it was.
    for (const { table, column } of identities) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}),
        coalesce((SELECT max(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(tx);
    }
    return copied.sort((a, b) => a.table.localeCompare(b.table));
  });
}
