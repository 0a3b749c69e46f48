import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../schemas/api.ts';
import {
  type OperatorAssessmentsResponse,
  type OperatorClaimsResponse,
  type OperatorOrdersResponse,
  type OperatorTrendResponse,
  type SummaryResponse,
  summaryQuery,
} from '../../schemas/dashboard.ts';
import { monthPeriod } from '../../schemas/period.ts';
import { periodsWithCalls } from '../../server/activity/activity.service.ts';
import { dashboardSummary } from '../../server/dashboard/dashboard.service.ts';
import { summaryBody } from '../../server/dashboard/summary-body.ts';
import { warmUp } from '../../server/dashboard/warm-up.ts';
import { monthToDate, monthToDateTrend, sameDaysBefore } from '../../server/periods/period.ts';
import { readSettings } from '../../server/settings/settings.repository.ts';
import { type As, as, client, json } from '../helpers/qa.ts';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { expectedScorecards, loadGolden } from '../scoring/golden.ts';

/**
 * The dashboard API on the golden case (tests/scoring/golden): every expected figure below is
 * worked out by hand from the golden scorecards of October 2026 and its input files.
 */
let env: TestEnv;
let head: As;
let ana: As;
let qa: As;

beforeAll(async () => {
  env = await testEnv();
  await loadGolden(env);
  head = await as(env, 'head', 'head');
  ana = await as(env, 'ana', 'operator', 'OP-A');
  qa = await as(env, 'qa', 'qa');
});
afterAll(() => env.dispose());

