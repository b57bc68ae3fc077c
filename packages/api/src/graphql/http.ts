import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Apollo Server on an Express route, through Apollo's integration API
 * (`executeHTTPGraphQLRequest`): what `@as-integrations/express5` does, less two costs it adds to
 * every request. It parses the URL with Node's legacy `url.parse` to find the query string, and it
 * answers through Express's `res.send`, which hashes every body for an ETag (our answers are
 * `Cache-Control: no-store`, so nothing ever sends it back) and copies it into a Buffer. Together
 * about a tenth of the server's CPU for a small query (profiled: `{ __typename }` under load).
 */
export function graphqlHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: (args: { req: Request; res: Response }) => Promise<TContext>,
): RequestHandler {
  server.assertStarted('graphqlHandler()');
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url.indexOf('?');
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: query === -1 ? '' : req.url.slice(query),
        // express.json() leaves no body on a request it does not parse (a GET): Apollo reads the query string then.
        body: req.body,
      },
      context: () => context({ req, res }),
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
}
