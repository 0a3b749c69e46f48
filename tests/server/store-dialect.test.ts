import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/users/users.service.ts';
import { isWriteConflict } from '../../stores/dialect.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

// What differs between SQLite and PostgreSQL, asked of the store the suite runs on (SQLite in
// `npm test`, PostgreSQL in `npm run test:pg`): the answers must be the same.

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
  await createUser(env.rt.db, { username: 'ana', role: 'qa', password: 'pw-ana-secret-1' }, 'test');
});
afterAll(() => env.dispose());

describe('the operational store, on either backend', () => {
  it('finds a user whatever the case of his name, and keeps one user per name', async () => {
    await expect(
      createUser(env.rt.db, { username: 'ANA', role: 'qa', password: 'pw-ana-secret-2' }, 'test'),
    ).rejects.toThrow(/already exists/);
    const e = await env.rt.db
      .insertInto('users')
      .values({ username: 'Ana', display_name: 'Ana', role: 'qa', operator_id: null, password_hash: 'x' })
      .execute()
      .catch((err: unknown) => err);
    expect(isWriteConflict(e)).toBe(true);
  });

  it('answers an empty IN list as false and an empty NOT IN as true', async () => {
    const none = await env.rt.db.selectFrom('users').select('id').where('username', 'in', []).execute();
    const all = await env.rt.db.selectFrom('users').select('id').where('username', 'not in', []).execute();
    expect(none).toEqual([]);
    expect(all).toHaveLength(1);
  });

  it('gives counts and sums as numbers, fractions as doubles, and timestamps as ISO text', async () => {
    await env.rt.db
      .insertInto('targets')
      .values({ team_id: 'T1', period: '2026-10', metric: 'aht', target: 0.1234567890123, import_id: null })
      .execute();
    const row = await env.rt.db
      .selectFrom('targets')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('target').as('sum')])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ n: 1, sum: 0.1234567890123 });
    const user = await env.rt.db.selectFrom('users').select(['created_at', 'id']).executeTakeFirstOrThrow();
    expect(user.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(typeof user.id).toBe('number');
  });
});
