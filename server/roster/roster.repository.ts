import type { Db } from '../../stores/sqlite.ts';

/** Lookups of the imported roster that several domains make (who is in a team, who exists). */

/** The ids of a team's operators. */
export async function teamOperatorIds(db: Db, teamId: string): Promise<string[]> {
  const rows = await db.selectFrom('operators').select('operator_id').where('team_id', '=', teamId).execute();
  return rows.map((r) => r.operator_id);
}

/** Whether an operator of this id has been imported. */
export async function operatorExists(db: Db, operatorId: string): Promise<boolean> {
  const op = await db
    .selectFrom('operators')
    .select('operator_id')
    .where('operator_id', '=', operatorId)
    .executeTakeFirst();
  return op !== undefined;
}
