import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoachingListResponse, CoachingNotesResponse } from '../../schemas/coaching.ts';
import type { SelfEvaluationsResponse, SelfGapResponse } from '../../schemas/self-evaluations.ts';
import { loadDemo } from '../../server/demo/load-demo.ts';
import { client, json } from '../helpers/qa.ts';
import { signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/** The demo's coaching sessions and self-evaluations, read through the API as its users see them. */

let env: TestEnv;
let users: Awaited<ReturnType<typeof loadDemo>>['users'];
const as = async (username: string) => {
  const u = users.find((x) => x.username === username);
  if (!u) throw new Error(`no demo user ${username}`);
  return client(env, await signIn(env, username, u.password));
};

beforeAll(async () => {
  env = await testEnv();
  users = (await loadDemo(env.rt, { operators: 8, month: '2026-10', seed: 3 })).users;
}, 180_000);
afterAll(() => env.dispose());

describe('demo coaching', () => {
  it('has sessions in every state, acknowledged and not, each measured before and after', async () => {
    const head = await as('head');
    const { sessions, counts } = (await json<CoachingListResponse>(head.get('/api/coaching'))).body;
    expect(counts).toEqual({ due: 2, overdue: 1, met: 1, missed: 2 });
    expect(sessions.some((s) => s.acknowledgedAt !== null)).toBe(true);
    expect(sessions.some((s) => s.acknowledgedAt === null && s.status === 'due')).toBe(true);
    const met = sessions.find((s) => s.status === 'met');
    const { before, after, direction } = met?.progress ?? {};
    expect(after?.value).not.toBeNull();
    expect(before?.value).not.toBeNull();
    // Met by an improvement: better after the session than before it.
    const gain = (after?.value as number) - (before?.value as number);
    expect(direction === 'lower' ? -gain : gain).toBeGreaterThan(0);
    // Missed with a measure: a little short of the target, not for want of figures.
    expect(sessions.filter((s) => s.status === 'missed').some((s) => s.progress.after.value !== null)).toBe(
      true,
    );
  });

  it('the demo operator sees only his own: one met, one due to acknowledge', async () => {
    const op = await as('operator');
    const { sessions } = (await json<CoachingListResponse>(op.get('/api/coaching'))).body;
    expect(sessions.map((s) => s.status).sort()).toEqual(['due', 'met']);
    expect(new Set(sessions.map((s) => s.operatorId)).size).toBe(1);
  });

  it('has notes on its sessions: the operator reads the one meant for him, the head both', async () => {
    const op = await as('operator');
    const met = (await json<CoachingListResponse>(op.get('/api/coaching?status=met'))).body.sessions[0];
    const url = `/api/coaching/${met?.id}/notes`;
    const his = (await json<CoachingNotesResponse>(op.get(url))).body.notes;
    expect(his.map((n) => n.forOperator)).toEqual([true]);
    const all = (await json<CoachingNotesResponse>((await as('head')).get(url))).body.notes;
    expect(all.map((n) => [n.author, n.forOperator])).toEqual([
      ['head', true],
      ['head', false],
    ]);
    expect(all[0]?.createdAt.slice(0, 10)).toBe('2026-10-19');
  });

  it('has self-evaluations: two scored beside the monitor, one to score', async () => {
    const op = await as('operator');
    const list = (await json<SelfEvaluationsResponse>(op.get('/api/self-evaluations'))).body.selfEvaluations;
    expect(list.map((s) => s.status).sort()).toEqual(['requested', 'submitted', 'submitted']);
    const asked = list.find((s) => s.status === 'requested');
    expect(asked?.monitor).toBeNull();
    for (const s of list.filter((x) => x.status === 'submitted')) expect(s.gap).toBeGreaterThanOrEqual(0);
    const gap = (
      await json<SelfGapResponse>((await as('qalead')).get('/api/self-evaluations/gap?period=2026-10'))
    ).body;
    expect(gap.operators).toHaveLength(1);
    expect(gap.operators[0]?.pairs).toBe(2);
  });
});
