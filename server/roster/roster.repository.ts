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

/**
 * Operators' ids, names and teams, by name: those of `operatorIds` (null: every one), of `team`
 * when named, only the active ones when asked.
 */
export async function operatorsByName(
  db: Db,
  f: { operatorIds: readonly string[] | null; team?: string | null; activeOnly?: boolean },
) {
  return db
    .selectFrom('operators')
    .select(['operator_id', 'name', 'team_id'])
    .$if(f.activeOnly === true, (q) => q.where('active', '=', 1))
    .$if(f.operatorIds !== null, (q) => q.where('operator_id', 'in', [...(f.operatorIds ?? []), '']))
    .$if(f.team != null, (q) => q.where('team_id', '=', f.team ?? ''))
    .orderBy('name')
    .orderBy('operator_id')
    .execute();
}
