import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../stores/sqlite.ts';
import type { LoginFailuresTable } from '../../stores/tables.ts';

/** The failed sign-ins counted per account and per address (throttle.ts decides what they cost). */

export type LoginFailure = Selectable<LoginFailuresTable>;

export async function failuresOf(db: Db, keys: readonly string[]): Promise<LoginFailure[]> {
  return db.selectFrom('login_failures').selectAll().where('key', 'in', keys).execute();
}

export async function failureOf(db: Db, key: string): Promise<LoginFailure | undefined> {
  return db.selectFrom('login_failures').selectAll().where('key', '=', key).executeTakeFirst();
}

/** The key's count as it now stands, written over the one before. */
export async function saveFailure(db: Db, row: Insertable<LoginFailuresTable>): Promise<void> {
  await db
    .insertInto('login_failures')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet(row))
    .execute();
}

export async function deleteFailures(db: Db, keys: readonly string[]): Promise<void> {
  await db.deleteFrom('login_failures').where('key', 'in', keys).execute();
}
