import { type ColumnType, SCORED_COLUMNS, type ScoredTable } from '../engines/lake-files.ts';

/**
 * ClickHouse's types for the analytics store's: every column Nullable, as DuckDB's are (a
 * non-Nullable column would read a missing value as 0 or '' and count it), instants as
 * DateTime64(6) in UTC, as TIMESTAMPTZ keeps them.
 */
const CLICKHOUSE_TYPE: Record<ColumnType, string> = {
  VARCHAR: 'Nullable(String)',
  TIMESTAMPTZ: "Nullable(DateTime64(6, 'UTC'))",
  DOUBLE: 'Nullable(Float64)',
  BIGINT: 'Nullable(Int64)',
  INTEGER: 'Nullable(Int32)',
};

const columnsOf = (table: ScoredTable) => Object.entries(SCORED_COLUMNS[table]) as [string, ColumnType][];

/** The structure argument of file(), s3() or url(): the columns read, with their types. */
export const structureOf = (table: ScoredTable) =>
  columnsOf(table)
    .map(([c, t]) => `${c} ${CLICKHOUSE_TYPE[t]}`)
    .join(', ');

/** The bound parameter holding the location of a table's `i`-th file. */
export const fileParam = (table: ScoredTable, i: number) => `${table}_${i}`;

/**
 * A scored table as a ClickHouse subquery: the union of its files, each read by `reader` (the table
 * function: `file` for chdb, `s3` or `url` for a server) from the location bound as
 * `{<table>_<i>:String}`, with the structure given so that no type is inferred; or the same
 * columns with no row when the range has no file of it.
 */
export function lakeTable(table: ScoredTable, files: number, reader: string): string {
  if (files === 0) {
    const nulls = columnsOf(table).map(([c, t]) => `CAST(NULL AS ${CLICKHOUSE_TYPE[t]}) AS ${c}`);
    return `(SELECT ${nulls.join(', ')} FROM system.one WHERE 0)`;
  }
  // The structure is this module's own text, not a value: it is written in, single quotes doubled.
  const structure = structureOf(table).replaceAll("'", "''");
  const reads = Array.from(
    { length: files },
    (_, i) => `SELECT * FROM ${reader}({${fileParam(table, i)}:String}, 'Parquet', '${structure}')`,
  );
  return `(${reads.join(' UNION ALL ')})`;
}

/** Where each scored table is read from in one query: the subqueries of lakeTable. */
export type TableSources = Record<ScoredTable, string>;

/**
 * "The instant `column` falls in the local date range [{from}, {to}) of {tz}": both ends made
 * instants once, as stores/range.sql.ts does for DuckDB, so the column is compared bare.
 * toDateTime64 reads the date as local midnight in the zone.
 */
export const inLocalRange = (column: string) =>
  `${column} >= toDateTime64({from:String}, 6, {tz:String}) AND ${column} < toDateTime64({to:String}, 6, {tz:String})`;

/**
 * The settings every scoring query runs with, so that ClickHouse answers as DuckDB does: an outer
 * join's missing side and a grouping set's absent key are NULL (not 0 or ''), and 64-bit and wider
 * integers come as JSON strings (a JavaScript number would round money above 2^53).
 */
export const SCORING_SETTINGS = `SETTINGS join_use_nulls = 1, group_by_use_nulls = 1,
  output_format_json_quote_64bit_integers = 1`;
