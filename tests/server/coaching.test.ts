import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PassRatesResponse } from '../../schemas/autoqa-pass-rates.ts';
import type {
  CoachingListResponse,
  CoachingNoteResponse,
  CoachingNotesResponse,
  CoachingResponse,
  CoachingView,
} from '../../schemas/coaching.ts';
import type { ScorecardResponse } from '../../schemas/scorecard.ts';
import { listAuditEntries } from '../../server/audit/audit.repository.ts';
import { runAutoqa } from '../../server/autoqa/run.ts';
import { insertCoachingRow } from '../../server/coaching/coaching.repository.ts';
import { addDays, today } from '../../server/coaching/progress.ts';
import { createUser } from '../../server/users/users.service.ts';
import { loadAutoqaSample, nameTheCompany } from '../helpers/autoqa.ts';
import { type As, as, client, json } from '../helpers/qa.ts';
import { signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * Coaching sessions over the hand-labelled AutoQA sample (36 calls in October 2026, teams T-EN,
 * T-RU and T-RO of four operators each): opening one, the operator's acknowledgement, who sees
 * what, and the goal's progress measured by the same figures the pass-rate and scorecard pages give.
 */

type Err = { error: { code: string; message: string } };
let env: TestEnv;
let head: As;
let lead: As;
let qa: As;
let ru1: As;
let en1: As;
let ruHead: As;
/** A check OP-RU1 failed in October, and its rate then. */
let failedCheck: string;

const passRates = async (op: string) =>
  (await json<PassRatesResponse>(head.get(`/api/autoqa/pass-rates?period=2026-10&operator=${op}`))).body;

const open = (who: As, body: Record<string, unknown>) =>
  json<CoachingResponse & Err>(who.post('/api/coaching', body));

const followUp = () => addDays(today('UTC'), 10);

beforeAll(async () => {
  env = await testEnv();
  await loadAutoqaSample(env.rt);
  await nameTheCompany(env.rt);
  await runAutoqa(env.rt, '2026-10');
  head = await as(env, 'victor', 'head');
  lead = await as(env, 'natalia', 'qa_lead');
  qa = await as(env, 'sergiu', 'qa');
  ru1 = await as(env, 'ru1', 'operator', 'OP-RU1');
  en1 = await as(env, 'en1', 'operator', 'OP-EN1');
  await createUser(
    env.rt.db,
    { username: 'rulead', role: 'head', team: 'T-RU', password: 'pw-rulead-1' },
    'test',
  );
  ruHead = client(env, await signIn(env, 'rulead', 'pw-rulead-1'));
  const rates = await passRates('OP-RU1');
  const failed = rates.operators[0]?.checks.find((c) => c.fail > 0);
  if (!failed) throw new Error('the sample has no failed check of OP-RU1');
  failedCheck = failed.key;
}, 120_000);
afterAll(() => env.dispose());

describe('opening a coaching session', () => {
  let session: CoachingView;

  it('a head opens one from a failed check: calls, findings, goal, target, follow-up; it is due and audited', async () => {
    const r = await open(head, {
      operatorId: 'OP-RU1',
      source: 'check',
      sourceRef: failedCheck,
      callIds: ['SH-RU-01'],
      findings: [`${failedCheck}: fail`],
      goal: { kind: 'check', key: failedCheck },
      target: 0.8,
      followUpOn: followUp(),
      notes: 'Offer the accessory on every order',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    session = r.body.session;
    expect(session).toMatchObject({
      operatorId: 'OP-RU1',
      operatorName: 'Operator RU 1',
      teamId: 'T-RU',
      openedBy: 'victor',
      source: 'check',
      callIds: ['SH-RU-01'],
      goal: { kind: 'check', key: failedCheck },
      target: 0.8,
      status: 'due',
      acknowledgedAt: null,
      closedAt: null,
    });
    expect(session.progress.before.to).toBe(session.openedOn);
    expect(session.progress.after.from).toBe(session.openedOn);
    const audit = await listAuditEntries(env.rt.db, { entity: 'coaching', limit: 5 });
    expect(audit[0]).toMatchObject({ actor: 'victor', action: 'create', entityId: String(session.id) });
  });

  it('a QA lead opens one too; a monitor may not', async () => {
    const body = {
      operatorId: 'OP-EN1',
      goal: { kind: 'criterion', key: 'autoQualityScore' },
      target: 90,
      followUpOn: followUp(),
    };
    expect((await open(lead, body)).status).toBe(201);
    expect((await open(qa, body)).status).toBe(403);
  });

  it('refuses a bad session with a 400 that says why', async () => {
    const base = { operatorId: 'OP-RU1', followUpOn: followUp(), target: 0.8 };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, goal: { kind: 'check', key: 'no_such_check' } }, 'no AutoQA check'],
      [{ ...base, goal: { kind: 'check', key: failedCheck }, target: 80 }, 'between 0 and 1'],
      [{ ...base, goal: { kind: 'criterion', key: 'nonsense' } }, 'is not a criterion'],
      [{ ...base, goal: { kind: 'question', formId: 999, questionId: 'q' } }, 'no form 999'],
      [
        { ...base, goal: { kind: 'check', key: failedCheck }, followUpOn: '2020-01-01' },
        'cannot be before today',
      ],
      [{ ...base, goal: { kind: 'check', key: failedCheck }, operatorId: 'OP-NOPE' }, 'no operator'],
      [{ ...base, goal: { kind: 'check', key: failedCheck }, followUpOn: '2026-02-30' }, 'calendar date'],
    ];
    for (const [body, message] of cases) {
      const r = await open(head, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.message).toContain(message);
    }
  });

  it('the operator sees his own session only, and acknowledges it once with a comment', async () => {
    const mine = await json<CoachingListResponse>(ru1.get('/api/coaching'));
    expect(mine.body.sessions.map((s) => s.operatorId)).toEqual(['OP-RU1']);
    expect((await json(en1.get(`/api/coaching/${session.id}`))).status).toBe(404);
    expect((await json(en1.post(`/api/coaching/${session.id}/acknowledge`))).status).toBe(404);
    expect((await json(head.post(`/api/coaching/${session.id}/acknowledge`))).status).toBe(403);
    const ack = await json<CoachingResponse>(
      ru1.post(`/api/coaching/${session.id}/acknowledge`, { comment: 'I will offer it' }),
    );
    expect(ack.status).toBe(200);
    expect(ack.body.session.acknowledgementComment).toBe('I will offer it');
    expect(ack.body.session.acknowledgedAt).not.toBeNull();
    expect((await json(ru1.post(`/api/coaching/${session.id}/acknowledge`))).status).toBe(409);
    const audit = await listAuditEntries(env.rt.db, { entity: 'coaching', limit: 5 });
    expect(audit[0]).toMatchObject({ actor: 'ru1', action: 'acknowledge', entityId: String(session.id) });
  });

  it('a head limited to a team lists and opens sessions of his team only', async () => {
    const list = await json<CoachingListResponse>(ruHead.get('/api/coaching'));
    expect(new Set(list.body.sessions.map((s) => s.teamId))).toEqual(new Set(['T-RU']));
    const enSession = (await json<CoachingListResponse>(head.get('/api/coaching?operator=OP-EN1'))).body
      .sessions[0] as CoachingView;
    expect((await json(ruHead.get(`/api/coaching/${enSession.id}`))).status).toBe(404);
    const r = await open(ruHead, {
      operatorId: 'OP-EN1',
      goal: { kind: 'check', key: failedCheck },
      target: 0.8,
      followUpOn: followUp(),
    });
    expect(r.status).toBe(403);
  });

  it('keeps notes with who and when; the operator reads those meant for him and is told of them', async () => {
    const url = `/api/coaching/${session.id}/notes`;
    const shared = await json<CoachingNoteResponse>(
      lead.post(url, { text: 'Listen to call SH-RU-01 again before Friday' }),
    );
    expect(shared.status).toBe(201);
    expect(shared.body.note).toMatchObject({ author: 'natalia', forOperator: true, sessionId: session.id });
    expect(Date.parse(shared.body.note.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const kept = await json<CoachingNoteResponse>(
      head.post(url, { text: 'He was defensive; pair him with a mentor', forOperator: false }),
    );
    expect(kept.status).toBe(201);
    // The heads and leads read both, oldest first; the operator only the one meant for him.
    const all = await json<CoachingNotesResponse>(head.get(url));
    expect(all.body.notes.map((n) => [n.author, n.forOperator])).toEqual([
      ['natalia', true],
      ['victor', false],
    ]);
    const his = await json<CoachingNotesResponse>(ru1.get(url));
    expect(his.body.notes.map((n) => n.text)).toEqual(['Listen to call SH-RU-01 again before Friday']);
    // Another operator, a monitor and a bad note are refused.
    expect((await json(en1.get(url))).status).toBe(404);
    expect((await json(ru1.post(url, { text: 'mine' }))).status).toBe(403);
    expect((await json(qa.get(url))).status).toBe(403);
    const empty = await json<Err>(head.post(url, { text: '  ' }));
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('text');
    const audit = await listAuditEntries(env.rt.db, { entity: 'coaching', limit: 2 });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ['victor', 'note'],
      ['natalia', 'note'],
    ]);
    // Told of the note meant for him only.
    const told = await env.rt.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'coachingNote')
      .execute();
    expect(told.map((n) => [n.link, JSON.parse(n.params).by])).toEqual([
      [`/coaching/${session.id}`, 'natalia'],
    ]);
  });

  it('edits notes and records the follow-up held, each audited; a closed session is not closed again', async () => {
    const n = await json<CoachingResponse>(
      head.put(`/api/coaching/${session.id}/notes`, { notes: 'Second talk' }),
    );
    expect(n.body.session.notes).toBe('Second talk');
    const c = await json<CoachingResponse>(head.post(`/api/coaching/${session.id}/close`, { note: 'done' }));
    expect(c.status).toBe(200);
    expect(c.body.session.closedBy).toBe('victor');
    expect(['met', 'missed']).toContain(c.body.session.status);
    expect((await json(head.post(`/api/coaching/${session.id}/close`))).status).toBe(409);
    expect((await json(head.put(`/api/coaching/${session.id}/notes`, { notes: 'x' }))).status).toBe(409);
    const audit = await listAuditEntries(env.rt.db, { entity: 'coaching', limit: 5 });
    expect(audit.slice(0, 2).map((a) => a.action)).toEqual(['close', 'update']);
  });
});

