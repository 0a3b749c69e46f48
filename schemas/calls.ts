import { z } from 'zod';
import { CHECK_RESULTS } from './autoqa.ts';
import type { EvaluationView } from './evaluations.ts';
import { checkPeriod, period, periodFields, withPeriod } from './period.ts';
import { CALL_DIRECTIONS, CALL_DISPOSITIONS, TASK_TYPES } from './records.ts';

/** Calls through the API: search, one call's facts, the evaluation sample and assignments. */

/** A call's id as its PBX gave it (core/pbx-call-id.ts reads it from the call id). */
export interface PbxCallId {
  /** The PBX named by `--source` when the call was imported; null for the one PBX. */
  source: string | null;
  /** The id the PBX itself gave the call. */
  uniqueId: string;
}

/** One call as the API shows it; instants are UTC ISO text. */
export interface CallFacts {
  callId: string;
  operatorId: string | null;
  clientId: string | null;
  direction: string;
  disposition: string;
  taskType: string | null;
  outcome: string | null;
  queue: string | null;
  phone: string | null;
  startedAt: string;
  queuedAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  talkS: number | null;
  holdS: number | null;
  wrapS: number | null;
  transferredTo: string | null;
  /** Path inside the recordings folder, or a URL; null when the call was not recorded. */
  recording: string | null;
}

const id = z.string().trim().min(1).max(200);
const flag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');
const secondsParam = z.coerce.number({ error: 'must be a number of seconds' }).min(0, 'must not be negative');

export const CALL_SORTS = ['startedAt', 'talk', 'operator'] as const;

/** Most calls in one page of `GET /api/calls` as JSON, and as Arrow IPC, which is for big tables. */
export const CALLS_JSON_LIMIT = 500;
export const CALLS_ARROW_LIMIT = 5000;

/**
 * `GET /api/calls`: a local date range (period or from/to) and optional filters. `limit` goes up
 * to CALLS_ARROW_LIMIT here; the route holds a JSON answer to CALLS_JSON_LIMIT.
 */
export const callSearchQuery = z
  .object({
    ...periodFields,
    operator: id.optional(),
    team: id.optional(),
    client: id.optional(),
    direction: z.enum(CALL_DIRECTIONS, { error: `is not one of ${CALL_DIRECTIONS.join(', ')}` }).optional(),
    taskType: z.enum(TASK_TYPES, { error: `is not one of ${TASK_TYPES.join(', ')}` }).optional(),
    disposition: z
      .enum(CALL_DISPOSITIONS, { error: `is not one of ${CALL_DISPOSITIONS.join(', ')}` })
      .optional(),
    /** Talk time bounds, seconds. */
    minDuration: secondsParam.optional(),
    maxDuration: secondsParam.optional(),
    hasEvaluation: flag.optional(),
    hasRecording: flag.optional(),
    /**
     * AutoQA (the rule set in force): calls whose check `check` gave `checkResult` (fail when not
     * given); `checkResult` alone, calls where any check gave it ("any check failed").
     */
    check: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9-]{1,39}$/, 'is not a check key')
      .optional(),
    checkResult: z.enum(CHECK_RESULTS, { error: `is not one of ${CHECK_RESULTS.join(', ')}` }).optional(),
    sort: z.enum(CALL_SORTS, { error: `is not one of ${CALL_SORTS.join(', ')}` }).default('startedAt'),
    order: z.enum(['asc', 'desc'], { error: 'is not asc or desc' }).default('desc'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(CALLS_ARROW_LIMIT, `must be at most ${CALLS_ARROW_LIMIT} (as Arrow; ${CALLS_JSON_LIMIT} as JSON)`)
      .default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .superRefine((q, ctx) => {
    checkPeriod()(q, ctx);
    if (q.minDuration !== undefined && q.maxDuration !== undefined && q.minDuration > q.maxDuration)
      ctx.addIssue({ code: 'custom', message: 'minDuration must not exceed maxDuration' });
  })
  .transform((q) =>
    withPeriod({ ...q, checkResult: q.checkResult ?? (q.check === undefined ? undefined : 'fail') }),
  );
export type CallSearchQuery = z.infer<typeof callSearchQuery>;

export interface CallListItem extends CallFacts {
  operatorName: string | null;
  teamId: string | null;
  /** Evaluations of the call (calibration ones left out). */
  evaluations: number;
  /**
   * The keys of the AutoQA checks the call failed under the rule set in force, space-separated
   * in the rule set's order ('' when it failed none); null when it has not been checked.
   */
  failedChecks: string | null;
}
export interface CallsResponse {
  total: number;
  limit: number;
  offset: number;
  calls: CallListItem[];
}

export interface CallOrder {
  orderId: string;
  createdAt: string;
  status: string;
  /** Minor units. */
  total: number;
  currency: string | null;
  lines: number | null;
  priceColumn: string | null;
  offeredItems: number | null;
  errorCode: string | null;
  /** The client's latest debt snapshot at or before the order, and whether it forbade the order. */
  debt: { asOf: string; balance: number; creditLimit: number; overdueAmount: number } | null;
  breaksDebtRule: boolean;
  /** Key clients and clients without a manager are transferred, not taken. */
  breaksRoutingRule: boolean;
}

export interface CallClaim {
  claimId: string;
  source: string;
  status: string;
  receivedAt: string;
  decidedAt: string | null;
  description: string | null;
  orderId: string | null;
}

export interface CallDetail extends CallFacts {
  operator: { operatorId: string; name: string; teamId: string; teamName: string | null } | null;
  client: {
    clientId: string;
    name: string | null;
    type: string;
    managerId: string | null;
    region: string | null;
  } | null;
  orders: CallOrder[];
  claims: CallClaim[];
  evaluations: EvaluationView[];
  /** Where to play it: the API's recording route, a URL, or null when not recorded. */
  recordingUrl: string | null;
  /** The phone system's own record of it: which PBX (`--source`) and its id there; null when no PBX file brought it. */
  pbx: PbxCallId | null;
}
export interface CallResponse {
  call: CallDetail;
}

/** `GET /api/calls/sample`. */
export const sampleQuery = z.object({
  period,
  team: id.optional(),
  operator: id.optional(),
  perOperator: z.coerce.number().int().min(1).max(100).default(5),
  /** Target half-width of the 95% interval of an operator's mean score, in points. */
  margin: z.coerce.number().min(0.5, 'must be at least 0.5 points').max(50).optional(),
  /** Bounds of the per-operator count when it comes from the margin. */
  minPerOperator: z.coerce.number().int().min(1).max(100).default(3),
  maxPerOperator: z.coerce.number().int().min(1).max(100).default(30),
  /** Any text; the same seed and data give the same sample. Defaults to the period. */
  seed: z.string().trim().min(1).max(100).optional(),
  /**
   * Targeted sampling (AutoQA, the rule set in force): the calls that failed this check are
   * taken first, then the rest by the usual rules.
   */
  failedCheck: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, 'is not a check key')
    .optional(),
  /** The same for any critical check: one bound to a critical question of a form scoring the call. */
  failedCritical: flag.optional(),
});
export type SampleQuery = z.infer<typeof sampleQuery>;

