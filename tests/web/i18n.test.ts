import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../../schemas/notifications.ts';
import { LANGUAGE_CODES } from '../../schemas/users.ts';
import { makeFormatters } from '../../web/src/format.ts';
import { en } from '../../web/src/i18n/en.ts';
import {
  CATALOGUES,
  LANGUAGE_NAMES,
  LANGUAGES,
  localeOf,
  pluralCategories,
  translator,
} from '../../web/src/i18n/index.ts';
import { roDash } from '../../web/src/i18n/ro-dash.ts';
import { ruDash } from '../../web/src/i18n/ru-dash.ts';

/** The names a message fills: `{name}` and the count of a plural group `{name, plural, …}`. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort();
const englishKeys = Object.keys(en).sort();
const translations = LANGUAGES.filter((l) => l !== 'en');

describe('message catalogues', () => {
  it('offer the languages a user can choose on the server, each named in itself', () => {
    expect([...LANGUAGES].sort()).toEqual([...LANGUAGE_CODES].sort());
    for (const l of LANGUAGES) expect(LANGUAGE_NAMES[l]).toBeTruthy();
  });

  it.each(translations)('%s has every English key and no other', (language) => {
    const keys = Object.keys(CATALOGUES[language].messages).sort();
    expect(
      englishKeys.filter((k) => !keys.includes(k)),
      'missing keys',
    ).toEqual([]);
    expect(
      keys.filter((k) => !englishKeys.includes(k)),
      'keys English does not have',
    ).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no empty message', (language) => {
    const messages: Record<string, string> = CATALOGUES[language].messages;
    const empty = Object.entries(messages)
      .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(translations)('%s keeps the placeholders of every English message', (language) => {
    const messages: Record<string, string> = CATALOGUES[language].messages;
    const differ = Object.entries(en)
      .filter(([key, text]) => placeholders(text).join() !== placeholders(messages[key] ?? '').join())
      .map(([key]) => key);
    expect(differ).toEqual([]);
  });

  it('name every kind of notification in every language', () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(Object.hasOwn(en, `notify.kind.${kind}`), kind).toBe(true);
      for (const l of translations)
        expect(
          CATALOGUES[l].messages[`notify.kind.${kind}` as keyof typeof en],
          `${l}: ${kind}`,
        ).toBeTruthy();
    }
    // The bell's own texts of a kind: a level-2 decision is an appeal's.
    expect(Object.hasOwn(en, 'notify.kind.disputeDecided2')).toBe(true);
  });

  it('fills placeholders in the chosen language', () => {
    expect(translator('en')('topbar.account', { name: 'Ana', role: 'QA' })).toBe('Signed in as Ana, QA');
    for (const l of translations) {
      expect(translator(l)('topbar.account', { name: 'Ana', role: 'QA' })).toContain('Ana');
      expect(translator(l)('nav.payroll')).not.toBe(en['nav.payroll']);
    }
  });
});

describe('plurals by the rules of each language', () => {
  it('chooses the English singular and plural, with a formatted count', () => {
    const t = translator('en');
    expect(t('qa.count.evaluations', { count: 1 })).toBe('1 evaluation');
    expect(t('qa.count.evaluations', { count: 2 })).toBe('2 evaluations');
    expect(t('qa.count.evaluations', { count: '1,234' })).toBe('1,234 evaluations');
    expect(t('qa.answer.points', { points: '1' })).toBe('1 pt');
    // A count shown with decimals is plural in English, even 1.0.
    expect(t('tile.change.points', { sign: '+', value: '1.0' })).toBe('+1.0 pts');
    expect(t('claims.count', { count: 1, open: 0 })).toBe('1 claim, 0 open');
  });

  it('gives Russian its one, few and many forms and Romanian its few and "de" forms', () => {
    const ru = translator('ru');
    expect(ru('qa.answer.points', { points: 1 })).toBe('1 балл');
    expect(ru('qa.answer.points', { points: 3 })).toBe('3 балла');
    expect(ru('qa.answer.points', { points: 5 })).toBe('5 баллов');
    expect(ru('qa.answer.points', { points: 21 })).toBe('21 балл');
    expect(ru('qa.answer.points', { points: '1,5' })).toBe('1,5 балла');
    const ro = translator('ro');
    expect(ro('qa.comments.count', { count: 1 })).toBe('1 comentariu');
    expect(ro('qa.comments.count', { count: 2 })).toBe('2 comentarii');
    expect(ro('qa.comments.count', { count: 20 })).toBe('20 de comentarii');
  });

  it.each(LANGUAGES)('%s gives every plural group each category its rules use', (language) => {
    const categories = pluralCategories(language);
    const messages: Record<string, string> = CATALOGUES[language].messages;
    const missing: string[] = [];
    for (const [key, text] of Object.entries(messages)) {
      for (const group of text.matchAll(/\{\w+,\s*plural,((?:[^{}]|\{[^{}]*\})*)\}/g)) {
        const has = new Set([...(group[1] ?? '').matchAll(/(=?\w+)\s*\{/g)].map((m) => m[1]));
        for (const c of categories) if (!has.has(c)) missing.push(`${key}: ${c}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('formatting follows the language', () => {
  it('groups thousands and writes money the local way', () => {
    const f = (l: (typeof LANGUAGES)[number]) => makeFormatters(localeOf(l), 'MDL');
    expect(f('en').integer(12345)).toBe('12,345');
    for (const l of translations) expect(f(l).decimal(1.5)).toBe('1,50');
    expect(f('ru').integer(12345)).toBe('12\u00a0345');
    expect(f('ro').integer(12345)).toBe('12.345');
    expect(f('ru').money(123456)).toBe('1\u00a0234,56\u00a0MDL');
    expect(f('ro').money(123456)).toBe('1.234,56\u00a0MDL');
  });
});

describe('dashboard messages waiting for their English keys', () => {
  const dash = { ru: ruDash, ro: roDash } as Record<string, Record<string, string>>;

  it('are the same keys in Russian and Romanian, none empty, with the same placeholders', () => {
    expect(Object.keys(ruDash).sort()).toEqual(Object.keys(roDash).sort());
    for (const [key, text] of Object.entries(ruDash)) {
      expect(text.trim(), key).not.toBe('');
      expect(roDash[key as keyof typeof roDash].trim(), key).not.toBe('');
      expect(placeholders(roDash[key as keyof typeof roDash]), key).toEqual(placeholders(text));
    }
  });

  it.each(['ru', 'ro'])('%s: a key that has landed in English keeps its placeholders', (language) => {
    const english: Record<string, string> = en;
    const differ = Object.entries(dash[language] ?? {})
      .filter(([key]) => Object.hasOwn(english, key))
      .filter(([key, text]) => placeholders(text).join() !== placeholders(english[key] ?? '').join())
      .map(([key]) => key);
    expect(differ).toEqual([]);
  });
});

describe('components', () => {
  const root = path.join(import.meta.dirname, '../../web/src');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
  // Text between tags, and the attributes people read, written as literals instead of through t().
  const jsxText = />\s*\p{L}[\p{L}\s.,!?'’:-]*<\//u;
  const attribute = /\b(title|placeholder|aria-label|alt|label)="[^"]*\p{L}{2,}[^"]*"/u;

  it.each(files)('%s shows no text that bypasses the message catalogue', (file) => {
    const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
    const bare = lines
      .map((line, i) => `${i + 1}: ${line.trim()}`)
      .filter((line) => jsxText.test(line) || attribute.test(line));
    expect(bare).toEqual([]);
  });
});
