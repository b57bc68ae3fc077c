#!/usr/bin/env node
/**
 * A property company's sync (issue #8), on the built server over HTTP:
 *
 *   pnpm --filter @gongzhi/bench property-sync -- --households 50000 --batch 1000 --clients 4
 *
 * The company's API key (WRITE_PROPERTY) pushes `--households` households of one compound it
 * manages, in calls of `--batch` records from `--clients` concurrent clients, each call with its
 * own idempotency key, three times: as new records (created), the same again (unchanged), and
 * with every floor area changed (updated). Each call is checked: every record must come back
 * with the expected status. Bar: at least 5,000 household records per second through batched
 * upserts. Results: bench/results/property-sync.json.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApi, dropDatabase, freshDatabase, root, startApi, stopApi, withClient } from './lib.mjs';

const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    households: { type: 'string', default: '50000' },
    batch: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '4' },
    port: { type: 'string', default: '4314' },
  },
});
const households = Number(values.households);
const batch = Number(values.batch);
const clients = Number(values.clients);
const port = Number(values.port);
const BAR = 5_000;
const PER_BUILDING = 500;
const endpoint = `http://127.0.0.1:${port}/graphql`;
const dbName = 'gz_bench_property_sync';

const SYNC = `mutation($input: SyncPropertyInput!) { syncProperty(input: $input) { created updated unchanged failed results { status error { code field message } } } }`;

async function sync(key, input) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: SYNC, variables: { input: { idempotencyKey: randomUUID(), ...input } } }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.syncProperty;
}

/** Sends `records` in calls of `batch` from `clients` workers; checks every status; returns records per second. */
async function push(key, records, status) {
  const calls = [];
  for (let i = 0; i < records.length; i += batch) calls.push(records.slice(i, i + batch));
  let next = 0;
  const times = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < calls.length) {
        const call = calls[next++];
        const t0 = performance.now();
        const answer = await sync(key, { households: call });
        times.push(performance.now() - t0);
        const wrong = answer.results.find((r) => r.status !== status);
        if (wrong) throw new Error(`expected ${status}, got ${JSON.stringify(wrong)}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    records: records.length,
    calls: calls.length,
    seconds: Number(seconds.toFixed(2)),
    recordsPerSecond: Math.round(records.length / seconds),
    callP50ms: Math.round(times[Math.floor(times.length * 0.5)]),
    callP95ms: Math.round(times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]),
    ratioToBar: Number((records.length / seconds / BAR).toFixed(2)),
  };
}

async function main() {
  buildApi();
  const databaseUrl = await freshDatabase(dbName);
  const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-'));
  let api;
  try {
    api = await startApi({ port, databaseUrl, dataDir, readyQuery: '{ areas(first: 1) { totalCount } }' });
    // The first compound a property company manages, and a WRITE_PROPERTY key of the company, made as an administrator would.
    const key = `gzk_${randomBytes(9).toString('hex').slice(0, 12)}_${randomBytes(32).toString('base64url')}`;
    const compound = await withClient(databaseUrl, async (db) => {
      const {
        rows: [c],
      } = await db.query(
        `select a.id, a.manager_id from area a join organization o on o.id = a.manager_id
         where a.kind = 'COMPOUND' and a.management = 'PROPERTY_COMPANY' and o.kind = 'PROPERTY_COMPANY' order by a.id limit 1`,
      );
      await db.query(
        `insert into api_key (organization_id, name, scopes, prefix, secret_hash, created_at) values ($1, 'bench', '{write:property}', $2, $3, now())`,
        [c.manager_id, key.split('_')[1], createHash('sha256').update(key).digest('hex')],
      );
      return c.id;
    });
    const compoundId = Buffer.from(`Area:${compound}`).toString('base64url');
    const buildings = Math.ceil(households / PER_BUILDING);
    const setup = await sync(key, {
      compounds: [{ externalId: 'C', compound: compoundId }],
      buildings: Array.from({ length: buildings }, (_, b) => ({ externalId: `B${b}`, compound: 'C', name: `${b + 1}号楼` })),
    });
    if (setup.failed) throw new Error(JSON.stringify(setup.results.filter((r) => r.error)));
    const records = (area) =>
      Array.from({ length: households }, (_, i) => ({
        externalId: `H${i}`,
        building: `B${Math.floor(i / PER_BUILDING)}`,
        name: `${Math.floor(i / PER_BUILDING) + 1}-${(i % PER_BUILDING) + 1}`,
        floorArea: area(i),
        ownerCount: 1 + (i % 3),
      }));
    const created = await push(
      key,
      records((i) => 60 + (i % 90) + 0.25),
      'CREATED',
    );
    console.log('created  ', created);
    const unchanged = await push(
      key,
      records((i) => 60 + (i % 90) + 0.25),
      'UNCHANGED',
    );
    console.log('unchanged', unchanged);
    const updated = await push(
      key,
      records((i) => 61 + (i % 90) + 0.5),
      'UPDATED',
    );
    console.log('updated  ', updated);
    const result = { households, batch, clients, bar: BAR, created, unchanged, updated, at: new Date().toISOString() };
    writeFileSync(join(root, 'bench/results/property-sync.json'), `${JSON.stringify(result, null, 2)}\n`);
    const worst = Math.min(created.recordsPerSecond, unchanged.recordsPerSecond, updated.recordsPerSecond);
    console.log(
      `\nhousehold records per second: created ${created.recordsPerSecond}, unchanged ${unchanged.recordsPerSecond}, updated ${updated.recordsPerSecond}`,
    );
    console.log(`slowest over the ${BAR}/s bar: ${(worst / BAR).toFixed(2)}`);
  } finally {
    await stopApi(api);
    await dropDatabase(dbName);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
