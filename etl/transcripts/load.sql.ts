import { tokenizeSql } from '../../stores/segment-words.sql.ts';

/**
 * Checking and loading the staged transcripts (stage.sql.ts), all in SQL: a file of a million
 * transcripts is never walked row by row in JavaScript, and its segments are read from one table.
 *
 * 1. tr_keys: each transcript with what is wrong with it as a whole (no call, an unknown call, a
 *    language that is not a two-letter code).
 * 2. tr_final: each transcript that has good segments, their count and a hash of them, and what
 *    becomes of it: `new`, `replace` (the stored transcript of its call is another), `duplicate`
 *    (the same as the stored one, or as an earlier line of this file) or `conflict` (its call is on
 *    an earlier line of this file with other segments: quarantined whole).
 * A transcript loads whole or not at all; a bad segment of a good transcript is left out with its
 * reason. `seq` orders a transcript's segments by start time, then by their order in the file.
 */

export const KEYS_SQL = `CREATE OR REPLACE TEMP TABLE tr_keys AS
SELECT *, coalesce(staged,
    nullif(concat_ws('; ',
      CASE WHEN call_id IS NULL THEN 'call_id: is required' END,
      CASE WHEN language IS NULL THEN 'language: is required'
        WHEN NOT regexp_full_match(language, '[a-z]{2}') THEN 'language: "' || language || '" is not a two-letter ISO 639-1 code' END
    ), ''),
    CASE WHEN call_id NOT IN (SELECT call_id FROM calls)
      THEN 'call_id: "' || call_id || '" is not a known call; import calls first' END
  ) AS t_problem
FROM tr_transcripts`;

/** A segment that loads if its transcript does: readable, good, in its call's language. */
const GOOD = (r: string, k: string) =>
  `${r}.seg_ok AND ${r}.problem IS NULL AND (${r}.lang IS NULL OR ${r}.lang = ${k}.language)`;

/**
 * A hash of a transcript's segments, as a sum of theirs: it needs no ordering, so a million
 * transcripts are compared without building a list of each one's segments.
 */
const segmentsHash = (speaker: string, start: string, end: string, text: string, conf: string) =>
  `sum(hash(${speaker}, ${start}, ${end}, ${text}, ${conf})::HUGEINT)`;

/** Whether any transcript is stored: only then can one of this file's be stored already. */
export const HAS_TRANSCRIPTS_SQL = 'SELECT EXISTS (SELECT 1 FROM transcripts)';

/** `stored`: compare with the stored transcripts of the same calls (false while none is stored). */
export const finalSql = (stored: boolean) => `CREATE OR REPLACE TEMP TABLE tr_final AS
WITH good AS (
  SELECT k.tkey, any_value(k.first_line) AS first_line, any_value(k.call_id) AS call_id,
    any_value(k.language) AS language, any_value(k.engine) AS engine, count(*) AS segments,
    -- numbered without a sort: in start order as written, and none left out
    any_value(k.in_order) AND count(*) = max(r.idx) AS numbered,
    bool_or(r.spk IN ('agent', 'customer')) AS speakers_known,
    hash(any_value(k.language), any_value(k.engine), ${segmentsHash('r.spk', 'r.st', 'r.en', 'r.txt', 'r.conf')}) AS h
  FROM tr_rows r JOIN tr_keys k ON r.tkey = k.tkey AND k.t_problem IS NULL
  WHERE ${GOOD('r', 'k')}
  GROUP BY k.tkey
), ranked AS (
  SELECT *, row_number() OVER w AS n, first_value(h) OVER w AS first_h, first_value(first_line) OVER w AS first_of_call
  FROM good WINDOW w AS (PARTITION BY call_id ORDER BY first_line)
), stored AS (${
  stored
    ? `
  SELECT t.call_id, hash(any_value(t.language), any_value(t.engine),
      ${segmentsHash('s.speaker', 's.start_s', 's.end_s', 's.text', 's.confidence')}) AS h
  FROM transcripts t JOIN transcript_segments s ON s.call_id = t.call_id
  WHERE t.call_id IN (SELECT call_id FROM good)
  GROUP BY t.call_id`
    : `
  SELECT NULL::VARCHAR AS call_id, NULL::UBIGINT AS h WHERE false`
})
SELECT r.tkey, r.call_id, r.language, r.engine, r.segments, r.speakers_known, r.first_of_call, r.numbered,
  CASE WHEN r.n > 1 AND r.h = r.first_h THEN 'duplicate'
    WHEN r.n > 1 THEN 'conflict'
    WHEN s.call_id IS NULL THEN 'new'
    WHEN s.h = r.h THEN 'duplicate'
    ELSE 'replace' END AS action
FROM ranked r LEFT JOIN stored s ON s.call_id = r.call_id AND r.n = 1`;

/**
 * A replaced transcript goes whole, segments and all, and so do the AutoQA results, phrase
 * places and timeline read off it: the next run checks the call again on the new text.
 */
export const DELETE_REPLACED_SQL = [
  `DELETE FROM autoqa_results WHERE call_id IN (SELECT call_id FROM tr_final WHERE action = 'replace')`,
  `DELETE FROM autoqa_places WHERE call_no IN (SELECT n.call_no FROM autoqa_call_numbers n
    JOIN tr_final f USING (call_id) WHERE f.action = 'replace')`,
  `DELETE FROM autoqa_searched WHERE call_no IN (SELECT n.call_no FROM autoqa_call_numbers n
    JOIN tr_final f USING (call_id) WHERE f.action = 'replace')`,
  `DELETE FROM autoqa_timelines WHERE call_no IN (SELECT n.call_no FROM autoqa_call_numbers n
    JOIN tr_final f USING (call_id) WHERE f.action = 'replace')`,
  `DELETE FROM transcript_segments WHERE call_id IN (SELECT call_id FROM tr_final WHERE action = 'replace')`,
  `DELETE FROM transcripts WHERE call_id IN (SELECT call_id FROM tr_final WHERE action = 'replace')`,
] as const;

