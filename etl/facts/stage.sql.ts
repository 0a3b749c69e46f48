import { quotedIdentifier as q } from '@duckdb/node-api';

/**
 * The sources of a canonical file's text cells, one row per record in file order, every cell as
 * text: validation must see what the file says, not what a type sniffer guessed. A CSV file is
 * validated straight from DuckDB's reader (read once, nothing copied on the way); JSON Lines and
 * Parquet are first staged into `staging` (the staging rowid is the record's ordinal).
 */

/** The CSV reader's options: every column text, named by the header ($columns: name → 'VARCHAR'). */
export const CSV_READ = `read_csv($file, header = true, auto_detect = false, columns = $columns,
    delim = $delim, quote = '"', escape = '"', null_padding = false,
    store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_reject_scans')`;

/**
 * RFC 4180 CSV as the validation's source. A record with more or fewer fields than the header
 * cannot be read as its columns: the reader sets it aside in `csv_rejects` (line and text) instead
 * of failing the file. A UTF-8 BOM is skipped.
 */
export const CSV_SOURCE = `${CSV_READ} s`;

/** A CSV file with no header at all: no records. */
export const EMPTY_SOURCE = `(SELECT NULL::VARCHAR AS empty WHERE false) s`;

/**
 * The same CSV with each record's ordinal (0-based, `s.ordinality - 1`), for the second look at a
 * few rows: rejected records are not counted, in this as in the reading that loaded the file.
 */
export const CSV_ORDINAL_SOURCE = `(SELECT * FROM ${CSV_READ} WITH ORDINALITY) s`;
export const CSV_ORDINAL = 's.ordinality - 1';

/**
 * The lines of the file whose text is that of a bad row in `side_found` (its `raw`, the record as
 * a CSV line again). The file is read as bare lines, no quoting, no fields (the delimiter is NUL),
 * so keeping their order costs little, and a line's ordinal is its line number: the header is
 * line 1, blank lines count. A record whose line is written otherwise (quotes where none are
 * needed, a quoted line break) is not found here, and the caller looks the slow way.
 */
export const CSV_BAD_LINES_SQL = `CREATE OR REPLACE TEMP TABLE side_lines AS
SELECT line, text FROM (
  SELECT ordinality AS line, l AS text
  FROM read_csv($file, header = false, auto_detect = false, columns = {'l': 'VARCHAR'},
    delim = chr(0), quote = '', escape = '') WITH ORDINALITY
) WHERE text IS NOT NULL AND hash(text) IN (SELECT hash(raw) FROM side_found)`;

/**
 * The bad rows with their lines, as the second look's `side` (ordinal: line − 2, so that the
 * line is ordinal + 2 as for a file without rejected records). Rows of the same text take its
 * lines in turn.
 */
export const SIDE_FROM_LINES_SQL = `CREATE OR REPLACE TEMP TABLE side AS
WITH f AS (SELECT *, row_number() OVER (PARTITION BY raw) AS "::n" FROM side_found),
  l AS (SELECT line, text, row_number() OVER (PARTITION BY text ORDER BY line) AS "::n" FROM side_lines)
SELECT f.* EXCLUDE ("::n", raw), l.text AS raw, l.line - 2 AS ordinal
FROM f JOIN l ON f.raw = l.text AND f."::n" = l."::n"`;

/** Whether every bad row found its line and every line of such a text found its row. */
export const SIDE_LINES_COMPLETE_SQL = `SELECT (SELECT count(*) FROM side) = (SELECT count(*) FROM side_found)
  AND (SELECT count(*) FROM side_lines WHERE text IN (SELECT raw FROM side_found)) = (SELECT count(*) FROM side)`;

export const CSV_REJECT_COUNT_SQL = 'SELECT count(DISTINCT line) FROM csv_rejects';

/**
 * Rejected records leave gaps in the record ordinals: the k-th rejected line (0-based) shifts every
 * later record by one. `key` is the first ordinal the shift applies to.
 */
