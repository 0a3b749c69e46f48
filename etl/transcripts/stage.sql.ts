import { CSV_REJECTS_SQL } from '../facts/stage.sql.ts';

/**
 * The sources of a transcripts file, staged as one row per segment into `tr_stage`, every value
 * as the file writes it (text): the validation (check.sql.ts) must see what the file says.
 *
 * tr_stage: line (the file's line of the segment, or of its transcript in JSON Lines), idx (the
 * segment's place in its record: its number in the line's `segments`, or its cue's; 0 for a line
 * that holds no segment to read), tkey (which transcript the row belongs to: the line in JSON Lines, the call in CSV, the
 * file for a per-call file), call_id, language, engine, speaker, start_s, end_s, text, confidence,
 * problem (a reason known before any segment is looked at: on a row of idx 0, the line's, such as
 * a line that is not JSON; on a segment, its transcript's, such as a per-call file whose name matches
 * no call) and raw (the text quarantined for the row, when staging knows it).
 */

const STAGE_COLUMNS = `line BIGINT, idx INTEGER, tkey VARCHAR, call_id VARCHAR, language VARCHAR, engine VARCHAR,
  speaker VARCHAR, start_s VARCHAR, end_s VARCHAR, text VARCHAR, confidence VARCHAR, problem VARCHAR, raw VARCHAR`;

export const CREATE_STAGE_SQL = `CREATE OR REPLACE TEMP TABLE tr_stage (${STAGE_COLUMNS})`;

/**
 * The lines of a file as text, each with its number: the file is read by DuckDB's CSV reader with
 * no quoting and no delimiter (NUL), so a line is one field whatever it holds. A line that is not
 * UTF-8 is set aside in `csv_rejects` with its number; `ordinality` then skips it.
 */
export const JSONL_LINES_SQL = `CREATE OR REPLACE TEMP TABLE tr_lines AS
SELECT ordinality AS n, l FROM read_csv($file, header = false, auto_detect = false, columns = {'l': 'VARCHAR'},
  delim = chr(0), quote = '', escape = '', null_padding = false,
  store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_reject_scans') WITH ORDINALITY`;

/**
 * The shape a JSON Lines transcript is read into: each value as text, numbers too, so that a time
 * written "1.5" or 1.5 is judged alike. A value of the wrong shape reads as null.
 */
const TRANSCRIPT_SHAPE = JSON.stringify({
  call_id: 'VARCHAR',
  language: 'VARCHAR',
  engine: 'VARCHAR',
  segments: 'JSON',
});
const SEGMENTS_SHAPE = JSON.stringify([
  { speaker: 'VARCHAR', start_s: 'VARCHAR', end_s: 'VARCHAR', text: 'VARCHAR', confidence: 'VARCHAR' },
]);

/**
 * The true line of a row numbered `n` among the lines the reader kept: each line it set aside
 * before that row moves it one on. `rejects` says whether any was.
 */
const trueLine = (n: string, rejects: boolean, header = 0) =>
  rejects
    ? `(${n} + ${header} + (SELECT count(*) FROM tr_rejected r WHERE r.line - r.k - ${header} < ${n}))`
    : `(${n} + ${header})`;

export const REJECTED_LINES_SQL = `CREATE OR REPLACE TEMP TABLE tr_rejected AS
SELECT line, row_number() OVER (ORDER BY line) AS k FROM (SELECT DISTINCT line FROM csv_rejects)`;

