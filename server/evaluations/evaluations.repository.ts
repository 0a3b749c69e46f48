import type { Insertable, Selectable, Updateable } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type {
  CommentView,
  DisputeView,
  EvaluationStatus,
  EvaluationView,
  ListEvaluationsQuery,
} from '../../schemas/evaluations.ts';
import type { Answers } from '../../schemas/forms.ts';
import type { UserView } from '../../schemas/users.ts';
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
    openedAt: r.opened_at,
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
  level: r.level,
  status: r.status,
  questionIds: r.question_ids === null ? [] : (JSON.parse(r.question_ids) as string[]),
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

export interface EvaluationSearch {
  /** The operators the user may see; null: everyone. */
  visible: string[] | null;
  /** Calls started in [from, to), when a period is asked for. */
  range: { from: string; to: string } | null;
  user: UserView;
  /** A lead sees the monitors' drafts; a monitor only his own. */
  seesOthersDrafts: boolean;
  q: ListEvaluationsQuery;
}

/**
 * The calls whose operator is asked to score them himself and has not yet: the monitor's
 * evaluation of such a call is hidden from the operator until he submits his own.
 */
export const pendingSelfEvaluationCalls = (db: Db) =>
  db.selectFrom('self_evaluations').select('call_id').where('status', '=', 'requested');

export const hasPendingSelfEvaluation = async (db: Db, callId: string): Promise<boolean> =>
  (await pendingSelfEvaluationCalls(db).where('call_id', '=', callId).executeTakeFirst()) !== undefined;

/** The evaluations a user may see that match the query: how many, and the page asked for. */
export async function searchEvaluations(
  db: Db,
  { visible, range, user, seesOthersDrafts, q }: EvaluationSearch,
): Promise<{ total: number; rows: EvaluationWithForm[] }> {
  const isOperator = user.role === 'operator';
  const base = selectEvaluations(db)
    // The scope first: the filters below narrow it and never widen it.
    .$if(visible !== null, (b) => b.where('evaluations.operator_id', 'in', visible ?? []))
    .$if(range !== null, (b) =>
      b
        .where('evaluations.call_started_at', '>=', range?.from ?? '')
        .where('evaluations.call_started_at', '<', range?.to ?? ''),
    )
    .$if(isOperator, (b) =>
      b
        .where('evaluations.operator_id', '=', user.operatorId ?? '')
        .where('evaluations.status', '<>', 'draft')
        .where('evaluations.calibration', '=', 0)
        // A call he is asked to score himself: the monitor's evaluation waits for his own.
        .where('evaluations.call_id', 'not in', pendingSelfEvaluationCalls(db)),
    )
    .$if(!isOperator, (b) => b.where('evaluations.calibration', '=', q.calibration ? 1 : 0))
    // A monitor sees other monitors' drafts nowhere: a draft is his own work in progress.
    .$if(!isOperator && !seesOthersDrafts, (b) =>
      b.where((eb) =>
        eb.or([eb('evaluations.status', '<>', 'draft'), eb('evaluations.evaluator', '=', user.username)]),
      ),
    )
    // Blind calibration (calibration/blind.ts): others' scorings of an open session stay hidden,
    // from a lead too when he scores in it.
    .$if(q.calibration && user.role !== 'admin', (b) =>
      b.where((eb) =>
        eb.or([
          eb('evaluations.evaluator', '=', user.username),
          eb(
            'evaluations.calibration_session_id',
            'in',
            eb.selectFrom('calibration_sessions').select('id').where('status', '=', 'closed'),
          ),
          ...(user.role === 'qa_lead'
            ? [
                eb(
                  'evaluations.calibration_session_id',
                  'not in',
                  eb
                    .selectFrom('calibration_participants')
                    .select('session_id')
                    .where('monitor', '=', user.username),
                ),
              ]
            : []),
        ]),
      ),
    )
    .$if(q.operator !== undefined, (b) => b.where('evaluations.operator_id', '=', q.operator ?? ''))
    .$if(q.evaluator !== undefined, (b) => b.where('evaluations.evaluator', '=', q.evaluator ?? ''))
    .$if(q.status !== undefined, (b) => b.where('evaluations.status', '=', q.status ?? 'draft'))
    .$if(q.callId !== undefined, (b) => b.where('evaluations.call_id', '=', q.callId ?? ''))
    .$if(q.formId !== undefined, (b) => b.where('evaluations.form_id', '=', q.formId ?? 0))
    .$if(q.appealed !== undefined, (b) =>
      b.where(
        'evaluations.evaluation_id',
        q.appealed ? 'in' : 'not in',
        db.selectFrom('evaluation_disputes').select('evaluation_id').where('level', '>=', 2),
      ),
    );
  const total = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await base
    .orderBy('evaluations.call_started_at', 'desc')
    .orderBy('evaluations.evaluation_id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: Number(total?.n ?? 0), rows };
}

/**
 * The evaluator's own evaluation of a call: outside calibration (`calibrationSessionId` null) or
 * in that calibration session.
 */
export const findEvaluationOf = (
  db: Db,
  k: { callId: string; evaluator: string; calibrationSessionId: number | null },
) =>
  db
    .selectFrom('evaluations')
    .select('evaluation_id')
    .where('call_id', '=', k.callId)
    .where('evaluator', '=', k.evaluator)
    .where('calibration', '=', k.calibrationSessionId !== null ? 1 : 0)
    .$if(k.calibrationSessionId !== null, (b) =>
      b.where('calibration_session_id', '=', k.calibrationSessionId ?? 0),
    )
    .executeTakeFirst();

/**
 * The highest number an id `EV-YYYYMM-NNNNN` of that month was ever given, 0 when none was: held
 * by an evaluation (imported ones of this shape count) or named in the audit log (a deleted draft),
 * so a new id never repeats one. Imported ids of another shape are left alone.
 */
export async function lastEvaluationNumber(db: Db, month: string): Promise<number> {
  const prefix = `EV-${month.replace('-', '')}-`;
  const [held, audited] = await Promise.all([
    db
      .selectFrom('evaluations')
      .select('evaluation_id as id')
      .where('evaluation_id', 'like', `${prefix}%`)
      .execute(),
    db
      .selectFrom('audit_log')
      .select('entity_id as id')
      .where('entity', '=', 'evaluation')
      .where('action', '=', 'create')
      .where('entity_id', 'like', `${prefix}%`)
      .execute(),
  ]);
  let last = 0;
  for (const { id } of [...held, ...audited]) {
    const tail = id?.slice(prefix.length) ?? '';
    if (/^\d{5,}$/.test(tail)) last = Math.max(last, Number(tail));
  }
  return last;
}

export const insertEvaluation = (db: Db, values: Insertable<EvaluationsTable>) =>
  db.insertInto('evaluations').values(values).execute();

/**
 * Changes an evaluation that is still in the status it was read in. The status is checked in the
 * update itself, so of two writers who read the same status (two tabs, two connections of the
 * pool, two processes) one changes it and the other is told, with 409.
 */
export async function updateEvaluation(
  db: Db,
  id: string,
  readStatus: string,
  set: Updateable<EvaluationsTable>,
): Promise<void> {
  const r = await db
    .updateTable('evaluations')
    .set(set)
    .where('evaluation_id', '=', id)
    .where('status', '=', readStatus)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1)
    throw new AppError('conflict', `evaluation ${id} was changed by someone else a moment ago; reload it`);
}

