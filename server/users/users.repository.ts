import type { Selectable } from 'kysely';
import type { MonitorView } from '../../schemas/evaluations.ts';
import type { Role } from '../../schemas/roles.ts';
import { isLanguageCode, type LanguageCode, type UserView } from '../../schemas/users.ts';
import { usernameIs } from '../../stores/dialect.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { UsersTable } from '../../stores/tables.ts';

export type UserRow = Selectable<UsersTable>;

export const userRowToView = (u: UserRow): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role as Role,
  operatorId: u.operator_id,
  department: u.department,
  team: u.team_id,
  locale: isLanguageCode(u.locale) ? u.locale : 'en',
});

/** Sets a user's interface language; returns the row as it now is. */
export const updateUserLocale = (db: Db, id: number, locale: LanguageCode) =>
  db.updateTable('users').set({ locale }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** Sets whose operators a head sees; returns the row as it now is. */
export const updateUserLimit = (
  db: Db,
  id: number,
  limit: { department: string | null; team: string | null },
) =>
  db
    .updateTable('users')
    .set({ department: limit.department, team_id: limit.team, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const findUserByName = (db: Db, username: string) =>
  db
    .selectFrom('users')
    .selectAll()
    .where(usernameIs(db, username))
    .where('active', '=', 1)
    .executeTakeFirst();

export const findUserById = (db: Db, id: number) =>
  db.selectFrom('users').selectAll().where('id', '=', id).where('active', '=', 1).executeTakeFirst();

/** The username and role of each active user of those named. */
export const activeUsersNamed = (db: Db, names: readonly string[]) =>
  db
    .selectFrom('users')
    .select(['username', 'role'])
    .where('username', 'in', [...names])
    .where('active', '=', 1)
    .execute();

export const listUsers = (db: Db) => db.selectFrom('users').selectAll().orderBy('username').execute();

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  operatorId: string | null;
  department: string | null;
  team: string | null;
  passwordHash: string;
}

export async function insertUser(db: Db, u: NewUser): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      operator_id: u.operatorId,
      department: u.department,
      team_id: u.team,
      password_hash: u.passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The active QA monitors and leads, by username. */
export async function listMonitors(db: Db): Promise<MonitorView[]> {
  const rows = await db
    .selectFrom('users')
    .select(['username', 'display_name', 'role'])
    .where('active', '=', 1)
    .where('role', 'in', ['qa', 'qa_lead'])
    .orderBy('username')
    .execute();
  return rows.map((r) => ({
    username: r.username,
    displayName: r.display_name,
    role: r.role === 'qa_lead' ? 'qa_lead' : 'qa',
  }));
}
