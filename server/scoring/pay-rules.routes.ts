import { Hono } from 'hono';
import { z } from 'zod';
import {
  newPayRuleRequest,
  type PayRuleResponse,
  type PayRulesResponse,
  payRule,
  type RulePreview,
  ruleInForce,
} from '../../schemas/pay-rule.ts';
import { period } from '../../schemas/period.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import { addPayRule, listPayRules } from './pay-rules.repository.ts';
import { previewRule } from './rule-preview.ts';

const inForceQuery = z.object({ period, department: z.string().trim().min(1).max(200).optional() });
const previewRequest = z.object({
  department: z.string().trim().min(1).max(200).nullable(),
  period,
  rule: payRule,
});

export const payRulesRoutes = new Hono<AppEnv>()
  .get('/', allow('payRules.read'), async (c) => {
    const body: PayRulesResponse = { rules: await listPayRules(c.get('deps').db) };
    return c.json(body);
  })
  // Everyone may read the rule that scores them: an operator has the right to know it.
  .get('/in-force', allow('payRules.inForce'), validate('query', inForceQuery), async (c) => {
    const q = c.req.valid('query');
    const rules = await listPayRules(c.get('deps').db);
    const body: PayRuleResponse = { rule: ruleInForce(rules, q.department ?? null, `${q.period}-01`) };
    return c.json(body);
  })
  .post('/', allow('payRules.create'), validate('json', newPayRuleRequest), async (c) => {
    const body: PayRuleResponse = {
      rule: await addPayRule(c.get('deps').db, c.req.valid('json'), c.get('user')?.username ?? 'unknown'),
    };
    return c.json(body, 201);
  })
  .post('/preview', allow('payRules.preview'), validate('json', previewRequest), async (c) => {
    const body: RulePreview = await previewRule(c.get('deps'), c.req.valid('json'), c.get('settings'));
    return c.json(body);
  });
