import { AppError } from '../../core/errors.ts';
import type {
  OperatorAssessmentsResponse,
  OperatorClaimsResponse,
  OperatorOrdersResponse,
  OperatorRangeQuery,
  OperatorTrendResponse,
} from '../../schemas/dashboard.ts';
import { TREND_PERIODS } from '../../schemas/dashboard.ts';
import type { Settings } from '../../schemas/settings.ts';
import { num } from '../../stores/duckdb.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { Stores } from '../../stores/stores.ts';
import { periodInstants, trendPeriods } from '../periods/period.ts';
import { operatorExists } from '../roster/roster.repository.ts';
import { scorecards } from '../scorecards/scorecards.service.ts';
import { settleClaimPeriods } from '../scoring/claim-periods.ts';
import { assessmentsOfOperator, claimsOfOperator } from './dashboard.repository.ts';
import { OPERATOR_ORDERS_SQL } from './queries/operator-orders.sql.ts';

/** Lists stop here; the page says when there were more. */
export const LIST_LIMIT = 500;

export async function assertOperator(db: Db, operatorId: string): Promise<void> {
  if (!(await operatorExists(db, operatorId))) throw new AppError('not_found', `no operator "${operatorId}"`);
}

/** One operator's scorecards over the last TREND_PERIODS periods, oldest first. */
export async function operatorTrend(
  stores: Stores,
  operatorId: string,
  q: OperatorRangeQuery,
  settings: Settings,
): Promise<OperatorTrendResponse> {
  await assertOperator(stores.db, operatorId);
  const periods = trendPeriods(q.period, TREND_PERIODS);
  await settleClaimPeriods(stores.db, settings.timeZone);
  const cards = await Promise.all(
    periods.map((p) => scorecards(stores, { period: p }, settings, { operatorIds: [operatorId] })),
  );
  return {
    operatorId,
    trend: periods.map((period, i) => ({ period, row: cards[i]?.operators[0] ?? null })),
  };
}

export async function operatorOrders(
  stores: Stores,
  operatorId: string,
  q: OperatorRangeQuery,
  settings: Settings,
): Promise<OperatorOrdersResponse> {
  await assertOperator(stores.db, operatorId);
  const p = q.period;
  const rows = await stores.analytics.rows(OPERATOR_ORDERS_SQL, {
    tz: settings.timeZone,
    from: p.from,
    to: p.to,
    op: operatorId,
    limit: LIST_LIMIT,
  });
  return {
    total: num(rows[0]?.total_count),
    orders: rows.map((o) => ({
      orderId: String(o.order_id),
      callId: o.call_id == null ? null : String(o.call_id),
      clientId: o.client_id == null ? null : String(o.client_id),
      createdAt: String(o.created_at),
      status: String(o.status),
      total: num(o.total),
      currency: o.currency == null ? null : String(o.currency),
      offeredItems: o.offered_items == null ? null : Number(o.offered_items),
      errorCode: o.error_code == null ? null : String(o.error_code),
      breaksDebtRule: o.debt_break === true,
      breaksRoutingRule: o.routing_break === true,
    })),
  };
}

/**
 * Claims against the operator received or decided in the period, or counted in its pay month.
 * Read-only: registering and judging claims is the claims API's.
 */
export async function operatorClaims(
  stores: Stores,
  operatorId: string,
  q: OperatorRangeQuery,
  settings: Settings,
): Promise<OperatorClaimsResponse> {
  const { db } = stores;
  await assertOperator(db, operatorId);
  const range = q.period;
  const b = periodInstants(range, settings.timeZone);
  const rows = await claimsOfOperator(db, operatorId, b, range.month, LIST_LIMIT);
  return {
    claims: rows.map((r) => ({
      claimId: r.claim_id,
      source: r.source,
      division: r.division,
      callId: r.call_id,
      orderId: r.order_id,
      receivedAt: r.received_at,
      status: r.status,
      decidedAt: r.decided_at,
      description: r.description,
      countedIn: r.status === 'justified' ? (r.counted_in ?? null) : null,
    })),
  };
}

export async function operatorAssessments(
  stores: Stores,
  operatorId: string,
  q: OperatorRangeQuery,
  settings: Settings,
): Promise<OperatorAssessmentsResponse> {
  const { db } = stores;
  await assertOperator(db, operatorId);
  const b = periodInstants(q.period, settings.timeZone);
  const rows = await assessmentsOfOperator(db, operatorId, b, LIST_LIMIT);
  return {
    assessments: rows.map((r) => ({
      assessmentId: r.assessment_id,
      assessedAt: r.assessed_at,
      polarity: r.polarity,
      author: r.author,
      note: r.note,
    })),
  };
}
