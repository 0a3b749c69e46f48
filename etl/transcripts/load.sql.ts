/**
 * Checking and loading the staged segments of a transcripts file (tr_stage, stage.sql.ts), all in
 * SQL: a file of a million transcripts is never walked row by row in JavaScript.
 *
 * 1. tr_rows: each segment typed, with the reason it cannot load, if any (its own fault: speaker,
 *    times, text, confidence), its transcript's problems joined in step 2.
 * 2. tr_keys: each transcript of the file (tkey): its call, language and engine, what is wrong with
 *    it as a whole (no call, an unknown call, a language that is not a two-letter code), and a hash
 *    of its good segments in order, by which a copy is told from another version.
 * 3. tr_final: what becomes of each transcript with good segments: `new`, `replace` (the stored
 *    transcript of its call is another), `duplicate` (the same as the one stored, or as an earlier
 *    line of this file), or `conflict` (its call is on an earlier line of this file, with other
 *    segments: quarantined whole).
 * A transcript loads whole or not at all; a bad segment of a good transcript is left out with its
 * reason. `seq` orders a transcript's segments by start time, then by their order in the file.
 */

const SPEAKERS = "('agent', 'customer', 'unknown')";

/** A value as written is missing: null, or nothing but white space. */
const blank = (x: string) => `(${x} IS NULL OR trim(${x}) = '')`;

export const TYPED_ROWS_SQL = `CREATE OR REPLACE TEMP TABLE tr_rows AS
SELECT *, nullif(concat_ws('; ',
    CASE WHEN ${blank('speaker')} THEN 'speaker: is required'
      WHEN spk NOT IN ${SPEAKERS} THEN 'speaker: "' || trim(speaker) || '" is not one of agent, customer, unknown' END,
    CASE WHEN ${blank('start_s')} THEN 'start_s: is required'
      WHEN st IS NULL OR NOT isfinite(st) THEN 'start_s: is not a number of seconds'
      WHEN st < 0 THEN 'start_s: is negative' END,
    CASE WHEN ${blank('end_s')} THEN 'end_s: is required'
      WHEN en IS NULL OR NOT isfinite(en) THEN 'end_s: is not a number of seconds'
      WHEN en < 0 THEN 'end_s: is negative'
      WHEN st >= 0 AND en < st THEN 'end_s: is before start_s' END,
    CASE WHEN txt IS NULL OR txt = '' THEN 'text: is empty' END,
    CASE WHEN NOT ${blank('confidence')} AND (conf IS NULL OR NOT (conf BETWEEN 0 AND 1))
      THEN 'confidence: is not a number from 0 to 1' END
  ), '') AS seg_problem
FROM (
  SELECT *, lower(trim(speaker)) AS spk, TRY_CAST(trim(start_s) AS DOUBLE) AS st,
    TRY_CAST(trim(end_s) AS DOUBLE) AS en, trim(text, ' ' || chr(9) || chr(10) || chr(13)) AS txt,
    TRY_CAST(trim(confidence) AS DOUBLE) AS conf, nullif(lower(trim(language)), '') AS lang
  FROM tr_stage
)`;

/**
 * Each transcript: the first call id, language and engine its rows give (a CSV repeats them on
 * every row), and its problem as a whole. A call is known when the `calls` table has it.
 */
