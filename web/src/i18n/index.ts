import { createContext, createElement, type ReactNode, useContext, useEffect, useMemo } from 'react';
import { en } from './en.ts';
import { ro } from './ro.ts';
import { ru } from './ru.ts';

export type MessageKey = keyof typeof en;
/** A translation: every English key, any text. */
export type Catalogue = { readonly [K in MessageKey]: string };
export type Vars = Readonly<Record<string, string | number>>;

/** Catalogues by language; each entry also names the locale used for Intl formatting. */
export const CATALOGUES = {
  en: { locale: 'en-GB', messages: en satisfies Catalogue },
  ru: { locale: 'ru-RU', messages: ru },
  ro: { locale: 'ro-RO', messages: ro },
} as const satisfies Record<string, { locale: string; messages: Catalogue }>;

export type Language = keyof typeof CATALOGUES;
export const LANGUAGES = Object.keys(CATALOGUES) as Language[];
const DEFAULT_LANGUAGE: Language = 'en';

/** Each language named in itself, for the language switch; not translated on purpose. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  ru: 'Русский',
  ro: 'Română',
};

export function isLanguage(v: string): v is Language {
  return Object.hasOwn(CATALOGUES, v);
}

/** The browser's first preferred language that has a catalogue. */
export function detectLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

/** Plural rules of a locale, per number of fraction digits shown (`1.0 pts` is plural in English). */
function pluralRules(locale: string) {
  const decimal =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  const byDigits = new Map<number, Intl.PluralRules>();
  return (value: string | number): string => {
    let n = typeof value === 'number' ? value : Number.NaN;
    let digits = 0;
    if (typeof value === 'string') {
      // A count passed already formatted (`1 234`, `1.234,5`) is read back as the number it shows.
      const [whole = '', fraction = ''] = value.split(decimal);
      const wholeDigits = whole.replace(/[^\d-]/g, '');
      const fractionDigits = fraction.replace(/\D/g, '');
      digits = fractionDigits.length;
      n = Number(`${wholeDigits || '0'}.${fractionDigits || '0'}`);
    }
    if (!Number.isFinite(n)) n = 0;
    let rules = byDigits.get(digits);
    if (!rules) {
      rules = new Intl.PluralRules(locale, { minimumFractionDigits: digits });
      byDigits.set(digits, rules);
    }
    return rules.select(n);
  };
}

/** The end of the `{…}` group opening at `start`, counting nested braces. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * ICU plural groups, `{count, plural, =0 {none} one {# call} few {# calls} other {# calls}}`: the
 * branch is chosen by the language's rules (Intl.PluralRules), `#` is the count as given.
 */
function pluralize(text: string, vars: Vars | undefined, select: (n: string | number) => string): string {
  const head = /\{(\w+),\s*plural,/g;
  let out = '';
  let from = 0;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const end = closingBrace(text, m.index);
    if (end < 0) break;
    const name = m[1] ?? '';
    const value = vars && Object.hasOwn(vars, name) ? vars[name] : undefined;
    const branches = new Map<string, string>();
    const body = text.slice(head.lastIndex, end);
    const branch = /\s*(=?\w+)\s*\{/g;
    for (let b = branch.exec(body); b; b = branch.exec(body)) {
      const open = b.index + b[0].length - 1;
      const close = closingBrace(body, open);
      if (close < 0) break;
      branches.set(b[1] ?? '', body.slice(open + 1, close));
      branch.lastIndex = close + 1;
    }
    const exact = value === undefined ? undefined : branches.get(`=${value}`);
    const chosen = exact ?? branches.get(select(value ?? 0)) ?? branches.get('other') ?? '';
    out += text.slice(from, m.index) + chosen.replaceAll('#', value === undefined ? '' : String(value));
    from = end + 1;
    head.lastIndex = end + 1;
  }
  return out + text.slice(from);
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translator(language: Language): Translate {
  const messages: Catalogue = CATALOGUES[language].messages;
  const select = pluralRules(localeOf(language));
  return (key, vars) => {
    const text = messages[key];
    return interpolate(text.includes(', plural,') ? pluralize(text, vars, select) : text, vars);
  };
}

/** The plural categories a language's rules use (`one`, `few`, `many`, `other` in Russian). */
export function pluralCategories(language: Language): readonly string[] {
  return new Intl.PluralRules(localeOf(language)).resolvedOptions().pluralCategories;
}

export function localeOf(language: Language): string {
  return CATALOGUES[language].locale;
}

let current: Language = DEFAULT_LANGUAGE;
let currentT: Translate = translator(DEFAULT_LANGUAGE);

/** Translates outside React (document titles, error boundaries, plain functions). */
export const t: Translate = (key, vars) => currentT(key, vars);

interface I18nValue {
  language: Language;
  locale: string;
  t: Translate;
}

const I18nContext = createContext<I18nValue>({
  language: DEFAULT_LANGUAGE,
  locale: localeOf(DEFAULT_LANGUAGE),
  t: translator(DEFAULT_LANGUAGE),
});

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(
    () => ({ language, locale: localeOf(language), t: translator(language) }),
    [language],
  );
  // The plain t() follows the provider, so text built outside components matches the screen.
  if (current !== language) {
    current = language;
    currentT = value.t;
  }
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return createElement(I18nContext.Provider, { value }, children);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

/** The language the screen is shown in. */
export function useLanguage(): Language {
  return useContext(I18nContext).language;
}

/** The BCP 47 locale for Intl formatting of the current language. */
export function useLocale(): string {
  return useContext(I18nContext).locale;
}
