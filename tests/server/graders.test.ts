import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrictnessResponse } from '../../schemas/calibration.ts';
import type { EvaluationResponse } from '../../schemas/evaluations.ts';
import type { FormDefinition } from '../../schemas/forms.ts';
import type { DisputesReportResponse, GradersResponse } from '../../schemas/graders.ts';
import { createUser } from '../../server/users/users.service.ts';
import { loadAutoqaSample } from '../helpers/autoqa.ts';
import { type As, as, client, json } from '../helpers/qa.ts';
import { signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * Grading the graders on a small known set: the AutoQA sample's calls of October (checked, so
 * AutoQA's answers are known: tests/fixtures/autoqa/expected.json), two monitors, a lead, every
 * figure worked out by hand below.
 */

const yesNo = (id: string, weight = 1, check?: string) => ({
  id,
  text: `Question ${id}`,
  help: null,
  type: 'yes_no' as const,
  weight,
  allowNa: false,
  critical: 'none' as const,
  ...(check ? { auto: { check } } : {}),
});
/** Four questions bound to checks and one a person answers alone. */
const AUTO_FORM: FormDefinition = {
  sections: [
    {
      id: 's',
      title: 'Call',
      questions: [
        yesNo('greet', 1, 'greeting'),
        yesNo('readback', 1, 'read-back'),
        yesNo('debt', 1, 'debt-check'),
        yesNo('bye', 1, 'farewell'),
        yesNo('manner'),
      ],
    },
  ],
};
/** No question bound to a check: AutoQA compares nothing here. */
const PLAIN_FORM: FormDefinition = {
  sections: [{ id: 's', title: 'Call', questions: [yesNo('greet'), yesNo('manner'), yesNo('bye', 2)] }],
};

let env: TestEnv;
let lead: As;
let lead2: As;
let sergiu: As;
let mihai: As;
let en2: As;
let ru1: As;
let headRu: As;
let autoForm = 0;
let plainForm = 0;
const ids: Record<string, string> = {};

async function evaluate(by: As, callId: string, formId: number, answers: Record<string, unknown>) {
  const d = await json<EvaluationResponse>(by.post('/api/evaluations', { callId, formId }));
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  // The draft is the monitor's opening of the call's evaluation: its time is kept.
  expect(d.body.evaluation.openedAt).toBeTruthy();
  const s = await json<EvaluationResponse>(
    by.post(`/api/evaluations/${d.body.evaluation.id}/submit`, { answers }),
  );
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  return d.body.evaluation.id;
}

/** Sets an evaluation's opening and submission `seconds` apart, as the monitor took. */
async function took(id: string, seconds: number) {
  const opened = Date.parse('2026-11-02T08:00:00.000Z');
  await env.rt.db
    .updateTable('evaluations')
    .set({
      opened_at: new Date(opened).toISOString(),
      submitted_at: new Date(opened + seconds * 1000).toISOString(),
    })
    .where('evaluation_id', '=', id)
    .execute();
}

beforeAll(async () => {
  env = await testEnv();
  await loadAutoqaSample(env.rt);
  lead = await as(env, 'lead', 'qa_lead');
  lead2 = await as(env, 'lead2', 'qa_lead');
  sergiu = await as(env, 'sergiu', 'qa');
  mihai = await as(env, 'mihai', 'qa');
  en2 = await as(env, 'en2', 'operator', 'OP-EN2');
  ru1 = await as(env, 'ru1', 'operator', 'OP-RU1');
  await createUser(
    env.rt.db,
    { username: 'head-ru', role: 'head', team: 'T-RU', password: 'pw-head-ru-secret' },
    'test',
  );
  headRu = client(env, await signIn(env, 'head-ru', 'pw-head-ru-secret'));
  autoForm = (
    await json<{ form: { id: number } }>(lead.post('/api/forms', { name: 'Auto', definition: AUTO_FORM }))
  ).body.form.id;
  plainForm = (
    await json<{ form: { id: number } }>(lead.post('/api/forms', { name: 'Plain', definition: PLAIN_FORM }))
  ).body.form.id;
  expect((await lead.post('/api/autoqa/run?period=2026-10')).status).toBe(200);

  const all = { greet: true, readback: true, debt: true, bye: true, manner: true };
  // SH-EN-02: AutoQA failed the greeting, passed read-back, debt and farewell.
  ids.sEn2 = await evaluate(sergiu, 'SH-EN-02', autoForm, all); // 3 of 4 with AutoQA
  ids.sEn3 = await evaluate(sergiu, 'SH-EN-03', plainForm, { greet: true, manner: true, bye: true });
  ids.sRu1 = await evaluate(sergiu, 'SH-RU-01', plainForm, { greet: true, manner: true, bye: true });
  ids.mEn2 = await evaluate(mihai, 'SH-EN-02', autoForm, { ...all, greet: false }); // 4 of 4
  ids.mRu2 = await evaluate(mihai, 'SH-RU-02', plainForm, { greet: true, manner: true, bye: true });

  // Disputes: sergiu's SH-EN-02 revised (manner), mihai's upheld, sergiu's SH-RU-01 still open.
  expect(
    (await en2.post(`/api/evaluations/${ids.sEn2}/dispute`, { reason: 'I greeted', questions: ['greet'] }))
      .status,
  ).toBe(200);
  expect(
    (
      await lead.post(`/api/evaluations/${ids.sEn2}/decision`, {
        decision: 'revised',
        note: 'manner was fine',
        answers: { ...all, manner: false },
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await en2.post(`/api/evaluations/${ids.mEn2}/dispute`, {
        reason: 'wrong',
        questions: ['greet', 'bye', 'greet'],
      })
    ).status,
  ).toBe(200);
  expect(
    (await lead.post(`/api/evaluations/${ids.mEn2}/decision`, { decision: 'upheld', note: 'stands' })).status,
  ).toBe(200);
  expect((await ru1.post(`/api/evaluations/${ids.sRu1}/dispute`, { reason: 'no' })).status).toBe(200);

  // Grading times: sergiu 300, 600, 120 s (median 300); mihai 200, 500 s (median 350).
  await took(ids.sEn2, 300);
  await took(ids.sEn3, 600);
  await took(ids.sRu1, 120);
  await took(ids.mEn2, 200);
  await took(ids.mRu2, 500);

  // Calibration on SH-RO-01 with the lead as reference: lead 100, sergiu 75 (greet no), mihai 100.
  const s = await json<{ session: { id: number } }>(
    lead.post('/api/calibrations', {
      callId: 'SH-RO-01',
      formId: plainForm,
      monitors: ['sergiu', 'mihai', 'lead'],
      reference: 'lead',
    }),
  );
  expect(s.status, JSON.stringify(s.body)).toBe(201);
  const sessionId = s.body.session.id;
  for (const [who, answers] of [
    [lead, { greet: true, manner: true, bye: true }],
    [sergiu, { greet: false, manner: true, bye: true }],
    [mihai, { greet: true, manner: true, bye: true }],
  ] as const) {
    const e = await json<EvaluationResponse>(who.post(`/api/calibrations/${sessionId}/evaluation`));
    expect(e.status, JSON.stringify(e.body)).toBe(201);
    expect((await who.post(`/api/evaluations/${e.body.evaluation.id}/submit`, { answers })).status).toBe(200);
  }
  expect((await lead2.post(`/api/calibrations/${sessionId}/close`)).status).toBe(200);
  // Closed in October, the month asked for.
  await env.rt.db
    .updateTable('calibration_sessions')
    .set({ closed_at: '2026-10-25T10:00:00.000Z' })
    .where('id', '=', sessionId)
    .execute();
}, 90_000);
afterAll(() => env.dispose());

const SERGIU = {
  monitor: 'sergiu',
  evaluations: 3,
  timed: 3,
  medianGradingSeconds: 300,
  strictness: -25,
  calibrationSessions: 1,
  referenceAgreement: 0.6667,
  referenceQuestions: 3,
  disputed: 2,
  disputedShare: 0.6667,
  revised: 1,
  revisedShare: 0.3333,
  autoqaCompared: 4,
  autoqaAgreement: 0.75,
};
const MIHAI = {
  monitor: 'mihai',
  evaluations: 2,
  timed: 2,
  medianGradingSeconds: 350,
  strictness: 0,
  calibrationSessions: 1,
  referenceAgreement: 1,
  referenceQuestions: 3,
  disputed: 1,
  disputedShare: 0.5,
  revised: 0,
  revisedShare: 0,
  autoqaCompared: 4,
  autoqaAgreement: 1,
};

describe('grading the graders', () => {
  it("gives each monitor's figures for the month, worked out by hand", async () => {
    const r = await json<GradersResponse>(lead.get('/api/qa/graders?period=2026-10'));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.period).toBe('2026-10');
    // The reference is the yardstick, not graded by it: the lead has no row.
    expect(r.body.monitors).toEqual([expect.objectContaining(MIHAI), expect.objectContaining(SERGIU)]);
    // Strictness is the calibration page's own figure.
    const st = await json<StrictnessResponse>(
      lead.get('/api/calibrations/strictness?from=2026-10&to=2026-10'),
    );
    expect(st.body.monitors.map((m) => [m.monitor, m.meanDeviation])).toEqual([
      ['mihai', 0],
      ['sergiu', -25],
    ]);
  });

  it('shows a monitor his own row only', async () => {
    const r = await json<GradersResponse>(sergiu.get('/api/qa/graders?period=2026-10'));
    expect(r.status).toBe(200);
    expect(r.body.monitors).toEqual([expect.objectContaining(SERGIU)]);
  });

  it("counts only a limited head's operators, and refuses operators and a bad period", async () => {
    const r = await json<GradersResponse>(headRu.get('/api/qa/graders?period=2026-10'));
    expect(r.status).toBe(200);
    // T-RU only: sergiu's SH-RU-01 (disputed, open) and mihai's SH-RU-02; no calibration there.
    expect(r.body.monitors).toEqual([
      expect.objectContaining({
        monitor: 'mihai',
        evaluations: 1,
        medianGradingSeconds: 500,
        strictness: null,
        referenceAgreement: null,
        disputed: 0,
        autoqaCompared: 0,
        autoqaAgreement: null,
      }),
      expect.objectContaining({
        monitor: 'sergiu',
        evaluations: 1,
        medianGradingSeconds: 120,
        disputed: 1,
        disputedShare: 1,
        revised: 0,
      }),
    ]);
    expect((await en2.get('/api/qa/graders?period=2026-10')).status).toBe(403);
    const bad = await json<{ error: { code: string; message: string } }>(
      lead.get('/api/qa/graders?period=2026-13'),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/period/);
  });
});

describe('the disputes report', () => {
  it('counts disputes per monitor and per question, disputed and revised', async () => {
    const r = await json<DisputesReportResponse>(lead.get('/api/qa/graders/disputes?period=2026-10'));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.byMonitor).toEqual([
      {
        monitor: 'sergiu',
        displayName: 'sergiu',
        evaluations: 3,
        disputed: 2,
        appealed: 0,
        revised: 1,
        disputedShare: 0.6667,
        revisedShare: 0.3333,
      },
      {
        monitor: 'mihai',
        displayName: 'mihai',
        evaluations: 2,
        disputed: 1,
        appealed: 0,
        revised: 0,
        disputedShare: 0.5,
        revisedShare: 0,
      },
    ]);
    // greet named twice (once per dispute, a repeat counted once), bye once; manner revised once.
    expect(r.body.byQuestion).toEqual([
      { formName: 'Auto', questionId: 'greet', text: 'Question greet', disputed: 2, revised: 0 },
      { formName: 'Auto', questionId: 'bye', text: 'Question bye', disputed: 1, revised: 0 },
      { formName: 'Auto', questionId: 'manner', text: 'Question manner', disputed: 0, revised: 1 },
    ]);
    expect((await sergiu.get('/api/qa/graders/disputes?period=2026-10')).status).toBe(403);
    const ru = await json<DisputesReportResponse>(headRu.get('/api/qa/graders/disputes?period=2026-10'));
    expect(ru.body.byMonitor.map((m) => [m.monitor, m.evaluations, m.disputed])).toEqual([
      ['sergiu', 1, 1],
      ['mihai', 1, 0],
    ]);
    expect(ru.body.byQuestion).toEqual([]);
  });
});
