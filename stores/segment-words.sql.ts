/**
 * How a transcript segment is cut into the raw tokens AutoQA's lexicon is keyed by: lowercase,
 * cut at spaces, dashes and slashes (one simple regular expression: over tens of millions of
 * segments the cheapest split that keeps "floarea-soarelui" and "floarea soarelui" alike). The
 * transcripts import stores each segment's cut (`transcript_segments.words`) so that no run of the
 * checks cuts it again; the phrases are cut here too (`rawTokens`), the same way.
 */
// The hyphen last: a literal in both JavaScript's and DuckDB's (RE2) character classes.
const RAW_SPLIT_CLASS = ' \t\n\r\f\v\u00a0\u202f‐‑–—/-';
const RAW_SPLIT = new RegExp(`[${RAW_SPLIT_CLASS}]+`, 'u');

/** The separators but the plain space: a text with none of them, no two spaces running and none at either end is cut at its spaces alone. */
const OTHER_SPLIT_CLASS = RAW_SPLIT_CLASS.slice(1);

/**
 * The SQL twin of `rawTokens` for a text column. Most segments are words between single spaces,
 * and cutting them at ' ' gives what the regular expression gives at a third of its cost; the
 * others (a dash, a double space, a space at an end, …) take the regular expression.
 */
export const tokenizeSql = (column: string) =>
  `CASE WHEN regexp_matches(${column}, '[${OTHER_SPLIT_CLASS}]|  |^ | $')
    THEN regexp_split_to_array(lower(${column}), '[${RAW_SPLIT_CLASS}]+')
    ELSE string_split(lower(${column}), ' ') END`;

/**
 * A segment's stored cut, or the cut made now where none is stored (a segment written before the
 * column existed or by a writer that does not fill it): never a missing word.
 */
export const segmentWordsSql = (alias: string) =>
  `CASE WHEN ${alias}.words IS NULL THEN ${tokenizeSql(`${alias}.text`)} ELSE ${alias}.words END`;

/** A text as SQL cuts it: the raw tokens the lexicon is keyed by. */
export function rawTokens(text: string): string[] {
  return text.toLowerCase().split(RAW_SPLIT);
}
