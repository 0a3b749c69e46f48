/**
 * The phrase tables of a run, from the compiled lists (bound as parallel lists, zipped by unnest):
 * aq_phrases (one row per phrase), aq_anchor (the word a match is looked up by), aq_other (the
 * other words and their places in the phrase, 0-based like the anchor's).
 */
export const PHRASES_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_phrases AS
  SELECT unnest($id::VARCHAR[])::INTEGER AS phrase_id, unnest($list) AS list, unnest($item) AS item,
    unnest($lang) AS lang, unnest($text) AS phrase, unnest($n::VARCHAR[])::INTEGER AS n,
    unnest($rest::VARCHAR[])::INTEGER AS rest`;

export const ANCHORS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_anchor AS
  SELECT unnest($id::VARCHAR[])::INTEGER AS phrase_id, unnest($lang) AS lang, unnest($stem) AS stem,
    unnest($k::VARCHAR[])::INTEGER AS k`;

export const OTHERS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_other AS
  SELECT unnest($id::VARCHAR[])::INTEGER AS phrase_id, unnest($k::VARCHAR[])::INTEGER AS k,
    unnest($stem) AS stem`;

/** Places of words in a segment: a word's key is its segment's number times this, plus its place. */
const PLACES = 1048576;

/**
 * The batch's words whose stem some phrase of their language holds, keyed by segment and place
 * (1-based), with the segment's word count: every other word can only stand where a phrase has `*`.
 */
export const TOKENS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_tok AS
  WITH rel AS (
    SELECT l.language, l.word, l.stem FROM autoqa_lexicon l
    SEMI JOIN (
      SELECT lang, stem FROM aq_anchor UNION SELECT p.lang, o.stem FROM aq_other o JOIN aq_phrases p USING (phrase_id)
    ) ps ON ps.lang = l.language AND ps.stem = l.stem
    WHERE l.version = $v
  )
  SELECT x.seg_id * ${PLACES} + x.pos AS tk, x.seg_id, x.language, x.pos, x.nw, rel.stem
  FROM (
    SELECT seg_id, language, len(words) AS nw, unnest(words) AS word, generate_subscripts(words, 1) AS pos
    FROM aq_segs
  ) x JOIN rel ON rel.language = x.language AND rel.word = x.word`;

/**
 * Every phrase heard: its anchor's stem found, the phrase fits in the segment, and each other word
 * of the phrase at its place. One row per phrase and place: (call, segment, list, item, phrase,
 * first and last word's place).
 */
export const HITS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_hit AS
  WITH found AS (
    SELECT t.seg_id, a.phrase_id, t.pos - a.k AS off, p.rest
    FROM aq_tok t
    JOIN aq_anchor a ON a.lang = t.language AND a.stem = t.stem
    JOIN aq_phrases p ON p.phrase_id = a.phrase_id
    WHERE t.pos - a.k >= 1 AND t.pos - a.k + p.n - 1 <= t.nw
  ),
  whole AS (
    SELECT seg_id, phrase_id, off FROM found WHERE rest = 0
    UNION ALL
    SELECT f.seg_id, f.phrase_id, f.off
    FROM found f
    JOIN aq_other o ON o.phrase_id = f.phrase_id
    JOIN aq_tok t ON t.tk = f.seg_id * ${PLACES} + f.off + o.k AND t.stem = o.stem
    WHERE f.rest > 0
    GROUP BY f.seg_id, f.phrase_id, f.off, f.rest
    HAVING count(*) = f.rest
  )
  SELECT s.call_id, s.seq, p.list, p.item, p.phrase, w.off AS pos_from, w.off + p.n - 1 AS pos_to
  FROM whole w JOIN aq_phrases p USING (phrase_id) JOIN aq_segs s USING (seg_id)`;

/** Products named, with who named them and when. */
export const MENTIONS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_mention AS
  SELECT h.call_id, h.seq, s.speaker, s.start_s, s.end_s, h.item AS product_id, h.phrase, h.pos_from, h.pos_to
  FROM aq_hit h JOIN aq_segs s USING (call_id, seq)
  WHERE h.list = 'product'`;

/** The catalogue's names and synonyms, the words that name each product. */
export const PRODUCT_NAMES_SQL = `
  SELECT product_id, list_distinct(list_prepend(name, coalesce(synonyms, []))) AS names
  FROM products ORDER BY product_id`;
