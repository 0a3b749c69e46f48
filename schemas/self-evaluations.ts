import { z } from 'zod';
import { type Answers, answers } from './forms.ts';
import { period } from './period.ts';

/**
 * Self-evaluations (docs/coaching.md): an operator scores calls of his own on the monitors' form,
 * before he may see the monitor's evaluation of them; then the two side by side, and the gap
 * between self and monitor scores per operator. Never counted in the quality criterion.
 */

const id = z.string().trim().min(1).max(200);

/** `POST /api/self-evaluations`: a QA lead asks the operators of these calls to score them. */
export const newSelfEvaluationsRequest = z.object({
  callIds: z.array(id).min(1, 'name at least one call').max(50),
  formId: z.number({ error: 'must be a form id' }).int().positive(),
});
export type NewSelfEvaluationsRequest = z.infer<typeof newSelfEvaluationsRequest>;

export const submitSelfEvaluationRequest = z.object({ answers });

export const SELF_EVALUATION_STATUSES = ['requested', 'submitted'] as const;
export type SelfEvaluationStatus = (typeof SELF_EVALUATION_STATUSES)[number];

export const selfEvaluationsQuery = z.object({
  operator: id.optional(),
  status: z.enum(SELF_EVALUATION_STATUSES).optional(),
  period: period.optional(),
});
export type SelfEvaluationsQuery = z.infer<typeof selfEvaluationsQuery>;

export const selfGapQuery = z.object({ period, team: id.optional() });

/** The monitor's counted evaluation of the same call, shown beside the operator's own. */
export interface MonitorSide {
  evaluationId: string;
  evaluator: string;
  score: number | null;
  answers: Answers | null;
}

export interface SelfEvaluationView {
  id: number;
  callId: string;
  operatorId: string;
  operatorName: string;
  callStartedAt: string;
  formId: number;
  formName: string | null;
  requestedBy: string;
  requestedAt: string;
  status: SelfEvaluationStatus;
  answers: Answers | null;
  score: number | null;
  criticalFailed: boolean;
  submittedAt: string | null;
  /**
   * The monitor's evaluation of the call: to the operator only once he has submitted his own
   * (null before, and while no monitor's evaluation is submitted).
   */
  monitor: MonitorSide | null;
  /** Self minus monitor, in score points; null until both exist. */
  gap: number | null;
}

export interface SelfEvaluationsResponse {
  selfEvaluations: SelfEvaluationView[];
}
export interface SelfEvaluationResponse {
  selfEvaluation: SelfEvaluationView;
}
export interface SelfEvaluationsCreatedResponse {
  selfEvaluations: SelfEvaluationView[];
}

/** One operator's self-assessment against the monitors over a month's calls. */
export interface SelfGap {
  operatorId: string;
  name: string;
  teamId: string;
  /** Calls with both a submitted self-evaluation and a counted monitor's evaluation. */
  pairs: number;
  /** Mean of (self − monitor); positive: he rates himself higher than the monitors do. */
  meanSignedGap: number | null;
  meanSelf: number | null;
  meanMonitor: number | null;
}
export interface SelfGapResponse {
  period: string;
  operators: SelfGap[];
}
