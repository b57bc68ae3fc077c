#!/usr/bin/env node
/**
 * The whole suite in turn, then every bar with its ratio (issue #9):
 *
 *   pnpm --filter @gongzhi/bench all                 # everything
 *   pnpm --filter @gongzhi/bench all -- --summary    # only the summary of the results already in results/
 *
 * Runs side-by-side.mjs (our API and PostGraphile V5, scale 10), votes.mjs (casting under load and
 * the tally), stations-near.mjs (100,000 stations), widgets-bundle.mjs (bundle sizes against their
 * budgets) and, when it is there, export.mjs (export rows per second); each writes its JSON to
 * results/. The machine's load average is printed before each, as the figures depend on it.
 * Exits 1 when a bar is missed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const here = new URL('.', import.meta.url).pathname;
const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: { summary: { type: 'boolean', default: false }, scale: { type: 'string', default: '10' } },
});

const steps = [
  ['side-by-side.mjs', ['--scale', values.scale, '--rounds', '2']],
  ['votes.mjs', []],
  ['stations-near.mjs', ['--stations', '100000', '--budget', '30']],
  ['widgets-bundle.mjs', []],
  ['export.mjs', []],
];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

if (!values.summary) {
  for (const [script, args] of steps) {
    if (!existsSync(join(here, script))) {
      console.log(`\n== ${script}: not in this checkout, skipped`);
      continue;
    }
    console.log(`\n== ${script} ${args.join(' ')} (load average ${load()})`);
    try {
      execFileSync(process.execPath, [join(here, script), ...args], { cwd: here, stdio: 'inherit' });
    } catch (e) {
      // A benchmark that misses its bar exits 1 after writing its results: the summary says which.
      console.log(`${script} exited with ${e.status}`);
    }
  }
}

/** The results written by the steps, and every bar with its ratio (≥ 1 good for "at least", ≤ 1 for "at most"). */
const read = (file) => {
  const path = join(here, 'results', file);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
};
const bars = [];
const side = read('side-by-side.json');
if (side) {
  for (const r of side.results) {
    bars.push({
      bar: `${r.query}: req/s ours / PostGraphile ≥ 1.0`,
      value: `${r.ours.rps} / ${r.theirs.rps} req/s`,
      ratio: r.ratio,
      met: r.ratio >= 1,
    });
    bars.push({
      bar: `${r.query}: SQL statements per request ≤ depth`,
      value: `${r.ours.sqlStatements} statements, depth ${r.depth}`,
      ratio: r.ours.sqlStatements / r.depth,
      met: r.ours.sqlStatements <= r.depth,
    });
  }
}
const votes = read('votes.json');
if (votes) {
  bars.push({
    bar: 'ballots cast a second, 100 clients ≥ 1,000',
    value: `${votes.casting.warm.ballotsPerSecond}/s`,
    ratio: votes.casting.warm.ratioToBar,
    met: votes.casting.warm.ratioToBar >= 1,
  });
  bars.push({
    bar: 'tally over 100,000 ballots, p95 ≤ 50 ms',
    value: `${votes.tally.p95ms} ms`,
    ratio: votes.tally.p95ToBar,
    met: votes.tally.p95ToBar <= 1,
  });
}
const near = read('stations-near-100000.json');
if (near) {
  bars.push({
    bar: 'nearest stations over 100,000, p95 ≤ 20 ms',
    value: `${near.http.near.p95ms} ms`,
    ratio: near.http.near.p95ToBar,
    met: near.http.near.p95ToBar <= 1,
  });
}
const widgets = read('widgets-bundle.json');
if (widgets) {
  bars.push({
    bar: 'station map bundle ≤ 60 KB gzip',
    value: `${widgets.stationMap.gzipBytes} B`,
    ratio: widgets.stationMap.ratio,
    met: widgets.stationMap.ratio <= 1,
  });
  for (const key of ['wishBoard', 'votingPanel']) {
    if (widgets[key]?.ownBudgetBytes)
      bars.push({
        bar: `${key} own code ≤ 20 KB gzip`,
        value: `${widgets[key].ownGzipBytes} B`,
        ratio: widgets[key].ownRatio,
        met: widgets[key].ownRatio <= 1,
      });
  }
}
const exported = read('export-100000.json');
if (exported) {
  const { ndjson } = exported.summary;
  bars.push({
    bar: `export of ${exported.stations.toLocaleString('en')} rows as NDJSON ≥ ${exported.bar.toLocaleString('en')} rows/s`,
    value: `${ndjson.medianRowsPerSecond} rows/s (median)`,
    ratio: ndjson.toBar,
    met: ndjson.toBar >= 1,
  });
}

console.log(`\nthe bars (load average now ${load()}):`);
for (const b of bars) {
  const mark = b.met == null ? '  ' : b.met ? 'ok' : '--';
  console.log(`${mark} ${b.bar.padEnd(60)} ${b.value.padEnd(26)} ratio ${b.ratio == null ? '-' : Number(b.ratio).toFixed(2)}`);
}
if (bars.some((b) => b.met === false)) process.exitCode = 1;
