import { AppError, describeIssues } from '../../core/errors.ts';
import type { Role } from '../../schemas/roles.ts';
import { type NewUserRequest, newUserRequest, type UserLimitRequest } from '../../schemas/users.ts';
import type { Db } from '../../stores/sqlite.ts';
import { audit } from '../audit/audit.ts';
import { hashPassword } from '../auth/password.ts';
import { operatorExists } from '../roster/roster.repository.ts';
import { checkHeadLimit } from './head-limit.ts';
import {
  findUserById,
  findUserByName,
  insertUser,
  type UserRow,
  updateUserLimit,
  userRowToView,
} from './users.repository.ts';

/** Creates a user after checking the request, the username's uniqueness and the operator link. */
export async function createUser(db: Db, input: NewUserRequest, actor: string): Promise<UserRow> {
  const parsed = newUserRequest.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', describeIssues(parsed.error.issues));
  const req = parsed.data;
  const operatorId = req.operatorId ?? null;
  if (req.role === 'operator' && !operatorId) {
    throw new AppError('bad_request', 'an operator user needs --operator ID (the operator it belongs to)');
  }
  if (req.role !== 'operator' && operatorId) {
    throw new AppError('bad_request', 'only a user with role operator is linked to an operator');
  }
  if (operatorId) {
    if (!(await operatorExists(db, operatorId)))
      throw new AppError('bad_request', `no operator with id "${operatorId}"; import operators first`);
  }
  const limit = { department: req.department ?? null, team: req.team ?? null };
  await checkHeadLimit(db, req.role, limit);
  if (await findUserByName(db, req.username)) {
    throw new AppError('conflict', `a user named "${req.username}" already exists`);
  }
  const passwordHash = await hashPassword(req.password);
  return db.transaction().execute(async (tx) => {
    const row = await insertUser(tx, {
      username: req.username,
      displayName: req.displayName ?? req.username,
      role: req.role,
      operatorId,
      ...limit,
      passwordHash,
    });
    await audit(tx, {
      actor,
      action: 'create',
      entity: 'user',
      entityId: String(row.id),
      after: userRowToView(row),
    });
    return row;
  });
}

/** Changes whose operators a head sees (a department, a team, or everyone); audited. */
export async function setHeadLimit(
  db: Db,
  id: number,
  limit: UserLimitRequest,
  actor: string,
): Promise<UserRow> {
  const user = await findUserById(db, id);
  if (!user) throw new AppError('not_found', `no active user with id ${id}`);
  await checkHeadLimit(db, user.role as Role, limit);
  return db.transaction().execute(async (tx) => {
    const row = await updateUserLimit(tx, id, limit);
    await audit(tx, {
      actor,
      action: 'update',
      entity: 'user',
      entityId: String(id),
      before: userRowToView(user),
      after: userRowToView(row),
    });
    return row;
  });
}
