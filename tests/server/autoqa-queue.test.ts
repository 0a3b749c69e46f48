import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOUND_FORM } from '../../fixtures/demo/forms.ts';
import type { CallsResponse, SampleResponse } from '../../schemas/calls.ts';
import { formDefinition } from '../../schemas/forms.ts';
import { runAutoqa } from '../../server/autoqa/run.ts';
import { archiveForm, createForm } from '../../server/forms/forms.service.ts';
import { AUTOQA_SAMPLE, loadAutoqaSample, nameTheCompany } from '../helpers/autoqa.ts';
import { addUser, signIn, type TestEnv, tempDir, testEnv } from '../helpers/runtime.ts';

/**
 * The call queue's filter by check result and the targeted sample, on the hand-labelled AutoQA
 * sample (tests/fixtures/autoqa/expected.json, which the checks agree with on every call). Its
 * calls are given recordings here, as only recorded calls are sampled.
 */

let env: TestEnv;
const cookies: Record<string, string> = {};

const get = async <T>(who: string, path: string) => {
  const res = await env.app.request(path, { headers: { cookie: cookies[who] as string } });
  return {
    status: res.status,
    body: (await res.json()) as T & { error?: { code: string; message: string } },
  };
};
const ids = (r: { body: CallsResponse }) => r.body.calls.map((c) => c.callId).sort();

/** An outbound form whose critical question AutoQA answers with `traditional-product`. */
const OUTBOUND_CRITICAL = formDefinition.parse({
  autoFor: 'outbound',
  sections: [
    {
      id: 'offer',
      title: 'Offer',
      questions: [
        {
          id: 'traditional',
          text: "Offered a product traditional for the client's type",
          type: 'yes_no',
          weight: 1,
          critical: 'section',
          auto: { check: 'traditional-product' },
        },
      ],
    },
  ],
});

let outboundFormId = 0;

beforeAll(async () => {
  env = await testEnv();
  const dir = tempDir('callscore-aq-sample-');
  cpSync(AUTOQA_SAMPLE, dir, { recursive: true });
  const calls = path.join(dir, 'calls.csv');
  const lines = readFileSync(calls, 'utf8').trimEnd().split('\n');
  writeFileSync(
    calls,
    `${[lines[0], ...lines.slice(1).map((l) => `${l}rec/${l.split(',')[0]}.wav`)].join('\n')}\n`,
  );
  await loadAutoqaSample(env.rt, dir);
  await nameTheCompany(env.rt);
  await runAutoqa(env.rt, '2026-10');
  // The demo's inbound form binds debt-check to a form-critical question.
  await createForm(
    env.rt.db,
    { name: INBOUND_FORM.name, description: null, definition: INBOUND_FORM.definition },
    'test',
  );
  outboundFormId = (
    await createForm(
      env.rt.db,
      { name: 'Outbound check', description: null, definition: OUTBOUND_CRITICAL },
      'test',
    )
  ).id;
  for (const [who, role, op] of [
    ['monitor', 'qa', null],
    ['lead', 'qa_lead', null],
    ['ru1', 'operator', 'OP-RU1'],
  ] as const) {
    cookies[who] = await signIn(env, who, await addUser(env, who, role, op));
  }
}, 120_000);
afterAll(() => env.dispose());

describe('the call search by check result', () => {
  it('finds the calls that failed a check, gave it na, or failed any check', async () => {
    const debt = await get<CallsResponse>(
      'monitor',
      '/api/calls?period=2026-10&check=debt-check&checkResult=fail',
    );
    expect(debt.status).toBe(200);
    expect(ids(debt)).toEqual([
      'SH-EN-04',
      'SH-EN-08',
      'SH-EN-09',
      'SH-RO-05',
      'SH-RO-07',
      'SH-RO-10',
      'SH-RU-08',
      'SH-RU-09',
      'SH-RU-10',
    ]);
    // A check without a result means its failures.
    expect(ids(await get<CallsResponse>('monitor', '/api/calls?period=2026-10&check=debt-check'))).toEqual(
      ids(debt),
    );
    const na = await get<CallsResponse>(
      'monitor',
      '/api/calls?period=2026-10&check=debt-check&checkResult=na&team=T-RU',
    );
    expect(na.body.total).toBe(6);
    const pass = await get<CallsResponse>(
      'monitor',
      '/api/calls?period=2026-10&check=greeting&checkResult=pass',
    );
    expect(pass.body.total).toBe(24);
    // Any check failed: every call but the five that failed none.
    const any = await get<CallsResponse>('monitor', '/api/calls?period=2026-10&checkResult=fail&limit=100');
    expect(any.body.total).toBe(31);
    expect(any.body.calls.map((c) => c.callId)).not.toContain('SH-EN-01');
  });

  it("lists each call's failed checks in the rule set's order", async () => {
    const r = await get<CallsResponse>('monitor', '/api/calls?period=2026-10&team=T-RU&limit=100');
    const by = new Map(r.body.calls.map((c) => [c.callId, c.failedChecks]));
    expect(by.get('SH-RU-06')).toBe('new-product traditional-product upsell-offers delivery-agreed');
    expect(by.get('SH-RU-01')).toBe('');
  });

  it("keeps to the caller's scope and refuses an unknown check or result with a 400", async () => {
    const own = await get<CallsResponse>('ru1', '/api/calls?period=2026-10&check=debt-check');
    expect(ids(own)).toEqual(['SH-RU-09']);
    const unknown = await get<CallsResponse>('monitor', '/api/calls?period=2026-10&check=no-such-check');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toMatch(/no-such-check.*rule set in force/);
    const bad = await get<CallsResponse>(
      'monitor',
      '/api/calls?period=2026-10&check=greeting&checkResult=maybe',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/checkResult/);
  });
});

