import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import type { ImportKind } from '../../schemas/kinds.ts';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

const SAMPLE = path.join(import.meta.dirname, '../fixtures/autoqa');
const ZONE = 'Europe/Chisinau';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
  await writeSetting(env.rt.db, 'timeZone', ZONE, 'test');
});
afterEach(() => env.dispose());

const load = (kind: ImportKind, name: string) =>
  importFile(env.rt, { kind, file: path.join(SAMPLE, name), actor: 'test', timeZone: ZONE });

describe('the AutoQA sample, imported in the order of its README', () => {
  it('loads every file whole: the catalogue, the calls and their 36 transcripts', async () => {
    const reports = [];
    for (const [kind, name] of [
      ['teams', 'teams.csv'],
      ['operators', 'operators.csv'],
      ['clients', 'clients.csv'],
      ['debts', 'debts.csv'],
      ['products', 'products.csv'],
      ['calls', 'calls.csv'],
      ['transcripts', 'transcripts.jsonl'],
    ] as const) {
      const report = await load(kind, name);
      expect(report.quarantine, name).toEqual([]);
      expect(report.status, name).toBe('done');
      reports.push(report);
    }
    const transcripts = reports.at(-1);
    expect(transcripts?.format).toBe('jsonl');
    expect(transcripts?.transcripts).toEqual({
      read: 36,
      loaded: 36,
      replaced: 0,
      quarantined: 0,
      duplicates: 0,
    });
    const [segments] = await env.rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM transcript_segments');
    expect(transcripts?.loaded).toBe(segments?.n);
    expect(
      await env.rt.analytics.rows(
        'SELECT language, count(*)::INTEGER AS n FROM transcripts GROUP BY 1 ORDER BY 1',
      ),
    ).toEqual([
      { language: 'en', n: 12 },
      { language: 'ro', n: 12 },
      { language: 'ru', n: 12 },
    ]);
    expect(
      await env.rt.analytics.rows(
        `SELECT product_id, name, synonyms, is_new, promo_from::VARCHAR AS promo_from, promo_to::VARCHAR AS promo_to,
           traditional_for FROM products WHERE product_id IN ('P01', 'P09') ORDER BY 1`,
      ),
    ).toEqual([
      {
        product_id: 'P01',
        name: 'Sunflower oil',
        synonyms: [
          'подсолнечное масло',
          'растительное масло',
          'ulei de floarea-soarelui',
          'ulei vegetal',
          'sunflower oil',
          'vegetable oil',
        ],
        is_new: false,
        promo_from: null,
        promo_to: null,
        traditional_for: ['retail', 'market_trader'],
      },
      {
        product_id: 'P09',
        name: 'Canned tuna',
        synonyms: ['тунец', 'консервированный тунец', 'ton', 'ton la conservă', 'tuna', 'canned tuna'],
        is_new: false,
        promo_from: '2026-10-01',
        promo_to: '2026-10-31',
        traditional_for: [],
      },
    ]);
    // The first call's segments in order, speakers and times as written.
    const first = await env.rt.analytics.rows(
      `SELECT seq, speaker, start_s, end_s FROM transcript_segments WHERE call_id = 'SH-EN-01' ORDER BY seq LIMIT 2`,
    );
    expect(first).toEqual([
      { seq: 1, speaker: 'agent', start_s: 0.55, end_s: 5.19 },
      { seq: 2, speaker: 'customer', start_s: 5.96, end_s: 9.88 },
    ]);
    // The same file again changes nothing.
    const again = await load('transcripts', 'transcripts.jsonl');
    expect(again.status).toBe('already_imported');
    const [after] = await env.rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM transcript_segments');
    expect(after?.n).toBe(segments?.n);
  });
});
