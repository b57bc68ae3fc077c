/** `pnpm start`: settings, database, migrations, demo data on first start, then the server. */
import { performance } from 'node:perf_hooks';
import { loadConfigOrExit } from './config.js';
import { hasReplicas, migrate, openOrm } from './db/orm.js';
import { isEmpty, seedDemo } from './seed/demo-district.js';
import { GRAPHIQL_PATH, startServer } from './server.js';

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfigOrExit();
  const orm = await openOrm(config);
  const where = config.databaseUrl ? `PostgreSQL ${new URL(config.databaseUrl).host}` : `embedded PostgreSQL in ${config.dataDir}`;
  const applied = await migrate(orm);
  console.log(`Database: ${where}; ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);
  if (config.seedOnEmpty && (await isEmpty(orm.em.fork()))) {
    console.log(`Empty database: loading the demo district (scale ${config.seedScale}) …`);
    const summary = await seedDemo(orm.em.fork(), { scale: config.seedScale });
    console.log(
      `Demo data loaded: ${Object.entries(summary)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
  }
  // With read replicas, mutations and subscriptions get an ORM of their own on the primary.
  const primary = hasReplicas(orm) ? await openOrm({ ...config, replicaUrls: [] }) : orm;
  if (primary !== orm) console.log(`Read replicas: ${config.replicaUrls.length}; queries read from them, mutations from the primary`);
  if (config.redisUrl)
    console.log(`Redis: ${new URL(config.redisUrl).host}; subscriptions and the rate limit are shared by every instance`);
  const server = await startServer(config, orm, primary);
  console.log(`gongzhi API ready in ${Math.round(performance.now() - started)} ms`);
  console.log(`  GraphQL   ${server.graphqlUrl}`);
  console.log(`  GraphiQL  ${server.url}${GRAPHIQL_PATH}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    await server.close();
    if (primary !== orm) await primary.close();
    await orm.close();
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

await main();
