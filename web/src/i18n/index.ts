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

export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translator(language: Language): Translate {
  const messages: Catalogue = CATALOGUES[language].messages;
  return (key, vars) => interpolate(messages[key], vars);
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
