import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { graphqlUrl, operatorToken, query } from './test/client.js';
import { firstArea } from './test/fixtures.js';

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
