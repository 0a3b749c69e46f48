import type { Db } from '../../stores/sqlite.ts';

/** The operators of these ids (null: all) that have a team, with the team's name. */
export const operatorsWithTeam = (db: Db, ops: string[] | null) =>
  db
    .selectFrom('operators')
    .innerJoin('teams', 'teams.team_id', 'operators.team_id')
    .select(['operators.operator_id', 'operators.name', 'operators.team_id', 'teams.name as team_name'])
    .$if(ops !== null, (q) => q.where('operators.operator_id', 'in', ops?.length ? ops : ['']))
    .execute();

/** The teams with how many operators each has, by name; given operator ids, only their teams. */
export const teamsWithOperatorCount = (db: Db, operatorIds: readonly string[] | null) =>
  db
    .selectFrom('teams')
    .leftJoin('operators', 'operators.team_id', 'teams.team_id')
    .select((eb) => [
      'teams.team_id',
      'teams.name',
      'teams.department',
      eb.fn.count<number>('operators.operator_id').as('operators'),
    ])
    .$if(operatorIds !== null, (q) =>
      q.where('teams.team_id', 'in', (eb) =>
        eb
          .selectFrom('operators')
          .select('team_id')
          .where('operator_id', 'in', [...(operatorIds ?? []), '']),
      ),
    )
    .groupBy('teams.team_id')
    .orderBy('teams.name')
    .execute();

/** The operators of these ids (null: all), with their team's name, by name. */
export const rosterOf = (db: Db, operatorIds: readonly string[] | null) =>
  db
    .selectFrom('operators')
    .leftJoin('teams', 'teams.team_id', 'operators.team_id')
    .select([
      'operators.operator_id as operatorId',
      'operators.name',
      'operators.team_id as teamId',
      'teams.name as teamName',
    ])
    .$if(operatorIds !== null, (q) => q.where('operators.operator_id', 'in', [...(operatorIds ?? []), '']))
    .orderBy('operators.name')
    .execute();
