import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { migrateStoreCommand } from '../../server/cli/commands/migrate-store.ts';
import { loadDemo } from '../../server/demo/load-demo.ts';
import { dataFiles, openDataDir } from '../../server/runtime.ts';
import { createUser } from '../../server/users/users.service.ts';
import { createEmptyDatabase, dropTestDatabase, testDatabaseUrl } from '../helpers/pg-databases.ts';
import { tempDir } from '../helpers/runtime.ts';

// A data directory's SQLite store moved to PostgreSQL answers the API as before. Needs a
// PostgreSQL server: it runs in `npm run test:pg`.
const server = testDatabaseUrl();

const PATHS = [
  '/api/dashboard/summary?period=2026-10',
  '/api/scorecards?period=2026-10',
  '/api/pay-periods',
  '/api/pay-periods/2026-09',
  '/api/evaluations?period=2026-10',
  '/api/claims?period=2026-10',
  '/api/admin/users',
  '/api/admin/audit?limit=50',
  '/api/imports?limit=100',
  '/api/forms',
  '/api/qa/graders?period=2026-10',
];

/** The API's answers to PATHS from the data directory on that store, signed in with the cookie given or as `Boss`. */
async function answers(dir: string, database: string, cookie?: string) {
  const rt = await openDataDir(dir, { webDir: null, database });
  try {
    const app = createApp(rt);
    let session = cookie;
    if (!session) {
      // `Boss`: a username is found whatever its case.
      const login = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'Boss', password: 'pw-boss-secret' }),
      });
      expect(login.status).toBe(200);
      session = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    }
    const out: Record<string, unknown> = {};
    for (const p of PATHS) {
      const res = await app.request(p, { headers: { cookie: session } });
      expect(res.status, p).toBe(200);
      out[p] = await res.json();
    }
    return { out, cookie: session };
  } finally {
    await rt.close();
  }
}

describe.skipIf(!server)('callscore migrate-store', () => {
  const dir = tempDir();
  let target: { name: string; url: string };
  let before: { out: Record<string, unknown>; cookie: string };

  beforeAll(async () => {
    const rt = await openDataDir(dir, { webDir: null, database: dataFiles(dir).sqlite });
    try {
      await loadDemo(rt, { operators: 8, month: '2026-10', months: 2, seed: 3 });
      await createUser(rt.db, { username: 'boss', role: 'admin', password: 'pw-boss-secret' }, 'test');
    } finally {
      await rt.close();
    }
    before = await answers(dir, dataFiles(dir).sqlite);
    target = await createEmptyDatabase(server as string, 'callscore_migrate');
  }, 180_000);
  afterAll(async () => {
    if (target) await dropTestDatabase(server as string, target.name);
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table with its counts, and the API answers the same from PostgreSQL', async () => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      await migrateStoreCommand(['--data', dir, '--to', target.url, '--json']);
    } finally {
      console.log = log;
    }
    const result = JSON.parse(lines.join('\n')) as {
      tables: { table: string; rows: number }[];
      rows: number;
    };
    const counts = new Map(result.tables.map((t) => [t.table, t.rows]));
    expect(counts.get('users')).toBeGreaterThan(5);
    expect(counts.get('evaluations')).toBeGreaterThan(30);
    expect(counts.get('pay_snapshots')).toBe(8);
    expect(result.rows).toBe([...counts.values()].reduce((s, n) => s + n, 0));

    // The session made on SQLite goes on: the sessions moved with everything else.
    const after = await answers(dir, target.url, before.cookie);
    for (const p of PATHS) expect(after.out[p], p).toEqual(before.out[p]);
  }, 120_000);

  it('gives new rows ids past the copied ones, and refuses a database that is not empty', async () => {
    const rt = await openDataDir(dir, { webDir: null, database: target.url });
    try {
      const last = await rt.db
        .selectFrom('users')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow();
      const user = await createUser(
        rt.db,
        { username: 'newcomer', role: 'qa', password: 'pw-newcomer-1' },
        'test',
      );
      expect(user.id).toBeGreaterThan(Number(last.id));
    } finally {
      await rt.close();
    }
    await expect(migrateStoreCommand(['--data', dir, '--to', target.url])).rejects.toThrow(
      /is not empty \(.*users.*\): give an empty database/,
    );
  });
});
