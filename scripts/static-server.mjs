// A small static file server for dist/ (scripts/serve) and for the end-to-end tests: the
// right MIME type for .wasm (instantiateStreaming needs it), Access-Control-Allow-Origin: *
// (a sandboxed iframe has an opaque origin, so its module scripts and wasm are cross-origin),
// and optional extra headers (the tests add a strict Content-Security-Policy).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1. `headers` may be an object or a function of the request path.
 * `pages` maps a path to a function returning [body, content type] (the tests' host pages).
 */
export async function serve(root, { port = 0, headers = {}, pages = {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (pages[path]) {
        const [body, type] = await pages[path]();
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
        res.end(body);
        return;
      }
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const extra = typeof headers === 'function' ? headers(path) : headers;
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'access-control-allow-origin': '*',
        'cache-control': 'no-cache',
        ...extra,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  return { url: `http://127.0.0.1:${address.port}/`, port: address.port, close: () => new Promise((ok) => server.close(ok)) };
}

// `node scripts/static-server.mjs DIR PORT`: serve until stopped.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(dir, { port: Number(port) });
  console.log(`Serving the explainer at ${url}  (Ctrl-C to stop)`);
}
