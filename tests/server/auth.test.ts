import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, loadSmall, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
});
afterEach(() => env.dispose());

const login = (username: string, password: string) =>
  env.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

describe('sign-in', () => {
  it('gives an HttpOnly SameSite session cookie and /me answers with the user', async () => {
    const password = await addUser(env, 'victor', 'head');
    const res = await login('victor', password);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^callscore_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(await res.json()).toEqual({
      user: {
        id: expect.any(Number),
        username: 'victor',
        displayName: 'victor',
        role: 'head',
        operatorId: null,
        department: null,
        team: null,
        locale: 'en',
      },
    });

    const me = await env.app.request('/api/auth/me', { headers: { cookie: cookie.split(';')[0] as string } });
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body.user.username).toBe('victor');
    expect(body.settings.timeZone).toBe('Europe/Chisinau');
  });

  it('stores only a digest of the session token', async () => {
    const password = await addUser(env, 'victor', 'head');
    const cookie = await signIn(env, 'victor', password);
    const token = cookie.split('=')[1] as string;
    const rows = await env.rt.db.selectFrom('sessions').select('id').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(token);
  });

  it('refuses a wrong password and an unknown user alike with 401', async () => {
    await addUser(env, 'victor', 'head');
    for (const [u, p] of [
      ['victor', 'wrong-password'],
      ['nobody', 'whatever'],
    ] as const) {
      const res = await login(u, p);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: 'unauthenticated', message: 'wrong username or password' },
      });
    }
  });

  it('slows down repeated wrong passwords with 429 and Retry-After, even for the right one', async () => {
    const password = await addUser(env, 'victor', 'head');
    for (let i = 0; i < 4; i++) expect((await login('victor', 'nope')).status).toBe(401);
    const locked = await login('victor', password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await locked.json()).error.message).toMatch(/too many failed sign-ins/);
  });

  it('logout ends the session', async () => {
    const password = await addUser(env, 'victor', 'head');
    const cookie = await signIn(env, 'victor', password);
    const out = await env.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(200);
    const me = await env.app.request('/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(401);
  });

  it('an expired session is refused', async () => {
    const password = await addUser(env, 'victor', 'head');
    const cookie = await signIn(env, 'victor', password);
    await env.rt.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    expect((await env.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('a malformed JSON body is a 400 with a message', async () => {
    const res = await env.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": "x", ',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(/JSON/i);
  });

  it('a body without a password is a 400 naming the field', async () => {
    const res = await env.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x' }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/password/);
  });

  it('sign-ins, failed ones and the creation of users are in the audit log', async () => {
    const password = await addUser(env, 'victor', 'head');
    await login('victor', 'nope');
    await signIn(env, 'victor', password);
    const rows = await env.rt.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'entity'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => `${r.actor} ${r.action} ${r.entity}`)).toEqual(
      expect.arrayContaining(['test create user', 'victor login_failed session', 'victor login session']),
    );
  });
});

describe('roles', () => {
  it('an anonymous request to a guarded route is 401', async () => {
    const res = await env.app.request('/api/operators/activity?period=2026-10');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
  });

  it('a role that is not allowed gets 403 with the roles it needs', async () => {
    const password = await addUser(env, 'victor', 'head');
    const cookie = await signIn(env, 'victor', password);
    const res = await env.app.request('/api/admin/users', { headers: { cookie } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/needs one of: admin/);
  });

  it('an operator reading another operator gets 403, his own data 200', async () => {
    const password = await addUser(env, 'ana', 'operator', 'OP-1');
    const cookie = await signIn(env, 'ana', password);
    const other = await env.app.request('/api/operators/OP-2/activity?period=2026-10', {
      headers: { cookie },
    });
    expect(other.status).toBe(403);
    expect((await other.json()).error.message).toMatch(/own data/);
    const own = await env.app.request('/api/operators/OP-1/activity?period=2026-10', { headers: { cookie } });
    expect(own.status).toBe(200);
    expect((await own.json()).operators.map((o: { operatorId: string }) => o.operatorId)).toEqual(['OP-1']);
  });

  it('an operator asking for everyone gets only himself', async () => {
    const password = await addUser(env, 'ana', 'operator', 'OP-1');
    const cookie = await signIn(env, 'ana', password);
    const res = await env.app.request('/api/operators/activity?period=2026-10', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect((await res.json()).operators.map((o: { operatorId: string }) => o.operatorId)).toEqual(['OP-1']);
    const teams = await env.app.request('/api/teams', { headers: { cookie } });
    expect((await teams.json()).teams.map((t: { teamId: string }) => t.teamId)).toEqual(['T1']);
  });

  it('an admin can create a user through the API, audited with the admin as actor', async () => {
    const password = await addUser(env, 'root', 'admin');
    const cookie = await signIn(env, 'root', password);
    const res = await env.app.request('/api/admin/users', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'ivan',
        role: 'operator',
        operatorId: 'OP-2',
        password: 'long-enough-1',
      }),
    });
    expect(res.status).toBe(201);
    const audit = await env.app.request('/api/admin/audit?entity=user', { headers: { cookie } });
    const entries = (await audit.json()).entries;
    expect(entries[0]).toMatchObject({
      actor: 'root',
      action: 'create',
      entity: 'user',
      after: { username: 'ivan' },
    });
  });

  it('an operator user must name an existing operator', async () => {
    await expect(addUser(env, 'ghost', 'operator', 'OP-404')).rejects.toThrow(/no operator with id "OP-404"/);
    await expect(addUser(env, 'nolink', 'operator', null)).rejects.toThrow(/needs --operator/);
  });

  it('every API route declares who may use it', async () => {
    const { assertEveryRouteGuarded } = await import('../../server/app.ts');
    const routes = assertEveryRouteGuarded(env.app);
    expect(routes).toEqual(
      expect.arrayContaining(['GET /api/health', 'POST /api/auth/login', 'GET /api/operators/activity']),
    );
  });
});

describe("the user's language", () => {
  const putLocale = (cookie: string | null, body: unknown) =>
    env.app.request('/api/auth/me/locale', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });

  it('is English at first, changes with PUT /me/locale, shows in /me and is audited', async () => {
    const password = await addUser(env, 'victor', 'operator', 'OP-1');
    const cookie = await signIn(env, 'victor', password);
    const before = await (await env.app.request('/api/auth/me', { headers: { cookie } })).json();
    expect(before.user.locale).toBe('en');

    const res = await putLocale(cookie, { locale: 'ro' });
    expect(res.status).toBe(200);
    expect((await res.json()).user.locale).toBe('ro');
    const after = await (await env.app.request('/api/auth/me', { headers: { cookie } })).json();
    expect(after.user.locale).toBe('ro');

    const rows = await env.rt.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'user_locale')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor).toBe('victor');
    expect(JSON.parse(rows[0]?.before ?? 'null')).toEqual({ locale: 'en' });
    expect(JSON.parse(rows[0]?.after ?? 'null')).toEqual({ locale: 'ro' });
  });

  it('refuses an unknown language with 400 and a signed-out request with 401', async () => {
    const password = await addUser(env, 'victor', 'head');
    const cookie = await signIn(env, 'victor', password);
    expect((await putLocale(cookie, { locale: 'de' })).status).toBe(400);
    expect((await putLocale(cookie, {})).status).toBe(400);
    expect((await putLocale(null, { locale: 'ru' })).status).toBe(401);
  });
});
