import type { DuckDBConnection } from '@duckdb/node-api';
import { type DuckDBType, LIST, VARCHAR } from '@duckdb/node-api';
import { type Params, textList } from '../duckdb.ts';
import {
  INSERT_WORDS_SQL,
  missingWordsSql,
  NUMBER_STEMS_SQL,
  STEM_IDS_SQL,
  stemListsSql,
} from './lexicon.sql.ts';
import { LEXICON_VERSION, stemWord } from './words.ts';

const TEXT_LIST = LIST(VARCHAR);
const LISTS = { langs: TEXT_LIST, words: TEXT_LIST, stems: TEXT_LIST };

/** The numbers of (language, stem) pairs, in order; the pairs not numbered yet are numbered now. */
export async function stemIds(
  c: DuckDBConnection,
  langs: readonly string[],
  stems: readonly string[],
): Promise<number[]> {
  if (langs.length === 0) return [];
  const params = { langs: textList(langs), stems: textList(stems), v: LEXICON_VERSION };
  const types = { langs: TEXT_LIST, stems: TEXT_LIST };
  await c.run(NUMBER_STEMS_SQL, params, types);
  const rows = (await c.runAndReadAll(STEM_IDS_SQL, params, types)).getRows();
  return rows.map((r) => Number(r[1]));
}

/**
 * Stems the words of `source` (SQL giving `language, words`) that the lexicon lacks, each
 * distinct word once, ever, and numbers their stems; returns how many words were added.
 */
export async function addMissingWords(
  c: DuckDBConnection,
  source: string,
  params: Params = {},
): Promise<number> {
  const missing = (
    await c.runAndReadAll(missingWordsSql(source), { ...params, v: LEXICON_VERSION })
  ).getRowObjectsJson() as { language: string; word: string }[];
  const CHUNK = 50_000;
  for (let i = 0; i < missing.length; i += CHUNK) {
    const part = missing.slice(i, i + CHUNK);
    const langs = part.map((w) => w.language);
    const stems = part.map((w) => stemWord(w.language, w.word));
    const lists = { langs: textList(langs), stems: textList(stems), v: LEXICON_VERSION };
    await c.run(NUMBER_STEMS_SQL, lists, { langs: TEXT_LIST, stems: TEXT_LIST });
    await c.run(INSERT_WORDS_SQL, { ...lists, words: textList(part.map((w) => w.word)) }, LISTS);
  }
  return missing.length;
}

/**
 * Segments with their words' stem numbers, for rows about to be stored: the words of `table`
 * (columns `language`, `words`, and whatever `insert` reads) the lexicon lacks are stemmed, then
 * `insert` (given a query of the table's rows with `stems`) runs on a slice of rows at a time, so
 * that the grouping of a million transcripts' words never holds them all at once.
 */
export async function insertStemmed(
  c: DuckDBConnection,
  table: string,
  insert: (rows: string) => string,
  params: Params = {},
  types: Record<string, DuckDBType> = {},
): Promise<void> {
  await addMissingWords(c, `SELECT language, words FROM ${table}`);
  // Slices of row numbers: a table made inside a transaction numbers its rows from far above 0.
  const [lo, hi] = (await c.runAndReadAll(`SELECT min(rowid), max(rowid) FROM ${table}`)).getRows()[0] ?? [];
  if (lo == null || hi == null) return;
  for (let from = BigInt(lo as bigint); from <= BigInt(hi as bigint); from += SLICE) {
    const rows = stemListsSql(
      `SELECT rowid AS key, * FROM ${table} WHERE rowid >= ${from} AND rowid < ${from + SLICE}`,
    );
    await c.run(insert(rows), { ...params, v: LEXICON_VERSION }, types);
  }
}

/** Segments per slice of insertStemmed: about 20 million tokens. */
const SLICE = 2_000_000n;

export { LEXICON_VERSION, stemListsSql };
