import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

interface Declaration {
  tagName?: string;
  attributes?: { name: string; fieldName?: string }[];
  members?: { kind: string; name: string; privacy?: string; static?: boolean }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string; default?: string }[];
}

/** The custom-elements manifest is generated from the source; this checks what it documents. */
it('custom-elements.json documents the public surface of <gz-station-map> and <gz-wish-board>', () => {
  const root = join(import.meta.dirname, '../..');
  const outdir = mkdtempSync(join(tmpdir(), 'gz-manifest-'));
  try {
    execFileSync(
      'pnpm',
      [
        'exec',
        'custom-elements-manifest',
        'analyze',
        '--litelement',
        '--globs',
        'src/**/gz-*.ts',
        '--exclude',
        'src/**/*.test.ts',
        '--outdir',
        relative(root, outdir),
      ],
      {
        cwd: root,
        stdio: 'pipe',
      },
    );
    const manifest = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8')) as {
      modules: { declarations: Declaration[] }[];
    };
    const map = manifest.modules.flatMap((module) => module.declarations).find((declaration) => declaration.tagName === 'gz-station-map');
    expect(map, 'the define entry names the tag: GzStationMap.define(...) must be seen as gz-station-map').toBeDefined();
    expect(map!.attributes!.map((attribute) => attribute.name).sort()).toEqual(
      ['area', 'crs', 'endpoint', 'lang', 'radius', 'tile-attribution', 'tile-label-url', 'tile-subdomains', 'tile-url'].sort(),
    );
    const publicFields = map!
      .members!.filter((member) => member.kind === 'field' && !member.privacy && !member.static)
      .map((member) => member.name);
    expect(publicFields).toEqual(expect.arrayContaining(['stations', 'tokenProvider', 'endpoint', 'area', 'radius', 'crs']));
    expect(map!.events!.map((event) => event.name).sort()).toEqual(['gz-error', 'gz-load', 'gz-station-select']);
    expect(map!.cssParts!.map((part) => part.name)).toEqual(
      expect.arrayContaining(['base', 'map', 'list', 'list-item', 'detail', 'filter', 'status']),
    );
    expect(map!.cssProperties!.find((property) => property.name === '--gz-color-primary')?.default).toBe('#c8161d');

    const board = manifest.modules.flatMap((module) => module.declarations).find((declaration) => declaration.tagName === 'gz-wish-board');
    expect(board, 'GzWishBoard.define(...) must be seen as gz-wish-board').toBeDefined();
    expect(board!.attributes!.map((attribute) => attribute.name).sort()).toEqual(['area', 'category', 'endpoint', 'lang', 'state']);
    expect(
      board!.members!.filter((member) => member.kind === 'field' && !member.privacy && !member.static).map((member) => member.name),
    ).toEqual(expect.arrayContaining(['tokenProvider', 'endpoint', 'area', 'state', 'category']));
    expect(board!.members!.find((member) => member.kind === 'method' && member.name === 'reload')).toBeDefined();
    expect(board!.events!.map((event) => event.name).sort()).toEqual(['gz-error', 'gz-wish-claim', 'gz-wish-post']);
    expect(board!.cssParts!.map((part) => part.name)).toEqual(
      expect.arrayContaining([
        'base',
        'header',
        'progress',
        'list',
        'card',
        'state',
        'form',
        'status',
        'notice',
        'claim-button',
        'more-button',
      ]),
    );
    expect(board!.cssProperties!.find((property) => property.name === '--gz-color-primary')?.default).toBe('#c8161d');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
