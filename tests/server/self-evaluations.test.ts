import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualityResponse } from '../../schemas/evaluations.ts';
import type { ScorecardResponse } from '../../schemas/scorecard.ts';
import type {
  SelfEvaluationResponse,
  SelfEvaluationsResponse,
  SelfGapResponse,
} from '../../schemas/self-evaluations.ts';
import { listAuditEntries } from '../../server/audit/audit.repository.ts';
import { type As, as, json, PERFECT, TEST_FORM } from '../helpers/qa.ts';
import { loadSmall, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * Self-evaluations on the small call center: a QA lead asks, the operator scores his own calls
 * without seeing the monitor's evaluation first, then both side by side and the gap; the quality
 * criterion never counts them.
 */

type Err = { error: { code: string; message: string } };
type Ev = { evaluation: { id: string; score: number } };
let env: TestEnv;
let lead: As;
let qa: As;
let head: As;
let ana: As; // OP-1
let ivan: As; // OP-2
let formId: number;
const ids: Record<string, number> = {};
/** A self-assessment less glowing than PERFECT: tone 3 of 5 → 2 points of 9 lost at half. */
const MODEST = { ...PERFECT, tone: 3 };

async function submitted(callId: string, answers: Record<string, unknown>) {
  const d = await json<Ev>(qa.post('/api/evaluations', { callId, formId }));
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  const s = await json<Ev>(qa.post(`/api/evaluations/${d.body.evaluation.id}/submit`, { answers }));
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  return s.body.evaluation;
}
const quality = async () =>
  (await json<QualityResponse>(head.get('/api/evaluations/quality?period=2026-10'))).body.operators;
const qualityScore = async (op: string) =>
  (await json<ScorecardResponse>(head.get(`/api/scorecards/${op}?period=2026-10`))).body.operator.scorecard
    .qualityScore;

let monitorC1: { id: string; score: number };
let monitorC4: { id: string; score: number };
let qualityBefore: unknown;
let scoreBefore: number | null;

beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  lead = await as(env, 'natalia', 'qa_lead');
  qa = await as(env, 'sergiu', 'qa');
  head = await as(env, 'victor', 'head');
  ana = await as(env, 'ana', 'operator', 'OP-1');
  ivan = await as(env, 'ivan', 'operator', 'OP-2');
  formId = (
    await json<{ form: { id: number } }>(
      lead.post('/api/forms', { name: 'Test form', definition: TEST_FORM }),
    )
  ).body.form.id;
  monitorC1 = await submitted('C1', { ...PERFECT, greet: false });
  monitorC4 = await submitted('C4', PERFECT);
  qualityBefore = await quality();
  scoreBefore = await qualityScore('OP-1');
});
afterAll(() => env.dispose());

describe('asking for self-evaluations', () => {
  it('a QA lead asks the operators of chosen calls; each is audited', async () => {
    const r = await json<SelfEvaluationsResponse & Err>(
      lead.post('/api/self-evaluations', { callIds: ['C1', 'C2', 'C4'], formId }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.selfEvaluations.map((s) => [s.callId, s.operatorId, s.status])).toEqual([
      ['C1', 'OP-1', 'requested'],
      ['C2', 'OP-1', 'requested'],
      ['C4', 'OP-2', 'requested'],
    ]);
    for (const s of r.body.selfEvaluations) ids[s.callId] = s.id;
    const audit = await listAuditEntries(env.rt.db, { entity: 'self_evaluation', limit: 10 });
    expect(audit.filter((a) => a.action === 'request')).toHaveLength(3);
  });

  it('refuses a call asked already, one nobody handled, an unknown one, and other roles', async () => {
    const cases: [As, unknown, number, string][] = [
      [lead, { callIds: ['C1'], formId }, 409, 'already has a self-evaluation'],
      [lead, { callIds: ['C3'], formId }, 409, 'not handled'],
      [lead, { callIds: ['NOPE'], formId }, 400, 'no call NOPE'],
      [lead, { callIds: [], formId }, 400, 'at least one call'],
      [lead, { callIds: ['C6'], formId: 999 }, 400, 'no form 999'],
    ];
    for (const [who, body, status, message] of cases) {
      const r = await json<Err>(who.post('/api/self-evaluations', body));
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.body.error.message).toContain(message);
    }
    expect((await json(qa.post('/api/self-evaluations', { callIds: ['C6'], formId }))).status).toBe(403);
    expect((await json(head.post('/api/self-evaluations', { callIds: ['C6'], formId }))).status).toBe(403);
  });
});

