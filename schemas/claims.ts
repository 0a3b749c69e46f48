import { z } from 'zod';
import { period } from './period.ts';
import { ASSESSMENT_POLARITIES, CLAIM_SOURCES, CLAIM_STATUSES } from './records.ts';

/** Claims and management assessments as the API shows and takes them (docs/architecture.md, head). */

const id = z.string().trim().min(1).max(200);
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time with an offset' });

export interface ClaimView {
  claimId: string;
  operatorId: string;
  operatorName: string | null;
  teamId: string | null;
  source: (typeof CLAIM_SOURCES)[number];
  division: string | null;
  callId: string | null;
  orderId: string | null;
  receivedAt: string;
  status: (typeof CLAIM_STATUSES)[number];
  decidedAt: string | null;
  decisionNote: string | null;
  description: string | null;
  /** `import`: from a file; `manual`: registered in callscore. */
  origin: string;
  /** Whole days since it was received, for open claims. */
  ageDays: number | null;
  /** The pay period a justified claim counts in, once scored. */
  payPeriod: string | null;
}
/** `GET /api/claims`. */
export interface ClaimsResponse {
  claims: ClaimView[];
}
/** One claim: `GET /api/claims/:claimId`, registered (`POST`) or judged (`POST …/decision`). */
export interface ClaimResponse {
  claim: ClaimView;
}

export const claimsQuery = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  source: z.enum(CLAIM_SOURCES).optional(),
  operator: id.optional(),
  team: id.optional(),
  /** Claims received or decided in this month. */
  period: period.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type ClaimsQuery = z.infer<typeof claimsQuery>;

export const newClaimRequest = z.object({
  operatorId: id,
  source: z.enum(CLAIM_SOURCES, { error: `source must be one of ${CLAIM_SOURCES.join(', ')}` }),
  division: z.string().trim().max(200).nullable().optional(),
  callId: id.nullable().optional(),
  orderId: id.nullable().optional(),
  receivedAt: instant.optional(),
  description: z.string().trim().min(3, 'describe the claim (at least 3 characters)').max(4000),
});
export type NewClaimRequest = z.infer<typeof newClaimRequest>;

export const claimDecisionRequest = z.object({
  status: z.enum(['justified', 'rejected'], { error: 'status must be justified or rejected' }),
  note: z.string().trim().min(3, 'give the reason for the decision (at least 3 characters)').max(4000),
});
export type ClaimDecisionRequest = z.infer<typeof claimDecisionRequest>;

export interface AssessmentView {
  assessmentId: string;
  operatorId: string;
  operatorName: string | null;
  assessedAt: string;
  polarity: (typeof ASSESSMENT_POLARITIES)[number];
  author: string | null;
  note: string | null;
  origin: string;
}
/** `GET /api/assessments`. */
export interface AssessmentsResponse {
  assessments: AssessmentView[];
}
/** `POST /api/assessments`. */
export interface AssessmentResponse {
  assessment: AssessmentView;
}

export const assessmentsQuery = z.object({
  operator: id.optional(),
  team: id.optional(),
  polarity: z.enum(ASSESSMENT_POLARITIES).optional(),
  period: period.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type AssessmentsQuery = z.infer<typeof assessmentsQuery>;

export const newAssessmentRequest = z.object({
  operatorId: id,
  polarity: z.enum(ASSESSMENT_POLARITIES, {
    error: `polarity must be one of ${ASSESSMENT_POLARITIES.join(', ')}`,
  }),
  assessedAt: instant.optional(),
  note: z.string().trim().min(3, 'write what the assessment is for (at least 3 characters)').max(4000),
});
export type NewAssessmentRequest = z.infer<typeof newAssessmentRequest>;
