import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, importCsv, loadSmall, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * Operator states (the `operator-states` kind) in a canonical CSV, and what the operator page
 * reads of them: time logged in by state, occupancy and the share paused.
 */
let env: TestEnv;
let head: string;
let own: string;
beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  head = await signIn(env, 'victor', await addUser(env, 'victor', 'head'));
  own = await signIn(env, 'ivan', await addUser(env, 'ivan', 'operator', 'OP-2'));
});
afterAll(() => env.dispose());

const STATES =
  'operator_id,state,started_at,ended_at,reason\n' +
  'OP-1,pause,2026-10-02T08:00:00+03:00,2026-10-02T08:15:00+03:00,LOGIN\n' +
  'OP-1,available,2026-10-02T08:15:00+03:00,2026-10-02T08:45:00+03:00,\n' +
  'OP-1,talk,2026-10-02T08:45:00+03:00,2026-10-02T09:30:00+03:00,\n' +
  'OP-1,wrap,2026-10-02T09:30:00+03:00,2026-10-02T09:45:00+03:00,\n' +
  // The last day of September in Chisinau: not in October.
  'OP-1,talk,2026-09-30T23:00:00+03:00,2026-09-30T23:50:00+03:00,\n' +
  'OP-1,lunch,2026-10-02T12:00:00+03:00,2026-10-02T13:00:00+03:00,\n' +
  'OP-1,pause,2026-10-02T14:00:00+03:00,2026-10-02T13:00:00+03:00,BREAK\n' +
  'OP-9,talk,2026-10-02T08:45:00+03:00,2026-10-02T09:30:00+03:00,\n';

describe('operator states', () => {
  it('load from a canonical file, each bad row quarantined with its reason', async () => {
    const report = await importCsv(env, 'operator-states', 'states.csv', STATES, 'Europe/Chisinau');
    expect(report).toMatchObject({ read: 8, loaded: 5, quarantined: 3 });
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [7, 'state: is not one of available, talk, wrap, pause'],
      [8, 'ended_at: is before started_at'],
      [9, 'operator_id: "OP-9" is not a known operator'],
    ]);
  });

  it("give the operator's time logged in, occupancy and share paused for the month", async () => {
    const res = await env.app.request('/api/operators/OP-1/activity?period=2026-10', {
      headers: { cookie: head },
    });
    expect(res.status).toBe(200);
    const [op] = (await res.json()).operators;
    expect(op.agentTime).toEqual({
      loggedSeconds: 6300, // 15 + 30 + 45 + 15 minutes
      availableSeconds: 1800,
      talkSeconds: 2700,
      wrapSeconds: 900,
      pauseSeconds: 900,
      occupancy: 0.6667, // (45 + 15) / (30 + 45 + 15)
      pauseShare: 0.1429, // 15 / 105
      pauses: [{ reason: 'LOGIN', seconds: 900 }],
    });
  });

  it('are null for an operator without any, and his own only to an operator', async () => {
    const mine = await env.app.request('/api/operators/OP-2/activity?period=2026-10', {
      headers: { cookie: own },
    });
    expect(mine.status).toBe(200);
    expect((await mine.json()).operators[0].agentTime).toBeNull();
    const other = await env.app.request('/api/operators/OP-1/activity?period=2026-10', {
      headers: { cookie: own },
    });
    expect(other.status).toBe(403);
  });
});
