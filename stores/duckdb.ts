import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBType,
  type DuckDBValue,
  listValue,
} from '@duckdb/node-api';
import { DUCKDB_BASE_VERSION, DUCKDB_DDL } from './duckdb/ddl.ts';
import { DUCKDB_MIGRATIONS } from './duckdb/migrations.ts';
import { lakeViews } from './lake/views.ts';

export type Params = Record<string, DuckDBValue>;

/** The analytics store's working memory (DuckDB's buffer pool), not counting the Node heap. */
export const MEMORY_LIMIT = '2GB';
/** A scratch store's working memory (Analytics.scratch). */
export const SCRATCH_MEMORY_LIMIT = '256MB';
/** A value as DuckDB's JSON conversion gives it: BIGINT and DECIMAL arrive as strings. */
export type JsonCell = string | number | boolean | null;
/** A row as DuckDB's JSON conversion gives it. */
export type JsonRow = Record<string, JsonCell>;
/** A result column by column, each column's values in the rows' order. */
export type JsonColumns = Record<string, JsonCell[]>;

export class StoreLockedError extends Error {
  constructor(file: string) {
    super(
      `the analytics store ${file} is open in another callscore process (is the server running?): ` +
        'stop it, or send the work through the server',
    );
    this.name = 'StoreLockedError';
  }
}

/**
 * The analytical store. One DuckDB instance per file per process (fromCache); each unit of work
 * takes its own connection so concurrent requests do not queue behind one another.
 */
export class Analytics {
  private constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
  ) {}

  static async open(file: string): Promise<Analytics> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.fromCache(file);
    } catch (e) {
      if (/lock/i.test((e as Error).message)) throw new StoreLockedError(file);
      throw e;
    }
    const store = new Analytics(file, instance);
    await store.withConnection(async (c) => {
      // DuckDB would take 80% of the machine's memory; a month of 10 million calls loads and
      // aggregates within this, spilling to <file>.tmp beyond it (docs/architecture.md, Scale).
      await c.run(`SET memory_limit = '${MEMORY_LIMIT}'`);
      for (const ddl of DUCKDB_DDL) await c.run(ddl);
      await migrate(c);
    });
    return store;
  }

  /**
   * A private in-memory store with the same tables, for work that must not touch the data: the
   * AutoQA rule test copies a call into one and runs the real checks on it.
   */
  static async scratch(): Promise<Analytics> {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const store = new Analytics(':memory:', instance);
    await store.withConnection(async (c) => {
      // One call's rows and a catalogue: a little memory, never the machine's 80% DuckDB would take.
      await c.run(`SET memory_limit = '${SCRATCH_MEMORY_LIMIT}'`);
      for (const ddl of DUCKDB_DDL) await c.run(ddl);
      await migrate(c);
    });
    return store;
  }

  /**
   * A store in memory whose tables of the lake (stores/lake/layout.ts) are views over the lake's
   * Parquet files under the same names, so every query of the analytical store runs on it
   * unchanged; the other tables are empty. Any number of processes may open one lake.
   */
  static async overLake(root: string): Promise<Analytics> {
    const instance = await DuckDBInstance.create(':memory:');
    const store = new Analytics(`lake:${root}`, instance);
    store.lakeRoot = root;
    await store.withConnection(async (c) => {
      await c.run(`SET memory_limit = '${MEMORY_LIMIT}'`);
      for (const ddl of DUCKDB_DDL) await c.run(ddl);
      await migrate(c);
      for (const sql of lakeViews(root)) await c.run(sql);
    });
    return store;
  }

  private lakeRoot: string | null = null;

  /**
   * Over a lake: a table that had no file when the store opened (a lake synced for the first time
   * since) becomes its view now. Elsewhere nothing to do.
   */
  async refreshLake(): Promise<void> {
    const root = this.lakeRoot;
    if (root === null) return;
    await this.withConnection(async (c) => {
      const tables = (
        await c.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'`)
      ).getRows();
      const stillTables = new Set(tables.map((r) => String(r[0])));
      for (const sql of lakeViews(root, stillTables)) await c.run(sql);
    });
  }

  async withConnection<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const c = await this.instance.connect();
    try {
      return await work(c);
    } finally {
      c.closeSync();
    }
  }

  /** Runs `work` in one transaction: all of it lands, or none of it. */
  async transaction<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.withConnection((c) => inTransaction(c, work));
  }

  async rows(sql: string, params: Params = {}, types?: Record<string, DuckDBType>): Promise<JsonRow[]> {
    return this.withConnection(async (c) => {
      const reader = await c.runAndReadAll(sql, params, types);
      return reader.getRowObjectsJson() as JsonRow[];
    });
  }

  /** The result column by column, each value as `rows` gives it: for building typed columns. */
  async columns(sql: string, params: Params = {}, types?: Record<string, DuckDBType>): Promise<JsonColumns> {
    return this.withConnection(async (c) => {
      const reader = await c.runAndReadAll(sql, params, types);
      return reader.getColumnsObjectJson() as JsonColumns;
    });
  }

  close(): void {
    // fromCache keeps the instance for the life of the process; closing it lets a later open
    // (tests, the CLI's demo-then-serve) take the file lock again.
    this.instance.closeSync();
  }
}

/** Brings a file to the latest schema version, one migration step per transaction. */
async function migrate(c: DuckDBConnection): Promise<void> {
  const v = (await c.runAndReadAll('SELECT max(version) AS v FROM schema_version')).getRows()[0]?.[0];
  if (v == null) await c.run('INSERT INTO schema_version VALUES ($v)', { v: DUCKDB_BASE_VERSION });
  let version = v == null ? DUCKDB_BASE_VERSION : Number(v);
  for (const step of DUCKDB_MIGRATIONS) {
    if (step.version <= version) continue;
    await inTransaction(c, async () => {
      for (const sql of step.statements) await c.run(sql);
      await c.run('UPDATE schema_version SET version = $v', { v: step.version });
    });
    version = step.version;
  }
}

/** Runs `work` on `c` in one transaction: all of it lands, or none of it. */
export async function inTransaction<T>(
  c: DuckDBConnection,
  work: (c: DuckDBConnection) => Promise<T>,
  /** Runs the commit: a caller may time it (DuckDB writes the transaction's rows then). */
  commit: (run: () => Promise<unknown>) => Promise<unknown> = (run) => run(),
): Promise<T> {
  await c.run('BEGIN TRANSACTION');
  try {
    const result = await work(c);
    await commit(() => c.run('COMMIT'));
    return result;
  } catch (e) {
    await c.run('ROLLBACK');
    throw e;
  }
}

/** A list of text values as a bound parameter (declare its type, LIST(VARCHAR), beside it). */
export const textList = (values: readonly string[]) => listValue([...values]);

/** Number from a JSON row cell that DuckDB may give as a string (BIGINT, HUGEINT, DECIMAL). */
export const num = (v: string | number | boolean | null | undefined): number => (v == null ? 0 : Number(v));
