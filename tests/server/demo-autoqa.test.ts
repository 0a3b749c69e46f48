import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerResult, boundQuestions } from '../../core/auto-answer.ts';
import { scriptOf } from '../../fixtures/recordings/index.ts';
import type { Answers } from '../../schemas/forms.ts';
import { currentRuleSet } from '../../server/autoqa/rules.service.ts';
import { DEMO_COMPANY_NAMES } from '../../server/demo/demo-autoqa.ts';
import { type DemoResult, loadDemo } from '../../server/demo/load-demo.ts';
import { definitionOf } from '../../server/forms/forms.repository.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/** A fresh demo data directory: its recorded calls have transcripts and AutoQA's results. */
let env: TestEnv;
let result: DemoResult;
const TZ = 'Europe/Chisinau';

beforeAll(async () => {
  env = await testEnv();
  result = await loadDemo(env.rt, { operators: 8, month: '2026-10', months: 2, seed: 3 });
}, 180_000);
afterAll(() => env?.dispose());

type Recorded = { call_id: string; recording: string; client_type: string | null; month: string };

const recordedCalls = async (): Promise<Recorded[]> =>
  (await env.rt.analytics.rows(
    `SELECT c.call_id, c.recording, k.type AS client_type,
            strftime(c.started_at AT TIME ZONE $tz, '%Y-%m') AS month
       FROM calls c LEFT JOIN clients k USING (client_id)
      WHERE c.recording IS NOT NULL ORDER BY c.call_id`,
    { tz: TZ },
  )) as Recorded[];

describe('AutoQA in the demo', () => {
  it('loads the catalogue and a transcript for every recorded call, its recording script', async () => {
    for (const kind of ['products', 'transcripts'])
      expect(result.reports.find((r) => r.kind === kind)?.quarantined, kind).toBe(0);
    const [products] = await env.rt.analytics.rows(
      `SELECT count(*)::INTEGER AS n,
              count(*) FILTER (WHERE promo_from <= DATE '2026-09-01' AND promo_to >= DATE '2026-10-31')::INTEGER AS promos,
              count(*) FILTER (WHERE is_new)::INTEGER AS new
         FROM products`,
    );
    expect(products).toEqual({ n: 20, promos: 2, new: 2 });

    const recorded = await recordedCalls();
    expect(recorded.length).toBeGreaterThan(100);
    expect(new Set(recorded.map((c) => c.month))).toEqual(new Set(['2026-09', '2026-10']));
    const transcripts = await env.rt.analytics.rows(
      'SELECT call_id, language, segment_count::INTEGER AS segments FROM transcripts ORDER BY call_id',
    );
    expect(transcripts.map((t) => t.call_id)).toEqual(recorded.map((c) => c.call_id));
    for (const [i, t] of transcripts.entries()) {
      const script = scriptOf(recorded[i]?.recording ?? '');
      expect([t.language, t.segments], String(t.call_id)).toEqual([
        script?.language,
        script?.segments.length,
      ]);
    }
    // The recording a call gets suits it: an outbound dialogue for an outbound call.
    const [mismatched] = await env.rt.analytics.rows(
      `SELECT count(*)::INTEGER AS n FROM calls
        WHERE recording IS NOT NULL AND direction = 'outbound'
          AND recording NOT IN ('demo/call-03.ogg', 'demo/call-06.ogg', 'demo/call-09.ogg',
                                'demo/call-12.ogg', 'demo/call-15.ogg', 'demo/call-18.ogg')`,
    );
    expect(mismatched).toEqual({ n: 0 });
  });

  it("checks every transcribed call of every month, mostly as its dialogue's labels say", async () => {
    const rules = await currentRuleSet(env.rt.db);
    const intro = rules.checks.find((c) => c.key === 'introduction');
    expect(intro && 'companyNames' in intro ? intro.companyNames : []).toEqual(DEMO_COMPANY_NAMES);
    const results = (await env.rt.analytics.rows(
      'SELECT call_id, check_key, result FROM autoqa_results WHERE rules_version = $v',
      { v: rules.version },
    )) as { call_id: string; check_key: string; result: string }[];
    const recorded = await recordedCalls();
    expect(results).toHaveLength(recorded.length * rules.checks.length);

    const calls = new Map(recorded.map((c) => [c.call_id, c]));
    let agree = 0;
    let total = 0;
    for (const r of results) {
      const call = calls.get(r.call_id);
      const script = scriptOf(call?.recording ?? '');
      // A call's client may be of another type than the dialogue's: the traditional products differ.
      if (r.check_key === 'traditional-product' && call?.client_type !== script?.clientType) continue;
      total++;
      if (script?.expected[r.check_key] === r.result) agree++;
    }
    expect(agree / total).toBeGreaterThan(0.97);

    const runs = await env.rt.db
      .selectFrom('audit_log')
      .select(['actor', 'entity_id'])
      .where('entity', '=', 'autoqa')
      .where('action', '=', 'run')
      .execute();
    expect(runs).toEqual([
      { actor: 'demo', entity_id: '2026-09' },
      { actor: 'demo', entity_id: '2026-10' },
    ]);
  });

  it('has the monitors agree with the dialogues on about 9 answers in 10 of the questions bound to checks', async () => {
    const recorded = new Map((await recordedCalls()).map((c) => [c.call_id, c]));
    const forms = await env.rt.db.selectFrom('forms').selectAll().execute();
    const defs = new Map(forms.map((f) => [f.id, definitionOf(f)]));
    const evaluations = await env.rt.db
      .selectFrom('evaluations')
      .select(['call_id', 'form_id', 'answers'])
      .where('answers', 'is not', null)
      .execute();
    let agree = 0;
    let total = 0;
    for (const e of evaluations) {
      const script = scriptOf(recorded.get(e.call_id)?.recording ?? '');
      const def = defs.get(e.form_id as number);
      if (!script || !def) continue;
      const answers = JSON.parse(e.answers ?? '{}') as Answers;
      for (const q of boundQuestions(def)) {
        const expected = script.expected[q.auto?.check ?? ''];
        const heard = answerResult(q, answers[q.id]);
        if (expected === undefined || heard === undefined || expected === 'na') continue;
        total++;
        if (heard === expected) agree++;
      }
    }
    expect(total).toBeGreaterThan(100);
    expect(agree / total).toBeGreaterThan(0.8);
    expect(agree / total).toBeLessThan(0.97);
  });
});
