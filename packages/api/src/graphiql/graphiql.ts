import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router as createRouter, type Router } from 'express';

/**
 * GraphiQL served from our own node_modules: government intranets have no internet, so no CDN.
 * React, GraphiQL and graphql-ws (for subscriptions) are their published browser builds.
 */
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const ASSETS: Record<string, string> = {
  'react.js': join(packageDir('react'), 'umd/react.production.min.js'),
  'react-dom.js': join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
  'graphiql.js': join(packageDir('graphiql'), 'dist/index.umd.js'),
  'graphiql.css': join(packageDir('graphiql'), 'dist/style.css'),
  'graphql-ws.js': join(packageDir('graphql-ws'), 'umd/graphql-ws.min.js'),
};

const FIRST_QUERY = `# 共治 gongzhi: the districts, their streets and communities
query FirstLook {
  areas(filter: { kind: [DISTRICT] }, first: 5) {
    totalCount
    nodes {
      id
      name
      children(first: 10) {
        nodes {
          name
          kind
          children(first: 20) { totalCount nodes { name } }
        }
      }
    }
  }
}
`;

function page(base: string, graphqlPath: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gongzhi GraphiQL</title>
<link rel="stylesheet" href="${base}/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${base}/react.js"></script>
<script src="${base}/react-dom.js"></script>
<script src="${base}/graphql-ws.js"></script>
<script src="${base}/graphiql.js"></script>
<script>
  const url = new URL(${JSON.stringify(graphqlPath)}, location.href);
  const wsUrl = new URL(url);
  wsUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const fetcher = GraphiQL.createFetcher({
    url: url.href,
    wsClient: graphqlWs.createClient({ url: wsUrl.href, lazy: true }),
  });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(FIRST_QUERY)} }),
  );
</script>
</body>
</html>`;
}

/** Mounted at `base` (e.g. `/graphiql`): the page at `base`, its scripts below it. */
export function graphiqlRouter(base: string, graphqlPath: string): Router {
  const router = createRouter();
  const html = page(base, graphqlPath);
  router.get('/', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(html);
  });
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/${name}`, (_req, res) => {
      // pnpm keeps packages under node_modules/.pnpm: allow that dot-folder in the path.
      res.set('Cache-Control', 'public, max-age=86400').sendFile(file, { dotfiles: 'allow' });
    });
  }
  return router;
}
