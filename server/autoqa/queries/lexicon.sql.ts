import { segmentWordsSql } from '../../../stores/segment-words.sql.ts';

/**
 * Segments stored without their stems' numbers (a file from before DuckDB migration 9, a rule
 * test's pasted or copied transcript): a run numbers them once, for the batch's range of call ids
 * ($lo to $hi), and stores them; the transcripts import numbers every segment it loads.
 */
export const UNSTEMMED_SQL = `
  SELECT count(*) AS n FROM transcript_segments WHERE call_id BETWEEN $lo AND $hi AND stems IS NULL`;

export const UNSTEMMED_WORDS_SQL = `
  CREATE OR REPLACE TEMP TABLE aq_fill AS
  SELECT s.rowid AS key, coalesce(t.language, '') AS language, ${segmentWordsSql('s')} AS words
  FROM transcript_segments s LEFT JOIN transcripts t USING (call_id)
  WHERE s.call_id BETWEEN $lo AND $hi AND s.stems IS NULL`;

export const FILL_WORDS_SQL = 'SELECT key, language, words FROM aq_fill';

/** Stores the numbers (`stems`: stemListsSql over FILL_WORDS_SQL) with their segments. */
export const fillStemsSql = (stems: string) => `
  UPDATE transcript_segments SET stems = f.stems FROM (${stems}) f WHERE transcript_segments.rowid = f.key`;