describe('progress and status', () => {
  /** A session as the demo keeps them: opened on October 1st, its follow-up at October's end. */
  async function october(goal: Record<string, unknown>, target: number, closed: boolean) {
    const id = await insertCoachingRow(env.rt.db, {
      operator_id: 'OP-RU1',
      opened_by: 'victor',
      opened_at: '2026-10-01T08:00:00.000Z',
      opened_on: '2026-10-01',
      source: 'manual',
      source_ref: null,
      goal: JSON.stringify(goal),
      target,
      follow_up_on: '2026-10-31',
      closed_at: closed ? '2026-11-01T09:00:00.000Z' : null,
      closed_by: closed ? 'victor' : null,
    });
    return (await json<CoachingResponse>(head.get(`/api/coaching/${id}`))).body.session;
  }

  it('after the session: the check’s pass rate of the pass-rate page over the same days; before: the 30 days before', async () => {
    const s = await october({ kind: 'check', key: failedCheck }, 0.8, false);
    const rate = (await passRates('OP-RU1')).operators[0]?.checks.find((c) => c.key === failedCheck);
    // October 1st to the follow-up on the 31st is the month the pass-rate page counts.
    expect(s.progress.after).toEqual({
      from: '2026-10-01',
      to: '2026-11-01',
      value: rate?.rate,
      n: (rate?.pass ?? 0) + (rate?.fail ?? 0),
    });
    // The 30 days before are September, which has no checked call.
    expect(s.progress.before).toEqual({ from: '2026-09-01', to: '2026-10-01', value: null, n: 0 });
    expect(s.progress).toMatchObject({ direction: 'higher', unit: 'ratio' });
    // Its follow-up date has passed and nobody recorded it: overdue.
    expect(s.status).toBe('overdue');
  });

  it('a criterion’s progress is its value on the scorecard of the same days', async () => {
    const s = await october({ kind: 'criterion', key: 'autoCoverage' }, 0.9, false);
    const card = (await json<ScorecardResponse>(head.get('/api/scorecards/OP-RU1?period=2026-10'))).body
      .operator.scorecard;
    expect(card.autoCoverage).toBeGreaterThan(0);
    expect(s.progress.after.value).toBe(card.autoCoverage);
    expect(s.progress.before.value).toBeNull();
    expect(s.progress).toMatchObject({ direction: 'higher', unit: 'ratio' });
  });

  it('a closed session is met when the measure after reaches the target, missed when not', async () => {
    const rate = (await passRates('OP-RU1')).operators[0]?.checks.find((c) => c.key === failedCheck)
      ?.rate as number;
    expect((await october({ kind: 'check', key: failedCheck }, rate, true)).status).toBe('met');
    expect((await october({ kind: 'check', key: failedCheck }, rate + 0.01, true)).status).toBe('missed');
    // Lower is better for critical failures: a target of 0 is met by none.
    const crit = await october({ kind: 'criterion', key: 'criticalFailures' }, 0, true);
    expect(crit.progress.direction).toBe('lower');
  });

  it('the head’s list filters by status and counts each', async () => {
    const all = (await json<CoachingListResponse>(head.get('/api/coaching'))).body;
    const overdue = (await json<CoachingListResponse>(head.get('/api/coaching?status=overdue'))).body;
    expect(overdue.sessions.length).toBe(all.counts.overdue);
    expect(overdue.sessions.every((s) => s.status === 'overdue')).toBe(true);
    expect(all.counts.met).toBeGreaterThanOrEqual(1);
    expect(all.counts.missed).toBeGreaterThanOrEqual(1);
    expect(all.counts.due).toBeGreaterThanOrEqual(1);
    expect((await json(head.get('/api/coaching?status=late'))).status).toBe(400);
  });
});
