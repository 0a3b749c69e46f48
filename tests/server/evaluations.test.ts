import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import { type As, as, json, PERFECT, TEST_FORM } from '../helpers/qa.ts';
import { loadSmall, type TestEnv, testEnv } from '../helpers/runtime.ts';

type Ev = { evaluation: Record<string, unknown> & { id: string; status: string; score: number | null } };
type Err = { error: { code: string; message: string } };

let env: TestEnv;
let lead: As;
let lead2: As;
let qa: As;
let qa2: As;
let head: As;
let ana: As; // OP-1
let ivan: As; // OP-2
let formId: number;
beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  lead = await as(env, 'natalia', 'qa_lead');
  lead2 = await as(env, 'dorin', 'qa_lead');
  qa = await as(env, 'sergiu', 'qa');
  qa2 = await as(env, 'mihai', 'qa');
  head = await as(env, 'victor', 'head');
  ana = await as(env, 'ana', 'operator', 'OP-1');
  ivan = await as(env, 'ivan', 'operator', 'OP-2');
  formId = (
    await json<{ form: { id: number } }>(
      lead.post('/api/forms', { name: 'Test form', definition: TEST_FORM }),
    )
  ).body.form.id;
});
afterAll(() => env.dispose());

async function submitted(callId: string, answers: Record<string, unknown> = PERFECT, by: As = qa) {
  const d = await json<Ev>(by.post('/api/evaluations', { callId, formId }));
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  const s = await json<Ev>(by.post(`/api/evaluations/${d.body.evaluation.id}/submit`, { answers }));
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  return s.body.evaluation;
}

describe('evaluation life: draft → submitted → acknowledged', () => {
  it('a monitor drafts on a call, saves answers, submits; the server scores and copies the call', async () => {
    const d = await json<Ev>(qa.post('/api/evaluations', { callId: 'C1', formId }));
    expect(d.status).toBe(201);
    expect(d.body.evaluation).toMatchObject({
      status: 'draft',
      score: null,
      callId: 'C1',
      operatorId: 'OP-1',
      callStartedAt: '2026-10-01T23:30:00.000Z',
      evaluator: 'sergiu',
      formId,
      calibration: false,
    });
    const id = d.body.evaluation.id;
    // The id scheme of imported evaluations: the month of the call's local date, then a number.
    expect(id).toBe('EV-202610-00001');
    // Another monitor and a head do not see a draft; a lead does.
    expect((await qa2.get(`/api/evaluations/${id}`)).status).toBe(404);
    expect((await head.get(`/api/evaluations/${id}`)).status).toBe(404);
    expect((await lead.get(`/api/evaluations/${id}`)).status).toBe(200);
    const saved = await json<Ev>(
      qa.put(`/api/evaluations/${id}/answers`, { answers: { greet: false, tone: 4 } }),
    );
    expect(saved.body.evaluation).toMatchObject({ status: 'draft', answers: { greet: false, tone: 4 } });
    const early = await json<Err>(qa.post(`/api/evaluations/${id}/submit`));
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/ident: not answered/);
    const done = await json<Ev>(
      qa.post(`/api/evaluations/${id}/submit`, { answers: { ...PERFECT, greet: false, tone: 4 } }),
    );
    // Σw = 9, Σwf = 0 + 1 + 1.5 + 3 + 1 = 6.5 → 72.22
    expect(done.body.evaluation).toMatchObject({ status: 'submitted', score: 72.22, criticalFailed: false });
    expect(done.body.evaluation.disputeUntil).toBeTruthy();

    // Another monitor cannot touch it; a second submit is a conflict.
    expect((await qa2.put(`/api/evaluations/${id}/answers`, { answers: {} })).status).toBe(403);
    expect((await qa.post(`/api/evaluations/${id}/submit`)).status).toBe(409);

    // Another operator's evaluation is, to him, one that does not exist.
    const other = await json<Err>(ivan.post(`/api/evaluations/${id}/acknowledge`));
    expect(other.status).toBe(404);
    expect(other.body.error.message).toBe(`no evaluation ${id}`);
    expect((await ivan.get(`/api/evaluations/${id}`)).status).toBe(404);

    const ack = await json<Ev>(ana.post(`/api/evaluations/${id}/acknowledge`));
    expect(ack.body.evaluation).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'ana' });
    const again = await json<Err>(ana.post(`/api/evaluations/${id}/dispute`, { reason: 'too late' }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/it is acknowledged, and only a submitted one can be/);

    const trail = await env.rt.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity', '=', 'evaluation')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(trail).toEqual([
      { action: 'create', actor: 'sergiu' },
      { action: 'save', actor: 'sergiu' },
      { action: 'submit', actor: 'sergiu' },
      { action: 'acknowledge', actor: 'ana' },
    ]);
  });

  it('refuses a call nobody handled, an unknown call, a second draft of the same call, and an operator', async () => {
    expect((await json<Err>(qa.post('/api/evaluations', { callId: 'C5', formId }))).status).toBe(409);
    expect((await json<Err>(qa.post('/api/evaluations', { callId: 'nope', formId }))).status).toBe(404);
    expect((await json<Err>(qa.post('/api/evaluations', { callId: 'C1', formId }))).status).toBe(409);
    expect((await json<Err>(ana.post('/api/evaluations', { callId: 'C2', formId }))).status).toBe(403);
    expect((await json<Err>(qa.post('/api/evaluations', { callId: 'C2' }))).status).toBe(400);
  });

  it('cannot submit when every question is N/A', async () => {
    const allNa = await json<{ form: { id: number } }>(
      lead.post('/api/forms', {
        name: 'All optional',
        definition: {
          sections: [
            {
              id: 's',
              title: 'S',
              questions: [
                { id: 'a', text: 'A', type: 'yes_no', weight: 1, allowNa: true },
                { id: 'b', text: 'B', type: 'yes_no', weight: 1, allowNa: true },
              ],
            },
          ],
        },
      }),
    );
    const d = await json<Ev>(qa.post('/api/evaluations', { callId: 'C6', formId: allNa.body.form.id }));
    const r = await json<Err>(
      qa.post(`/api/evaluations/${d.body.evaluation.id}/submit`, { answers: { a: null, b: null } }),
    );
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/every question N\/A/);
    // The draft can be thrown away by its author only.
    // Another monitor does not even see it.
    expect((await qa2.send('DELETE', `/api/evaluations/${d.body.evaluation.id}`)).status).toBe(404);
    expect((await qa.send('DELETE', `/api/evaluations/${d.body.evaluation.id}`)).status).toBe(200);
    expect((await qa.get(`/api/evaluations/${d.body.evaluation.id}`)).status).toBe(404);
  });

  it('form and section criticals show in the stored flag', async () => {
    const ev = await submitted('C4', { ...PERFECT, debt: false }, qa2);
    expect(ev).toMatchObject({ score: 0, criticalFailed: true });
  });
});

