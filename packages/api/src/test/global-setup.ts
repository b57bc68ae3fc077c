import type { TestProject } from 'vitest/node';
import { loadConfig } from '../config.js';
import { migrate, openOrm } from '../db/orm.js';
import { toGlobalId } from '../graphql/global-id.js';
import { Area } from '../modules/areas/area.entity.js';
import { Person, RoleAssignment } from '../modules/people/person.entity.js';
import { seedDemo } from '../seed/demo-district.js';
import { startServer } from '../server.js';
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
  const em = orm.em.fork();
  const operator = em.create(Person, { name: '测试管理员' } as never);
  for (const district of await em.find(Area, { kind: 'DISTRICT' })) {
    em.create(RoleAssignment, { person: operator, role: 'ADMINISTRATOR', area: district, startsOn: '2024-01-01' } as never);
  }
  await em.flush();
  // Every test calls from 127.0.0.1: the rate limit has a server of its own (rate-limit.test.ts).
  const server = await startServer({ ...loadConfig({ GZ_RATE_LIMIT: '0' }), port: 0, host: '127.0.0.1', sqlTrace: true }, orm);
  const issued = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($p: ID!) { issueDevelopmentToken(input: { person: $p, minutes: 720 }) { token } }',
      variables: { p: toGlobalId('Person', operator.id) },
    }),
  });
  const { data } = (await issued.json()) as { data: { issueDevelopmentToken: { token: string } } };
  project.provide('apiUrl', server.url);
  project.provide('databaseKind', kind);
  project.provide('databaseUrl', database.databaseUrl);
  project.provide('dataDir', database.dataDir);
  project.provide('operatorToken', data.issueDevelopmentToken.token);
  return async () => {
    await server.close();
    await orm.close(true);
    await database.drop();
  };
}
