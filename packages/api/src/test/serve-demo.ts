import { loadConfig } from '../config.js';
import { migrate, openOrm } from '../db/orm.js';
import { toGlobalId } from '../graphql/global-id.js';
import { Area } from '../modules/areas/area.entity.js';
import { Person } from '../modules/people/person.entity.js';
import { seedDemo } from '../seed/demo-district.js';
import { startServer } from '../server.js';
import { createOperator, developmentToken } from './operator.js';
import { createTestDatabase, type TestDatabaseKind } from './test-database.js';

export interface DemoServer {
  /** The server's base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** Where GraphQL is served: `${url}/graphql` */
  graphqlUrl: string;
  /** The seeded districts, by global ID and name. */
  districts: { id: string; name: string }[];
  /** A development token for a seeded person with no roles: valid, but no more rights than an anonymous caller. */
  token: string;
  /** A development token of an operator holding ADMINISTRATOR in every district: it may list people by role. */
  operatorToken: string;
  close(): Promise<void>;
}

/**
 * A real API server on a free port over a fresh database holding the demo districts, for the
 * tests of other packages (the widgets' browser tests start one in their vitest global setup).
 * The rate limit is off: the caller's tests all come from 127.0.0.1.
 */
export async function serveDemo(options: { kind?: TestDatabaseKind; scale?: number } = {}): Promise<DemoServer> {
  const database = await createTestDatabase(options.kind ?? 'postgres');
  const orm = await openOrm({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logQueries: false });
  await migrate(orm);
  await seedDemo(orm.em.fork(), { scale: options.scale ?? 1 });
  const em = orm.em.fork();
  const visitor = em.create(Person, { name: '演示访客' } as never);
  await em.flush();
  const operator = await createOperator(em, '演示管理员');
  const districtAreas = await em.find(Area, { kind: 'DISTRICT' }, { orderBy: { id: 'asc' } });
  const districts = districtAreas.map((area) => ({
    id: toGlobalId('Area', area.id),
    name: area.name,
  }));
  const server = await startServer({ ...loadConfig({ GZ_RATE_LIMIT: '0' }), port: 0, host: '127.0.0.1' }, orm);
  return {
    url: server.url,
    graphqlUrl: server.graphqlUrl,
    districts,
    token: await developmentToken(server.graphqlUrl, visitor.id),
    operatorToken: await developmentToken(server.graphqlUrl, operator.id),
    async close() {
      await server.close();
      await orm.close(true);
      await database.drop();
    },
  };
}
