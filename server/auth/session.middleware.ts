import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { dataVersion, sessionVersion } from '../../stores/data-version.ts';
import { cached } from '../cache.ts';
import type { AppEnv } from '../context.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { userRowToView } from '../users/users.repository.ts';
import { resolveSession } from './sessions.repository.ts';

export const SESSION_COOKIE = 'callscore_session';

/**
 * Sessions seen in the last few seconds, so a burst of requests (a dashboard loads a dozen at
 * once) costs one lookup. The whole users row is kept, so a head's department or team comes
 * with it. Signing out forgets the token at once, and in every other process of the store at its
 * next poll (the `sessions` counter); a user's role, limit or deactivation is an audited change
 * and clears the whole memory.
 */
const SESSION_MEMORY_MS = 10_000;
const recent = new Map<
  string,
  { row: Awaited<ReturnType<typeof resolveSession>>; until: number; version: number }
>();

async function knownSession(db: Parameters<typeof resolveSession>[0], token: string, hours: number) {
  const now = Date.now();
  // Both only grow, so their sum moves whenever either does (a change here or a sign-out in
  // another process of the store).
  const version = dataVersion() + sessionVersion();
  const hit = recent.get(token);
  if (hit && hit.until > now && hit.version === version) return hit.row;
  const row = await resolveSession(db, token, hours);
  if (recent.size > 10_000) recent.clear();
  if (row) recent.set(token, { row, until: now + SESSION_MEMORY_MS, version });
  else recent.delete(token);
  return row;
}

export const forgetSession = (token: string) => recent.delete(token);

/** Loads the settings and the signed-in user (or null) for every API request. */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db } = c.get('deps');
  // Settings change only through an audited write, which moves the data version.
  const settings = await cached(db, 'settings', () => readSettings(db));
  c.set('settings', settings);
  c.set('scope', { operatorIds: [] });
  const token = getCookie(c, SESSION_COOKIE);
  const row = token ? await knownSession(db, token, settings.sessionHours) : null;
  c.set('user', row ? userRowToView(row) : null);
  await next();
};
