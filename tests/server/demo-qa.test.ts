import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreAnswers } from '../../core/form-score.ts';
import { generateDemoFiles } from '../../fixtures/demo/generate.ts';
import { DEMO_RECORDINGS } from '../../fixtures/recordings/index.ts';
import type { Answers } from '../../schemas/forms.ts';
import { loadDemo } from '../../server/demo/load-demo.ts';
import { definitionOf } from '../../server/forms/forms.repository.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
  await loadDemo(env.rt, { operators: 8, month: '2026-10', seed: 3 });
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
    expect(calibration).toHaveLength(6);
    expect(calibration.every((e) => e.calibration_session_id !== null)).toBe(true);
    const worklist = await db
      .selectFrom('evaluation_assignments')
      .selectAll()
      .where('monitor', '=', 'qa')
      .execute();
    expect(worklist.length).toBeGreaterThan(3);
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
