import { Hono } from 'hono';
import type { MonitorsResponse } from '../../schemas/evaluations.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';

/** The active QA monitors and leads, for choosing whom to give calls to or invite to a calibration. */
export const monitorsRoutes = new Hono<AppEnv>().get('/', allow('qa', 'qa_lead', 'admin'), async (c) => {
  const rows = await c
    .get('deps')
    .db.selectFrom('users')
    .select(['username', 'display_name', 'role'])
    .where('active', '=', 1)
    .where('role', 'in', ['qa', 'qa_lead'])
    .orderBy('username')
    .execute();
  const body: MonitorsResponse = {
    monitors: rows.map((r) => ({
      username: r.username,
      displayName: r.display_name,
      role: r.role === 'qa_lead' ? 'qa_lead' : 'qa',
    })),
  };
  return c.json(body);
});
