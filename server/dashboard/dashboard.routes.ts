import { Hono, type TypedResponse } from 'hono';
import { createFactory } from 'hono/factory';
import {
  type OperatorAssessmentsResponse,
  type OperatorClaimsResponse,
  type OperatorOrdersResponse,
  type OperatorRangeQuery,
  type OperatorTrendResponse,
  operatorRangeQuery,
  type SummaryResponse,
  summaryQuery,
} from '../../schemas/dashboard.ts';
import type { Settings } from '../../schemas/settings.ts';
import type { Stores } from '../../stores/stores.ts';
import { allow, allowOwn } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { sendPrepared } from '../prepared-body.ts';
import { validate } from '../validate.ts';
import { operatorAssessments, operatorClaims, operatorOrders, operatorTrend } from './operator.service.ts';
import { summaryBody } from './summary-body.ts';

const factory = createFactory<AppEnv>();

/** What a section of an operator's page reads: his id, the period asked, the company settings. */
type SectionRead<T> = (
  stores: Stores,
  operatorId: string,
  q: OperatorRangeQuery,
  settings: Settings,
) => Promise<T>;

/**
 * One section of an operator's page (`GET /api/operators/:operatorId/<section>`): the operator
 * himself or a reader of the dashboard, a period, the section's service; the body typed as the
 * service's envelope of schemas/dashboard.ts, so the web's client infers it by name.
 */
const operatorSection = <T>(read: SectionRead<T>) =>
  factory.createHandlers(
    allowOwn('operatorId', 'operatorPage.read'),
    validate('query', operatorRangeQuery),
    async (c) => {
      const body: T = await read(
        c.get('deps'),
        c.req.param('operatorId') ?? '',
        c.req.valid('query'),
        c.get('settings'),
      );
      return c.json(body);
    },
  );

export const dashboardRoutes = new Hono<AppEnv>()
  // Six periods scored and the days counted: kept ready (summary-body.ts).
  .get('/dashboard/summary', allow('dashboard.read'), validate('query', summaryQuery), async (c) => {
    const body = await summaryBody(c.get('deps'), c.req.valid('query'), c.get('settings'), c.get('scope'));
    // The JSON of a SummaryResponse, sent as prepared: typed as such for the web's client.
    return sendPrepared(c, body, 'Cookie') as Response & TypedResponse<SummaryResponse, 200, 'json'>;
  })
  .get('/operators/:operatorId/trend', ...operatorSection<OperatorTrendResponse>(operatorTrend))
  .get('/operators/:operatorId/orders', ...operatorSection<OperatorOrdersResponse>(operatorOrders))
  .get('/operators/:operatorId/claims', ...operatorSection<OperatorClaimsResponse>(operatorClaims))
  .get(
    '/operators/:operatorId/assessments',
    ...operatorSection<OperatorAssessmentsResponse>(operatorAssessments),
  );
