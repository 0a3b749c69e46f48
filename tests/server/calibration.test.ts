import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type As, as, json, PERFECT, TEST_FORM } from '../helpers/qa.ts';
import { loadSmall, type TestEnv, testEnv } from '../helpers/runtime.ts';

type Session = {
  id: number;
  status: string;
  participants: { monitor: string; evaluationId: string | null; submitted: boolean; reference: boolean }[];
};
type Err = { error: { code: string; message: string } };

let env: TestEnv;
let lead: As; // natalia, scores in the session
let lead2: As; // dorin, runs nothing, scores nothing
let sergiu: As;
let mihai: As;
let ion: As;
let outsider: As;
let head: As;
let ana: As;
let formId: number;
beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  lead = await as(env, 'natalia', 'qa_lead');
  lead2 = await as(env, 'dorin', 'qa_lead');
  sergiu = await as(env, 'sergiu', 'qa');
  mihai = await as(env, 'mihai', 'qa');
  ion = await as(env, 'ion', 'qa');
  outsider = await as(env, 'radu', 'qa');
  head = await as(env, 'victor', 'head');
  ana = await as(env, 'ana', 'operator', 'OP-1');
  formId = (
    await json<{ form: { id: number } }>(
      lead.post('/api/forms', { name: 'Test form', definition: TEST_FORM }),
    )
  ).body.form.id;
});
afterAll(() => env.dispose());

async function score(who: As, sessionId: number, answers: Record<string, unknown>) {
  const d = await json<{ evaluation: { id: string; calibration: boolean } }>(
    who.post(`/api/calibrations/${sessionId}/evaluation`),
  );
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  expect(d.body.evaluation.calibration).toBe(true);
  const s = await json(who.post(`/api/evaluations/${d.body.evaluation.id}/submit`, { answers }));
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  return d.body.evaluation.id;
}

