#!/usr/bin/env node
/**
 * Stations nearest a point over 100,000 stations (issue #4: p95 at most 20 ms), measured on the
 * built server over HTTP:
 *
 *   pnpm --filter @gongzhi/bench stations-near -- --stations 100000
 *
 * 1. a fresh PostgreSQL database; the built server seeds the demo district on it (scale 1), then
 *    one `insert … select … from generate_series` adds synthetic stations, spread ±1.5° around
 *    Meihekou (about a prefecture), until there are `--stations`; `analyze station`;
 * 2. for random points in that region, the latency of `stations(near:, first:)` and of its
 *    variants (open now, within a street, the second page) and of `stations(first:)` by name;
 * 3. the same SQL the server runs, timed alone through pg, and `EXPLAIN (ANALYZE, BUFFERS)` of
 *    the main query: does it walk the GiST index `station_location_index`?
 * Results are printed and written to bench/results/stations-near-<N>.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { graphql, startApi, stopApi, summary as summaryOf, withClient } from './lib.mjs';

// pnpm 10 passes the `--` of `pnpm … stations-near -- --runs 100` on to the script.
const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    stations: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '500' },
    warmup: { type: 'string', default: '50' },
    port: { type: 'string', default: '4311' },
    first: { type: 'string', default: '20' },
    // A variant stops early after this many seconds of measured runs (the runs done are reported):
    // 500 runs of a query far over the bar would otherwise take many minutes.
    budget: { type: 'string', default: '60' },
    'sql-runs': { type: 'string', default: '50' },
  },
});
const total = Number(values.stations);
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const port = Number(values.port);
const first = Number(values.first);
const budgetMs = Number(values.budget) * 1000;
const sqlRuns = Number(values['sql-runs']);
const BAR_MS = 20;
const CENTRE = { latitude: 42.53, longitude: 125.63 };
const SPREAD = 1.5;
const root = new URL('..', import.meta.url).pathname;
const endpoint = `http://127.0.0.1:${port}/graphql`;
const admin = 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = `gz_bench_stations_near${total}`;
const databaseUrl = `postgresql://postgres@127.0.0.1:5432/${dbName}`;

/** Reproducible points: mulberry32. */
let state = 435;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const round6 = (x) => Math.round(x * 1e6) / 1e6;
const randomPoint = () => ({
  latitude: round6(CENTRE.latitude + (random() * 2 - 1) * SPREAD),
  longitude: round6(CENTRE.longitude + (random() * 2 - 1) * SPREAD),
});
const globalId = (type, id) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

/**
 * Synthetic stations in one statement: uniform over the region, each in a random community of
 * the demo district, with the demo's opening hours (weekdays 08:30–17:30 mostly; a quarter also
 * Saturday, some Saturday and Sunday mornings).
 */
const INSERT = `
insert into station (name, address, latitude, longitude, area_id, phone, time_zone, opening_hours, created_at, updated_at)
select '合成党群服务站' || lpad(s.g::text, 6, '0'),
       '梅河口市合成路' || (1 + floor(s.r_no * 399))::int || '号',
       round((${CENTRE.latitude} + (s.r_lat * 2 - 1) * ${SPREAD})::numeric, 6)::float8,
       round((${CENTRE.longitude} + (s.r_lon * 2 - 1) * ${SPREAD})::numeric, 6)::float8,
       c.ids[1 + floor(s.r_area * array_length(c.ids, 1))::int],
       '0435-5' || lpad(s.g::text, 6, '0'),
       'Asia/Shanghai',
       (select jsonb_agg(jsonb_build_object('weekday', d, 'opens', h.opens, 'closes', h.closes) order by d) from generate_series(1, 5) d)
         || case when s.r_weekend < 0.25 then '[{"weekday":6,"opens":"09:00","closes":"16:00"}]'::jsonb
                 when s.r_weekend < 0.40 then '[{"weekday":6,"opens":"09:00","closes":"12:00"},{"weekday":7,"opens":"09:00","closes":"12:00"}]'::jsonb
                 else '[]'::jsonb end,
       now(), now()
from (select g, random() r_lat, random() r_lon, random() r_area, random() r_hours, random() r_weekend, random() r_no
      from generate_series(1, $1::int) g) s
cross join (select array_agg(id order by id) ids from area where kind = 'COMMUNITY') c
cross join lateral (select case when s.r_hours < 0.7 then '08:30' when s.r_hours < 0.9 then '08:00' else '09:00' end opens,
                           case when s.r_hours < 0.7 then '17:30' when s.r_hours < 0.9 then '17:00' else '18:00' end closes) h`;

