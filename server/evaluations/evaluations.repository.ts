import type { Selectable } from 'kysely';
import type {
  CommentView,
  DisputeView,
  EvaluationStatus,
  EvaluationView,
} from '../../schemas/evaluations.ts';
import type { Answers } from '../../schemas/forms.ts';
import type { Db } from '../../stores/sqlite.ts';
import type {
  EvaluationCommentsTable,
  EvaluationDisputesTable,
  EvaluationsTable,
} from '../../stores/tables.ts';

export type EvaluationRow = Selectable<EvaluationsTable>;
export type EvaluationWithForm = EvaluationRow & {
  form_name: string | null;
  form_version: number | null;
};

const parseAnswers = (json: string | null): Answers | null =>
  json === null ? null : (JSON.parse(json) as Answers);

const DAY_MS = 86_400_000;

export function evaluationRowToView(r: EvaluationWithForm, disputeDays: number): EvaluationView {
  return {
    id: r.evaluation_id,
    callId: r.call_id,
    operatorId: r.operator_id,
    callStartedAt: r.call_started_at,
    formId: r.form_id,
    formName: r.form_name,
    formVersion: r.form_version,
    evaluator: r.evaluator,
    status: r.status as EvaluationStatus,
    score: r.score,
    criticalFailed: r.critical_failed === 1,
    answers: parseAnswers(r.answers),
    submittedAt: r.submitted_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    disputeUntil: disputeDeadline(r.submitted_at, disputeDays),
    calibration: r.calibration === 1,
    calibrationSessionId: r.calibration_session_id,
    origin: r.origin,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The operator may dispute until `disputeDays` whole days after submission. */
export const disputeDeadline = (submittedAt: string | null, disputeDays: number): string | null =>
  submittedAt === null ? null : new Date(Date.parse(submittedAt) + disputeDays * DAY_MS).toISOString();

export const commentRowToView = (r: Selectable<EvaluationCommentsTable>): CommentView => ({
  id: r.id,
  author: r.author,
  questionId: r.question_id,
  offsetS: r.offset_s,
  text: r.text,
  createdAt: r.created_at,
});

export const disputeRowToView = (r: Selectable<EvaluationDisputesTable>): DisputeView => ({
  id: r.id,
  status: r.status,
  reason: r.reason,
  openedBy: r.opened_by,
  openedAt: r.opened_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
  scoreBefore: r.score_before,
  answersBefore: parseAnswers(r.answers_before),
  scoreAfter: r.score_after,
  answersAfter: parseAnswers(r.answers_after),
});

/** Evaluations joined with the name and version of their form. */
export const selectEvaluations = (db: Db) =>
  db
    .selectFrom('evaluations')
    .leftJoin('forms', 'forms.id', 'evaluations.form_id')
    .selectAll('evaluations')
    .select(['forms.name as form_name', 'forms.version as form_version']);

export const findEvaluation = (db: Db, id: string) =>
  selectEvaluations(db).where('evaluations.evaluation_id', '=', id).executeTakeFirst();

export const commentsOf = (db: Db, id: string) =>
  db.selectFrom('evaluation_comments').selectAll().where('evaluation_id', '=', id).orderBy('id').execute();

export const disputesOf = (db: Db, id: string) =>
  db.selectFrom('evaluation_disputes').selectAll().where('evaluation_id', '=', id).orderBy('id').execute();
