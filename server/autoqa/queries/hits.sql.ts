/**
 * The phrase tables of a run and the search for them. A phrase's words are a **pattern**: the
 * numbers of their stems in order, `0` for `*` (autoqa_patterns, numbered in order of first use,
 * kept across runs and rule-set versions, so that a phrase kept by an edit keeps its number). Where
 * a pattern is heard (autoqa_places: call, segment, place) is searched once per call and kept; each
 * call records the highest pattern number it was searched for (autoqa_searched.upto), and a run
 * searches only the calls not yet searched for every pattern (new transcripts, or new phrases).
 */

/** The patterns numbered so far, each as its text (`[12, 0, 7]`), to number a rule set's in JavaScript. */
export const PATTERNS_SQL = 'SELECT pattern_id, stems::VARCHAR AS stems FROM autoqa_patterns';

/** Adds patterns: their numbers and their stem numbers, comma-separated (parallel lists). */
export const ADD_PATTERNS_SQL = `
  INSERT INTO autoqa_patterns (pattern_id, stems)
  SELECT unnest($id::VARCHAR[])::INTEGER, string_split(unnest($stems), ',')::INTEGER[]`;

/**
 * The rule set's phrases (bound as parallel lists, zipped by unnest) with their pattern's number.
 * `tie` orders two phrases heard at one place, from 0 up and below 1: the longer first, then the
 * one with fewer `*`, then the one the lists name first (the evidence of a check names one).
 * `list_no` numbers the list and `item_no` the item (a product): the hits carry these integers, and
 * the texts are looked up only for the evidence kept.
 */
export const PHRASES_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_phrases AS
  SELECT x.*, (row_number() OVER (ORDER BY n DESC, rest DESC, phrase_id) - 1) / (count(*) OVER ()) AS tie,
    dense_rank() OVER (ORDER BY item)::INTEGER AS item_no
  FROM (
    SELECT unnest($id::VARCHAR[])::INTEGER AS phrase_id, unnest($list_no::VARCHAR[])::INTEGER AS list_no,
      unnest($item) AS item,
      unnest($lang) AS lang, unnest($text) AS phrase, unnest($n::VARCHAR[])::INTEGER AS n,
      unnest($rest::VARCHAR[])::INTEGER AS rest, unnest($pattern::VARCHAR[])::INTEGER AS pattern_id
  ) x`;

/**
 * The batch's calls not yet searched for every pattern up to $max, with the number they were
 * searched up to (0: never).
 */
export const STALE_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_stale AS
  SELECT c.ck, c.call_id, c.call_no, coalesce(s.upto, 0) AS upto
  FROM aq_calls c LEFT JOIN autoqa_searched s USING (call_no)
  WHERE coalesce(s.upto, 0) < $max`;

/**
 * The patterns to search for ($from < number <= $max): their length and how many words beside the
 * anchor (`*` aside), and each word (`*` aside) with its place, 0-based.
 */
export const SEARCH_PATTERNS_SQL = [
  `CREATE OR REPLACE TEMP TABLE aq_pat AS
  SELECT pattern_id, len(stems) AS n, len(list_filter(stems, lambda x: x <> 0)) - 1 AS rest
  FROM autoqa_patterns WHERE pattern_id > $from AND pattern_id <= $max`,
  `CREATE OR REPLACE TEMP TABLE aq_pstem AS
  SELECT pattern_id, k - 1 AS k, stem_id
  FROM (SELECT pattern_id, unnest(stems) AS stem_id, generate_subscripts(stems, 1) AS k
    FROM autoqa_patterns WHERE pattern_id > $from AND pattern_id <= $max)
  WHERE stem_id <> 0`,
] as const;

/**
 * The stale calls' words that some pattern searched holds, as integers: the segment (its call's
 * number in the batch and its own, in one number: `ck * 2^20 + seq`), the place (1-based), the
 * segment's word count and the stem's number, read from the stored stem numbers ($lo to $hi: the
 * batch's call ids). Every other word can only stand where a pattern has `*`.
 */
export const TOKENS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_tok AS
  SELECT x.seg_id, x.pos::INTEGER AS pos, x.nw::INTEGER AS nw, x.stem_id
  FROM (
    SELECT st.ck::BIGINT * 1048576 + s.seq AS seg_id, len(s.stems) AS nw, unnest(s.stems) AS stem_id,
      generate_subscripts(s.stems, 1) AS pos
    FROM transcript_segments s JOIN aq_stale st USING (call_id)
    WHERE s.call_id BETWEEN $lo AND $hi
  ) x SEMI JOIN (SELECT DISTINCT stem_id FROM aq_pstem) w USING (stem_id)`;

/**
 * Each pattern's anchor, chosen per batch: its word whose stem the batch's tokens hold least often
 * (a stem absent from the batch, none), so that the fewest places are tried; the match found does
 * not depend on which word anchors it. aq_other is the pattern's other words.
 */
export const ANCHORS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_anchor AS
  WITH freq AS (SELECT stem_id, count(*) AS n FROM aq_tok GROUP BY stem_id)
  SELECT pattern_id, arg_min(k, (coalesce(f.n, 0), k)) AS k, arg_min(stem_id, (coalesce(f.n, 0), k)) AS stem_id
  FROM aq_pstem LEFT JOIN freq f USING (stem_id)
  GROUP BY pattern_id`;

