import { mkdirSync } from 'node:fs';
import type { LoggerNamespace } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { EntityManager, MikroORM } from '@mikro-orm/sql';
import type { Config } from '../config.js';
import { entities, routines } from './entities.js';
import { migrations } from './migrations/index.js';
import { CountingLogger } from './sql-counter.js';

export type Orm = MikroORM;
export type Em = EntityManager;

/** Options shared by both drivers: the entities, the committed migrations, our logger. */
function commonOptions(config: Pick<Config, 'logQueries'>) {
  return {
    entities,
    routines,
    extensions: [Migrator],
    migrations: {
      migrationsList: migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: 'src/db/migrations',
    },
    loggerFactory: CountingLogger.create,
    debug: config.logQueries ? (['query'] as LoggerNamespace[]) : false,
    // Our loaders batch explicitly (graphql/loaders.ts); the ORM's own would double the work.
    dataloader: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
}

/**
 * PostgreSQL through pg when `DATABASE_URL` is set; otherwise the embedded PostgreSQL (PGlite)
 * in a data folder that survives restarts. The same committed migrations run on both.
 */
export async function openOrm(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'logQueries'> & { replicaUrls?: string[] }): Promise<Orm> {
  if (config.databaseUrl) {
    const { MikroORM } = await import('@mikro-orm/postgresql');
    return (await MikroORM.init({
      ...commonOptions(config),
      clientUrl: config.databaseUrl,
      pool: { min: 0, max: 10 },
      // Reads outside a transaction (em.find, root lists, and the lookups by ID of a query, which
      // are prepared statements: db/prepared.ts) go to a replica chosen at random; writes, other
      // raw SQL and everything in a transaction to the primary (server.ts sends mutations there whole).
      replicas: (config.replicaUrls ?? []).map((clientUrl) => ({ clientUrl })),
    })) as unknown as Orm;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const { MikroORM } = await import('@mikro-orm/pglite');
  // The contrib extensions the migrations create (distances on the earth: stations near a point).
  const { cube } = await import('@electric-sql/pglite/contrib/cube');
  const { earthdistance } = await import('@electric-sql/pglite/contrib/earthdistance');
  return (await MikroORM.init({
    ...commonOptions(config),
    dbName: config.dataDir,
    driverOptions: { extensions: { cube, earthdistance } },
  })) as unknown as Orm;
}

/** Applies every committed migration not yet applied; nothing else ever changes the schema. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}

/** Whether the ORM reads from replicas: then a second ORM on the primary alone serves mutations. */
export const hasReplicas = (orm: Orm): boolean => (orm.config.get('replicas') ?? []).length > 0;
