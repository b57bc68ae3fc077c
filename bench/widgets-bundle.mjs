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
 * - `gongzhi-wish-board.js`, the wish board alone (Lit and the shared core included);
 * - `gongzhi-voting-panel.js`, the voting panel alone (the same);
 * - `gongzhi-widgets.js`, every component, reported as it is (no bar of its own);
 * - the voting panel's own code beyond the shared core: the gzip size of everything minus
 *   everything but the panel (`--mode bundle-without-voting-panel`, always built, into a temporary
 *   folder), against its budget of 20 KB;
 * - the wish board's own code beyond the shared core: the gzip size of everything but the panel
 *   minus the map alone, against its budget of 20 KB.
 * Writes bench/results/widgets-bundle.json; exits 1 if a bar is missed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const MAP_BUDGET = 60_000;
const BOARD_BUDGET = 20_000;
const PANEL_BUDGET = 20_000;
const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });
const root = new URL('..', import.meta.url).pathname;
const widgets = join(root, 'packages/widgets');

const vite = (...args) =>
  execFileSync('pnpm', ['exec', 'vite', 'build', ...args, '--logLevel', 'error'], { cwd: widgets, stdio: 'inherit' });
if (!values['no-build']) {
  for (const mode of ['bundle', 'bundle-station-map', 'bundle-wish-board', 'bundle-voting-panel']) vite('--mode', mode);
}
// Everything but the voting panel, for the comparison only: never in dist.
const without = mkdtempSync(join(tmpdir(), 'gz-without-voting-panel-'));
vite('--mode', 'bundle-without-voting-panel', '--outDir', without);

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
const board = measure('gongzhi-wish-board.js');
const panel = measure('gongzhi-voting-panel.js');
const all = measure('gongzhi-widgets.js');
const allButPanel = measure('gongzhi-widgets-without-voting-panel.js', without);
rmSync(without, { recursive: true, force: true });
const boardOwn = allButPanel.gzipBytes - map.gzipBytes;
const panelOwn = all.gzipBytes - allButPanel.gzipBytes;
const mapRatio = +(map.gzipBytes / MAP_BUDGET).toFixed(3);
const boardRatio = +(boardOwn / BOARD_BUDGET).toFixed(3);
const panelRatio = +(panelOwn / PANEL_BUDGET).toFixed(3);
console.log(`map alone, gzip / 60 KB budget: ${mapRatio} (${map.gzipBytes <= MAP_BUDGET ? 'within' : 'OVER'} budget)`);
console.log(
  `wish board's own code (everything but the panel, minus the map alone): ${kb(boardOwn)} gzip; / 20 KB budget: ${boardRatio} (${boardOwn <= BOARD_BUDGET ? 'within' : 'OVER'} budget)`,
);
console.log(
  `voting panel's own code (everything minus everything but the panel): ${kb(panelOwn)} gzip; / 20 KB budget: ${panelRatio} (${panelOwn <= PANEL_BUDGET ? 'within' : 'OVER'} budget)`,
);
console.log(`every component in one file: ${kb(all.gzipBytes)} gzip`);

const result = {
  stationMap: { ...map, budgetBytes: MAP_BUDGET, ratio: mapRatio },
  wishBoard: { ...board, ownGzipBytes: boardOwn, ownBudgetBytes: BOARD_BUDGET, ownRatio: boardRatio },
  votingPanel: { ...panel, ownGzipBytes: panelOwn, ownBudgetBytes: PANEL_BUDGET, ownRatio: panelRatio },
  all,
  allButVotingPanel: allButPanel,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/widgets-bundle.json'), `${JSON.stringify(result, null, 2)}\n`);
process.exitCode = map.gzipBytes <= MAP_BUDGET && boardOwn <= BOARD_BUDGET && panelOwn <= PANEL_BUDGET ? 0 : 1;
