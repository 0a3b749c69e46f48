import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoachingResponse } from '../../schemas/coaching.ts';
import type { ScorecardResponse } from '../../schemas/scorecard.ts';
import { insertCoachingRow } from '../../server/coaching/coaching.repository.ts';
import { type As, as, json, PERFECT, TEST_FORM } from '../helpers/qa.ts';
import { loadSmall, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * A goal on a form's question, on the small call center: Ana (OP-1) is scored on C1 without the
 * greeting and on C2 with it; the question's pass rate over October is one in two, and a quality
 * goal over the same days is her scorecard's quality.
 */

let env: TestEnv;
let lead: As;
let qa: As;
let head: As;
let formId: number;

beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  lead = await as(env, 'natalia', 'qa_lead');
  qa = await as(env, 'sergiu', 'qa');
  head = await as(env, 'victor', 'head');
  formId = (
    await json<{ form: { id: number } }>(lead.post('/api/forms', { name: 'F', definition: TEST_FORM }))
  ).body.form.id;
  for (const [callId, answers] of [
    ['C1', { ...PERFECT, greet: false }],
    ['C2', PERFECT],
  ] as const) {
    const d = await json<{ evaluation: { id: string } }>(qa.post('/api/evaluations', { callId, formId }));
    await qa.post(`/api/evaluations/${d.body.evaluation.id}/submit`, { answers });
  }
});
afterAll(() => env.dispose());

async function october(goal: Record<string, unknown>, target: number) {
  const id = await insertCoachingRow(env.rt.db, {
    operator_id: 'OP-1',
    opened_by: 'natalia',
    opened_at: '2026-09-30T21:00:00.000Z',
    opened_on: '2026-10-01',
    source: 'evaluation',
    source_ref: null,
    goal: JSON.stringify(goal),
    target,
    follow_up_on: '2026-10-31',
  });
  return (await json<CoachingResponse>(lead.get(`/api/coaching/${id}`))).body.session;
}

describe('a form question as the goal', () => {
  it('measures the share of counted evaluations that gave the question its full points', async () => {
    const s = await october({ kind: 'question', formId, questionId: 'greet' }, 0.9);
    expect(s.progress.after).toEqual({ from: '2026-10-01', to: '2026-11-01', value: 0.5, n: 2 });
    expect(s.progress.before.n).toBe(0);
    expect(s.progress).toMatchObject({ direction: 'higher', unit: 'ratio', meetsTarget: false });
  });

  it('a quality goal is the scorecard’s quality of the same days', async () => {
    const s = await october({ kind: 'criterion', key: 'qualityScore' }, 90);
    const card = (await json<ScorecardResponse>(head.get('/api/scorecards/OP-1?period=2026-10'))).body;
    expect(card.operator.scorecard.qualityScore).not.toBeNull();
    expect(s.progress.after.value).toBe(card.operator.scorecard.qualityScore);
  });

  it('refuses a question the form does not have', async () => {
    const r = await json<{ error: { message: string } }>(
      lead.post('/api/coaching', {
        operatorId: 'OP-1',
        goal: { kind: 'question', formId, questionId: 'nope' },
        target: 0.9,
        followUpOn: '2999-01-01',
      }),
    );
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('has no question "nope"');
  });
});
