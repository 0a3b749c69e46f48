import { DuckDBInstance, VARCHAR } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rawTokens, tokenizeSql } from '../../stores/lexicon/words.ts';
import { segmentWordsSql } from '../../stores/segment-words.sql.ts';

/**
 * The SQL cut of a segment (a plain split at ' ' where that is all it needs, the regular
 * expression elsewhere) gives the tokens the phrases are cut into, place for place: a token more or
 * less would move every word after it.
 */
const TEXTS = [
  'Good morning, Nord Distribution, this is Anna speaking',
  'Добрый день, меня зовут Ольга',
  'Bună ziua, ulei de floarea-soarelui și făină',
  '  two spaces before, two  inside and one after ',
  ' ',
  '',
  'a\ttab and a\nnew line',
  'no\u00a0break\u202fspaces',
  'dashes – and — and ‐ and ‑ and - too',
  '8/30 and 12:00 / 13:00',
  '--',
  'ONE Capital Ё',
];

let instance: DuckDBInstance;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
});
afterAll(() => instance.closeSync());

test('SQL cuts every segment as the phrases are cut', async () => {
  const c = await instance.connect();
  try {
    for (const text of TEXTS) {
      const rows = (
        await c.runAndReadAll(`SELECT ${tokenizeSql('$t')} AS w`, { t: text }, { t: VARCHAR })
      ).getRowsJson();
      expect(rows[0]?.[0], JSON.stringify(text)).toEqual(rawTokens(text));
    }
  } finally {
    c.closeSync();
  }
});

test('a segment stored without its words is cut when read, one stored with them is read as stored', async () => {
  const c = await instance.connect();
  try {
    await c.run('CREATE TEMP TABLE segs (id INTEGER, text VARCHAR, words VARCHAR[])');
    await c.run(`INSERT INTO segs SELECT 1, 'Good  morning – Anna', NULL`);
    await c.run(`INSERT INTO segs SELECT 2, 'Добрый день', ${tokenizeSql("'Добрый день'")}`);
    const rows = (
      await c.runAndReadAll(`SELECT ${segmentWordsSql('s')} AS w FROM segs s ORDER BY id`)
    ).getRowsJson();
    expect(rows.map((r) => r[0])).toEqual([rawTokens('Good  morning – Anna'), rawTokens('Добрый день')]);
  } finally {
    c.closeSync();
  }
});
