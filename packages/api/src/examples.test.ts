import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { graphqlUrl, operatorToken, query } from './test/client.js';
import { firstArea, propertyCompany, scratchCommunity } from './test/fixtures.js';

const run = promisify(execFile);
const example = (path: string) => fileURLToPath(new URL(`../../../examples/${path}`, import.meta.url));

describe('examples/', () => {
  it('area-tree prints the district, its 5 streets and 18 communities, following every page', async () => {
    const { stdout } = await run(process.execPath, [example('area-tree/area-tree.mjs'), '--depth', '2'], {
      env: { ...process.env, GONGZHI_API: graphqlUrl() },
    });
    const all = stdout.trim().split('\n');
    // Tests add districts of their own: keep the demo district's block.
    const district = await firstArea('DISTRICT');
    const start = all.indexOf(`${district.name} (DISTRICT)`);
    const end = all.findIndex((l, i) => i > start && !l.startsWith(' '));
    const lines = all.slice(start, end === -1 ? undefined : end);
    expect(lines[0]).toMatch(/\(DISTRICT\)$/);
    expect(lines.filter((l) => l.endsWith('(STREET)'))).toHaveLength(5);
    expect(lines.filter((l) => l.endsWith('(COMMUNITY)'))).toHaveLength(18);
    expect(lines.filter((l) => l.startsWith('    ')).every((l) => l.endsWith('(COMMUNITY)'))).toBe(true);
  });

  describe('property-sync', () => {
    /** A property company managing a compound of the test's own, and its WRITE_PROPERTY key. */
    const company = async () => propertyCompany((await scratchCommunity()).community, '和谐物业');

    const households = async (compound: string) => {
      const data = await query<{ areas: { totalCount: number } }>(
        'query($c: ID) { areas(filter: { within: $c, kind: [HOUSEHOLD] }) { totalCount } }',
        {
          c: compound,
        },
      );
      return data.areas.totalCount;
    };

    async function sync(env: Record<string, string>, compound: string) {
      try {
        const { stdout } = await run(process.execPath, [example('property-sync/sync.mjs'), '--compound', compound], {
          env: { ...process.env, ...env },
        });
        return { code: 0, stdout };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      }
    }

    it('syncs the sample CSV, reports the refused record, and a second run changes nothing', async () => {
      const { compound, key } = await company();
      const first = await sync({ GONGZHI_API: graphqlUrl(), GONGZHI_KEY: key }, compound);
      expect(first.code).toBe(2);
      expect(first.stdout).toContain('created 10, updated 0, unchanged 0, refused 1');
      expect(first.stdout).toMatch(/refused HOUSEHOLD HX-B02-0202: INVALID at input\.households\.7\.floorArea/);
      expect(await households(compound)).toBe(7);
      const second = await sync({ GONGZHI_API: graphqlUrl(), GONGZHI_KEY: key }, compound);
      expect(second.stdout).toContain('created 0, updated 0, unchanged 10, refused 1');
      expect(await households(compound)).toBe(7);
    });

    it('retries a call whose answer was lost with the same idempotency key: written once, answered from the first attempt', async () => {
      const { compound, key } = await company();
      // A proxy that lets the first call through to the API, then drops the connection before
      // the answer reaches the script, as a time-out would.
      const api = new URL(graphqlUrl());
      let calls = 0;
      const proxy = createServer((req, res) => {
        calls += 1;
        const drop = calls === 1;
        const upstream = request(
          { host: api.hostname, port: api.port, path: api.pathname, method: req.method, headers: req.headers },
          (answer) => {
            if (drop) {
              answer.resume();
              answer.on('end', () => res.socket?.destroy());
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        req.pipe(upstream);
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = proxy.address() as AddressInfo;
        const result = await sync({ GONGZHI_API: `http://127.0.0.1:${port}/graphql`, GONGZHI_KEY: key }, compound);
        expect(calls).toBe(2);
        expect(result.stdout).toContain('created 10, updated 0, unchanged 0, refused 1 (1 call(s) answered from an earlier attempt)');
        expect(await households(compound)).toBe(7);
      } finally {
        proxy.close();
      }
    });
  });

  it('data-team/monthly-statistics writes a row per community of the district, with the API’s figures', async () => {
    const district = await firstArea('DISTRICT');
    const out = join(await mkdtemp(join(tmpdir(), 'gz-statistics-')), 'october.csv');
    const { stdout } = await run(
      process.execPath,
      [example('data-team/monthly-statistics.mjs'), '--district', district.id, '--month', '2026-10', '--out', out],
      { env: { ...process.env, GONGZHI_API: graphqlUrl(), GONGZHI_TOKEN: operatorToken() } },
    );
    expect(stdout).toContain(`18 communities of ${district.name}, 2026-10`);
    const [header, ...rows] = (await readFile(out, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    const columns = (header as string).split(',');
    expect(columns.slice(0, 4)).toEqual(['street', 'community', 'community_code', 'month']);
    expect(columns).toContain('property.feeCollectionRate');
    expect(rows).toHaveLength(18);
    const cell = (row: string, column: string) => row.split(',')[columns.indexOf(column)];
    const figures = await query<{
      statistics: { rows: { area: { name: string }; wishes: { posted: number; litUpRate: number | null } }[] };
    }>(
      `query($d: ID!) { statistics(within: $d, level: COMMUNITY, period: MONTH, from: "2026-10-01T00:00:00+08:00", to: "2026-11-01T00:00:00+08:00") {
        rows { area { name } wishes { posted litUpRate } } } }`,
      { d: district.id },
    );
    for (const [i, row] of rows.entries()) {
      const expected = figures.statistics.rows[i];
      expect(cell(row, 'community')).toBe(expected?.area.name);
      expect(cell(row, 'month')).toBe('2026-10');
      expect(cell(row, 'wishes.posted')).toBe(String(expected?.wishes.posted));
      // A rate with nothing to divide by is an empty cell.
      expect(cell(row, 'wishes.litUpRate')).toBe(expected?.wishes.litUpRate == null ? '' : String(expected.wishes.litUpRate));
    }
  });
});
