import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSdl, SDL_FILE } from './print-schema.js';

describe('the contract package', () => {
  it('packages/schema/schema.graphql is the built schema (run `pnpm schema:print` after changing the API)', async () => {
    expect(readFileSync(SDL_FILE, 'utf8')).toBe(await buildSdl());
  });
});
