import { defineConfig } from 'vitest/config';

/**
 * The API, CLI and lake tests again, with the operational store on PostgreSQL (`npm run test:pg`): the server
 * CALLSCORE_TEST_DATABASE_URL names, or a private cluster the global setup starts and stops.
 * Each test environment gets a database of its own (tests/helpers/runtime.ts).
 */
export default defineConfig({
  test: {
    name: 'postgres',
    pool: 'forks',
    include: ['tests/server/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/lake/**/*.test.ts'],
    globalSetup: ['tests/helpers/pg-global-setup.ts'],
    hookTimeout: 120_000,
    // Each query is a round trip to the server here: the sign-in loops take longer than on SQLite.
    testTimeout: 60_000,
    env: { TZ: 'America/Los_Angeles' },
  },
});
