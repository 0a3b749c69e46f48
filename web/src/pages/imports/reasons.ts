import type { Translate } from '../../i18n/index.ts';

/**
 * A quarantine reason in the reader's language. The importer writes it in English, one problem
 * per cell (`started_at: is not an ISO 8601 timestamp …; talk_s: is negative`) or one for the row;
 * the problems it knows are put in the language of the page, column names and values kept as
 * written, and any other text is shown as the importer wrote it.
 */
export function translateReason(t: Translate, reason: string): string {
  const parts: string[] = [];
  for (const part of reason.split('; ')) {
    // "…is not a known operator; import operators first" is one problem, not two.
    const last = parts.length - 1;
    if (last >= 0 && /^import \w+ first$/.test(part)) parts[last] = `${parts[last]}; ${part}`;
    else parts.push(part);
  }
  return parts
    .map((part) => {
      const cell = /^([A-Za-z_][\w.]*): (.+)$/s.exec(part);
      if (!cell) return problem(t, part) ?? part;
      const [, column = '', text = ''] = cell;
      const translated = problem(t, text);
      return translated ? `${column}: ${translated}` : part;
    })
    .join('; ');
}

const FIXED: Readonly<Record<string, Parameters<Translate>[0]>> = {
  'is required': 'value.reason.required',
  'is negative': 'value.reason.negative',
  'is not a number': 'value.reason.notNumber',
  'is not a whole number': 'value.reason.notWhole',
  'is not a number of seconds': 'value.reason.notSeconds',
  'is not an amount': 'value.reason.notAmount',
  'is not a boolean (true/false, 1/0, yes/no)': 'value.reason.notBoolean',
  'is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][offset])': 'value.reason.notTimestamp',
  'is not an ISO 4217 currency code': 'value.reason.notCurrency',
  'is above 100': 'value.reason.above100',
  'is below 0': 'value.reason.below0',
  'the line is not a JSON object': 'value.reason.notJsonObject',
};

function problem(t: Translate, text: string): string | null {
  const fixed = FIXED[text];
  if (fixed) return t(fixed);
  let m = /^is longer than (\d+) characters$/.exec(text);
  if (m) return t('value.reason.tooLong', { count: Number(m[1]) });
  m = /^is not one of (.+)$/.exec(text);
  if (m) return t('value.reason.notOneOf', { values: m[1] ?? '' });
  m = /^("[^"]*") is not a known (\w+)(?:; import \w+ first)?$/.exec(text);
  if (m) return t('value.reason.unknownRef', { value: m[1] ?? '', what: m[2] ?? '' });
  m = /^(.+) is already on line (\d+) of this file, with other values$/.exec(text);
  if (m) return t('value.reason.repeated', { id: m[1] ?? '', line: m[2] ?? '' });
  return null;
}
