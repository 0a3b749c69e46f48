import type { EvaluationStatus } from '../../../../schemas/evaluations.ts';
import { can } from '../../../../schemas/policy.ts';
import type { Role } from '../../../../schemas/roles.ts';

/**
 * What the evaluation workspace lets its user do, as pure functions of the evaluation and the
 * user: answer (his own draft), revise (a lead deciding a dispute), or read.
 */

export type Mode = 'edit' | 'revise' | 'read';

export interface Viewer {
  username: string;
  role: Role;
}

interface Subject {
  status: EvaluationStatus;
  evaluator: string;
  calibrationSessionId: number | null;
  /** Its disputes' levels and states; without them, a dispute is taken to be of level 1. */
  disputes?: readonly { level: number; status: string }[];
}

/** The level of the dispute waiting for a decision: 2 for an appeal to a head, else 1. */
export const openLevel = (e: Subject): number => e.disputes?.find((d) => d.status === 'open')?.level ?? 1;

/** Who decides disputes, by the server's policy. */
export const isLead = (user: Viewer) => can(user.role, 'evaluations.decide');

/** Who decides appeals (level 2), by the server's policy: a head. */
export const decidesAppeals = (user: Viewer) => can(user.role, 'evaluations.decideAppeal');

/**
 * A lead other than the evaluator decides a disputed evaluation; a head decides it once appealed
 * (the server limits him to the operators of his scope, whose evaluations alone he can open).
 */
export const decides = (e: Subject, user: Viewer) =>
  e.status === 'disputed' &&
  (openLevel(e) >= 2 ? decidesAppeals(user) : isLead(user) && e.evaluator !== user.username);

export function workspaceMode(e: Subject, user: Viewer, revising: boolean): Mode {
  if (e.status === 'draft' && e.evaluator === user.username) return 'edit';
  return revising && decides(e, user) ? 'revise' : 'read';
}

/** An evaluation that was disputed, decided or not. */
const DISPUTE_STATUSES: ReadonlySet<EvaluationStatus> = new Set(['disputed', 'upheld', 'revised']);

/**
 * Where the workspace usually opens from, for the link back when the page it was opened from is
 * not known (an address typed or shared): the user's evaluations, the calibration session, the
 * disputes or the worklist. The back link checks the user may open it, else he goes home.
 */
export function usualOrigin(e: Subject, user: Viewer): string {
  if (user.role === 'operator') return '/my-evaluations';
  if (e.calibrationSessionId !== null) return `/calibration/${e.calibrationSessionId}`;
  // A dispute stays the disputes' business once decided: a revision does not move it elsewhere.
  if (DISPUTE_STATUSES.has(e.status) && isLead(user)) return '/disputes';
  if (DISPUTE_STATUSES.has(e.status) && decidesAppeals(user)) return '/appeals';
  return '/worklist';
}

/** Whether the operator may still dispute: the window ends at `disputeUntil`. */
export function disputeOpen(disputeUntil: string | null, now: number): boolean {
  return disputeUntil !== null && Date.parse(disputeUntil) > now;
}

/** The moment of the recording a comment is made at, to a tenth of a second; null for none. */
export function commentOffset(atMoment: boolean, currentTime: number): number | null {
  return atMoment ? Math.round(currentTime * 10) / 10 : null;
}

/** A score as a result sentence shows it: two decimals, or a dash for none. */
export function scoreText(score: number | null, fmt: { decimal(n: number, digits: number): string }): string {
  return score === null ? '—' : fmt.decimal(score, 2);
}
