import pg from 'pg';

/**
 * The test databases on PostgreSQL: when CALLSCORE_TEST_DATABASE_URL names a server (the PostgreSQL
 * run sets it, see vitest.pg.config.ts), each test environment gets a database of its own, copied
 * from a template migrated once per run (CALLSCORE_TEST_TEMPLATE_DB).
 */
export const testDatabaseUrl = (): string | undefined => process.env.CALLSCORE_TEST_DATABASE_URL || undefined;

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(serverUrl: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

let counter = 0;

/**
 * The start of every database name of this run (CALLSCORE_TEST_RUN, set by the global setup), so
 * that the run's end drops what a test left behind on a server it was given.
 */
export const runPrefix = () => `callscore_t${process.env.CALLSCORE_TEST_RUN ?? ''}_`;

/** A new database copied from the run's template; returns its URL. */
export async function createTestDatabase(serverUrl: string): Promise<{ name: string; url: string }> {
  const template = process.env.CALLSCORE_TEST_TEMPLATE_DB;
  const name = `${runPrefix()}${process.pid}_${++counter}_${Math.floor(Math.random() * 1e6)}`;
  await admin(serverUrl, async (c) => {
    // Two CREATE DATABASE from one template at once: PostgreSQL may refuse the second while the
    // first copies; it is tried again.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
        return;
      } catch (e) {
        if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
  return { name, url: databaseUrl(serverUrl, name) };
}

export async function dropTestDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** An empty database of its own (no migration), for what must start from nothing. */
export async function createEmptyDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ name: string; url: string }> {
  const name = `${runPrefix()}${prefix}_${process.pid}_${++counter}_${Math.floor(Math.random() * 1e6)}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  return { name, url: databaseUrl(serverUrl, name) };
}
