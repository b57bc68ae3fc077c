import 'reflect-metadata';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import cors from 'cors';
import express from 'express';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLFormattedError,
  getOperationAST,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticate } from './auth/authenticate.js';
import { TokenError, Tokens } from './auth/tokens.js';
import type { Config } from './config.js';
import type { Orm } from './db/orm.js';
import { countSql } from './db/sql-counter.js';
import { EXPORT_PATH, exportRouter } from './export/export.routes.js';
import { graphiqlRouter } from './graphiql/graphiql.js';
import { CompiledExecution } from './graphql/compiled-execution.js';
import { type Context, createContext } from './graphql/context.js';
import { graphqlRoute, Unauthorized } from './graphql/http.js';
import { armor } from './graphql/limits/armor.js';
import { isRegistered, notRegistered, persistedQueryCache, readManifests, useSafelist } from './graphql/limits/persisted-operations.js';
import { queryCost, tooCostly } from './graphql/limits/query-cost.js';
import { RateLimit } from './graphql/limits/rate-limit.js';
import { useQueryCost } from './graphql/limits/use-query-cost.js';
import { createChangePubSub, Topics } from './graphql/pubsub.js';
import { createSchema } from './graphql/schema.js';
import { forgetAreas } from './modules/areas/area.service.js';
import type { Actor } from './modules/audit/audit.service.js';
import { sweepIdempotencyKeys } from './modules/idempotency/idempotency.service.js';
import { sweepRequests } from './modules/requests/request.service.js';
import { announceEscalations } from './modules/requests/request-events.js';
import { sweepProposals } from './modules/votes/proposal.service.js';
import { announceTally } from './modules/votes/tally-events.js';
import { startWebhookDeliveries } from './modules/webhooks/webhook.delivery.js';
import { sweepWishes } from './modules/wishes/wish.service.js';
import { OPEN311_PATH, open311Router } from './open311/open311.routes.js';
import { openRedis } from './redis.js';

export const GRAPHQL_PATH = '/graphql';
export const GRAPHIQL_PATH = '/graphiql';
const MAX_BODY = '1mb';
/** The most tokens a document may have; graphql-js stops parsing there. */
const MAX_TOKENS = 5_000;
/** How long stopping waits for requests still running after the HTTP server has drained. */
const SETTLE_MS = 10_000;

export interface RunningServer {
  url: string;
  graphqlUrl: string;
  http: Server;
  close(): Promise<void>;
}

/** Reports how many SQL statements a request ran, when `GZ_SQL_TRACE` is on. */
function useSqlTrace(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              sqlStatements: contextValue.sql.statements,
            };
          }
        },
      };
    },
  };
}

/** A mutation reads from the primary database what it writes there (replicas may lag), into its unit of work. */
function usePrimaryForMutations(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'query') contextValue.usePrimary();
        },
      };
    },
  };
}

/**
 * `Cache-Control: no-store` on every GraphQL response, as Apollo's cache-control plugin set it
 * (no type or field carries a cache hint, so it never computed anything else). That plugin is
 * off: its hook on every resolved field cost a few per cent of a small query's time.
 */
