import { z } from 'zod';
import type { CheckResult, Evidence } from './autoqa.ts';
import { type Answers, type AnswerValue, answers, type ScoreResult } from './forms.ts';
import { period } from './period.ts';
import { EVALUATION_STATUSES } from './records.ts';

/** Evaluations through the API: requests, views, and the quality of operators they add up to. */

export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** Statuses whose score counts toward an operator's quality (docs/scoring.md, "Evaluation states"). */
export const COUNTED_STATUSES = [
  'submitted',
  'acknowledged',
  'upheld',
  'revised',
] as const satisfies readonly EvaluationStatus[];

const note = (max: number) => z.string({ error: 'is required' }).trim().min(1, 'is required').max(max);

export const newEvaluationRequest = z.object({
  callId: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200),
  formId: z.number({ error: 'must be a form id' }).int().positive(),
});
export const saveAnswersRequest = z.object({ answers });
export const disputeRequest = z.object({
  reason: note(4000),
  /** The form questions contested, when the operator names them (the disputes report counts them). */
  questions: z
    .array(z.string().trim().min(1).max(64), { error: 'must be a list of question ids' })
    .max(100)
    .optional(),
});
/** The operator's appeal of a dispute a QA lead upheld: level 2, decided by a head. */
export const appealRequest = z.object({ reason: note(4000) });
export const decisionRequest = z
  .object({
    decision: z.enum(['upheld', 'revised'], { error: 'must be upheld or revised' }),
    note: note(4000),
    answers: answers.optional(),
  })
  .refine((d) => d.decision === 'upheld' || d.answers !== undefined, {
    message: 'a revision needs the revised answers',
    path: ['answers'],
  });
export const commentRequest = z.object({
  text: note(4000),
  questionId: z.string().trim().min(1).max(64).nullable().default(null),
  /** Seconds into the recording the comment is about. */
  offsetS: z.number().min(0, 'must not be negative').max(86_400).nullable().default(null),
});

export const listEvaluationsQuery = z.object({
  period: period.optional(),
  operator: z.string().trim().min(1).max(200).optional(),
  evaluator: z.string().trim().min(1).max(100).optional(),
  status: z
    .enum(EVALUATION_STATUSES, { error: `is not one of ${EVALUATION_STATUSES.join(', ')}` })
    .optional(),
  callId: z.string().trim().min(1).max(200).optional(),
  formId: z.coerce.number().int().positive().optional(),
  /** true: only evaluations appealed to a head (a dispute of level 2); false: only those never appealed. */
  appealed: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
  calibration: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListEvaluationsQuery = z.infer<typeof listEvaluationsQuery>;

export const qualityQuery = z.object({
  period,
  team: z.string().trim().min(1).max(200).optional(),
});

export interface CommentView {
  id: number;
  author: string;
  questionId: string | null;
  offsetS: number | null;
  text: string;
  createdAt: string;
}

export interface DisputeView {
  id: number;
  /** 1: the dispute, decided by a QA lead; 2: the appeal of an upheld one, decided by a head. */
  level: number;
  status: 'open' | 'upheld' | 'revised';
  /** The questions the operator contests; empty when he named none. */
  questionIds: string[];
  reason: string;
  openedBy: string;
  openedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  scoreBefore: number | null;
  answersBefore: Answers | null;
  scoreAfter: number | null;
  answersAfter: Answers | null;
}

export interface EvaluationView {
  id: string;
  callId: string;
  operatorId: string | null;
  /** UTC instant of the call's start; the call's local month is the evaluation's period. */
  callStartedAt: string | null;
  formId: number | null;
  formName: string | null;
  formVersion: number | null;
  evaluator: string;
  status: EvaluationStatus;
  /** The counted score (the revised one after a revision); null in a draft. */
  score: number | null;
  criticalFailed: boolean;
  answers: Answers | null;
  submittedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** Until when the operator may dispute (submittedAt + disputeDays); null before submission. */
  disputeUntil: string | null;
  calibration: boolean;
  calibrationSessionId: number | null;
  /** When its monitor first opened it (grading time runs from here to submittedAt); null if imported. */
  openedAt: string | null;
  /** `api` for evaluations made here, `import` for historical ones. */
  origin: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * An answer AutoQA proposed on the evaluation (a question naming a check) and what the monitor did
 * with it: `decision` is null until he submits, then `accepted` (he kept it) or `overridden`.
 */
export interface AutoAnswerView {
  questionId: string;
  checkKey: string;
  /** The check's labels under the rule set in force; the key where the check is gone from it. */
  labels: { en: string; ru: string; ro: string };
  rulesVersion: number;
  result: CheckResult;
  /**
   * False where the result gives the question no answer (`na` on a question that does not allow
   * N/A): shown with its reason, nothing proposed (`proposed` null), nothing decided.
   */
  proposes: boolean;
  proposed: AnswerValue;
  /** What decided the result (the segments heard, the window searched, or why it does not apply). */
  evidence: Evidence | null;
  finalValue: AnswerValue | null;
  decision: 'accepted' | 'overridden' | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface EvaluationDetail extends EvaluationView {
  comments: CommentView[];
  disputes: DisputeView[];
  /**
   * Until when the operator may appeal the upheld dispute to a head; null when he may not (appeals
   * off, not upheld, appealed already).
   */
  appealUntil: string | null;
  /** The answers AutoQA proposed, in form order; empty on an evaluation it did not pre-answer. */
  autoAnswers: AutoAnswerView[];
  /** Section scores and failed criticals of the stored answers; null without a form or answers. */
  breakdown: ScoreResult | null;
}

export interface EvaluationsResponse {
  total: number;
  evaluations: EvaluationView[];
}
export interface EvaluationResponse {
  evaluation: EvaluationDetail;
}
/** `DELETE /api/evaluations/:id` (a draft). */
export interface EvaluationDeletedResponse {
  ok: true;
}

export interface OperatorQuality {
  operatorId: string;
  name: string;
  teamId: string;
  /** Counted evaluations of the operator's calls in the period. */
  n: number;
  mean: number | null;
  /** Sample standard deviation; null below two evaluations. */
  sd: number | null;
  /** 95% interval of the mean (Student's t with n − 1 degrees of freedom), clipped to 0–100; null below two. */
  ci95: { low: number; high: number } | null;
  criticalFailures: number;
}
export interface QualityResponse {
  period: string;
  operators: OperatorQuality[];
}

/** Users who can evaluate calls: whom a lead can give calls to or invite to a calibration. */
export interface MonitorView {
  username: string;
  displayName: string;
  role: 'qa' | 'qa_lead';
}
export interface MonitorsResponse {
  monitors: MonitorView[];
}
