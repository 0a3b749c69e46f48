import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { loadGolden } from '../scoring/golden.ts';

/**
 * Dates that cannot exist — a 30th of February, the year 0 — are refused with a 400 naming the
 * field on every route that takes a period, never a 500 from deep inside the stores.
 */
let env: TestEnv;
let admin: string;

beforeAll(async () => {
  env = await testEnv();
  await loadGolden(env);
  admin = await signIn(env, 'admin', await addUser(env, 'admin', 'admin'));
});
afterAll(() => env.dispose());

const call = (method: string, url: string, body?: unknown) =>
  env.app.request(url, {
    method,
    headers: { cookie: admin, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const READERS = [
  '/api/scorecards',
  '/api/ranking',
  '/api/kpis',
  '/api/dashboard/summary',
  '/api/calls',
  '/api/evaluations',
  '/api/evaluations/quality',
  '/api/claims',
  '/api/assessments',
  '/api/plans',
  '/api/operators/OP-A/trend',
  '/api/operators/OP-A/orders',
  '/api/operators/activity',
  '/api/overview/daily',
  '/api/calls/sample',
];

describe('impossible dates', () => {
  it.each(READERS)('%s refuses them with a 400 naming the field', async (route) => {
    const cases: [string, RegExp][] = [
      ['from=2026-02-30&to=2026-03-01', /from: is not a calendar date/],
      ['from=2026-02-01&to=2026-02-30', /to: is not a calendar date/],
      ['period=0000-01', /period: is not a month between 1970-01 and 2999-12/],
      ['period=2026-13', /period: is not a period/],
    ];
    // These take a month only (other query keys are ignored): the dates apply to the others.
    const monthOnly = /evaluations$|claims|assessments|plans|quality|sample/.test(route);
    for (const [q, message] of cases) {
      if (monthOnly && q.startsWith('from')) continue;
      const res = await call('GET', `${route}?${q}`);
      expect(res.status, `${route}?${q}`).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('bad_request');
      if (q.startsWith('period') || !/plans|quality|sample/.test(route))
        expect(body.error.message).toMatch(message);
    }
  });

  it('the pay-rule preview, pay periods and trend refuse the year 0', async () => {
    const preview = await call('POST', '/api/pay-rules/preview', {
      department: null,
      period: '0000-01',
      rule: {},
    });
    expect(preview.status).toBe(400);
    expect((await preview.json()).error.message).toMatch(/period: is not a month between/);
    for (const path of ['/api/pay-periods/0000-01', '/api/pay-periods/0000-01/export?format=csv']) {
      const res = await call('GET', path);
      expect(res.status, path).toBe(400);
    }
  });

  it('targets, norms and bases cannot be set for the year 0', async () => {
    const puts: [string, Record<string, unknown>][] = [
      ['/api/plans/targets', { teamId: 'T1', period: '0000-01', metric: 'orders', target: 8 }],
      ['/api/plans/norms', { scope: 'team', subjectId: 'T1', period: '0000-01', tasksNorm: 10 }],
      ['/api/plans/bases', { operatorId: 'OP-A', period: '0000-01', variableBase: 100 }],
    ];
    for (const [path, body] of puts) {
      const res = await call('PUT', path, body);
      expect(res.status, path).toBe(400);
      expect((await res.json()).error.message, path).toMatch(/period: is not a month between/);
    }
  });
});