// The SQL the server runs (packages/api/src/modules/stations/nearest.ts and station.service.ts, as
// logged with GZ_LOG_QUERIES): the point and the cursor are inlined as literals, as the ORM does.
const chord = (p) => `(ll_to_earth(s."latitude", s."longitude") <-> ll_to_earth(${p.latitude}, ${p.longitude}))`;
const OPEN_AT = `exists (select 1 from jsonb_array_elements(s."opening_hours") w where (w->>'weekday')::int = extract(isodow from ($1::timestamptz at time zone s."time_zone"))::int and w->>'opens' <= to_char(($1::timestamptz at time zone s."time_zone"), 'HH24:MI') and to_char(($1::timestamptz at time zone s."time_zone"), 'HH24:MI') < w->>'closes')`;
// The server orders by the distance alone (so PostgreSQL walks the GiST index) and breaks ties
// in JavaScript; `tiebreak` adds the `, id` it once had, for comparison.
function nearSql(p, { where = [], join = '', tiebreak = false } = {}) {
  return (
    `select "s".*, ${chord(p)} as "chord", earth_distance(ll_to_earth("s"."latitude", "s"."longitude"), ll_to_earth(${p.latitude}, ${p.longitude})) as "distance" ` +
    `from "station" as "s"${join}${where.length ? ` where ${where.join(' and ')}` : ''} ` +
    `order by ${chord(p)} asc${tiebreak ? ', "s"."id" asc' : ''} limit ${first + 1}`
  );
}

const post = (query, variables) => graphql(endpoint, query, variables);
const start = () => startApi({ port, databaseUrl, dataDir, readyQuery: '{ stations(first: 1) { totalCount } }' });
const stop = stopApi;
const summary = (times, extra = {}) => summaryOf(times, BAR_MS, extra);

const FIELDS = 'id name latitude longitude openNow';
const NEAR = `query($p: GeoPointInput!, $first: Int!, $filter: StationFilter, $after: String) {
  stations(near: $p, first: $first, filter: $filter, after: $after) { edges { distance node { ${FIELDS} } } }
}`;
const NEAR_CURSOR = `query($p: GeoPointInput!, $first: Int!) { stations(near: $p, first: $first) { pageInfo { endCursor } } }`;
const BY_NAME = `query($first: Int!) { stations(first: $first) { edges { node { ${FIELDS} } } } }`;

/**
 * Warm-up (at most a quarter of the budget), then up to `n` timed runs of `once` (which returns
 * the ms of the part it times), for at most the budget.
 */
