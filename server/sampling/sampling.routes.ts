import { Hono } from 'hono';
import { z } from 'zod';
import {
  type RefillResponse,
  refillRequest,
  type SamplingRuleResponse,
  type SamplingRulesResponse,
  type SamplingWorklistResponse,
  samplingRuleInput,
  samplingWorklistQuery,
} from '../../schemas/sampling-rules.ts';
import { allow } from '../auth/access.ts';
import { currentUser } from '../auth/current-user.ts';
import type { AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import { refill } from './refill.ts';
import { createRule, getRule, listRules, samplingWorklist, updateRule } from './sampling.service.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });

/** docs/qa-program.md, "Sampling rules". */
export const samplingRoutes = new Hono<AppEnv>()
  .get('/', allow('sampling.read'), async (c) => {
    const body: SamplingRulesResponse = { rules: await listRules(c.get('deps').db) };
    return c.json(body);
  })
  .get('/worklist', allow('sampling.worklist'), validate('query', samplingWorklistQuery), async (c) => {
    const user = currentUser(c);
    const q = c.req.valid('query');
    // A monitor sees the calls given to him; leads and heads anyone's, of their scope.
    const monitor = user.role === 'qa' ? user.username : (q.monitor ?? null);
    const scope = c.get('scope').operatorIds;
    const items = (
      await samplingWorklist(c.get('deps').db, { monitor, from: q.from ?? null, to: q.to ?? null })
    ).filter((i) => scope === null || scope.includes(i.operatorId));
    const body: SamplingWorklistResponse = { items };
    return c.json(body);
  })
  .post('/refill', allow('sampling.edit'), validate('json', refillRequest), async (c) => {
    const { date, ruleId } = c.req.valid('json');
    const body: RefillResponse = await refill(
      c.get('deps'),
      date,
      currentUser(c).username,
      c.get('settings').timeZone,
      ruleId,
    );
    return c.json(body);
  })
  .get('/:id', allow('sampling.read'), validate('param', idParam), async (c) => {
    const body: SamplingRuleResponse = { rule: await getRule(c.get('deps').db, c.req.valid('param').id) };
    return c.json(body);
  })
  .post('/', allow('sampling.edit'), validate('json', samplingRuleInput), async (c) => {
    const body: SamplingRuleResponse = {
      rule: await createRule(c.get('deps').db, c.req.valid('json'), currentUser(c).username),
    };
    return c.json(body, 201);
  })
  .put(
    '/:id',
    allow('sampling.edit'),
    validate('param', idParam),
    validate('json', samplingRuleInput),
    async (c) => {
      const body: SamplingRuleResponse = {
        rule: await updateRule(
          c.get('deps').db,
          c.req.valid('param').id,
          c.req.valid('json'),
          currentUser(c).username,
        ),
      };
      return c.json(body);
    },
  );
