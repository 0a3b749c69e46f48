import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisputesReportResponse, GradersResponse } from '../../schemas/graders.ts';
import { loadDemo } from '../../server/demo/load-demo.ts';
import { readSettings } from '../../server/settings/settings.repository.ts';
import { as, json } from '../helpers/qa.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
  await loadDemo(env.rt, { operators: 20, month: '2026-10', seed: 3 });
}, 180_000);
afterAll(() => env.dispose());

const appeals = () =>
  env.rt.db
    .selectFrom('evaluation_disputes')
    .innerJoin('evaluations', 'evaluations.evaluation_id', 'evaluation_disputes.evaluation_id')
    .select([
      'evaluations.evaluation_id',
      'evaluations.status as evaluation_status',
      'evaluation_disputes.status',
      'evaluation_disputes.decided_by',
      'evaluation_disputes.score_before',
      'evaluation_disputes.score_after',
      'evaluation_disputes.opened_at',
    ])
    .where('evaluation_disputes.level', '=', 2)
    .orderBy('evaluations.evaluation_id')
    .execute();

describe('the demo’s appeals and grading times', () => {
  it('has two levels on, and three upheld disputes of the latest month appealed to the head', async () => {
    expect((await readSettings(env.rt.db)).appealLevels).toBe(2);
    const rows = await appeals();
    expect(rows.map((r) => [r.status, r.evaluation_status, r.decided_by])).toEqual([
      ['open', 'disputed', null],
      ['upheld', 'upheld', 'head'],
      ['revised', 'revised', 'head'],
    ]);
    const revised = rows[2];
    expect(revised?.score_after as number).toBeGreaterThan(revised?.score_before as number);
    expect(rows.every((r) => r.evaluation_id.startsWith('EV-202610-'))).toBe(true);
  });

  it('names the question each demo dispute contests, so the report counts questions', async () => {
    const lead = await as(env, 'lead1', 'qa_lead');
    const r = await json<DisputesReportResponse>(lead.get('/api/qa/graders/disputes?period=2026-10'));
    expect(r.status).toBe(200);
    const disputes = r.body.byMonitor.reduce((n, m) => n + m.disputed, 0);
    expect(disputes).toBeGreaterThan(0);
    expect(r.body.byQuestion.reduce((n, q) => n + q.disputed, 0)).toBe(disputes);
    expect(r.body.byMonitor.reduce((n, m) => n + m.appealed, 0)).toBe(3);
  });

  it('times every submitted evaluation, so the graders page shows a median per monitor', async () => {
    const lead = await as(env, 'lead2', 'qa_lead');
    const r = await json<GradersResponse>(lead.get('/api/qa/graders?period=2026-10'));
    expect(r.status).toBe(200);
    expect(r.body.monitors.length).toBeGreaterThan(1);
    for (const m of r.body.monitors.filter((x) => x.evaluations > 0)) {
      expect(m.timed).toBe(m.evaluations);
      expect(m.medianGradingSeconds).toBeGreaterThanOrEqual(150);
      expect(m.medianGradingSeconds).toBeLessThan(1050);
    }
  });

  it('is the same demo twice', async () => {
    const again = await testEnv();
    try {
      await loadDemo(again.rt, { operators: 20, month: '2026-10', seed: 3 });
      const other = await again.rt.db
        .selectFrom('evaluation_disputes')
        .select(['evaluation_id', 'status', 'opened_at'])
        .where('level', '=', 2)
        .orderBy('evaluation_id')
        .execute();
      expect(other).toEqual(
        (await appeals()).map((r) => ({
          evaluation_id: r.evaluation_id,
          status: r.status,
          opened_at: r.opened_at,
        })),
      );
    } finally {
      again.dispose();
    }
  }, 180_000);
});
