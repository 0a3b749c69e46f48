import { SCORED_COLUMNS, SCORED_TABLES, type ScoredTable } from '../engines/lake-files.ts';

/** The bound parameter holding a table's list of Parquet files. */
export const filesParam = (table: ScoredTable) => `${table}_files`;

/**
 * A scored table read from the lake's Parquet: its columns cast to the analytics store's types, or,
 * when the range has no file of it, the same columns with no row (read_parquet refuses an empty
 * list).
 */
function lakeTable(table: ScoredTable, hasFiles: boolean): string {
  const columns = Object.entries(SCORED_COLUMNS[table]);
  if (!hasFiles) return `SELECT ${columns.map(([c, t]) => `NULL::${t} AS ${c}`).join(', ')} WHERE false`;
  return `SELECT ${columns.map(([c, t]) => `CAST(${c} AS ${t}) AS ${c}`).join(', ')} FROM read_parquet($${filesParam(table)})`;
}

/**
 * A query of the analytics store's tables run over the lake instead: each table it names becomes a
 * CTE over its Parquet files, and the query itself, unchanged, a subquery (DuckDB lets it keep its
 * own WITH). `present` names the tables that have files; their lists are bound as `<table>_files`.
 */
export const overLake = (sql: string, present: ReadonlySet<ScoredTable>) => `
WITH ${SCORED_TABLES.map((t) => `${t} AS (${lakeTable(t, present.has(t))})`).join(',\n  ')}
SELECT * FROM (${sql})
`;
