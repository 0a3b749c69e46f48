import type { Insertable } from 'kysely';
import type { Db } from '../../stores/sqlite.ts';
import type { EvaluationAutoAnswersTable } from '../../stores/tables.ts';

/** The answers AutoQA proposed on evaluations and what their monitors did with them (migration 009). */

export const insertAutoAnswers = async (db: Db, rows: Insertable<EvaluationAutoAnswersTable>[]) => {
  if (rows.length) await db.insertInto('evaluation_auto_answers').values(rows).execute();
};

export const autoAnswersOf = (db: Db, evaluationId: string) =>
  db.selectFrom('evaluation_auto_answers').selectAll().where('evaluation_id', '=', evaluationId).execute();

export const decideAutoAnswer = (
  db: Db,
  evaluationId: string,
  questionId: string,
  d: { final_value: string; decision: 'accepted' | 'overridden'; decided_by: string; decided_at: string },
) =>
  db
    .updateTable('evaluation_auto_answers')
    .set(d)
    .where('evaluation_id', '=', evaluationId)
    .where('question_id', '=', questionId)
    .execute();
