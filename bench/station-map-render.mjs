#!/usr/bin/env node
/**
 * How fast <gz-station-map> draws, in headless Chromium (/usr/bin/chromium, playwright-core),
 * from the built single-file bundle with synthetic stations given through the `stations` property
 * (no API, no tiles):
 *
 *   pnpm --filter @gongzhi/widgets build && pnpm --filter @gongzhi/bench station-map-render
 *
 * 1. connect to drawn: from appending the element to the first frame painted after `gz-load`
 *    (markers and clusters on the map, the list rendered), for 1,000 and 10,000 stations; median of 5;
 * 2. with 10,000 stations: re-clustering when the data changes (a new `stations` array), and
 *    frame times while the visitor pans (arrow keys) and zooms (+/-) with the keyboard.
 * Bars: 1,000 stations drawn within 1 s; 10,000 stay usable (frames under 50 ms at p95).
 * Writes bench/results/station-map-render.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const bundle = readFileSync(join(root, 'packages/widgets/dist/gongzhi-widgets.js'));
const ORIGIN = 'http://bench.gongzhi.test';
const PAGE = (head) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${head}
<script type="module" src="/gongzhi-widgets.js"></script></head>
<body style="margin:0"><main style="width:1200px"></main></body></html>`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
/** A page with the bundle and the bench's helpers; `head` goes before the bundle's script. */
async function openPage(head = '') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/gongzhi-widgets.js') return route.fulfill({ body: bundle, contentType: 'text/javascript' });
    return route.fulfill({ body: PAGE(head), contentType: 'text/html' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => customElements.get('gz-station-map'));
  await page.evaluate(() => {
    /** Stations spread over a city of about 60 x 40 km around Meihekou, deterministic. */
    window.synthetic = (count, seed = 1) => {
      let state = seed;
      const random = () => {
        state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
        return state / 2_147_483_648;
      };
      return Array.from({ length: count }, (_, index) => ({
        id: `s${seed}-${index}`,
        name: `服务站 ${index}`,
        address: `测试路 ${index} 号`,
        latitude: 42.35 + random() * 0.36,
        longitude: 125.45 + random() * 0.72,
        openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '17:30' })),
        timeZone: 'Asia/Shanghai',
      }));
    };
    window.frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    window.mountMap = async (count, corners = false) => {
      document.querySelector('main').replaceChildren();
      const stations = corners
        ? [
            { id: 'sw', name: '西南角', address: '', latitude: 42.35, longitude: 125.45 },
            { id: 'ne', name: '东北角', address: '', latitude: 42.71, longitude: 126.17 },
          ]
        : window.synthetic(count);
      await window.frame();
      const element = document.createElement('gz-station-map');
      element.stations = stations;
      const loaded = new Promise((resolve) => element.addEventListener('gz-load', () => resolve(performance.now()), { once: true }));
      const started = performance.now();
      document.querySelector('main').append(element);
      const loadedAt = await loaded;
      await element.updateComplete;
      await window.frame();
      const drawn = performance.now();
      const root = element.shadowRoot;
      return {
        toLoadEventMs: loadedAt - started,
        toDrawnMs: drawn - started,
        markers: root.querySelectorAll('.gz-marker').length,
        clusters: root.querySelectorAll('.gz-cluster').length,
        listRows: root.querySelectorAll('[part~="list-item"]').length,
      };
    };
  });
  return page;
}

const page = await openPage();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value) => Math.round(value * 10) / 10;
const results = { chromium: browser.version(), connectToDrawn: {}, tenThousand: {} };

for (const count of [1000, 10_000]) {
  await page.evaluate((n) => window.mountMap(n), count); // warm-up: JIT, fonts
  const runs = [];
  for (let run = 0; run < 5; run++) runs.push(await page.evaluate((n) => window.mountMap(n), count));
  const last = runs.at(-1);
  results.connectToDrawn[count] = {
    medianMs: round(median(runs.map((r) => r.toDrawnMs))),
    maxMs: round(Math.max(...runs.map((r) => r.toDrawnMs))),
    toLoadEventMedianMs: round(median(runs.map((r) => r.toLoadEventMs))),
    markers: last.markers,
    clusters: last.clusters,
    listRows: last.listRows,
  };
  console.log(
    `${count.toLocaleString('en')} stations: drawn ${results.connectToDrawn[count].medianMs} ms after connecting (median of 5, max ${results.connectToDrawn[count].maxMs} ms); ${last.clusters} clusters + ${last.markers} markers on screen`,
  );
}

