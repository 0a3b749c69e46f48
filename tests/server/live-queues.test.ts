import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followFile } from '../../etl/follow/follow.ts';
import { followedFilesState } from '../../etl/follow/followed-files.repository.ts';
import { importFile } from '../../etl/import-file.ts';
import type { LiveQueuesResponse } from '../../schemas/live.ts';
import { createUser } from '../../server/users/users.service.ts';
import { dataVersion } from '../../stores/data-version.ts';
import { signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * GET /api/live/queues on a queue_log of today, read by the follow loop: calls over (answered
 * within and past the service level, abandoned), callers still waiting and operators still
 * talking (open calls), a call left open since yesterday that no longer counts; the whole
 * company for an administrator, a team lead's queues and operators for him.
 */

const SAMPLE = new URL('../etl/asterisk-sample/', import.meta.url).pathname;
// Ten minutes of events before now: today, unless the test runs in the first ten minutes of a UTC day.
const NOW = Math.floor(Date.now() / 1000);
const at = (ago: number) => NOW - ago;
const q = (
  ago: number,
  id: string,
  queue: string,
  agent: string,
  event: string,
  ...data: (string | number)[]
) => [at(ago), id, queue, agent, event, ...data].join('|');
const ANA = 'Ana Rusu'; // OP-01, team T1
const MARIA = 'Maria Popa'; // OP-05, team T2
const ELENA = 'Local/1003@from-queue/n'; // OP-03, team T2, by her extension
const LOG = [
  // sales: A answered in 10 s, B in 40 s (past the 20 s level), C abandoned after 30 s
  q(600, 'A.1', 'sales', 'NONE', 'ENTERQUEUE', '', '+37360000001', 1),
  q(590, 'A.1', 'sales', ANA, 'CONNECT', 10, 'A.9', 1),
  q(300, 'A.1', 'sales', ANA, 'COMPLETECALLER', 10, 290, 1),
  q(500, 'B.1', 'sales', 'NONE', 'ENTERQUEUE', '', '+37360000002', 1),
  q(460, 'B.1', 'sales', MARIA, 'CONNECT', 40, 'B.9', 1),
  q(200, 'B.1', 'sales', MARIA, 'COMPLETEAGENT', 40, 260, 1),
  q(400, 'C.1', 'sales', 'NONE', 'ENTERQUEUE', '', '+37360000003', 1),
  q(370, 'C.1', 'sales', 'NONE', 'ABANDON', 1, 1, 30),
  // sales now: D waiting, Ana and Maria talking (E1, E2)
  q(60, 'D.1', 'sales', 'NONE', 'ENTERQUEUE', '', '+37360000004', 1),
  q(120, 'E1.1', 'sales', 'NONE', 'ENTERQUEUE', '', '+37360000005', 1),
  q(110, 'E1.1', 'sales', ANA, 'CONNECT', 10, 'E1.9', 1),
  q(100, 'E2.1', 'sales', 'NONE', 'ENTERQUEUE', '', '+37360000006', 2),
  q(95, 'E2.1', 'sales', MARIA, 'CONNECT', 5, 'E2.9', 1),
  // care: G answered in 5 s; now F waiting and Elena talking (H)
  q(700, 'G.1', 'care', 'NONE', 'ENTERQUEUE', '', '+37360000007', 1),
  q(695, 'G.1', 'care', ELENA, 'CONNECT', 5, 'G.9', 1),
  q(600, 'G.1', 'care', ELENA, 'COMPLETEAGENT', 5, 95, 1),
  q(30, 'F.1', 'care', 'NONE', 'ENTERQUEUE', '', '+37360000008', 1),
  q(50, 'H.1', 'care', 'NONE', 'ENTERQUEUE', '', '+37360000009', 1),
  q(45, 'H.1', 'care', ELENA, 'CONNECT', 5, 'H.9', 1),
  // yesterday's caller whose end never came: not waiting today
  q(36 * 3600, 'Y.1', 'sales', 'NONE', 'ENTERQUEUE', '', '+37360000010', 1),
].sort();

let env: TestEnv;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  env = await testEnv({ timeZone: 'UTC' });
  for (const kind of ['teams', 'operators'] as const)
    await importFile(env.rt, { kind, file: path.join(SAMPLE, `${kind}.csv`), actor: 't', timeZone: 'UTC' });
  const users = [
    { username: 'boss', role: 'admin' as const },
    { username: 'lead1', role: 'head' as const, team: 'T1' },
    { username: 'cashier', role: 'payroll' as const },
  ];
  for (const u of users) {
    await createUser(env.rt.db, { ...u, password: `pw-${u.username}-secret` }, 'test');
    cookies[u.username] = await signIn(env, u.username, `pw-${u.username}-secret`);
  }
  const log = path.join(env.dir, 'queue_log');
  writeFileSync(log, `${LOG.join('\n')}\n`);
  const before = dataVersion();
  await followFile({
    path: log,
    format: 'queue-log',
    intervalMs: 100,
    signal: new AbortController().signal,
    untilIdle: true,
    state: followedFilesState(env.rt.db, { path: log, format: 'queue-log', pbxSource: '' }),
    importBatch: (file) =>
      importFile(env.rt, { kind: 'calls', file, format: 'queue-log', actor: 't', timeZone: 'UTC' }),
  });
  // caches of computed figures see the batch
  expect(dataVersion()).toBeGreaterThan(before);
});
afterAll(() => env.dispose());

