import snowball from 'snowball-stemmers';
import { NUMBER_WORDS } from './number-words.ts';

/**
 * How text becomes the words the checks compare, in one place for both sides: the segments
 * (tokenized in SQL by TOKENIZE_SQL, their distinct words stemmed here into the lexicon) and the
 * phrases and product names (tokenized and stemmed here when a rule set loads). Case, punctuation
 * and diacritics do not count (ș/ş, ț/ţ, ă, â, î; ё = е), so an ASR transcript without diacritics
 * matches a phrase list written with them.
 */

/**
 * Bumped whenever the way a word becomes a stem changes: the lexicon's rows of an older version
 * are no longer read, so every word is stemmed again the new way.
 */
export const LEXICON_VERSION = 1;

/**
 * Characters that separate words, and apostrophes, which join them ("don't" → "dont"). SQL
 * splits with translate() and string_split() rather than a regular expression: over tens of
 * millions of segments that is several times faster, and JavaScript splits the phrases the same
 * way. A token may keep an unusual symbol ("10%"); it then matches only the same token.
 */
const SEPARATORS = ' \t\n\r!"#$%&()*+,./:;<=>?@[\\]^_{|}~-\u00a0\u202f«»“”„‟‹›—–‐‑‒―…·•№§°±×÷';
const APOSTROPHES = "'’`ʼ‘";

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The SQL twin of `tokenize` for a text column: lowercase, apostrophes dropped, split on the rest. */
export const tokenizeSql = (column: string) =>
  `list_filter(string_split(translate(lower(${column}), ${sqlText(SEPARATORS + APOSTROPHES)}, ${sqlText(' '.repeat([...SEPARATORS].length))}), ' '), w -> w <> '')`;

export function tokenize(text: string): string[] {
  let out = '';
  for (const ch of text.toLowerCase()) {
    if (APOSTROPHES.includes(ch)) continue;
    out += SEPARATORS.includes(ch) ? ' ' : ch;
  }
  return out.split(' ').filter((w) => w !== '');
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

/** The stem a tokenized word compares by: `#` for a number, else its Snowball stem, diacritics folded. */
export function stemWord(language: string, word: string): string {
  const folded = foldDiacritics(word);
  if (DIGITS.test(folded) || numberWords.get(language)?.has(folded)) return '#';
  return stemmerFor(language)?.stem(folded) ?? folded;
}

/**
 * A phrase's stems in order: `*` (any word) and `#` (any number) stay as they are, every other word
 * is tokenized and stemmed as the transcripts' words are.
 */
export function phraseStems(language: string, phrase: string): string[] {
  return phrase
    .trim()
    .split(/\s+/u)
    .flatMap((part) =>
      part === '*' || part === '#' ? [part] : tokenize(part).map((w) => stemWord(language, w)),
    );
}

/** Whether a phrase is written in the script a language is spoken in (a Cyrillic synonym is not English). */
export function sameScript(language: string, phrase: string): boolean {
  return CYRILLIC.test(phrase) === (language === 'ru' || language === 'uk' || language === 'bg');
}
