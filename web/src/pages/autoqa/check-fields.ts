import type { CheckDef, PhraseList } from '../../../../schemas/autoqa.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** The phrase lists a check reads, by name (`phrases`, `delivery`, `when`, …), as the schema holds them. */
export function phraseLists(check: CheckDef): Record<string, PhraseList> {
  return 'phrases' in check ? (check.phrases as Record<string, PhraseList>) : {};
}

/** The check with one phrase list of one language replaced. */
export function withPhrases(check: CheckDef, list: string, language: string, phrases: string[]): CheckDef {
  if (!('phrases' in check)) return check;
  const lists = check.phrases as Record<string, PhraseList>;
  return { ...check, phrases: { ...lists, [list]: { ...lists[list], [language]: phrases } } } as CheckDef;
}

export type ParamValue = number | boolean | string;

/** The check's parameters in the schema's order. */
export const paramsOf = (check: CheckDef): [string, ParamValue][] =>
  Object.entries(check.params as Record<string, ParamValue>);

export function withParam(check: CheckDef, name: string, value: ParamValue): CheckDef {
  return { ...check, params: { ...check.params, [name]: value } } as CheckDef;
}

/** Lines of a text box as phrases: trimmed, blank lines left out. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export const KIND_LABEL: Record<CheckDef['kind'], MessageKey> = {
  'opening-phrase': 'autoqa.kind.opening',
  'closing-phrase': 'autoqa.kind.closing',
  'forbidden-phrase': 'autoqa.kind.forbidden',
  'product-offer': 'autoqa.kind.productOffer',
  upsell: 'autoqa.kind.upsell',
  delivery: 'autoqa.kind.delivery',
  'read-back': 'autoqa.kind.readBack',
  debt: 'autoqa.kind.debt',
  'dead-air': 'autoqa.kind.deadAir',
  'talk-over': 'autoqa.kind.talkOver',
};

export const PARAM_LABEL: Record<string, MessageKey> = {
  windowSeconds: 'autoqa.param.windowSeconds',
  includeCompanyName: 'autoqa.param.includeCompanyName',
  products: 'autoqa.param.products',
  minProducts: 'autoqa.param.minProducts',
  declineWords: 'autoqa.param.declineWords',
  maxSilenceSeconds: 'autoqa.param.maxSilenceSeconds',
  maxInterruptions: 'autoqa.param.maxInterruptions',
};

export const LIST_LABEL: Record<string, MessageKey> = {
  phrases: 'autoqa.list.phrases',
  delivery: 'autoqa.list.delivery',
  when: 'autoqa.list.when',
  negation: 'autoqa.list.negation',
  question: 'autoqa.list.question',
};