describe('GET /api/dashboard/summary', () => {
  it('rolls October up for the whole center', async () => {
    const { status, body } = await json<SummaryResponse>(head.get('/api/dashboard/summary?period=2026-10'));
    expect(status).toBe(200);
    expect(body.current).toEqual({
      label: '2026-10',
      from: '2026-10-01',
      to: '2026-11-01',
      month: '2026-10',
    });
    expect(body.previous.label).toBe('2026-09');
    const a = body.aggregate;
    expect(a).toMatchObject({
      operators: 4,
      activeOperators: 4,
      handledCalls: 8, // 4 + 2 + 1 + 1
      tasksCompleted: 7,
      tasksNorm: 16, // A 4, B 10 (team), D 2; C has none
      tasksCompletedWithNorm: 6, // 3 + 2 + 1
      tasksVsNorm: 0.375,
      // (78.75·4 + 87.87·2 + 20·1) / 7 evaluations
      qualityScore: 72.96,
      evaluations: 7,
      criticalFailures: 1,
      // T1: orders 8/10 = 0.8, revenue 1200/1000 → 1; T2: tasks 2/4 = 0.5
      targets: 3,
      targetsMet: 1,
      teamAchievement: 0.7667,
      internalClaims: 7,
      clientClaims: 4,
      ordersAccepted: 10,
      ordersWithErrors: 6,
      orderErrorRate: 0.6,
      negativeAssessments: 6,
      upsellRate: 0.75, // mean of A 0.5 and D 1
      aht: 112.5, // (105·4 + 200·2 + 50 + 30) / 8
      // seven inbound calls, all answered within 20 s, waits 5+10+20+20+5+5+5
      asa: 10,
      serviceLevel: 1,
      abandonmentRate: 0,
      variableBase: 4_500_050,
      payout: 2_077_626,
      adjustment: -2_422_424,
      coefficient: 0.5416, // (0.4063 + 0.51 + 0.75 + 0.5) / 4 = 0.541575
    });
    expect(a.deductions).toEqual({
      tasks: { amount: 660_012, operators: 3 }, // 150000 + 0.24·1500050 + 150000
      quality: { amount: 337_500, operators: 2 },
      targets: { amount: 425_003, operators: 4 }, // 100000 + 75002.5→75003 + (C: no base) + 250000
      internalClaims: { amount: 350_000, operators: 2 },
      clientClaims: { amount: 500_000, operators: 2 },
      orderErrors: { amount: 900_010, operators: 3 },
      negativeAssessments: { amount: 500_000, operators: 2 },
    });
    // The deductions explain the adjustment up to the floor: D's 1.75 is held at 0.5.
    expect(body.source).toBe('live');
    expect(body.departments).toEqual(['Sales', 'Service']);
  });

  it('compares with September and gives six periods of trend', async () => {
    const { body } = await json<SummaryResponse>(head.get('/api/dashboard/summary?period=2026-10'));
    // September: CA4 (OP-A, 23:30 local on the 30th) and K6 (OP-B, decided on the 30th).
    expect(body.previousAggregate).toMatchObject({ handledCalls: 1, activeOperators: 1, internalClaims: 1 });
    expect(body.trend.map((t) => t.period.label)).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(body.trend.map((t) => t.hasData)).toEqual([false, false, false, false, true, true]);
    expect(body.trend[5]?.aggregate).toEqual(body.aggregate);
  });

  it('gives teams, the quality distribution and the days', async () => {
    const { body } = await json<SummaryResponse>(head.get('/api/dashboard/summary?period=2026-10'));
    expect(body.teams.map((t) => [t.teamId, t.aggregate.operators, t.aggregate.qualityScore])).toEqual([
      ['T2', 2, 20], // Care
      ['T1', 2, 81.79], // Order desk: (315 + 175.74) / 6
    ]);
    expect(body.teams.find((t) => t.teamId === 'T1')?.targets.map((t) => [t.metric, t.achievement])).toEqual([
      ['order_revenue', 1],
      ['orders', 0.8],
    ]);
    // A 78.75 and B 87.87 in 70–80 and 80–90, D 20 in 20–30; C not evaluated
    expect(body.qualityBands.filter((b) => b.operators > 0)).toEqual([
      { from: 20, to: 30, operators: 1 },
      { from: 70, to: 80, operators: 1 },
      { from: 80, to: 90, operators: 1 },
    ]);
    expect(body.notEvaluated).toBe(1);
    const day = (date: string) => body.daily.find((d) => d.date === date);
    expect(day('2026-10-01')).toEqual({
      date: '2026-10-01',
      calls: 2, // CA1 and CA2, both after local midnight
      handled: 2,
      abandoned: 0,
      quality: 75, // E1 70, E2 80
      evaluations: 2,
    });
    expect(day('2026-10-11')).toMatchObject({ quality: 82.5, evaluations: 2 }); // revised 90, upheld 75
    expect(day('2026-10-08')).toMatchObject({ quality: 20, evaluations: 1 });
  });

  it('filters by team and by department', async () => {
    const team = await json<SummaryResponse>(head.get('/api/dashboard/summary?period=2026-10&team=T1'));
    expect(team.body.aggregate).toMatchObject({
      operators: 2,
      handledCalls: 6,
      tasksNorm: 14,
      tasksVsNorm: 0.3571, // 5 / 14
      qualityScore: 81.79,
      asa: 12, // CA1 5, CA2 10, CA5 20, CA6 20, CB2 5
      serviceLevel: null, // a queue figure: no team has it
      abandonmentRate: null,
    });
    const dept = await json<SummaryResponse>(
      head.get('/api/dashboard/summary?period=2026-10&department=Service'),
    );
    expect(dept.body.aggregate).toMatchObject({ operators: 2, handledCalls: 2, qualityScore: 20 });
    expect(dept.body.teams.map((t) => t.teamId)).toEqual(['T2']);
  });

  it('takes a custom range, compared with the range of the same length before it', async () => {
    const { status, body } = await json<SummaryResponse>(
      head.get('/api/dashboard/summary?from=2026-10-01&to=2026-10-11'),
    );
    expect(status).toBe(200);
    expect(body.current).toMatchObject({ label: '2026-10-01..2026-10-11', month: null });
    expect(body.previous).toMatchObject({ from: '2026-09-21', to: '2026-10-01' });
    expect(body.trend[0]?.period).toMatchObject({ from: '2026-08-12', to: '2026-08-22' });
    // CA1, CA2, CA5, CB1, CB2, CC1, CD1 before the 11th; no pay on a range that is not a month
    expect(body.aggregate).toMatchObject({ handledCalls: 7, variableBase: null, payout: null });
  });

  it('shows the running month to date, against the same days of the month before', async () => {
    const settings = await readSettings(env.rt.db);
    const summary = (at: string) =>
      dashboardSummary(
        env.rt,
        { period: monthPeriod('2026-10'), team: undefined, department: undefined },
        settings,
        {
          operatorIds: null,
        },
        new Date(at),
      );
    // 4 October in Chisinau: October is shown from the 1st to the 4th, beside 1–4 September.
    const running = await summary('2026-10-04T10:00:00Z');
    expect(running.monthToDate).toBe(true);
    expect(running.current).toMatchObject({ from: '2026-10-01', to: '2026-10-05', month: null });
    expect(running.previous).toMatchObject({ from: '2026-09-01', to: '2026-09-05', month: null });
    expect(running.trend.map((p) => p.period.from)).toEqual([
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
    ]);
    // Fewer calls than the whole month (later October calls are not counted), and no pay: the
    // month has not ended.
    const whole = await summary('2026-11-10T10:00:00Z');
    expect(whole.monthToDate).toBe(false);
    expect(whole.current.month).toBe('2026-10');
    expect(running.aggregate.handledCalls).toBeLessThan(whole.aggregate.handledCalls);
    expect(running.aggregate).toMatchObject({ variableBase: null, payout: null });
    // The API names the period it shows.
    const { body } = await json<SummaryResponse>(head.get('/api/dashboard/summary?period=2026-10'));
    expect(body.monthToDate).toBe(false);
  });

  it('cuts the same days of a shorter month at its end', () => {
    const march = monthToDate('2027-03-31');
    expect(march).toMatchObject({ from: '2027-03-01', to: '2027-04-01' });
    expect(sameDaysBefore(march)).toMatchObject({ from: '2027-02-01', to: '2027-03-01' });
    // Each month of the trend takes the days of the month shown, not of the one after it.
    expect(monthToDateTrend(march, 3).map((p) => [p.from, p.to])).toEqual([
      ['2027-01-01', '2027-02-01'],
      ['2027-02-01', '2027-03-01'],
      ['2027-03-01', '2027-04-01'],
    ]);
    expect(monthToDate('2026-12-01')).toMatchObject({ from: '2026-12-01', to: '2026-12-02' });
    expect(sameDaysBefore(monthToDate('2026-12-04'))).toMatchObject({ from: '2026-11-01', to: '2026-11-05' });
  });

  it('leaves an operator to his own page: the dashboard of many operators is refused', async () => {
    // An operator reads his figures on his own page (GET /api/operators/:id/...), not here.
    const { status, body } = await json<{ error: { code: string } }>(
      ana.get('/api/dashboard/summary?period=2026-10'),
    );
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
  });

  it('refuses other roles and bad queries with the JSON error shape', async () => {
    const forbidden = await json<ErrorBody>(qa.get('/api/dashboard/summary?period=2026-10'));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    const bad = await json<ErrorBody>(head.get('/api/dashboard/summary?period=2026-13'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/period/);
    const both = await json<ErrorBody>(head.get('/api/dashboard/summary?period=2026-10&from=2026-10-01'));
    expect(both.status).toBe(400);
    const none = await json<ErrorBody>(head.get('/api/dashboard/summary'));
    expect(none.body.error.message).toMatch(/give period/);
    const anon = await env.app.request('/api/dashboard/summary?period=2026-10');
    expect(anon.status).toBe(401);
  });
});

describe('the operator page endpoints', () => {
  it('gives six periods of one operator’s scorecards', async () => {
    const { status, body } = await json<OperatorTrendResponse>(
      head.get('/api/operators/OP-A/trend?period=2026-10'),
    );
    expect(status).toBe(200);
    expect(body.trend).toHaveLength(6);
    expect(body.trend[5]?.row?.scorecard).toEqual(expectedScorecards('2026-10')[0]);
    expect(body.trend[4]?.row?.scorecard).toMatchObject({ period: '2026-09', handledCalls: 1 });
  });

  it('lists the orders with the order rules they break', async () => {
    const { body } = await json<OperatorOrdersResponse>(
      head.get('/api/operators/OP-A/orders?period=2026-10'),
    );
    expect(body.total).toBe(5);
    // CL-DEBT: overdue from the 10th, over its limit from the 14th, cleared on the 20th
    expect(body.orders.map((o) => [o.orderId, o.breaksDebtRule, o.breaksRoutingRule, o.total])).toEqual([
      ['O4', false, false, 50_000],
      ['O5', true, false, 10_000],
      ['O3', true, false, 10_000],
      ['O2', false, false, 20_000],
      ['O1', false, false, 30_000],
    ]);
    const b = await json<OperatorOrdersResponse>(head.get('/api/operators/OP-B/orders?period=2026-10'));
    // O6 a key client, O7 a client without a manager, O8 an error code; O10 is November local
    expect(b.body.orders.map((o) => [o.orderId, o.breaksRoutingRule, o.errorCode])).toEqual([
      ['O9', false, null],
      ['O8', false, 'WRONG_PRICE'],
      ['O7', true, null],
      ['O6', true, null],
    ]);
  });

  it('lists claims received, decided or counted in the period, and assessments', async () => {
    const { body } = await json<OperatorClaimsResponse>(
      head.get('/api/operators/OP-A/claims?period=2026-10'),
    );
    expect(body.claims.map((c) => [c.claimId, c.status, c.countedIn])).toEqual([
      ['K5', 'open', null],
      ['K2', 'justified', '2026-11'], // decided 00:30 local on 1 November
      ['K1', 'justified', '2026-10'],
      ['K4', 'rejected', null],
      ['K3', 'justified', '2026-10'], // received in September, decided on 1 October
    ]);
    const a = await json<OperatorAssessmentsResponse>(
      head.get('/api/operators/OP-A/assessments?period=2026-10'),
    );
    expect(a.body.assessments.map((x) => [x.assessmentId, x.polarity])).toEqual([
      ['AS2', 'positive'],
      ['AS1', 'negative'],
    ]);
  });

  it('lets an operator read his own page and nobody else’s', async () => {
    for (const what of ['trend', 'orders', 'claims', 'assessments']) {
      expect((await ana.get(`/api/operators/OP-A/${what}?period=2026-10`)).status).toBe(200);
      const other = await json<ErrorBody>(ana.get(`/api/operators/OP-B/${what}?period=2026-10`));
      expect(other.status).toBe(403);
      expect(other.body.error.code).toBe('forbidden');
    }
  });

  it('answers 404 for an unknown operator and 400 for a bad period', async () => {
    const missing = await json<ErrorBody>(head.get('/api/operators/OP-X/orders?period=2026-10'));
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/OP-X/);
    expect((await head.get('/api/operators/OP-A/claims?period=26-10')).status).toBe(400);
    expect((await qa.get('/api/operators/OP-A/trend?period=2026-10')).status).toBe(403);
  });
});

