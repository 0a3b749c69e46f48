import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PassRatesResponse } from '../../schemas/autoqa-pass-rates.ts';
import { DEFAULT_CHECK_KEYS } from '../../schemas/autoqa-rules.ts';
import { runAutoqa } from '../../server/autoqa/run.ts';
import { createUser } from '../../server/users/users.service.ts';
import { loadAutoqaSample, nameTheCompany } from '../helpers/autoqa.ts';
import { addUser, importCsv, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * Each check's pass rate per operator and team, on the hand-labelled sample (36 calls, teams T-EN,
 * T-RU, T-RO of four operators each). The figures below are counted by hand off
 * tests/fixtures/autoqa/expected.json, which the checks agree with on every call.
 */

let env: TestEnv;
const cookies: Record<string, string> = {};

const get = async (who: string, path: string) => {
  const res = await env.app.request(path, { headers: { cookie: cookies[who] as string } });
  return { status: res.status, body: (await res.json()) as PassRatesResponse & { error?: unknown } };
};
const check = (g: { checks: PassRatesResponse['total']['checks'] }, key: string) =>
  g.checks.find((c) => c.key === key);

beforeAll(async () => {
  env = await testEnv();
  await loadAutoqaSample(env.rt);
  await nameTheCompany(env.rt);
  await runAutoqa(env.rt, '2026-10');
  // A team of the same department without a transcribed call: no figures, so no row.
  await importCsv(env, 'teams', 'teams-quiet.csv', 'team_id,name,department\nT-QUIET,Quiet desk,Sales\n');
  await importCsv(
    env,
    'operators',
    'operators-quiet.csv',
    'operator_id,name,team_id,pbx_ids,hired_on,active\nOP-Q1,Quiet One,T-QUIET,,2025-01-01,true\n',
  );
  for (const [who, role, op] of [
    ['monitor', 'qa', null],
    ['head', 'head', null],
    ['ru1', 'operator', 'OP-RU1'],
    ['payroll', 'payroll', null],
  ] as const) {
    cookies[who] = await signIn(env, who, await addUser(env, who, role, op));
  }
  const password = 'pw-teamlead-secret';
  await createUser(env.rt.db, { username: 'rulead', role: 'head', team: 'T-RU', password }, 'test');
  cookies.rulead = await signIn(env, 'rulead', password);
}, 120_000);
afterAll(() => env.dispose());

