import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { type LocaleResponse, localeRequest, loginRequest, type MeResponse } from '../../schemas/api.ts';
import { audit } from '../audit/audit.ts';
import type { AppEnv } from '../context.ts';
import { AppError } from '../errors.ts';
import { findUserByName, updateUserLocale, userRowToView } from '../users/users.repository.ts';
import { validate } from '../validate.ts';
import { allowAnyUser, allowPublic } from './access.ts';
import { decoyHash, verifyPassword } from './password.ts';
import { forgetSession, SESSION_COOKIE } from './session.middleware.ts';
import { createSession, deleteSession } from './sessions.repository.ts';
import { clearFailures, lockedFor, recordFailure } from './throttle.ts';

function clientIp(c: Context<AppEnv>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests (tests) have no socket
  }
}

export const authRoutes = new Hono<AppEnv>()
  .post('/login', allowPublic(), validate('json', loginRequest), async (c) => {
    const { db } = c.get('deps');
    const settings = c.get('settings');
    const { username, password } = c.req.valid('json');
    const ip = clientIp(c);
    const keys = [`user:${username.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];

    const wait = await lockedFor(db, keys);
    if (wait > 0) {
      throw new AppError('too_many_requests', `too many failed sign-ins; try again in ${wait} s`, {
        'Retry-After': String(wait),
      });
    }
    const user = await findUserByName(db, username);
    const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
    if (!user || !ok) {
      await recordFailure(db, keys);
      await audit(db, { actor: username, action: 'login_failed', entity: 'session', entityId: ip });
      throw new AppError('unauthenticated', 'wrong username or password');
    }
    await clearFailures(db, keys);
    const token = await createSession(db, user.id, settings.sessionHours, {
      ip,
      userAgent: c.req.header('user-agent') ?? null,
    });
    await audit(db, { actor: user.username, action: 'login', entity: 'session', entityId: ip });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: settings.sessionHours * 3600,
    });
    return c.json({ user: userRowToView(user) });
  })
  .post('/logout', allowPublic(), async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      forgetSession(token);
      await deleteSession(c.get('deps').db, token);
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const });
  })
  .get('/me', allowAnyUser(), (c) => {
    const user = c.get('user');
    if (!user) throw new AppError('unauthenticated', 'sign in first');
    const { companyName, timeZone, currency } = c.get('settings');
    const body: MeResponse = { user, settings: { companyName, timeZone, currency } };
    return c.json(body);
  })
  .put('/me/locale', allowAnyUser(), validate('json', localeRequest), async (c) => {
    const user = c.get('user');
    if (!user) throw new AppError('unauthenticated', 'sign in first');
    const { locale } = c.req.valid('json');
    const row = await c
      .get('deps')
      .db.transaction()
      .execute(async (tx) => {
        const updated = await updateUserLocale(tx, user.id, locale);
        await audit(tx, {
          actor: user.username,
          action: 'update',
          entity: 'user_locale',
          entityId: String(user.id),
          before: { locale: user.locale },
          after: { locale },
        });
        return updated;
      });
    const body: LocaleResponse = { user: userRowToView(row) };
    return c.json(body);
  });