describe('the summary kept ready', () => {
  it('is answered again without scoring while the data holds, and follows an audited change', async () => {
    const own = await testEnv();
    try {
      await loadGolden(own);
      const cookie = await signIn(own, 'boss', await addUser(own, 'boss', 'head'));
      const boss = client(own, cookie);
      const url = '/api/dashboard/summary?period=2026-10';
      const first = await boss.get(url);
      const etag = first.headers.get('etag');
      expect(etag).toBeTruthy();
      expect(((await first.json()) as SummaryResponse).aggregate.negativeAssessments).toBe(6);
      // The browser that holds it is told it has not changed.
      const again = await own.app.request(url, {
        headers: { cookie, 'if-none-match': etag as string },
      });
      expect(again.status).toBe(304);

      const added = await boss.post('/api/assessments', {
        operatorId: 'OP-A',
        polarity: 'negative',
        assessedAt: '2026-10-15T10:00:00Z',
        note: 'rude to a key client',
      });
      expect(added.status).toBe(201);
      const after = await json<SummaryResponse>(boss.get(url));
      expect(after.body.aggregate.negativeAssessments).toBe(7);
    } finally {
      await own.dispose();
    }
  });

  it('is computed when the server starts, so the first visitor does not wait for the scoring', async () => {
    const own = await testEnv();
    try {
      await loadGolden(own);
      // As a server opening the directory: the imports' data version has settled.
      await new Promise((resolve) => setTimeout(resolve, 150));
      const newest = (await warmUp(own.rt)).at(-1);
      const settings = await readSettings(own.rt.db);
      const [month] = await periodsWithCalls(own.rt.analytics, settings.timeZone);
      expect(newest && JSON.parse(Buffer.from(newest.raw).toString()).current.month).toBe(month);
      // The first request for the newest month is answered with what the warm-up computed.
      const q = summaryQuery.parse({ period: month });
      expect(await summaryBody(own.rt, q, settings, { operatorIds: null })).toBe(newest);
      const cookie = await signIn(own, 'boss', await addUser(own, 'boss', 'head'));
      const res = await client(own, cookie).get(`/api/dashboard/summary?period=${month}`);
      expect(res.headers.get('etag')).toBe(newest?.etag);
    } finally {
      await own.dispose();
    }
  });
});
