import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResponse } from '../../schemas/evaluations.ts';
import type {
  EmailPreferenceResponse,
  NotificationListResponse,
  SmtpResponse,
  UnreadCountResponse,
} from '../../schemas/notifications.ts';
import { listAuditEntries } from '../../server/audit/audit.repository.ts';
import { Outbox } from '../../server/notifications/outbox.ts';
import { type As, as, json, PERFECT, TEST_FORM } from '../helpers/qa.ts';
import { loadSmall, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { freePort, startSmtp } from '../helpers/smtp.ts';

/**
 * Notifications on the small call center: events tell the right users in the app, and e-mail
 * goes through a real SMTP server (npm smtp-server) started here, by the outbox.
 */

let env: TestEnv;
let admin: As;
let lead: As;
let qa: As;
let ana: As; // OP-1
let ivan: As; // OP-2
let formId = 0;

async function submitted(callId: string): Promise<string> {
  const d = await json<EvaluationResponse>(qa.post('/api/evaluations', { callId, formId }));
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  const id = d.body.evaluation.id;
  expect((await qa.post(`/api/evaluations/${id}/submit`, { answers: PERFECT })).status).toBe(200);
  return id;
}

const listOf = async (who: As) => (await json<NotificationListResponse>(who.get('/api/notifications'))).body;
const outbox = () => env.rt.db.selectFrom('notification_outbox').selectAll().orderBy('id').execute();
const smtpAt = (port: number) =>
  admin.put('/api/notifications/smtp', {
    host: '127.0.0.1',
    port,
    secure: false,
    user: 'mailer',
    password: 's3cret-pass',
    from: 'qa@callscore.test',
    appUrl: 'https://qa.example.com/',
  });

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  env = await testEnv();
  await loadSmall(env);
  admin = await as(env, 'root', 'admin');
  lead = await as(env, 'natalia', 'qa_lead');
  qa = await as(env, 'sergiu', 'qa');
  ana = await as(env, 'ana', 'operator', 'OP-1');
  ivan = await as(env, 'ivan', 'operator', 'OP-2');
  formId = (
    await json<{ form: { id: number } }>(
      lead.post('/api/forms', { name: 'Test form', definition: TEST_FORM }),
    )
  ).body.form.id;
}, 60_000);
afterAll(() => env.dispose());

