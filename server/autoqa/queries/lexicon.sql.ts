/**
 * The batch's distinct words the lexicon has no stem for yet (in stemming version $v): made
 * distinct first (millions of tokens, a few thousand words), then looked up, a quarter cheaper
 * than looking every token up.
 */
export const MISSING_WORDS_SQL = `
  SELECT x.language, x.word
  FROM (SELECT DISTINCT language, unnest(words) AS word FROM aq_segs) x
  ANTI JOIN (SELECT language, word FROM autoqa_lexicon WHERE version = $v) l
    ON l.language = x.language AND l.word = x.word`;

/** Adds stemmed words: three lists of the same length, zipped. */
export const INSERT_WORDS_SQL = `
  INSERT INTO autoqa_lexicon
  SELECT unnest($langs) AS language, unnest($words) AS word, unnest($stems) AS stem, $v AS version`;
