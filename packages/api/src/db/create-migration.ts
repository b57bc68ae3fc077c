/**
 * `pnpm --filter @gongzhi/api migration:create [name]`: applies the committed migrations to a
 * throw-away embedded database, diffs the entities against it, and writes the difference as a
 * new migration in src/db/migrations. Register it in src/db/migrations/index.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openOrm } from './orm.js';

const dataDir = mkdtempSync(join(tmpdir(), 'gz-migration-'));
const orm = await openOrm({ databaseUrl: undefined, dataDir, logQueries: false });
try {
  await migrate(orm);
  const result = await orm.migrator.create(undefined, false, false, process.argv[2]);
  console.log(result.fileName ? `wrote ${result.fileName}` : 'entities and migrations agree: nothing to write');
} finally {
  await orm.close(true);
  rmSync(dataDir, { recursive: true, force: true });
}