export const KEYS_SQL = `CREATE OR REPLACE TEMP TABLE tr_keys AS
WITH k AS (
  SELECT tkey, min(line) AS first_line,
    arg_min(nullif(trim(call_id), ''), (line, idx)) FILTER (WHERE ${`NOT ${blank('call_id')}`}) AS call_id,
    arg_min(lang, (line, idx)) FILTER (WHERE lang IS NOT NULL) AS language,
    arg_min(nullif(trim(engine), ''), (line, idx)) FILTER (WHERE NOT ${blank('engine')}) AS engine,
    arg_min(line, (line, idx)) FILTER (WHERE lang IS NOT NULL) AS language_line,
    any_value(problem) AS staged
  FROM tr_rows WHERE idx > 0 OR problem IS NULL GROUP BY tkey
), judged AS (
  SELECT *, nullif(concat_ws('; ',
      CASE WHEN call_id IS NULL THEN 'call_id: is required' END,
      CASE WHEN language IS NULL THEN 'language: is required'
        WHEN NOT regexp_full_match(language, '[a-z]{2}') THEN 'language: "' || language || '" is not a two-letter ISO 639-1 code' END
    ), '') AS own
  FROM k
)
SELECT tkey, first_line, call_id, language, engine, language_line,
  coalesce(staged, own, CASE WHEN call_id NOT IN (SELECT call_id FROM calls)
    THEN 'call_id: "' || call_id || '" is not a known call; import calls first' END) AS t_problem
FROM judged`;

/**
 * Each segment's reason, in the order that tells most: the line's, the transcript's, its own. In a
 * CSV, a row whose language is not its call's first one is left out, naming that row.
 */
export const SEGMENT_PROBLEMS_SQL = `CREATE OR REPLACE TEMP TABLE tr_rows AS
SELECT r.*, coalesce(
    CASE WHEN r.idx = 0 AND r.problem IS NOT NULL THEN r.problem END,
    k.t_problem,
    r.seg_problem,
    CASE WHEN r.lang IS NOT NULL AND r.lang <> k.language
      THEN 'language: "' || r.lang || '" is not the call''s language, "' || k.language || '" on line ' || k.language_line END
  ) AS reason
FROM tr_rows r LEFT JOIN tr_keys k USING (tkey)`;

/** A transcript's good segments in their order, hashed with its language and engine. */
const segmentList = (alias: string) =>
  `list((${alias}.spk, ${alias}.st, ${alias}.en, ${alias}.txt, ${alias}.conf) ORDER BY ${alias}.st, ${alias}.line, ${alias}.idx)`;

/**
 * What becomes of each transcript that has good segments (see the module's comment). The stored
 * transcripts are compared only for the calls this file names.
 */
export const FINAL_SQL = `CREATE OR REPLACE TEMP TABLE tr_final AS
WITH good AS (
  SELECT k.tkey, k.first_line, k.call_id, k.language, k.engine, count(*) AS segments,
    bool_or(r.spk IN ('agent', 'customer')) AS speakers_known,
    hash(k.language, k.engine, ${segmentList('r')}) AS h
  FROM tr_rows r JOIN tr_keys k USING (tkey) WHERE r.reason IS NULL
  GROUP BY k.tkey, k.first_line, k.call_id, k.language, k.engine
), ranked AS (
  SELECT *, row_number() OVER (PARTITION BY call_id ORDER BY first_line) AS n,
    first_value(h) OVER (PARTITION BY call_id ORDER BY first_line) AS first_h,
    first_value(first_line) OVER (PARTITION BY call_id ORDER BY first_line) AS first_of_call
  FROM good
), stored AS (
  SELECT t.call_id, hash(t.language, t.engine, (
      SELECT list((s.speaker, s.start_s, s.end_s, s.text, s.confidence) ORDER BY s.seq)
      FROM transcript_segments s WHERE s.call_id = t.call_id)) AS h
  FROM transcripts t WHERE t.call_id IN (SELECT call_id FROM good)
)
SELECT r.tkey, r.call_id, r.language, r.engine, r.segments, r.speakers_known, r.first_of_call,
  CASE WHEN r.n > 1 AND r.h = r.first_h THEN 'duplicate'
    WHEN r.n > 1 THEN 'conflict'
    WHEN s.call_id IS NULL THEN 'new'
    WHEN s.h = r.h THEN 'duplicate'
    ELSE 'replace' END AS action
FROM ranked r LEFT JOIN stored s ON s.call_id = r.call_id AND r.n = 1`;

