import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type { BrowserCommand } from 'vitest/node';

/**
 * The test machines have no Chinese fonts, so a screenshot would show boxes. Noto Sans SC
 * (@fontsource, a devDependency) is served to the page under /__test-fonts/ for the screenshot
 * only; the portal itself relies on the visitor's system fonts.
 */
const fontFiles = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css')), 'files');
const fontFaces = ['400.css', '700.css']
  .map((file) => readFileSync(join(fontFiles, '..', file), 'utf8'))
  .join('\n')
  .replaceAll('url(./files/', 'url(/__test-fonts/');

/** What the portal page showed when its screenshot was taken. */
export interface PortalShot {
  file: string;
  pageErrors: string[];
  status: string;
  consoleErrors: string[];
  markers: number;
  listItems: number;
  primaryColour: string;
  /** Wishes on the page's `<gz-wish-board>`, and its status line. */
  wishCards: number;
  wishStatus: string;
}

/**
 * Opens `url` in a new tab of the test browser (a top-level page, not the test's iframe), waits
 * for `<gz-station-map>` to show stations, and saves a full-page screenshot under the package.
 */
export const screenshotPage: BrowserCommand<[url: string, file: string]> = async (context, url, file): Promise<PortalShot> => {
  if (context.provider.name !== 'playwright') throw new Error('screenshotPage needs the playwright provider');
  const page = await context.context.newPage();
  try {
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.route('**/__test-fonts/*', (route) =>
      route.fulfill({ body: readFileSync(join(fontFiles, basename(new URL(route.request().url()).pathname))), contentType: 'font/woff2' }),
    );
    await page.goto(url);
    await page.addStyleTag({
      content: `${fontFaces}\nbody { font-family: 'Noto Sans SC', sans-serif; } gz-station-map, gz-wish-board { --gz-font-family: 'Noto Sans SC', sans-serif; }`,
    });
    // Stations listed, or a failure shown: either way the page has settled.
    await page
      .waitForFunction(
        () => {
          const root = document.querySelector('gz-station-map')?.shadowRoot;
          const board = document.querySelector('gz-wish-board')?.shadowRoot;
          return Boolean(
            root?.querySelector('[part~="list-item"], [part~="retry-button"]') &&
              board?.querySelector('[part="base"][aria-busy="false"] [part="status"]')?.textContent?.trim(),
          );
        },
        null,
        { timeout: 20_000 },
      )
      .catch(() => undefined);
    const shown = await page.evaluate(() => {
      const root = document.querySelector('gz-station-map')?.shadowRoot;
      const board = document.querySelector('gz-wish-board')?.shadowRoot;
      const wishCards = board?.querySelectorAll('[part~="card"]').length ?? 0;
      const wishStatus = board?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
      if (!root)
        return {
          status: 'no shadow root: the bundle did not register gz-station-map',
          markers: 0,
          listItems: 0,
          primaryColour: '',
          wishCards,
          wishStatus,
        };
      return {
        status: root.querySelector('[part="status"]')?.textContent?.trim() ?? '',
        markers: root.querySelectorAll('.gz-marker, .gz-cluster').length,
        listItems: root.querySelectorAll('[part~="list-item"]').length,
        primaryColour: getComputedStyle(root.querySelector('[part~="locate-button"]')!).backgroundColor,
        wishCards,
        wishStatus,
      };
    });
    // Font subsets load when text first needs them; ask for every character on the page,
    // the shadow root's included, in both weights, so none is drawn as a box.
    await page.evaluate(async () => {
      const text =
        document.body.textContent +
        (document.querySelector('gz-station-map')?.shadowRoot?.textContent ?? '') +
        (document.querySelector('gz-wish-board')?.shadowRoot?.textContent ?? '');
      await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 16px "Noto Sans SC"`, text)));
      await document.fonts.ready;
    });
    const path = resolve(context.project.config.root, file);
    mkdirSync(dirname(path), { recursive: true });
    await page.screenshot({ path, fullPage: true });
    return { file: path, pageErrors, consoleErrors, ...shown };
  } finally {
    await page.close();
  }
};

/** Lets the test page read the given position from the Geolocation API. */
export const allowGeolocation: BrowserCommand<[latitude: number, longitude: number]> = async (context, latitude, longitude) => {
  if (context.provider.name !== 'playwright') throw new Error('allowGeolocation needs the playwright provider');
  await context.context.grantPermissions(['geolocation']);
  await context.context.setGeolocation({ latitude, longitude, accuracy: 5 });
};

/** Takes back every permission, so the Geolocation API refuses. */
export const denyGeolocation: BrowserCommand<[]> = async (context) => {
  if (context.provider.name !== 'playwright') throw new Error('denyGeolocation needs the playwright provider');
  await context.context.clearPermissions();
};

/** Emulates the visitor's `prefers-reduced-motion: reduce` setting, or takes it back. */
export const emulateReducedMotion: BrowserCommand<[reduce: boolean]> = async (context, reduce) => {
  if (context.provider.name !== 'playwright') throw new Error('emulateReducedMotion needs the playwright provider');
  await context.page.emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
};

/** What the other browser saw when it claimed a wish. */
export interface OtherClaim {
  notice: string;
  state: string;
  events: string[];
  pageErrors: string[];
}

/**
 * A second visitor in a browser context of their own (own storage, own WebSocket): opens the portal
 * page (for the single-file bundle), puts a `<gz-wish-board>` signed in with `token` on it, claims
 * `wishId` through the board's two steps (认领, then 确定认领), and reports what that board shows.
 */
export const claimInOtherContext: BrowserCommand<
  [portalUrl: string, endpoint: string, area: string, token: string, wishId: string]
> = async (context, portalUrl, endpoint, area, token, wishId): Promise<OtherClaim> => {
  if (context.provider.name !== 'playwright') throw new Error('claimInOtherContext needs the playwright provider');
  const browser = context.context.browser();
  if (!browser) throw new Error('no browser');
  const other = await browser.newContext();
  try {
    const page = await other.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(portalUrl);
    await page.waitForFunction(() => Boolean(customElements.get('gz-wish-board')));
    await page.evaluate(
      ({ endpoint, area, token }) => {
        const board = document.createElement('gz-wish-board') as HTMLElement & { tokenProvider: () => string };
        board.id = 'other-board';
        board.tokenProvider = () => token;
        board.setAttribute('endpoint', endpoint);
        board.setAttribute('area', area);
        (window as unknown as { claimEvents: string[] }).claimEvents = [];
        board.addEventListener('gz-wish-claim', (event) =>
          (window as unknown as { claimEvents: string[] }).claimEvents.push((event as CustomEvent<{ id: string }>).detail.id),
        );
        document.body.replaceChildren(board);
      },
      { endpoint, area, token },
    );
    const board = page.locator('#other-board');
    await board.locator(`[data-claim="${wishId}"]`).click({ timeout: 20_000 });
    await board.locator('[data-confirm-claim]').click();
    await page.waitForFunction(() => (window as unknown as { claimEvents: string[] }).claimEvents.length > 0, null, { timeout: 15_000 });
    return {
      notice: (await board.locator('[part="notice"]').textContent())?.trim() ?? '',
      state: (await board.locator(`li:has(h3[id="gz-wish-${wishId}"]) [part="state"]`).textContent())?.trim() ?? '',
      events: await page.evaluate(() => (window as unknown as { claimEvents: string[] }).claimEvents),
      pageErrors,
    };
  } finally {
    await other.close();
  }
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    claimInOtherContext(portalUrl: string, endpoint: string, area: string, token: string, wishId: string): Promise<OtherClaim>;
    emulateReducedMotion(reduce: boolean): Promise<void>;
    denyGeolocation(): Promise<void>;
    screenshotPage(url: string, file: string): Promise<PortalShot>;
    allowGeolocation(latitude: number, longitude: number): Promise<void>;
  }
}
