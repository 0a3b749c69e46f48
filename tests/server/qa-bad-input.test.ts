import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type As, as, json, TEST_FORM } from '../helpers/qa.ts';
import { loadSmall, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
let lead: As;
let qa: As;
let formId: number;
beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  lead = await as(env, 'natalia', 'qa_lead');
  qa = await as(env, 'sergiu', 'qa');
  formId = (
    await json<{ form: { id: number } }>(lead.post('/api/forms', { name: 'F', definition: TEST_FORM }))
  ).body.form.id;
});
afterAll(() => env.dispose());

describe('QA routes answer bad input with a 4xx in the one error shape', () => {
  it('never a 500', async () => {
    const draft = (
      await json<{ evaluation: { id: string } }>(qa.post('/api/evaluations', { callId: 'C1', formId }))
    ).body.evaluation.id;
    const cases: [As, string, string, unknown][] = [
      [lead, 'POST', '/api/forms', { name: 'x', definition: { sections: 'no' } }],
      [
        lead,
        'POST',
        '/api/forms',
        { name: 'x', definition: { sections: [{ id: '../x', title: 't', questions: [] }] } },
      ],
      [lead, 'PUT', `/api/forms/${formId}`, { definition: null }],
      [lead, 'GET', '/api/forms/1e999', undefined],
      [lead, 'GET', '/api/forms/-1', undefined],
      [qa, 'POST', `/api/forms/${formId}/score`, { answers: [1, 2] }],
      [qa, 'POST', `/api/forms/${formId}/score`, { answers: { greet: { nested: true } } }],
      [qa, 'POST', '/api/evaluations', { callId: 42, formId: 'one' }],
      [qa, 'POST', '/api/evaluations', { callId: 'C1', formId: 999 }],
      [qa, 'PUT', `/api/evaluations/${draft}/answers`, { answers: { greet: 'maybe', nope: 1 } }],
      [qa, 'PUT', '/api/evaluations/NOPE/answers', { answers: {} }],
      [qa, 'POST', `/api/evaluations/${draft}/submit`, { answers: 'all' }],
      [qa, 'POST', `/api/evaluations/${draft}/comments`, { text: '' }],
      [lead, 'POST', `/api/evaluations/${draft}/decision`, { decision: 'maybe', note: 'x' }],
      [lead, 'POST', `/api/evaluations/${draft}/decision`, { decision: 'upheld', note: 'x' }],
      [qa, 'GET', '/api/evaluations?limit=0', undefined],
      [qa, 'GET', '/api/evaluations?period=2026-1', undefined],
      [qa, 'GET', '/api/evaluations/quality?period=x', undefined],
      [qa, 'GET', '/api/calls?from=2026-02-30&to=2026-03-05', undefined],
      [qa, 'GET', '/api/calls?period=2026-10&offset=-1', undefined],
      [qa, 'GET', '/api/calls?period=2026-10&hasEvaluation=yes', undefined],
      [qa, 'GET', '/api/calls/sample?period=2026-10&margin=0', undefined],
      [qa, 'GET', '/api/calls/sample?period=2026-10&perOperator=1000', undefined],
      [qa, 'GET', '/api/calls/C5/recording', undefined],
      [lead, 'POST', '/api/calls/assignments', { period: '2026-10', monitors: [], assignments: [] }],
      [lead, 'DELETE', '/api/calls/assignments/abc', undefined],
      [lead, 'POST', '/api/calibrations', { callId: 'C1', formId, monitors: ['sergiu'] }],
      [lead, 'POST', '/api/calibrations', { callId: 'C5', formId, monitors: ['sergiu', 'natalia'] }],
      [lead, 'GET', '/api/calibrations/0', undefined],
      [lead, 'GET', '/api/calibrations/99/results', undefined],
      [lead, 'GET', '/api/calibrations?status=maybe', undefined],
    ];
    for (const [who, method, url, body] of cases) {
      const r = await json<{ error: { code: string; message: string } }>(who.send(method, url, body));
      const label = `${method} ${url} ${JSON.stringify(body)} → ${r.status} ${JSON.stringify(r.body)}`;
      expect(r.status, label).toBeGreaterThanOrEqual(400);
      expect(r.status, label).toBeLessThan(500);
      expect(r.body.error.message.length, label).toBeGreaterThan(3);
    }
    const raw = await env.app.request(`/api/evaluations/${draft}/answers`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"answers":',
    });
    expect(raw.status).toBe(401);
  });
});
