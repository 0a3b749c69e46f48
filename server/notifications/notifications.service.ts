import { AppError } from '../../core/errors.ts';
import {
  type EmailPreferenceRequest,
  type EmailPreferenceResponse,
  type NotificationKind,
  type NotificationListResponse,
  notificationParams,
  type SmtpRequest,
  type SmtpView,
} from '../../schemas/notifications.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';

/** Every query here is keyed by the caller's username: a user reaches only his own notifications. */

export async function unreadCount(db: Db, username: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('username', '=', username)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listNotifications(
  db: Db,
  username: string,
  limit: number,
): Promise<NotificationListResponse> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('username', '=', username)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      params: notificationParams.parse(JSON.parse(r.params)),
      link: r.link,
      createdAt: r.created_at,
      read: r.read_at !== null,
    })),
    unread: await unreadCount(db, username),
  };
}

/** Marks one of his own read; another user's id is not found, so its existence does not leak. */
export async function markRead(db: Db, username: string, id: number): Promise<void> {
  const mine = await db
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('username', '=', username)
    .executeTakeFirst();
  if (!mine) throw new AppError('not_found', `no notification ${id}`);
  if (mine.read_at !== null) return;
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('notifications')
      .set({ read_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(tx, { actor: username, action: 'read', entity: 'notification', entityId: String(id) });
  });
}

export async function markAllRead(db: Db, username: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('notifications')
      .set({ read_at: new Date().toISOString() })
      .where('username', '=', username)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    const n = Number(r.numUpdatedRows);
    if (n)
      await audit(tx, { actor: username, action: 'read_all', entity: 'notification', after: { count: n } });
    return n;
  });
}

export async function emailPreference(db: Db, userId: number): Promise<EmailPreferenceResponse> {
  const u = await db
    .selectFrom('users')
    .select(['email', 'email_opt_out'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u) throw new AppError('not_found', `no user ${userId}`);
  return { email: u.email, emailOff: u.email_opt_out === 1 };
}

export async function userEmails(db: Db): Promise<(EmailPreferenceResponse & { id: number })[]> {
  const rows = await db.selectFrom('users').select(['id', 'email', 'email_opt_out']).orderBy('id').execute();
  return rows.map((u) => ({ id: u.id, email: u.email, emailOff: u.email_opt_out === 1 }));
}

/** Sets a user's address and opt-out (his own, or any user's by the administrator); audited. */
export async function setEmailPreference(
  db: Db,
  userId: number,
  req: EmailPreferenceRequest,
  actor: string,
): Promise<EmailPreferenceResponse> {
  const before = await emailPreference(db, userId);
  const after = { email: req.email ? req.email : null, emailOff: req.emailOff };
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ email: after.email, email_opt_out: after.emailOff ? 1 : 0 })
      .where('id', '=', userId)
      .execute();
    await audit(tx, {
      actor,
      action: 'update',
      entity: 'user_email',
      entityId: String(userId),
      before,
      after,
    });
  });
  return after;
}

export async function readSmtp(db: Db): Promise<SmtpView | null> {
  const r = await db.selectFrom('smtp_config').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!r) return null;
  return {
    host: r.host,
    port: r.port,
    secure: r.secure === 1,
    user: r.user,
    passwordSet: r.password !== '',
    from: r.from_address,
    appUrl: r.app_url,
  };
}

/**
 * Stores the SMTP server. A request without `password` keeps the stored one, so the page can save
 * the other fields without ever having read it. The audit names whether the password changed,
 * never the password.
 */
export async function writeSmtp(db: Db, req: SmtpRequest, actor: string): Promise<SmtpView> {
  const before = await readSmtp(db);
  const stored = await db.selectFrom('smtp_config').select('password').where('id', '=', 1).executeTakeFirst();
  const password = req.password ?? stored?.password ?? '';
  const row = {
    host: req.host,
    port: req.port,
    secure: req.secure ? 1 : 0,
    user: req.user,
    password,
    from_address: req.from,
    app_url: req.appUrl,
    updated_at: new Date().toISOString(),
  };
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('smtp_config')
      .values({ id: 1, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    const { password: _omit, ...shown } = req;
    await audit(tx, {
      actor,
      action: 'update',
      entity: 'smtp',
      entityId: null,
      before,
      after: { ...shown, passwordChanged: req.password !== undefined },
    });
  });
  return (await readSmtp(db)) as SmtpView;
}

/** Forgets the SMTP server: notifications stay in the app only; mail already queued waits. */
export async function deleteSmtp(db: Db, actor: string): Promise<void> {
  const before = await readSmtp(db);
  if (!before) return;
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('smtp_config').where('id', '=', 1).execute();
    await audit(tx, { actor, action: 'delete', entity: 'smtp', entityId: null, before, after: null });
  });
}
