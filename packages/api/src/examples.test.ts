import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { graphqlUrl } from './test/client.js';
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
});