describe('in the app', () => {
  it('tells the operator of his evaluation, the lead of his dispute, and the operator of the decision', async () => {
    const id = await submitted('C1');
    const mine = await listOf(ana);
    expect(mine.unread).toBe(1);
    expect(mine.notifications[0]).toMatchObject({
      kind: 'evaluationReleased',
      params: { evaluationId: id, callId: 'C1' },
      link: `/evaluations/${id}`,
      read: false,
    });

    expect((await ana.post(`/api/evaluations/${id}/dispute`, { reason: 'not fair' })).status).toBe(200);
    const leads = await listOf(lead);
    expect(leads.notifications[0]).toMatchObject({
      kind: 'disputeOpened',
      params: { evaluationId: id, level: 1 },
    });

    expect(
      (await lead.post(`/api/evaluations/${id}/decision`, { decision: 'upheld', note: 'stands' })).status,
    ).toBe(200);
    const after = await listOf(ana);
    expect(after.unread).toBe(2);
    expect(after.notifications[0]).toMatchObject({
      kind: 'disputeDecided',
      params: { evaluationId: id, level: 1, decision: 'upheld' },
    });
  });

  it('tells the operator of a coaching session opened for him', async () => {
    const r = await json<{ session: { id: number } }>(
      lead.post('/api/coaching', {
        operatorId: 'OP-2',
        goal: { kind: 'criterion', key: 'handledCalls' },
        target: 10,
        followUpOn: '2999-01-01',
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const list = await listOf(ivan);
    expect(list.notifications[0]).toMatchObject({
      kind: 'coachingOpened',
      params: { coachingId: r.body.session.id, by: 'natalia' },
      link: `/coaching/${r.body.session.id}`,
    });
  });

  it('tells a monitor of calls put on his worklist, and of a calibration he is asked to score', async () => {
    const assigned = await lead.post('/api/calls/assignments', {
      period: '2026-10',
      assignments: [
        { callId: 'C4', monitor: 'sergiu' },
        { callId: 'C6', monitor: 'sergiu' },
      ],
    });
    expect(assigned.status, await assigned.clone().text()).toBe(201);
    const worklist = (await listOf(qa)).notifications.find((n) => n.kind === 'worklistCalls');
    expect(worklist).toMatchObject({ params: { period: '2026-10', count: 2 }, link: '/worklist' });

    await as(env, 'mihai', 'qa');
    const cal = await json<{ session: { id: number } }>(
      lead.post('/api/calibrations', { callId: 'C6', formId, monitors: ['sergiu', 'mihai'] }),
    );
    expect(cal.status, JSON.stringify(cal.body)).toBe(201);
    const asked = (await listOf(qa)).notifications[0];
    expect(asked?.kind).toBe('calibrationAsked');
    expect(asked?.link).toMatch(/^\/calibration\/\d+$/);
  });

  it("lets an operator read and mark only his own; another's is not found", async () => {
    const anas = await listOf(ana);
    const ivans = await listOf(ivan);
    const anaIds = anas.notifications.map((n) => n.id);
    expect(ivans.notifications.some((n) => anaIds.includes(n.id))).toBe(false);
    const other = anaIds[0] as number;
    const r = await json<{ error: { code: string } }>(ivan.post(`/api/notifications/${other}/read`));
    expect(r.status).toBe(404);
    expect((await listOf(ana)).notifications.find((n) => n.id === other)?.read).toBe(false);

    const one = await json<UnreadCountResponse>(ana.post(`/api/notifications/${other}/read`));
    expect(one.body.unread).toBe(anas.unread - 1);
    await ana.post('/api/notifications/read-all');
    expect((await json<UnreadCountResponse>(ana.get('/api/notifications/unread'))).body.unread).toBe(0);
    expect((await json<UnreadCountResponse>(ivan.get('/api/notifications/unread'))).body.unread).toBe(
      ivans.unread,
    );
    const audit = await listAuditEntries(env.rt.db, { entity: 'notification', limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['read', 'read_all']));
  });
});

describe('by e-mail', () => {
  it('never returns the SMTP password, and audits the change without it', async () => {
    expect((await smtpAt(2525)).status).toBe(200);
    const r = await json<SmtpResponse>(admin.get('/api/notifications/smtp'));
    expect(r.body.smtp).toEqual({
      host: '127.0.0.1',
      port: 2525,
      secure: false,
      user: 'mailer',
      passwordSet: true,
      from: 'qa@callscore.test',
      appUrl: 'https://qa.example.com/',
    });
    expect(JSON.stringify(r.body)).not.toContain('s3cret');
    const audit = await listAuditEntries(env.rt.db, { entity: 'smtp', limit: 5 });
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('s3cret');
    expect((await ana.get('/api/notifications/smtp')).status).toBe(403);
    const bad = await json<{ error: { message: string } }>(
      admin.put('/api/notifications/smtp', { host: '', port: 0 }),
    );
    expect(bad.status).toBe(400);
  });

  it('sends the message to the recipient, in his language, through a real SMTP server', async () => {
    const smtp = await startSmtp();
    try {
      expect((await smtpAt(smtp.port)).status).toBe(200);
      expect((await ana.put('/api/auth/me/locale', { locale: 'ro' })).status).toBe(200);
      const pref = await json<EmailPreferenceResponse>(
        ana.put('/api/notifications/email', { email: 'ana@example.com', emailOff: false }),
      );
      expect(pref.body).toEqual({ email: 'ana@example.com', emailOff: false });
      const id = await submitted('C2');
      expect((await env.rt.outbox.drain()).sent).toBe(1);
      expect(smtp.received).toHaveLength(1);
      const m = smtp.received[0];
      expect(m?.to).toEqual(['ana@example.com']);
      expect(m?.from).toBe('qa@callscore.test');
      expect(m?.subject).toBe(`Apelul dvs. C2 a fost evaluat (evaluarea ${id})`);
      expect(m?.text).toContain(`https://qa.example.com/evaluations/${id}`);
      expect(m?.text).toContain('Deschideți în callscore');
    } finally {
      await smtp.close();
    }
  });

  it('keeps a user who turned e-mail off out of the outbox', async () => {
    await ivan.put('/api/notifications/email', { email: 'ivan@example.com', emailOff: true });
    const before = (await outbox()).length;
    await submitted('C4');
    expect((await listOf(ivan)).notifications[0]?.kind).toBe('evaluationReleased');
    expect((await outbox()).length).toBe(before);
  });

  it('retries while the SMTP server is down and delivers when it comes up', async () => {
    const port = await freePort();
    expect((await smtpAt(port)).status).toBe(200);
    const sender = new Outbox(env.rt.db, { pollMs: 50, backoffMs: 100, maxBackoffMs: 400, timeoutMs: 2000 });
    const id = await submitted('C7');
    const row = async () => (await outbox()).at(-1);
    // Down: the request above did not wait on it, and the row is kept with its error.
    expect((await sender.drain()).failed).toBe(1);
    const failed = await row();
    expect(failed?.sent_at).toBeNull();
    expect(failed?.attempts).toBe(1);
    expect(failed?.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(Date.parse(failed?.next_attempt_at ?? '')).toBeGreaterThan(Date.now() - 50);

    sender.start();
    try {
      // Still down for a while: more attempts, spaced out.
      await new Promise((r) => setTimeout(r, 400));
      expect((await row())?.attempts).toBeGreaterThan(1);
      const smtp = await startSmtp(port);
      try {
        await until(() => smtp.received.length > 0);
        expect(smtp.received[0]?.to).toEqual(['ana@example.com']);
        expect(smtp.received[0]?.subject).toContain(id);
        // The loop marks the row once the server accepted it: stopped, its last pass has finished.
        await sender.stop();
        const sent = await row();
        expect(sent?.sent_at).not.toBeNull();
      } finally {
        await sender.stop();
        await smtp.close();
      }
    } finally {
      await sender.stop();
    }
  });
});
