/**
 * What the benchmarks share: a fresh PostgreSQL database, the built API started on it (it
 * migrates and seeds the demo district on an empty database), GraphQL over HTTP, and figures.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export const root = new URL('..', import.meta.url).pathname;
export const ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops and creates `name`; returns its URL. */
export async function freshDatabase(name) {
  await withClient(ADMIN_URL, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  return `postgresql://postgres@127.0.0.1:5432/${name}`;
}

export async function dropDatabase(name) {
  await withClient(ADMIN_URL, (c) => c.query(`drop database if exists ${name} with (force)`));
}

export function buildApi() {
  execFileSync('pnpm', ['--filter', '@gongzhi/api', 'build'], { cwd: root, stdio: 'inherit' });
}

/** CPU time (user + system, ms) the process has used so far, from /proc (Linux); null elsewhere. */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks of 1/100 s
  } catch {
    return null;
  }
}

/** CPU time (ms) all PostgreSQL processes on this machine have used so far (its backends serve both sides in turn). */
export function postgresCpuMs() {
  try {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (!stat.includes('(postgres)')) continue;
        const fields = stat.split(') ')[1].split(' ');
        // utime + stime, and cutime + cstime: the backends that ended count in the postmaster's.
        total += ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / 100;
      } catch {
        // the process ended meanwhile
      }
    }
    return total;
  } catch {
    return null;
  }
}

/** POSTs a GraphQL request; throws on errors. */
export async function graphql(endpoint, query, variables, token) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/**
 * Starts `main` (`dist/main.js`, relative to packages/api) on the database (demo district at scale 1 when empty, unless `env` says
 * otherwise) and waits until `readyQuery` answers.
 */
export async function startApi({ port, databaseUrl, dataDir, readyQuery, env = {}, main = 'dist/main.js' }) {
  // BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server.
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  // As `pnpm start` runs it: a young generation of 64 MB, so the short-lived objects of a page of
  // rows (exports, sync batches) die young without a collection every few hundred rows.
  const child = spawn(process.execPath, ['--max-semi-space-size=64', ...nodeArgs, '--enable-source-maps', main], {
    cwd: join(root, 'packages/api'),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      GZ_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      GZ_SEED_ON_EMPTY: 'true',
      GZ_SEED_SCALE: '1',
      GZ_RATE_LIMIT: '0',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const endpoint = `http://127.0.0.1:${port}/graphql`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      await graphql(endpoint, readyQuery);
      return child;
    } catch {
      // not listening (or not seeded) yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function stopApi(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** p50/p95/p99/max of `times` (ms), and p95 over the bar. */
export function summary(times, barMs, extra = {}) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => Number(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)].toFixed(1));
  const p95 = at(0.95);
  return {
    runs: sorted.length,
    p50ms: at(0.5),
    p95ms: p95,
    p99ms: at(0.99),
    maxms: Number(sorted.at(-1).toFixed(1)),
    p95ToBar: Number((p95 / barMs).toFixed(2)),
    ...extra,
  };
}
