import { defineConfig } from 'vitest/config';

const shared = {
  pool: 'forks' as const,
  hookTimeout: 120_000,
  // Pinned so no result depends on the machine's zone; the code must never read it anyway.
  env: { TZ: 'America/Los_Angeles' },
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          testTimeout: 30_000,
        },
      },
      {
        // Each browser test starts a server and Chromium: one file at a time, so two of them never
        // compete for the machine's cores, and one more try for a step a busy machine made late.
        test: {
          ...shared,
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          retry: 1,
        },
      },
    ],
  },
});
