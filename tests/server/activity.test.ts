import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, loadSmall, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
let cookie: string;
beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  cookie = await signIn(env, 'victor', await addUser(env, 'victor', 'head'));
});
afterAll(() => env.dispose());

const get = (url: string) => env.app.request(url, { headers: { cookie } });

describe('GET /api/health', () => {
  it('answers without a session and checks both stores', async () => {
    const res = await env.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', stores: { duckdb: 'ok', sqlite: 'ok' } });
  });
});

describe('GET /api/operators/activity', () => {
  it('counts calls and orders per operator on local dates of the company zone', async () => {
    const res = await get('/api/operators/activity?period=2026-10');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.range).toEqual({ from: '2026-10-01', to: '2026-11-01' });
    expect(body.currency).toBe('EUR');
    const byId = Object.fromEntries(body.operators.map((o: { operatorId: string }) => [o.operatorId, o]));
    // C7 starts 2026-11-01 09:00 local: November, not October.
    expect(byId['OP-1']).toMatchObject({
      calls: 2,
      handledCalls: 2,
      inbound: 2,
      outbound: 0,
      talkSeconds: 540,
      ahtSeconds: 300, // ((300+10+20) + (240+0+30)) / 2
      orders: 2, // cancelled O2 counts as accepted
      orderRevenue: 150050, // O2 cancelled is not revenue
      teamName: 'Order desk',
    });
    expect(byId['OP-2']).toMatchObject({
      calls: 2,
      handledCalls: 1,
      outbound: 2,
      orders: 1,
      orderRevenue: 9999,
    });
    expect(byId['OP-3']).toMatchObject({ calls: 1, handledCalls: 1, ahtSeconds: 720 });
  });

  it('filters by team', async () => {
    const body = await (await get('/api/operators/activity?period=2026-10&team=T2')).json();
    expect(body.operators.map((o: { operatorId: string }) => o.operatorId)).toEqual(['OP-3']);
  });

  it('takes a custom from/to range', async () => {
    const body = await (await get('/api/operators/activity?from=2026-10-02&to=2026-10-03')).json();
    const op1 = body.operators.find((o: { operatorId: string }) => o.operatorId === 'OP-1');
    expect(op1.calls).toBe(2); // C1 is Oct 2 local, C2 too
  });

  it('rejects a bad period with a 400 that names it', async () => {
    for (const q of [
      'period=2026-13',
      'period=oct',
      '',
      'from=2026-10-05&to=2026-10-01',
      'period=2026-10&from=2026-10-01',
    ]) {
      const res = await get(`/api/operators/activity?${q}`);
      expect(res.status, q).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message.length).toBeGreaterThan(5);
    }
  });
});

describe('GET /api/overview/daily and /api/periods', () => {
  it('gives calls, handled, abandoned and orders per local day', async () => {
    const body = await (await get('/api/overview/daily?period=2026-10')).json();
    expect(body.days).toEqual([
      { date: '2026-10-02', calls: 3, handled: 2, inbound: 3, abandoned: 1, orders: 2 },
      { date: '2026-10-03', calls: 2, handled: 1, inbound: 0, abandoned: 0, orders: 1 },
      { date: '2026-10-04', calls: 1, handled: 1, inbound: 1, abandoned: 0, orders: 0 },
    ]);
  });

  it('lists the months with calls, newest first', async () => {
    expect(await (await get('/api/periods')).json()).toEqual({ periods: ['2026-11', '2026-10'] });
  });
});

describe('errors', () => {
  it('an unknown API route is a JSON 404', async () => {
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'no route GET /api/nothing-here' },
    });
  });

  it('an unknown operator is a 404 in the one error shape', async () => {
    const res = await get('/api/operators/OP-404/activity?period=2026-10');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no operator "OP-404"' } });
  });
});
