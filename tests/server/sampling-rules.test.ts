import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../core/time.ts';
import type {
  RefillResponse,
  SamplingRuleResponse,
  SamplingRulesResponse,
  SamplingWorklistResponse,
} from '../../schemas/sampling-rules.ts';
import { loadDemo } from '../../server/demo/load-demo.ts';
import { startSamplingTimer } from '../../server/sampling/timer.ts';
import { createUser } from '../../server/users/users.service.ts';
import { cli } from '../helpers/cli.ts';
import { client, json } from '../helpers/qa.ts';
import { signIn, type TestEnv, tempDir, testEnv } from '../helpers/runtime.ts';

/** The sampling rules' routes: who may do what, the scope of the worklist, the audit log. */

let env: TestEnv;
let users: Awaited<ReturnType<typeof loadDemo>>['users'];
const as = async (username: string) => {
  const u = users.find((x) => x.username === username);
  if (!u) throw new Error(`no demo user ${username}`);
  return client(env, await signIn(env, username, u.password));
};
const RULES = '/api/qa/sampling-rules';
const rule = {
  name: 'Three a day',
  schedule: 'daily',
  quota: 'count',
  perOperator: 3,
  monitors: [],
  capPerMonitorPerDay: 50,
};
const auditOf = (action: string) =>
  env.rt.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', 'sampling_rule')
    .where('action', '=', action)
    .execute();

beforeAll(async () => {
  env = await testEnv();
  users = (await loadDemo(env.rt, { operators: 6, month: '2026-10', seed: 5 })).users;
}, 180_000);
afterAll(() => env.dispose());

