import type { NotificationKind, NotificationParams } from '../../schemas/notifications.ts';
import { isLanguageCode } from '../../schemas/users.ts';
import type { Db } from '../../stores/sqlite.ts';
import { emailText } from './messages.ts';

export interface NotifyEvent {
  kind: NotificationKind;
  params: NotificationParams;
  /** The app's path to the thing it is about. */
  link: string;
}

/**
 * Tells each named user of an event: a notification for the app and, where an SMTP server is
 * configured and the user has an address and did not turn e-mail off, an outbox row. Called with
 * the event's own transaction, so the event and its messages are stored together or not at all;
 * nothing here talks to the network, the outbox loop (outbox.ts) sends.
 */
export async function notify(tx: Db, usernames: readonly string[], event: NotifyEvent): Promise<void> {
  const unique = [...new Set(usernames)];
  if (!unique.length) return;
  const at = new Date().toISOString();
  const smtp = await tx.selectFrom('smtp_config').select('app_url').where('id', '=', 1).executeTakeFirst();
  const users = await tx
    .selectFrom('users')
    .select(['username', 'email', 'email_opt_out', 'locale'])
    .where('username', 'in', unique)
    .where('active', '=', 1)
    .execute();
  for (const u of users) {
    const row = await tx
      .insertInto('notifications')
      .values({
        username: u.username,
        kind: event.kind,
        params: JSON.stringify(event.params),
        link: event.link,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!smtp || !u.email || u.email_opt_out === 1) continue;
    const lang = isLanguageCode(u.locale) ? u.locale : 'en';
    const text = emailText(lang, event.kind, event.params, `${smtp.app_url.replace(/\/$/, '')}${event.link}`);
    await tx
      .insertInto('notification_outbox')
      .values({
        notification_id: row.id,
        to_address: u.email,
        subject: text.subject,
        body: text.body,
        next_attempt_at: at,
        created_at: at,
      })
      .execute();
  }
}

/** The active users signed in as this operator. */
export async function operatorUsers(tx: Db, operatorId: string | null): Promise<string[]> {
  if (!operatorId) return [];
  const rows = await tx
    .selectFrom('users')
    .select('username')
    .where('role', '=', 'operator')
    .where('operator_id', '=', operatorId)
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => r.username);
}

/** The active users of a role. */
export async function usersOfRole(tx: Db, role: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('users')
    .select('username')
    .where('role', '=', role)
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => r.username);
}

/** The heads whose scope holds this operator: unlimited ones, his department's and his team's. */
export async function headsOf(tx: Db, operatorId: string | null): Promise<string[]> {
  const op = operatorId
    ? await tx
        .selectFrom('operators')
        .leftJoin('teams', 'teams.team_id', 'operators.team_id')
        .select(['operators.team_id', 'teams.department'])
        .where('operators.operator_id', '=', operatorId)
        .executeTakeFirst()
    : undefined;
  const heads = await tx
    .selectFrom('users')
    .select(['username', 'department', 'team_id'])
    .where('role', '=', 'head')
    .where('active', '=', 1)
    .execute();
  return heads
    .filter(
      (h) =>
        (h.department === null && h.team_id === null) ||
        (h.team_id !== null && h.team_id === op?.team_id) ||
        (h.team_id === null && h.department !== null && h.department === op?.department),
    )
    .map((h) => h.username);
}
