import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallAutoqaResponse, CheckDef, RuleSetResponse } from '../../schemas/autoqa.ts';
import type { RuleTestResponse } from '../../schemas/autoqa-test.ts';
import { loadAutoqaSample } from '../helpers/autoqa.ts';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
const cookies: Record<string, string> = {};
let checks: CheckDef[];

const send = async (who: string, path: string, body?: unknown) => {
  const res = await env.app.request(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie: cookies[who] as string, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
};

const results = (r: RuleTestResponse) => Object.fromEntries(r.checks.map((c) => [c.key, c.result]));
const storedResults = async () =>
  Number((await env.rt.analytics.rows('SELECT count(*) AS n FROM autoqa_results'))[0]?.n);

const PASTED = [
  '[00:00] agent: Howdy, Nord Distribution, Sarah speaking.',
  '[00:04] customer: Hi, I need sugar, ten bags, and sunflower oil, five boxes.',
  '[00:10] agent: So that is sugar, ten bags, and sunflower oil, five boxes.',
  '[00:30] agent: We deliver tomorrow at ten. Thank you, goodbye.',
].join('\n');

/** The draft: the default rule set with "howdy" added to the English greetings. */
const withHowdy = (all: CheckDef[]) =>
  all.map((c) =>
    c.key === 'greeting' && c.kind === 'opening-phrase'
      ? {
          ...c,
          phrases: { phrases: { ...c.phrases.phrases, en: [...(c.phrases.phrases.en ?? []), 'howdy'] } },
        }
      : c,
  );

beforeAll(async () => {
  env = await testEnv();
  await loadAutoqaSample(env.rt);
  for (const [who, role, op] of [
    ['lead', 'qa_lead', null],
    ['monitor', 'qa', null],
    ['ru1', 'operator', 'OP-RU1'],
  ] as const) {
    cookies[who] = await signIn(env, who, await addUser(env, who, role, op));
  }
  checks = ((await send('monitor', '/api/autoqa/rules')).body as RuleSetResponse).ruleSet.checks;
}, 60_000);
afterAll(() => env.dispose());

describe('the rule test (POST /api/autoqa/rules/test)', () => {
  it('checks a pasted transcript under the draft rule set, stores nothing, within a second', async () => {
    const before = await storedResults();
    const source = {
      from: 'text',
      text: PASTED,
      language: 'en',
      clientType: 'market_trader',
      date: '2026-10-12',
    };
    const plain = await send('monitor', '/api/autoqa/rules/test', { checks, source });
    expect(plain.status).toBe(200);
    const body = plain.body as RuleTestResponse;
    expect(body.segments).toHaveLength(4);
    expect(body.segments[0]).toMatchObject({ seq: 1, speaker: 'agent', startS: 0, endS: 3.7 });
    expect(body.date).toBe('2026-10-12');
    expect(results(body)).toMatchObject({ greeting: 'fail', 'read-back': 'pass', farewell: 'pass' });
    // The answer says how long the test took (the page shows it); its speed is a benchmark's matter.
    expect(body.ms).toBeGreaterThanOrEqual(0);
    // The same words under a draft that knows "howdy": the greeting passes, on the first segment.
    const edited = (await send('monitor', '/api/autoqa/rules/test', { checks: withHowdy(checks), source }))
      .body as RuleTestResponse;
    const greeting = edited.checks.find((c) => c.key === 'greeting');
    expect(greeting).toMatchObject({ result: 'pass', evidence: { segments: [{ seq: 1, phrase: 'howdy' }] } });
    expect(await storedResults()).toBe(before);
  });

  it('reads a canonical JSON transcript, and takes the debt the tester gives', async () => {
    const json = JSON.stringify({
      segments: [
        { speaker: 'agent', start_s: 0, end_s: 3, text: 'Good morning, Nord Distribution.' },
        { speaker: 'customer', start_s: 3.5, end_s: 6, text: 'I need flour.' },
      ],
    });
    const owed = await send('monitor', '/api/autoqa/rules/test', {
      checks,
      source: { from: 'text', text: json, language: 'en', debt: true },
    });
    expect(owed.status).toBe(200);
    expect(results(owed.body as RuleTestResponse)).toMatchObject({ greeting: 'pass', 'debt-check': 'fail' });
    const none = await send('monitor', '/api/autoqa/rules/test', {
      checks,
      source: { from: 'text', text: json, language: 'en' },
    });
    expect(results(none.body as RuleTestResponse)['debt-check']).toBe('na');
  });

  it('gives a stored call the results the run stores for it', async () => {
    expect((await send('lead', '/api/autoqa/run?period=2026-10', {})).status).toBe(200);
    for (const id of ['SH-EN-01', 'SH-EN-02', 'SH-RU-01', 'SH-RU-04', 'SH-RO-01', 'SH-RO-03']) {
      const stored = (await send('monitor', `/api/autoqa/calls/${id}`)).body as CallAutoqaResponse;
      const tested = await send('lead', '/api/autoqa/rules/test', {
        checks,
        source: { from: 'call', callId: id },
      });
      expect(tested.status).toBe(200);
      const body = tested.body as RuleTestResponse;
      expect(body.callId).toBe(id);
      // The same results on the same segments and products (of two names heard at one place, the
      // engine may quote either).
      const decided = (cs: typeof stored.checks) =>
        cs.map((c) => ({
          key: c.key,
          result: c.result,
          count: c.evidence.count,
          window: c.evidence.window,
          heard: c.evidence.segments?.map((e) => `${e.seq}:${e.productId ?? ''}`).sort(),
        }));
      expect(decided(body.checks)).toEqual(decided(stored.checks));
      expect(body.ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('answers a bad transcript with a 400 naming its line, and refuses whom it should', async () => {
    const bad = await send('monitor', '/api/autoqa/rules/test', {
      checks,
      source: { from: 'text', text: 'agent: hello\n\nnobody said this', language: 'en' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { message: string } }).error.message).toMatch(/^line 3: /);
    const backwards = await send('monitor', '/api/autoqa/rules/test', {
      checks,
      source: { from: 'text', text: '[00:10] agent: hello\n[00:05] customer: hi', language: 'en' },
    });
    expect((backwards.body as { error: { message: string } }).error.message).toMatch(
      /^line 2: starts at 5 s/,
    );
    const badJson = await send('monitor', '/api/autoqa/rules/test', {
      checks,
      source: { from: 'text', text: '{"segments": [{"speaker": "agent", "text": "hi"}]}', language: 'en' },
    });
    expect((badJson.body as { error: { message: string } }).error.message).toMatch(/^segment 1: /);
    const badRules = await send('monitor', '/api/autoqa/rules/test', {
      checks: [{ ...checks[0], params: { windowSeconds: -1 } }],
      source: { from: 'text', text: 'agent: hello', language: 'en' },
    });
    expect(badRules.status).toBe(400);
    expect((badRules.body as { error: { message: string } }).error.message).toMatch(/windowSeconds/);
    // An operator does not test rules; a call nobody may read is answered as one that does not exist.
    expect(
      (await send('ru1', '/api/autoqa/rules/test', { checks, source: { from: 'call', callId: 'SH-RU-01' } }))
        .status,
    ).toBe(403);
    const missing = await send('monitor', '/api/autoqa/rules/test', {
      checks,
      source: { from: 'call', callId: 'NOPE' },
    });
    expect(missing.status).toBe(404);
  });
});
