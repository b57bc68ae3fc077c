import { defineConfig } from 'vitest/config';

/**
 * Every test runs twice: against the PostgreSQL server (DATABASE_URL or 127.0.0.1:5432) and
 * against the embedded PGlite database. Each project's global setup seeds one database and
 * starts one real API server; tests talk to it over HTTP and WebSocket.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 300_000,
    globalSetup: ['src/test/global-setup.ts'],
    // CI reads the totals from here to print one closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
    projects: [
      { extends: true, test: { name: 'postgres', env: { GZ_TEST_DB: 'postgres' } } },
      { extends: true, test: { name: 'embedded', env: { GZ_TEST_DB: 'embedded' } } },
    ],
  },
});
