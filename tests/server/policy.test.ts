import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, POLICY } from '../../schemas/policy.ts';
import { policyOf } from '../../server/auth/access.ts';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * The access policy is declared once (schemas/policy.ts): every API route's guard names one of
 * its actions and takes that action's roles, so the web app, which reads the same table, shows
 * exactly what the server accepts.
 */

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env.dispose());

/** Each API route of the app with the access policy of its guard. */
function guardedRoutes() {
  const out = new Map<string, ReturnType<typeof policyOf>>();
  for (const r of env.app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    const policy = policyOf(r.handler);
    if (policy) out.set(`${r.method} ${r.path}`, policy);
  }
  return out;
}

describe('the access policy', () => {
  it('guards every API route with an action of the policy, with that action’s roles, or as public', () => {
    const routes = guardedRoutes();
    expect(routes.size).toBeGreaterThan(80);
    const wrong: string[] = [];
    const publicRoutes: string[] = [];
    for (const [key, policy] of routes) {
      if (policy?.kind === 'public') {
        publicRoutes.push(key);
        continue;
      }
      if (policy?.kind !== 'action') {
        wrong.push(`${key}: no action`);
        continue;
      }
      if (!ACTIONS.includes(policy.action)) wrong.push(`${key}: "${policy.action}" is not in the policy`);
      else if (policy.roles !== POLICY[policy.action]) wrong.push(`${key}: roles not taken from the policy`);
    }
    expect(wrong).toEqual([]);
    expect(publicRoutes.sort()).toEqual(['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout']);
  });

  it('names no action that no route takes', () => {
    const used = new Set<string>();
    for (const policy of guardedRoutes().values()) if (policy?.kind === 'action') used.add(policy.action);
    expect(ACTIONS.filter((a) => !used.has(a))).toEqual([]);
  });

  it('refuses a role the policy does not name, with the roles that may', async () => {
    await addUser(env, 'monitor', 'qa');
    const cookie = await signIn(env, 'monitor', 'pw-monitor-secret');
    const res = await env.app.request('/api/forms', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toContain(POLICY['forms.create'].join(', '));
  });
});