/** A draft and its comments. */
export async function deleteEvaluation(db: Db, id: string): Promise<void> {
  await db.deleteFrom('evaluation_comments').where('evaluation_id', '=', id).execute();
  await db.deleteFrom('evaluations').where('evaluation_id', '=', id).execute();
}

/** Opens a dispute; answers its id. */
export const insertDispute = (db: Db, values: Insertable<EvaluationDisputesTable>) =>
  db.insertInto('evaluation_disputes').values(values).returning('id').executeTakeFirstOrThrow();

/** The evaluation's latest dispute still open, if any, with its level. */
export const openDisputeOf = (db: Db, id: string) =>
  db
    .selectFrom('evaluation_disputes')
    .select(['id', 'level'])
    .where('evaluation_id', '=', id)
    .where('status', '=', 'open')
    .orderBy('id', 'desc')
    .executeTakeFirst();

export const updateDispute = (db: Db, disputeId: number, set: Updateable<EvaluationDisputesTable>) =>
  db.updateTable('evaluation_disputes').set(set).where('id', '=', disputeId).execute();

/** Adds a comment; answers its id. */
export const insertComment = (db: Db, values: Insertable<EvaluationCommentsTable>) =>
  db.insertInto('evaluation_comments').values(values).returning('id').executeTakeFirstOrThrow();

/**
 * Disputes (level 1; appeals apart) opened on evaluations of this operator at instants in
 * `[from, to)`: what the monthly limit counts.
 */
export async function disputesOpenedBy(
  db: Db,
  operatorId: string,
  range: { from: string; to: string },
): Promise<number> {
  const row = await db
    .selectFrom('evaluation_disputes')
    .innerJoin('evaluations', 'evaluations.evaluation_id', 'evaluation_disputes.evaluation_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('evaluations.operator_id', '=', operatorId)
    .where('evaluation_disputes.level', '=', 1)
    .where('evaluation_disputes.opened_at', '>=', range.from)
    .where('evaluation_disputes.opened_at', '<', range.to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
