import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { DEFAULT_CHECK_KEYS } from '../../schemas/autoqa-rules.ts';
import { autoqaRows } from '../../server/autoqa/autoqa.service.ts';
import { runAutoqa } from '../../server/autoqa/run.ts';
import { AUTOQA_SAMPLE, loadAutoqaSample, nameTheCompany } from '../helpers/autoqa.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';
import { agreement, agreementTable, type Labels } from './agreement.ts';

/**
 * The measure of the checks: 36 calls in three languages, labelled by a careful human reading of
 * the definitions (tests/fixtures/autoqa/LABELS.md). Every check must agree with people on at
 * least 90% of the calls in each language.
 */
const MIN_AGREEMENT = 0.9;

let env: TestEnv;
let labels: Labels;

beforeAll(async () => {
  env = await testEnv();
  await loadAutoqaSample(env.rt);
  await nameTheCompany(env.rt);
  await runAutoqa(env.rt, '2026-10');
  labels = JSON.parse(readFileSync(path.join(AUTOQA_SAMPLE, 'expected.json'), 'utf8')) as Labels;
}, 120_000);

afterAll(async () => {
  await env?.dispose();
});

describe('the AutoQA checks against the hand-labelled calls', () => {
  test(`every check agrees with people on at least ${MIN_AGREEMENT * 100}% of the calls in each language`, async () => {
    const rows = await autoqaRows(env.rt, '2026-10');
    expect(rows.map((r) => r.callId).sort()).toEqual(Object.keys(labels).sort());
    const got: Labels = Object.fromEntries(rows.map((r) => [r.callId, r.checks]));
    const { table, disagreements } = agreement(got, labels);
    expect(table).toHaveLength(DEFAULT_CHECK_KEYS.length * 3);
    const below = table.filter((a) => a.agree / a.calls < MIN_AGREEMENT);
    expect(
      below,
      `agreement per check and language:\n${agreementTable(table)}\n\ndisagreements:\n${disagreements.join('\n')}`,
    ).toEqual([]);
    // Reported, not required: the sample is written so that all of them agree.
    if (disagreements.length) console.warn(`AutoQA disagrees with people on:\n${disagreements.join('\n')}`);
  });

  test('each output row has the spec keys, every check keyed, autoScore null without a form', async () => {
    const rows = await autoqaRows(env.rt, '2026-10');
    const row = rows.find((r) => r.callId === 'SH-RU-06');
    expect(row).toEqual({
      callId: 'SH-RU-06',
      operatorId: 'OP-RU2',
      language: 'ru',
      checks: labels['SH-RU-06'],
      autoScore: null,
    });
    for (const r of rows) expect(Object.keys(r.checks)).toEqual(DEFAULT_CHECK_KEYS);
  });

  test('a second run checks nothing again and changes no result', async () => {
    const before = await env.rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM autoqa_results');
    const run = await runAutoqa(env.rt, '2026-10');
    expect(run.checked).toBe(0);
    expect(await env.rt.analytics.rows('SELECT count(*)::INTEGER AS n FROM autoqa_results')).toEqual(before);
  });

  test('a newer transcript of a call drops its results, and the next run checks that call alone again', async () => {
    const line = readFileSync(path.join(AUTOQA_SAMPLE, 'transcripts.jsonl'), 'utf8')
      .split('\n')
      .find((l) => l.includes('"SH-EN-01"'));
    const transcript = JSON.parse(line ?? '{}') as { segments: { speaker: string; text: string }[] };
    expect(labels['SH-EN-01']?.greeting).toBe('pass');
    // The same call, the agent's words lost to noise: no greeting any more.
    for (const seg of transcript.segments) if (seg.speaker === 'agent') seg.text = 'mm';
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'callscore-autoqa-')), 'newer.jsonl');
    writeFileSync(file, `${JSON.stringify(transcript)}\n`);
    const report = await importFile(env.rt, {
      kind: 'transcripts',
      file,
      actor: 'test',
      timeZone: 'Europe/Chisinau',
    });
    expect(report.transcripts?.replaced).toBe(1);
    const left = await env.rt.analytics.rows(
      `SELECT count(*)::INTEGER AS n FROM autoqa_results WHERE call_id = 'SH-EN-01'`,
    );
    expect(left).toEqual([{ n: 0 }]);
    const run = await runAutoqa(env.rt, '2026-10');
    expect(run.checked).toBe(1);
    const row = (await autoqaRows(env.rt, '2026-10')).find((r) => r.callId === 'SH-EN-01');
    expect(row?.checks.greeting).toBe('fail');
  });
});
