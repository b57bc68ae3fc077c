#!/usr/bin/env node
/**
 * Two builds of the API, alternated on one database with one GraphQL request: which is faster,
 * and where the time goes (our server's CPU, PostgreSQL's). For a change too small for the
 * side-by-side run's noise: both builds run at once, and each round runs them in turn.
 *
 *   cp -r packages/api/dist packages/api/dist-before        # build A, before the change
 *   # … make the change, then: pnpm --filter @gongzhi/api build     (build B, in dist/)
 *   pnpm --filter @gongzhi/bench ab -- --a dist-before --b dist --request tally.json
 *
 * `--a` and `--b`: build directories inside packages/api (`dist-*` is ignored by git). `--request`:
 * a JSON file `{ "query": …, "variables": … }`. `--database`: a database with data (default
 * gz_bench_side, which `side-by-side.mjs --keep` leaves); neither build seeds or migrates it
 * beyond what `main.js` does at start. `--rounds 5`, `--seconds 8`, `--warmup 2`,
 * `--connections 32`. Prints each run, then the median of each side and B/A.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { cpuMs, graphql, postgresCpuMs, startApi, stopApi } from './lib.mjs';

const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: 'dist' },
    request: { type: 'string' },
    database: { type: 'string', default: 'gz_bench_side' },
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' },
  },
});
if (!values.a || !values.request) {
  console.error('usage: ab.mjs --a <build dir> [--b dist] --request <file.json> [--database gz_bench_side] [--rounds 5] [--seconds 8]');
  process.exit(2);
}
const body = readFileSync(values.request, 'utf8');
const { query, variables } = JSON.parse(body);
const databaseUrl = `postgresql://postgres@127.0.0.1:5432/${values.database}`;
const env = { GZ_SEED_ON_EMPTY: 'false', GZ_MAX_COST: '100000000000', NODE_ENV: 'production' };

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function run(side) {
  const go = (duration) =>
    autocannon({
      url: side.endpoint,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duration,
      connections: Number(values.connections),
    });
  await go(Number(values.warmup));
  const cpu = cpuMs(side.server.pid);
  const pg = postgresCpuMs();
  const r = await go(Number(values.seconds));
  const n = r.requests.total;
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    server: (cpuMs(side.server.pid) - cpu) / n,
    postgres: (postgresCpuMs() - pg) / n,
    failed: r.non2xx + r.errors,
  };
}

const sides = [];
try {
  for (const [name, dir, port] of [
    ['A', values.a, 4350],
    ['B', values.b, 4351],
  ]) {
    const server = await startApi({
      port,
      databaseUrl,
      dataDir: mkdtempSync(join(tmpdir(), 'gz-ab-')),
      readyQuery: '{ __typename }',
      env,
      main: `${dir}/main.js`,
    });
    const endpoint = `http://127.0.0.1:${port}/graphql`;
    const answer = JSON.stringify(await graphql(endpoint, query, variables));
    sides.push({ name, dir, server, endpoint, answer, runs: [] });
  }
  if (sides[0].answer !== sides[1].answer)
    console.log(`the answers differ:\nA ${sides[0].answer.slice(0, 300)}\nB ${sides[1].answer.slice(0, 300)}`);
  for (let round = 0; round < Number(values.rounds); round++) {
    // A then B, then B then A: neither side always runs on the warmer machine.
    for (const side of round % 2 ? [...sides].reverse() : sides) {
      const r = await run(side);
      side.runs.push(r);
      console.log(
        `${side.name} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  server ${r.server.toFixed(3)} ms/req  PostgreSQL ${r.postgres.toFixed(3)} ms/req${r.failed ? `  ${r.failed} failed` : ''}`,
      );
    }
  }
  const [a, b] = sides.map((side) => ({
    rps: median(side.runs.map((r) => r.rps)),
    server: median(side.runs.map((r) => r.server)),
    postgres: median(side.runs.map((r) => r.postgres)),
  }));
  console.log(`\nmedians of ${values.rounds} rounds (A = ${values.a}, B = ${values.b}):`);
  console.log(`  req/s       A ${a.rps}  B ${b.rps}  B/A ${(b.rps / a.rps).toFixed(2)}`);
  console.log(`  server      A ${a.server.toFixed(3)}  B ${b.server.toFixed(3)} ms/req  B/A ${(b.server / a.server).toFixed(2)}`);
  console.log(`  PostgreSQL  A ${a.postgres.toFixed(3)}  B ${b.postgres.toFixed(3)} ms/req  B/A ${(b.postgres / a.postgres).toFixed(2)}`);
} finally {
  for (const side of sides) await stopApi(side.server);
}
