import { Hono, type TypedResponse } from 'hono';
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
import type { AppEnv } from '../context.ts';
import { sendPrepared } from '../prepared-body.ts';
import { validate } from '../validate.ts';
import { operatorAssessments, operatorClaims, operatorOrders, operatorTrend } from './operator.service.ts';
import { summaryBody } from './summary-body.ts';

/** Who reads the dashboard: those who act on performance and pay; an operator sees himself. */
const READERS = ['admin', 'head', 'payroll', 'operator'] as const;
/** An operator's page: the same people as his scorecard (GET /api/scorecards/:operatorId). */
const OPERATOR_PAGE = READERS;

export const dashboardRoutes = new Hono<AppEnv>()
  // Six periods scored and the days counted: kept ready (summary-body.ts).
  .get('/dashboard/summary', allow(...READERS), validate('query', summaryQuery), async (c) => {
    const body = await summaryBody(c.get('deps'), c.req.valid('query'), c.get('settings'), c.get('scope'));
    // The JSON of a SummaryResponse, sent as prepared: typed as such for the web's client.
    return sendPrepared(c, body, 'Cookie') as Response & TypedResponse<SummaryResponse, 200, 'json'>;
  })
  .get(
    '/operators/:operatorId/trend',
    allowOwn('operatorId', ...OPERATOR_PAGE),
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
    allowOwn('operatorId', ...OPERATOR_PAGE),
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
    allowOwn('operatorId', ...OPERATOR_PAGE),
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
    allowOwn('operatorId', ...OPERATOR_PAGE),
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
