import { Hono } from 'hono';
import {
  approveRequest,
  exportQuery,
  type PayPeriodResponse,
  type PayPeriodsResponse,
  periodParam,
  reopenRequest,
} from '../../schemas/scorecard.ts';
import { periodsWithCalls } from '../activity/activity.service.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { optionalJsonBody, validate } from '../validate.ts';
import { approvePeriod, listPayPeriods, payPeriod, reopenPeriod } from './pay-periods.service.ts';
import { exportPayroll } from './payroll-export.ts';

const actor = (c: { get(k: 'user'): { username: string } | null }) => c.get('user')?.username ?? 'unknown';

export const payrollRoutes = new Hono<AppEnv>()
  .get('/', allow('payroll.read'), async (c) => {
    const { analytics, db } = c.get('deps');
    const settings = c.get('settings');
    const months = await periodsWithCalls(analytics, settings.timeZone);
    const body: PayPeriodsResponse = {
      currency: settings.currency,
      periods: await listPayPeriods(db, months, c.get('scope')),
    };
    return c.json(body);
  })
  .get('/:period', allow('payroll.read'), validate('param', periodParam), async (c) => {
    const body: PayPeriodResponse = {
      payPeriod: await payPeriod(c.get('deps').db, c.req.valid('param').period),
    };
    return c.json(body);
  })
  // Approving is payroll's act alone; re-opening is an administrator's.
  .post(
    '/:period/approve',
    allow('payroll.approve'),
    validate('param', periodParam),
    optionalJsonBody,
    validate('json', approveRequest),
    async (c) => {
      const body: PayPeriodResponse = {
        payPeriod: await approvePeriod(
          c.get('deps'),
          c.req.valid('param').period,
          c.get('settings'),
          actor(c),
          {
            confirmMissingBases: c.req.valid('json').confirmMissingBases,
          },
        ),
      };
      return c.json(body);
    },
  )
  .post(
    '/:period/reopen',
    allow('payroll.reopen'),
    validate('param', periodParam),
    validate('json', reopenRequest),
    async (c) => {
      const body: PayPeriodResponse = {
        payPeriod: await reopenPeriod(
          c.get('deps').db,
          c.req.valid('param').period,
          c.req.valid('json').reason,
          actor(c),
        ),
      };
      return c.json(body);
    },
  )
  .get(
    '/:period/export',
    allow('payroll.export'),
    validate('param', periodParam),
    validate('query', exportQuery),
    async (c) => {
      const file = await exportPayroll(
        c.get('deps'),
        c.req.valid('param').period,
        c.get('settings'),
        c.req.valid('query'),
      );
      return c.body(new Uint8Array(file.content), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'X-Callscore-Source': file.source,
      });
    },
  );
