import { Hono, type TypedResponse } from 'hono';
import { localDate } from '../../core/time.ts';
import {
  type OperatorAssessmentsResponse,
  type OperatorClaimsResponse,
  type OperatorOrdersResponse,
  type OperatorTrendResponse,
  operatorRangeQuery,
  type SummaryResponse,
  summaryQuery,
} from '../../schemas/dashboard.ts';
import { allow, allowOwn } from '../auth/access.ts';
import { cached } from '../cache.ts';
import type { AppEnv } from '../context.ts';
import { prepareBody, sendPrepared } from '../prepared-body.ts';
import { validate } from '../validate.ts';
import { dashboardSummary } from './dashboard.service.ts';
import { operatorAssessments, operatorClaims, operatorOrders, operatorTrend } from './operator.service.ts';

export const dashboardRoutes = new Hono<AppEnv>()
  // Six periods scored and the days counted: kept ready, compressed, while the data is unchanged
  // (every change moves the data version), as the ranking is.
  .get('/dashboard/summary', allow('dashboard.read'), validate('query', summaryQuery), async (c) => {
    const q = c.req.valid('query');
    const scope = c.get('scope');
    const settings = c.get('settings');
    const now = new Date();
    // The running month is shown to date: the day is part of the key, so a new day is a new view.
    const today = localDate(now, settings.timeZone);
    const key = `summary|${JSON.stringify(q)}|${scope.operatorIds?.join(',') ?? '*'}|${today}`;
    const body = await cached(c.get('deps').db, key, async () => {
      const summary: SummaryResponse = await dashboardSummary(c.get('deps'), q, settings, scope, now);
      return prepareBody(Buffer.from(JSON.stringify(summary)), 'application/json; charset=utf-8');
    });
    // The JSON of a SummaryResponse, sent as prepared: typed as such for the web's client.
    return sendPrepared(c, body, 'Cookie') as Response & TypedResponse<SummaryResponse, 200, 'json'>;
  })
  .get(
    '/operators/:operatorId/trend',
    allowOwn('operatorId', 'operatorPage.read'),
    validate('query', operatorRangeQuery),
    async (c) => {
      const body: OperatorTrendResponse = await operatorTrend(
        c.get('deps'),
        c.req.param('operatorId'),
        c.req.valid('query'),
        c.get('settings'),
      );
      return c.json(body);
    },
  )
  .get(
    '/operators/:operatorId/orders',
    allowOwn('operatorId', 'operatorPage.read'),
    validate('query', operatorRangeQuery),
    async (c) => {
      const body: OperatorOrdersResponse = await operatorOrders(
        c.get('deps'),
        c.req.param('operatorId'),
        c.req.valid('query'),
        c.get('settings'),
      );
      return c.json(body);
    },
  )
  .get(
    '/operators/:operatorId/claims',
    allowOwn('operatorId', 'operatorPage.read'),
    validate('query', operatorRangeQuery),
    async (c) => {
      const body: OperatorClaimsResponse = await operatorClaims(
        c.get('deps').db,
        c.req.param('operatorId'),
        c.req.valid('query'),
        c.get('settings'),
      );
      return c.json(body);
    },
  )
  .get(
    '/operators/:operatorId/assessments',
    allowOwn('operatorId', 'operatorPage.read'),
    validate('query', operatorRangeQuery),
    async (c) => {
      const body: OperatorAssessmentsResponse = await operatorAssessments(
        c.get('deps').db,
        c.req.param('operatorId'),
        c.req.valid('query'),
        c.get('settings'),
      );
      return c.json(body);
    },
  );
