import { rmSync } from 'node:fs';
import { expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { loadSmall, storeEnv, tempDir, testEnv } from '../helpers/runtime.ts';

/**
 * On a shared PostgreSQL store an empty data directory does not mean an empty store: the demo
 * refuses a store that already holds operators instead of writing a second roster into it.
 * (On SQLite the store is the directory's own file, which the directory check already covers.)
 */
it.skipIf(!process.env.CALLSCORE_TEST_DATABASE_URL)(
  'refuses to write a demo into a PostgreSQL store that already holds operators',
  async () => {
    const env = await testEnv();
    const empty = tempDir();
    try {
      await loadSmall(env);
      const res = await cli(['demo', '--months', '1', '--data', empty], { env: storeEnv(env) });
      expect(res.code).toBe(2);
      expect(res.stderr).toContain('the operational store already holds operators');
    } finally {
      await env.dispose();
      rmSync(empty, { recursive: true, force: true });
    }
  },
);