function useNoStore(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

/** Errors we did not raise on purpose are logged and reported without their internals. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' && !(original instanceof GraphQLError)) {
    console.error('Unexpected error:', original);
    return { message: 'Internal server error', path: formatted.path, extensions: { code } };
  }
  return formatted;
}

/**
 * One HTTP server: GraphQL at /graphql (POST, GET, and WebSocket subscriptions over graphql-ws),
 * GraphiQL at /graphiql, Open311 GeoReport v2 at /open311/v2, exports at /export, /healthz
 * (process up), /readyz (database reachable).
 */
export type ServerSettings = Pick<
  Config,
  | 'port'
  | 'host'
  | 'sqlTrace'
  | 'production'
  | 'introspection'
  | 'graphiql'
  | 'maxDepth'
  | 'maxCost'
  | 'jwt'
  | 'rateLimit'
  | 'trustProxy'
  | 'corsOrigins'
  | 'sweepIntervalMs'
  | 'persistedOperations'
  | 'safelist'
  | 'webhooks'
  | 'redisUrl'
  | 'redisPrefix'
>;

/**
 * `orm` serves queries (from read replicas, when it has them); `primary` serves mutations and
 * subscriptions, which must read what was just written (the same ORM without replicas).
 */
export async function startServer(config: ServerSettings, orm: Orm, primary: Orm = orm): Promise<RunningServer> {
  // With Redis, subscriptions fan out across instances and all share one rate limit.
  const redis = config.redisUrl ? await openRedis(config.redisUrl, config.redisPrefix) : undefined;
  const pubsub = createChangePubSub(redis);
  const schema = await createSchema(pubsub);
  // An area changed anywhere (this instance or another): the cached area paths may be stale.
  const areaChanges = pubsub.subscribe(Topics.AREA_CHANGED);
  void (async () => {
    for await (const _ of areaChanges) forgetAreas();
  })();
  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer, the caller's address comes from X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  // Requests reach Express, or the GraphQL route first (below), once everything is set up.
  const http = createHttpServer();

  const wsServer = new WebSocketServer({ server: http, path: GRAPHQL_PATH });
  const tokens = Tokens.create(config.jwt, config.production);
  const limits = armor(config);
  const registered = readManifests(config.persistedOperations);
  // One budget per caller, spent by GraphQL queries and Open311 calls alike.
  const rateLimit = config.rateLimit > 0 ? new RateLimit(config.rateLimit, redis) : null;
  const wsCleanup = useServer<{ authorization?: string }, { actor?: Actor }>(
    {
      schema,
      // A subscriber signs in once, with `connectionParams: { authorization: 'Bearer …' }`.
      onConnect: async (ctx) => {
        try {
          ctx.extra.actor = await authenticate(orm.em, tokens, ctx.connectionParams?.authorization, null);
          return true;
        } catch (error) {
          if (error instanceof TokenError) return false;
          throw error;
        }
      },
      // Operations over WebSocket skip Apollo's plugins: the same document limits apply here.
      onSubscribe: (ctx, _id, payload) => {
        // A registered operation may be named by its hash alone, as over HTTP.
        const hash = (payload.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
        const source = (typeof hash === 'string' ? registered.get(hash) : undefined) ?? payload.query;
        if (config.safelist && !isRegistered(registered, source)) return [notRegistered()];
        let document: DocumentNode;
        try {
          document = parse(source, { maxTokens: MAX_TOKENS });
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
        if (errors.length) return errors;
        try {
          const requested = queryCost(schema, document, payload.variables ?? {}, payload.operationName ?? undefined);
          if (requested > config.maxCost) return [tooCostly(requested, config.maxCost)];
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const contextValue = Object.assign(createContext(primary.em, pubsub, tokens, ctx.extra.actor), {
          allowPrivateWebhooks: config.webhooks.allowPrivate,
        });
        // A mutation over WebSocket writes, as over HTTP (usePrimaryForMutations).
        if (getOperationAST(document, payload.operationName)?.operation === 'mutation') contextValue.usePrimary();
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
      },
    },
    wsServer,
  );

  const execution = new CompiledExecution(schema);
  const apollo = new ApolloServer<Context>({
    // The schema, run by graphql-jit's compiled documents instead of graphql-js's interpreter.
    gateway: execution.apolloGateway(),
    introspection: config.introspection,
    validationRules: limits.validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    allowBatchedHttpRequests: false,
    persistedQueries: { cache: persistedQueryCache(registered, config.safelist) },
    // No ambient credentials (no cookies): callers authenticate with an Authorization header,
    // which a cross-site form or image cannot send. Plain GET queries must work, as the
    // GraphQL-over-HTTP spec has them, for caches and for tools like graphql-http's audits.
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    // main.ts owns the process's signals: it stops the server, then the database, then exits.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      ...(limits.plugins as ApolloServerPlugin<Context>[]),
      ...(config.safelist ? [useSafelist<Context>(registered)] : []),
      useQueryCost(config.maxCost, rateLimit),
      usePrimaryForMutations(),
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      useNoStore(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
      ...(config.sqlTrace ? [useSqlTrace()] : []),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', reason: (error as Error).message });
    }
  });
  if (config.graphiql) {
    app.use(GRAPHIQL_PATH, graphiqlRouter(GRAPHIQL_PATH, GRAPHQL_PATH));
    app.get('/', (_req, res) => {
      res.redirect(GRAPHIQL_PATH);
    });
    // A person opening /graphql in a browser wants the IDE, not a protocol error.
    app.get(GRAPHQL_PATH, (req, res, next) => {
      const wants = req.accepts(['application/json', 'application/graphql-response+json', 'text/html']);
      if (req.query.query === undefined && wants === 'text/html') {
        res.redirect(GRAPHIQL_PATH);
        return;
      }
      next();
    });
  }
  const corsOptions = {
    origin: config.corsOrigins,
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  };
  const corsPolicy = cors(corsOptions);
  // Open311 GeoReport v2 over residents' requests (open311/), with the same CORS and rate limit.
  app.use(OPEN311_PATH, corsPolicy, open311Router({ orm, pubsub, tokens, rateLimit }));
  // Exports of a root connection as NDJSON or CSV (export/): the same CORS (a page in a portal may
  // read the file's name and row count too), authentication, document limits and rate limit.
  app.use(
    EXPORT_PATH,
    cors({ ...corsOptions, exposedHeaders: [...corsOptions.exposedHeaders, 'content-disposition', 'x-total-count'] }),
    exportRouter({
      orm,
      pubsub,
      tokens,
      rateLimit,
      schema,
      execution,
      validationRules: limits.validationRules as ValidationRule[],
      maxCost: config.maxCost,
    }),
  );
  // GraphQL over HTTP on Node's request and response (graphql/http.ts): POSTs and preflights at
  // /graphql go straight there; GETs come through Express (below), which may first send a browser
  // to GraphiQL. The same CORS policy, request ID, authentication and SQL counter either way.
  const graphql = graphqlRoute<Context, Actor>({
    server: apollo,
    maxBody: MAX_BODY,
    cors: corsPolicy,
    trustProxy: app.get('trust proxy fn'),
    authenticate: async (authorization, id) => {
      try {
        return await authenticate(orm.em, tokens, authorization, id);
      } catch (error) {
        throw error instanceof TokenError ? new Unauthorized(error.message) : error;
      }
    },
    scope: (fn) => countSql({ statements: 0 }, fn),
    context: async ({ caller, address }) => {
      const context = createContext(orm.em, pubsub, tokens, caller, address, primary.em);
      context.allowPrivateWebhooks = config.webhooks.allowPrivate;
      return context;
    },
  });
  app.use(GRAPHQL_PATH, (req, res) => graphql(req, res));
  http.on('request', (req, res) => {
    const { url = '', method } = req;
    const atGraphQL = url.startsWith(GRAPHQL_PATH) && (url.length === GRAPHQL_PATH.length || url[GRAPHQL_PATH.length] === '?');
    if (atGraphQL && method !== 'GET' && method !== 'HEAD') graphql(req, res);
    else app(req, res);
  });

  // What moves by the clock moves at start-up (so a restart loses none) and every minute: lapsed
  // claims and expired wishes; votes whose time to open or close has come; requests past their
  // deadline rise a level, and the level above hears of it; idempotency keys past their day go.
  const sweep = async () => {
    await sweepWishes(primary.em.fork());
    const { opened, closed } = await sweepProposals(primary.em.fork());
    for (const id of [...opened, ...closed]) announceTally(pubsub, id, true);
    await announceEscalations(primary.em.fork(), pubsub, await sweepRequests(primary.em.fork()));
    await sweepIdempotencyKeys(primary.em.fork());
  };
  await sweep();
  const sweeper = setInterval(() => {
    sweep().catch((error: unknown) => console.error('scheduled sweep failed:', error));
  }, config.sweepIntervalMs);
  sweeper.unref();
  // Property companies' webhooks: each one's changes, pushed from its cursor (modules/webhooks).
  const deliveries = startWebhookDeliveries(() => primary.em.fork(), config.webhooks);

  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const { port } = http.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  return {
    url,
    graphqlUrl: `${url}${GRAPHQL_PATH}`,
    http,
    async close() {
      clearInterval(sweeper);
      await deliveries.stop();
      await apollo.stop();
      // Requests whose clients left during the drain may still be running: the database stays
      // open for them (main.ts closes it after this), for a while.
      const abandoned = await graphql.settled(SETTLE_MS);
      if (abandoned > 0) console.error(`Stopping with ${abandoned} GraphQL request(s) still running after ${SETTLE_MS} ms`);
      await areaChanges.return?.();
      await redis?.close();
    },
  };
}
