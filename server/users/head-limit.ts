import { AppError } from '../../core/errors.ts';
import type { Role } from '../../schemas/roles.ts';
import type { Db } from '../../stores/sqlite.ts';

export interface HeadLimit {
  department: string | null;
  team: string | null;
}

/**
 * Whose operators a head sees: one department, one team (a team lead), or everyone. Only a head
 * is limited, to one or the other, and the department or team must be known.
 */
export async function checkHeadLimit(db: Db, role: Role, limit: HeadLimit): Promise<void> {
  const { department, team } = limit;
  if (department && role !== 'head') {
    throw new AppError('bad_request', 'only a department head is limited to a department');
  }
  if (team && role !== 'head') {
    throw new AppError('bad_request', 'only a head is limited to a team');
  }
  if (department && team) {
    throw new AppError('bad_request', 'a head is limited to a department or to a team, not both');
  }
  if (department) {
    const any = await db
      .selectFrom('teams')
      .select('team_id')
      .where('department', '=', department)
      .executeTakeFirst();
    if (!any)
      throw new AppError('bad_request', `no team belongs to department "${department}"; import teams first`);
  }
  if (team) {
    const known = await db
      .selectFrom('teams')
      .select('team_id')
      .where('team_id', '=', team)
      .executeTakeFirst();
    if (!known) throw new AppError('bad_request', `no team with id "${team}"; import teams first`);
  }
}
