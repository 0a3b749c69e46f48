import { CSV_REJECTS_SQL } from '../facts/stage.sql.ts';

/**
 * The staging of a transcripts file into two tables, whatever its format:
 *
 * - `tr_rows` (rowsViewSql), one row per segment, or per line that holds no segment to read: line (the file's
 *   line of the segment, or of its transcript in JSON Lines), idx (the segment's number in its
 *   record, 0 for a line with nothing to read), tkey (its transcript: the line in JSON Lines, the
 *   call in a CSV, the file for a per-call file), lang (a CSV row's own language), problem (why a
 *   line has nothing to read), raw (the text quarantined for the row, kept only for a bad one),
 *   the typed segment (spk, st, en, txt, conf) and seg_problem (what is wrong with the segment).
 * - `tr_transcripts`, one row per transcript: tkey, first_line, call_id, language, engine,
 *   language_line (the line its language was first given on), staged (a problem found while
 *   staging: a per-call file whose name matches no call) and in_order (its segments are written in
 *   start order, so that each one's number is its place).
 *
 * A JSON Lines file's segments are never written to a table of their own: tr_rows reads them from
 * the parsed lines (tr_docs) each time, typed and judged, so that 30 million segments are not
 * copied on the way to transcript_segments. Messages are the schemas' words: "column: message".
 */

export const CREATE_TABLES_SQL = [
  `CREATE OR REPLACE TEMP TABLE tr_seg (line BIGINT, idx INTEGER, tkey VARCHAR, lang VARCHAR, problem VARCHAR,
    raw VARCHAR, spk VARCHAR, st DOUBLE, en DOUBLE, txt VARCHAR, conf DOUBLE, seg_ok BOOLEAN, seg_problem VARCHAR)`,
  `CREATE OR REPLACE TEMP TABLE tr_extra (line BIGINT, idx INTEGER, tkey VARCHAR, problem VARCHAR, raw VARCHAR,
    seg_ok BOOLEAN DEFAULT false)`,
  `CREATE OR REPLACE TEMP TABLE tr_transcripts (tkey VARCHAR, first_line BIGINT, call_id VARCHAR, language VARCHAR,
    engine VARCHAR, language_line BIGINT, staged VARCHAR, in_order BOOLEAN DEFAULT false)`,
] as const;

const SPEAKERS = "('agent', 'customer', 'unknown')";
const blank = (x: string) => `(${x} IS NULL OR trim(${x}) = '')`;

/**
 * A segment's typed values and its problem, from its cells as text in `s` (speaker, start_s, end_s,
 * text, confidence): select items, with `raw` (SQL over `s`) kept for a bad segment only, when given.
 */
function judgedSegment(raw: string | null): string {
  const problem = `nullif(concat_ws('; ',
    CASE WHEN ${blank('s.speaker')} THEN 'speaker: is required'
      WHEN lower(trim(s.speaker)) NOT IN ${SPEAKERS} THEN 'speaker: "' || trim(s.speaker) || '" is not one of agent, customer, unknown' END,
    CASE WHEN ${blank('s.start_s')} THEN 'start_s: is required'
      WHEN s.st IS NULL OR NOT isfinite(s.st) THEN 'start_s: is not a number of seconds'
      WHEN s.st < 0 THEN 'start_s: is negative' END,
    CASE WHEN ${blank('s.end_s')} THEN 'end_s: is required'
      WHEN s.en IS NULL OR NOT isfinite(s.en) THEN 'end_s: is not a number of seconds'
      WHEN s.en < 0 THEN 'end_s: is negative'
      WHEN s.st >= 0 AND s.en < s.st THEN 'end_s: is before start_s' END,
    CASE WHEN s.txt IS NULL OR s.txt = '' THEN 'text: is empty' END,
    CASE WHEN NOT ${blank('s.confidence')} AND (s.conf IS NULL OR NOT (s.conf BETWEEN 0 AND 1))
      THEN 'confidence: is not a number from 0 to 1' END
  ), '')`;
  // The same rules as a yes or no, cheap to test on every segment; the message is put together
  // only where a bad segment is reported.
  const ok = `(lower(trim(s.speaker)) IN ${SPEAKERS} AND s.st >= 0 AND isfinite(s.st) AND s.en >= s.st AND isfinite(s.en)
    AND s.txt <> '' AND (${blank('s.confidence')} OR s.conf BETWEEN 0 AND 1))`;
  return `lower(trim(s.speaker)) AS spk, s.st, s.en, s.txt, s.conf, coalesce(${ok}, false) AS seg_ok,
    ${problem} AS seg_problem${
      raw === null ? '' : `,\n    CASE WHEN ${problem} IS NOT NULL THEN ${raw} END AS raw`
    }`;
}

