import type { DuckDBConnection } from '@duckdb/node-api';
import type { Analytics } from '../server/stores/duckdb.ts';
import type { Cells } from './normalize.ts';

const q = (id: string) => `"${id.replaceAll('"', '""')}"`;
const count = async (c: DuckDBConnection, table: string) =>
  Number((await c.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0]?.[0] ?? 0);

/**
 * Loads rows into a fact table in one transaction: rows identical to stored ones are counted as
 * duplicates and left alone; a row whose key exists with other values replaces it.
 * Table and column names come from the kind registry, never from the file.
 */
export async function loadFacts(
  analytics: Analytics,
  table: string,
  columns: readonly string[],
  key: readonly string[],
  rows: Cells[],
  importId: number,
): Promise<{ loaded: number; duplicates: number }> {
  return analytics.transaction(async (c) => {
    const cols = columns.map(q).join(', ');
    await c.run(
      `CREATE OR REPLACE TEMP TABLE raw_rows (${columns.map((col) => `${q(col)} VARCHAR`).join(', ')})`,
    );
    const appender = await c.createAppender('raw_rows', 'main', 'temp');
    for (const row of rows) {
      for (const col of columns) {
        const v = row[col];
        if (v === null || v === undefined) appender.appendNull();
        else appender.appendVarchar(String(v));
      }
      appender.endRow();
    }
    appender.closeSync();

    // Text to the table's types by DuckDB's casts: the values were validated already.
    await c.run(`CREATE OR REPLACE TEMP TABLE typed AS SELECT ${cols} FROM ${q(table)} LIMIT 0`);
    await c.run(`INSERT INTO typed SELECT * FROM raw_rows`);
    const staged = await count(c, 'typed');
    // A key repeated inside the file: its last row wins, the earlier ones are duplicates.
    const keys = key.map(q).join(', ');
    await c.run(`CREATE OR REPLACE TEMP TABLE fresh AS
      (SELECT ${cols} FROM typed QUALIFY row_number() OVER (PARTITION BY ${keys} ORDER BY rowid DESC) = 1)
      EXCEPT (SELECT ${cols} FROM ${q(table)})`);
    const fresh = await count(c, 'fresh');
    const match = key.map((k) => `t.${q(k)} = f.${q(k)}`).join(' AND ');
    await c.run(`DELETE FROM ${q(table)} t USING fresh f WHERE ${match}`);
    await c.run(`INSERT INTO ${q(table)} BY NAME SELECT *, $importId AS import_id FROM fresh`, { importId });
    for (const t of ['raw_rows', 'typed', 'fresh']) await c.run(`DROP TABLE ${t}`);
    return { loaded: fresh, duplicates: staged - fresh };
  });
}
