import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';

/** The DuckDB types rows from the operational store (or computed in JavaScript) are staged as. */
export type StagedType = 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR';

export interface StagedColumn {
  name: string;
  type: StagedType;
}

/** A column type of the operational store (SQLite's declared type, PostgreSQL's name) in DuckDB. */
export function stagedTypeOf(declared: string): StagedType {
  const t = declared.toLowerCase();
  if (/bool/.test(t)) return 'BOOLEAN';
  if (/int|serial/.test(t)) return 'BIGINT';
  if (/real|float|double|numeric|decimal/.test(t)) return 'DOUBLE';
  return 'VARCHAR';
}

/** A column's type from its values, for rows with no declared types (scorecards). */
function typeOfValues(values: readonly unknown[]): StagedType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return 'VARCHAR';
  if (present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
  if (present.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'BIGINT';
  if (present.every((v) => typeof v === 'number')) return 'DOUBLE';
  return 'VARCHAR';
}

/**
 * The columns of `rows`: the declared ones when known (so an empty table still has its columns),
 * each made wide enough for what the rows hold (SQLite lets an integer column hold 2.5).
 */
export function stagedColumns(
  rows: readonly Record<string, unknown>[],
  declared?: readonly StagedColumn[],
): StagedColumn[] {
  const names = declared?.map((c) => c.name) ?? Object.keys(rows[0] ?? {});
  return names.map((name) => {
    const byValues = typeOfValues(rows.map((r) => r[name]));
    const given = declared?.find((c) => c.name === name)?.type;
    if (given === undefined) return { name, type: byValues };
    if (given === 'BIGINT' && byValues === 'DOUBLE') return { name, type: 'DOUBLE' };
    if (given !== 'VARCHAR' && byValues === 'VARCHAR' && rows.some((r) => typeof r[name] === 'string'))
      return { name, type: 'VARCHAR' };
    return { name, type: given };
  });
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function appendCell(a: DuckDBAppender, type: StagedType, v: unknown): void {
  if (v === null || v === undefined) a.appendNull();
  else if (type === 'VARCHAR') {
    // PostgreSQL gives times as Date and JSON columns as objects.
    if (typeof v === 'string') a.appendVarchar(v);
    else if (v instanceof Date) a.appendVarchar(v.toISOString());
    else a.appendVarchar(typeof v === 'object' ? JSON.stringify(v) : String(v));
  } else if (type === 'BOOLEAN') a.appendBoolean(v === true || v === 1 || v === '1' || v === 't');
  else if (type === 'BIGINT') a.appendBigInt(typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v))));
  else a.appendDouble(Number(v));
}

/**
 * Rows read in JavaScript as a temp table of the connection, through the appender (never an
 * INSERT per row), replacing one of the same name.
 */
export async function stageRows(
  c: DuckDBConnection,
  table: string,
  columns: readonly StagedColumn[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const defs = columns.map((col) => `${quoteIdent(col.name)} ${col.type}`).join(', ');
  await c.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(table)} (${defs})`);
  if (rows.length === 0) return;
  const appender = await c.createAppender(table, 'main', 'temp');
  try {
    for (const row of rows) {
      for (const col of columns) appendCell(appender, col.type, row[col.name]);
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}
