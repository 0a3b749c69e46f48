import { Hono } from 'hono';
import {
  type DisputesReportResponse,
  disputesReportQuery,
  type GradersResponse,
  gradersQuery,
} from '../../schemas/graders.ts';
import { allow } from '../auth/access.ts';
import { currentUser } from '../auth/current-user.ts';
import type { AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import { disputesReport, graders } from './graders.service.ts';

/** `/api/qa/graders`: the monitors' figures for a month, and the disputes report. */
export const gradersRoutes = new Hono<AppEnv>()
  .get('/', allow('qa.graders'), validate('query', gradersQuery), async (c) => {
    const { period } = c.req.valid('query');
    const body: GradersResponse = {
      period,
      monitors: await graders(
        c.get('deps'),
        currentUser(c),
        c.get('scope'),
        period,
        c.get('settings').timeZone,
      ),
    };
    return c.json(body);
  })
  .get('/disputes', allow('qa.disputesReport'), validate('query', disputesReportQuery), async (c) => {
    const body: DisputesReportResponse = await disputesReport(
      c.get('deps'),
      currentUser(c),
      c.get('scope'),
      c.req.valid('query').period,
      c.get('settings').timeZone,
    );
    return c.json(body);
  });
