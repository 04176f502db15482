// A small static file server for dist/ (scripts/serve) and for the end-to-end tests: the
// right MIME type for .wasm (instantiateStreaming needs it), Access-Control-Allow-Origin: *
// (a sandboxed iframe has an opaque origin, so its module scripts and wasm are cross-origin),
// and optional extra headers (the tests add a strict Content-Security-Policy).
//
// Compressed as a CDN would serve it: the build's precompressed .br or .gz twin of a file when
// the browser accepts it (and the twin is not older than the file), else JSON compressed on the
// fly (data files are edited in place); hashed files under assets/ cached for a year. Every file
// carries an ETag and Last-Modified from its size and time, and a conditional request for an
// unchanged file is answered 304 (an explainer that looks for newer data does so cheaply).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
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

/** The file's bytes in the best encoding the browser accepts: a precompressed twin no older than
 * the file, or gzip made now for JSON; else as they are. */
async function encoded(file, accepts) {
  const modified = (await stat(file)).mtimeMs;
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepts.includes(encoding)) continue;
    const twin = await stat(file + ext).catch(() => null);
    if (twin && twin.mtimeMs >= modified) return { body: await readFile(file + ext), encoding };
  }
  const body = await readFile(file);
  if (extname(file) === '.json' && accepts.includes('gzip')) return { body: gzipSync(body), encoding: 'gzip' };
  return { body };
}

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
      const extra = typeof headers === 'function' ? headers(path) : headers;
      const info = await stat(file);
      // Weak: the same file in another encoding is the same version.
      const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const modified = new Date(Math.floor(info.mtimeMs / 1000) * 1000);
      const validators = { etag, 'last-modified': modified.toUTCString() };
      const match = req.headers['if-none-match'];
      const since = Date.parse(req.headers['if-modified-since'] ?? '');
      const unchanged = match !== undefined
        ? match.split(',').some((t) => t.trim() === etag || t.trim() === '*')
        : !Number.isNaN(since) && modified.getTime() <= since;
      if (unchanged) {
        res.writeHead(304, { 'access-control-allow-origin': '*', 'cache-control': 'no-cache', vary: 'accept-encoding', ...validators, ...extra });
        res.end();
        return;
      }
      const { body, encoding } = await encoded(file, String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        ...validators,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'access-control-allow-origin': '*',
        'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
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
