import snowball from 'snowball-stemmers';
import { rawTokens } from '../segment-words.sql.ts';
import { NUMBER_WORDS } from './number-words.ts';

/**
 * How text becomes the words the checks compare, in one place for both sides: the segments
 * (cut at import, stores/segment-words.sql.ts, their distinct words stemmed here into the lexicon) and the
 * phrases and product names (tokenized and stemmed here when a rule set loads). Case, punctuation
 * and diacritics do not count (ș/ş, ț/ţ, ă, â, î; ё = е), so an ASR transcript without diacritics
 * matches a phrase list written with them.
 */

/**
 * Bumped whenever the way a word becomes a stem changes: the lexicon's rows of an older version
 * are no longer read, so every word is stemmed again the new way. The stem numbers stored with the
 * segments, the patterns and the kept phrase places are of one version: a bump comes with a DuckDB
 * migration that empties `transcript_segments.stems`, `autoqa_patterns`, `autoqa_places` and
 * `autoqa_searched`, so that the next run numbers and searches everything again.
 */
export const LEXICON_VERSION = 1;

/**
 * Splitting happens in two steps. The segments are cut at spaces, dashes and slashes when they are
 * imported (stores/segment-words.sql.ts, where phrases are cut the same way by `rawTokens`), and
 * the lexicon maps each such raw token to its stem here, where punctuation around it is dropped
 * ("oil," is "oil"), apostrophes join ("don't" is "dont") and a token of numbers only ("8:30") is
 * `#`.
 */
export { rawTokens, tokenizeSql } from '../segment-words.sql.ts';

const SEPARATORS = /[^\p{L}\p{N}]+/u;
const APOSTROPHES = /['’`ʼ‘]/gu;

/** The words of a raw token: apostrophes dropped, split at anything not a letter or a digit. */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .split(SEPARATORS)
    .filter((w) => w !== '');
}

const CYRILLIC = /[\u0400-\u04ff]/u;

/** Diacritics off Latin letters; Cyrillic keeps its letters (й is not и) but for ё, which is е. */
export function foldDiacritics(word: string): string {
  let out = '';
  for (const ch of word) {
    if (ch === 'ё') out += 'е';
    else if (CYRILLIC.test(ch)) out += ch;
    else out += ch.normalize('NFD').replace(/\p{M}/gu, '');
  }
  return out;
}

const STEMMER_NAMES: Record<string, string> = { en: 'english', ru: 'russian', ro: 'romanian' };
const stemmers = new Map<string, { stem(w: string): string } | null>();

function stemmerFor(language: string) {
  let s = stemmers.get(language);
  if (s === undefined) {
    const name = STEMMER_NAMES[language];
    s = name ? snowball.newStemmer(name) : null;
    stemmers.set(language, s);
  }
  return s;
}

const numberWords = new Map(
  Object.entries(NUMBER_WORDS).map(([lang, words]) => [lang, new Set(words.map(foldDiacritics))]),
);
const DIGITS = /^\d+(st|nd|rd|th)?$/u;

/** The stem of one word: `#` for a number, else its Snowball stem, diacritics folded. */
function stemOne(language: string, word: string): string {
  const folded = foldDiacritics(word);
  if (DIGITS.test(folded) || numberWords.get(language)?.has(folded)) return '#';
  return stemmerFor(language)?.stem(folded) ?? folded;
}

/**
 * The stem a raw token compares by: its word's stem, `#` for numbers, '' for punctuation alone;
 * a token of several words (rare: "sugar,rice") gets their stems joined by a space, which no
 * phrase word equals.
 */
export function stemWord(language: string, raw: string): string {
  const words = tokenize(raw);
  if (words.length === 0) return '';
  const stems = words.map((w) => stemOne(language, w));
  if (stems.every((s) => s === '#')) return '#';
  return stems.join(' ');
}

/**
 * A phrase's stems in order: `*` (any word) and `#` (any number) stay as they are, every other
 * raw token is stemmed as the transcripts' tokens are.
 */
export function phraseStems(language: string, phrase: string): string[] {
  return rawTokens(phrase.trim())
    .filter((t) => t !== '')
    .map((t) => (t === '*' || t === '#' ? t : stemWord(language, t)))
    .filter((s) => s !== '');
}

/** Whether a phrase is written in the script a language is spoken in (a Cyrillic synonym is not English). */
export function sameScript(language: string, phrase: string): boolean {
  return CYRILLIC.test(phrase) === (language === 'ru' || language === 'uk' || language === 'bg');
}
