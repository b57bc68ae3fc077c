import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { expect, it } from 'vitest';
import config from '../../codegen.js';

/**
 * The committed types must be what codegen makes from packages/schema/schema.graphql and
 * packages/schema/operations now: after a schema or operation change, run
 * `pnpm --filter @gongzhi/widgets codegen` and commit the result.
 */
it('src/core/generated is up to date with the schema and the operations', async () => {
  const outputs = await generate({ ...config, cwd: join(import.meta.dirname, '../..'), silent: true }, false);
  expect(outputs.length).toBeGreaterThan(0);
  for (const { filename, content } of outputs) {
    const committed = readFileSync(join(import.meta.dirname, '../..', filename), 'utf8');
    expect(committed, `${filename} is stale: run pnpm --filter @gongzhi/widgets codegen`).toBe(content);
  }
});
