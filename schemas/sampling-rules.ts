import { z } from 'zod';
import { localDate } from './period.ts';

/** docs/qa-program.md, "Sampling rules": which calls a rule takes, how many, for whom, how often. */
export const samplingFilter = z.object({
  /** Task types the call must be of; empty: any. */
  taskTypes: z.array(z.string().trim().min(1)).max(50).default([]),
  talkMinS: z.number().int().min(0).nullable().default(null),
  talkMaxS: z.number().int().min(0).nullable().default(null),
  /** An AutoQA check the call failed under the rule set in force. */
  failedCheck: z.string().trim().min(1).nullable().default(null),
  /** Only calls with a claim (not rejected) on the call, or on its operator. */
  claimed: z.boolean().default(false),
  /** Only operators in their first month (hired within the 30 days before the refill). */
  newOperators: z.boolean().default(false),
  /** Only operators whose mean quality score last month was below this. */
  lowScoreBelow: z.number().min(0).max(100).nullable().default(null),
});
export type SamplingFilter = z.infer<typeof samplingFilter>;

export const samplingRuleInput = z
  .object({
    name: z.string().trim().min(1, 'is empty').max(120),
    active: z.boolean().default(true),
    /** daily: each day takes the calls of the day before; weekly: on `weekday`, the 7 days before. */
    schedule: z.enum(['daily', 'weekly']),
    /** 1 Monday … 7 Sunday; weekly rules only. */
    weekday: z.number().int().min(1).max(7).default(1),
    /**
     * count: `perOperator` calls of each operator; percent: `percent`% of his calls matching the
     * rule in its window (those evaluated or given already included), at least `minPerOperator`,
     * taken from the ones still free.
     */
    quota: z.enum(['count', 'percent']),
    perOperator: z.number().int().min(0).max(500).default(2),
    percent: z.number().min(0).max(100).default(5),
    minPerOperator: z.number().int().min(0).max(500).default(1),
    filter: samplingFilter.default(samplingFilter.parse({})),
    /** The monitors the calls are spread across; empty: every active monitor. */
    monitors: z.array(z.string().trim().min(1)).max(200).default([]),
    capPerMonitorPerDay: z.number().int().min(1).max(1000).default(20),
  })
  .refine(
    (r) => r.filter.talkMinS === null || r.filter.talkMaxS === null || r.filter.talkMinS <= r.filter.talkMaxS,
    {
      message: 'talkMinS is above talkMaxS',
      path: ['filter', 'talkMinS'],
    },
  );
export type SamplingRuleInput = z.infer<typeof samplingRuleInput>;

export const refillCounts = z.object({
  /** Calls that matched the filter in the window, not evaluated nor on a worklist yet. */
  candidates: z.number(),
  /** Calls the quotas asked for. */
  wanted: z.number(),
  assigned: z.number(),
  /** Asked for but left: the monitors' caps were reached. */
  overCap: z.number(),
  perMonitor: z.record(z.string(), z.number()),
  /**
   * Per operator with matching calls: how many matched (the base of a percent), how many of them
   * were free to give, how many were given. Refills recorded before `matching` was kept lack it.
   */
  perOperator: z.record(
    z.string(),
    z.object({ matching: z.number().optional(), available: z.number(), given: z.number() }),
  ),
});
export type RefillCounts = z.infer<typeof refillCounts>;

export interface SamplingRuleView extends SamplingRuleInput {
  id: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  lastRefill: { runOn: string; ranAt: string; ranBy: string; counts: RefillCounts } | null;
}
export interface SamplingRulesResponse {
  rules: SamplingRuleView[];
}
export interface SamplingRuleResponse {
  rule: SamplingRuleView;
}

export const refillRequest = z.object({ date: localDate, ruleId: z.number().int().positive().optional() });
export interface RefillResult {
  ruleId: number;
  name: string;
  runOn: string;
  /** false: not due that date, or that date already ran (nothing changed). */
  ran: boolean;
  counts: RefillCounts | null;
}
export interface RefillResponse {
  date: string;
  results: RefillResult[];
}

export const samplingWorklistQuery = z.object({
  from: localDate.optional(),
  to: localDate.optional(),
  monitor: z.string().trim().min(1).optional(),
});
export interface SamplingWorklistItem {
  callId: string;
  operatorId: string;
  monitor: string;
  runOn: string;
  ruleId: number;
  ruleName: string;
  assignmentId: number;
  evaluationId: string | null;
  done: boolean;
}
export interface SamplingWorklistResponse {
  items: SamplingWorklistItem[];
}
