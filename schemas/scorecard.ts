import { z } from 'zod';
import type { DeductionKey, Flag, ScorecardMetrics } from './criteria.ts';
import type { QualitySource } from './pay-rule.ts';
import { checkPeriod, period, periodFields, withPeriod } from './period.ts';

/**
 * An operator's scorecard for a period, with exactly the keys of docs/scoring.md's Output section
 * (the criteria from the list in criteria.ts, then the pay):
 * `callscore score --format json` prints these objects and the API returns the same.
 */
export interface Scorecard extends ScorecardMetrics {
  operatorId: string;
  /** `YYYY-MM`, or `YYYY-MM-DD..YYYY-MM-DD` (end exclusive) for another range. */
  period: string;
  // Then every metric of criteria.ts's list whose source is the scorecard (handledCalls … aht).
  deductions: Record<DeductionKey, number>;
  coefficient: number;
  currency: string;
  /** Minor units; null when no variable base is set. */
  variableBase: number | null;
  payout: number | null;
  adjustment: number | null;
  flags: Flag[];
}

/** One deduction, itemised: what went in, the formula with the numbers, and what it cost. */
export interface DeductionLine {
  key: DeductionKey;
  /** false: the criterion was not applied (its flag says why), the deduction is 0. */
  applied: boolean;
  inputs: Record<string, number | null>;
  /** The rule's formula with this operator's numbers in it. */
  formula: string;
  /** The deduction as a fraction of the variable base (0.03 = 3%). */
  fraction: number;
  /** true when the cap bound it. */
  capped: boolean;
  /** Its share of the variable base in minor units (null without a base). */
  amount: number | null;
  /** The quality deduction's line: which score it read (the pay rule's `quality.source`). */
  source?: QualitySource;
}

export interface ScorecardRow {
  scorecard: Scorecard;
  name: string;
  teamId: string;
  teamName: string;
  department: string | null;
  /** Which pay rule scored it. */
  rule: { id: number | null; version: number; department: string | null };
  explanation: DeductionLine[];
  /**
   * How the deductions make the coefficient: `1 − Σ d_i`, with the exact sum, and its rounding
   * (`1 − 0.59375 = 0.40625 → 0.4063`). Absent from snapshots approved before it was kept.
   */
  coefficientFormula?: string;
  /** Supporting figures for the team targets: metric, target, actual, achievement. */
  targets: { metric: string; target: number; actual: number; achievement: number }[];
  /** Number of counted evaluations behind qualityScore. */
  evaluations: number;
  /**
   * Number of auto evaluations behind autoQualityScore (handled calls AutoQA scored). This and
   * the next are absent from snapshots approved before they were kept.
   */
  autoEvaluations?: number;
  /** Handled calls with a transcript: autoCoverage's numerator. */
  transcribedCalls?: number;
  /** Seconds: average speed of answer over this operator's answered inbound calls. */
  asa: number | null;
}

/** A row of the ranking table: the scorecard and who the operator is, without the explanation. */
export type RankingEntry = Pick<
  ScorecardRow,
  'scorecard' | 'name' | 'teamId' | 'teamName' | 'department' | 'asa'
>;

export interface RankingResponse {
  currency: string;
  operators: RankingEntry[];
}

export interface ScorecardsResponse {
  range: { from: string; to: string };
  period: string;
  currency: string;
  /** Where the figures come from: computed now, or the snapshot stored when the period was approved. */
  source: 'live' | 'snapshot';
  payPeriod: PayPeriodView | null;
  operators: ScorecardRow[];
}

export interface ScorecardResponse {
  range: { from: string; to: string };
  period: string;
  source: 'live' | 'snapshot';
  operator: ScorecardRow;
}

/** Contact-center KPIs of docs/scoring.md per queue, per team and overall. */
export interface KpiRow {
  /** Queue name, team id, or `all`. */
  key: string;
  label: string;
  /** Inbound calls offered and abandoned: null for a team (a caller who hung up reached no team). */
  offered: number | null;
  answered: number;
  abandoned: number | null;
  /** Seconds; null when nothing was answered after a queue wait. */
  asa: number | null;
  serviceLevel: number | null;
  abandonmentRate: number | null;
  aht: number | null;
}
export interface KpisResponse {
  range: { from: string; to: string };
  serviceLevelSeconds: number;
  overall: KpiRow;
  queues: KpiRow[];
  teams: KpiRow[];
}

export const PAY_PERIOD_STATUSES = ['open', 'approved'] as const;
export type PayPeriodStatus = (typeof PAY_PERIOD_STATUSES)[number];

export interface PayPeriodView {
  period: string;
  status: PayPeriodStatus;
  approvedAt: string | null;
  approvedBy: string | null;
  reopenedAt: string | null;
  reopenedBy: string | null;
  reopenReason: string | null;
}

export interface PayTotals {
  operators: number;
  variableBase: number;
  payout: number;
  adjustment: number;
}

export interface PayPeriodSummary extends PayPeriodView {
  /** Approved months only: an open month's totals change with every import. */
  totals: PayTotals | null;
}
export interface PayPeriodsResponse {
  currency: string;
  periods: PayPeriodSummary[];
}
/** One month's pay period: `GET /api/payroll/:period`, approved or re-opened. */
export interface PayPeriodResponse {
  payPeriod: PayPeriodView;
}

export const scorecardsQuery = z
  .object({
    ...periodFields,
    team: z.string().trim().min(1).max(200).optional(),
    department: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine(checkPeriod())
  .transform((q) => withPeriod(q));
export type ScorecardsQuery = z.infer<typeof scorecardsQuery>;

export const periodParam = z.object({ period });

/**
 * Approving a month: the operators without a variable base, each by id, when there are any (the
 * server refuses unless the list is exactly them).
 */
export const approveRequest = z.object({
  confirmMissingBases: z.array(z.string().trim().min(1).max(200)).max(100_000).default([]),
});
export type ApproveRequest = z.input<typeof approveRequest>;

export const reopenRequest = z.object({
  reason: z.string().trim().min(5, 'give the reason for re-opening (at least 5 characters)').max(2000),
});

export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx'], { error: 'format must be csv or xlsx' }).default('csv'),
  delimiter: z.enum([',', ';'], { error: 'delimiter must be , or ;' }).default(','),
  decimal: z.enum(['.', ','], { error: 'decimal must be . or ,' }).default('.'),
});
export type ExportQuery = z.infer<typeof exportQuery>;
