import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { autoAnswers } from '../../core/auto-answer.ts';
import { scoreAnswers } from '../../core/form-score.ts';
import { INBOUND_FORM, OUTBOUND_FORM } from '../../fixtures/demo/forms.ts';
import type { FormDefinition } from '../../schemas/forms.ts';
import { autoqaRows } from '../../server/autoqa/autoqa.service.ts';
import { runAutoqa } from '../../server/autoqa/run.ts';
import { autoqaTable } from '../../server/cli/commands/autoqa.ts';
import { archiveForm, createForm, getForm } from '../../server/forms/forms.service.ts';
import { loadAutoqaSample } from '../helpers/autoqa.ts';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * AutoQA's auto evaluations on the labelled sample (33 inbound, 3 outbound calls): each checked
 * call scored on its direction's form from its own results, by the one score function.
 */

let env: TestEnv;
let inboundId: number;
let outboundId: number;
let cookie: string;

const directions = new Map<string, string>();
const stored = () =>
  env.rt.analytics.rows(
    `SELECT call_id, form_id, rules_version, score, critical_failed, answers, scored_at::VARCHAR AS scored_at
     FROM autoqa_evaluations ORDER BY call_id`,
  );

beforeAll(async () => {
  env = await testEnv();
  await loadAutoqaSample(env.rt);
  for (const r of await env.rt.analytics.rows('SELECT call_id, direction FROM calls'))
    directions.set(String(r.call_id), String(r.direction));
  inboundId = (await createForm(env.rt.db, { ...INBOUND_FORM, definition: INBOUND_FORM.definition }, 'test'))
    .id;
  outboundId = (
    await createForm(env.rt.db, { ...OUTBOUND_FORM, definition: OUTBOUND_FORM.definition }, 'test')
  ).id;
  await addUser(env, 'lead', 'qa_lead');
  cookie = await signIn(env, 'lead', 'pw-lead-secret');
  await runAutoqa(env.rt, '2026-10');
}, 120_000);

afterAll(async () => {
  await env?.dispose();
});

/** What the call's results give on the form: the expected answers, scored by the one function. */
function expectedScore(def: FormDefinition, checks: Record<string, 'pass' | 'fail' | 'na'>) {
  return scoreAnswers(def, autoAnswers(def, checks));
}

