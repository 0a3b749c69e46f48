import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAY_RULE } from '../../schemas/pay-rule.ts';
import { monthPeriod } from '../../schemas/period.ts';
import type { ScorecardRow, ScorecardsResponse } from '../../schemas/scorecard.ts';
import { ratio } from '../../server/scoring/exact.ts';
import { applyPayRule, type PaidCriteria } from '../../server/scoring/pay-rule-engine.ts';
import { scoreRange } from '../../server/scoring/score-range.ts';
import { readSettings } from '../../server/settings/settings.repository.ts';
import { parse } from '../helpers/csv.ts';
import { addUser, importCsv, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/*
 * A case worked out by hand where rounding a criterion before the pay rule moves the payout.
 * Default rule, every variable base 20000.00 MDL = 2,000,000 minor units, October 2026 (UTC).
 *
 * OP-Q, quality only. Three counted evaluations: 70, 70, 70.01.
 *   mean = 210.01 / 3 = 70.00333…                      (shown 70.00)
 *   exact:   d = 0.015 × (80 − 70.00333…) = 0.015 × 29.99 / 3 = 0.14995
 *            1 − 0.14995 = 0.85005 → half up → 0.8501; payout 2,000,000 × 0.8501 = 1,700,200
 *   rounded: d = 0.015 × (80 − 70.00) = 0.15 → 0.85;   payout 1,700,000 (200 less)
 *
 * OP-R, order errors only. 12 orders, one with an error code.
 *   rate = 1/12 = 0.083333…                            (shown 0.0833)
 *   exact:   d = 2 × (1/12 − 0.02) = 19/150 = 0.126666…
 *            1 − 19/150 = 131/150 = 0.873333… → 0.8733; payout 1,746,600
 *   rounded: d = 2 × (0.0833 − 0.02) = 0.1266 → 0.8734;  payout 1,746,800 (200 more)
 *
 * OP-T, team targets only. Team TT's target is 3 orders; OP-T, alone in it, took 2.
 *   achievement = 2/3 = 0.666666…                      (shown 0.6667)
 *   exact:   d = 0.5 × (1 − 2/3) = 1/6 = 0.166666…
 *            1 − 1/6 = 0.833333… → 0.8333;              payout 1,666,600
 *   rounded: d = 0.5 × (1 − 0.6667) = 0.16665 → 0.83335 → 0.8334; payout 1,666,800 (200 more)
 */

let env: TestEnv;
let payroll: string;

const ORDER_HEAD =
  'order_id,call_id,operator_id,client_id,created_at,status,total,currency,lines,price_column,offered_items,error_code\n';
const order = (id: string, op: string, error = '') =>
  `${id},,${op},CL1,2026-10-05T10:00:00Z,accepted,100.00,MDL,1,retail,1,${error}\n`;

beforeAll(async () => {
  env = await testEnv();
  await importCsv(env, 'teams', 'teams.csv', 'team_id,name,department\nTQ,Q,Sales\nTR,R,Sales\nTT,T,Sales\n');
  await importCsv(
    env,
    'operators',
    'operators.csv',
    'operator_id,name,team_id\nOP-Q,Quinn,TQ\nOP-R,Rhea,TR\nOP-T,Toma,TT\n',
  );
  await importCsv(
    env,
    'clients',
    'clients.csv',
    'client_id,name,type,manager_id,region\nCL1,Shop,retail,M1,X\n',
  );
  await importCsv(
    env,
    'calls',
    'calls.csv',
    'call_id,started_at,answered_at,direction,operator_id,disposition,talk_s\n' +
      'CQ1,2026-10-05T09:00:00Z,2026-10-05T09:00:05Z,inbound,OP-Q,answered,60\n',
  );
  await importCsv(
    env,
    'evaluations',
    'evaluations.csv',
    'evaluation_id,call_id,evaluator,score,critical_failed,status,submitted_at,calibration\n' +
      'EQ1,CQ1,qa,70,0,submitted,2026-10-06T10:00:00Z,false\n' +
      'EQ2,CQ1,qa2,70,0,submitted,2026-10-06T11:00:00Z,false\n' +
      'EQ3,CQ1,qa3,70.01,0,submitted,2026-10-06T12:00:00Z,false\n',
  );
  let orders = ORDER_HEAD + order('OR-1', 'OP-R', 'WRONG_PRICE');
  for (let i = 2; i <= 12; i++) orders += order(`OR-${i}`, 'OP-R');
  orders += order('OT-1', 'OP-T') + order('OT-2', 'OP-T');
  await importCsv(env, 'orders', 'orders.csv', orders);
  await importCsv(env, 'targets', 'targets.csv', 'team_id,period,metric,target\nTT,2026-10,orders,3\n');
  await importCsv(
    env,
    'variable-pay',
    'variable-pay.csv',
    'operator_id,period,variable_base,currency\n' +
      'OP-Q,2026-10,20000.00,MDL\nOP-R,2026-10,20000.00,MDL\nOP-T,2026-10,20000.00,MDL\n',
  );
  payroll = await signIn(env, 'payroll', await addUser(env, 'payroll', 'payroll'));
});
afterAll(() => env.dispose());

const byId = (rows: ScorecardRow[], id: string) => {
  const row = rows.find((r) => r.scorecard.operatorId === id);
  if (!row) throw new Error(`no ${id}`);
  return row;
};

describe('pay from exact criteria', () => {
  it('gives the hand-checked coefficients and payouts, the criteria shown rounded', async () => {
    const rows = await scoreRange(env.rt, monthPeriod('2026-10'), await readSettings(env.rt.db));
    const q = byId(rows, 'OP-Q');
    expect(q.scorecard).toMatchObject({ qualityScore: 70, coefficient: 0.8501, payout: 1_700_200 });
    expect(q.scorecard.adjustment).toBe(-299_800);
    expect(q.scorecard.deductions.quality).toBe(0.14995);
    const r = byId(rows, 'OP-R');
    expect(r.scorecard).toMatchObject({ orderErrorRate: 0.0833, coefficient: 0.8733, payout: 1_746_600 });
    expect(r.scorecard.deductions.orderErrors).toBe(19 / 150);
    const t = byId(rows, 'OP-T');
    expect(t.scorecard).toMatchObject({ teamAchievement: 0.6667, coefficient: 0.8333, payout: 1_666_600 });
    expect(t.scorecard.deductions.targets).toBe(1 / 6);
  });

  it('explains with enough decimals to add up, marking the cut ones', async () => {
    const rows = await scoreRange(env.rt, monthPeriod('2026-10'), await readSettings(env.rt.db));
    const q = byId(rows, 'OP-Q');
    expect(q.explanation.find((l) => l.key === 'quality')).toMatchObject({
      formula: 'min(0.3, 0.015 × max(0, 80 − 70.00333333…)) = 0.14995',
      amount: 299_900,
    });
    expect(q.coefficientFormula).toBe('1 − 0.14995 = 0.85005 → 0.8501');
    const r = byId(rows, 'OP-R');
    expect(r.explanation.find((l) => l.key === 'orderErrors')?.formula).toBe(
      'min(0.2, 2 × max(0, 0.08333333… − 0.02)) = 0.12666667…',
    );
    expect(r.coefficientFormula).toBe('1 − 0.12666667… = 0.87333333… → 0.8733');
    expect(byId(rows, 'OP-T').coefficientFormula).toBe('1 − 0.16666667… = 0.83333333… → 0.8333');
  });

  it('exports the exact payouts', async () => {
    const res = await env.app.request('/api/pay-periods/2026-10/export', { headers: { cookie: payroll } });
    const lines = parse((await res.text()).replace(/^\uFEFF/, '').replaceAll('\r\n', '\n'));
    expect(lines.map((l) => [l.employee_id, l.coefficient, l.payout])).toEqual([
      ['OP-Q', '0.8501', '17002.00'],
      ['OP-R', '0.8733', '17466.00'],
      ['OP-T', '0.8333', '16666.00'],
    ]);
    const cards = (await (
      await env.app.request('/api/scorecards?period=2026-10', { headers: { cookie: payroll } })
    ).json()) as ScorecardsResponse;
    expect(cards.operators.map((o) => o.scorecard.payout)).toEqual([1_700_200, 1_746_600, 1_666_600]);
  });
});

describe('the pay rule on exact and on rounded criteria', () => {
  const none: PaidCriteria = {
    tasksCompleted: 0,
    tasksNorm: null,
    qualityScore: null,
    teamAchievement: null,
    internalClaims: 0,
    clientClaims: 0,
    orderErrorRate: null,
    negativeAssessments: 0,
  };
  const pay = (c: Partial<PaidCriteria>) => applyPayRule({ ...none, ...c }, DEFAULT_PAY_RULE, 2_000_000);

  it('differs by a basis point, 200 minor units on 2,000,000, and the exact one is docs/scoring.md’s', () => {
    expect(pay({ qualityScore: ratio(21_001, 300) }).payout).toBe(1_700_200);
    expect(pay({ qualityScore: 70 }).payout).toBe(1_700_000);
    expect(pay({ orderErrorRate: ratio(1, 12) }).payout).toBe(1_746_600);
    expect(pay({ orderErrorRate: 0.0833 }).payout).toBe(1_746_800);
    expect(pay({ teamAchievement: ratio(2, 3) }).payout).toBe(1_666_600);
    expect(pay({ teamAchievement: 0.6667 }).payout).toBe(1_666_800);
  });

  it('rounds half up on the exact value, not on a binary neighbour of it', () => {
    // 1 − 0.015 × (80 − 78.75) … − 0.575 of other deductions: the golden OP-A, 0.40625 → 0.4063
    const r = pay({
      tasksCompleted: 3,
      tasksNorm: 4,
      qualityScore: 78.75,
      teamAchievement: 0.9,
      internalClaims: 1,
      clientClaims: 1,
      orderErrorRate: ratio(2, 5),
      negativeAssessments: 1,
    });
    expect(r.coefficientFormula).toBe('1 − 0.59375 = 0.40625 → 0.4063');
    expect(r.coefficient).toBe(0.4063);
    // A floor: the clamp is shown before the rounding.
    const floored = applyPayRule(
      { ...none, internalClaims: 10, clientClaims: 10 },
      { ...DEFAULT_PAY_RULE, floor: 0.5 },
      null,
    );
    expect(floored.coefficientFormula).toBe('clamp(1 − 0.55, 0.5, 1) = 0.5 → 0.5000');
  });
});