export const INSERT_TRANSCRIPTS_SQL = `INSERT INTO transcripts (call_id, language, engine, speakers_known, segment_count, import_id)
SELECT call_id, language, engine, speakers_known, segments, $importId FROM tr_final WHERE action IN ('new', 'replace')`;

/** How many transcripts load with their segments' numbers as written, and how many need a sort. */
export const LOADING_SQL = `SELECT count(*) FILTER (WHERE numbered), count(*) FILTER (WHERE NOT numbered)
FROM tr_final WHERE action IN ('new', 'replace')`;

/**
 * The good segments of the transcripts that load, numbered by start time then file order: those
 * of a transcript written in that order keep their number; only the others are sorted. Each is
 * cut into its words here, once, for AutoQA's checks (tr_load: the rows to store); the words are
 * then stemmed into their stem numbers (stores/lexicon) and both stored with the segment.
 */
export const LOAD_SEGMENTS_SQL = [
  `CREATE OR REPLACE TEMP TABLE tr_load AS
SELECT f.call_id, r.idx AS seq, r.spk, r.st, r.en, r.txt, r.conf, f.language, ${tokenizeSql('r.txt')} AS words
FROM tr_rows r JOIN tr_final f ON r.tkey = f.tkey AND f.action IN ('new', 'replace') AND f.numbered
WHERE ${GOOD('r', 'f')}`,
  `INSERT INTO tr_load
SELECT f.call_id, row_number() OVER (PARTITION BY r.tkey ORDER BY r.st, r.line, r.idx), r.spk, r.st, r.en, r.txt, r.conf,
  f.language, ${tokenizeSql('r.txt')}
FROM tr_rows r JOIN tr_final f ON r.tkey = f.tkey AND f.action IN ('new', 'replace') AND NOT f.numbered
WHERE ${GOOD('r', 'f')}`,
] as const;

/** The segments stored, with their words and their stems' numbers (`rows`: tr_load's, with `stems`). */
export const insertSegmentsSql = (rows: string) =>
  `INSERT INTO transcript_segments (call_id, seq, speaker, start_s, end_s, text, confidence, import_id, words, stems)
SELECT call_id, seq, spk, st, en, txt, conf, $importId, words, stems FROM (${rows})`;

/**
 * The report's figures. Segments: read = loaded + quarantined + duplicates, where a line that held
 * no segment to read (not JSON, no list of segments, not UTF-8) counts as one quarantined.
 * Transcripts: read = loaded + quarantined + duplicates, loaded counting the replaced.
 */
export const FIGURES_SQL = `SELECT
  (SELECT count(*) FROM tr_rows) AS read,
  coalesce(sum(segments) FILTER (WHERE action IN ('new', 'replace')), 0) AS loaded,
  coalesce(sum(segments) FILTER (WHERE action = 'duplicate'), 0) AS duplicates,
  (SELECT count(*) FROM tr_keys) + (SELECT count(*) FROM tr_rows WHERE idx = 0 AND tkey NOT IN (SELECT tkey FROM tr_keys)) AS t_read,
  count(*) FILTER (WHERE action IN ('new', 'replace')) AS t_loaded,
  count(*) FILTER (WHERE action = 'replace') AS t_replaced,
  count(*) FILTER (WHERE action = 'duplicate') AS t_duplicates
FROM tr_final`;

/**
 * The quarantined rows, `line, raw, reason`, in the file's order: each row's reason in the order
 * that tells most (the line's, its transcript's, its own), and its text (`raw` when staging kept
 * it, else `rebuilt` from the typed segment and its transcript: SQL over r and k).
 */
export const quarantineSql = (
  rebuilt: string,
) => `SELECT line, coalesce(raw, ${rebuilt}) AS raw, reason FROM (
  SELECT r.*, k.call_id, k.language, k.engine, coalesce(
      r.problem,
      k.t_problem,
      r.seg_problem,
      CASE WHEN r.lang IS NOT NULL AND r.lang <> k.language
        THEN 'language: "' || r.lang || '" is not the call''s language, "' || k.language || '" on line ' || k.language_line END,
      CASE WHEN f.action = 'conflict'
        THEN 'call_id "' || f.call_id || '" is already on line ' || f.first_of_call || ' of this file, with other segments' END
    ) AS reason
  FROM tr_rows r LEFT JOIN tr_keys k ON r.tkey = k.tkey LEFT JOIN tr_final f ON r.tkey = f.tkey
) r WHERE reason IS NOT NULL ORDER BY line, idx`;

/** A JSON Lines segment as a record of its own, with its transcript's fields. */
export const JSONL_REBUILT = `json_object('call_id', call_id, 'language', language, 'engine', engine, 'speaker', spk,
  'start_s', st, 'end_s', en, 'text', txt, 'confidence', conf)::VARCHAR`;

/** A CSV row as the canonical columns give it. */
export const CSV_REBUILT = `concat_ws(',', call_id, spk, st, en,
  CASE WHEN regexp_matches(txt, '[",\\r\\n]') THEN '"' || replace(txt, '"', '""') || '"' ELSE txt END, coalesce(lang, language), conf)`;