describe('auto evaluations', () => {
  test('every checked call has one, on its direction form, with the score of its expected answers', async () => {
    const rows = await autoqaRows(env.rt, '2026-10');
    expect(rows).toHaveLength(36);
    const byCall = new Map((await stored()).map((r) => [String(r.call_id), r]));
    expect(byCall.size).toBe(36);
    let scored = 0;
    for (const row of rows) {
      const inbound = directions.get(row.callId) === 'inbound';
      const def = (inbound ? INBOUND_FORM : OUTBOUND_FORM).definition;
      const expected = expectedScore(def, row.checks);
      expect(row.autoScore, row.callId).toBe(expected.score);
      const s = byCall.get(row.callId);
      expect(s?.form_id, row.callId).toBe(inbound ? inboundId : outboundId);
      expect(s?.critical_failed, row.callId).toBe(expected.criticalFailed);
      expect(JSON.parse(String(s?.answers)), row.callId).toEqual(autoAnswers(def, row.checks));
      if (row.autoScore !== null) scored++;
    }
    // The sample's calls all answer some bound question: every one has a score.
    expect(scored).toBe(36);
    // Not all the same: the sample has good and bad calls.
    expect(new Set(rows.map((r) => r.autoScore)).size).toBeGreaterThan(3);
  });

  test('the results API carries the auto score', async () => {
    const res = await env.app.request('/api/autoqa/results?period=2026-10', { headers: { cookie } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { calls: { callId: string; autoScore: number | null }[] };
    const rows = await autoqaRows(env.rt, '2026-10');
    expect(body.calls.map((c) => [c.callId, c.autoScore])).toEqual(rows.map((r) => [r.callId, r.autoScore]));
    expect(body.calls.every((c) => typeof c.autoScore === 'number')).toBe(true);
  });

  test('the command’s table ends each call with its auto score', async () => {
    const rows = await autoqaRows(env.rt, '2026-10');
    const lines = autoqaTable(rows).split('\n');
    expect(lines[0]).toMatch(/\sauto$/);
    const first = rows[0];
    expect(lines[1]).toMatch(new RegExp(`^${first?.callId}\\s.*\\s${first?.autoScore?.toFixed(2)}$`));
  });

  test('a second run changes nothing', async () => {
    const before = await stored();
    const run = await runAutoqa(env.rt, '2026-10');
    expect(run.checked).toBe(0);
    expect(await stored()).toEqual(before);
  });

  test('an edit of an auto-scored form is a new version, and the next run re-scores its calls on it', async () => {
    const before = new Map((await stored()).map((r) => [String(r.call_id), r]));
    // Only the read-back question, worth everything: an inbound call's score is then 100 or 0.
    const def: FormDefinition = {
      autoFor: 'inbound',
      sections: [
        {
          id: 'order',
          title: 'Order',
          questions: [
            {
              id: 'read_back',
              text: 'Read the order back',
              help: null,
              weight: 1,
              allowNa: true,
              critical: 'none',
              type: 'yes_no',
              auto: { check: 'read-back' },
            },
          ],
        },
      ],
    };
    const res = await env.app.request(`/api/forms/${inboundId}`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ definition: def }),
    });
    expect(res.status).toBe(200);
    const edited = ((await res.json()) as { form: { id: number; version: number } }).form;
    expect(edited.version).toBe(2);
    expect(edited.id).not.toBe(inboundId);
    // The old version stays as the auto evaluations scored it until the run.
    expect((await getForm(env.rt.db, inboundId)).definition.sections).toHaveLength(
      INBOUND_FORM.definition.sections.length,
    );

    const run = await runAutoqa(env.rt, '2026-10');
    expect(run.checked).toBe(0);
    const after = new Map((await stored()).map((r) => [String(r.call_id), r]));
    for (const row of await autoqaRows(env.rt, '2026-10')) {
      const s = after.get(row.callId);
      if (directions.get(row.callId) === 'inbound') {
        expect(s?.form_id, row.callId).toBe(edited.id);
        expect(row.autoScore, row.callId).toBe(expectedScore(def, row.checks).score);
        expect(row.autoScore === null || row.autoScore === 0 || row.autoScore === 100).toBe(true);
      } else {
        // Outbound calls keep their row, untouched.
        expect(s, row.callId).toEqual(before.get(row.callId));
      }
    }
  });

  test('archiving the outbound form drops its calls auto evaluations on the next run', async () => {
    await archiveForm(env.rt.db, outboundId, 'test');
    await runAutoqa(env.rt, '2026-10');
    const rows = await autoqaRows(env.rt, '2026-10');
    const outbound = rows.filter((r) => directions.get(r.callId) === 'outbound');
    expect(outbound).toHaveLength(3);
    for (const r of outbound) expect(r.autoScore).toBeNull();
    expect(await stored()).toHaveLength(33);
  });
});

describe('a form naming a check', () => {
  const form = (check: string) => ({
    name: `Bound to ${check}`,
    definition: {
      sections: [
        {
          id: 's',
          title: 'Opening',
          questions: [{ id: 'hello', text: 'Greeted', weight: 1, type: 'yes_no', auto: { check } }],
        },
      ],
    },
  });
  const post = (body: unknown) =>
    env.app.request('/api/forms', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  test('the rule set lacks: a 400 naming the question and the check', async () => {
    const res = await post(form('no-such-check'));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toContain('"hello"');
    expect(body.error.message).toContain('"no-such-check"');
  });

  test('the rule set has: saved', async () => {
    const res = await post(form('greeting'));
    expect(res.status).toBe(201);
  });

  test('an edit to a missing check is refused too', async () => {
    const created = (
      (await (await post({ ...form('farewell'), name: 'Edit me' })).json()) as { form: { id: number } }
    ).form;
    const res = await env.app.request(`/api/forms/${created.id}`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ definition: form('gone').definition }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('"gone"');
  });
});
