import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../core/errors.ts';
import {
  type LocaleResponse,
  type LoginResponse,
  type LogoutResponse,
  localeRequest,
  loginRequest,
  type MeResponse,
} from '../../schemas/auth.ts';
import { bumpStoredVersion } from '../../stores/data-version.ts';
import { audit } from '../audit/audit.ts';
import type { AppEnv } from '../context.ts';
import { AppErrorWithHeaders } from '../errors.ts';
import { findUserByName, updateUserLocale, userRowToView } from '../users/users.repository.ts';
import { validate } from '../validate.ts';
import { allow, allowPublic } from './access.ts';
import { decoyHash, verifyPassword } from './password.ts';
import { forgetSession, SESSION_COOKIE } from './session.middleware.ts';
import { createSession, deleteSession } from './sessions.repository.ts';
import { accountKey, addressKey, clearFailures, lockedFor, recordFailure } from './throttle.ts';

/**
 * The caller's address: the socket's, or behind a trusted reverse proxy the last address of
 * X-Forwarded-For (the one the proxy itself saw; earlier ones the client may have written).
 */
function clientIp(c: Context<AppEnv>): string | null {
  if (c.get('settings').trustProxy) {
    const forwarded = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1);
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests (tests) have no socket
  }
}

/** Whether the browser reached us over HTTPS, directly or through a trusted proxy, or the setting says so. */
function secureCookie(c: Context<AppEnv>): boolean {
  const settings = c.get('settings');
  if (settings.secureCookies || new URL(c.req.url).protocol === 'https:') return true;
  return settings.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export const authRoutes = new Hono<AppEnv>()
  .post('/login', allowPublic(), validate('json', loginRequest), async (c) => {
    const { db } = c.get('deps');
    const settings = c.get('settings');
    const { username, password } = c.req.valid('json');
    const ip = clientIp(c);
    const keys = [accountKey(username), ...(ip ? [addressKey(ip)] : [])];

    const wait = await lockedFor(db, keys);
    if (wait > 0) {
      throw new AppErrorWithHeaders('too_many_requests', `too many failed sign-ins; try again in ${wait} s`, {
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
    // Only the account is forgiven: one good password must not reset the count of an address
    // that is guessing at other accounts.
    await clearFailures(db, [accountKey(username)]);
    const token = await createSession(db, user.id, settings.sessionHours, {
      ip,
      userAgent: c.req.header('user-agent') ?? null,
    });
    await audit(db, { actor: user.username, action: 'login', entity: 'session', entityId: ip });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: secureCookie(c),
      maxAge: settings.sessionHours * 3600,
    });
    const body: LoginResponse = { user: userRowToView(user) };
    return c.json(body);
  })
  .post('/logout', allowPublic(), async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      forgetSession(token);
      await deleteSession(c.get('deps').db, token);
      // Other processes of the store forget their memory of it too.
      await bumpStoredVersion(c.get('deps').db, 'sessions');
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    const body: LogoutResponse = { ok: true };
    return c.json(body);
  })
  .get('/me', allow('session.own'), (c) => {
    const user = c.get('user');
    if (!user) throw new AppError('unauthenticated', 'sign in first');
    const { companyName, timeZone, currency } = c.get('settings');
    const body: MeResponse = { user, settings: { companyName, timeZone, currency } };
    return c.json(body);
  })
  .put('/me/locale', allow('session.own'), validate('json', localeRequest), async (c) => {
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
