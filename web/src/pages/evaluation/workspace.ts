import type { EvaluationStatus } from '../../../../schemas/evaluations.ts';
import type { MessageKey } from '../../i18n/index.ts';

/**
 * What the evaluation workspace lets its user do, as pure functions of the evaluation and the
 * user: answer (his own draft), revise (a lead deciding a dispute), or read.
 */

export type Mode = 'edit' | 'revise' | 'read';

export interface Viewer {
  username: string;
  role: string;
}

interface Subject {
  status: EvaluationStatus;
  evaluator: string;
  calibrationSessionId: number | null;
}

export const isLead = (user: Viewer) => user.role === 'qa_lead' || user.role === 'admin';

/** A lead other than the evaluator decides a disputed evaluation. */
export const decides = (e: Subject, user: Viewer) =>
  e.status === 'disputed' && isLead(user) && e.evaluator !== user.username;

export function workspaceMode(e: Subject, user: Viewer, revising: boolean): Mode {
  if (e.status === 'draft' && e.evaluator === user.username) return 'edit';
  return revising && decides(e, user) ? 'revise' : 'read';
}

/** Where the workspace was opened from: the link back above its title. */
export function backTo(e: Subject, user: Viewer): { to: string; label: MessageKey } {
  if (user.role === 'operator') return { to: '/my-evaluations', label: 'qa.back.myEvaluations' };
  if (e.calibrationSessionId !== null)
    return { to: `/calibration/${e.calibrationSessionId}`, label: 'qa.back.calibration' };
  if (e.status === 'disputed' && isLead(user)) return { to: '/disputes', label: 'qa.back.disputes' };
  return { to: '/worklist', label: 'qa.back.worklist' };
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
