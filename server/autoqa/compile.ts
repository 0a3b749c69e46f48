import type { CheckDef, RuleSetView } from '../../schemas/autoqa.ts';
import { phraseStems, sameScript } from '../../stores/lexicon/words.ts';

/** A catalogue product as the checks read it: the words that name it. */
export interface ProductNames {
  productId: string;
  names: string[];
}

/**
 * The phrases of a rule set and the catalogue, stemmed, in the column lists the hit query takes as
 * bound parameters: the stems the phrases hold (each a number of its own, per language, so that
 * the batch's words are keyed by small integers), the phrases, and each phrase's words (`*` aside)
 * with their places. A phrase matches where one of its words (its anchor, the rarest in the batch:
 * hits.sql.ts) is found and every other word's stem sits at its place beside it.
 */
export interface CompiledPhrases {
  languages: string[];
  /** Every (language, stem) some phrase holds, numbered from 1. */
  stems: { id: number[]; lang: string[]; stem: string[] };
  /** The phrase lists' names; a list's number (what the hits carry) is its place here plus one. */
  lists: string[];
  phrases: {
    id: number[];
    /** The list's number (`lists`). */
    listNo: number[];
    item: string[];
    lang: string[];
    text: string[];
    n: number[];
    rest: number[];
  };
  /** Each phrase's words but `*`: the phrase, the place (0-based), the stem's number. */
  words: { id: number[]; k: number[]; stem: number[] };
}

/** The name a phrase list has in the hit table: the check's key and the list's name. */
export const listName = (checkKey: string, list: string) => `${checkKey}:${list}`;

/** A list's number, what the hit table carries; 0 (no phrase's) when the rule set has none of it. */
export const listNumber = (compiled: Pick<CompiledPhrases, 'lists'>, name: string): number =>
  compiled.lists.indexOf(name) + 1;
export const PRODUCT_LIST = 'product';

/** The languages a rule set has phrases for: a call in another language is checked only on timings. */
export function ruleLanguages(checks: readonly CheckDef[]): string[] {
  const langs = new Set<string>();
  for (const c of checks) {
    if (!('phrases' in c)) continue;
    for (const list of Object.values(c.phrases))
      for (const [lang, ps] of Object.entries(list)) if (ps.length) langs.add(lang);
  }
  return [...langs].sort();
}

export function compilePhrases(
  ruleSet: Pick<RuleSetView, 'checks'>,
  products: readonly ProductNames[],
  companyName: string,
): CompiledPhrases {
  const languages = ruleLanguages(ruleSet.checks);
  const out: CompiledPhrases = {
    languages,
    stems: { id: [], lang: [], stem: [] },
    lists: [],
    phrases: { id: [], listNo: [], item: [], lang: [], text: [], n: [], rest: [] },
    words: { id: [], k: [], stem: [] },
  };
  const stemIds = new Map<string, number>();
  const stemId = (lang: string, stem: string): number => {
    const key = `${lang}\u0000${stem}`;
    let id = stemIds.get(key);
    if (id === undefined) {
      id = stemIds.size + 1;
      stemIds.set(key, id);
      out.stems.id.push(id);
      out.stems.lang.push(lang);
      out.stems.stem.push(stem);
    }
    return id;
  };
  const listNos = new Map<string, number>();
  const listNo = (list: string): number => {
    let no = listNos.get(list);
    if (no === undefined) {
      no = listNos.size + 1;
      listNos.set(list, no);
      out.lists.push(list);
    }
    return no;
  };
  const seen = new Set<string>();
  const add = (list: string, item: string, lang: string, text: string) => {
    const stems = phraseStems(lang, text);
    // A phrase of `*` alone matches nothing.
    const rest = stems.filter((s) => s !== '*').length - 1;
    if (rest < 0) return;
    const key = JSON.stringify([list, item, lang, stems]);
    if (seen.has(key)) return;
    seen.add(key);
    const id = out.phrases.id.length + 1;
    out.phrases.id.push(id);
    out.phrases.listNo.push(listNo(list));
    out.phrases.item.push(item);
    out.phrases.lang.push(lang);
    out.phrases.text.push(text);
    out.phrases.n.push(stems.length);
    out.phrases.rest.push(rest);
    stems.forEach((s, k) => {
      if (s === '*') return;
      out.words.id.push(id);
      out.words.k.push(k);
      out.words.stem.push(stemId(lang, s));
    });
  };
  for (const check of ruleSet.checks) {
    if (!('phrases' in check)) continue;
    for (const [name, byLang] of Object.entries(check.phrases)) {
      for (const [lang, phrases] of Object.entries(byLang))
        for (const p of phrases) add(listName(check.key, name), '', lang, p);
    }
    if (check.kind === 'opening-phrase') {
      const names = [...check.companyNames, ...(check.params.includeCompanyName ? [companyName] : [])];
      for (const lang of languages)
        for (const name of names) add(listName(check.key, 'phrases'), '', lang, name);
    }
  }
  // Synonyms are in any language: each is matched in the languages written in its script.
  for (const p of products)
    for (const lang of languages)
      for (const name of p.names) if (sameScript(lang, name)) add(PRODUCT_LIST, p.productId, lang, name);
  return out;
}
