import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimView } from '../../schemas/claims.ts';
import type { ScorecardResponse, ScorecardsResponse } from '../../schemas/scorecard.ts';
import { openDataDir } from '../../server/runtime.ts';
import { cli } from '../helpers/cli.ts';
import { addUser, signIn, storeEnv, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { loadGolden } from '../scoring/golden.ts';

/*
 * The golden case in Europe/Chisinau (UTC+3 until 25 October 2026, UTC+2 after), moved to UTC.
 * OP-A's calls: CA1 21:30Z and CA2 23:30Z on 30 September (1 October in Chisinau, September in
 * UTC), CA3 22:30Z on 31 October (1 November in Chisinau, October in UTC), CA5 and CA6 in the
 * middle of October. Claims: K2 decided 22:30Z on 31 October (November in Chisinau, October in
 * UTC), K3 21:10Z on 30 September (October in Chisinau, September in UTC), K1 21:30Z on 31
 * October (October in both).
 */

interface AuditEntries {
  entries: {
    action: string;
    actor: string;
    before: unknown;
    after: { timeZone: string; moved: unknown[] };
  }[];
}

describe('a new company time zone, no month approved', () => {
  let env: TestEnv;
  const as: Record<string, string> = {};
  beforeAll(async () => {
    env = await testEnv();
    await loadGolden(env);
    for (const role of ['admin', 'head'] as const)
      as[role] = await signIn(env, role, await addUser(env, role, role));
  });
  afterAll(() => env.dispose());
  const get = async <T>(url: string, who = 'head') =>
    (await (await env.app.request(url, { headers: { cookie: as[who] as string } })).json()) as T;
  const opA = async (period: string) =>
    (await get<ScorecardResponse>(`/api/scorecards/OP-A?period=${period}`)).operator.scorecard;
  const payPeriods = async () =>
    Object.fromEntries(
      (await get<{ claims: ClaimView[] }>('/api/claims?operator=OP-A')).claims.map((c) => [
        c.claimId,
        c.payPeriod,
      ]),
    );

  it('moves the claims of open months with the calls', async () => {
    expect(await opA('2026-10')).toMatchObject({ handledCalls: 4, clientClaims: 1, internalClaims: 1 });
    expect(await opA('2026-11')).toMatchObject({ handledCalls: 1, clientClaims: 1 });
    expect(await payPeriods()).toMatchObject({ K1: '2026-10', K2: '2026-11', K3: '2026-10' });

    const res = await env.app.request('/api/admin/settings/timeZone', {
      method: 'PUT',
      headers: { cookie: as.admin as string, 'content-type': 'application/json' },
      body: JSON.stringify({ value: 'UTC' }),
    });
    expect(res.status).toBe(200);

    // CA1, CA2 go to September, CA3 comes into October; K2 with it, K3 to September.
    expect(await payPeriods()).toMatchObject({ K1: '2026-10', K2: '2026-10', K3: '2026-09' });
    expect(await opA('2026-10')).toMatchObject({ handledCalls: 3, clientClaims: 1, internalClaims: 1 });
    expect(await opA('2026-11')).toMatchObject({ handledCalls: 0, clientClaims: 0 });
    expect(await opA('2026-09')).toMatchObject({ handledCalls: 3, clientClaims: 1 });

    // Newest first; the one before is the golden case's own move from UTC to Chisinau.
    const audit = await get<AuditEntries>('/api/admin/audit?entity=claim_period', 'admin');
    expect(audit.entries.map((e) => e.actor)).toEqual(['admin', 'test']);
    expect(audit.entries[0]).toMatchObject({
      action: 'rederive',
      actor: 'admin',
      before: { timeZone: 'Europe/Chisinau' },
      after: {
        timeZone: 'UTC',
        moved: [
          { claimId: 'K2', from: '2026-11', to: '2026-10' },
          { claimId: 'K3', from: '2026-10', to: '2026-09' },
        ],
      },
    });
  });
});

describe('a new company time zone set from the CLI, October approved', () => {
  let env: TestEnv;
  let head: string;
  let dir: string;
  let october: ScorecardsResponse;
  beforeAll(async () => {
    env = await testEnv();
    await loadGolden(env);
    head = await signIn(env, 'head', await addUser(env, 'head', 'head'));
    const payroll = await signIn(env, 'payroll', await addUser(env, 'payroll', 'payroll'));
    // OP-C has no variable base in October: confirmed by id.
    const approve = await env.app.request('/api/pay-periods/2026-10/approve', {
      method: 'POST',
      headers: { cookie: payroll, 'content-type': 'application/json' },
      body: JSON.stringify({ confirmMissingBases: ['OP-C'] }),
    });
    expect(approve.status).toBe(200);
    october = (await (
      await env.app.request('/api/scorecards?period=2026-10', { headers: { cookie: head } })
    ).json()) as ScorecardsResponse;
    dir = env.dir;
    await env.rt.close();
    const set = await cli(['settings', 'set', 'timeZone', 'UTC', '--data', dir], { env: storeEnv(env) });
    expect(set.stderr).toBe('');
    expect(set.stdout.trim()).toBe('timeZone=UTC');
    // Back in this process, on the same directory.
    env.rt = await openDataDir(dir, { webDir: null, database: env.database });
    const { createApp } = await import('../../server/app.ts');
    env.app = createApp(env.rt);
  });
  afterAll(() => env.dispose());
  const get = async <T>(url: string) =>
    (await (await env.app.request(url, { headers: { cookie: head } })).json()) as T;

  it('keeps the approved month and its claims, moves the calls of open months', async () => {
    const claims = Object.fromEntries(
      (await get<{ claims: ClaimView[] }>('/api/claims?operator=OP-A')).claims.map((c) => [
        c.claimId,
        c.payPeriod,
      ]),
    );
    // K3 was paid in October; K2 would now fall in October, which is approved: it stays in
    // November, the first open month after.
    expect(claims).toMatchObject({ K1: '2026-10', K2: '2026-11', K3: '2026-10' });
    expect(await get<ScorecardsResponse>('/api/scorecards?period=2026-10')).toEqual(october);
    const nov = (await get<ScorecardResponse>('/api/scorecards/OP-A?period=2026-11')).operator.scorecard;
    expect(nov).toMatchObject({ handledCalls: 0, clientClaims: 1 });

    const { entries } = (await (
      await env.app.request('/api/admin/audit?entity=claim_period', {
        headers: { cookie: await signIn(env, 'admin', await addUser(env, 'admin', 'admin')) },
      })
    ).json()) as AuditEntries;
    expect(entries.map((e) => [e.action, e.actor, e.after.timeZone, e.after.moved])).toEqual([
      ['rederive', 'cli', 'UTC', []],
      ['rederive', 'test', 'Europe/Chisinau', []],
    ]);
  });
});
