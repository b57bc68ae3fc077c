// A tiny static server for the portal page: this folder, plus the widgets' single-file bundle at
// /gongzhi-widgets.js (build it first: `pnpm --filter @gongzhi/widgets build`).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const bundle = fileURLToPath(new URL('../../packages/widgets/dist/gongzhi-widgets.js', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves the page on `port` (0 for any free one); resolves to its URL and a close function. */
export function servePortal({ port = 8080, host = '127.0.0.1' } = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path === '/gongzhi-widgets.js' ? bundle : join(here, normalize(path === '/' ? '/index.html' : path));
    if (!file.startsWith(here) && file !== bundle) return void response.writeHead(403).end();
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      return void response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${path}`);
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ url: `http://${host}:${actual}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await servePortal({ port: Number(process.env.PORT ?? 8080) });
  console.log(`Portal page: ${url}  (API: ?endpoint=http://localhost:4000/graphql by default)`);
}
