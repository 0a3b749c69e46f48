import type { NamesResponse } from '../../schemas/names.ts';
import type { Db } from '../../stores/sqlite.ts';

/**
 * The names of users, operators and teams a caller who sees these operators (null: all) may read.
 * A user linked to an operator outside them is left out, as his display name is that operator's.
 */
export async function namesInScope(db: Db, operatorIds: readonly string[] | null): Promise<NamesResponse> {
  const visible = [...(operatorIds ?? []), ''];
  const [users, operators, teams] = await Promise.all([
    db
      .selectFrom('users')
      .select(['username', 'display_name'])
      .$if(operatorIds !== null, (q) =>
        q.where((eb) => eb.or([eb('operator_id', 'is', null), eb('operator_id', 'in', visible)])),
      )
      .execute(),
    db
      .selectFrom('operators')
      .select(['operator_id', 'name'])
      .$if(operatorIds !== null, (q) => q.where('operator_id', 'in', visible))
      .execute(),
    db
      .selectFrom('teams')
      .select(['team_id', 'name'])
      .$if(operatorIds !== null, (q) =>
        q.where('team_id', 'in', (eb) =>
          eb.selectFrom('operators').select('team_id').where('operator_id', 'in', visible),
        ),
      )
      .execute(),
  ]);
  return {
    users: Object.fromEntries(users.filter((u) => u.display_name).map((u) => [u.username, u.display_name])),
    operators: Object.fromEntries(operators.map((o) => [o.operator_id, o.name])),
    teams: Object.fromEntries(teams.map((t) => [t.team_id, t.name])),
  };
}