describe('disputes', () => {
  it('operator disputes in the window; a monitor who is not a lead cannot decide; a lead revises', async () => {
    const ev = await submitted('C2', { ...PERFECT, greet: false });
    const id = ev.id;
    const notMine = await json<Err>(ivan.post(`/api/evaluations/${id}/dispute`, { reason: 'x' }));
    expect(notMine.status).toBe(404);
    expect((await ana.post(`/api/evaluations/${id}/dispute`, { reason: '  ' })).status).toBe(400);
    const disputed = await json<Ev>(
      ana.post(`/api/evaluations/${id}/dispute`, { reason: 'I did greet: listen at 0:03' }),
    );
    expect(disputed.body.evaluation.status).toBe('disputed');

    const byMonitor = await json<Err>(
      qa2.post(`/api/evaluations/${id}/decision`, { decision: 'revised', note: 'ok', answers: PERFECT }),
    );
    expect(byMonitor.status).toBe(403);
    expect(byMonitor.body.error.message).toBe('the qa role cannot use this; it needs one of: qa_lead, admin');
    const noAnswers = await json<Err>(
      lead.post(`/api/evaluations/${id}/decision`, { decision: 'revised', note: 'ok' }),
    );
    expect(noAnswers.status).toBe(400);

    const revised = await json<Ev & { evaluation: { disputes: Record<string, unknown>[] } }>(
      lead.post(`/api/evaluations/${id}/decision`, {
        decision: 'revised',
        note: 'greeting heard at 0:03',
        answers: PERFECT,
      }),
    );
    expect(revised.status).toBe(200);
    expect(revised.body.evaluation).toMatchObject({ status: 'revised', score: 100, answers: PERFECT });
    expect(revised.body.evaluation.disputes).toEqual([
      expect.objectContaining({
        status: 'revised',
        reason: 'I did greet: listen at 0:03',
        openedBy: 'ana',
        decidedBy: 'natalia',
        decisionNote: 'greeting heard at 0:03',
        scoreBefore: 77.78,
        scoreAfter: 100,
        answersBefore: { ...PERFECT, greet: false },
      }),
    ]);
    expect(
      (await lead.post(`/api/evaluations/${id}/decision`, { decision: 'upheld', note: 'x' })).status,
    ).toBe(409);
  });

  it('a lead does not decide a dispute of his own evaluation; another lead upholds it', async () => {
    const ev = await submitted('C6', { ...PERFECT, tone: 3 }, lead);
    const op3 = await as(env, 'maria', 'operator', 'OP-3');
    expect((await op3.post(`/api/evaluations/${ev.id}/dispute`, { reason: 'tone was fine' })).status).toBe(
      200,
    );
    expect(
      (await lead.post(`/api/evaluations/${ev.id}/decision`, { decision: 'upheld', note: 'x' })).status,
    ).toBe(403);
    const upheld = await json<Ev>(
      lead2.post(`/api/evaluations/${ev.id}/decision`, { decision: 'upheld', note: 'stands' }),
    );
    expect(upheld.body.evaluation).toMatchObject({ status: 'upheld', score: ev.score });
  });

  it('refuses a dispute after the window', async () => {
    const ev = await submitted('C7');
    await writeSetting(env.rt.db, 'disputeDays', 0, 'test');
    try {
      const late = await json<Err>(ana.post(`/api/evaluations/${ev.id}/dispute`, { reason: 'late' }));
      expect(late.status).toBe(409);
      expect(late.body.error.message).toMatch(/^the dispute window of 0 days closed at /);
    } finally {
      await writeSetting(env.rt.db, 'disputeDays', 7, 'test');
    }
  });
});