/** The typed values judgedSegment reads beside the cells as text, over the source `x`. */
const typedCells = (x: string) => `${x}.*, TRY_CAST(trim(${x}.start_s) AS DOUBLE) AS st,
  TRY_CAST(trim(${x}.end_s) AS DOUBLE) AS en, trim(${x}.text, ' ' || chr(9) || chr(10) || chr(13)) AS txt,
  TRY_CAST(trim(${x}.confidence) AS DOUBLE) AS conf`;

/**
 * The true line of the row numbered `n` among those the CSV reader kept: each line it set aside
 * (not UTF-8, the wrong number of fields) before that row moves it one on.
 */
const trueLine = (n: string, rejects: boolean, header: number) =>
  rejects
    ? `(${n} + ${header} + (SELECT count(*) FROM tr_rejected r WHERE r.line - r.k - ${header} < ${n}))`
    : `(${n} + ${header})`;

export const REJECTED_LINES_SQL = `CREATE OR REPLACE TEMP TABLE tr_rejected AS
SELECT line, row_number() OVER (ORDER BY line) AS k FROM (SELECT DISTINCT line FROM csv_rejects)`;

export const REJECT_COUNT_SQL = 'SELECT count(*) FROM csv_rejects';

/**
 * The shape a JSON Lines transcript is read into, each value as text (a time written "1.5" or 1.5
 * is judged alike), parsed once. A line that is not JSON reads as null; a value of another shape
 * (segments that are not a list) as null.
 */
const TRANSCRIPT_SHAPE = JSON.stringify({
  call_id: 'VARCHAR',
  language: 'VARCHAR',
  engine: 'VARCHAR',
  segments: [
    { speaker: 'VARCHAR', start_s: 'VARCHAR', end_s: 'VARCHAR', text: 'VARCHAR', confidence: 'VARCHAR' },
  ],
});

/**
 * Each line of a JSON Lines file, parsed: the file is read by DuckDB's CSV reader with no quoting
 * and no delimiter (NUL), so that a line is one field whatever it holds, and a line that is not
 * UTF-8 is set aside with its number in `csv_rejects` instead of failing the file. The line's text
 * is kept only when it holds no transcript to read (`ok`).
 */
export const JSONL_DOCS_SQL = `CREATE OR REPLACE TEMP TABLE tr_docs AS
SELECT n, o, ok, CASE WHEN NOT ok THEN l END AS l,
  -- whether the segments are in the order they are stored in (by start time), none of them bad:
  -- then each one's place is its number, and no sort is needed to number them (list_count counts
  -- the starts that are numbers: list_contains(starts, NULL) would be NULL, never true)
  list_sort(starts) = starts AND list_count(starts) = len(starts) AS in_order
FROM (
  SELECT n, l, o, coalesce(len(o.segments) > 0, false) AS ok,
    list_transform(o.segments, lambda s: TRY_CAST(trim(s.start_s) AS DOUBLE)) AS starts
  FROM (
    SELECT ordinality AS n, l, try(json_transform(l, '${TRANSCRIPT_SHAPE}')) AS o
    FROM read_csv($file, header = false, auto_detect = false, columns = {'l': 'VARCHAR'},
      delim = chr(0), quote = '', escape = '', null_padding = false,
      store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_reject_scans') WITH ORDINALITY
  )
)`;

