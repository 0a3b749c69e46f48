import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOUND_FORM, OUTBOUND_FORM } from '../../fixtures/demo/forms.ts';
import { DEFAULT_PAY_RULE, type PayRule, payRule } from '../../schemas/pay-rule.ts';
import { monthPeriod } from '../../schemas/period.ts';
import type { ScorecardRow } from '../../schemas/scorecard.ts';
import { autoqaRows } from '../../server/autoqa/autoqa.service.ts';
import { runAutoqa } from '../../server/autoqa/run.ts';
import { scoreTable } from '../../server/cli/commands/score.ts';
import { aggregate, NO_QUEUE_KPIS } from '../../server/dashboard/aggregate.ts';
import { createForm } from '../../server/forms/forms.service.ts';
import { rankingNumberColumns, rankingRows } from '../../server/scorecards/ranking.ts';
import { add, div, type Ratio, ratio, roundRatio, ZERO } from '../../server/scoring/exact.ts';
import { scoreRange } from '../../server/scoring/score-range.ts';
import { readSettings } from '../../server/settings/settings.repository.ts';
import type { Translate } from '../../web/src/i18n/index.ts';
import { rankingCsv } from '../../web/src/pages/dashboard/ranking.ts';
import { loadAutoqaSample } from '../helpers/autoqa.ts';
import { addUser, importCsv, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * The AutoQA criteria (autoQualityScore, autoCoverage) and the pay rule's quality source over
 * the labelled AutoQA sample: 36 transcribed calls of 6 operators, auto-scored on the demo's two
 * forms, plus one handled call without a transcript.
 */

let env: TestEnv;
let head: string;
/** Per call of the month: its operator and auto score. */
let calls: { callId: string; operatorId: string; autoScore: number | null }[];
const micros = (x: number) => ratio(Math.round(x * 1_000_000), 1_000_000);
const meanOf = (xs: readonly Ratio[]) => div(xs.reduce(add, ZERO), ratio(xs.length));
const rule = (quality: Partial<PayRule['quality']>): PayRule =>
  payRule.parse({ ...DEFAULT_PAY_RULE, quality: { ...DEFAULT_PAY_RULE.quality, ...quality } });
const score = async (r?: PayRule) =>
  scoreRange(
    env.rt,
    monthPeriod('2026-10'),
    await readSettings(env.rt.db),
    r ? { ruleOverride: { department: null, rule: r } } : {},
  );
const byId = (rows: ScorecardRow[], id: string) =>
  rows.find((r) => r.scorecard.operatorId === id) as ScorecardRow;

beforeAll(async () => {
  env = await testEnv();
  await loadAutoqaSample(env.rt);
  // One more handled call of OP-EN1, without a transcript: AutoQA does not hear it.
  const report = await importCsv(
    env,
    'calls',
    'untranscribed.csv',
    'call_id,started_at,queued_at,answered_at,ended_at,direction,operator_id,client_id,phone,queue,disposition,task_type,outcome,talk_s,hold_s,wrap_s,transferred_to,recording\n' +
      'SH-EN-99,2026-10-20T10:00:00+03:00,2026-10-20T10:00:00+03:00,2026-10-20T10:00:05+03:00,2026-10-20T10:02:00+03:00,inbound,OP-EN1,C-002,+37322000000,sales-en,answered,order,completed,100,0,10,,\n',
    'Europe/Chisinau',
  );
  expect(report.quarantined).toBe(0);
  await createForm(env.rt.db, INBOUND_FORM, 'test');
  await createForm(env.rt.db, OUTBOUND_FORM, 'test');
  await runAutoqa(env.rt, '2026-10');
  calls = (await autoqaRows(env.rt, '2026-10')).map((r) => ({
    callId: r.callId,
    operatorId: r.operatorId as string,
    autoScore: r.autoScore,
  }));
  head = await signIn(env, 'head', await addUser(env, 'head', 'head'));
}, 120_000);

afterAll(async () => {
  await env?.dispose();
});

describe('autoQualityScore and autoCoverage', () => {
  it('are each operator’s mean auto score and share of handled calls transcribed', async () => {
    const rows = await score();
    const operators = [...new Set(calls.map((c) => c.operatorId))];
    expect(operators.length).toBeGreaterThan(3);
    for (const id of operators) {
      const mine = calls.filter((c) => c.operatorId === id && c.autoScore !== null);
      const r = byId(rows, id);
      expect(r.scorecard.autoQualityScore, id).toBe(
        roundRatio(meanOf(mine.map((c) => micros(c.autoScore ?? 0))), 2),
      );
      expect(r.autoEvaluations, id).toBe(mine.length);
      const handled = calls.filter((c) => c.operatorId === id).length + (id === 'OP-EN1' ? 1 : 0);
      expect(r.scorecard.handledCalls, id).toBe(handled);
      expect(r.scorecard.autoCoverage, id).toBe(
        id === 'OP-EN1' ? Math.round(((handled - 1) / handled) * 1e4) / 1e4 : 1,
      );
    }
    // An operator of the roster without calls: nothing to score, nothing to cover.
    const idle = rows.filter((r) => r.scorecard.handledCalls === 0);
    for (const r of idle)
      expect([r.scorecard.autoQualityScore, r.scorecard.autoCoverage]).toEqual([null, null]);
  });

  it('roll up over the calls, not the operators', async () => {
    const rows = await score();
    const a = aggregate(rows, NO_QUEUE_KPIS);
    const scored = calls.filter((c) => c.autoScore !== null);
    // The operators' rounded means weighted by their auto evaluations: within a rounding of the calls' mean.
    const callsMean = roundRatio(meanOf(scored.map((c) => micros(c.autoScore ?? 0))), 2);
    expect(Math.abs((a.autoQualityScore ?? 0) - callsMean)).toBeLessThanOrEqual(0.01);
    expect(a.autoCoverage).toBe(Math.round((calls.length / (calls.length + 1)) * 1e4) / 1e4);
  });

  it('are columns of the ranking (JSON, Arrow, CSV) and of the CLI table', async () => {
    const rows = await score();
    expect(rankingNumberColumns()).toEqual(expect.arrayContaining(['autoQualityScore', 'autoCoverage']));
    const ranked = rankingRows(rows);
    expect(ranked.map((r) => r.autoQualityScore)).toEqual(rows.map((r) => r.scorecard.autoQualityScore));
    const res = await env.app.request('/api/ranking?period=2026-10', { headers: { cookie: head } });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { operators: Record<string, unknown>[] };
    const en1 = json.operators.find((o) => o.operatorId === 'OP-EN1');
    expect(en1?.autoCoverage).toBe(byId(rows, 'OP-EN1').scorecard.autoCoverage);
    expect(en1?.autoQualityScore).toBe(byId(rows, 'OP-EN1').scorecard.autoQualityScore);
    const arrow = await env.app.request('/api/ranking?period=2026-10', {
      headers: { cookie: head, accept: 'application/vnd.apache.arrow.stream' },
    });
    expect(arrow.status).toBe(200);

    const identity = ((k: string) => k) as Translate;
    const csv = rankingCsv(rows, identity, 'EUR')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const header = (csv[0] ?? '').split(',');
    expect(header).toEqual(expect.arrayContaining(['ranking.col.autoQuality', 'ranking.col.autoCoverage']));

    const [top, ...lines] = scoreTable(rows).split('\n');
    const cells = (top ?? '').trim().split(/\s+/);
    expect(cells.indexOf('auto')).toBe(cells.indexOf('quality') + 1);
    expect(cells.indexOf('heard')).toBe(cells.indexOf('auto') + 1);
    const en1Line = lines.find((l) => l.startsWith('OP-EN1')) ?? '';
    expect(en1Line).toContain(String(byId(rows, 'OP-EN1').scorecard.autoQualityScore?.toFixed(2)));
  });
});

describe('the pay rule’s quality source', () => {
  it('human (the default) reads the monitors’ score: no evaluations, not applied', async () => {
    const r = byId(await score(), 'OP-EN1');
    const line = r.explanation.find((l) => l.key === 'quality');
    expect(line).toMatchObject({ applied: false, source: 'human', inputs: { qualityScore: null } });
    expect(r.scorecard.flags).toContain('not-evaluated');
  });

  it('auto reads autoQualityScore, exactly, and says so', async () => {
    const rows = await score(rule({ source: 'auto', threshold: 100 }));
    for (const id of ['OP-EN1', 'OP-RU1']) {
      const r = byId(rows, id);
      const mine = calls.filter((c) => c.operatorId === id && c.autoScore !== null);
      const mean = meanOf(mine.map((c) => micros(c.autoScore ?? 0)));
      const line = r.explanation.find((l) => l.key === 'quality');
      expect(line?.source).toBe('auto');
      expect(line?.inputs.autoQualityScore).toBeCloseTo(roundRatio(mean, 8), 8);
      expect(line?.formula).toContain('(auto)');
      // 0.015 per point under 100, capped at 0.3.
      const expected = Math.min(0.3, 0.015 * (100 - Number(mean.n) / Number(mean.d)));
      expect(r.scorecard.deductions.quality).toBeCloseTo(expected, 10);
      expect(r.scorecard.flags).not.toContain('not-evaluated');
    }
  });

  it('blend takes the monitors’ mean on the calls they evaluated, else the auto score', async () => {
    const mine = calls.filter((c) => c.operatorId === 'OP-EN1' && c.autoScore !== null);
    const [first, second] = mine as [(typeof mine)[0], (typeof mine)[0]];
    const started = await env.rt.analytics.rows(
      `SELECT call_id, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.000Z') AS at FROM calls WHERE call_id IN ($a, $b)`,
      { a: first.callId, b: second.callId },
    );
    const at = new Map(started.map((r) => [String(r.call_id), String(r.at)]));
    // Two monitors on the first call (their mean, 95), one on the second (60.5).
    const evaluation = (id: string, callId: string, s: number) => ({
      evaluation_id: id,
      call_id: callId,
      operator_id: 'OP-EN1',
      call_started_at: at.get(callId) ?? null,
      form_id: null,
      evaluator: 'qa',
      score: s,
      critical_failed: 0,
      status: 'submitted',
      answers: null,
      submitted_at: '2026-10-25T10:00:00.000Z',
      calibration: 0,
      import_id: null,
      acknowledged_at: null,
      acknowledged_by: null,
      calibration_session_id: null,
    });
    await env.rt.db
      .insertInto('evaluations')
      .values([
        evaluation('E-1', first.callId, 100),
        evaluation('E-2', first.callId, 90),
        evaluation('E-3', second.callId, 60.5),
      ])
      .execute();

    const rows = await score(rule({ source: 'blend', threshold: 100 }));
    const r = byId(rows, 'OP-EN1');
    const perCall = mine.map((c) =>
      c.callId === first.callId
        ? ratio(95)
        : c.callId === second.callId
          ? ratio(121, 2)
          : micros(c.autoScore ?? 0),
    );
    const blend = meanOf(perCall);
    const line = r.explanation.find((l) => l.key === 'quality');
    expect(line?.source).toBe('blend');
    expect(line?.formula).toContain('(blend)');
    expect(line?.inputs.blendedQualityScore).toBeCloseTo(Number(blend.n) / Number(blend.d), 10);
    expect(r.scorecard.deductions.quality).toBeCloseTo(
      Math.min(0.3, 0.015 * (100 - Number(blend.n) / Number(blend.d))),
      10,
    );
    // The human score is what the scorecard's qualityScore shows, whatever the source.
    expect(r.scorecard.qualityScore).toBe(roundRatio(meanOf([ratio(100), ratio(90), ratio(121, 2)]), 2));
    // Another operator without evaluations: the blend is his auto score.
    const ru = byId(rows, 'OP-RU1');
    const auto = byId(rows, 'OP-RU1').explanation.find((l) => l.key === 'quality')?.inputs
      .blendedQualityScore;
    expect(auto).toBeCloseTo(
      byId(await score(rule({ source: 'auto', threshold: 100 })), 'OP-RU1').explanation.find(
        (l) => l.key === 'quality',
      )?.inputs.autoQualityScore ?? -1,
      10,
    );
    expect(ru.scorecard.flags).not.toContain('not-evaluated');
  });

  it('a stored rule without a source reads as human; the preview scores a proposed source', async () => {
    const { quality, ...rest } = DEFAULT_PAY_RULE;
    const old = payRule.parse({ ...rest, quality: { threshold: 80, perPoint: 0.015, cap: 0.3 } });
    expect(old.quality.source).toBe('human');
    expect(payRule.safeParse({ ...rest, quality: { ...quality, source: 'robot' } }).success).toBe(false);

    const admin = await signIn(env, 'admin', await addUser(env, 'admin', 'admin'));
    const res = await env.app.request('/api/pay-rules/preview', {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        department: null,
        period: '2026-10',
        rule: rule({ source: 'auto', threshold: 100 }),
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      changes: { operatorId: string; coefficient: { current: number; proposed: number } }[];
    };
    const ru = body.changes.find((c) => c.operatorId === 'OP-RU1');
    const expected = byId(await score(rule({ source: 'auto', threshold: 100 })), 'OP-RU1').scorecard
      .coefficient;
    expect(ru?.coefficient.proposed).toBe(expected);
    expect(ru?.coefficient.proposed).toBeLessThan(ru?.coefficient.current ?? 0);
  });
});
