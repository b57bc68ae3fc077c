#!/usr/bin/env node
/**
 * PostGraphile V5 on the benchmark's database, as the side-by-side benchmark runs it:
 *
 *   DATABASE_URL=postgresql://… PORT=4331 node bench/postgraphile-server.mjs
 *
 * Library mode with grafserv's plain Node server (what `postgraphile` the CLI runs), the Amber
 * preset over the `public` schema (the benchmark adds its few SQL functions there), in production
 * trim: no GraphiQL, no watch mode, no explain, a pool of 10 connections like the API's MikroORM
 * pool. Prints `listening` when it answers.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const port = Number(process.env.PORT ?? 4331);
/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['public'],
      poolConfig: { max: 10 },
    }),
  ],
  grafserv: { port, host: '127.0.0.1', graphiql: false, watch: false, graphqlPath: '/graphql', maxRequestLength: 100_000 },
  grafast: { explain: false },
  schema: { exportSchemaSDLPath: process.env.PGL_SDL_PATH || undefined },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once('listening', () => console.log(`PostGraphile ${process.env.npm_package_version ?? ''} listening on ${port}`));
serv.addTo(server).catch((e) => {
  console.error(e);
  process.exit(1);
});
server.listen(port, '127.0.0.1');
const stop = async () => {
  server.close();
  await pgl.release();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
