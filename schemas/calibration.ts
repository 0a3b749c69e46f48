import { z } from 'zod';
import type { AnswerValue } from './forms.ts';
import { period } from './period.ts';

/** Calibration sessions (docs/scoring.md, "Calibration"): several monitors score one call blind. */

const username = z.string().trim().min(1).max(100);

export const newCalibrationRequest = z.object({
  callId: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200),
  formId: z.number({ error: 'must be a form id' }).int().positive(),
  monitors: z.array(username).min(2, 'a calibration needs at least two monitors').max(50),
  /** The monitor whose scoring is the standard; none: the session mean is. */
  reference: username.nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type NewCalibrationRequest = z.infer<typeof newCalibrationRequest>;

export const calibrationListQuery = z.object({
  status: z.enum(['open', 'closed'], { error: 'is not open or closed' }).optional(),
});

export const strictnessQuery = z
  .object({ from: period.optional(), to: period.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to' });

export interface CalibrationParticipant {
  monitor: string;
  reference: boolean;
  /** The monitor's scoring of the call, once he started it; his own only while the session is open. */
  evaluationId: string | null;
  submitted: boolean;
}

export interface CalibrationSession {
  id: number;
  callId: string;
  operatorId: string | null;
  callStartedAt: string | null;
  formId: number;
  formName: string;
  reference: string | null;
  status: 'open' | 'closed';
  note: string | null;
  createdBy: string;
  createdAt: string;
  closedBy: string | null;
  closedAt: string | null;
  participants: CalibrationParticipant[];
}
export interface CalibrationsResponse {
  sessions: CalibrationSession[];
}
export interface CalibrationResponse {
  session: CalibrationSession;
}

export interface MonitorResult {
  monitor: string;
  evaluationId: string;
  score: number;
  criticalFailed: boolean;
  reference: boolean;
  /** Score minus the basis (the reference's score, or the session mean): > 0 is more lenient. */
  deviation: number;
}

export interface QuestionAgreement {
  questionId: string;
  text: string;
  type: 'yes_no' | 'scale' | 'choice';
  /** Each monitor's answer (null: N/A). */
  answers: Record<string, AnswerValue>;
  /** The most common answer (ties: the first given in monitor order) and the share who gave it. */
  mostCommon: AnswerValue;
  agreement: number;
  /** The reference's answer, when there is a reference. */
  referenceAnswer: AnswerValue | undefined;
}

export interface AlphaSummary {
  alpha: number | null;
  /** Questions with at least two answers. */
  units: number;
  pairable: number;
}

export interface CalibrationResults {
  session: CalibrationSession;
  basis: 'reference' | 'mean';
  /** The score deviations are measured from. */
  basisScore: number | null;
  mean: number | null;
  /** Sample standard deviation of the monitors' scores. */
  sd: number | null;
  monitors: MonitorResult[];
  questions: QuestionAgreement[];
  /**
   * Krippendorff's alpha with the questions as units and the monitors as coders: nominal over
   * yes/no and choice questions, ordinal over scale questions (on f, so scales of different
   * ranges pool). N/A is a missing value.
   */
  alpha: { nominal: AlphaSummary; ordinal: AlphaSummary };
}

export interface MonitorStrictness {
  monitor: string;
  sessions: number;
  /** Mean signed deviation over closed sessions: < 0 stricter than the basis, > 0 more lenient. */
  meanDeviation: number;
  byPeriod: { period: string; sessions: number; meanDeviation: number }[];
}
export interface StrictnessResponse {
  monitors: MonitorStrictness[];
}