/** Why a parsed line holds no transcript, or null. */
const LINE_PROBLEM = `CASE WHEN o IS NULL THEN 'the line is not JSON'
  WHEN NOT starts_with(ltrim(l), '{') THEN 'the line is not a JSON object'
  WHEN o.segments IS NULL THEN CASE WHEN json_type(l, '$.segments') IS NULL THEN 'segments: is required'
    ELSE 'segments: is not a list of segments' END
  WHEN len(o.segments) = 0 THEN 'segments: is empty' END`;

/** A JSON Lines segment as a record of its own, with its transcript's fields. */
const JSONL_SEGMENT_RAW = `json_object('call_id', s.call_id, 'language', s.language, 'engine', s.engine,
  'speaker', s.speaker, 'start_s', s.start_s, 'end_s', s.end_s, 'text', s.text, 'confidence', s.confidence)::VARCHAR`;

export const jsonlRowsSql = (rejects: boolean) => `
SELECT s.line, s.idx, s.line::VARCHAR AS tkey, NULL::VARCHAR AS lang, NULL::VARCHAR AS problem,
  ${judgedSegment(JSONL_SEGMENT_RAW)}
FROM (
  SELECT ${typedCells('u')} FROM (
    SELECT line, o.call_id, o.language, o.engine, unnest(o.segments, recursive := true),
      unnest(range(1, len(o.segments) + 1)) AS idx
    FROM (SELECT ${trueLine('n', rejects, 0)} AS line, o FROM tr_docs WHERE ok)
  ) u
) s
UNION ALL BY NAME
SELECT line, 0 AS idx, line::VARCHAR AS tkey, problem, l AS raw
FROM (
  SELECT ${trueLine('n', rejects, 0)} AS line, l, ${LINE_PROBLEM} AS problem FROM tr_docs
  -- a blank line is no record; a long line's marker is quarantined on its own (LONG_LINES_SQL)
  WHERE NOT ok AND l IS NOT NULL AND trim(l, ' ' || chr(9) || chr(13)) <> '' AND l <> chr(1)
)
UNION ALL BY NAME
SELECT DISTINCT line, 0 AS idx, line::VARCHAR AS tkey,
  'is not UTF-8 text (see the note on the file''s encoding)' AS problem, csv_line AS raw FROM csv_rejects
WHERE csv_line IS DISTINCT FROM chr(1)`;

export const jsonlTranscriptsSql = (rejects: boolean) => `INSERT INTO tr_transcripts BY NAME
SELECT line::VARCHAR AS tkey, line AS first_line, nullif(trim(o.call_id), '') AS call_id,
  nullif(lower(trim(o.language)), '') AS language, nullif(trim(o.engine), '') AS engine, line AS language_line,
  coalesce(in_order, false) AS in_order
FROM (SELECT ${trueLine('n', rejects, 0)} AS line, o, in_order FROM tr_docs WHERE ok)`;

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

/** A CSV row as a CSV line again, its cells in the canonical order, quoted where they must be. */
const csvRaw = (cells: readonly string[]) =>
  `concat_ws(',', ${cells
    .map(
      (c) => `CASE WHEN ${c} IS NULL THEN '' WHEN regexp_matches(${c}, '[",\\r\\n]')
        THEN '"' || replace(${c}, '"', '""') || '"' ELSE ${c} END`,
    )
    .join(', ')})`;

/**
 * The records of a CSV of segments, as the CSV reader of etl/facts/stage.sql.ts gives them
 * ($file, $delim, $columns: every column text by the header's names), with their ordinals.
 */
export const csvLinesSql = (read: string) =>
  `CREATE OR REPLACE TEMP TABLE tr_lines AS SELECT * FROM ${read} WITH ORDINALITY`;

