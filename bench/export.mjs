#!/usr/bin/env node
/**
 * Exports of 100,000 stations (issue #8: at least 20,000 rows per second as NDJSON, memory flat),
 * measured on the built server over HTTP:
 *
 *   pnpm --filter @gongzhi/bench export -- --stations 100000
 *
 * 1. a fresh PostgreSQL database; the built server seeds the demo district on it (scale 1), then
 *    one `insert … select … from generate_series` adds synthetic stations, each in a random
 *    community, until there are `--stations`; `analyze station`;
 * 2. `--runs` exports of every station as NDJSON, then as CSV, through `POST /export`, each read
 *    to its end as fast as the client can: rows per second from the request to the last byte;
 * 3. the server's resident memory (VmRSS of its process) sampled every 50 ms during each export:
 *    at its start, its peak and its end.
 * Results are printed and written to bench/results/export-<N>.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApi, dropDatabase, freshDatabase, root, startApi, stopApi, withClient } from './lib.mjs';

// pnpm 10 passes the `--` of `pnpm … export -- --runs 3` on to the script.
const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    stations: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '4312' },
    'no-build': { type: 'boolean', default: false },
  },
});
const total = Number(values.stations);
const runs = Number(values.runs);
const port = Number(values.port);
const BAR_ROWS_PER_SECOND = 20_000;
const dbName = `gz_bench_export${total}`;

/** What a data team takes of each station: its IDs, name, place, phone, whether open now, and its community. */
const DOCUMENT = '{ stations { nodes { id databaseId name address latitude longitude phone openNow area { name } } } }';

const INSERT = `
insert into station (name, address, latitude, longitude, area_id, phone, time_zone, opening_hours, created_at, updated_at)
select '合成党群服务站' || lpad(s.g::text, 6, '0'),
       '梅河口市合成路' || (1 + floor(s.r_no * 399))::int || '号',
       round((42.53 + (s.r_lat * 2 - 1) * 1.5)::numeric, 6)::float8,
       round((125.63 + (s.r_lon * 2 - 1) * 1.5)::numeric, 6)::float8,
       c.ids[1 + floor(s.r_area * array_length(c.ids, 1))::int],
       '0435-5' || lpad(s.g::text, 6, '0'),
       'Asia/Shanghai',
       '[{"weekday":1,"opens":"08:30","closes":"17:30"},{"weekday":2,"opens":"08:30","closes":"17:30"},{"weekday":3,"opens":"08:30","closes":"17:30"},{"weekday":4,"opens":"08:30","closes":"17:30"},{"weekday":5,"opens":"08:30","closes":"17:30"}]'::jsonb,
       now(), now()
from (select g, random() r_lat, random() r_lon, random() r_area, random() r_no from generate_series(1, $1::int) g) s
cross join (select array_agg(id order by id) ids from area where kind = 'COMMUNITY') c`;

/** The server's resident set in MB, from /proc (Linux). */
function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

/** CPU seconds the server has used (user + system), from /proc (Linux; 100 ticks a second). */
function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** One export read to its end; rows counted by line ends (NDJSON) or records (CSV, less the header). */
async function exportOnce(format, pid) {
  const rss = [rssOf(pid)];
  const sampler = setInterval(() => rss.push(rssOf(pid)), 50);
  const started = performance.now();
  const cpu = cpuOf(pid);
  const res = await fetch(`http://127.0.0.1:${port}/export?format=${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: DOCUMENT }),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  let newlines = 0;
  let bytes = 0;
  for await (const chunk of res.body) {
    bytes += chunk.byteLength;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuOf(pid) - cpu;
  clearInterval(sampler);
  rss.push(rssOf(pid));
  // No field of this document holds a line break, so each line is one row.
  const rows = format === 'csv' ? newlines - 1 : newlines;
  if (rows !== total) throw new Error(`${format}: ${rows} rows, expected ${total}`);
  return {
    rows,
    megabytes: Number((bytes / 1e6).toFixed(1)),
    seconds: Number(seconds.toFixed(2)),
    rowsPerSecond: Math.round(rows / seconds),
    // Rows per second of the server's own CPU: moved less than wall-clock time by other load on the
    // machine, though not unmoved (shared cores and caches: 6 to 9.5 s per export seen here).
    serverCpuSeconds: Number(cpuSeconds.toFixed(2)),
    rowsPerServerCpuSecond: Math.round(rows / cpuSeconds),
    rssMb: { start: Math.round(rss[0]), peak: Math.round(Math.max(...rss)), end: Math.round(rss.at(-1)) },
  };
}

if (!values['no-build']) buildApi();
const databaseUrl = await freshDatabase(dbName);
const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-export-'));
let server;
try {
  server = await startApi({ port, databaseUrl, dataDir, readyQuery: '{ stations(first: 1) { totalCount } }' });
  await withClient(databaseUrl, async (db) => {
    const t0 = performance.now();
    const {
      rows: [{ n: seeded }],
    } = await db.query('select count(*)::int n from station');
    await db.query(INSERT, [total - seeded]);
    await db.query('analyze station');
    console.log(`${seeded} demo stations + ${total - seeded} synthetic = ${total} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  });
  // One export to warm the server up (JIT, the database's caches), not counted.
  await exportOnce('ndjson', server.pid);
  const results = { ndjson: [], csv: [] };
  for (const format of ['ndjson', 'csv']) {
    for (let run = 0; run < runs; run++) {
      const r = await exportOnce(format, server.pid);
      results[format].push(r);
      console.log(
        `${format} #${run + 1}: ${r.rows} rows, ${r.megabytes} MB in ${r.seconds} s = ${r.rowsPerSecond} rows/s (server CPU ${r.serverCpuSeconds} s: ${r.rowsPerServerCpuSecond} rows per CPU-second); server RSS ${r.rssMb.start} → peak ${r.rssMb.peak} → ${r.rssMb.end} MB`,
      );
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `load average (1, 5, 15 min): ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')} on ${os.cpus().length} cores`,
  );
  const summary = Object.fromEntries(
    Object.entries(results).map(([format, rs]) => {
      const rowsPerSecond = median(rs.map((r) => r.rowsPerSecond));
      return [
        format,
        {
          medianRowsPerSecond: rowsPerSecond,
          toBar: Number((rowsPerSecond / BAR_ROWS_PER_SECOND).toFixed(2)),
          medianRowsPerServerCpuSecond: median(rs.map((r) => r.rowsPerServerCpuSecond)),
          rssMb: { start: rs[0].rssMb.start, peak: Math.max(...rs.map((r) => r.rssMb.peak)), end: rs.at(-1).rssMb.end },
        },
      ];
    }),
  );
  for (const [format, s] of Object.entries(summary)) {
    console.log(
      `${format}: median ${s.medianRowsPerSecond} rows/s, ${s.toBar}× the bar of ${BAR_ROWS_PER_SECOND} (${s.medianRowsPerServerCpuSecond} rows per server CPU-second); RSS ${s.rssMb.start} → peak ${s.rssMb.peak} → ${s.rssMb.end} MB`,
    );
  }
  const out = join(root, `bench/results/export-${total}.json`);
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        stations: total,
        document: DOCUMENT,
        bar: BAR_ROWS_PER_SECOND,
        summary,
        runs: results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`wrote ${out}`);
} finally {
  await stopApi(server);
  await dropDatabase(dbName);
  rmSync(dataDir, { recursive: true, force: true });
}
