import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => env.dispose());

/** A sign-in from an address: behind a trusted proxy, the address is X-Forwarded-For's last one. */
const login = (username: string, password: string, ip: string, headers: Record<string, string> = {}) =>
  env.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.9, ${ip}`, ...headers },
    body: JSON.stringify({ username, password }),
  });

describe('sign-in throttling', () => {
  it('over a real socket, one agent’s typos do not lock out the next agent at the same address', async () => {
    const victor = await addUser(env, 'victor', 'head');
    const maria = await addUser(env, 'maria', 'head');
    const server = serve({ fetch: env.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/auth/login`;
    const post = (username: string, password: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    try {
      for (let i = 0; i < 6; i++) expect((await post('victor', 'typo')).status).not.toBe(200);
      expect((await post('victor', victor)).status).toBe(429);
      expect((await post('maria', maria)).status).toBe(200);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  beforeEach(() => writeSetting(env.rt.db, 'trustProxy', true, 'test'));

  it('locks the account that is guessed at, not the colleagues behind the same address', async () => {
    const victor = await addUser(env, 'victor', 'head');
    const maria = await addUser(env, 'maria', 'head');
    for (let i = 0; i < 6; i++) await login('victor', 'typo', '10.0.0.1');
    expect((await login('victor', victor, '10.0.0.1')).status).toBe(429);
    // Another agent in the same office signs in at once.
    expect((await login('maria', maria, '10.0.0.1')).status).toBe(200);
  });

  it('slows down one address that guesses at many accounts, only past a much higher count', async () => {
    const maria = await addUser(env, 'maria', 'head');
    for (let i = 0; i < 50; i++) expect((await login(`user${i}`, 'guess', '10.0.0.2')).status).toBe(401);
    expect((await login('maria', maria, '10.0.0.2')).status).toBe(200);
    await login('user51', 'guess', '10.0.0.2');
    const locked = await login('maria', maria, '10.0.0.2');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Elsewhere she still gets in, and her good password did not forgive the guessing address.
    expect((await login('maria', maria, '10.0.0.3')).status).toBe(200);
    expect((await login('maria', maria, '10.0.0.2')).status).toBe(429);
  });

  it('takes the address from X-Forwarded-For only when the proxy is trusted', async () => {
    await writeSetting(env.rt.db, 'trustProxy', false, 'test');
    await addUser(env, 'victor', 'head');
    const maria = await addUser(env, 'maria', 'head');
    // Untrusted, every attempt is of the same (unknown) address whatever the header says: the
    // account limit still holds, and varying the header cannot dodge it.
    for (let i = 0; i < 6; i++) await login('victor', 'typo', `10.0.1.${i}`);
    expect((await login('victor', 'typo', '10.0.9.9')).status).toBe(429);
    expect((await login('maria', maria, '10.0.0.1')).status).toBe(200);
  });
});

describe('the session cookie', () => {
  const cookieOf = async (headers: Record<string, string>) => {
    const password = await addUser(env, `u${Math.random().toString(36).slice(2, 8)}`, 'head');
    const name = (
      await env.rt.db.selectFrom('users').select('username').orderBy('id', 'desc').executeTakeFirstOrThrow()
    ).username;
    const res = await login(name, password, '10.0.0.1', headers);
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie') ?? '';
  };

  it('is Secure behind a trusted proxy that says https, or when the setting says so', async () => {
    expect(await cookieOf({ 'x-forwarded-proto': 'https' })).not.toMatch(/;\s*Secure/i);
    await writeSetting(env.rt.db, 'trustProxy', true, 'test');
    expect(await cookieOf({ 'x-forwarded-proto': 'https' })).toMatch(/;\s*Secure/i);
    expect(await cookieOf({ 'x-forwarded-proto': 'http' })).not.toMatch(/;\s*Secure/i);
    await writeSetting(env.rt.db, 'secureCookies', true, 'test');
    expect(await cookieOf({})).toMatch(/;\s*Secure/i);
  });

  it('is Secure when the request itself came over https', async () => {
    const password = await addUser(env, 'maria', 'head');
    const res = await env.app.request('https://callscore.example/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'maria', password }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });
});

describe('settings', () => {
  it('refuses a number setting given as "", null, [], true or nothing, and takes its digits', async () => {
    const admin = await signIn(env, 'admin', await addUser(env, 'admin', 'admin'));
    const put = (body: unknown) =>
      env.app.request('/api/admin/settings/disputeDays', {
        method: 'PUT',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const value of ['', null, [], true, ' ', '7.5', -1, {}]) {
      const res = await put({ value });
      expect(res.status, JSON.stringify(value)).toBe(400);
      expect((await res.json()).error.message).toMatch(/disputeDays: /);
    }
    const missing = await put({});
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toMatch(/value: /);
    const ok = await put({ value: '10' });
    expect(ok.status).toBe(200);
    expect((await ok.json()).settings.disputeDays).toBe(10);
  });
});

describe('response headers', () => {
  it('carry a Content-Security-Policy that allows scripts from the app itself only', async () => {
    const res = await env.app.request('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
  });
});
