import { Hono } from 'hono';
import type { MonitorsResponse } from '../../schemas/evaluations.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { listMonitors } from './users.repository.ts';

/** The active QA monitors and leads, for choosing whom to give calls to or invite to a calibration. */
export const monitorsRoutes = new Hono<AppEnv>().get('/', allow('monitors.read'), async (c) => {
  const body: MonitorsResponse = { monitors: await listMonitors(c.get('deps').db) };
  return c.json(body);
});