describe('sampling rules over the API', () => {
  it('a QA lead creates, edits and runs a rule; every change is audited; a date runs once', async () => {
    const lead = await as('qalead');
    const made = await json<SamplingRuleResponse>(lead.post(RULES, rule));
    expect(made.status).toBe(201);
    expect(made.body.rule).toMatchObject({
      name: 'Three a day',
      active: true,
      createdBy: 'qalead',
      lastRefill: null,
    });
    expect(await auditOf('create')).toHaveLength(1);

    const run = await json<RefillResponse>(lead.post(`${RULES}/refill`, { date: '2026-10-15' }));
    expect(run.status).toBe(200);
    const counts = run.body.results[0]?.counts;
    expect(run.body.results[0]?.ran).toBe(true);
    expect(counts?.assigned).toBeGreaterThan(0);
    expect(counts?.assigned).toBe(counts?.wanted);
    const again = await json<RefillResponse>(lead.post(`${RULES}/refill`, { date: '2026-10-15' }));
    expect(again.body.results[0]).toMatchObject({ ran: false, counts: null });
    expect(await auditOf('refill')).toHaveLength(1);
    // Each monitor given calls is told how many, once for the run.
    const told = await env.rt.db
      .selectFrom('notifications')
      .select(['username', 'params'])
      .where('kind', '=', 'worklistCalls')
      .execute();
    const given = Object.entries(counts?.perMonitor ?? {}).filter(([, n]) => n > 0);
    expect(given.length).toBeGreaterThan(0);
    expect(
      Object.fromEntries(told.map((t) => [t.username, (JSON.parse(t.params) as { count: number }).count])),
    ).toEqual(Object.fromEntries(given));

    const list = await json<SamplingRulesResponse>(lead.get(RULES));
    expect(list.body.rules[0]?.lastRefill).toMatchObject({ runOn: '2026-10-15', ranBy: 'qalead' });

    // Disabled: the timer and a run of every rule pass it by.
    const off = await json<SamplingRuleResponse>(
      lead.put(`${RULES}/${made.body.rule.id}`, { ...rule, active: false }),
    );
    expect(off.body.rule.active).toBe(false);
    expect(await auditOf('update')).toHaveLength(1);
    const none = await json<RefillResponse>(lead.post(`${RULES}/refill`, { date: '2026-10-16' }));
    expect(none.body.results).toEqual([]);
  });

  it('refuses a bad rule with a message, and other roles their changes', async () => {
    const lead = await as('qalead');
    const bad = await json<{ error: { code: string; message: string } }>(
      lead.post(RULES, { ...rule, filter: { talkMinS: 600, talkMaxS: 60 } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/talkMinS/);
    const stranger = await json<{ error: { message: string } }>(
      lead.post(RULES, { ...rule, monitors: ['head'] }),
    );
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.message).toMatch(/not QA monitors: head/);
    const noCheck = await json<{ error: { message: string } }>(
      lead.post(RULES, { ...rule, filter: { failedCheck: 'no-such-check' } }),
    );
    expect(noCheck.status).toBe(400);
    expect(noCheck.body.error.message).toMatch(/no-such-check/);
    expect((await lead.get(`${RULES}/99999`)).status).toBe(404);
    expect((await lead.post(`${RULES}/refill`, { date: '2026-02-30' })).status).toBe(400);
    expect((await (await as('qa')).post(RULES, rule)).status).toBe(403);
    expect((await (await as('head')).post(RULES, rule)).status).toBe(403);
    expect((await (await as('head')).get(RULES)).status).toBe(200);
    expect((await (await as('operator')).get(`${RULES}/worklist`)).status).toBe(403);
  });

  it('a monitor sees the calls given to him with the rule; a team head only his team’s', async () => {
    const lead = await as('qalead');
    const made = await json<SamplingRuleResponse>(
      lead.post(RULES, { ...rule, name: 'Two for all', perOperator: 2 }),
    );
    await lead.post(`${RULES}/refill`, { date: '2026-10-20', ruleId: made.body.rule.id });
    const all = (
      await json<SamplingWorklistResponse>(lead.get(`${RULES}/worklist?from=2026-10-20&to=2026-10-20`))
    ).body.items;
    expect(new Set(all.map((i) => i.monitor)).size).toBeGreaterThan(1);
    expect(all.every((i) => i.ruleName === 'Two for all' && i.runOn === '2026-10-20')).toBe(true);
    const mine = (
      await json<SamplingWorklistResponse>((await as('qa')).get(`${RULES}/worklist?monitor=qalead`))
    ).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.monitor === 'qa')).toBe(true);
    // The same calls are on the monitor's worklist of the month.
    const month = await json<{ assignments: { callId: string; rule: { name: string } | null }[] }>(
      (await as('qa')).get('/api/calls/worklist?period=2026-10'),
    );
    const onList = new Map(month.body.assignments.map((a) => [a.callId, a.rule?.name]));
    expect(mine.every((i) => onList.get(i.callId) === i.ruleName)).toBe(true);

    const team = (await env.rt.db.selectFrom('operators').select(['operator_id', 'team_id']).execute())[0];
    await createUser(
      env.rt.db,
      { username: 'teamhead', role: 'head', password: 'pw-teamhead-1', team: team?.team_id },
      'test',
    );
    const head = client(env, await signIn(env, 'teamhead', 'pw-teamhead-1'));
    const theirs = (await json<SamplingWorklistResponse>(head.get(`${RULES}/worklist`))).body.items;
    const teamOps = new Set(
      (
        await env.rt.db
          .selectFrom('operators')
          .select('operator_id')
          .where('team_id', '=', team?.team_id ?? '')
          .execute()
      ).map((o) => o.operator_id),
    );
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((i) => teamOps.has(i.operatorId))).toBe(true);
    expect(theirs.length).toBeLessThan(all.length);
  });

  it('the server’s timer runs the due rules for today on start, once', async () => {
    const lead = await as('qalead');
    await lead.post(RULES, { ...rule, name: 'Today' });
    const stop = startSamplingTimer(env.rt, 60);
    await stop();
    const today = localDate(new Date(), 'UTC');
    const ran = await env.rt.db
      .selectFrom('sampling_refills')
      .selectAll()
      .where('run_on', '=', today)
      .execute();
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.every((r) => r.ran_by === 'timer')).toBe(true);
  });

  it('the timer catches up the dates missed while the server was down, two weeks back at most, each once', async () => {
    const lead = await as('qalead');
    const made = await json<SamplingRuleResponse>(lead.post(RULES, { ...rule, name: 'Missed days' }));
    const id = made.body.rule.id;
    const today = localDate(new Date(), 'UTC');
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    // Made 20 days ago, last run 10 days ago: the server was down since.
    await env.rt.db
      .updateTable('sampling_rules')
      .set({ created_at: daysAgo(20).toISOString(), updated_at: daysAgo(20).toISOString() })
      .where('id', '=', id)
      .execute();
    // Made as long ago but turned back on today: it does not reach back.
    const resumed = (await json<SamplingRuleResponse>(lead.post(RULES, { ...rule, name: 'Resumed' }))).body
      .rule.id;
    await env.rt.db
      .updateTable('sampling_rules')
      .set({ created_at: daysAgo(20).toISOString() })
      .where('id', '=', resumed)
      .execute();
    await lead.post(`${RULES}/refill`, { date: localDate(daysAgo(10), 'UTC'), ruleId: id });
    const runs = async (ruleId = id) =>
      (
        await env.rt.db
          .selectFrom('sampling_refills')
          .select(['run_on', 'ran_by'])
          .where('rule_id', '=', ruleId)
          .orderBy('run_on')
          .execute()
      ).map((r) => `${r.run_on} ${r.ran_by}`);
    await startSamplingTimer(env.rt, 60)();
    const expected = [];
    for (let n = 14; n >= 0; n--)
      expected.push(`${localDate(daysAgo(n), 'UTC')} ${n === 10 ? 'qalead' : 'timer'}`);
    expect(await runs()).toEqual(expected);
    expect((await runs()).at(-1)).toBe(`${today} timer`);
    expect(await runs(resumed)).toEqual([`${today} timer`]);
    // Started again: nothing left to run.
    await startSamplingTimer(env.rt, 60)();
    expect(await runs()).toEqual(expected);
  });
});

describe('callscore sample refill', () => {
  it('runs a date from the command line and refuses a bad one', async () => {
    const dir = tempDir();
    const ok = await cli(['sample', 'refill', '--date', '2026-10-16', '--data', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/no active sampling rule/);
    const bad = await cli(['sample', 'refill', '--date', '2026-13-01', '--data', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/is not a date/);
  }, 60_000);
});
