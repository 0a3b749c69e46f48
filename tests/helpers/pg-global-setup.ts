import pg from 'pg';
import { openStore } from '../../stores/store.ts';
import { type Cluster, startCluster } from './pg-cluster.ts';
import { databaseUrl, runPrefix } from './pg-databases.ts';

/**
 * The PostgreSQL run's setup (vitest.pg.config.ts): the server CALLSCORE_TEST_DATABASE_URL names,
 * else a private cluster started here; then the template database every test environment copies,
 * migrated once. Both are gone after the run.
 */
export default async function setup() {
  let cluster: Cluster | undefined;
  let serverUrl = process.env.CALLSCORE_TEST_DATABASE_URL;
  if (!serverUrl) {
    cluster = await startCluster();
    serverUrl = cluster.url;
    process.env.CALLSCORE_TEST_DATABASE_URL = serverUrl;
  }
  const template = `callscore_tpl_${process.pid}`;
  process.env.CALLSCORE_TEST_RUN = String(process.pid);
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${template}`);
  await run(`CREATE DATABASE ${template}`);
  const db = await openStore(databaseUrl(serverUrl, template));
  await db.destroy();
  process.env.CALLSCORE_TEST_TEMPLATE_DB = template;
  return async () => {
    try {
      if (!cluster) {
        // What tests left (an environment not disposed, a failed run) goes with the template.
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        try {
          const { rows } = await c.query<{ datname: string }>(
            'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
            [runPrefix()],
          );
          for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
        } finally {
          await c.end();
        }
        await run(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      }
    } finally {
      cluster?.stop();
    }
  };
}
