import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import type { CheckDef } from '../../schemas/autoqa.ts';
import { currentRuleSet, saveRuleSet } from '../../server/autoqa/rules.service.ts';
import { runAutoqa } from '../../server/autoqa/run.ts';
import { AUTOQA_SAMPLE, loadAutoqaSample, nameTheCompany } from '../helpers/autoqa.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * The words stored as stem numbers and the phrase places kept between runs change how the checks
 * are computed, never what they give: the labelled sample's results are compared row by row
 * (EXCEPT ALL both ways) with those of the engine that cut, stemmed and searched every segment on
 * every run (results-earlier-engine.jsonl), and a re-check after an edit, which searches only the
 * new phrases, with a run that numbers and searches every segment from nothing.
 */

let env: TestEnv;

/** The rows of one side that the other lacks, both ways: empty when the two are the same rows. */
async function difference(a: string, b: string): Promise<Record<string, unknown>[]> {
  return env.rt.analytics.rows(`(${a} EXCEPT ALL ${b}) UNION ALL (${b} EXCEPT ALL ${a})`);
}
const results = (version: number) =>
  `SELECT call_id, check_key, result, evidence FROM autoqa_results WHERE rules_version = ${version}`;
const count = async (sql: string) => Number((await env.rt.analytics.rows(sql))[0]?.n);

beforeAll(async () => {
  env = await testEnv();
  await loadAutoqaSample(env.rt);
  await nameTheCompany(env.rt);
  await runAutoqa(env.rt, '2026-10');
}, 120_000);

afterAll(async () => {
  await env?.dispose();
});

describe('AutoQA on stored stem numbers and kept phrase places', () => {
  test('gives, row by row, the results of the engine that searched every word on every run', async () => {
    const earlier = `SELECT call_id, check_key, result, evidence FROM read_json('${path.join(AUTOQA_SAMPLE, 'results-earlier-engine.jsonl')}',
      columns = {call_id: 'VARCHAR', check_key: 'VARCHAR', result: 'VARCHAR', evidence: 'VARCHAR'})`;
    expect(await count(`SELECT count(*) AS n FROM (${earlier})`)).toBe(432);
    expect(await difference(earlier, results(2))).toEqual([]);
    // The import stored every segment's stem numbers: the run numbered none.
    expect(await count('SELECT count(*) AS n FROM transcript_segments WHERE stems IS NULL')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM transcript_segments WHERE len(stems) <> len(words)')).toBe(
      0,
    );
  });

  test('an edit searches only its new phrases and gives what a search of every segment from nothing gives', async () => {
    const before = await count('SELECT max(pattern_id) AS n FROM autoqa_patterns');
    const keptPlaces = await count('SELECT count(*) AS n FROM autoqa_places');
    // Every phrase list loses its first English phrase and gains one of its own.
    const edited = (await currentRuleSet(env.rt.db)).checks.map((c): CheckDef => {
      if (!('phrases' in c)) return c;
      const [name, byLang] = Object.entries(c.phrases)[0] ?? [];
      if (!name || !byLang) return c;
      const en = byLang.en ?? [];
      return {
        ...c,
        phrases: { ...c.phrases, [name]: { ...byLang, en: [...en.slice(1), 'we can * today'] } },
      } as CheckDef;
    });
    await saveRuleSet(env.rt.db, edited, 'test');
    expect((await runAutoqa(env.rt, '2026-10')).checked).toBe(36);
    // The places found before are kept as they were; the calls are searched up to the new patterns.
    const after = await count('SELECT max(pattern_id) AS n FROM autoqa_patterns');
    expect(after).toBeGreaterThan(before);
    expect(await count(`SELECT count(*) AS n FROM autoqa_places WHERE pattern_id <= ${before}`)).toBe(
      keptPlaces,
    );
    expect(await count(`SELECT count(*) AS n FROM autoqa_searched WHERE upto = ${after}`)).toBe(36);
    expect((await difference(results(2), results(3))).length).toBeGreaterThan(0);

    // From nothing: no places, no stem numbers (a file from before them); the run numbers them again.
    await env.rt.analytics.rows(
      'CREATE TABLE stems_before AS SELECT call_id, seq, stems FROM transcript_segments',
    );
    await env.rt.analytics.rows('DELETE FROM autoqa_places');
    await env.rt.analytics.rows('DELETE FROM autoqa_searched');
    await env.rt.analytics.rows('DELETE FROM autoqa_timelines');
    await env.rt.analytics.rows('UPDATE transcript_segments SET stems = NULL');
    await saveRuleSet(env.rt.db, edited, 'test');
    expect((await runAutoqa(env.rt, '2026-10')).checked).toBe(36);
    expect(
      await difference('SELECT * FROM stems_before', 'SELECT call_id, seq, stems FROM transcript_segments'),
    ).toEqual([]);
    expect(await difference(results(3), results(4))).toEqual([]);
    // The timelines were made again, one a call, as the kept ones were.
    expect(await count('SELECT count(DISTINCT call_no) AS n FROM autoqa_timelines')).toBe(36);
    expect(await count('SELECT count(*) AS n FROM autoqa_timelines')).toBe(36);
  });

  test('a replaced transcript loses its kept timeline and places; the next run reads the new one', async () => {
    const file = path.join(env.dir, 'newer.jsonl');
    // SH-EN-01 again, a newer transcript with 20 s of silence between the two sides.
    const segments = [
      {
        speaker: 'agent',
        start_s: 0.5,
        end_s: 4,
        text: 'Good morning, Nord Distribution, this is Sarah speaking.',
      },
      { speaker: 'customer', start_s: 24, end_s: 27, text: 'Morning, I need sugar, twenty bags.' },
      { speaker: 'agent', start_s: 27.5, end_s: 30, text: 'Thank you for your order, goodbye!' },
    ];
    writeFileSync(
      file,
      `${JSON.stringify({ call_id: 'SH-EN-01', language: 'en', engine: 'v2', segments })}\n`,
    );
    const report = await importFile(env.rt, {
      kind: 'transcripts',
      file,
      actor: 'test',
      timeZone: 'Europe/Chisinau',
    });
    expect(report.transcripts).toMatchObject({ loaded: 1, replaced: 1 });
    const callNo = `(SELECT call_no FROM autoqa_call_numbers WHERE call_id = 'SH-EN-01')`;
    expect(await count(`SELECT count(*) AS n FROM autoqa_timelines WHERE call_no = ${callNo}`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM autoqa_places WHERE call_no = ${callNo}`)).toBe(0);
    expect((await runAutoqa(env.rt, '2026-10')).checked).toBe(1);
    const [deadAir] = await env.rt.analytics.rows(
      `SELECT result, evidence FROM autoqa_results WHERE call_id = 'SH-EN-01' AND check_key = 'dead-air'
       AND rules_version = (SELECT max(rules_version) FROM autoqa_results)`,
    );
    expect(deadAir).toEqual({ result: 'fail', evidence: '{"window":{"fromS":4.0,"toS":24.0}}' });
    expect(await count(`SELECT count(*) AS n FROM autoqa_timelines WHERE call_no = ${callNo}`)).toBe(1);
  });
});