export const SAMPLE_REASONS = ['failed-check', 'claimed', 'drawn'] as const;
export type SampleReason = (typeof SAMPLE_REASONS)[number];

export interface SampledCall {
  callId: string;
  startedAt: string;
  taskType: string | null;
  talkS: number;
  /** Named in a claim: drawn first after the targeted calls. */
  claimed: boolean;
  /** Why the call was taken: it failed the targeted check(s), a claim names it, or the draw. */
  reason: SampleReason;
  /** The targeted checks the call failed, in the rule set's order (empty unless targeted). */
  failedChecks: string[];
  assignedTo: string | null;
  evaluationIds: string[];
}
export interface OperatorSample {
  operatorId: string;
  name: string;
  teamId: string;
  /** Calls wanted for this operator. */
  target: number;
  /** The standard deviation the margin used, and where it came from. */
  sd: number | null;
  sdSource: 'operator' | 'pooled' | 'default' | null;
  /** Calls that qualify (handled, recorded, talk ≥ 30 s). */
  available: number;
  calls: SampledCall[];
}
export interface SampleResponse {
  period: string;
  seed: string;
  margin: number | null;
  /**
   * What the sample took first: the check asked for, or (critical) the critical checks of each
   * direction, as the forms in force bind them; null for an untargeted sample.
   */
  targeted: { check: string | null; critical: boolean; inbound: string[]; outbound: string[] } | null;
  operators: OperatorSample[];
}

export const assignRequest = z
  .object({
    period,
    /** Even split: the sample of these options shared among the monitors. */
    monitors: z.array(z.string().trim().min(1).max(100)).min(1).max(100).optional(),
    sample: sampleQuery.omit({ period: true }).partial().optional(),
    /** By hand: these calls to these monitors. */
    assignments: z
      .array(z.object({ callId: id, monitor: z.string().trim().min(1).max(100) }))
      .min(1)
      .max(5000)
      .optional(),
  })
  .refine((r) => (r.monitors === undefined) !== (r.assignments === undefined), {
    message: 'give monitors (an even split of the sample) or assignments (by hand), one of them',
  });
export type AssignRequest = z.infer<typeof assignRequest>;

export const assignmentsQuery = z.object({ period, monitor: z.string().trim().min(1).max(100).optional() });
export const worklistQuery = z.object({ period });

export interface AssignmentView {
  id: number;
  period: string;
  callId: string;
  operatorId: string | null;
  callStartedAt: string | null;
  monitor: string;
  assignedBy: string;
  assignedAt: string;
  /** The sampling rule that gave the call (docs/qa-program.md, "Sampling rules"); null: given by hand. */
  rule: { id: number; name: string } | null;
  /** The monitor's evaluation of the call, if he started one. */
  evaluationId: string | null;
  evaluationStatus: string | null;
  done: boolean;
}
export interface AssignmentsResponse {
  period: string;
  assignments: AssignmentView[];
}
export interface AssignResponse {
  created: AssignmentView[];
  /** Calls already assigned in the period, left as they were. */
  skipped: { callId: string; monitor: string }[];
}
/** `DELETE /api/calls/assignments/:id`. */
export interface UnassignResponse {
  ok: true;
}
export interface WorklistResponse {
  period: string;
  monitor: string;
  total: number;
  done: number;
  drafts: number;
  assignments: AssignmentView[];
}
