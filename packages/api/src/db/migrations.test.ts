import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { migrations } from './migrations/index.js';
import { migrate, openOrm } from './orm.js';

describe('migrations', () => {
  it('the committed migrations build exactly the schema the entities describe', async () => {
    // The embedded database allows one process per folder: check on a folder of our own.
    const dataDir = mkdtempSync(join(tmpdir(), 'gz-migrations-'));
    const databaseUrl = inject('databaseKind') === 'postgres' ? inject('databaseUrl') : undefined;
    const orm = await openOrm({ databaseUrl, dataDir, logQueries: false });
    try {
      expect(await migrate(orm)).toEqual(databaseUrl ? [] : migrations.map((m) => m.name));
      expect((await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
      expect(await orm.migrator.getPending()).toEqual([]);
    } finally {
      await orm.close(true);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
