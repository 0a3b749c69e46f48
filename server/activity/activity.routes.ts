import { Hono } from 'hono';
import { AppError } from '../../core/errors.ts';
import type {
  ActivityResponse,
  DailyResponse,
  PeriodsResponse,
  TeamsResponse,
} from '../../schemas/activity.ts';
import { rangeQuery } from '../../schemas/period.ts';
import type { RosterResponse } from '../../schemas/roster.ts';
import { allow, allowOwn } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import {
  dailyActivity,
  operatorActivity,
  periodsWithCalls,
  rosterFor,
  teamsWithSize,
} from './activity.service.ts';

export const activityRoutes = new Hono<AppEnv>()
  .get('/periods', allow('roster.read'), async (c) => {
    const body: PeriodsResponse = {
      periods: await periodsWithCalls(c.get('deps').analytics, c.get('settings').timeZone),
    };
    return c.json(body);
  })
  .get('/teams', allow('roster.read'), async (c) => {
    const body: TeamsResponse = { teams: await teamsWithSize(c.get('deps').db, c.get('scope')) };
    return c.json(body);
  })
  .get('/operators', allow('roster.read'), async (c) => {
    const body: RosterResponse = { operators: await rosterFor(c.get('deps').db, c.get('scope')) };
    return c.json(body);
  })
  .get('/operators/activity', allow('activity.read'), validate('query', rangeQuery), async (c) => {
    const { db, analytics } = c.get('deps');
    const range = c.req.valid('query');
    const { timeZone, currency } = c.get('settings');
    const body: ActivityResponse = {
      range: { from: range.period.from, to: range.period.to },
      currency,
      operators: await operatorActivity(db, analytics, range, c.get('scope'), timeZone),
    };
    return c.json(body);
  })
  .get(
    '/operators/:operatorId/activity',
    allowOwn('operatorId', 'activity.read'),
    validate('query', rangeQuery),
    async (c) => {
      const { db, analytics } = c.get('deps');
      const range = c.req.valid('query');
      const { timeZone, currency } = c.get('settings');
      const scope = { operatorIds: [c.req.param('operatorId')] };
      const operators = await operatorActivity(db, analytics, range, scope, timeZone);
      if (operators.length === 0)
        throw new AppError('not_found', `no operator "${c.req.param('operatorId')}"`);
      const body: ActivityResponse = {
        range: { from: range.period.from, to: range.period.to },
        currency,
        operators,
      };
      return c.json(body);
    },
  )
  .get('/overview/daily', allow('activity.read'), validate('query', rangeQuery), async (c) => {
    const { db, analytics } = c.get('deps');
    const range = c.req.valid('query');
    const body: DailyResponse = {
      range: { from: range.period.from, to: range.period.to },
      days: await dailyActivity(db, analytics, range, c.get('scope'), c.get('settings').timeZone),
    };
    return c.json(body);
  });
