import { Hono } from 'hono';
import {
  baseRequest,
  normRequest,
  type PlanSavedResponse,
  type PlansResponse,
  plansQuery,
  targetRequest,
} from '../../schemas/plans.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import { readPlans, setBase, setNorm, setTarget } from './plans.service.ts';

const SAVED: PlanSavedResponse = { ok: true };
const actor = (c: { get(k: 'user'): { username: string } | null }) => c.get('user')?.username ?? 'unknown';

/** Targets and norms are the head's (and the administrator's); bases also payroll's. */
export const plansRoutes = new Hono<AppEnv>()
  .get('/', allow('plans.read'), validate('query', plansQuery), async (c) => {
    const q = c.req.valid('query');
    const body: PlansResponse = await readPlans(
      c.get('deps'),
      q.period,
      q.team ?? null,
      c.get('settings'),
      c.get('scope'),
    );
    return c.json(body);
  })
  .put('/targets', allow('plans.edit'), validate('json', targetRequest), async (c) => {
    await setTarget(c.get('deps').db, c.req.valid('json'), c.get('scope'), actor(c));
    return c.json(SAVED);
  })
  .put('/norms', allow('plans.edit'), validate('json', normRequest), async (c) => {
    await setNorm(c.get('deps').db, c.req.valid('json'), c.get('scope'), actor(c));
    return c.json(SAVED);
  })
  .put('/bases', allow('plans.bases'), validate('json', baseRequest), async (c) => {
    await setBase(
      c.get('deps').db,
      c.req.valid('json'),
      c.get('scope'),
      c.get('settings').currency,
      actor(c),
    );
    return c.json(SAVED);
  });
