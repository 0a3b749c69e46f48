import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreAnswers } from '../../core/form-score.ts';
import { generateDemoFiles } from '../../fixtures/demo/generate.ts';
import { DEMO_RECORDINGS } from '../../fixtures/recordings/index.ts';
import type { Answers } from '../../schemas/forms.ts';
import type { GradersResponse } from '../../schemas/graders.ts';
import { settledAnswers } from '../../server/demo/demo-calibration-reference.ts';
import { loadDemo } from '../../server/demo/load-demo.ts';
import { definitionOf } from '../../server/forms/forms.repository.ts';
import { client, json } from '../helpers/qa.ts';
import { signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
let users: Awaited<ReturnType<typeof loadDemo>>['users'];
beforeAll(async () => {
  env = await testEnv();
  users = (await loadDemo(env.rt, { operators: 8, month: '2026-10', seed: 3 })).users;
}, 120_000);
afterAll(() => env.dispose());

describe('demo QA data', () => {
  it('has the two forms, and every evaluation is a real one on them, scored by the score function', async () => {
    const forms = await env.rt.db.selectFrom('forms').selectAll().orderBy('id').execute();
    expect(forms.map((f) => [f.name, f.form_key, f.version])).toEqual([
      ['Inbound order call', 'inbound-order-call', 1],
      ['Outbound call', 'outbound-call', 1],
    ]);
    const defs = new Map(forms.map((f) => [f.id, definitionOf(f)]));
    const evaluations = await env.rt.db.selectFrom('evaluations').selectAll().execute();
    expect(evaluations.length).toBeGreaterThan(30);
    for (const e of evaluations) {
      expect(e.form_id, e.evaluation_id).not.toBeNull();
      const def = defs.get(e.form_id as number);
      const result = scoreAnswers(def as NonNullable<typeof def>, JSON.parse(e.answers ?? '{}') as Answers);
      if (e.status === 'draft') expect(e.score).toBeNull();
      else {
        expect(e.score, e.evaluation_id).toBe(result.score);
        expect(e.critical_failed === 1, e.evaluation_id).toBe(result.criticalFailed);
      }
    }
    const statuses = new Set(evaluations.map((e) => e.status));
    expect(statuses).toEqual(
      new Set(['draft', 'submitted', 'acknowledged', 'disputed', 'upheld', 'revised']),
    );
    const scores = evaluations
      .filter((e) => e.score !== null && e.calibration === 0)
      .map((e) => e.score as number);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(mean).toBeGreaterThan(70);
    expect(mean).toBeLessThan(95);
  });

  it('keeps disputes with what was revised, comments, acknowledgements and calibration sessions', async () => {
    const db = env.rt.db;
    const disputes = await db.selectFrom('evaluation_disputes').selectAll().execute();
    const byStatus = new Set(disputes.map((d) => d.status));
    expect(byStatus.has('open') || byStatus.has('revised') || byStatus.has('upheld')).toBe(true);
    for (const d of disputes.filter((x) => x.status === 'revised')) {
      expect(d.score_after as number).toBeGreaterThan(d.score_before as number);
    }
    const ack = await db.selectFrom('evaluations').selectAll().where('status', '=', 'acknowledged').execute();
    expect(
      ack.every(
        (e) => e.acknowledged_at !== null && (e.acknowledged_at as string) > (e.submitted_at as string),
      ),
    ).toBe(true);
    expect((await db.selectFrom('evaluation_comments').selectAll().execute()).length).toBeGreaterThan(0);
    const sessions = await db.selectFrom('calibration_sessions').selectAll().orderBy('id').execute();
    expect(sessions.map((s) => s.status)).toEqual(['closed', 'closed', 'open']);
    const calibration = await db.selectFrom('evaluations').selectAll().where('calibration', '=', 1).execute();
    // Three monitors and the lead's reference in each closed session.
    expect(calibration).toHaveLength(8);
    expect(calibration.every((e) => e.calibration_session_id !== null)).toBe(true);
    const worklist = await db
      .selectFrom('evaluation_assignments')
      .selectAll()
      .where('monitor', '=', 'qa')
      .execute();
    expect(worklist.length).toBeGreaterThan(3);
  });

  it('gives each closed calibration the lead’s reference, so the graders page has agreement', async () => {
    const db = env.rt.db;
    const closed = await db
      .selectFrom('calibration_sessions')
      .selectAll()
      .where('status', '=', 'closed')
      .execute();
    expect(closed.map((s) => s.reference_evaluator)).toEqual(['qalead', 'qalead']);
    for (const s of closed) {
      const scorings = await db
        .selectFrom('evaluations')
        .selectAll()
        .where('calibration_session_id', '=', s.id)
        .orderBy('evaluation_id')
        .execute();
      const ref = scorings.find((e) => e.evaluator === 'qalead');
      expect(ref?.status).toBe('submitted');
      expect((ref?.submitted_at as string) <= (s.closed_at as string)).toBe(true);
      // The reference answers each question as most of the monitors did.
      const others = scorings.filter((e) => e !== ref).map((e) => JSON.parse(e.answers ?? '{}') as Answers);
      expect(others).toHaveLength(3);
      const settled = settledAnswers(others);
      expect(JSON.parse(ref?.answers ?? '{}')).toEqual(settled);
      for (const [q, v] of Object.entries(settled)) {
        const count = (x: unknown) => others.filter((a) => JSON.stringify(a[q]) === JSON.stringify(x)).length;
        for (const a of others) expect(count(v)).toBeGreaterThanOrEqual(count(a[q]));
      }
    }
    const u = users.find((x) => x.username === 'qalead');
    const lead = client(env, await signIn(env, 'qalead', u?.password ?? ''));
    const { body } = await json<GradersResponse>(lead.get('/api/qa/graders?period=2026-10'));
    const calibrated = body.monitors.filter((m) => m.calibrationSessions > 0);
    expect(calibrated.length).toBeGreaterThan(0);
    for (const m of calibrated) {
      expect(m.referenceQuestions).toBeGreaterThan(0);
      expect(m.referenceAgreement).not.toBeNull();
    }
    // The lead is the yardstick, not one of the graded.
    expect(calibrated.some((m) => m.monitor === 'qalead')).toBe(false);
  });

  it('generates the same evaluation details for the same options', () => {
    const opts = {
      operators: 6,
      month: '2026-10',
      seed: 5,
      timeZone: 'Europe/Chisinau',
      recordings: DEMO_RECORDINGS.map((n) => `demo/${n}`),
    };
    expect(generateDemoFiles(opts)).toEqual(generateDemoFiles(opts));
  });
});