describe('the operator scores his own calls', () => {
  it('lists his calls to score, and sees no monitor’s answers before he has scored', async () => {
    const list = await json<SelfEvaluationsResponse>(ana.get('/api/self-evaluations?status=requested'));
    expect(list.body.selfEvaluations.map((s) => s.callId).sort()).toEqual(['C1', 'C2']);
    expect(list.body.selfEvaluations.every((s) => s.monitor === null)).toBe(true);
    // The monitor's evaluation of C1 is submitted, but hidden from him for now, by every route.
    const evs = await json<{ evaluations: { callId: string }[] }>(ana.get('/api/evaluations'));
    expect(evs.body.evaluations.map((e) => e.callId)).not.toContain('C1');
    expect((await json(ana.get(`/api/evaluations/${monitorC1.id}`))).status).toBe(404);
    expect((await json(ana.post(`/api/evaluations/${monitorC1.id}/acknowledge`))).status).toBe(404);
    // The monitors and the head see it as always.
    expect((await json(head.get(`/api/evaluations/${monitorC1.id}`))).status).toBe(200);
  });

  it('refuses incomplete answers, another operator’s call, and a second submission', async () => {
    const partial = await json<Err>(
      ana.post(`/api/self-evaluations/${ids.C1}/submit`, { answers: { greet: true } }),
    );
    expect(partial.status).toBe(400);
    expect(partial.body.error.message).toContain('invalid answers');
    expect(
      (await json(ana.post(`/api/self-evaluations/${ids.C4}/submit`, { answers: PERFECT }))).status,
    ).toBe(404);
    expect(
      (await json(head.post(`/api/self-evaluations/${ids.C1}/submit`, { answers: PERFECT }))).status,
    ).toBe(403);
  });

  it('submits, then sees his and the monitor’s side by side, with the gap', async () => {
    const r = await json<SelfEvaluationResponse>(
      ana.post(`/api/self-evaluations/${ids.C1}/submit`, { answers: MODEST }),
    );
    expect(r.status).toBe(200);
    const s = r.body.selfEvaluation;
    expect(s.status).toBe('submitted');
    expect(s.answers).toEqual(MODEST);
    expect(s.monitor).toMatchObject({
      evaluationId: monitorC1.id,
      evaluator: 'sergiu',
      score: monitorC1.score,
    });
    expect(s.monitor?.answers).toMatchObject({ greet: false });
    expect(s.gap).toBeCloseTo((s.score as number) - monitorC1.score, 2);
    expect((await json(ana.post(`/api/self-evaluations/${ids.C1}/submit`, { answers: MODEST }))).status).toBe(
      409,
    );
    // Now the monitor's evaluation is his to read, acknowledge or dispute.
    expect((await json(ana.get(`/api/evaluations/${monitorC1.id}`))).status).toBe(200);
    const audit = await listAuditEntries(env.rt.db, { entity: 'self_evaluation', limit: 1 });
    expect(audit[0]).toMatchObject({ actor: 'ana', action: 'submit', entityId: String(ids.C1) });
  });

  it('the mean signed gap per operator: self minus monitor over the calls both scored', async () => {
    await json(ivan.post(`/api/self-evaluations/${ids.C4}/submit`, { answers: MODEST }));
    const c1 = (await json<SelfEvaluationResponse>(head.get(`/api/self-evaluations/${ids.C1}`))).body
      .selfEvaluation;
    const c4 = (await json<SelfEvaluationResponse>(head.get(`/api/self-evaluations/${ids.C4}`))).body
      .selfEvaluation;
    const gap = await json<SelfGapResponse>(head.get('/api/self-evaluations/gap?period=2026-10'));
    expect(gap.status).toBe(200);
    expect(gap.body.operators).toEqual([
      {
        operatorId: 'OP-1',
        name: 'Ana Rusu',
        teamId: 'T1',
        pairs: 1,
        meanSignedGap: c1.gap,
        meanSelf: c1.score,
        meanMonitor: monitorC1.score,
      },
      {
        operatorId: 'OP-2',
        name: 'Ivan Petrov',
        teamId: 'T1',
        pairs: 1,
        meanSignedGap: c4.gap,
        meanSelf: c4.score,
        meanMonitor: monitorC4.score,
      },
    ]);
    // Ivan rates himself lower than the monitor did, Ana higher.
    expect(c4.gap).toBeLessThan(0);
    expect(c1.gap).toBeGreaterThan(0);
    // An operator reads only his own.
    const own = await json<SelfGapResponse>(ana.get('/api/self-evaluations/gap?period=2026-10'));
    expect(own.body.operators.map((o) => o.operatorId)).toEqual(['OP-1']);
  });

  it('leaves the quality criterion unchanged: the same evaluations, the same scores', async () => {
    expect(await quality()).toEqual(qualityBefore);
    expect(await qualityScore('OP-1')).toBe(scoreBefore);
    expect(scoreBefore).toBe(monitorC1.score);
  });
});