describe('the targeted sample', () => {
  const sample = async (q: string) => {
    const r = await get<SampleResponse>('monitor', `/api/calls/sample?period=2026-10&${q}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const calls = (s: SampleResponse, op: string) => s.operators.find((o) => o.operatorId === op)?.calls ?? [];

  it('takes first the calls that failed the chosen check and says so; the rest by the usual rules', async () => {
    const s = await sample('failedCheck=debt-check&perOperator=2');
    expect(s.targeted).toEqual({
      check: 'debt-check',
      critical: false,
      inbound: ['debt-check'],
      outbound: ['debt-check'],
    });
    // OP-EN4 failed debt-check on two calls of his three: both, before anything else.
    expect(
      calls(s, 'OP-EN4')
        .map((c) => [c.callId, c.reason, c.failedChecks])
        .sort(),
    ).toEqual([
      ['SH-EN-04', 'failed-check', ['debt-check']],
      ['SH-EN-08', 'failed-check', ['debt-check']],
    ]);
    // OP-RU1 failed it once: that call first, then one drawn.
    const ru1 = calls(s, 'OP-RU1');
    expect(ru1.map((c) => [c.callId, c.reason])[0]).toEqual(['SH-RU-09', 'failed-check']);
    expect(ru1[1]?.reason).toBe('drawn');
    expect(ru1[1]?.failedChecks).toEqual([]);
    // OP-RO4 never failed it: a sample as without targeting.
    const plain = await sample('perOperator=2');
    expect(plain.targeted).toBeNull();
    expect(calls(s, 'OP-RO4')).toEqual(calls(plain, 'OP-RO4'));
    expect(calls(plain, 'OP-RU1').every((c) => c.reason === 'drawn')).toBe(true);
  });

  it('takes first the calls that failed a critical check of a form scoring their direction', async () => {
    const s = await sample('failedCritical=true&perOperator=3');
    expect(s.targeted).toEqual({
      check: null,
      critical: true,
      inbound: ['debt-check'],
      outbound: ['traditional-product'],
    });
    // OP-RU2: his outbound call failed traditional-product, an inbound one debt-check; SH-RU-02
    // failed traditional-product too, but no form makes it critical on an inbound call.
    const ru2 = calls(s, 'OP-RU2');
    expect(
      ru2
        .slice(0, 2)
        .map((c) => [c.callId, c.reason, c.failedChecks])
        .sort(),
    ).toEqual([
      ['SH-RU-06', 'failed-check', ['traditional-product']],
      ['SH-RU-10', 'failed-check', ['debt-check']],
    ]);
    expect(ru2[2]).toMatchObject({ callId: 'SH-RU-02', reason: 'drawn', failedChecks: [] });
    // An archived form no longer makes its checks critical.
    await archiveForm(env.rt.db, outboundFormId, 'test');
    const after = await sample('failedCritical=true&perOperator=1');
    expect(after.targeted?.outbound).toEqual([]);
    expect(calls(after, 'OP-RU2').map((c) => [c.callId, c.reason])).toEqual([['SH-RU-10', 'failed-check']]);
  });

  it('is what an even split among monitors gives out', async () => {
    const res = await env.app.request('/api/calls/assignments', {
      method: 'POST',
      headers: { cookie: cookies.lead as string, 'content-type': 'application/json' },
      body: JSON.stringify({
        period: '2026-10',
        monitors: ['monitor'],
        sample: { team: 'T-EN', perOperator: 1, failedCheck: 'debt-check' },
      }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { created: { callId: string }[] };
    const given = body.created.map((a) => a.callId).sort();
    expect(given).toHaveLength(4);
    // OP-EN1 and OP-EN4 failed debt-check: one such call each is among those given out.
    expect(given.filter((id) => ['SH-EN-04', 'SH-EN-08'].includes(id))).toHaveLength(1);
    expect(given).toContain('SH-EN-09');
  });

  it('refuses an unknown check, or a check and critical together, with a 400', async () => {
    const unknown = await get<SampleResponse>(
      'monitor',
      '/api/calls/sample?period=2026-10&failedCheck=nope-check',
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toMatch(/nope-check/);
    const both = await get<SampleResponse>(
      'monitor',
      '/api/calls/sample?period=2026-10&failedCheck=greeting&failedCritical=true',
    );
    expect(both.status).toBe(400);
    expect(both.body.error?.message).toMatch(/not both/);
  });
});
