import { en } from './en.ts';
import type { MessageKey, Translate } from './index.ts';

/** Groups of coded values with labels in the catalogues (`value.<group>.<code>`). */
export type ValueGroup = 'clientType' | 'outcome' | 'orderStatus' | 'kind' | 'format';

/** The label of a coded value in the current language; a code without one is shown as it is. */
export function valueLabel(t: Translate, group: ValueGroup, code: string): string {
  const key = `value.${group}.${code}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : code;
}
