/** The batch's distinct words the lexicon has no stem for yet (in stemming version $v). */
export const MISSING_WORDS_SQL = `
  SELECT DISTINCT x.language, x.word
  FROM (SELECT language, unnest(words) AS word FROM aq_segs) x
  ANTI JOIN (SELECT language, word FROM autoqa_lexicon WHERE version = $v) l
    ON l.language = x.language AND l.word = x.word`;

/** Adds stemmed words: three lists of the same length, zipped. */
export const INSERT_WORDS_SQL = `
  INSERT INTO autoqa_lexicon
  SELECT unnest($langs) AS language, unnest($words) AS word, unnest($stems) AS stem, $v AS version`;
