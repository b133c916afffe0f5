import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'renderer/src/**/*.test.ts'],
    environment: 'node',
    // Real SQLite files and child processes: give each file its own process.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
