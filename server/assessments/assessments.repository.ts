import type { Insertable } from 'kysely';
import type { AssessmentsQuery, AssessmentView } from '../../schemas/claims.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { AssessmentsTable } from '../../stores/tables.ts';

/** Assessments with their operator's name. */
const selectAssessments = (db: Db) =>
  db
    .selectFrom('assessments')
    .leftJoin('operators', 'operators.operator_id', 'assessments.operator_id')
    .select([
      'assessments.assessment_id',
      'assessments.operator_id',
      'operators.name as operator_name',
      'assessments.assessed_at',
      'assessments.polarity',
      'assessments.author',
      'assessments.note',
      'assessments.origin',
    ]);

export type AssessmentRow = Awaited<ReturnType<ReturnType<typeof selectAssessments>['execute']>>[number];

export const assessmentRowToView = (r: AssessmentRow): AssessmentView => ({
  assessmentId: r.assessment_id,
  operatorId: r.operator_id,
  operatorName: r.operator_name ?? null,
  assessedAt: r.assessed_at,
  polarity: r.polarity as AssessmentView['polarity'],
  author: r.author,
  note: r.note,
  origin: r.origin,
});

/**
 * Assessments of the operators named (null: all) matching the query, with `assessedIn` only those
 * dated in [from, to); newest first, at most `q.limit`.
 */
export async function listAssessmentRows(
  db: Db,
  f: {
    operatorIds: readonly string[] | null;
    q: AssessmentsQuery;
    assessedIn: { from: string; to: string } | null;
  },
): Promise<AssessmentRow[]> {
  const { q } = f;
  let query = selectAssessments(db);
  if (f.operatorIds)
    query = query.where('assessments.operator_id', 'in', f.operatorIds.length ? f.operatorIds : ['']);
  if (q.operator) query = query.where('assessments.operator_id', '=', q.operator);
  if (q.team) query = query.where('operators.team_id', '=', q.team);
  if (q.polarity) query = query.where('assessments.polarity', '=', q.polarity);
  const b = f.assessedIn;
  if (b)
    query = query.where('assessments.assessed_at', '>=', b.from).where('assessments.assessed_at', '<', b.to);
  return query.orderBy('assessments.assessed_at', 'desc').limit(q.limit).execute();
}

/** One assessment, which must exist. */
export const getAssessment = (db: Db, id: string) =>
  selectAssessments(db).where('assessments.assessment_id', '=', id).executeTakeFirstOrThrow();

export const insertAssessment = (db: Db, values: Insertable<AssessmentsTable>) =>
  db.insertInto('assessments').values(values).execute();