/** Each CSV record a segment of the call it names; `present` are the known columns the file has. */
export const csvRowsSql = (present: readonly string[], rejects: boolean) => {
  const col = (c: string) => (present.includes(c) ? `"${c}"` : 'NULL::VARCHAR');
  return `INSERT INTO tr_seg BY NAME
SELECT s.line, 1 AS idx, s.tkey, s.lang, ${judgedSegment(csvRaw(CSV_COLUMNS.map((c) => `s."${c}"`)))}
FROM (
  SELECT ${typedCells('c')} FROM (
    SELECT ${trueLine('ordinality', rejects, 1)} AS line, coalesce(trim(${col('call_id')}), '') AS tkey,
      nullif(lower(trim(${col('language')})), '') AS lang,
      ${CSV_COLUMNS.map((c) => `${col(c)} AS "${c}"`).join(', ')}
    FROM tr_lines
  ) c
) s
UNION ALL BY NAME
SELECT line, 0 AS idx, reason AS problem, raw FROM (${CSV_REJECTS_SQL}) WHERE raw IS DISTINCT FROM chr(1)`;
};

/** Each call of a CSV: its id, and the first language and engine its rows give. */
export const csvTranscriptsSql = (present: readonly string[], rejects: boolean) => {
  const col = (c: string) => (present.includes(c) ? `nullif(trim("${c}"), '')` : 'NULL::VARCHAR');
  return `INSERT INTO tr_transcripts BY NAME
SELECT tkey, min(line) AS first_line, any_value(call_id) AS call_id,
  arg_min(lang, line) FILTER (WHERE lang IS NOT NULL) AS language,
  arg_min(engine, line) FILTER (WHERE engine IS NOT NULL) AS engine,
  min(line) FILTER (WHERE lang IS NOT NULL) AS language_line
FROM (
  SELECT ${trueLine('ordinality', rejects, 1)} AS line, coalesce(${col('call_id')}, '') AS tkey,
    ${col('call_id')} AS call_id, lower(${col('language')}) AS lang, ${col('engine')} AS engine
  FROM tr_lines
) GROUP BY tkey`;
};

/** The segments of a per-call file, parsed in JavaScript, given as lists ($line, $speaker, …). */
export const PER_CALL_ROWS_SQL = `INSERT INTO tr_seg BY NAME
SELECT s.line, s.idx, 'file' AS tkey, s.problem, s.given_raw AS raw, ${judgedSegment(null)}
FROM (
  SELECT ${typedCells('u')} FROM (
    SELECT unnest($line) AS line, unnest($idx) AS idx, unnest($speaker) AS speaker, unnest($start_s) AS start_s,
      unnest($end_s) AS end_s, unnest($text) AS text, NULL::VARCHAR AS confidence, unnest($problem) AS problem,
      unnest($raw) AS given_raw
  ) u
) s`;

export const PER_CALL_TRANSCRIPT_SQL = `INSERT INTO tr_transcripts
VALUES ('file', $firstLine, $callId, $language, $engine, $firstLine, $staged, false)`;

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
export const LONG_LINES_SQL = `INSERT INTO tr_extra BY NAME
SELECT line, 0 AS idx, CASE WHEN $transcriptPerLine THEN line::VARCHAR END AS tkey, problem, '' AS raw
FROM (SELECT unnest($lines) AS line, unnest($reasons) AS problem)`;

/**
 * `tr_rows`, what the checks read: the segments of a CSV or a per-call file as staged (tr_seg), or
 * those of a JSON Lines file straight from its parsed lines (`jsonl`: jsonlRowsSql), each time
 * they are read: 30 million segments are not written to a table of their own on the way to
 * theirs. The lines quarantined on their own (tr_extra) are added.
 */
export const rowsViewSql = (jsonl: string | null) => `CREATE OR REPLACE TEMP VIEW tr_rows AS
${jsonl ?? 'SELECT * FROM tr_seg'}
UNION ALL BY NAME
SELECT * FROM tr_extra`;

/** Temp tables of one transcripts import, dropped when it ends (the view first). */
export const TRANSCRIPT_TABLES = [
  'tr_seg',
  'tr_extra',
  'tr_transcripts',
  'tr_docs',
  'tr_lines',
  'tr_rejected',
  'tr_keys',
  'tr_final',
  'tr_load',
  'csv_rejects',
  'csv_reject_scans',
] as const;
