import { LIST, VARCHAR } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorTrendResponse, SummaryResponse } from '../../schemas/dashboard.ts';
import type { PayPeriodsResponse } from '../../schemas/scorecard.ts';
import { type DemoResult, loadDemo } from '../../server/demo/load-demo.ts';
import { textList } from '../../stores/duckdb.ts';
import { type As, as, json } from '../helpers/qa.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/** A demo of three months loaded into a real data directory, read through the real app. */
let env: TestEnv;
let result: DemoResult;
let head: As;
const MONTHS = ['2026-08', '2026-09', '2026-10'];
const TZ = 'Europe/Chisinau';

beforeAll(async () => {
  env = await testEnv();
  result = await loadDemo(env.rt, { operators: 8, month: '2026-10', months: 3, seed: 3 });
  head = await as(env, 'boss', 'head');
}, 180_000);
afterAll(() => env?.dispose());

describe('a demo of several months', () => {
  it('loads calls of every month, from one roster, with no call id twice', async () => {
    expect(result.reports.every((r) => r.quarantined === 0)).toBe(true);
    const months = await env.rt.analytics.rows(
      `SELECT strftime(started_at AT TIME ZONE $tz, '%Y-%m') AS month, count(*) AS calls,
              count(DISTINCT operator_id) AS operators
         FROM calls GROUP BY 1 ORDER BY 1`,
      { tz: TZ },
    );
    expect(months.map((m) => m.month)).toEqual(MONTHS);
    for (const m of months) {
      expect(Number(m.calls), String(m.month)).toBeGreaterThan(1000);
      expect(Number(m.operators), String(m.month)).toBeGreaterThanOrEqual(6);
    }
    const [ids] = await env.rt.analytics.rows(
      'SELECT count(*) AS calls, count(DISTINCT call_id) AS ids FROM calls',
    );
    expect(Number(ids?.ids)).toBe(Number(ids?.calls));
    const roster = await env.rt.db.selectFrom('operators').select('operator_id').execute();
    expect(roster).toHaveLength(8);
    const [outside] = await env.rt.analytics.rows(
      'SELECT count(DISTINCT operator_id) AS n FROM calls WHERE NOT list_contains($ids, operator_id)',
      { ids: textList(roster.map((r) => r.operator_id)) },
      { ids: LIST(VARCHAR) },
    );
    expect(Number(outside?.n)).toBe(0);
    const plans = await env.rt.db.selectFrom('variable_pay').select('period').distinct().execute();
    expect(plans.map((p) => p.period).sort()).toEqual(MONTHS);
  });

  it('compares the latest month on the dashboard with the one before, and trends over three', async () => {
    const { status, body } = await json<SummaryResponse>(head.get('/api/dashboard/summary?period=2026-10'));
    expect(status).toBe(200);
    expect(body.previous.label).toBe('2026-09');
    expect(body.trend.map((t) => [t.period.label, t.hasData])).toEqual([
      ['2026-05', false],
      ['2026-06', false],
      ['2026-07', false],
      ['2026-08', true],
      ['2026-09', true],
      ['2026-10', true],
    ]);
    expect(body.previousAggregate.handledCalls).toBeGreaterThan(1000);
    expect(body.previousAggregate.qualityScore).not.toBeNull();
    expect(body.previousAggregate.handledCalls).not.toBe(body.aggregate.handledCalls);
    expect(body.trend[4]?.aggregate).toEqual(body.previousAggregate);

    const operator = await env.rt.db
      .selectFrom('operators')
      .select('operator_id')
      .where('active', '=', 1)
      .orderBy('operator_id')
      .executeTakeFirstOrThrow();
    const trend = await json<OperatorTrendResponse>(
      head.get(`/api/operators/${operator.operator_id}/trend?period=2026-10`),
    );
    expect(trend.status).toBe(200);
    const active = trend.body.trend.filter((p) => (p.row?.scorecard.handledCalls ?? 0) > 0);
    expect(active.map((p) => p.period.label)).toEqual(MONTHS);
  });

  it('approves the months before the latest through the payroll service, leaves the latest open', async () => {
    expect(result.approved).toEqual(['2026-08', '2026-09']);
    const { status, body } = await json<PayPeriodsResponse>(head.get('/api/pay-periods'));
    expect(status).toBe(200);
    const byPeriod = new Map(body.periods.map((p) => [p.period, p]));
    for (const m of ['2026-08', '2026-09']) {
      expect(byPeriod.get(m)).toMatchObject({ status: 'approved', approvedBy: 'payroll' });
      expect(byPeriod.get(m)?.totals?.operators, m).toBeGreaterThanOrEqual(6);
    }
    expect(byPeriod.get('2026-10')).toMatchObject({ status: 'open', totals: null });
    const summary = await json<SummaryResponse>(head.get('/api/dashboard/summary?period=2026-09'));
    expect(summary.body.source).toBe('snapshot');
  });

  it('keeps the QA work in progress in the latest month', async () => {
    const db = env.rt.db;
    const open = await db
      .selectFrom('evaluation_disputes')
      .innerJoin('evaluations', 'evaluations.evaluation_id', 'evaluation_disputes.evaluation_id')
      .select('evaluations.call_started_at')
      .where('evaluation_disputes.status', '=', 'open')
      .execute();
    const drafts = await db
      .selectFrom('evaluations')
      .select('call_started_at')
      .where('status', '=', 'draft')
      .execute();
    const worklist = await db
      .selectFrom('evaluation_assignments')
      .select('call_started_at')
      .where('monitor', '=', 'qa')
      .execute();
    const calibration = await db
      .selectFrom('calibration_sessions')
      .select(['status', 'call_started_at'])
      .orderBy('id')
      .execute();
    // Two closed calibrations a month, then the open one.
    expect(calibration.map((c) => c.status)).toEqual([...Array(6).fill('closed'), 'open']);
    const pending = [...open, ...drafts, ...worklist, ...calibration.filter((c) => c.status === 'open')].map(
      (r) => r.call_started_at as string,
    );
    expect(worklist.length).toBeGreaterThan(3);
    // October in Chisinau: from 21:00Z on 30 September (+03:00) to 22:00Z on 31 October (+02:00).
    expect(pending.filter((at) => at < '2026-09-30T21:00:00Z' || at >= '2026-10-31T22:00:00Z')).toEqual([]);
  });
});
