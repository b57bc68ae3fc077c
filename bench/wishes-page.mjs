#!/usr/bin/env node
/**
 * The wish board's page query with 10,000 wishes in the area (issue #5: p95 at most 30 ms),
 * measured on the built server over HTTP, with the board's own documents from
 * packages/schema/operations/wish-board.graphql:
 *
 *   pnpm --filter @gongzhi/bench wishes-page -- --wishes 10000
 *
 * A fresh PostgreSQL database; the built server seeds the demo district (scale 1, about 200
 * wishes), then one `insert … select` adds synthetic wishes in the district's communities, with
 * the demo's mix of states, until there are `--wishes`. Then, anonymously: the first page of the
 * district's board (`WishBoardWishes`, 20), the second page, a page filtered to open wishes, and
 * the progress header (`WishBoardProgress`, two counts). Results: bench/results/wishes-page-<N>.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApi, dropDatabase, freshDatabase, graphql, root, startApi, stopApi, summary, withClient } from './lib.mjs';

// pnpm 10 passes the `--` of `pnpm … wishes-page -- --wishes 10000` on to the script.
const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    wishes: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '30' },
    port: { type: 'string', default: '4312' },
  },
});
const total = Number(values.wishes);
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const port = Number(values.port);
const BAR_MS = 30;
const endpoint = `http://127.0.0.1:${port}/graphql`;
const dbName = `gz_bench_wishes${total}`;

const documents = readFileSync(join(root, 'packages/schema/operations/wish-board.graphql'), 'utf8');
/** One operation of the board's file, with the fragments it spreads. */
function operation(name) {
  const blocks = documents.split(/\n(?=query |mutation |subscription |fragment )/);
  const op = blocks.find((b) => b.startsWith(`query ${name}`));
  const fragments = blocks.filter((b) => b.startsWith('fragment ') && op.includes(`...${b.split(' ')[1]}`));
  return [op, ...fragments].join('\n');
}
const PAGE = operation('WishBoardWishes');
const PROGRESS = operation('WishBoardProgress');

const INSERT = `
insert into wish (title, story, category, beneficiary_kind, beneficiary_id, posted_by_id, community_id, grid_id,
                  estimated_cost, wanted_by, photo_urls, state, opened_at, created_at, updated_at)
select '合成心愿' || g, '基准测试用的心愿。', (array['DAILY_NEEDS','STUDY','HEALTH','COMPANIONSHIP','HOME_REPAIR','OTHER'])[1 + (g % 6)],
       'ELDERLY_ALONE', o.people[1 + (g % array_length(o.people, 1))], o.people[1 + (g % array_length(o.people, 1))],
       c.ids[1 + (g % array_length(c.ids, 1))], null, 100, null, '[]'::jsonb,
       (array['CONFIRMED','CONFIRMED','CONFIRMED','CONFIRMED','OPEN','OPEN','CLAIMED','FULFILLED','PENDING_REVIEW','REJECTED'])[1 + (g % 10)],
       now() - interval '1 day', now() - (g || ' minutes')::interval, now()
from generate_series(1, $1) g
cross join (select array_agg(id order by id) ids from area where kind = 'COMMUNITY') c
cross join (select array_agg(person_id order by person_id) people from role_assignment where role = 'OWNER') o`;

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-wishes-'));
let server;
buildApi();
const databaseUrl = await freshDatabase(dbName);
try {
  server = await startApi({ port, databaseUrl, dataDir, readyQuery: '{ wishes(first: 1) { totalCount } }' });
  const district = await withClient(databaseUrl, async (db) => {
    const {
      rows: [{ n: seeded }],
    } = await db.query('select count(*)::int n from wish');
    await db.query(INSERT, [Math.max(0, total - seeded)]);
    await db.query('analyze wish');
    const {
      rows: [{ n }],
    } = await db.query('select count(*)::int n from wish');
    console.log(`${seeded} demo wishes + ${n - seeded} synthetic = ${n}`);
    const {
      rows: [{ id }],
    } = await db.query(`select id from area where kind = 'DISTRICT' order by id limit 1`);
    return Buffer.from(`Area:${id}`, 'utf8').toString('base64url');
  });
  const timeOf = async (query, variables) => {
    const t = performance.now();
    await graphql(endpoint, query, variables);
    return performance.now() - t;
  };
  const firstPage = await graphql(endpoint, PAGE, { filter: { within: district }, first: 20 });
  const after = firstPage.wishes.pageInfo.endCursor;
  const variants = {
    firstPage: () => timeOf(PAGE, { filter: { within: district }, first: 20 }),
    secondPage: () => timeOf(PAGE, { filter: { within: district }, first: 20, after }),
    openOnly: () => timeOf(PAGE, { filter: { within: district, state: ['OPEN'] }, first: 20 }),
    progress: () => timeOf(PROGRESS, { area: district }),
  };
  const results = {};
  for (const [name, once] of Object.entries(variants)) {
    for (let i = 0; i < warmup; i++) await once();
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await once());
    results[name] = summary(times, BAR_MS);
  }
  console.log(
    `\nthe wish board over ${firstPage.wishes.totalCount} public wishes in the district (${total} in all), bar p95 ≤ ${BAR_MS} ms:`,
  );
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `  ${name.padEnd(11)} p50 ${r.p50ms} / p95 ${r.p95ms} / p99 ${r.p99ms} / max ${r.maxms} ms, p95/bar ${r.p95ToBar} (${r.runs} runs)`,
    );
  }
  const file = join(root, 'bench/results', `wishes-page-${total}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, wishes: total, barP95ms: BAR_MS, results }, null, 2)}\n`,
  );
  console.log(`wrote ${file}`);
} finally {
  await stopApi(server);
  await dropDatabase(dbName);
  rmSync(dataDir, { recursive: true, force: true });
}
