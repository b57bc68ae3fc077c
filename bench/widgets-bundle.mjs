#!/usr/bin/env node
/**
 * Sizes of the widgets' single-file bundles, the ones a portal loads with one script tag:
 *
 *   pnpm --filter @gongzhi/bench widgets-bundle            # builds, then measures
 *   pnpm --filter @gongzhi/bench widgets-bundle -- --no-build
 *
 * Prints raw, gzip (level 9, as a server would pre-compress it) and brotli sizes of
 * - `gongzhi-station-map.js`, the map alone, against its budget: 60 KB = 60,000 bytes gzip,
 *   Leaflet and its stylesheet included;
 * - each other component's file alone (Lit and the shared core included);
 * - `gongzhi-widgets.js`, every component, reported as it is (no bar of its own);
 * - each component's own code beyond what the others share: the gzip size of everything minus
 *   everything but that component (`--mode bundle-without-<component>`, built into a temporary
 *   folder), against 20 KB for the wish board and the voting panel (their issues' bars); the
 *   request form's and tracker's are reported (their issue sets no bar).
 * Writes bench/results/widgets-bundle.json; exits 1 if a bar is missed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const MAP_BUDGET = 60_000;
/** The components measured by what they add, with their file and their bar (null: none set). */
const COMPONENTS = [
  { key: 'wishBoard', folder: 'wish-board', budget: 20_000 },
  { key: 'votingPanel', folder: 'voting-panel', budget: 20_000 },
  { key: 'requestForm', folder: 'request-form', budget: null },
  { key: 'requestTracker', folder: 'request-tracker', budget: null },
];
const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });
const root = new URL('..', import.meta.url).pathname;
const widgets = join(root, 'packages/widgets');

const vite = (...args) =>
  execFileSync('pnpm', ['exec', 'vite', 'build', ...args, '--logLevel', 'error'], { cwd: widgets, stdio: 'inherit' });
if (!values['no-build']) {
  for (const mode of ['bundle', 'bundle-station-map', ...COMPONENTS.map((c) => `bundle-${c.folder}`)]) vite('--mode', mode);
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
function measure(name, folder = join(widgets, 'dist')) {
  const code = readFileSync(join(folder, name));
  const result = {
    file: folder === join(widgets, 'dist') ? `packages/widgets/dist/${name}` : name,
    rawBytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    brotliBytes: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  console.log(`${name}: ${kb(result.rawBytes)} raw, ${kb(result.gzipBytes)} gzip, ${kb(result.brotliBytes)} brotli`);
  return result;
}

const map = measure('gongzhi-station-map.js');
const all = measure('gongzhi-widgets.js');
const mapRatio = +(map.gzipBytes / MAP_BUDGET).toFixed(3);
console.log(`map alone, gzip / 60 KB budget: ${mapRatio} (${map.gzipBytes <= MAP_BUDGET ? 'within' : 'OVER'} budget)`);
const result = { stationMap: { ...map, budgetBytes: MAP_BUDGET, ratio: mapRatio }, all };
let withinBars = map.gzipBytes <= MAP_BUDGET;
for (const c of COMPONENTS) {
  const alone = measure(`gongzhi-${c.folder}.js`);
  // Everything but the component, for the comparison only: never in dist.
  const folder = mkdtempSync(join(tmpdir(), `gz-without-${c.folder}-`));
  vite('--mode', `bundle-without-${c.folder}`, '--outDir', folder);
  const others = measure(`gongzhi-widgets-without-${c.folder}.js`, folder);
  rmSync(folder, { recursive: true, force: true });
  const own = all.gzipBytes - others.gzipBytes;
  const ratio = c.budget ? +(own / c.budget).toFixed(3) : null;
  if (c.budget && own > c.budget) withinBars = false;
  console.log(
    `${c.folder}'s own code (everything minus everything but it): ${kb(own)} gzip${c.budget ? `; / ${kb(c.budget)} budget: ${ratio} (${own <= c.budget ? 'within' : 'OVER'} budget)` : ' (no bar)'}`,
  );
  result[c.key] = { ...alone, ownGzipBytes: own, ownBudgetBytes: c.budget, ownRatio: ratio };
}
console.log(`every component in one file: ${kb(all.gzipBytes)} gzip`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/widgets-bundle.json'), `${JSON.stringify(result, null, 2)}\n`);
process.exitCode = withinBars ? 0 : 1;
