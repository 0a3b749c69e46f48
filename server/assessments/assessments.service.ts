import { randomUUID } from 'node:crypto';
import type { AssessmentsQuery, AssessmentView, NewAssessmentRequest } from '../../schemas/claims.ts';
import { monthRange } from '../../schemas/period.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { assertOperatorInScope } from '../auth/scope.ts';
import type { Scope } from '../context.ts';
import { periodInstants } from '../periods/period.ts';

const baseQuery = (db: Db) =>
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

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const toView = (r: Row): AssessmentView => ({
  assessmentId: r.assessment_id,
  operatorId: r.operator_id,
  operatorName: r.operator_name ?? null,
  assessedAt: r.assessed_at,
  polarity: r.polarity as AssessmentView['polarity'],
  author: r.author,
  note: r.note,
  origin: r.origin,
});

/** Imported and recorded assessments in one list, newest first. */
export async function listAssessments(
  db: Db,
  q: AssessmentsQuery,
  scope: Scope,
  tz: string,
): Promise<AssessmentView[]> {
  let query = baseQuery(db);
  if (scope.operatorIds)
    query = query.where('assessments.operator_id', 'in', scope.operatorIds.length ? scope.operatorIds : ['']);
  if (q.operator) query = query.where('assessments.operator_id', '=', q.operator);
  if (q.team) query = query.where('operators.team_id', '=', q.team);
  if (q.polarity) query = query.where('assessments.polarity', '=', q.polarity);
  if (q.period) {
    const b = periodInstants(monthRange(q.period), tz);
    query = query.where('assessments.assessed_at', '>=', b.from).where('assessments.assessed_at', '<', b.to);
  }
  const rows = await query.orderBy('assessments.assessed_at', 'desc').limit(q.limit).execute();
  return rows.map(toView);
}

/** Records a management assessment of an operator; a negative one counts in the period it is dated. */
export async function recordAssessment(
  db: Db,
  req: NewAssessmentRequest,
  scope: Scope,
  author: { username: string; displayName: string },
): Promise<AssessmentView> {
  await assertOperatorInScope(db, req.operatorId, scope);
  const row = {
    assessment_id: `ASM-${randomUUID().slice(0, 8).toUpperCase()}`,
    operator_id: req.operatorId,
    assessed_at: req.assessedAt ? new Date(req.assessedAt).toISOString() : new Date().toISOString(),
    polarity: req.polarity,
    author: author.displayName || author.username,
    note: req.note,
    origin: 'manual',
    import_id: null,
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('assessments').values(row).execute();
    await audit(tx, {
      actor: author.username,
      action: 'create',
      entity: 'assessment',
      entityId: row.assessment_id,
      after: row,
    });
  });
  const saved = await baseQuery(db)
    .where('assessments.assessment_id', '=', row.assessment_id)
    .executeTakeFirstOrThrow();
  return toView(saved);
}
