import type { TestProject } from 'vitest/node';
import { loadConfig } from '../config.js';
import { migrate, openOrm } from '../db/orm.js';
import { seedDemo } from '../seed/demo-district.js';
import { startServer } from '../server.js';
import { createOperator, developmentToken } from './operator.js';
import { createTestDatabase, type TestDatabaseKind } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    databaseKind: TestDatabaseKind;
    databaseUrl: string | undefined;
    dataDir: string;
    /** A token of the test operator, an administrator of both demo districts. */
    operatorToken: string;
  }
}

/**
 * Per project: a fresh database with two demo districts, and one real server on a free port.
 * Tests read the first district as seeded and write in the second (see test/fixtures.ts),
 * signed in as an operator who administers both.
 */
export default async function setup(project: TestProject) {
  const kind = (project.config.env?.GZ_TEST_DB ?? 'postgres') as TestDatabaseKind;
  const database = await createTestDatabase(kind);
  const orm = await openOrm({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logQueries: false });
  await migrate(orm);
  await seedDemo(orm.em.fork(), { scale: 2 });
  const operator = await createOperator(orm.em.fork(), '测试管理员');
  // Every test calls from 127.0.0.1: the rate limit has a server of its own (rate-limit.test.ts).
  const server = await startServer({ ...loadConfig({ GZ_RATE_LIMIT: '0' }), port: 0, host: '127.0.0.1', sqlTrace: true }, orm);
  project.provide('apiUrl', server.url);
  project.provide('databaseKind', kind);
  project.provide('databaseUrl', database.databaseUrl);
  project.provide('dataDir', database.dataDir);
  project.provide('operatorToken', await developmentToken(server.graphqlUrl, operator.id));
  return async () => {
    await server.close();
    await orm.close(true);
    await database.drop();
  };
}
