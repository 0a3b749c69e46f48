import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentView, ClaimView } from '../../schemas/claims.ts';
import type { PlansResponse } from '../../schemas/plans.ts';
import type { ScorecardResponse, ScorecardsResponse } from '../../schemas/scorecard.ts';
import { createUser } from '../../server/users/users.service.ts';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { loadGolden } from '../scoring/golden.ts';

let env: TestEnv;
const as: Record<string, string> = {};

beforeAll(async () => {
  env = await testEnv();
  await loadGolden(env);
  for (const role of ['admin', 'head', 'payroll'] as const)
    as[role] = await signIn(env, role, await addUser(env, role, role));
  as.operator = await signIn(env, 'ana', await addUser(env, 'ana', 'operator', 'OP-A'));
  await createUser(
    env.rt.db,
    { username: 'salesHead', role: 'head', department: 'Sales', password: 'pw-sales-head' },
    'test',
  );
  as.salesHead = await signIn(env, 'salesHead', 'pw-sales-head');
});
afterAll(() => env.dispose());

const call = (method: string, url: string, who: string, body?: unknown) =>
  env.app.request(url, {
    method,
    headers: { cookie: as[who] as string, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const scorecard = async (id: string) =>
  (await json<ScorecardResponse>(call('GET', `/api/scorecards/${id}?period=2026-10`, 'head'))).operator
    .scorecard;

describe('claims', () => {
  it('lists imported claims, open ones first with their age', async () => {
    const { claims } = await json<{ claims: ClaimView[] }>(call('GET', '/api/claims?operator=OP-A', 'head'));
    expect(claims[0]).toMatchObject({ claimId: 'K5', status: 'open', origin: 'import' });
    expect(claims[0]?.ageDays).toBeGreaterThan(0);
    expect(claims.map((c) => c.claimId).sort()).toEqual(['K1', 'K2', 'K3', 'K4', 'K5']);
  });

  it('registered and judged justified, a claim lowers the operator’s coefficient', async () => {
    const before = await scorecard('OP-B');
    const res = await call('POST', '/api/claims', 'head', {
      operatorId: 'OP-B',
      source: 'client',
      callId: 'CB1',
      receivedAt: '2026-10-20T10:00:00+03:00',
      description: 'Promised a delivery date that does not exist',
    });
    expect(res.status).toBe(201);
    const { claim } = (await res.json()) as { claim: ClaimView };
    expect(claim).toMatchObject({ status: 'open', origin: 'manual', operatorId: 'OP-B', callId: 'CB1' });

    // October is scored with the claim once it is justified in October: decide it as of now,
    // which is the open month it lands in.
    const decided = await call('POST', `/api/claims/${claim.claimId}/decision`, 'head', {
      status: 'justified',
      note: 'The recording confirms it',
    });
    expect(decided.status).toBe(200);
    const now = new Date().toISOString().slice(0, 7);
    const card = (await json<ScorecardResponse>(call('GET', `/api/scorecards/OP-B?period=${now}`, 'head')))
      .operator.scorecard;
    expect(card.clientClaims).toBe(1);
    expect(card.deductions.clientClaims).toBe(0.1);
    expect((await scorecard('OP-B')).coefficient).toBe(before.coefficient);

    const again = await call('POST', `/api/claims/${claim.claimId}/decision`, 'head', {
      status: 'rejected',
      note: 'changed my mind',
    });
    expect(again.status).toBe(409);
    const audit = await json<{ entries: { action: string; entityId: string }[] }>(
      call('GET', '/api/admin/audit?entity=claim', 'admin'),
    );
    expect(audit.entries.map((e) => e.action)).toEqual(['justify', 'create']);
  });

  it('judging an imported open claim justified counts it', async () => {
    const res = await call('POST', '/api/claims/K5/decision', 'admin', {
      status: 'justified',
      note: 'Heard the call',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { claim: ClaimView }).claim).toMatchObject({
      status: 'justified',
      decisionNote: 'Heard the call',
    });
  });

  it('refuses bad input with a 400 and other roles with a 403', async () => {
    expect(
      (await call('POST', '/api/claims', 'head', { operatorId: 'OP-A', source: 'moon', description: 'x' }))
        .status,
    ).toBe(400);
    expect(
      (
        await call('POST', '/api/claims', 'head', {
          operatorId: 'NOPE',
          source: 'client',
          description: 'A claim',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('POST', '/api/claims', 'payroll', {
          operatorId: 'OP-A',
          source: 'client',
          description: 'A claim',
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('POST', '/api/claims/K4/decision', 'operator', { status: 'rejected', note: 'mine' }))
        .status,
    ).toBe(403);
    expect((await call('GET', '/api/claims/NOPE', 'head')).status).toBe(404);
  });

  it('an operator reads only his own claims', async () => {
    const { claims } = await json<{ claims: ClaimView[] }>(call('GET', '/api/claims', 'operator'));
    expect(new Set(claims.map((c) => c.operatorId))).toEqual(new Set(['OP-A']));
    expect((await call('GET', '/api/claims/K6', 'operator')).status).toBe(404);
  });
});

describe('assessments', () => {
  it('recorded by a head count as negative assessments in their period', async () => {
    const before = await scorecard('OP-B');
    const res = await call('POST', '/api/assessments', 'head', {
      operatorId: 'OP-B',
      polarity: 'negative',
      assessedAt: '2026-10-30T12:00:00+02:00',
      note: 'Left the line open during a break',
    });
    expect(res.status).toBe(201);
    const { assessment } = (await res.json()) as { assessment: AssessmentView };
    expect(assessment).toMatchObject({ origin: 'manual', author: 'head', polarity: 'negative' });
    const after = await scorecard('OP-B');
    expect(after.negativeAssessments).toBe(before.negativeAssessments + 1);
    expect(after.coefficient).toBeCloseTo(before.coefficient - 0.1, 4);
    const { assessments } = await json<{ assessments: AssessmentView[] }>(
      call('GET', '/api/assessments?operator=OP-B&period=2026-10', 'head'),
    );
    expect(assessments.map((a) => a.origin)).toEqual(['manual']);
  });
});

describe('targets, norms and bases', () => {
  it('show the current achievement beside each target', async () => {
    const plans = await json<PlansResponse>(call('GET', '/api/plans?period=2026-10', 'head'));
    expect(plans.targets.find((t) => t.teamId === 'T1' && t.metric === 'orders')).toMatchObject({
      target: 10,
      actual: 8,
      achievement: 0.8,
    });
    expect(plans.teamNorms.find((n) => n.teamId === 'T1')?.tasksNorm).toBe(10);
    expect(plans.operators.find((o) => o.operatorId === 'OP-A')).toMatchObject({
      tasksNorm: 4,
      tasksCompleted: 3,
      variableBase: 2_000_000,
    });
  });

  it('are edited by a head, audited, and change the scorecard', async () => {
    expect(
      (
        await call('PUT', '/api/plans/norms', 'head', {
          scope: 'operator',
          subjectId: 'OP-A',
          period: '2026-10',
          tasksNorm: 3,
        })
      ).status,
    ).toBe(200);
    expect((await scorecard('OP-A')).deductions.tasks).toBe(0);
    expect(
      (
        await call('PUT', '/api/plans/targets', 'head', {
          teamId: 'T1',
          period: '2026-10',
          metric: 'orders',
          target: 8,
        })
      ).status,
    ).toBe(200);
    expect((await scorecard('OP-A')).teamAchievement).toBe(1);
    expect(
      (
        await call('PUT', '/api/plans/bases', 'payroll', {
          operatorId: 'OP-C',
          period: '2026-10',
          variableBase: 900_000,
        })
      ).status,
    ).toBe(200);
    expect(await scorecard('OP-C')).toMatchObject({
      variableBase: 900_000,
      currency: 'MDL',
      payout: 675_000,
    });
    expect(
      (
        await call('PUT', '/api/plans/targets', 'payroll', {
          teamId: 'T1',
          period: '2026-10',
          metric: 'orders',
          target: 9,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('PUT', '/api/plans/targets', 'head', {
          teamId: 'T1',
          period: '2026-10',
          metric: 'calls',
          target: 9,
        })
      ).status,
    ).toBe(400);
    const audit = await json<{ entries: { entity: string }[] }>(call('GET', '/api/admin/audit', 'admin'));
    expect(audit.entries.slice(0, 3).map((e) => e.entity)).toEqual(['variable_pay', 'target', 'norm']);
  });

  it('of an approved period are locked', async () => {
    // The operators November has no variable base for are confirmed by id.
    const november = await json<ScorecardsResponse>(call('GET', '/api/scorecards?period=2026-11', 'payroll'));
    const confirmMissingBases = november.operators
      .filter((o) => o.scorecard.variableBase === null)
      .map((o) => o.scorecard.operatorId);
    expect(
      (await call('POST', '/api/pay-periods/2026-11/approve', 'payroll', { confirmMissingBases })).status,
    ).toBe(200);
    const res = await call('PUT', '/api/plans/norms', 'head', {
      scope: 'team',
      subjectId: 'T1',
      period: '2026-11',
      tasksNorm: 5,
    });
    expect(res.status).toBe(409);
  });
});

describe('a head limited to a department', () => {
  it('sees only its operators and cannot act on others', async () => {
    const list = await json<ScorecardsResponse>(call('GET', '/api/scorecards?period=2026-10', 'salesHead'));
    expect(list.operators.map((o) => o.scorecard.operatorId)).toEqual(['OP-A', 'OP-B']);
    expect((await call('GET', '/api/scorecards/OP-C?period=2026-10', 'salesHead')).status).toBe(403);
    expect((await call('GET', '/api/operators/OP-D/activity?period=2026-10', 'salesHead')).status).toBe(403);
    const { claims } = await json<{ claims: ClaimView[] }>(call('GET', '/api/claims', 'salesHead'));
    expect(claims.every((c) => c.operatorId === 'OP-A' || c.operatorId === 'OP-B')).toBe(true);
    expect(
      (
        await call('POST', '/api/claims', 'salesHead', {
          operatorId: 'OP-D',
          source: 'client',
          description: 'Not mine',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('PUT', '/api/plans/targets', 'salesHead', {
          teamId: 'T2',
          period: '2026-10',
          metric: 'tasks',
          target: 3,
        })
      ).status,
    ).toBe(403);
  });
});