/** A later transcript of a call, with other segments than the file's first one, is quarantined whole. */
export const CONFLICTS_SQL = `UPDATE tr_rows SET reason = 'call_id "' || f.call_id || '" is already on line ' || f.first_of_call
  || ' of this file, with other segments'
FROM tr_final f WHERE tr_rows.tkey = f.tkey AND f.action = 'conflict' AND tr_rows.reason IS NULL`;

/** A replaced transcript goes whole, segments and all. */
export const DELETE_REPLACED_SQL = [
  `DELETE FROM transcript_segments WHERE call_id IN (SELECT call_id FROM tr_final WHERE action = 'replace')`,
  `DELETE FROM transcripts WHERE call_id IN (SELECT call_id FROM tr_final WHERE action = 'replace')`,
] as const;

export const INSERT_TRANSCRIPTS_SQL = `INSERT INTO transcripts (call_id, language, engine, speakers_known, segment_count, import_id)
SELECT call_id, language, engine, speakers_known, segments, $importId FROM tr_final WHERE action IN ('new', 'replace')`;

export const INSERT_SEGMENTS_SQL = `INSERT INTO transcript_segments (call_id, seq, speaker, start_s, end_s, text, confidence, import_id)
SELECT f.call_id, row_number() OVER (PARTITION BY r.tkey ORDER BY r.st, r.line, r.idx), r.spk, r.st, r.en, r.txt, r.conf, $importId
FROM tr_rows r JOIN tr_final f USING (tkey)
WHERE r.reason IS NULL AND f.action IN ('new', 'replace')`;

/**
 * The report's figures. Segments: read = loaded + quarantined + duplicates, where a line that held
 * no segment to read (not JSON, no list of segments, not UTF-8) counts as one quarantined.
 * Transcripts: read = loaded + quarantined + duplicates, loaded counting the replaced.
 */
export const FIGURES_SQL = `SELECT
  (SELECT count(*) FROM tr_rows) AS read,
  (SELECT count(*) FROM tr_rows r JOIN tr_final f USING (tkey) WHERE r.reason IS NULL AND f.action IN ('new', 'replace')) AS loaded,
  (SELECT count(*) FROM tr_rows WHERE reason IS NOT NULL) AS quarantined,
  (SELECT count(*) FROM tr_rows r JOIN tr_final f USING (tkey) WHERE r.reason IS NULL AND f.action = 'duplicate') AS duplicates,
  (SELECT count(DISTINCT tkey) FROM tr_rows) AS t_read,
  (SELECT count(*) FROM tr_final WHERE action IN ('new', 'replace')) AS t_loaded,
  (SELECT count(*) FROM tr_final WHERE action = 'replace') AS t_replaced,
  (SELECT count(*) FROM tr_final WHERE action = 'duplicate') AS t_duplicates`;

/**
 * The quarantined rows: `line, raw, reason`, in the file's order. `raw` is what staging kept (the
 * line, a per-call file's cue) or else the segment rebuilt by `rawSql` over tr_rows' columns.
 */
export const quarantineSql = (rawSql: string) => `SELECT line, coalesce(raw, ${rawSql}) AS raw, reason
FROM tr_rows WHERE reason IS NOT NULL ORDER BY line, idx`;

/** A JSON Lines segment as a record of its own, with its transcript's fields. */
export const JSONL_RAW = `json_object('call_id', call_id, 'language', language, 'engine', engine, 'speaker', speaker,
  'start_s', start_s, 'end_s', end_s, 'text', text, 'confidence', confidence)::VARCHAR`;

/** A CSV row as a CSV line again, its cells in the canonical order, quoted where they must be. */
export const csvRawSql = (columns: readonly string[]) =>
  `concat_ws(',', ${columns
    .map(
      (c) => `CASE WHEN "${c}" IS NULL THEN '' WHEN regexp_matches("${c}", '[",\\r\\n]')
        THEN '"' || replace("${c}", '"', '""') || '"' ELSE "${c}" END`,
    )
    .join(', ')})`;
