import { z } from 'zod';
import {
  boolean,
  count,
  currency,
  decimal,
  enumOf,
  identifier,
  list,
  localDate,
  money,
  nullable,
  period,
  score,
  seconds,
  text,
  timestamp,
} from './primitives.ts';

/**
 * One schema per canonical input kind of docs/data.md. Keys are the file's column names, so a
 * schema doubles as the column contract of the kind; API shapes are camelCase and live in api.ts.
 */

export const CLIENT_TYPES = ['market_trader', 'key', 'own_point', 'retail', 'regional', 'other'] as const;
export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export const CALL_DISPOSITIONS = ['answered', 'no_answer', 'busy', 'failed', 'abandoned'] as const;
export const TASK_TYPES = [
  'order',
  'inquiry',
  'complaint',
  'survey',
  'informing',
  'sale',
  'reactivation',
  'other',
] as const;
export const CALL_OUTCOMES = ['completed', 'transferred', 'follow_up', 'failed'] as const;
export const ORDER_STATUSES = ['accepted', 'delivered', 'cancelled'] as const;
export const TARGET_METRICS = ['order_revenue', 'orders', 'tasks'] as const;
export const CLAIM_SOURCES = ['client', 'internal'] as const;
export const CLAIM_STATUSES = ['open', 'justified', 'rejected'] as const;
export const ASSESSMENT_POLARITIES = ['negative', 'positive'] as const;
export const EVALUATION_STATUSES = [
  'draft',
  'submitted',
  'acknowledged',
  'disputed',
  'upheld',
  'revised',
] as const;

export const teamRecord = z.object({
  team_id: identifier,
  name: text.pipe(z.string().min(1, 'is required')),
  department: nullable(text),
});

export const operatorRecord = z.object({
  operator_id: identifier,
  name: text.pipe(z.string().min(1, 'is required')),
  team_id: identifier,
  pbx_ids: nullable(list).transform((v) => v ?? []),
  hired_on: nullable(localDate),
  active: nullable(boolean).transform((v) => v ?? true),
});

export const clientRecord = z.object({
  client_id: identifier,
  name: nullable(text),
  type: enumOf(CLIENT_TYPES),
  manager_id: nullable(identifier),
  region: nullable(text),
});

export const debtRecord = z.object({
  client_id: identifier,
  as_of: timestamp,
  balance: money,
  credit_limit: money,
  overdue_amount: money,
  currency: nullable(currency),
});

export const callRecord = z.object({
  call_id: identifier,
  started_at: timestamp,
  queued_at: nullable(timestamp),
  answered_at: nullable(timestamp),
  ended_at: nullable(timestamp),
  direction: enumOf(CALL_DIRECTIONS),
  operator_id: nullable(identifier),
  client_id: nullable(identifier),
  phone: nullable(text),
  queue: nullable(text),
  disposition: enumOf(CALL_DISPOSITIONS),
  task_type: nullable(enumOf(TASK_TYPES)),
  outcome: nullable(enumOf(CALL_OUTCOMES)),
  talk_s: nullable(seconds),
  hold_s: nullable(seconds),
  wrap_s: nullable(seconds),
  transferred_to: nullable(text),
  recording: nullable(text),
});

export const orderRecord = z.object({
  order_id: identifier,
  call_id: nullable(identifier),
  operator_id: identifier,
  client_id: identifier,
  created_at: timestamp,
  status: enumOf(ORDER_STATUSES),
  total: money,
  currency: nullable(currency),
  lines: nullable(count),
  price_column: nullable(text),
  offered_items: nullable(count),
  error_code: nullable(text),
});

export const targetRecord = z.object({
  team_id: identifier,
  period,
  metric: enumOf(TARGET_METRICS),
  target: decimal.pipe(z.number().positive('must be above 0')),
});

export const normRecord = z
  .object({
    operator_id: nullable(identifier),
    team_id: nullable(identifier),
    period,
    tasks_norm: count.pipe(z.number().positive('must be above 0')),
  })
  .refine((r) => (r.operator_id === null) !== (r.team_id === null), {
    message: 'needs exactly one of operator_id and team_id',
    path: ['operator_id'],
  });

export const variablePayRecord = z.object({
  operator_id: identifier,
  period,
  variable_base: money.pipe(z.number().nonnegative('is negative')),
  currency,
});

