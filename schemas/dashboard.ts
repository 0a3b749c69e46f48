import { z } from 'zod';
import type { AggregateMetrics, DeductionKey } from './criteria.ts';
import { checkPeriod, MAX_RANGE_DAYS, type Period, periodFields, withPeriod } from './period.ts';
import type { ScorecardRow } from './scorecard.ts';

/** The department head's dashboard and the operator page: aggregates, trends and lists. */

const id = z.string().trim().min(1).max(200);

/** How many periods a trend covers, the current one included. */
export const TREND_PERIODS = 6;

const rangeRefine = checkPeriod({ maxDays: MAX_RANGE_DAYS });

/** `GET /api/dashboard/summary`: a month or a custom range, with optional team and department. */
export const summaryQuery = z
  .object({
    ...periodFields,
    team: id.optional(),
    department: id.optional(),
  })
  .superRefine(rangeRefine)
  .transform((q) => withPeriod(q));
export type SummaryQuery = z.infer<typeof summaryQuery>;

/** `GET /api/operators/:id/…?period=` (or from/to): one operator's lists and trend. */
export const operatorRangeQuery = z
  .object(periodFields)
  .superRefine(rangeRefine)
  .transform((q) => withPeriod(q));
export type OperatorRangeQuery = z.infer<typeof operatorRangeQuery>;

/**
 * The criteria and KPIs of a set of operators over one period. Sums are sums over operators;
 * means and ratios are taken over the underlying events (calls, evaluations, orders), so a team
 * of one busy and one idle operator is not averaged as if they weighed the same.
 */
export interface Aggregate extends AggregateMetrics {
  // Every metric of criteria.ts's list, rolled up as its `rollup` says; then what the tiles' hints
  // and the pay figures need beside them.
  operators: number;
  /** Operators with at least one call or order in the period. */
  activeOperators: number;
  /** Completed tasks of the operators who have a norm (tasksVsNorm's numerator). */
  tasksCompletedWithNorm: number;
  /** Counted evaluations behind qualityScore. */
  evaluations: number;
  /** Targets of the teams in view, and how many were met (achievement 1). */
  targets: number;
  targetsMet: number;
  /** Money, minor units, over operators with a variable base (a month only; else null). */
  variableBase: number | null;
  payout: number | null;
  adjustment: number | null;
  /** Mean coefficient over the operators. */
  coefficient: number | null;
  /** Money each deduction cost (minor units; 0 outside a pay month) and how many operators it hit. */
  deductions: Record<DeductionKey, { amount: number; operators: number }>;
}

export interface TeamAggregate {
  teamId: string;
  name: string;
  department: string | null;
  aggregate: Aggregate;
  targets: ScorecardRow['targets'];
}

export interface DailyQualityPoint {
  date: string;
  calls: number;
  handled: number;
  abandoned: number;
  /** Mean score of the counted evaluations of that day's calls; null when none. */
  quality: number | null;
  evaluations: number;
}

export interface SummaryResponse {
  /** The period shown: the one asked for, or the running month to date (`monthToDate`). */
  current: Period;
  previous: Period;
  /**
   * The running month was asked for: `current` is its days up to today, `previous` and the trend
   * the same days of the months before.
   */
  monthToDate: boolean;
  currency: string;
  source: 'live' | 'snapshot';
  serviceLevelSeconds: number;
  aggregate: Aggregate;
  previousAggregate: Aggregate;
  /** The last TREND_PERIODS periods, oldest first, the current one last. */
  trend: { period: Period; aggregate: Aggregate; hasData: boolean }[];
  teams: TeamAggregate[];
  /** Operators per 10-point band of quality score (0–10 … 90–100); operators not evaluated apart. */
  qualityBands: { from: number; to: number; operators: number }[];
  notEvaluated: number;
  daily: DailyQualityPoint[];
  /** Departments of the teams, for the filter. */
  departments: string[];
}

export interface OperatorTrendResponse {
  operatorId: string;
  /** Oldest first; null scorecard when the operator had no figures then. */
  trend: { period: Period; row: ScorecardRow | null }[];
}

export interface OperatorOrder {
  orderId: string;
  callId: string | null;
  clientId: string | null;
  createdAt: string;
  status: string;
  /** Minor units. */
  total: number;
  currency: string | null;
  offeredItems: number | null;
  errorCode: string | null;
  breaksDebtRule: boolean;
  breaksRoutingRule: boolean;
}
export interface OperatorOrdersResponse {
  total: number;
  orders: OperatorOrder[];
}

export interface OperatorClaim {
  claimId: string;
  source: string;
  division: string | null;
  callId: string | null;
  orderId: string | null;
  receivedAt: string;
  status: string;
  decidedAt: string | null;
  description: string | null;
  /** The pay month it counts in, once justified and settled. */
  countedIn: string | null;
}
export interface OperatorClaimsResponse {
  claims: OperatorClaim[];
}

export interface OperatorAssessment {
  assessmentId: string;
  assessedAt: string;
  polarity: string;
  author: string | null;
  note: string | null;
}
export interface OperatorAssessmentsResponse {
  assessments: OperatorAssessment[];
}
