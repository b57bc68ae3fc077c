import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import bodyParser from 'body-parser';
import proxyAddr from 'proxy-addr';

/** Connect-style middleware, as `cors` and `body-parser` make it. */
type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** Who asked, worked out before the operation runs; `Unauthorized` when the credentials were refused. */
export class Unauthorized extends Error {}

export interface GraphQLRouteOptions<TContext extends BaseContext, TCaller> {
  server: ApolloServer<TContext>;
  /** The largest request body, as body-parser reads a limit ('1mb'). */
  maxBody: string;
  /** Applied only to a request that sends `Origin` (a browser's call from another page). */
  cors: Middleware;
  /** Express's compiled `trust proxy` (`app.get('trust proxy fn')`): which hops may name the caller's address. */
  trustProxy: (address: string, hop: number) => boolean;
  /** The caller, from the Authorization header; throws `Unauthorized` (401) for credentials it refuses. */
  authenticate: (authorization: string | undefined, requestId: string) => Promise<TCaller>;
  /** Runs the rest of the request inside the caller's per-request scope (the SQL statement counter). */
  scope: <T>(fn: () => T) => T;
  context: (args: { req: IncomingMessage; res: ServerResponse; caller: TCaller; address: string }) => Promise<TContext>;
}

/**
 * GraphQL over HTTP on Node's own request and response: Apollo Server's integration API
 * (`executeHTTPGraphQLRequest`) behind `cors` and body-parser's JSON reader, as Apollo's own
 * standalone server runs it, with our steps in between (request ID, authentication, the SQL
 * counter). Not an Express route: server.ts hands POSTs (and preflights) at /graphql here before
 * Express, whose router, request decoration and `res.send` (an ETag hash of every body) cost
 * about a tenth of the server's CPU for a small query; GETs come through Express, which may
 * redirect a browser to GraphiQL first.
 *
 * Errors are answered as GraphQL-over-HTTP errors with a code: a body that is not JSON or is too
 * large (400, 413), credentials refused (401), anything unexpected (500, logged).
 */
export interface GraphQLRoute {
  (req: IncomingMessage, res: ServerResponse): void;
  /**
   * Waits, at most `limitMs`, for the requests still running: at shutdown, after the HTTP server
   * has drained, some may have lost their client (a load balancer's timeout, a closed tab) and
   * still be reading the database, which must not close under them. Resolves to how many were
   * still running when it gave up (0 when all finished).
   */
  settled(limitMs: number): Promise<number>;
}

export function graphqlRoute<TContext extends BaseContext, TCaller>(options: GraphQLRouteOptions<TContext, TCaller>): GraphQLRoute {
  const { server, cors, trustProxy, authenticate, scope, context } = options;
  server.assertStarted('graphqlRoute()');
  const jsonBody = bodyParser.json({
    limit: options.maxBody,
    type: ['application/json', 'application/graphql-response+json'],
  }) as Middleware;
  const run = (step: Middleware, req: IncomingMessage, res: ServerResponse) =>
    new Promise<void>((resolve, reject) => {
      step(req, res, (error) => (error ? reject(error) : resolve()));
      // A step that answers by itself calls no `next`: cors's preflight, ended there and then.
      if (res.writableEnded) resolve();
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Only a browser's call from another page sends Origin; a server's, a script's or a data
    // team's does not, and needs no CORS headers worked out (GraphQL answers are never cached).
    if (req.headers.origin !== undefined) {
      await run(cors, req, res);
      if (res.writableEnded) return; // a preflight, answered
    }
    const id = requestId(req.headers['x-request-id']);
    res.setHeader('x-request-id', id);
    let caller: TCaller;
    try {
      caller = await authenticate(req.headers.authorization, id);
    } catch (error) {
      if (!(error instanceof Unauthorized)) throw error;
      res.setHeader('WWW-Authenticate', `Bearer error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`);
      sendErrors(res, 401, error.message, 'UNAUTHENTICATED');
      return;
    }
    // body-parser leaves no body on a request it does not parse (a GET): Apollo reads the query string then.
    await run(jsonBody, req, res);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const address = proxyAddr(req, trustProxy);
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: query === -1 ? '' : url.slice(query),
        body: (req as IncomingMessage & { body?: unknown }).body,
      },
      context: () => context({ req, res, caller, address }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const running = new Set<Promise<void>>();
  const route: GraphQLRoute = (req, res) => {
    const done: Promise<void> = scope(() => handle(req, res))
      .catch((error: unknown) => answerError(res, error, options.maxBody))
      .then(() => {
        running.delete(done);
      });
    running.add(done);
  };
  route.settled = async (limitMs) => {
    if (running.size === 0) return 0;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...running]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, limitMs);
      }),
    ]);
    clearTimeout(timer);
    return running.size;
  };
  return route;
}

/** A caller's request id (a proxy's, say) when it is a sane token; a fresh UUID otherwise. */
export function requestId(given: string | string[] | undefined): string {
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
}

function sendErrors(res: ServerResponse, status: number, message: string, code: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** body-parser's errors carry a status and a type; anything else is ours, logged and answered 500. */
function answerError(res: ServerResponse, error: unknown, maxBody: string): void {
  const status = (error as { status?: number }).status ?? 500;
  if (res.headersSent) {
    console.error('GraphQL request failed after its answer began:', error);
    res.destroy();
    return;
  }
  if (status >= 500) {
    console.error('GraphQL request failed:', error);
    sendErrors(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
    return;
  }
  const type = (error as { type?: string }).type;
  const [code, message] =
    type === 'entity.parse.failed'
      ? ['BAD_REQUEST', `The request body is not valid JSON: ${(error as Error).message}`]
      : type === 'entity.too.large'
        ? ['PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBody}`]
        : ['BAD_REQUEST', (error as Error).message];
  sendErrors(res, status, message, code);
}
