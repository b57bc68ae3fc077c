import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Every test runs twice: against the PostgreSQL server (DATABASE_URL or 127.0.0.1:5432) and
 * against the embedded PGlite database. Each project's global setup seeds one database and
 * starts one real API server; tests talk to it over HTTP and WebSocket.
 */
export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build (the package has no `exports`), and so do type-graphql
    // and Apollo; Vite would pick the ES build for our own imports, and graphql refuses to mix two
    // copies of its classes. Resolve it the way Node does.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // CI reads the totals from here to print one closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
    // The global setup is given per project, so each project gets its own database and server.
    projects: [
      { extends: true, test: { name: 'postgres', env: { GZ_TEST_DB: 'postgres' }, globalSetup: ['src/test/global-setup.ts'] } },
      { extends: true, test: { name: 'embedded', env: { GZ_TEST_DB: 'embedded' }, globalSetup: ['src/test/global-setup.ts'] } },
    ],
  },
});