describe('reading, comments and quality', () => {
  it('an operator lists only his own submitted evaluations; a head reads all', async () => {
    const mine = await json<{ total: number; evaluations: { operatorId: string; status: string }[] }>(
      ana.get('/api/evaluations'),
    );
    expect(mine.body.evaluations.length).toBeGreaterThan(0);
    expect(mine.body.evaluations.every((e) => e.operatorId === 'OP-1' && e.status !== 'draft')).toBe(true);
    const all = await json<{ total: number }>(head.get('/api/evaluations?period=2026-10'));
    expect(all.body.total).toBeGreaterThan(mine.body.total - 1);
    const byOp = await json<{ evaluations: { operatorId: string }[] }>(
      head.get('/api/evaluations?operator=OP-2'),
    );
    expect(byOp.body.evaluations.map((e) => e.operatorId)).toEqual(['OP-2']);
    expect((await head.get('/api/evaluations?status=bogus')).status).toBe(400);
  });

  it('comments on a question and at a moment of the recording', async () => {
    const list = await json<{ evaluations: { id: string }[] }>(head.get('/api/evaluations?operator=OP-2'));
    const id = list.body.evaluations[0]?.id as string;
    const c = await json<{ evaluation: { comments: unknown[] } }>(
      qa.post(`/api/evaluations/${id}/comments`, {
        text: 'debt not checked here',
        questionId: 'debt',
        offsetS: 42.5,
      }),
    );
    expect(c.status).toBe(201);
    expect(c.body.evaluation.comments).toEqual([
      expect.objectContaining({
        author: 'sergiu',
        questionId: 'debt',
        offsetS: 42.5,
        text: 'debt not checked here',
      }),
    ]);
    expect((await qa.post(`/api/evaluations/${id}/comments`, { text: 'x', questionId: 'nope' })).status).toBe(
      400,
    );
    expect((await qa.post(`/api/evaluations/${id}/comments`, { text: 'x', offsetS: -1 })).status).toBe(400);
    expect((await head.post(`/api/evaluations/${id}/comments`, { text: 'x' })).status).toBe(403);
  });

  it('numbers every new evaluation in the month of its call, one after the other', async () => {
    const all = await json<{ evaluations: { id: string }[] }>(lead.get('/api/evaluations?limit=500'));
    const ids = all.body.evaluations.map((e) => e.id).sort();
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expect(id).toMatch(/^EV-2026(10|11)-\d{5}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Within a month the numbers run from 1 (a deleted draft's number is not given again).
    const october = ids.filter((id) => id.startsWith('EV-202610-')).map((id) => Number(id.slice(-5)));
    expect(october[0]).toBe(1);
    expect(Math.max(...october)).toBeGreaterThanOrEqual(october.length);
  });

  it("gives each operator's quality with n, mean and a 95% t interval", async () => {
    const q = await json<{
      operators: { operatorId: string; n: number; mean: number | null; ci95: unknown }[];
    }>(head.get('/api/evaluations/quality?period=2026-10'));
    expect(q.status).toBe(200);
    const by = Object.fromEntries(q.body.operators.map((o) => [o.operatorId, o]));
    // OP-1 in October: 72.22 (acknowledged) and 100 (revised); C7 is November.
    expect(by['OP-1']).toMatchObject({ n: 2, mean: 86.11 });
    // mean ± 12.706 · sd/√2, sd = 19.643…: the interval is clipped to 0..100
    expect(by['OP-1']?.ci95).toEqual({ low: 0, high: 100 });
    expect(by['OP-2']).toMatchObject({ n: 1, mean: 0, ci95: null, criticalFailures: 1 });
    const own = await json<{ operators: { operatorId: string }[] }>(
      ana.get('/api/evaluations/quality?period=2026-10'),
    );
    expect(own.body.operators.map((o) => o.operatorId)).toEqual(['OP-1']);
    expect((await head.get('/api/evaluations/quality')).status).toBe(400);
  });
});

describe('evaluation ids', () => {
  it('never gives a new evaluation the id of a deleted draft', async () => {
    const olga = await as(env, 'olga', 'qa');
    const first = await json<Ev>(olga.post('/api/evaluations', { callId: 'C2', formId }));
    expect(first.status).toBe(201);
    expect((await olga.send('DELETE', `/api/evaluations/${first.body.evaluation.id}`)).status).toBe(200);
    const second = await json<Ev>(olga.post('/api/evaluations', { callId: 'C2', formId }));
    expect(second.status).toBe(201);
    expect(second.body.evaluation.id).toMatch(/^EV-202610-\d{5}$/);
    expect(Number(second.body.evaluation.id.slice(-5))).toBe(Number(first.body.evaluation.id.slice(-5)) + 1);
  });
});
