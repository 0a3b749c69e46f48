import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CoachingGoal, CoachingSource } from '../../schemas/coaching.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { CoachingSessionsTable } from '../../stores/tables.ts';

export type CoachingRow = Selectable<CoachingSessionsTable> & {
  operator_name: string | null;
  team_id: string | null;
};

/** The sessions of these operators (null: everyone), newest first, with each operator's name and team. */
export const listCoachingRows = (db: Db, f: { operatorIds: readonly string[] | null; operator?: string }) =>
  db
    .selectFrom('coaching_sessions as s')
    .leftJoin('operators as o', 'o.operator_id', 's.operator_id')
    .selectAll('s')
    .select(['o.name as operator_name', 'o.team_id'])
    .$if(f.operatorIds !== null, (q) => q.where('s.operator_id', 'in', [...(f.operatorIds ?? []), '']))
    .$if(f.operator !== undefined, (q) => q.where('s.operator_id', '=', f.operator ?? ''))
    .orderBy('s.opened_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();

export const findCoachingRow = (db: Db, id: number) =>
  db
    .selectFrom('coaching_sessions as s')
    .leftJoin('operators as o', 'o.operator_id', 's.operator_id')
    .selectAll('s')
    .select(['o.name as operator_name', 'o.team_id'])
    .where('s.id', '=', id)
    .executeTakeFirst();

export async function insertCoachingRow(db: Db, row: Insertable<CoachingSessionsTable>): Promise<number> {
  const r = await db.insertInto('coaching_sessions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const updateCoachingRow = (db: Db, id: number, set: Updateable<CoachingSessionsTable>) =>
  db.updateTable('coaching_sessions').set(set).where('id', '=', id).execute();

/** Every version's id of the form `formId` is a version of: a question is the same across them. */
export const formVersionIds = async (db: Db, formId: number): Promise<number[]> =>
  (
    await db
      .selectFrom('forms as f')
      .innerJoin('forms as same', 'same.form_key', 'f.form_key')
      .select('same.id')
      .where('f.id', '=', formId)
      .execute()
  ).map((r) => r.id);

/** The row's stored JSON, read back: the calls, findings and goal as the API gives them. */
export const coachingRowParts = (r: CoachingRow) => ({
  callIds: JSON.parse(r.call_ids) as string[],
  findings: JSON.parse(r.findings) as string[],
  goal: JSON.parse(r.goal) as CoachingGoal,
  source: r.source as CoachingSource,
});
