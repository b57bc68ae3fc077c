import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig } from '../config.js';
import { type Em, migrate, type Orm, openOrm } from '../db/orm.js';
import { type RunningServer, startServer } from '../server.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface OwnServer {
  readonly server: RunningServer;
  readonly orm: Orm;
}

/**
 * For a `describe` block that needs a server started with other settings (production mode, a
 * known secret, a small rate limit) or a database it may tamper with: a fresh, migrated database
 * of the project's kind, `prepare` run on it, then a server on a free port; all gone afterwards.
 */
export function ownServer(env: NodeJS.ProcessEnv, prepare?: (em: Em) => Promise<void>): OwnServer {
  let database: TestDatabase;
  const own = {} as { server: RunningServer; orm: Orm };
  beforeAll(async () => {
    database = await createTestDatabase(inject('databaseKind'));
    own.orm = await openOrm({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logQueries: false });
    await migrate(own.orm);
    if (prepare) await prepare(own.orm.em.fork());
    own.server = await startServer({ ...loadConfig(env), port: 0, host: '127.0.0.1' }, own.orm);
  });
  afterAll(async () => {
    await own.server?.close();
    await own.orm?.close(true);
    await database?.drop();
  });
  return own;
}
