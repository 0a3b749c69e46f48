import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../context.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { cached } from '../stores/cache.ts';
import { userRowToView } from '../users/users.repository.ts';
import { resolveSession } from './sessions.repository.ts';

export const SESSION_COOKIE = 'callscore_session';

/** Loads the settings and the signed-in user (or null) for every API request. */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db } = c.get('deps');
  // Settings change only through an audited write, which moves the data version.
  const settings = await cached(db, 'settings', () => readSettings(db));
  c.set('settings', settings);
  c.set('scope', { operatorIds: [] });
  const token = getCookie(c, SESSION_COOKIE);
  const row = token ? await resolveSession(db, token, settings.sessionHours) : null;
  c.set('user', row ? userRowToView(row) : null);
  await next();
};
