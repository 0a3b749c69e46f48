import { type NewUserRequest, newUserRequest } from '../../schemas/api.ts';
import { audit } from '../audit/audit.ts';
import { hashPassword } from '../auth/password.ts';
import { AppError, describeIssues } from '../errors.ts';
import type { Db } from '../stores/sqlite.ts';
import { findUserByName, insertUser, type UserRow, userRowToView } from './users.repository.ts';

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
    const op = await db
      .selectFrom('operators')
      .select('operator_id')
      .where('operator_id', '=', operatorId)
      .executeTakeFirst();
    if (!op) throw new AppError('bad_request', `no operator with id "${operatorId}"; import operators first`);
  }
  const department = req.department ?? null;
  if (department && req.role !== 'head') {
    throw new AppError('bad_request', 'only a department head is limited to a department');
  }
  if (department) {
    const team = await db
      .selectFrom('teams')
      .select('team_id')
      .where('department', '=', department)
      .executeTakeFirst();
    if (!team)
      throw new AppError('bad_request', `no team belongs to department "${department}"; import teams first`);
  }
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
      department,
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
