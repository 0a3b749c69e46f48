import { en } from '../../i18n/en.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';

/** The label of a coded value (`opPage.status.justified`), or the code itself when none exists. */
export function codeLabel(t: Translate, group: string, code: string | null): string {
  if (code === null) return t('kpi.none');
  const key = `opPage.${group}.${code}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : code;
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();

/** An instant as a local date and time in the company zone. */
export function dateTime(iso: string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = dateTimes.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    dateTimes.set(key, f);
  }
  return f.format(new Date(iso));
}
