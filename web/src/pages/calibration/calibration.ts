import type { CalibrationSession, QuestionAgreement } from '../../../../schemas/calibration.ts';
import type { AnswerValue } from '../../../../schemas/forms.ts';
import { can } from '../../../../schemas/policy.ts';
import type { Role } from '../../../../schemas/roles.ts';
import type { MessageKey } from '../../i18n/index.ts';

/**
 * Calibration as pure functions of a session and its viewer: what each row of the session list
 * offers, who may start scoring or close a session, and how results read.
 */

export interface Viewer {
  username: string;
  role: Role;
}

type Session = Pick<CalibrationSession, 'status' | 'participants'>;

/** Who opens and closes sessions, by the server's policy. */
export const isLead = (user: Viewer) => can(user.role, 'calibration.run');

/** The viewer's own place in the session, if he is invited. */
export const myPart = (s: Session, user: Viewer) => s.participants.find((p) => p.monitor === user.username);

/** What the session's own scoring button offers the viewer: nothing, his evaluation, or a start. */
export function ownScoring(
  s: Session,
  user: Viewer,
): { kind: 'none' } | { kind: 'start' } | { kind: 'open'; evaluationId: string; submitted: boolean } {
  const me = myPart(s, user);
  if (s.status !== 'open' || !me) return { kind: 'none' };
  if (!me.evaluationId) return { kind: 'start' };
  return { kind: 'open', evaluationId: me.evaluationId, submitted: me.submitted };
}

/** A lead closes an open session. */
export const mayClose = (s: Pick<CalibrationSession, 'status'>, user: Viewer) =>
  s.status === 'open' && isLead(user);

/** The list row's link: primary when the viewer still has to score, and what it says. */
export function sessionLink(s: Session, user: Viewer): { primary: boolean; label: MessageKey } {
  const me = myPart(s, user);
  const owes = Boolean(me && !me.submitted);
  return {
    primary: s.status === 'open' && owes,
    label:
      s.status === 'closed' ? 'qa.calibration.results' : owes ? 'qa.calibration.score' : 'qa.worklist.open',
  };
}

export const submittedCount = (s: Session) => s.participants.filter((p) => p.submitted).length;

export const statusBadgeClass = (status: CalibrationSession['status']) =>
  status === 'open' ? 'badge badge-open' : 'badge badge-locked';

/** Below zero is stricter, above more lenient: the class a deviation is shown with. */
export const deviationClass = (n: number): string | undefined =>
  n < 0 ? 'delta-down' : n > 0 ? 'delta-up' : undefined;

/** An answer as the agreement table shows it: a dash for none, yes/no/N/A by key, else the value. */
export function answerLabel(v: AnswerValue | undefined): { key: MessageKey } | { text: string } {
  if (v === undefined) return { text: '—' };
  if (v === null) return { key: 'qa.answer.na' };
  if (v === true) return { key: 'qa.answer.yes' };
  if (v === false) return { key: 'qa.answer.no' };
  return { text: String(v) };
}

/** A monitor's answer that differs from the most common one. */
export const isOdd = (q: Pick<QuestionAgreement, 'answers' | 'mostCommon'>, monitor: string) => {
  const v = q.answers[monitor];
  return v !== undefined && JSON.stringify(v) !== JSON.stringify(q.mostCommon);
};

/** Agreement under two thirds is flagged. */
export const lowAgreement = (agreement: number) => agreement < 0.67;

/** A number or a dash when there is none. */
export const orDash = (n: number | null, format: (n: number) => string) => (n === null ? '—' : format(n));

/** A new session needs a call, a form and at least two monitors. */
export const canCreate = (callId: string, formId: number | null, picked: readonly string[]) =>
  callId.trim() !== '' && picked.length >= 2 && formId !== null;

/** The invited monitors with one ticked or unticked, and the reference kept only while invited. */
export function withPick(
  picked: readonly string[],
  reference: string,
  monitor: string,
  on: boolean,
): { picked: string[]; reference: string } {
  return {
    picked: on ? [...picked, monitor] : picked.filter((x) => x !== monitor),
    reference: !on && reference === monitor ? '' : reference,
  };
}
