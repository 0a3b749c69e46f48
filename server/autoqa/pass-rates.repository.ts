import type { Db } from '../../stores/sqlite.ts';

/** What the pass rates read of the roster beside the results: the teams' names. */
export async function teamNames(db: Db, teamIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('teams')
    .select(['team_id', 'name'])
    .where('team_id', 'in', [...teamIds, ''])
    .execute();
  return new Map(rows.map((r) => [r.team_id, r.name]));
}
