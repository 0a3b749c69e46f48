import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAY_RULE, type PayRuleVersion, type RulePreview } from '../../schemas/pay-rule.ts';
import type { ScorecardResponse } from '../../schemas/scorecard.ts';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { loadGolden } from './golden.ts';

let env: TestEnv;
const as: Record<string, string> = {};

beforeAll(async () => {
  env = await testEnv();
  await loadGolden(env);
  for (const role of ['admin', 'head', 'payroll'] as const)
    as[role] = await signIn(env, role, await addUser(env, role, role));
  as.operator = await signIn(env, 'ana', await addUser(env, 'ana', 'operator', 'OP-A'));
});
afterAll(() => env.dispose());

const call = (method: string, url: string, who: string, body?: unknown) =>
  env.app.request(url, {
    method,
    headers: { cookie: as[who] as string, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('pay rules', () => {
  it('are listed with every version, the default first of all', async () => {
    const res = await call('GET', '/api/pay-rules', 'payroll');
    const { rules } = (await res.json()) as { rules: PayRuleVersion[] };
    const general = rules.filter((r) => r.department === null);
    expect(general).toHaveLength(1);
    expect(general[0]?.rule).toEqual(DEFAULT_PAY_RULE);
    expect(rules.filter((r) => r.department === 'Service').map((r) => r.version)).toEqual([2, 1]);
  });

  it('tell anyone, an operator too, the rule that scores a period', async () => {
    const res = await call('GET', '/api/pay-rules/in-force?period=2026-11&department=Service', 'operator');
    const { rule } = (await res.json()) as { rule: PayRuleVersion };
    expect(rule).toMatchObject({ department: 'Service', version: 2, validFrom: '2026-11-01' });
    const sales = await call('GET', '/api/pay-rules/in-force?period=2026-11&department=Sales', 'operator');
    expect(((await sales.json()) as { rule: PayRuleVersion }).rule.department).toBeNull();
  });

  it('preview what a rule would change before it is saved', async () => {
    const rule = { ...DEFAULT_PAY_RULE, clientClaims: { each: 0, cap: 0 } };
    const res = await call('POST', '/api/pay-rules/preview', 'admin', {
      department: null,
      period: '2026-10',
      rule,
    });
    expect(res.status).toBe(200);
    const preview = (await res.json()) as RulePreview;
    // The general rule covers Sales (OP-A, OP-B); Service has its own.
    expect(preview.changes.map((c) => c.operatorId)).toEqual(['OP-A', 'OP-B']);
    const a = preview.changes.find((c) => c.operatorId === 'OP-A');
    // OP-A loses the 0.1 of his one client claim: 0.4063 → 0.5063
    expect(a?.coefficient).toEqual({ current: 0.4063, proposed: 0.5063 });
    expect(a?.payout).toEqual({ current: 812_600, proposed: 1_012_600 });
    expect(preview.proposed.payout - preview.current.payout).toBe(200_000);
    // Nothing was saved.
    const card = (await (
      await call('GET', '/api/scorecards/OP-A?period=2026-10', 'head')
    ).json()) as ScorecardResponse;
    expect(card.operator.scorecard.coefficient).toBe(0.4063);
  });

  it('are saved as a new version by an administrator only, validated and audited', async () => {
    const body = {
      department: 'Sales',
      validFrom: '2026-10-01',
      rule: { ...DEFAULT_PAY_RULE, floor: 0.45 },
      note: 'Sales floor',
    };
    expect((await call('POST', '/api/pay-rules', 'payroll', body)).status).toBe(403);
    const bad = await call('POST', '/api/pay-rules', 'admin', {
      ...body,
      rule: { ...DEFAULT_PAY_RULE, floor: 2 },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/floor/);
    const missing = await call('POST', '/api/pay-rules', 'admin', { ...body, rule: { floor: 0 } });
    expect(missing.status).toBe(400);

    const res = await call('POST', '/api/pay-rules', 'admin', body);
    expect(res.status).toBe(201);
    const { rule } = (await res.json()) as { rule: PayRuleVersion };
    expect(rule).toMatchObject({ department: 'Sales', version: 1, createdBy: 'admin', note: 'Sales floor' });

    // The new floor now holds OP-A's coefficient up (0.4063 → 0.45).
    const card = (await (
      await call('GET', '/api/scorecards/OP-A?period=2026-10', 'head')
    ).json()) as ScorecardResponse;
    expect(card.operator.scorecard.coefficient).toBe(0.45);
    expect(card.operator.rule).toMatchObject({ department: 'Sales', version: 1 });

    const audit = (await (await call('GET', '/api/admin/audit?entity=pay_rule', 'admin')).json()) as {
      entries: { action: string; actor: string; after: { note: string } }[];
    };
    expect(audit.entries[0]).toMatchObject({
      action: 'create',
      actor: 'admin',
      after: { note: 'Sales floor' },
    });
  });
});
