import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { productRecord } from '../../schemas/records.ts';
import { importCsv, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => env.dispose());

const HEADER = 'product_id,name,synonyms,category,is_new,promo_from,promo_to,traditional_for';
const stored = () =>
  env.rt.analytics.rows(
    `SELECT product_id, name, synonyms, category, is_new, promo_from::VARCHAR AS promo_from,
       promo_to::VARCHAR AS promo_to, traditional_for FROM products ORDER BY product_id`,
  );
const load = (name: string, content: string) => {
  const file = path.join(env.dir, name);
  writeFileSync(file, content);
  return importFile(env.rt, { kind: 'products', file, actor: 'test', timeZone: 'UTC' });
};

describe('the product catalogue (kind products)', () => {
  it('loads lists, booleans and dates; quarantines each bad row with the schema’s reason', async () => {
    const report = await importCsv(
      env,
      'products',
      'products.csv',
      `${HEADER}\n` +
        'P1,Sugar, сахар ; zahăr;;sugar ,grocery,yes,,,Market_Trader;own_point\n' +
        'P2,Tuna,ton,canned,,2026-10-01,2026-10-31,\n' +
        'P3,Tea,,drinks,maybe,,,\n' +
        'P4,Coffee,,drinks,false,2026-02-30,10/11/2026,\n' +
        'P5,Salt,,grocery,0,,,retail;wholesale\n' +
        'P6,Promo,,x,1,2026-10-31,2026-10-01,\n' +
        'P7,,,x,1,,,\n',
    );
    expect(report.read).toBe(report.loaded + report.quarantined + report.duplicates);
    expect(report).toMatchObject({ read: 7, loaded: 2, quarantined: 5 });
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [4, 'is_new: is not a boolean (true/false, 1/0, yes/no)'],
      [5, 'promo_from: is not a calendar date; promo_to: is not a date (YYYY-MM-DD)'],
      [
        6,
        'traditional_for: "wholesale" is not one of market_trader, key, own_point, retail, regional, other',
      ],
      [7, 'promo_to: is before promo_from'],
      [8, 'name: is required'],
    ]);
    expect(await stored()).toEqual([
      {
        product_id: 'P1',
        name: 'Sugar',
        synonyms: ['сахар', 'zahăr', 'sugar'],
        category: 'grocery',
        is_new: true,
        promo_from: null,
        promo_to: null,
        traditional_for: ['market_trader', 'own_point'],
      },
      {
        product_id: 'P2',
        name: 'Tuna',
        synonyms: ['ton'],
        category: 'canned',
        is_new: false,
        promo_from: '2026-10-01',
        promo_to: '2026-10-31',
        traditional_for: [],
      },
    ]);
  });

  it('the zod schema, the single source of the type, gives the same reasons', () => {
    const parsed = productRecord.safeParse({
      product_id: 'P5',
      name: 'Salt',
      traditional_for: 'retail;wholesale',
      promo_from: '2026-10-31',
      promo_to: '2026-10-01',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['traditional_for', '"wholesale" is not one of market_trader, key, own_point, retail, regional, other'],
    ]);
    const ok = productRecord.parse({ product_id: 'P1', name: 'Sugar', synonyms: 'a; b', is_new: 'yes' });
    expect(ok).toMatchObject({ synonyms: ['a', 'b'], is_new: true, traditional_for: [] });
  });

  it('takes JSON arrays in JSON Lines, and a re-import replaces a product by its id', async () => {
    await importCsv(
      env,
      'products',
      'first.csv',
      `${HEADER}\nP1,Sugar,сахар,grocery,false,,,retail\nP2,Salt,,grocery,,,,\n`,
    );
    const report = await load(
      'catalogue.jsonl',
      [
        JSON.stringify({
          product_id: 'P1',
          name: 'Sugar',
          synonyms: ['сахар', 'zahăr'],
          category: 'grocery',
          is_new: true,
          traditional_for: ['retail', 'key'],
        }),
        JSON.stringify({ product_id: 'P2', name: 'Salt', category: 'grocery', is_new: false }),
        JSON.stringify({ product_id: 'P3', name: 'Tea', promo_from: '2026-10-01', promo_to: '2026-10-31' }),
      ].join('\n'),
    );
    expect(report).toMatchObject({ format: 'jsonl', read: 3, loaded: 2, quarantined: 0, duplicates: 1 });
    expect(await stored()).toMatchObject([
      { product_id: 'P1', synonyms: ['сахар', 'zahăr'], is_new: true, traditional_for: ['retail', 'key'] },
      { product_id: 'P2', synonyms: [], is_new: false },
      { product_id: 'P3', promo_from: '2026-10-01', promo_to: '2026-10-31' },
    ]);
    const [count] = await env.rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM products');
    expect(count?.n).toBe(3);
  });

  it('reads Parquet as the other kinds do', async () => {
    const file = path.join(env.dir, 'products.parquet');
    await env.rt.analytics.withConnection((c) =>
      c.run(
        `COPY (SELECT 'P1' AS product_id, 'Sugar' AS name, 'сахар;sugar' AS synonyms, true AS is_new,
           DATE '2026-10-01' AS promo_from, DATE '2026-10-15' AS promo_to, 'retail' AS traditional_for)
         TO '${file}' (FORMAT parquet)`,
      ),
    );
    const report = await importFile(env.rt, { kind: 'products', file, actor: 'test', timeZone: 'UTC' });
    expect(report).toMatchObject({ format: 'parquet', loaded: 1, quarantined: 0 });
    expect(await stored()).toMatchObject([
      {
        product_id: 'P1',
        synonyms: ['сахар', 'sugar'],
        is_new: true,
        promo_to: '2026-10-15',
        traditional_for: ['retail'],
      },
    ]);
  });
});
