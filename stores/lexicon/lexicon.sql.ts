/**
 * AutoQA's lexicon in DuckDB: each distinct raw token of the transcripts, per language, with its
 * stem (stemmed once, in JavaScript: words.ts) and its stem's number (autoqa_stems), and each
 * segment's words as the list of their stems' numbers (`transcript_segments.stems`), so that a run
 * of the checks reads integers. $v is the stemming's version (words.ts, LEXICON_VERSION).
 */

/**
 * The distinct words of `source` (SQL giving `language, words`) the lexicon has no stem for yet:
 * made distinct first (millions of tokens, a few thousand words), then looked up.
 */
export const missingWordsSql = (source: string) => `
  SELECT x.language, x.word
  FROM (SELECT DISTINCT language, unnest(words) AS word FROM (${source})) x
  ANTI JOIN (SELECT language, word FROM autoqa_lexicon WHERE version = $v) l
    ON l.language = x.language AND l.word = x.word`;

/** Numbers the stems ($langs, $stems: parallel lists) not numbered yet, after the highest number. */
export const NUMBER_STEMS_SQL = `
  INSERT INTO autoqa_stems (stem_id, language, stem, version)
  SELECT (SELECT coalesce(max(stem_id), 0) FROM autoqa_stems) + row_number() OVER (ORDER BY language, stem),
    language, stem, $v
  FROM (SELECT DISTINCT language, stem FROM (SELECT unnest($langs) AS language, unnest($stems) AS stem)) n
  ANTI JOIN (SELECT language, stem FROM autoqa_stems WHERE version = $v) s
    ON s.language = n.language AND s.stem = n.stem`;

/** The numbers of stems ($langs, $stems), in the lists' order. */
export const STEM_IDS_SQL = `
  SELECT n.i, s.stem_id
  FROM (SELECT unnest($langs) AS language, unnest($stems) AS stem, generate_subscripts($langs, 1) AS i) n
  JOIN autoqa_stems s ON s.language = n.language AND s.stem = n.stem AND s.version = $v
  ORDER BY n.i`;

/** Adds stemmed words (three parallel lists) with their stems' numbers. */
export const INSERT_WORDS_SQL = `
  INSERT INTO autoqa_lexicon (language, word, stem, version, stem_id)
  SELECT w.language, w.word, w.stem, $v, s.stem_id
  FROM (SELECT unnest($langs) AS language, unnest($words) AS word, unnest($stems) AS stem) w
  JOIN autoqa_stems s ON s.language = w.language AND s.stem = w.stem AND s.version = $v`;

/**
 * Each row of `source` (SQL giving `key, language, words` and any other columns) with its words'
 * stem numbers (`stems`), in the words' order: the tokens joined to the lexicon, then each row's
 * list sorted as a whole by place (a list of {place, number} sorted once costs a fraction of an
 * aggregate's ORDER BY). A row without words gets an empty list.
 */
export const stemListsSql = (source: string) => `
  WITH src AS (${source}),
  tok AS (
    SELECT key, language, unnest(words) AS word, generate_subscripts(words, 1) AS pos FROM src
  ),
  lists AS (
    SELECT t.key, list_transform(list_sort(list({'pos': t.pos, 'id': l.stem_id})), lambda x: x.id) AS stems
    FROM tok t JOIN autoqa_lexicon l ON l.version = $v AND l.language = t.language AND l.word = t.word
    GROUP BY t.key
  )
  SELECT src.*, coalesce(lists.stems, []::INTEGER[]) AS stems FROM src LEFT JOIN lists USING (key)`;
