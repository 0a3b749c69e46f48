import type { Db } from '../../stores/sqlite.ts';

/** What the pass rates read of the roster beside the results: every team's name and department. */
export async function teamsById(db: Db): Promise<Map<string, { name: string; department: string | null }>> {
  const rows = await db.selectFrom('teams').select(['team_id', 'name', 'department']).execute();
  return new Map(rows.map((r) => [r.team_id, { name: r.name, department: r.department }]));
}
