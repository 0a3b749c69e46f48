import type { Db } from '../../stores/sqlite.ts';

/** A period's assignments (one monitor's, or all), each with the monitor's evaluation of the call if any. */
export const assignmentsWithEvaluations = (db: Db, period: string, monitor: string | null) =>
  db
    .selectFrom('evaluation_assignments as a')
    .leftJoin('evaluations as e', (j) =>
      j
        .onRef('e.call_id', '=', 'a.call_id')
        .onRef('e.evaluator', '=', 'a.monitor')
        .on('e.calibration', '=', 0),
    )
    // The rule that gave the call, if a sampling rule did.
    .leftJoin('sampling_items as si', 'si.assignment_id', 'a.id')
    .leftJoin('sampling_rules as sr', 'sr.id', 'si.rule_id')
    .selectAll('a')
    .select(['e.evaluation_id', 'e.status as evaluation_status', 'sr.id as rule_id', 'sr.name as rule_name'])
    .where('a.period', '=', period)
    .$if(monitor !== null, (q) => q.where('a.monitor', '=', monitor ?? ''))
    .orderBy('a.monitor')
    .orderBy('a.call_started_at')
    .orderBy('a.id')
    .execute();

/** Whether a call is already assigned in a period. */
export async function isAssigned(db: Db, period: string, callId: string): Promise<boolean> {
  const existing = await db
    .selectFrom('evaluation_assignments')
    .select('id')
    .where('period', '=', period)
    .where('call_id', '=', callId)
    .executeTakeFirst();
  return existing !== undefined;
}

export interface NewAssignment {
  period: string;
  call_id: string;
  operator_id: string | null;
  call_started_at: string;
  monitor: string;
  assigned_by: string;
}

/** The lock (stores/dialect.ts: lockKey) of whoever reads which calls are given, then gives more. */
export const ASSIGNMENTS_LOCK = 'evaluation_assignments';

/** Adds an assignment; its id. */
export async function insertAssignment(db: Db, a: NewAssignment): Promise<number> {
  const row = await db
    .insertInto('evaluation_assignments')
    .values(a)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An assignment, if there is one of this id. */
export const findAssignment = (db: Db, id: number) =>
  db.selectFrom('evaluation_assignments').selectAll().where('id', '=', id).executeTakeFirst();

/** Removes an assignment. */
export async function deleteAssignment(db: Db, id: number): Promise<void> {
  await db.deleteFrom('evaluation_assignments').where('id', '=', id).execute();
}
