import { en } from '../../i18n/en.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';

/** The label of a coded value (`opPage.status.justified`), or the code itself when none exists. */
export function codeLabel(t: Translate, group: string, code: string | null): string {
  if (code === null) return t('kpi.none');
  const key = `opPage.${group}.${code}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : code;
}
