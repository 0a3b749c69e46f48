import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Pinned so no result depends on the machine's zone; the code must never read it anyway.
    env: { TZ: 'America/Los_Angeles' },
  },
});
