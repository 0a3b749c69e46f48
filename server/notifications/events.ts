import type { Db } from '../../stores/sqlite.ts';
import { headsOf, notify, operatorUsers, usersOfRole } from './notify.ts';

/**
 * The events users are told of, each called inside the transaction that makes the change. Who is
 * told: the operator of his evaluations, decisions and coaching; the QA leads of a dispute
 * waiting, the heads of the operator's scope of an appeal waiting; the monitors asked to score.
 */

interface EvaluationRef {
  evaluation_id: string;
  call_id: string;
  operator_id: string | null;
}

const evaluationLink = (id: string) => `/evaluations/${encodeURIComponent(id)}`;

/** The operator can now read the evaluation of his call (submitted, and not hidden behind his own scoring). */
export async function evaluationReleased(tx: Db, e: EvaluationRef): Promise<void> {
  await notify(tx, await operatorUsers(tx, e.operator_id), {
    kind: 'evaluationReleased',
    params: { evaluationId: e.evaluation_id, callId: e.call_id },
    link: evaluationLink(e.evaluation_id),
  });
}

/** A dispute (level 1) waits for a QA lead; an appeal (level 2) for a head of the operator's scope. */
export async function disputeOpened(tx: Db, e: EvaluationRef, level: number): Promise<void> {
  const to = level >= 2 ? await headsOf(tx, e.operator_id) : await usersOfRole(tx, 'qa_lead');
  await notify(tx, to, {
    kind: level >= 2 ? 'appealOpened' : 'disputeOpened',
    params: { evaluationId: e.evaluation_id, callId: e.call_id, level },
    link: level >= 2 ? '/appeals' : '/disputes',
  });
}

export async function disputeDecided(
  tx: Db,
  e: EvaluationRef,
  level: number,
  decision: 'upheld' | 'revised',
): Promise<void> {
  await notify(tx, await operatorUsers(tx, e.operator_id), {
    kind: 'disputeDecided',
    params: { evaluationId: e.evaluation_id, level, decision },
    link: evaluationLink(e.evaluation_id),
  });
}

/** A coaching session was opened for the operator, or a note meant for him was added to it. */
export async function coachingNews(
  tx: Db,
  kind: 'coachingOpened' | 'coachingNote',
  operatorId: string,
  coachingId: number,
  by: string,
): Promise<void> {
  await notify(tx, await operatorUsers(tx, operatorId), {
    kind,
    params: { coachingId, by },
    link: `/coaching/${coachingId}`,
  });
}

export async function calibrationAsked(
  tx: Db,
  usernames: readonly string[],
  calibrationId: number,
): Promise<void> {
  await notify(tx, usernames, {
    kind: 'calibrationAsked',
    params: { calibrationId },
    link: `/calibration/${calibrationId}`,
  });
}

/** Each monitor is told once per assignment run how many calls it put on his worklist. */
export async function worklistCalls(tx: Db, period: string, monitors: readonly string[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const m of monitors) counts.set(m, (counts.get(m) ?? 0) + 1);
  for (const [monitor, count] of counts)
    await notify(tx, [monitor], { kind: 'worklistCalls', params: { period, count }, link: '/worklist' });
}
