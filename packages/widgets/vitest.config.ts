import { createRequire } from 'node:module';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { trimLeaflet } from './leaflet.plugin.js';
import { allowGeolocation, claimInOtherContext, denyGeolocation, emulateReducedMotion, screenshotPage } from './test/commands.js';

const require = createRequire(import.meta.url);

/**
 * Two projects. `chromium`: the components in Debian's Chromium (vitest browser mode) against a
 * real API server the global setup starts over a fresh, seeded PostgreSQL database. `node`:
 * checks of generated files (GraphQL types, custom-elements manifest).
 */
export default defineConfig({
  plugins: [trimLeaflet()],
  resolve: {
    alias: [
      // The API (started by the global setup) loads graphql's CommonJS build through its own
      // dependencies; one copy of graphql's classes, as in packages/api/vitest.config.ts.
      { find: /^graphql$/, replacement: require.resolve('graphql') },
      { find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' },
    ],
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // CI reads the totals from here to print one closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['src/**/*.node.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'chromium',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.node.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: '/usr/bin/chromium',
                args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
              },
            }),
            instances: [{ browser: 'chromium', viewport: { width: 1200, height: 900 } }],
            commands: { screenshotPage, allowGeolocation, denyGeolocation, emulateReducedMotion, claimInOtherContext },
          },
        },
      },
    ],
  },
});
