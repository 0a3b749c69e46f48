import { Hono } from 'hono';
import { baseRequest, normRequest, plansQuery, targetRequest } from '../../schemas/plans.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import { readPlans, setBase, setNorm, setTarget } from './plans.service.ts';

const actor = (c: { get(k: 'user'): { username: string } | null }) => c.get('user')?.username ?? 'unknown';

/** Targets and norms are the head's (and the administrator's); bases also payroll's. */
export const plansRoutes = new Hono<AppEnv>()
  .get('/', allow('head', 'admin', 'payroll'), validate('query', plansQuery), async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await readPlans(c.get('deps'), q.period, q.team ?? null, c.get('settings'), c.get('scope')),
    );
  })
  .put('/targets', allow('head', 'admin'), validate('json', targetRequest), async (c) => {
    await setTarget(c.get('deps').db, c.req.valid('json'), c.get('scope'), actor(c));
    return c.json({ ok: true });
  })
  .put('/norms', allow('head', 'admin'), validate('json', normRequest), async (c) => {
    await setNorm(c.get('deps').db, c.req.valid('json'), c.get('scope'), actor(c));
    return c.json({ ok: true });
  })
  .put('/bases', allow('head', 'admin', 'payroll'), validate('json', baseRequest), async (c) => {
    await setBase(
      c.get('deps').db,
      c.req.valid('json'),
      c.get('scope'),
      c.get('settings').currency,
      actor(c),
    );
    return c.json({ ok: true });
  });