/** Every line of a JSON Lines file: a transcript per line, one row per segment. */
export const jsonlStageSql = (rejects: boolean) => `INSERT INTO tr_stage BY NAME
WITH parsed AS (
  SELECT ${trueLine('n', rejects)} AS line, l,
    CASE WHEN NOT json_valid(l) THEN 'the line is not JSON'
      WHEN json_type(l) <> 'OBJECT' THEN 'the line is not a JSON object' END AS bad
  FROM tr_lines WHERE l IS NOT NULL AND trim(l, ' ' || chr(9) || chr(13)) <> '' AND l <> chr(1)
), objects AS (
  SELECT line, l, bad, CASE WHEN bad IS NULL THEN json_transform(l, '${TRANSCRIPT_SHAPE}') END AS o FROM parsed
), judged AS (
  SELECT line, l, o, coalesce(bad,
    CASE WHEN o.segments IS NULL THEN 'segments: is required'
      WHEN json_type(o.segments) <> 'ARRAY' THEN 'segments: is not a list of segments'
      WHEN json_array_length(o.segments) = 0 THEN 'segments: is empty' END) AS bad
  FROM objects
), segmented AS (
  SELECT line, o, json_transform(o.segments, '${SEGMENTS_SHAPE}') AS segs FROM judged WHERE bad IS NULL
)
SELECT line, idx, line::VARCHAR AS tkey, o.call_id, o.language, o.engine, seg.speaker, seg.start_s, seg.end_s,
  seg.text, seg.confidence
FROM (SELECT line, o, unnest(segs) AS seg, unnest(range(1, len(segs) + 1)) AS idx FROM segmented)
UNION ALL BY NAME
SELECT line, 0 AS idx, line::VARCHAR AS tkey, bad AS problem, l AS raw FROM judged WHERE bad IS NOT NULL
UNION ALL BY NAME
SELECT DISTINCT line, 0 AS idx, line::VARCHAR AS tkey,
  'is not UTF-8 text (see the note on the file''s encoding)' AS problem, csv_line AS raw FROM csv_rejects`;

/** The columns of a CSV of segments; the first five are required. */
export const CSV_COLUMNS = [
  'call_id',
  'speaker',
  'start_s',
  'end_s',
  'text',
  'language',
  'confidence',
  'engine',
] as const;
export const CSV_REQUIRED = CSV_COLUMNS.slice(0, 5);

/**
 * A CSV of segments, read as every column text by the header's names (`read`: the table the CSV
 * reader of etl/facts/stage.sql.ts filled, with each record's `ordinality`), each row a segment of the call it names. `present` are the known
 * columns the file has; records the reader set aside (the wrong number of fields, not UTF-8)
 * come as rows of their own, with the reason.
 */
export const csvStageSql = (read: string, present: readonly string[], rejects: boolean) => {
  const col = (c: string) => (present.includes(c) ? `"${c}"` : 'NULL');
  return `INSERT INTO tr_stage BY NAME
SELECT ${trueLine('ordinality', rejects, 1)} AS line, 1 AS idx, coalesce(trim(${col('call_id')}), '') AS tkey,
  ${CSV_COLUMNS.map((c) => `${col(c)} AS "${c}"`).join(', ')}
FROM ${read}
UNION ALL BY NAME
SELECT line, 0 AS idx, reason AS problem, raw FROM (${CSV_REJECTS_SQL}) WHERE raw IS DISTINCT FROM chr(1)`;
};

/** The rows of a per-call file, parsed in JavaScript, given as lists ($line, $speaker, …). */
export const PER_CALL_STAGE_SQL = `INSERT INTO tr_stage BY NAME
SELECT unnest($line) AS line, unnest($idx) AS idx, 'file' AS tkey, $callId AS call_id, $language AS language,
  $engine AS engine, unnest($speaker) AS speaker, unnest($start_s) AS start_s, unnest($end_s) AS end_s,
  unnest($text) AS text, unnest($problem) AS problem, unnest($raw) AS raw`;

/** The calls a per-call file's name may mean: the call of that id, or the calls whose recording it names. */
export const CALLS_NAMED_SQL = `SELECT call_id FROM calls WHERE call_id = $stem
UNION
SELECT call_id FROM calls
WHERE recording IS NOT NULL AND contains(recording, $stem)
  AND regexp_replace(regexp_extract(recording, '[^/\\\\]*$'), '\\.[^.]*$', '') = $stem
ORDER BY call_id LIMIT 3`;

/**
 * Lines too long to read ($lines, $reasons): taken out of the file before DuckDB read it (each left
 * as a marker line, chr(1): etl/input/prepare.ts, which the readings above pass over), quarantined here.
 */
export const LONG_LINES_STAGE_SQL = `INSERT INTO tr_stage BY NAME
SELECT unnest($lines) AS line, 0 AS idx, unnest($lines)::VARCHAR AS tkey, unnest($reasons) AS problem, '' AS raw`;

/** Temp tables of one transcripts import, dropped when it ends. */
export const TRANSCRIPT_TABLES = [
  'tr_stage',
  'tr_lines',
  'tr_rejected',
  'tr_rows',
  'tr_keys',
  'tr_final',
  'csv_rejects',
  'csv_reject_scans',
] as const;
