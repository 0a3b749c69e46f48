/**
 * The phrase tables of a run, from the compiled lists (bound as parallel lists, zipped by unnest):
 * aq_stem (the number of each stem a phrase holds, per language), aq_phrases (one row per
 * phrase), aq_pstem (each phrase's stems and their places); per batch, aq_anchor (the stem a match
 * is looked up by) and aq_other (the other stems, with their places, 0-based like the anchor's).
 */
export const STEMS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_stem AS
  SELECT unnest($id::VARCHAR[])::INTEGER AS stem_id, unnest($lang) AS lang, unnest($stem) AS stem`;

/**
 * `tie` orders two phrases heard at one place, from 0 up and below 1: the longer first, then the
 * one with fewer `*`, then the one the lists name first (the evidence of a check names one).
 */
export const PHRASES_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_phrases AS
  SELECT *, (row_number() OVER (ORDER BY n DESC, rest DESC, phrase_id) - 1) / (count(*) OVER ()) AS tie
  FROM (
    SELECT unnest($id::VARCHAR[])::INTEGER AS phrase_id, unnest($list) AS list, unnest($item) AS item,
      unnest($lang) AS lang, unnest($text) AS phrase, unnest($n::VARCHAR[])::INTEGER AS n,
      unnest($rest::VARCHAR[])::INTEGER AS rest
  )`;

/** Every word of every phrase (`*` aside) with its place in the phrase, 0-based, and its stem's number. */
export const PHRASE_STEMS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_pstem AS
  SELECT unnest($id::VARCHAR[])::INTEGER AS phrase_id, unnest($k::VARCHAR[])::INTEGER AS k,
    unnest($stem::VARCHAR[])::INTEGER AS stem_id`;

/**
 * Each phrase's anchor, chosen per batch: its word whose stem the batch's tokens hold least often
 * (a stem absent from the batch, none), so that the fewest places are tried; the match found does
 * not depend on which word anchors it. aq_other is the phrase's other words.
 */
export const ANCHORS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_anchor AS
  WITH freq AS (SELECT stem_id, count(*) AS n FROM aq_tok GROUP BY stem_id)
  SELECT phrase_id, arg_min(k, (coalesce(f.n, 0), k)) AS k, arg_min(stem_id, (coalesce(f.n, 0), k)) AS stem_id
  FROM aq_pstem LEFT JOIN freq f USING (stem_id)
  GROUP BY phrase_id`;

export const OTHERS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_other AS
  SELECT s.phrase_id, s.k, s.stem_id FROM aq_pstem s ANTI JOIN aq_anchor a USING (phrase_id, k)`;

/**
 * The words of the lexicon (stemming version $v) whose stem some phrase of their language holds,
 * with that stem's number: the only words the phrase search looks at. Read again after each
 * batch's new words are stemmed.
 */
export const PHRASE_WORDS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_phrase_word AS
  SELECT l.language, l.word, st.stem_id
  FROM autoqa_lexicon l JOIN aq_stem st ON st.lang = l.language AND st.stem = l.stem
  WHERE l.version = $v`;

/**
 * The batch's words that some phrase holds, as small integers: the segment (aq_segs's rowid, a
 * number that costs nothing to make), the place (1-based), the segment's word count and the
 * stem's number. Every other word can only stand where a phrase has `*`.
 */
export const TOKENS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_tok AS
  SELECT x.seg_id, x.pos::INTEGER AS pos, x.nw::INTEGER AS nw, w.stem_id
  FROM (
    SELECT rowid AS seg_id, language, len(words) AS nw, unnest(words) AS word, generate_subscripts(words, 1) AS pos
    FROM aq_segs
  ) x JOIN aq_phrase_word w ON w.language = x.language AND w.word = x.word`;

/**
 * Every phrase heard: its anchor's stem found, the phrase fits in the segment, and each other word
 * of the phrase at its place. One row per phrase and place, with its segment's call, number,
 * speaker and times (what every check reads, so that none joins the segments again), list, item,
 * phrase, and first and last word's place.
 */
export const HITS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_hit AS
  WITH found AS (
    SELECT t.seg_id, a.phrase_id, t.pos - a.k AS off, p.rest
    FROM aq_tok t
    JOIN aq_anchor a ON a.stem_id = t.stem_id
    JOIN aq_phrases p ON p.phrase_id = a.phrase_id
    WHERE t.pos - a.k >= 1 AND t.pos - a.k + p.n - 1 <= t.nw
  ),
  -- Each other word found at its place; a phrase of two words needs no count (most are so).
  matched AS MATERIALIZED (
    SELECT f.seg_id, f.phrase_id, f.off, f.rest
    FROM found f
    JOIN aq_other o ON o.phrase_id = f.phrase_id
    JOIN aq_tok t ON t.seg_id = f.seg_id AND t.pos = f.off + o.k AND t.stem_id = o.stem_id
    WHERE f.rest > 0
  ),
  whole AS (
    SELECT seg_id, phrase_id, off FROM found WHERE rest = 0
    UNION ALL
    SELECT seg_id, phrase_id, off FROM matched WHERE rest = 1
    UNION ALL
    SELECT seg_id, phrase_id, off FROM matched WHERE rest > 1
    GROUP BY seg_id, phrase_id, off, rest
    HAVING count(*) = rest
  )
  SELECT s.ck, s.seq, s.speaker, s.start_s, s.end_s, p.list, p.item, p.phrase, p.tie, w.off AS pos_from,
    w.off + p.n - 1 AS pos_to
  FROM whole w JOIN aq_phrases p USING (phrase_id) JOIN aq_segs s ON s.rowid = w.seg_id`;

/** Products named, with who named them and when. */
export const MENTIONS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_mention AS
  SELECT ck, seq, speaker, start_s, end_s, item AS product_id, phrase, tie, pos_from, pos_to
  FROM aq_hit WHERE list = 'product'`;

/**
 * When the client first named each product in the call (his segment's start): an agent's mention
 * of it is "on his own" unless this is earlier. One grouping instead of a search of his mentions
 * per agent mention.
 */
export const CLIENT_NAMED_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_client_named AS
  SELECT ck, product_id, min(start_s) AS first_s FROM aq_mention WHERE speaker = 'customer' GROUP BY ck, product_id`;

/** The catalogue's names and synonyms, the words that name each product. */
export const PRODUCT_NAMES_SQL = `
  SELECT product_id, list_distinct(list_prepend(name, coalesce(synonyms, []))) AS names
  FROM products ORDER BY product_id`;
