import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../stores/sqlite.ts';

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Creates a session and returns the token for the cookie; only its digest is stored. */
export async function createSession(
  db: Db,
  userId: number,
  ttlHours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      id: digest(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlHours * 3_600_000).toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

/**
 * The user of a live session, sliding its expiry forward. The write is skipped when the session
 * was seen in the last minute so reads do not turn into a write per request.
 */
export async function resolveSession(db: Db, token: string, ttlHours: number) {
  const id = digest(token);
  const now = new Date();
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.last_seen_at', 'sessions.expires_at'])
    .where('sessions.id', '=', id)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at <= now.toISOString()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    await db
      .updateTable('sessions')
      .set({
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + ttlHours * 3_600_000).toISOString(),
      })
      .where('id', '=', id)
      .execute();
  }
  return row;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', new Date().toISOString()).execute();
}
