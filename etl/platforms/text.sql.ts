/**
 * SQL shared by the platform readers: a file's lines with their numbers, delimited fields split
 * the RFC 4180 way, JSON records, times to ISO 8601 text and PBX names to operators. Lines are
 * read whole so that every record keeps its line and its text for the quarantine.
 */

/**
 * The file's lines, numbered from 1, without their line ends: file-lines.ts reads them as a stream
 * and appends them, handed to DuckDB a batch at a time.
 */
export const CREATE_FILE_LINES_SQL = 'CREATE OR REPLACE TEMP TABLE file_lines (line BIGINT, text VARCHAR)';

/** The first line with text: a header, or the first record. */
export const FIRST_LINE_SQL = `SELECT line, text FROM file_lines WHERE trim(text) <> '' ORDER BY line LIMIT 1`;

/** The delimiters an export may use; the split pattern is built from one of these only. */
export type Delimiter = ',' | ';' | '\t';

/** A delimited line's fields the RFC 4180 way, quoted ones unquoted (`"a ""b"""` is `a "b"`). */
const splitQuoted = (text: string, d: Delimiter) =>
  `list_transform(regexp_extract_all('${d}' || ${text}, '${d}("(?:[^"]|"")*"|[^${d}]*)', 1),
    x -> CASE WHEN x LIKE '"%"' THEN replace(x[2:-2], '""', '"') ELSE x END)`;

/**
 * A delimited line's fields. The pattern (the line read with a delimiter before it, so that every
 * field is a delimiter and its text, an empty first one too) is costly, so the two common shapes
 * take a plain split: a line with no quote at all, and a line whose every field is quoted and holds
 * no quote (as many `"D"` joints as its quotes say, so no field holds the joint as text).
 */
export const splitFields = (text: string, d: Delimiter) => `CASE
  WHEN NOT contains(${text}, '"') THEN string_split(${text}, '${d}')
  WHEN starts_with(${text}, '"') AND ends_with(${text}, '"') AND length(${text}) > 1
    AND 2 * len(string_split(${text}[2:-2], '"${d}"')) = length(${text}) - length(replace(${text}, '"', ''))
    THEN string_split(${text}[2:-2], '"${d}"')
  ELSE ${splitQuoted(text, d)} END`;

/** Every record line after the header ($after: the header's line, or 0) with its fields `f`. */
export const delimitedRowsSql = (d: Delimiter) => `CREATE OR REPLACE TEMP TABLE delimited_rows AS
SELECT line, text AS raw, ${splitFields('text', d)} AS f
FROM file_lines WHERE line > $after AND trim(text) <> ''`;

/** The header's fields, for the reader to find its columns by name. */
export const headerFieldsSql = (d: Delimiter) =>
  `SELECT ${splitFields('text', d)} AS f FROM file_lines WHERE line = $line`;

/**
 * JSON records one a line (JSON Lines): each line with text is a record; one that is not a JSON
 * object is kept with a null `j`, to be quarantined.
 */
export const JSON_LINES_SQL = `CREATE OR REPLACE TEMP TABLE json_records AS
SELECT line, text AS raw, CASE WHEN json_type(try_cast(text AS JSON)) = 'OBJECT' THEN try_cast(text AS JSON) END AS j
FROM file_lines WHERE trim(text) <> ''`;

/**
 * JSON objects written one after another, in an array, or one object over many lines (a pretty-printed file, a
 * Kinesis Firehose file of concatenated records): numbered by their order in the file.
 */
export const JSON_OBJECTS_SQL = `CREATE OR REPLACE TEMP TABLE json_records AS
SELECT row_number() OVER () AS line, json::VARCHAR AS raw, json AS j
FROM read_json_objects($file, format = 'auto')`;

/** A line that is a JSON object on its own says the file is JSON Lines. */
export const FIRST_LINE_IS_OBJECT_SQL = `SELECT coalesce(json_type(try_cast(text AS JSON)) = 'OBJECT', false) AS ok
FROM file_lines WHERE trim(text) <> '' ORDER BY line LIMIT 1`;

/** A TIMESTAMPTZ as ISO 8601 text in UTC, as the canonical calls take it. */
export const isoUtc = (ts: string) => `strftime((${ts}) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')`;

/** Wall-clock text in the company zone ($tz), read with a strptime format, as a TIMESTAMPTZ. */
export const localTime = (text: string, format: string) =>
  `timezone($tz, try_strptime(nullif(trim(${text}), ''), '${format}')::TIMESTAMP)`;

/** Unix seconds (UTC) as a TIMESTAMPTZ; 0 or empty means "never", as PBXs write it. */
export const epochTime = (text: string) =>
  `to_timestamp(nullif(try_cast(nullif(trim(${text}), '') AS DOUBLE), 0))`;

/** The operator whose `pbx_ids` hold this PBX name (lower-cased); the first by id when several do. */
export const operatorOf = (name: string) =>
  `(SELECT min(m.operator_id) FROM pbx_map m WHERE m.key = lower(trim(${name})))`;

/** A cell, trimmed, empty as null. */
export const cell = (x: string) => `nullif(trim(${x}), '')`;
