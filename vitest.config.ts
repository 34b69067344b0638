import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'api',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // Several processes sharing one database need a database server: PGlite serves one process.
          exclude: ['**/node_modules/**', ...(process.env.DATABASE_URL ? [] : ['test/multi-instance.test.ts', 'test/fault-injection.test.ts', 'test/rolling-restart.test.ts'])],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      // Logic of the web pages that needs no browser (money formatting, problem mapping).
      // The SDK resolves as the web build resolves it (web/vite.config.ts): pages' modules import it.
      { resolve: { alias: { '@courtyard/sdk': fileURLToPath(new URL('./sdk/src/index.ts', import.meta.url)) } }, test: { name: 'web', include: ['web/src/**/*.test.ts'] } },
      {
        // Journeys in Chromium against one real Courtyard, shared by every file (see web/e2e/global-setup.ts).
        test: {
          name: 'e2e',
          include: ['web/e2e/**/*.test.ts'],
          globalSetup: ['web/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // A page waits on the server: vitest's 1 s for expect.poll failed journeys on a loaded 2-core machine.
          expect: { poll: { timeout: 10_000 } },
          pool: 'forks',
        },
      },
    ],
  },
});