describe('calibration sessions', () => {
  let sessionId: number;
  let sergiuEval: string;

  it('lists the monitors a lead can invite', async () => {
    const r = await json<{ monitors: { username: string; role: string }[] }>(lead.get('/api/monitors'));
    expect(r.body.monitors.map((m) => `${m.username}:${m.role}`)).toEqual([
      'dorin:qa_lead',
      'ion:qa',
      'mihai:qa',
      'natalia:qa_lead',
      'radu:qa',
      'sergiu:qa',
    ]);
    expect((await head.get('/api/monitors')).status).toBe(403);
  });

  it('a lead opens a session on a call with invited monitors and a reference', async () => {
    const bad = await json<Err>(
      lead.post('/api/calibrations', { callId: 'C1', formId, monitors: ['sergiu', 'victor'] }),
    );
    expect(bad.body.error.message).toBe('not QA monitors: victor');
    expect(
      (
        await lead.post('/api/calibrations', {
          callId: 'C1',
          formId,
          monitors: ['sergiu', 'mihai'],
          reference: 'ion',
        })
      ).status,
    ).toBe(400);
    expect(
      (await sergiu.post('/api/calibrations', { callId: 'C1', formId, monitors: ['sergiu', 'mihai'] }))
        .status,
    ).toBe(403);
    const r = await json<{ session: Session }>(
      lead.post('/api/calibrations', {
        callId: 'C1',
        formId,
        monitors: ['sergiu', 'mihai', 'ion', 'natalia'],
        reference: 'sergiu',
        note: 'October calibration',
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body.session).toMatchObject({
      status: 'open',
      reference: 'sergiu',
      callId: 'C1',
      operatorId: 'OP-1',
    });
    expect(r.body.session.participants.map((p) => p.monitor)).toEqual(['ion', 'mihai', 'natalia', 'sergiu']);
    sessionId = r.body.session.id;
  });

  it('monitors score blind while the session is open', async () => {
    sergiuEval = await score(sergiu, sessionId, PERFECT);
    // Others cannot open his scoring, list it, or learn its id; they see only that he submitted.
    for (const who of [mihai, lead]) {
      const r = await json<Err>(who.get(`/api/evaluations/${sergiuEval}`));
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/calibration is blind/);
      const list = await json<{ evaluations: { id: string }[] }>(
        who.get('/api/evaluations?calibration=true'),
      );
      expect(list.body.evaluations.map((e) => e.id)).not.toContain(sergiuEval);
    }
    const view = await json<{ session: Session }>(mihai.get(`/api/calibrations/${sessionId}`));
    expect(view.body.session.participants.find((p) => p.monitor === 'sergiu')).toMatchObject({
      evaluationId: null,
      submitted: true,
    });
    // A lead who does not score in the session may follow it.
    expect((await lead2.get(`/api/evaluations/${sergiuEval}`)).status).toBe(200);
    expect((await ana.get(`/api/evaluations/${sergiuEval}`)).status).toBe(404);
    expect((await outsider.get(`/api/calibrations/${sessionId}`)).status).toBe(403);
    expect((await outsider.post(`/api/calibrations/${sessionId}/evaluation`)).status).toBe(403);
    const early = await json<Err>(lead.get(`/api/calibrations/${sessionId}/results`));
    expect(early.status).toBe(409);

    await score(mihai, sessionId, { ...PERFECT, greet: false });
    await score(ion, sessionId, { ...PERFECT, tone: 3, readback: null });
    expect((await sergiu.post(`/api/calibrations/${sessionId}/evaluation`)).status).toBe(409);
  });

  it('calibration scorings never count toward the operator', async () => {
    const q = await json<{ operators: { operatorId: string; n: number }[] }>(
      head.get('/api/evaluations/quality?period=2026-10'),
    );
    expect(q.body.operators.find((o) => o.operatorId === 'OP-1')?.n).toBe(0);
    const list = await json<{ total: number }>(head.get('/api/evaluations'));
    expect(list.body.total).toBe(0);
  });

  it('closing shows deviations from the reference, spread, agreement per question and alpha', async () => {
    expect((await sergiu.post(`/api/calibrations/${sessionId}/close`)).status).toBe(403);
    const closed = await json<{ session: Session }>(lead.post(`/api/calibrations/${sessionId}/close`));
    expect(closed.body.session.status).toBe('closed');
    expect((await lead.post(`/api/calibrations/${sessionId}/close`)).status).toBe(409);
    // natalia never scored: her draft-less seat is left out of the results.
    const r = await json<{
      basis: string;
      basisScore: number;
      mean: number;
      sd: number;
      monitors: { monitor: string; score: number; deviation: number; reference: boolean }[];
      questions: { questionId: string; mostCommon: unknown; agreement: number; referenceAnswer: unknown }[];
      alpha: {
        nominal: { alpha: number | null; units: number };
        ordinal: { alpha: number | null; units: number };
      };
    }>(mihai.get(`/api/calibrations/${sessionId}/results`));
    expect(r.status).toBe(200);
    // sergiu 100 (reference); mihai no greeting: 7/9 → 77.78; ion tone 3 and readback N/A: 7/8 → 87.5
    expect(r.body).toMatchObject({ basis: 'reference', basisScore: 100, mean: 88.43 });
    expect(r.body.monitors).toEqual([
      expect.objectContaining({ monitor: 'ion', score: 87.5, deviation: -12.5, reference: false }),
      expect.objectContaining({ monitor: 'mihai', score: 77.78, deviation: -22.22, reference: false }),
      expect.objectContaining({ monitor: 'sergiu', score: 100, deviation: 0, reference: true }),
    ]);
    const m = (100 + 77.78 + 87.5) / 3;
    const sd = Math.sqrt(((100 - m) ** 2 + (77.78 - m) ** 2 + (87.5 - m) ** 2) / 2);
    expect(r.body.sd).toBe(Math.round(sd * 100) / 100);
    const q = Object.fromEntries(r.body.questions.map((x) => [x.questionId, x]));
    expect(q.greet).toMatchObject({ mostCommon: true, agreement: 2 / 3, referenceAnswer: true });
    expect(q.ident).toMatchObject({ mostCommon: true, agreement: 1 });
    expect(q.tone).toMatchObject({ mostCommon: 5, agreement: 2 / 3 });
    // readback: yes, yes, N/A — N/A is an answer here, so 2 of 3 agree.
    expect(q.readback).toMatchObject({ mostCommon: true, agreement: 2 / 3 });
    // Nominal: o_TF = o_FT = 1, n_T = 10, n_F = 1 → α = 1 − 10·2 / (2·10·1) = 0.
    expect(r.body.alpha.nominal).toEqual({ alpha: 0, units: 4, pairable: 11 });
    // Ordinal, one unit (tone f = 1, 1, 0.5): α = 1 − 2·(2·2.25) / (2·2·2.25) = 0.
    expect(r.body.alpha.ordinal).toEqual({ alpha: 0, units: 1, pairable: 3 });

    // Closed: everyone's scorings may be read now.
    expect((await mihai.get(`/api/evaluations/${sergiuEval}`)).status).toBe(200);
  });

  it("tracks each monitor's strictness across closed sessions", async () => {
    // A second session without a reference: deviations from the mean.
    const s2 = await json<{ session: Session }>(
      lead.post('/api/calibrations', { callId: 'C4', formId, monitors: ['mihai', 'ion'] }),
    );
    const id = s2.body.session.id;
    await score(mihai, id, PERFECT); // 100
    await score(ion, id, { ...PERFECT, greet: false }); // 77.78; mean 88.89
    await lead.post(`/api/calibrations/${id}/close`);
    const r = await json<{
      monitors: {
        monitor: string;
        sessions: number;
        meanDeviation: number;
        byPeriod: { period: string }[];
      }[];
    }>(lead.get('/api/calibrations/strictness'));
    expect(r.status).toBe(200);
    const by = Object.fromEntries(r.body.monitors.map((x) => [x.monitor, x]));
    // mihai: −22.22 then +11.11 → −5.56; ion: −12.5 then −11.11 → −11.81; the reference is left out.
    expect(by.mihai?.sessions).toBe(2);
    expect(by.mihai?.meanDeviation).toBeCloseTo(-5.555, 1);
    expect(by.ion?.sessions).toBe(2);
    expect(by.ion?.meanDeviation).toBeCloseTo(-11.805, 1);
    expect(by.sergiu).toBeUndefined();
    expect(by.mihai?.byPeriod).toHaveLength(1);
    expect((await sergiu.get('/api/calibrations/strictness')).status).toBe(403);
    expect((await lead.get('/api/calibrations/strictness?from=2026-12&to=2026-01')).status).toBe(400);
    const list = await json<{ sessions: Session[] }>(ion.get('/api/calibrations?status=closed'));
    expect(list.body.sessions.map((s) => s.id).sort()).toEqual([sessionId, id].sort());
    expect((await json<{ sessions: Session[] }>(outsider.get('/api/calibrations'))).body.sessions).toEqual(
      [],
    );
  });
});