export const claimRecord = z
  .object({
    claim_id: identifier,
    operator_id: identifier,
    source: enumOf(CLAIM_SOURCES),
    division: nullable(text),
    call_id: nullable(identifier),
    order_id: nullable(identifier),
    received_at: timestamp,
    status: enumOf(CLAIM_STATUSES),
    decided_at: nullable(timestamp),
    description: nullable(text),
  })
  .refine((r) => r.status === 'open' || r.decided_at !== null, {
    message: 'a decided claim needs decided_at',
    path: ['decided_at'],
  });

export const assessmentRecord = z.object({
  assessment_id: identifier,
  operator_id: identifier,
  assessed_at: timestamp,
  polarity: enumOf(ASSESSMENT_POLARITIES),
  author: nullable(text),
  note: nullable(text),
});

export const evaluationRecord = z.object({
  evaluation_id: identifier,
  call_id: identifier,
  evaluator: identifier,
  score,
  critical_failed: nullable(boolean).transform((v) => v ?? false),
  status: enumOf(EVALUATION_STATUSES),
  submitted_at: nullable(timestamp),
  calibration: nullable(boolean).transform((v) => v ?? false),
});

/**
 * A product of the catalogue AutoQA matches the operator's words against: `synonyms` are the words
 * said for it in any language, `traditional_for` the client types it is the usual product of.
 */
export const productRecord = z
  .object({
    product_id: identifier,
    name: text.pipe(z.string().min(1, 'is required')),
    synonyms: nullable(list).transform((v) => v ?? []),
    category: nullable(text),
    is_new: nullable(boolean).transform((v) => v ?? false),
    promo_from: nullable(localDate),
    promo_to: nullable(localDate),
    traditional_for: nullable(list)
      .transform((v) => (v ?? []).map((t) => t.toLowerCase()))
      .superRefine((types, ctx) => {
        const unknown = types.find((t) => !(CLIENT_TYPES as readonly string[]).includes(t));
        if (unknown !== undefined)
          ctx.addIssue({ code: 'custom', message: `"${unknown}" is not one of ${CLIENT_TYPES.join(', ')}` });
      }),
  })
  .refine((r) => !r.promo_from || !r.promo_to || r.promo_to >= r.promo_from, {
    message: 'is before promo_from',
    path: ['promo_to'],
    // Judged once every column is good, as the set-based validation does.
    when: (payload) => !payload.issues.length,
  });

/**
 * What a logged-in operator is doing: waiting for a call (`available`), on a call (`talk`), in
 * after-call work (`wrap`), or away (`pause`, with the reason the system gives, a pause code).
 * Logged-in time is the sum of the four; a gap between states is time logged out.
 */
export const OPERATOR_STATES = ['available', 'talk', 'wrap', 'pause'] as const;

export const operatorStateRecord = z
  .object({
    operator_id: identifier,
    state: enumOf(OPERATOR_STATES),
    started_at: timestamp,
    ended_at: timestamp,
    reason: nullable(text),
  })
  .refine((r) => !(Date.parse(r.ended_at) < Date.parse(r.started_at)), {
    message: 'is before started_at',
    path: ['ended_at'],
    // Judged once every column is good, as the set-based validation does.
    when: (payload) => !payload.issues.length,
  });

export type TeamRecord = z.infer<typeof teamRecord>;
export type OperatorRecord = z.infer<typeof operatorRecord>;
export type ClientRecord = z.infer<typeof clientRecord>;
export type DebtRecord = z.infer<typeof debtRecord>;
export type CallRecord = z.infer<typeof callRecord>;
export type OrderRecord = z.infer<typeof orderRecord>;
export type TargetRecord = z.infer<typeof targetRecord>;
export type NormRecord = z.infer<typeof normRecord>;
export type VariablePayRecord = z.infer<typeof variablePayRecord>;
export type ClaimRecord = z.infer<typeof claimRecord>;
export type AssessmentRecord = z.infer<typeof assessmentRecord>;
export type EvaluationRecord = z.infer<typeof evaluationRecord>;
export type ProductRecord = z.infer<typeof productRecord>;
export type OperatorStateRecord = z.infer<typeof operatorStateRecord>;
