#!/usr/bin/env node
/**
 * Size of the widgets' single-file bundle, the one a portal loads with one script tag:
 *
 *   pnpm --filter @gongzhi/bench widgets-bundle            # builds, then measures
 *   pnpm --filter @gongzhi/bench widgets-bundle -- --no-build
 *
 * Prints its raw, gzip (level 9, as a server would pre-compress it) and brotli sizes and the ratio
 * of the gzip size to the budget: 60 KB = 60,000 bytes, Leaflet and its stylesheet included.
 * Writes bench/results/widgets-bundle.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET = 60_000;
const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });
const root = new URL('..', import.meta.url).pathname;
const widgets = join(root, 'packages/widgets');

if (!values['no-build'])
  execFileSync('pnpm', ['exec', 'vite', 'build', '--mode', 'bundle', '--logLevel', 'warn'], { cwd: widgets, stdio: 'inherit' });
const code = readFileSync(join(widgets, 'dist/gongzhi-widgets.js'));
const gzip = gzipSync(code, { level: 9 }).length;
const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const result = {
  file: 'packages/widgets/dist/gongzhi-widgets.js',
  rawBytes: code.length,
  gzipBytes: gzip,
  brotliBytes: brotli,
  budgetBytes: BUDGET,
  ratio: +(gzip / BUDGET).toFixed(3),
};

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
console.log(`gongzhi-widgets.js: ${kb(code.length)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli`);
console.log(`gzip / 60 KB budget: ${result.ratio} (${gzip <= BUDGET ? 'within' : 'OVER'} budget)`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/widgets-bundle.json'), `${JSON.stringify(result, null, 2)}\n`);
process.exitCode = gzip <= BUDGET ? 0 : 1;
