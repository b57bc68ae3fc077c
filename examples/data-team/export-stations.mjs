#!/usr/bin/env node
/**
 * Exports every service station to a file, as NDJSON (one JSON object a line) or CSV, through
 * the API's /export endpoint: the server streams the rows page by page, and this script writes
 * them to disk as they come, so neither side holds the whole table in memory.
 *
 *   GONGZHI_API=http://localhost:4000 GONGZHI_KEY=gzk_… node export-stations.mjs [--format csv] [--out stations.csv] [--within <area ID>]
 *
 * GONGZHI_KEY (an API key) or GONGZHI_TOKEN (a person's token) signs the export in; without
 * either it runs anonymously and gets what anyone may see.
 */
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';

const api = (process.env.GONGZHI_API ?? 'http://localhost:4000').replace(/\/(graphql)?$/, '');
const credential = process.env.GONGZHI_KEY ?? process.env.GONGZHI_TOKEN;
const { values } = parseArgs({
  options: {
    format: { type: 'string', default: 'ndjson' },
    out: { type: 'string' },
    within: { type: 'string' },
  },
});
const format = values.format === 'csv' ? 'csv' : 'ndjson';
const out = values.out ?? `stations.${format}`;

const QUERY = `query($filter: StationFilter) {
  stations(filter: $filter) {
    totalCount
    nodes { id databaseId name address latitude longitude phone openNow area { id name } services(first: 20) { nodes { code } } }
  }
}`;

const res = await fetch(`${api}/export?format=${format}${format === 'csv' ? '&excel=true' : ''}`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
  body: JSON.stringify({ query: QUERY, variables: { filter: values.within ? { within: values.within } : null } }),
});
if (!res.ok) {
  // Refused before the first row: the reason is JSON, as GraphQL gives it.
  const { errors } = await res.json();
  console.error(`export refused (HTTP ${res.status}): ${errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
  process.exit(1);
}

const total = res.headers.get('x-total-count');
let rows = 0;
let lastLine = '';
// Counts the rows on their way to the file and keeps the last line: a failure after the first row
// ends NDJSON with a line {"error": …} (and breaks CSV off mid-transfer, which fetch reports).
const counter = new Transform({
  transform(chunk, _encoding, done) {
    const text = chunk.toString('utf8');
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows += 1;
    lastLine = (lastLine + text).split('\n').slice(-2).join('\n');
    done(null, chunk);
  },
});
await pipeline(Readable.fromWeb(res.body), counter, createWriteStream(out));

const last = lastLine.trim().split('\n').at(-1) ?? '';
if (format === 'ndjson' && last.startsWith('{"error":')) {
  console.error(`export broke off after ${rows - 1} rows: ${JSON.parse(last).error.message}`);
  process.exit(1);
}
const exported = format === 'csv' ? rows - 1 : rows;
console.log(`${exported} stations${total ? ` of ${total}` : ''} written to ${out}`);