const live = async (who: string) => {
  const res = await env.app.request('/api/live/queues', { headers: { cookie: cookies[who] ?? '' } });
  return { status: res.status, body: (await res.json()) as LiveQueuesResponse };
};

describe('GET /api/live/queues', () => {
  it('gives the administrator every queue: waiting now, answered, abandoned, service level, wait, on call', async () => {
    const { status, body } = await live('boss');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      day: new Date(NOW * 1000).toISOString().slice(0, 10),
      timeZone: 'UTC',
      serviceLevelSeconds: 20,
      newestEventAt: new Date(at(30) * 1000).toISOString(),
    });
    expect(body.queues).toEqual([
      { queue: 'care', waiting: 1, answered: 1, abandoned: 0, serviceLevel: 1, avgWaitSeconds: 5, onCall: 1 },
      {
        queue: 'sales',
        waiting: 1,
        answered: 2,
        abandoned: 1,
        serviceLevel: 0.3333,
        avgWaitSeconds: 25,
        onCall: 2,
      },
    ]);
    expect(body.total).toEqual({
      waiting: 2,
      answered: 3,
      abandoned: 1,
      serviceLevel: 0.5,
      avgWaitSeconds: 18.3,
      onCall: 3,
    });
  });

  it("gives a team lead his team's queues, and on a call only his operators", async () => {
    const { status, body } = await live('lead1');
    expect(status).toBe(200);
    // T1's Ana answers in sales only; Maria (T2) talking there is not his
    expect(body.queues).toEqual([
      {
        queue: 'sales',
        waiting: 1,
        answered: 2,
        abandoned: 1,
        serviceLevel: 0.3333,
        avgWaitSeconds: 25,
        onCall: 1,
      },
    ]);
    expect(body.total).toMatchObject({ waiting: 1, answered: 2, onCall: 1 });
  });

  it('refuses payroll and anyone not signed in', async () => {
    expect((await live('cashier')).status).toBe(403);
    expect((await env.app.request('/api/live/queues')).status).toBe(401);
  });

  it('counts a waiting caller as answered once his CONNECT and end arrive in a later batch', async () => {
    const log = path.join(env.dir, 'queue_log-more');
    writeFileSync(
      log,
      `${[q(20, 'D.1', 'sales', ANA, 'CONNECT', 40, 'D.9', 1), q(10, 'D.1', 'sales', ANA, 'COMPLETEAGENT', 40, 10, 1)].join('\n')}\n`,
    );
    await importFile(env.rt, { kind: 'calls', file: log, format: 'queue-log', actor: 't', timeZone: 'UTC' });
    const { body } = await live('boss');
    expect(body.queues.find((x) => x.queue === 'sales')).toMatchObject({
      waiting: 0,
      answered: 3,
      abandoned: 1,
    });
  });
});
