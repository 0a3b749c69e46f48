import { z } from 'zod';
import { CRITERIA } from './criteria.ts';
import { localDate } from './period.ts';

/**
 * Coaching sessions (docs/coaching.md): a head or QA lead sits with an operator about some calls
 * and findings, agrees a goal with a target and a follow-up date, and the app measures the goal
 * before and after with the figures it already computes.
 */

const id = z.string().trim().min(1).max(200);
const text = (max: number) => z.string().trim().max(max);

/** The criteria a goal may name: an operator's own criteria, declared once in criteria.ts. */
export const COACHING_CRITERIA = CRITERIA.filter((m) => m.direction !== null).map((m) => m.key) as [
  string,
  ...string[],
];

/**
 * What the session is about improving, measured the way the app measures it elsewhere:
 * - `criterion`: a criterion's value on the operator's scorecard over the window;
 * - `check`: an AutoQA check's pass rate (pass / (pass + fail)) over the window's calls;
 * - `question`: a form question's pass rate over the counted evaluations: the share of those
 *   answering it (not N/A) that earned its full points.
 * A rate's target is a share, 0 to 1.
 */
export const coachingGoal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('criterion'), key: z.enum(COACHING_CRITERIA, { error: 'is not a criterion' }) }),
  z.object({ kind: z.literal('check'), key: z.string().trim().min(1).max(64) }),
  z.object({
    kind: z.literal('question'),
    formId: z.number().int().positive(),
    questionId: z.string().trim().min(1).max(64),
  }),
]);
export type CoachingGoal = z.infer<typeof coachingGoal>;

/** Where a session was opened from: what it is about. */
export const COACHING_SOURCES = ['evaluation', 'check', 'claim', 'ranking', 'manual'] as const;
export type CoachingSource = (typeof COACHING_SOURCES)[number];

export const newCoachingRequest = z.object({
  operatorId: id,
  source: z.enum(COACHING_SOURCES).default('manual'),
  /** The evaluation, check result, claim or period the session was opened from. */
  sourceRef: text(200).nullable().default(null),
  /** The calls it is about, playable from the session. */
  callIds: z.array(id).max(50).default([]),
  /** The findings discussed: free text lines (a failed check, a question lost, a claim). */
  findings: z.array(text(500).min(1)).max(50).default([]),
  goal: coachingGoal,
  /** The target of the goal's measure: a value of the criterion, or a share 0–1 for a rate. */
  target: z.number().finite(),
  /** When the goal is to be reached and the follow-up held. */
  followUpOn: localDate,
  notes: text(8000).default(''),
});
export type NewCoachingRequest = z.infer<typeof newCoachingRequest>;

export const acknowledgeCoachingRequest = z
  .object({ comment: text(4000).default('') })
  .default({ comment: '' });
export const closeCoachingRequest = z.object({ note: text(4000).default('') }).default({ note: '' });
export const updateCoachingNotesRequest = z.object({ notes: text(8000) });
/** A note added to a session; `forOperator` false keeps it to the heads and leads who coach. */
export const newCoachingNoteRequest = z.object({
  text: text(4000).min(1, 'is empty'),
  forOperator: z.boolean().default(true),
});
export type NewCoachingNoteRequest = z.infer<typeof newCoachingNoteRequest>;

export interface CoachingNote {
  id: number;
  sessionId: number;
  /** The author's username and the name shown for him. */
  author: string;
  authorName: string;
  createdAt: string;
  text: string;
  forOperator: boolean;
}
export interface CoachingNotesResponse {
  notes: CoachingNote[];
}
export interface CoachingNoteResponse {
  note: CoachingNote;
}

export const COACHING_STATUSES = ['due', 'overdue', 'met', 'missed'] as const;
export type CoachingStatus = (typeof COACHING_STATUSES)[number];

export const coachingQuery = z.object({
  operator: id.optional(),
  status: z.enum(COACHING_STATUSES, { error: `is not one of ${COACHING_STATUSES.join(', ')}` }).optional(),
});
export type CoachingQuery = z.infer<typeof coachingQuery>;

/** One window's measure of the goal: its value (null: nothing to measure) and how many counted. */
export interface GoalMeasure {
  from: string;
  /** Exclusive. */
  to: string;
  value: number | null;
  /** Calls (check), evaluations (question) counted; null for a criterion. */
  n: number | null;
}

export interface CoachingProgress {
  /** The 30 days before the session opened. */
  before: GoalMeasure;
  /** From the day it opened to the follow-up date, or to today while that is ahead. */
  after: GoalMeasure;
  /** Whether `after` reaches the target, by the goal's direction; null when unmeasured. */
  meetsTarget: boolean | null;
  /** Higher is better for every goal except a criterion declared lower-is-better. */
  direction: 'higher' | 'lower';
  /** The goal's unit: a criterion's declared one, or `ratio` for a pass rate. */
  unit: string;
}

export interface CoachingView {
  id: number;
  operatorId: string;
  operatorName: string;
  teamId: string | null;
  openedBy: string;
  openedAt: string;
  /** The local date it opened: where the before and after windows meet. */
  openedOn: string;
  source: CoachingSource;
  sourceRef: string | null;
  callIds: string[];
  findings: string[];
  goal: CoachingGoal;
  target: number;
  followUpOn: string;
  notes: string;
  acknowledgedAt: string | null;
  acknowledgementComment: string | null;
  closedAt: string | null;
  closedBy: string | null;
  closingNote: string | null;
  /**
   * Open: `due` until the follow-up date, `overdue` after it. Closed (the follow-up held):
   * `met` or `missed` by the measure after the session against the target.
   */
  status: CoachingStatus;
  progress: CoachingProgress;
}

export interface CoachingListResponse {
  sessions: CoachingView[];
  /** How many of the listed sessions are in each status. */
  counts: Record<CoachingStatus, number>;
}
export interface CoachingResponse {
  session: CoachingView;
}
