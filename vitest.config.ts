import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/db/**/*.test.ts', 'tests/web/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // OFFICE_TEST_NOW pins the clock of this run and of the processes it starts (CI: 00:30 on 1 January).
    setupFiles: ['tests/setup/pinned-clock.mjs'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