async function measure(n, once, warm = warmup) {
  const w0 = performance.now();
  for (let i = 0; i < warm && performance.now() - w0 < budgetMs / 4; i++) await once();
  const times = [];
  const t0 = performance.now();
  while (times.length < n && performance.now() - t0 < budgetMs) times.push(await once());
  return times;
}

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-near-'));
let server;
execFileSync('pnpm', ['--filter', '@gongzhi/api', 'build'], { cwd: root, stdio: 'inherit' });
await withClient(admin, async (c) => {
  await c.query(`drop database if exists ${dbName} with (force)`);
  await c.query(`create database ${dbName}`);
});
try {
  console.log(`starting the server on ${dbName} (demo district, scale 1) …`);
  server = await start();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const {
    rows: [{ n: seeded }],
  } = await db.query('select count(*)::int n from station');
  const t0 = performance.now();
  await db.query('select setseed(0.435)');
  await db.query(INSERT, [Math.max(0, total - seeded)]);
  await db.query('analyze station');
  const {
    rows: [{ n: stations }],
  } = await db.query('select count(*)::int n from station');
  console.log(
    `${seeded} demo stations + ${stations - seeded} synthetic = ${stations} (inserted and analysed in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const { rows: streets } = await db.query(`select id, path from area where kind = 'STREET' order by id`);
  const now = new Date().toISOString();
  const {
    rows: [{ n: openNow }],
  } = await db.query(`select count(*)::int n from station s where ${OPEN_AT}`, [now]);
  console.log(`open now (${now}): ${openNow} of ${stations} stations`);

  // --- over HTTP ---
  const edges = (data) => data.stations.edges.length;
  const timed = (fn) => async () => {
    const t = performance.now();
    const n = edges(await fn());
    timed.edges.push(n);
    return performance.now() - t;
  };
  const variants = {
    near: () => post(NEAR, { p: randomPoint(), first }),
    nearOpenNow: () => post(NEAR, { p: randomPoint(), first, filter: { openNow: true } }),
    nearWithinStreet: () => {
      const street = streets[Math.floor(random() * streets.length)];
      return post(NEAR, { p: randomPoint(), first, filter: { within: globalId('Area', street.id) } });
    },
    byName: () => post(BY_NAME, { first }),
  };
  const http = {};
  for (const [name, fn] of Object.entries(variants)) {
    timed.edges = [];
    const times = await measure(runs, timed(fn));
    http[name] = summary(times, { meanEdges: Number((timed.edges.reduce((a, b) => a + b, 0) / timed.edges.length).toFixed(1)) });
    console.log(`  ${name}: ${JSON.stringify(http[name])}`);
  }
  {
    // The second page: the first page's endCursor is fetched untimed.
    timed.edges = [];
    const times = await measure(runs, async () => {
      const p = randomPoint();
      const after = (await post(NEAR_CURSOR, { p, first })).stations.pageInfo.endCursor;
      return timed(() => post(NEAR, { p, first, after }))();
    });
    http.nearSecondPage = summary(times, { meanEdges: Number((timed.edges.reduce((a, b) => a + b, 0) / timed.edges.length).toFixed(1)) });
    console.log(`  nearSecondPage: ${JSON.stringify(http.nearSecondPage)}`);
  }

  // --- the same SQL alone, through pg ---
  const sqlTime = async (make) =>
    summary(
      await measure(
        sqlRuns,
        async () => {
          const [text, params] = await make();
          const t = performance.now();
          await db.query(text, params);
          return performance.now() - t;
        },
        Math.min(warmup, 5),
      ),
    );
  const street = () => streets[Math.floor(random() * streets.length)];
  const daytime = '2026-11-24T02:00:00.000Z'; // a Tuesday, 10:00 in Asia/Shanghai
  const sql = {
    near: () => [nearSql(randomPoint()), []],
    nearOpenNow: () => [nearSql(randomPoint(), { where: [`${OPEN_AT} = $2`] }), [new Date().toISOString(), true]],
    nearWithinStreet: () => [
      nearSql(randomPoint(), { join: ' inner join "area" as "a1" on "s"."area_id" = "a1"."id"', where: [`"a1"."path" like $1`] }),
      [`${street().path}%`],
    ],
    nearSecondPage: async () => {
      // Page one untimed, then page two `after` its last row, as the server's keyset does.
      const p = randomPoint();
      const last = (await db.query(nearSql(p))).rows[first - 1];
      return [nearSql(p, { where: [`((${chord(p)}), "s"."id") > (${Number(last.chord)}, ${Number(last.id)})`] }), []];
    },
    byName: () => [`select "s0".* from "station" as "s0" order by "s0"."name" asc, "s0"."id" asc limit ${first + 1}`, []],
    // Diagnostics: with the `, id` tie-break in ORDER BY the server once had; open now at 10:00 on a weekday.
    nearWithIdTiebreak: () => [nearSql(randomPoint(), { tiebreak: true }), []],
    nearOpenNowAtTen: () => [nearSql(randomPoint(), { where: [`${OPEN_AT} = $2`] }), [daytime, true]],
  };
  const sqlAlone = {};
  console.log('SQL alone (pg, same statements):');
  for (const [name, make] of Object.entries(sql)) {
    sqlAlone[name] = await sqlTime(make);
    console.log(`  ${name}: ${JSON.stringify(sqlAlone[name])}`);
  }

  // --- the plan ---
  const explain = async (text, params = []) =>
    (await db.query(`explain (analyze, buffers) ${text}`, params)).rows.map((r) => r['QUERY PLAN']);
  const usesIndex = (plan) =>
    plan.some((l) => l.includes('Index Scan using station_location_index')) && plan.some((l) => /^\s*Order By: /.test(l));
  const point = randomPoint();
  const plan = await explain(nearSql(point));
  const planWithTiebreak = await explain(nearSql(point, { tiebreak: true }));
  await db.end();
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the main query near ${point.latitude}, ${point.longitude}:\n${plan.join('\n')}`);
  console.log(`\nthe same with ", id" in ORDER BY:\n${planWithTiebreak.join('\n')}`);

  const result = {
    date: new Date().toISOString(),
    node: process.version,
    stations,
    region: { centre: CENTRE, spreadDegrees: SPREAD },
    first,
    barP95ms: BAR_MS,
    openNowAtRun: { instant: now, open: openNow },
    http,
    sqlAlone,
    plan: { usesStationLocationIndex: usesIndex(plan), lines: plan },
    planWithIdTiebreak: { usesStationLocationIndex: usesIndex(planWithTiebreak), lines: planWithTiebreak },
  };
  console.log(`\nstations(near:, first: ${first}) over ${stations} stations, bar p95 ≤ ${BAR_MS} ms (HTTP | SQL alone):`);
  for (const [name, r] of Object.entries(http)) {
    const s = sqlAlone[name];
    console.log(
      `  ${name.padEnd(17)} p50 ${r.p50ms} / p95 ${r.p95ms} / p99 ${r.p99ms} / max ${r.maxms} ms, p95/bar ${r.p95ToBar} (${r.runs} runs, ${r.meanEdges} edges)` +
        (s ? ` | SQL p50 ${s.p50ms} / p95 ${s.p95ms} ms` : ''),
    );
  }
  for (const name of ['nearWithIdTiebreak', 'nearOpenNowAtTen']) {
    const s = sqlAlone[name];
    console.log(`  SQL ${name}: p50 ${s.p50ms} / p95 ${s.p95ms} / p99 ${s.p99ms} ms`);
  }
  console.log(
    `  plan of the main query uses station_location_index (Index Scan … Order By): ${result.plan.usesStationLocationIndex ? 'yes' : 'NO'}`,
  );
  console.log(`  with ", id" in ORDER BY: ${result.planWithIdTiebreak.usesStationLocationIndex ? 'yes' : 'no'}`);
  const file = join(root, 'bench/results', `stations-near-${total}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${file}`);
} finally {
  await stop(server);
  await withClient(admin, (c) => c.query(`drop database if exists ${dbName} with (force)`));
  rmSync(dataDir, { recursive: true, force: true });
}