export const OTHERS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_other AS
  SELECT s.pattern_id, s.k, s.stem_id FROM aq_pstem s ANTI JOIN aq_anchor a USING (pattern_id, k)`;

/**
 * Every pattern heard in the stale calls, kept: its anchor's stem found, the pattern fits in the
 * segment, and each other word at its place; only the patterns a call was not searched for yet
 * (above its `upto`). Then each stale call is marked searched up to $max.
 */
export const SEARCH_SQL = [
  `INSERT INTO autoqa_places (call_no, seq, pattern_id, pos, speaker, start_s, end_s)
  WITH found AS (
    SELECT t.seg_id, a.pattern_id, t.pos - a.k AS off, p.rest
    FROM aq_tok t
    JOIN aq_anchor a ON a.stem_id = t.stem_id
    JOIN aq_pat p ON p.pattern_id = a.pattern_id
    WHERE t.pos - a.k >= 1 AND t.pos - a.k + p.n - 1 <= t.nw
  ),
  -- Each other word found at its place; a pattern of two words needs no count (most are so).
  matched AS MATERIALIZED (
    SELECT f.seg_id, f.pattern_id, f.off, f.rest
    FROM found f
    JOIN aq_other o ON o.pattern_id = f.pattern_id
    JOIN aq_tok t ON t.seg_id = f.seg_id AND t.pos = f.off + o.k AND t.stem_id = o.stem_id
    WHERE f.rest > 0
  ),
  whole AS (
    SELECT seg_id, pattern_id, off FROM found WHERE rest = 0
    UNION ALL
    SELECT seg_id, pattern_id, off FROM matched WHERE rest = 1
    UNION ALL
    SELECT seg_id, pattern_id, off FROM matched WHERE rest > 1
    GROUP BY seg_id, pattern_id, off, rest
    HAVING count(*) = rest
  )
  SELECT st.call_no, s.seq, w.pattern_id, w.off, s.speaker, s.start_s, s.end_s
  FROM whole w JOIN aq_stale st ON st.ck = w.seg_id // 1048576
  JOIN aq_segs s ON s.ck = st.ck AND s.seq = (w.seg_id % 1048576)::INTEGER
  WHERE w.pattern_id > st.upto`,
  'DELETE FROM autoqa_searched WHERE call_no IN (SELECT call_no FROM aq_stale)',
  'INSERT INTO autoqa_searched (call_no, upto) SELECT call_no, $max FROM aq_stale',
] as const;

/**
 * Every phrase of the rule set heard in the batch's calls, from the kept places ($lo to $hi: the
 * batch's lowest and highest call number, which lets the scan skip other batches' row groups; the
 * places are keyed by the number, not the text id, a cheaper filter and join): one row per
 * phrase and place, with its segment's call, number, speaker and times (what every check reads, so
 * that none joins the segments), the phrase's, its list's and its item's numbers, and its first
 * and last word's place. Products named are apart (aq_mention, MENTIONS_SQL): most places are.
 */
export const HITS_SQL = placesSql('aq_hit', 'p.list_no', 'p.list_no <> $product');

/** Products named ($product: the list's number), with who named them and when. */
export const MENTIONS_SQL = placesSql('aq_mention', 'p.item_no', 'p.list_no = $product');

/**
 * The batch's kept places of the rule set's phrases that `which` keeps, as `table`: the segment's
 * call (`ck`), number, speaker and times, `number` (the list's or the product's), the phrase and
 * its first and last word's place.
 */
function placesSql(table: string, number: string, which: string): string {
  return `
  CREATE OR REPLACE TEMP TABLE ${table} AS
  SELECT c.ck, w.seq, w.speaker, w.start_s, w.end_s, ${number}, p.phrase_id, p.tie, w.pos AS pos_from,
    w.pos + p.n - 1 AS pos_to
  FROM autoqa_places w
  JOIN aq_calls c ON c.call_no = w.call_no
  JOIN aq_phrases p ON p.pattern_id = w.pattern_id
  WHERE w.call_no BETWEEN $lo AND $hi AND ${which}`;
}

/** The catalogue's products the phrases name, by their number (`item_no`). */
export const ITEMS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_items AS
  SELECT DISTINCT item_no, item AS product_id FROM aq_phrases WHERE list_no = $product`;

/**
 * When the client first named each product in the call (his segment's start): an agent's mention
 * of it is "on his own" unless this is earlier. One grouping instead of a search of his mentions
 * per agent mention.
 */
export const CLIENT_NAMED_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_client_named AS
  SELECT ck, item_no, min(start_s) AS first_s FROM aq_mention WHERE speaker = 'customer' GROUP BY ck, item_no`;

/** The catalogue's names and synonyms, the words that name each product. */
export const PRODUCT_NAMES_SQL = `
  SELECT product_id, list_distinct(list_prepend(name, coalesce(synonyms, []))) AS names
  FROM products ORDER BY product_id`;
