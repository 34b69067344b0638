import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Several processes sharing one database need a database server: PGlite serves one process.
    exclude: ['**/node_modules/**', ...(process.env.DATABASE_URL ? [] : ['test/multi-instance.test.ts', 'test/fault-injection.test.ts'])],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
