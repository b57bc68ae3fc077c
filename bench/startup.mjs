#!/usr/bin/env node
/**
 * Start-up and batching figures of the API, measured on the built server as a user runs it:
 *
 *   pnpm --filter @gongzhi/bench startup -- --scale 1 --db embedded
 *   pnpm --filter @gongzhi/bench startup -- --scale 10 --db postgres
 *
 * 1. time from starting the process on an empty database (migrations + demo data) to the first
 *    answered query, and the same on the now-filled database;
 * 2. the SQL statements and latency of a five-level nested query (districts, streets,
 *    communities, grids, the stations covering them) with one row per level and with every row.
 * Results are printed and written to bench/results/startup-<db>-scale<N>.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

// pnpm 10 passes the `--` of `pnpm … startup -- --scale 1` on to the script.
const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    scale: { type: 'string', default: '1' },
    db: { type: 'string', default: 'embedded' },
    port: { type: 'string', default: '4310' },
    runs: { type: 'string', default: '20' },
  },
});
const scale = Number(values.scale);
const port = Number(values.port);
const runs = Number(values.runs);
const root = new URL('..', import.meta.url).pathname;
const api = join(root, 'packages/api');
const endpoint = `http://127.0.0.1:${port}/graphql`;

const NESTED = `query($n: Int) {
  areas(first: $n, filter: { kind: [DISTRICT] }) { nodes { name
    children(first: $n) { nodes { name
      children(first: $n) { nodes { name
        children(first: $n) { nodes { name kind
          coveringStations(first: $n) { nodes { name area { name } services(first: 3) { nodes { name } } } }
        } }
      } }
    } }
  } }
}`;

async function database() {
  const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-'));
  if (values.db === 'embedded')
    return { env: { GZ_DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const admin = 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `gz_bench_scale${scale}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
  return {
    env: { DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${name}`, GZ_DATA_DIR: dataDir },
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function post(query, variables) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

/** Starts the built server; resolves with the process and the ms until it answered a query. */
async function start(env) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
    cwd: api,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GZ_SEED_SCALE: String(scale),
      GZ_SQL_TRACE: 'true',
      // `first: 100` on five levels could return 10^10 objects: far over the default cost limit.
      GZ_MAX_COST: '100000000000',
      GZ_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const body = await post('{ areas(first: 1) { totalCount } }');
      if (body.data) return { child, ms: performance.now() - t0 };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function nested(n) {
  const times = [];
  let body;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    body = await post(NESTED, { n });
    times.push(performance.now() - t);
  }
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  times.sort((a, b) => a - b);
  return {
    objects: JSON.stringify(body.data).split('"name"').length - 1,
    sqlStatements: body.extensions.sqlStatements,
    p50ms: Number(times[Math.floor(times.length / 2)].toFixed(1)),
    maxms: Number(times.at(-1).toFixed(1)),
  };
}

execFileSync('pnpm', ['--filter', '@gongzhi/api', 'build'], { cwd: root, stdio: 'inherit' });
const db = await database();
try {
  console.log(`starting on an empty ${values.db} database (scale ${scale}) …`);
  const cold = await start(db.env);
  await stop(cold.child);
  console.log('restarting on the filled database …');
  const warm = await start(db.env);
  const one = await nested(1);
  const all = await nested(100);
  await stop(warm.child);
  const result = {
    db: values.db,
    scale,
    node: process.version,
    startToFirstAnswerMs: { emptyDatabaseWithSeeding: Math.round(cold.ms), filledDatabase: Math.round(warm.ms) },
    nestedQuery: { oneRowPerLevel: one, everyRow: all, statementsRatio: all.sqlStatements / one.sqlStatements },
  };
  console.log(`\nstart-up (${values.db}, scale ${scale}):`);
  console.log(`  empty database, migrations + demo data, to first answer: ${result.startToFirstAnswerMs.emptyDatabaseWithSeeding} ms`);
  console.log(`  filled database, to first answer:                         ${result.startToFirstAnswerMs.filledDatabase} ms`);
  console.log('nested query (districts > streets > communities > grids > covering stations > area, services):');
  console.log(`  first: 1   ${one.objects} objects, ${one.sqlStatements} SQL statements, p50 ${one.p50ms} ms`);
  console.log(`  first: 100 ${all.objects} objects, ${all.sqlStatements} SQL statements, p50 ${all.p50ms} ms`);
  console.log(`  statements ratio (every row / one row per level): ${result.nestedQuery.statementsRatio}`);
  const file = join(root, 'bench/results', `startup-${values.db}-scale${scale}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${file}`);
} finally {
  await db.drop();
}
