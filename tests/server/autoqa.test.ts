import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOUND_FORM } from '../../fixtures/demo/forms.ts';
import type {
  AutoqaResultsResponse,
  AutoqaRunResponse,
  CallAutoqaResponse,
  RuleSetResponse,
} from '../../schemas/autoqa.ts';
import { DEFAULT_CHECK_KEYS } from '../../schemas/autoqa-rules.ts';
import { listAuditEntries } from '../../server/audit/audit.repository.ts';
import { archiveForm, createForm } from '../../server/forms/forms.service.ts';
import { loadAutoqaSample } from '../helpers/autoqa.ts';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
const cookies: Record<string, string> = {};

const send = async (who: string, path: string, init: { method?: string; body?: unknown } = {}) => {
  const res = await env.app.request(path, {
    method: init.method ?? 'GET',
    headers: { cookie: cookies[who] as string, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
};

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
}, 60_000);
afterAll(() => env.dispose());

describe('the AutoQA API', () => {
  it('runs the checks of a month for a QA lead, audited, and refuses a bad period with a 400', async () => {
    const bad = await send('lead', '/api/autoqa/run?period=2026-13', { method: 'POST' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'bad_request' } });
    expect((await send('monitor', '/api/autoqa/run?period=2026-10', { method: 'POST' })).status).toBe(403);
    const run = await send('lead', '/api/autoqa/run?period=2026-10', { method: 'POST' });
    expect(run.status).toBe(200);
    expect(run.body as AutoqaRunResponse).toEqual({
      period: '2026-10',
      rulesVersion: 1,
      transcribed: 36,
      checked: 36,
    });
    const audit = await listAuditEntries(env.rt.db, { entity: 'autoqa', limit: 5 });
    expect(audit.map((e) => [e.actor, e.action, e.entityId])).toEqual([['lead', 'run', '2026-10']]);
  });

  it("gives a call's checks with the evidence that decided them, to whoever may read the call", async () => {
    const r = await send('ru1', '/api/autoqa/calls/SH-RU-01');
    expect(r.status).toBe(200);
    const body = r.body as CallAutoqaResponse;
    expect(body.checks.map((c) => c.key)).toEqual(DEFAULT_CHECK_KEYS);
    const upsell = body.checks.find((c) => c.key === 'upsell-offers');
    expect(upsell?.result).toBe('pass');
    expect(upsell?.labels.ru).toBe('Предложены ещё позиции');
    expect(upsell?.evidence.segments?.map((s) => s.productId).sort()).toEqual(['P01', 'P09', 'P13', 'P15']);
    expect(upsell?.evidence.segments?.[0]).toMatchObject({ seq: 6, startS: 22.23 });
    const greeting = body.checks.find((c) => c.key === 'greeting');
    expect(greeting?.evidence.segments?.[0]).toMatchObject({ seq: 1, phrase: 'доброе утро' });
    // Another operator's call is not his to read: answered as if it did not exist.
    const other = await send('ru1', '/api/autoqa/calls/SH-RU-02');
    expect(other.status).toBe(404);
    const list = await send('ru1', '/api/autoqa/results?period=2026-10');
    const own = (list.body as AutoqaResultsResponse).calls;
    expect(own.map((c) => c.callId)).toEqual(['SH-RU-01', 'SH-RU-05', 'SH-RU-09']);
    expect(new Set(own.map((c) => c.operatorId))).toEqual(new Set(['OP-RU1']));
    const all = await send('monitor', '/api/autoqa/results?period=2026-10');
    expect((all.body as AutoqaResultsResponse).calls).toHaveLength(36);
  });

  it('keeps every edit of the rule set as a new version, the QA lead only, and re-checks under it', async () => {
    const current = (await send('monitor', '/api/autoqa/rules')).body as RuleSetResponse;
    expect(current.ruleSet.version).toBe(1);
    const checks = current.ruleSet.checks.map((c) =>
      c.key === 'introduction' && c.kind === 'opening-phrase'
        ? { ...c, companyNames: ['Nord Distribution', 'Норд Дистрибьюшн'] }
        : c,
    );
    expect((await send('monitor', '/api/autoqa/rules', { method: 'PUT', body: { checks } })).status).toBe(
      403,
    );
    const dup = await send('lead', '/api/autoqa/rules', {
      method: 'PUT',
      body: { checks: [...checks, checks[0]] },
    });
    expect(dup.status).toBe(400);
    expect(JSON.stringify(dup.body)).toMatch(/is used twice/);
    const saved = await send('lead', '/api/autoqa/rules', { method: 'PUT', body: { checks } });
    expect(saved.status).toBe(200);
    expect((saved.body as RuleSetResponse).ruleSet).toMatchObject({ version: 2, createdBy: 'lead' });
    const audit = await listAuditEntries(env.rt.db, { entity: 'autoqa_rule_set', limit: 5 });
    expect(audit[0]).toMatchObject({ actor: 'lead', action: 'update', entityId: '2' });
    const run = await send('lead', '/api/autoqa/run?period=2026-10', { method: 'POST' });
    expect(run.body).toMatchObject({ rulesVersion: 2, checked: 36 });
    const call = (await send('monitor', '/api/autoqa/calls/SH-RU-01')).body as CallAutoqaResponse;
    expect(call.rulesVersion).toBe(2);
    expect(call.checks.find((c) => c.key === 'introduction')?.result).toBe('pass');
  });

  it('refuses to drop a check that a published form answers from, naming the question, with a 409', async () => {
    const form = await createForm(
      env.rt.db,
      { ...INBOUND_FORM, definition: INBOUND_FORM.definition },
      'test',
    );
    const { ruleSet } = (await send('monitor', '/api/autoqa/rules')).body as RuleSetResponse;
    const without = ruleSet.checks.filter((c) => c.key !== 'farewell');
    const refused = await send('lead', '/api/autoqa/rules', { method: 'PUT', body: { checks: without } });
    expect(refused.status).toBe(409);
    expect((refused.body as { error: { message: string } }).error.message).toMatch(
      /question "polite_close" of the form "Inbound order call" is answered by the check "farewell"/,
    );
    // Once the form is archived nothing answers from the check, and it may go.
    await archiveForm(env.rt.db, form.id, 'test');
    const saved = await send('lead', '/api/autoqa/rules', { method: 'PUT', body: { checks: without } });
    expect(saved.status).toBe(200);
  });
});
