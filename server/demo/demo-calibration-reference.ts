import { scoreAnswers } from '../../core/form-score.ts';
import type { Answers, AnswerValue, FormDefinition } from '../../schemas/forms.ts';
import type { Db } from '../../stores/sqlite.ts';

/**
 * Per question, the answer most of the session's monitors gave (on a tie, the one given first):
 * what a QA lead settles on when she scores the call as the reference after hearing it herself.
 */
export function settledAnswers(scorings: readonly Answers[]): Answers {
  const settled: Answers = {};
  for (const key of new Set(scorings.flatMap((a) => Object.keys(a)))) {
    const tally = new Map<string, { value: AnswerValue; n: number }>();
    for (const a of scorings) {
      if (!Object.hasOwn(a, key)) continue;
      const value = a[key] as AnswerValue;
      const t = tally.get(JSON.stringify(value)) ?? { value, n: 0 };
      t.n++;
      tally.set(JSON.stringify(value), t);
    }
    let best: { value: AnswerValue; n: number } | null = null;
    for (const t of tally.values()) if (best === null || t.n > best.n) best = t;
    if (best) settled[key] = best.value;
  }
  return settled;
}

export interface DemoCalibration {
  id: number;
  callId: string;
  operatorId: string | null;
  callStartedAt: string | null;
  formId: number;
  closedAt: string;
  /** The first of its monitors' evaluations: the reference's id is made from it. */
  firstEvaluationId: string;
  scorings: Answers[];
}

/**
 * A closed demo calibration gets the QA lead's reference scoring, as a lead sets one: she is a
 * participant, her calibration evaluation (never counted) holds the settled answers, and the
 * session names her its reference, so its strictness is measured from her and the graders page
 * has each monitor's agreement with the reference.
 */
export async function addCalibrationReference(
  tx: Db,
  s: DemoCalibration,
  def: FormDefinition,
  lead: string,
): Promise<void> {
  const answers = settledAnswers(s.scorings);
  const result = scoreAnswers(def, answers);
  await tx
    .insertInto('evaluations')
    .values({
      evaluation_id: `${s.firstEvaluationId}-REF`,
      call_id: s.callId,
      operator_id: s.operatorId,
      call_started_at: s.callStartedAt,
      form_id: s.formId,
      evaluator: lead,
      score: result.score,
      critical_failed: result.criticalFailed ? 1 : 0,
      status: 'submitted',
      answers: JSON.stringify(answers),
      submitted_at: s.closedAt,
      calibration: 1,
      origin: 'demo',
      import_id: null,
      acknowledged_at: null,
      acknowledged_by: null,
      calibration_session_id: s.id,
      opened_at: null,
    })
    .execute();
  await tx
    .insertInto('calibration_participants')
    .values({ session_id: s.id, monitor: lead })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await tx
    .updateTable('calibration_sessions')
    .set({ reference_evaluator: lead })
    .where('id', '=', s.id)
    .execute();
}