export const CSV_REJECT_KEYS_SQL = `CREATE OR REPLACE TEMP TABLE reject_keys AS
  SELECT key, max(shift) AS shift FROM (
    SELECT line - 2 - (row_number() OVER (ORDER BY line) - 1) AS key, row_number() OVER (ORDER BY line) AS shift
    FROM (SELECT DISTINCT line FROM csv_rejects)
  ) GROUP BY key`;

/** The line of the CSV record with ordinal `rid`: the header is line 1, rejected records count. */
export const csvLine = (rejects: boolean) => (rid: string) =>
  rejects
    ? `(${rid} + 2 + coalesce((SELECT max(shift) FROM reject_keys WHERE key <= ${rid}), 0))`
    : `(${rid} + 2)`;

/** Rejected records as quarantine rows, with the reason in the schemas' words. */
export const CSV_REJECTS_SQL = `SELECT line, csv_line AS raw,
    CASE WHEN error_type IN ('TOO MANY COLUMNS', 'MISSING COLUMNS')
      THEN 'has ' || regexp_extract(error_message, 'Found: (\\d+)', 1) || ' fields where the header has '
        || regexp_extract(error_message, 'Expected Number of Columns: (\\d+)', 1)
      WHEN error_type = 'INVALID ENCODING' THEN 'is not UTF-8 text (see the note on the file''s encoding)'
      ELSE 'cannot be read as CSV: ' || lower(error_type) END AS reason
  FROM (SELECT DISTINCT ON (line) * FROM csv_rejects ORDER BY line)`;

/** A staged CSV record as a CSV line again, for the quarantine (quoted where it must be). */
export const csvRawSql = (columns: readonly string[]) =>
  `concat_ws($delim, ${columns
    .map((c) => {
      const v = q(c);
      return `CASE WHEN ${v} IS NULL THEN '' WHEN contains(${v}, $delim) OR contains(${v}, '"')
        OR contains(${v}, chr(10)) OR contains(${v}, chr(13)) THEN '"' || replace(${v}, '"', '""') || '"' ELSE ${v} END`;
    })
    .join(', ')})`;

/** JSON Lines: each line whole first, so a value is read as the text it is, number or string. */
export const JSONL_READ_SQL = `CREATE OR REPLACE TEMP TABLE staging_json AS
  SELECT json AS raw FROM read_json_objects($file, format = 'newline_delimited')`;

export const JSONL_KEYS_SQL = `SELECT DISTINCT unnest(json_keys(raw)) AS key FROM staging_json WHERE json_type(raw) = 'OBJECT'`;

/** The known keys of each line as text, all from one parse ($paths: their JSON paths). */
export const jsonlStageSql = (columns: readonly string[]) => `CREATE OR REPLACE TEMP TABLE staging AS
  SELECT raw, CASE WHEN json_type(raw) <> 'OBJECT' THEN 'the line is not a JSON object' END AS _row_problem,
    ${columns.map((c, i) => `v[${i + 1}] AS ${q(c)}`).join(', ')}
  FROM (SELECT raw, json_extract_string(raw, $paths) AS v FROM staging_json)`;

export const PARQUET_STAGE_SQL = `CREATE OR REPLACE TEMP TABLE staging AS
  SELECT COLUMNS(*)::VARCHAR FROM read_parquet($file)`;

export const STAGING_COLUMNS_SQL = `SELECT column_name FROM (DESCRIBE staging)`;

export const STAGED_COUNT_SQL = 'SELECT count(*) FROM staging';

/** Temp tables of one import, dropped when it ends (the connection's own, in any case). */
export const STAGING_TABLES = [
  'staging',
  'staging_json',
  'side_found',
  'side_lines',
  'repeated_keys',
  'side',
  'repeats',
  'matched',
  'known_operators',
  'reject_keys',
] as const;
