import { randomUUID } from 'node:crypto';
import type { AssessmentsQuery, AssessmentView, NewAssessmentRequest } from '../../schemas/claims.ts';
import { monthRange } from '../../schemas/period.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { assertOperatorInScope } from '../auth/scope.ts';
import type { Scope } from '../context.ts';
import { periodInstants } from '../periods/period.ts';
import {
  assessmentRowToView,
  getAssessment,
  insertAssessment,
  listAssessmentRows,
} from './assessments.repository.ts';

/** Imported and recorded assessments in one list, newest first. */
export async function listAssessments(
  db: Db,
  q: AssessmentsQuery,
  scope: Scope,
  tz: string,
): Promise<AssessmentView[]> {
  const rows = await listAssessmentRows(db, {
    operatorIds: scope.operatorIds,
    q,
    assessedIn: q.period ? periodInstants(monthRange(q.period), tz) : null,
  });
  return rows.map(assessmentRowToView);
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
    await insertAssessment(tx, row);
    await audit(tx, {
      actor: author.username,
      action: 'create',
      entity: 'assessment',
      entityId: row.assessment_id,
      after: row,
    });
  });
  return assessmentRowToView(await getAssessment(db, row.assessment_id));
}
