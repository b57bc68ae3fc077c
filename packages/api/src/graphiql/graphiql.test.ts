import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiUrl } from '../test/client.js';

/** Debian's Chromium, as CI installs it; no browser is downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('GraphiQL in a real browser, with the internet cut off', () => {
  it('loads from this server alone and runs the first query', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const outside: string[] = [];
      // An intranet: anything not served by our API fails, as it would there.
      await page.route('**/*', (route) => {
        if (route.request().url().startsWith(apiUrl())) return route.continue();
        outside.push(route.request().url());
        return route.abort();
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${apiUrl()}/graphiql`);
      await page.getByRole('button', { name: /execute query/i }).click();
      const result = page.locator('.result-window');
      await expect.poll(async () => result.textContent(), { timeout: 15_000 }).toContain('"totalCount"');
      expect(await result.textContent()).toContain('"kind": "STREET"');
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
