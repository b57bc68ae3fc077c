import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiUrl, operatorToken, query } from '../test/client.js';
import { firstArea } from '../test/fixtures.js';
import { ownServer } from '../test/own-server.js';

interface Ask {
  variables?: Record<string, unknown>;
  credential?: string | null;
  format?: 'ndjson' | 'csv';
  params?: Record<string, string>;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  base?: string;
}

/** An export over HTTP, as the test operator unless another credential (or `null`, anonymous) is given. */
async function exportOf(
  document: string,
  { variables, credential = operatorToken(), format, params = {}, headers = {}, method = 'POST', base = apiUrl() }: Ask = {},
) {
  const url = new URL(`${base}/export`);
  for (const [k, v] of Object.entries({ ...(format ? { format } : {}), ...params })) url.searchParams.set(k, v);
  if (method === 'GET') {
    url.searchParams.set('query', document);
    if (variables) url.searchParams.set('variables', JSON.stringify(variables));
  }
  const res = await fetch(url, {
    method,
    headers: {
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
      ...headers,
    },
    ...(method === 'POST' ? { body: JSON.stringify({ query: document, variables }) } : {}),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  // fetch's text() drops a byte-order mark: decode without, so a test can see it.
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>);

const STATIONS = `query($within: ID) {
  stations(filter: { within: $within }) { nodes { id name address area { name } services(first: 3) { nodes { code } } } }
}`;

describe('exports', () => {
  it('streams a filtered root connection as NDJSON: the rows GraphQL gives, in its order, one per line', async () => {
    const district = await firstArea('DISTRICT');
    const graphql = await query<{ stations: { nodes: object[] } }>(STATIONS.replace('stations(', 'stations(first: 1000, '), {
      within: district.id,
    });
    expect(graphql.stations.nodes.length).toBeGreaterThan(10);
    const res = await exportOf(STATIONS, { variables: { within: district.id }, headers: { 'x-request-id': 'export-test-1' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="stations-\d{4}-\d{2}-\d{2}\.ndjson"$/);
    expect(res.headers.get('x-request-id')).toBe('export-test-1');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(lines(res.text)).toEqual(graphql.stations.nodes);
  });

  it('streams CSV: a header row, nested objects as dotted columns, lists as JSON; Excel gets a BOM', async () => {
    const district = await firstArea('DISTRICT');
    const graphql = await query<{ stations: { nodes: any[] } }>(STATIONS.replace('stations(', 'stations(first: 1000, '), {
      within: district.id,
    });
    const res = await exportOf(STATIONS, { variables: { within: district.id }, headers: { accept: 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toMatch(/filename="stations-[\d-]+\.csv"/);
    const [header, ...rows] = parseCsv(res.text) as string[][];
    expect(header).toEqual(['id', 'name', 'address', 'area.name', 'services.nodes']);
    expect(rows).toEqual(graphql.stations.nodes.map((s) => [s.id, s.name, s.address, s.area.name, JSON.stringify(s.services.nodes)]));

    const excel = await exportOf(STATIONS, { variables: { within: district.id }, format: 'csv', params: { excel: 'true' } });
    expect(excel.text.startsWith('\uFEFFid,name,')).toBe(true);
    expect(excel.text.length).toBe(res.text.length + 1);
  });

  it('reads the query from a GET too; `first` caps the whole export; edges carry their cursors; totalCount is a header', async () => {
    const district = await firstArea('DISTRICT');
    const document = 'query($f: StationFilter) { stations(first: 7, filter: $f) { totalCount edges { cursor node { name } } } }';
    const res = await exportOf(document, { method: 'GET', variables: { f: { within: district.id } } });
    expect(res.status).toBe(200);
    const edges = lines(res.text);
    expect(edges).toHaveLength(7);
    expect(new Set(edges.map((e) => e.cursor)).size).toBe(7);
    expect(Object.keys(edges[0])).toEqual(['cursor', 'node']);
    const total = await query<{ stations: { totalCount: number } }>('query($f: StationFilter) { stations(filter: $f) { totalCount } }', {
      f: { within: district.id },
    });
    expect(res.headers.get('x-total-count')).toBe(String(total.stations.totalCount));

    // From a cursor on, as `after` would on /graphql.
    const rest = await exportOf('query($f: StationFilter, $a: String) { stations(first: 3, after: $a, filter: $f) { nodes { name } } }', {
      variables: { f: { within: district.id }, a: edges[3].cursor },
    });
    expect(lines(rest.text)).toEqual(edges.slice(4, 7).map((e) => e.node));
  });

  it('masks personal data exactly as GraphQL does for the same caller', async () => {
    const document = '{ people(first: 30) { nodes { id name phone } } }';
    const [anonymous, operator] = await Promise.all([exportOf(document, { credential: null }), exportOf(document)]);
    const [asAnonymous, asOperator] = await Promise.all([query(document, {}, null), query(document)]);
    const seenByAnonymous = lines(anonymous.text);
    expect(seenByAnonymous.length).toBeGreaterThan(0);
    expect(seenByAnonymous).toEqual(asAnonymous.people.nodes);
    expect(lines(operator.text)).toEqual(asOperator.people.nodes);
    // The same person: masked for anyone, in the clear for the operator.
    const clear = new Map(asOperator.people.nodes.map((p: { id: string; name: string }) => [p.id, p.name]));
    const person = seenByAnonymous.find((p) => clear.has(p.id));
    expect(person?.name).toMatch(/\*/);
    expect(clear.get(person?.id)).not.toMatch(/\*/);
  });

  it('refuses what is not one root connection with 400 BAD_EXPORT_QUERY, before sending a row', async () => {
    for (const document of [
      '{ stations { nodes { id } } areas { nodes { id } } }',
      '{ node(id: "U3RhdGlvbjox") { id } }',
      '{ stations { totalCount } }',
      '{ stations(last: 5) { nodes { id } } }',
      '{ stations { nodes { id } edges { cursor } } }',
      'mutation { issueDevelopmentToken(input: { person: "x" }) { token } }',
    ]) {
      const res = await exportOf(document);
      expect(res.status, document).toBe(400);
      expect(JSON.parse(res.text).errors[0].extensions.code, document).toBe('BAD_EXPORT_QUERY');
    }
    const invalid = await exportOf('{ stations { nodes { nonsense } } }');
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const nested = await exportOf(`{ areas { nodes { ${'parent { '.repeat(20)}name${' }'.repeat(20)} } } }`);
    expect(JSON.parse(nested.text).errors[0].message).toMatch(/depth limit of 16 exceeded/i);
    const format = await exportOf('{ stations { nodes { id } } }', { params: { format: 'xml' } });
    expect(format.status).toBe(400);
    expect((await exportOf('{ stations { nodes { id } } }', { headers: { accept: 'application/json' } })).status).toBe(406);
  });

  it('answers 401 to a bad credential and 403 when the connection itself refuses the caller', async () => {
    const forged = await exportOf('{ stations { nodes { id } } }', { credential: 'not.a.token' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(JSON.parse(forged.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const audit = await exportOf('{ auditLog { nodes { databaseId } } }', { credential: null });
    expect(audit.status, audit.text).toBe(403);
    expect(JSON.parse(audit.text).errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('examples/data-team/export-stations.mjs', () => {
  it('writes every station of an area to a file, with the count the API gives', async () => {
    const district = await firstArea('DISTRICT');
    const folder = mkdtempSync(join(tmpdir(), 'gz-export-example-'));
    try {
      const out = join(folder, 'stations.ndjson');
      const script = fileURLToPath(new URL('../../../../examples/data-team/export-stations.mjs', import.meta.url));
      const { stdout } = await promisify(execFile)(process.execPath, [script, '--within', district.id, '--out', out], {
        env: { ...process.env, GONGZHI_API: apiUrl(), GONGZHI_TOKEN: operatorToken() },
      });
      const rows = lines(readFileSync(out, 'utf8'));
      const { stations } = await query<{ stations: { totalCount: number } }>(
        'query($w: ID) { stations(filter: { within: $w }) { totalCount } }',
        {
          w: district.id,
        },
      );
      expect(rows).toHaveLength(stations.totalCount);
      expect(rows[0]).toMatchObject({ id: expect.any(String), area: { name: expect.any(String) } });
      expect(stdout.trim()).toBe(`${stations.totalCount} stations of ${stations.totalCount} written to ${out}`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

const TOTAL = 100_000;

/**
 * 100,000 stations in a database of its own (so no other test's counts move), one server in
 * this process so its memory can be watched, and a budget of 10,000 points a minute.
 */
describe('an export of 100,000 rows', () => {
  const own = ownServer({ GZ_RATE_LIMIT: '10000' }, async (em) => {
    const connection = em.getConnection();
    const [{ id }] = await connection.execute<{ id: number }[]>(
      `insert into area (kind, name, path, depth, created_at, updated_at) values ('DISTRICT', '导出测试区', '', 0, now(), now()) returning id`,
    );
    await connection.execute(`update area set path = '/' || id || '/' where id = ?`, [id]);
    // On a grid of 0.001° (about 100 m): the GiST index over locations degenerates on one point.
    await connection.execute(
      `insert into station (name, address, latitude, longitude, area_id, time_zone, opening_hours, created_at, updated_at)
       select '导出站' || lpad(g::text, 6, '0'), '导出路' || g || '号', 42 + (g % 400) * 0.001, 125 + (g / 400) * 0.001, ?,
              'Asia/Shanghai', '[]'::jsonb, now(), now()
       from generate_series(1, ${TOTAL}) g`,
      [id],
    );
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('streams every row once, in order, while the server holds no more than a few pages', { timeout: 180_000 }, async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    // This process is server and client: the live heap (after collection) and the buffers.
    const live = () => {
      gc();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    const before = live();
    const res = await fetch(`${own.server.url}/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({
        query: '{ stations { nodes { id databaseId name address latitude longitude openNow createdAt updatedAt area { name } } } }',
      }),
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let partial = '';
    let rows = 0;
    let bytes = 0;
    let sampledAt = 0;
    const samples: number[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = partial + decoder.decode(value, { stream: true });
      const complete = text.split('\n');
      partial = complete.pop() ?? '';
      for (const line of complete) {
        const row = JSON.parse(line) as { name: string; area: { name: string } };
        rows += 1;
        // In order (by name, the default) and without a gap or a repeat: the n-th row is 导出站 n.
        if (row.name !== `导出站${String(rows).padStart(6, '0')}`) expect(row.name).toBe(`导出站${String(rows).padStart(6, '0')}`);
      }
      // A slow client: the server must wait for it rather than read ahead into memory.
      if (bytes - sampledAt > 1_000_000) {
        sampledAt = bytes;
        await sleep(rows < 20_000 ? 300 : 10);
        samples.push(live() - before);
      }
    }
    expect(partial).toBe('');
    expect(rows).toBe(TOTAL);
    const megabytes = (n: number) => (n / 1_000_000).toFixed(1);
    console.info(`export of ${TOTAL} rows: ${megabytes(bytes)} MB sent; memory above the start (MB): ${samples.map(megabytes).join(' ')}`);
    // Held in memory, 100,000 rows (entities, results, text) would take well over 100 MB. Streamed,
    // the growth stays under a few pages' worth (about 6 MB a page of 1,000 in flight), and flat:
    // the last quarter of the export uses no more than the first.
    expect(bytes).toBeGreaterThan(25_000_000);
    expect(Math.max(...samples)).toBeLessThan(16_000_000);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const quarter = Math.ceil(samples.length / 4);
    expect(median(samples.slice(-quarter)) - median(samples.slice(0, quarter))).toBeLessThan(3_000_000);
  });

  it('stops paging when the client leaves', async () => {
    const info = vi.spyOn(console, 'info');
    // A client that hangs up after the first rows: the connection closes (fetch might read on to reuse it).
    await new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ query: '{ stations { nodes { name } } }' });
      const req = request(
        `${own.server.url}/export?format=ndjson`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'export-leaves' } },
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', (error) => (error.message === 'socket hang up' ? resolve() : reject(error)));
      req.end(body);
    });
    let logged: string | undefined;
    for (let i = 0; i < 100 && !logged; i++) {
      await sleep(50);
      logged = info.mock.calls.map((call) => String(call[0])).find((line) => line.startsWith('export export-leaves:'));
    }
    expect(logged).toMatch(/stopped: the client left/);
    const pages = Number(/in (\d+) pages/.exec(logged ?? '')?.[1]);
    expect(pages).toBeLessThan(TOTAL / 1000);
  });

  it('spends the first page’s cost from the rate limit, and refuses with 429 when it does not fit', async () => {
    const res = await exportOf('{ stations { nodes { name services(first: 10) { nodes { code } } } } }', {
      credential: null,
      base: own.server.url,
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const error = JSON.parse(res.text).errors[0];
    expect(error.extensions.code).toBe('RATE_LIMITED');
    // 1,000 rows a page, each 1 station + its services connection (1 + 10): 1 + 1,000 × 12.
    expect(error.extensions.cost.requested).toBe(12_001);
  });
});