// 10,000 stations stay on the page for the interaction figures.
results.tenThousand.recluster = await page.evaluate(async () => {
  const element = document.querySelector('gz-station-map');
  const times = [];
  for (let seed = 2; seed < 7; seed++) {
    const stations = window.synthetic(10_000, seed);
    const started = performance.now();
    element.stations = stations;
    await element.updateComplete;
    times.push(performance.now() - started);
    await window.frame();
  }
  times.sort((a, b) => a - b);
  return { medianMs: Math.round(times[2] * 10) / 10, maxMs: Math.round(times[4] * 10) / 10 };
});
console.log(`10,000 stations: new data re-clustered and redrawn in ${results.tenThousand.recluster.medianMs} ms (median of 5)`);

/** Frame times while the visitor pans (arrows) and zooms (+/-) the focused map with the keyboard. */
async function panAndZoom(page) {
  await page.evaluate(() => {
    window.longTasks = [];
    window.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
    });
    window.observer.observe({ type: 'longtask' });
    window.frameTimes = [];
    let last = performance.now();
    const tick = (now) => {
      window.frameTimes.push(now - last);
      last = now;
      if (window.recording) requestAnimationFrame(tick);
    };
    window.recording = true;
    requestAnimationFrame(tick);
  });
  await page.locator('gz-station-map').locator('.map').focus();
  for (const key of ['+', '+', 'ArrowRight', 'ArrowDown', '+', 'ArrowLeft', 'ArrowUp', '-', 'ArrowRight', '-', '+', 'ArrowDown']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(350);
  }
  const { frames, longTasks } = await page.evaluate(() => {
    window.recording = false;
    window.observer.disconnect();
    return { frames: window.frameTimes.slice(1), longTasks: window.longTasks };
  });
  frames.sort((a, b) => a - b);
  const pct = (p) => round(frames[Math.min(frames.length - 1, Math.floor((p / 100) * frames.length))]);
  return {
    frames: frames.length,
    p50Ms: pct(50),
    p95Ms: pct(95),
    maxMs: round(frames.at(-1)),
    longTasks: longTasks.length,
    longestTaskMs: round(Math.max(0, ...longTasks)),
  };
}
const describeFrames = (f) =>
  `${f.frames} frames, p50 ${f.p50Ms} ms, p95 ${f.p95Ms} ms, longest ${f.maxMs} ms; ${f.longTasks} tasks over 50 ms, longest ${f.longestTaskMs} ms`;

results.tenThousand.panZoomFrames = await panAndZoom(page);
console.log(`10,000 stations, keyboard pan and zoom (12 keys): ${describeFrames(results.tenThousand.panZoomFrames)}`);
// The same view with two stations at its corners: what Leaflet and this headless, GPU-less
// Chromium cost on their own.
await page.evaluate(() => window.mountMap(2, true));
results.baselineTwoStations = { panZoomFrames: await panAndZoom(page) };
console.log(`2 stations (baseline, same view), same keys: ${describeFrames(results.baselineTwoStations.panZoomFrames)}`);

// Where the time goes: Leaflet moves each marker with translate3d, so each is a compositing layer,
// and this Chromium composites in software. Leaflet's 2D mode (L_DISABLE_3D: left/top, no zoom
// animation) shows what that costs, on a page of its own.
const flat = await openPage('<script>window.L_DISABLE_3D = true</script>');
await flat.evaluate(() => window.mountMap(10_000));
results.tenThousand.panZoomFramesLeaflet2d = await panAndZoom(flat);
console.log(`10,000 stations, same keys, Leaflet in 2D mode (L_DISABLE_3D): ${describeFrames(results.tenThousand.panZoomFramesLeaflet2d)}`);

const oneThousand = results.connectToDrawn[1000].medianMs;
results.bars = {
  thousandWithin1s: { ratio: round(oneThousand / 1000), met: oneThousand <= 1000 },
  tenThousandP95FrameUnder50ms: {
    ratio: round(results.tenThousand.panZoomFrames.p95Ms / 50),
    met: results.tenThousand.panZoomFrames.p95Ms <= 50,
  },
};
results.loadAverage = loadavg().map((load) => round(load));
console.log(`machine load average (1, 5, 15 min): ${results.loadAverage.join(', ')}`);
console.log(
  `bars: 1,000 drawn / 1 s = ${results.bars.thousandWithin1s.ratio}; 10,000 p95 frame / 50 ms = ${results.bars.tenThousandP95FrameUnder50ms.ratio}`,
);

await browser.close();
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/station-map-render.json'), `${JSON.stringify(results, null, 2)}\n`);