describe('GET /api/autoqa/pass-rates', () => {
  it('counts each check over the month, per team and per operator, as counted by hand', async () => {
    const r = await get('head', '/api/autoqa/pass-rates?period=2026-10');
    expect(r.status).toBe(200);
    const b = r.body;
    expect(b.rulesVersion).toBe(2);
    expect(b.checks.map((c) => c.key)).toEqual(DEFAULT_CHECK_KEYS);
    expect(b.checks.find((c) => c.key === 'greeting')?.labels.ro).toBeTruthy();
    expect(b.total.calls).toBe(36);
    expect(check(b.total, 'greeting')).toEqual({ key: 'greeting', pass: 24, fail: 12, na: 0, rate: 24 / 36 });
    expect(check(b.total, 'debt-check')).toEqual({
      key: 'debt-check',
      pass: 10,
      fail: 9,
      na: 17,
      rate: 10 / 19,
    });
    expect(check(b.total, 'read-back')).toMatchObject({ pass: 12, fail: 12, na: 12, rate: 0.5 });
    expect(b.teams.map((t) => [t.teamId, t.name, t.calls])).toEqual([
      ['T-EN', 'Desk EN', 12],
      ['T-RO', 'Desk RO', 12],
      ['T-RU', 'Desk RU', 12],
    ]);
    const en = b.teams.find((t) => t.teamId === 'T-EN');
    expect(check(en ?? b.total, 'debt-check')).toMatchObject({ pass: 4, fail: 3, na: 5 });
    const ru = b.teams.find((t) => t.teamId === 'T-RU');
    expect(check(ru ?? b.total, 'upsell-offers')).toMatchObject({ pass: 4, fail: 5, na: 3, rate: 4 / 9 });
    expect(b.operators).toHaveLength(12);
    const ru2 = b.operators.find((o) => o.operatorId === 'OP-RU2');
    expect(ru2?.calls).toBe(3);
    expect(check(ru2 ?? b.total, 'greeting')).toMatchObject({ pass: 1, fail: 2, na: 0, rate: 1 / 3 });
    expect(check(ru2 ?? b.total, 'upsell-offers')).toMatchObject({ pass: 0, fail: 2, na: 1, rate: 0 });
    expect(check(ru2 ?? b.total, 'debt-check')).toMatchObject({ pass: 1, fail: 1, na: 1, rate: 0.5 });
  });

  it('narrows to a team, and gives no rate where a check never applied', async () => {
    const b = (await get('monitor', '/api/autoqa/pass-rates?period=2026-10&team=T-RO')).body;
    expect(b.total.calls).toBe(12);
    expect(b.teams.map((t) => t.teamId)).toEqual(['T-RO']);
    expect(new Set(b.operators.map((o) => o.teamId))).toEqual(new Set(['T-RO']));
    expect(check(b.total, 'debt-check')).toMatchObject({ pass: 3, fail: 3, na: 6 });
    const sales = (await get('monitor', '/api/autoqa/pass-rates?period=2026-10&department=Sales')).body;
    expect(sales.total.calls).toBe(36);
    const none = (await get('monitor', '/api/autoqa/pass-rates?period=2026-10&department=Service')).body;
    expect([none.total.calls, none.teams.length]).toEqual([0, 0]);
    const empty = (await get('monitor', '/api/autoqa/pass-rates?period=2026-09')).body;
    expect(empty.total.calls).toBe(0);
    expect(empty.operators).toEqual([]);
    expect(check(empty.total, 'greeting')).toEqual({ key: 'greeting', pass: 0, fail: 0, na: 0, rate: null });
  });

  it('gives an operator only himself, beside his team counted whole', async () => {
    const own = await get('ru1', '/api/autoqa/pass-rates?period=2026-10');
    expect(own.status).toBe(200);
    expect(own.body.operators.map((o) => o.operatorId)).toEqual(['OP-RU1']);
    expect(own.body.total.calls).toBe(3);
    expect(check(own.body.total, 'upsell-offers')).toMatchObject({ pass: 2, fail: 1, na: 0 });
    expect(own.body.teams.map((t) => [t.teamId, t.calls])).toEqual([['T-RU', 12]]);
    // Another operator, or a team that is not his, reads as nothing of his.
    const other = await get('ru1', '/api/autoqa/pass-rates?period=2026-10&operator=OP-RU2');
    expect(other.status).toBe(404);
    expect(other.body.error).toMatchObject({ code: 'not_found' });
    const team = await get('ru1', '/api/autoqa/pass-rates?period=2026-10&team=T-EN');
    expect(team.body.operators).toEqual([]);
    expect(team.body.teams).toEqual([]);
    expect(team.body.total.calls).toBe(0);
  });

  it('gives a head limited to a team only that team', async () => {
    const b = (await get('rulead', '/api/autoqa/pass-rates?period=2026-10')).body;
    expect(b.teams.map((t) => t.teamId)).toEqual(['T-RU']);
    expect(b.operators.map((o) => o.operatorId).sort()).toEqual(['OP-RU1', 'OP-RU2', 'OP-RU3', 'OP-RU4']);
    expect(b.total.calls).toBe(12);
    expect((await get('rulead', '/api/autoqa/pass-rates?period=2026-10&operator=OP-EN1')).status).toBe(404);
    const en = (await get('rulead', '/api/autoqa/pass-rates?period=2026-10&team=T-EN')).body;
    expect([en.total.calls, en.operators.length, en.teams.length]).toEqual([0, 0, 0]);
    // The operator page's call: one operator beside his team.
    const one = (await get('rulead', '/api/autoqa/pass-rates?period=2026-10&operator=OP-RU2')).body;
    expect(one.operators.map((o) => o.operatorId)).toEqual(['OP-RU2']);
    expect(one.teams.map((t) => [t.teamId, t.calls])).toEqual([['T-RU', 12]]);
  });

  it('refuses a bad period with a 400 and a role that reads no checks with a 403', async () => {
    const bad = await get('head', '/api/autoqa/pass-rates?period=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_request' });
    expect((await get('head', '/api/autoqa/pass-rates')).status).toBe(400);
    expect((await get('payroll', '/api/autoqa/pass-rates?period=2026-10')).status).toBe(403);
  });
});
