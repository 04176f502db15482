// The npm package built into dist/npm: a name, a version, its files and types, and a README,
// as `npm pack` would publish it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../dist/npm/', import.meta.url));

test('dist/npm is a publishable package with types', async () => {
  const pkg = JSON.parse(await readFile(`${dir}package.json`, 'utf8'));
  assert.equal(pkg.name, 'breach-explainer');
  assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
  assert.equal(pkg.types, 'explainer.d.ts');
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: dir, encoding: 'utf8' }));
  const files = packed.files.map((f) => f.path).sort();
  for (const f of ['README.md', 'breach_explainer_bg.wasm', 'breach_explainer.js', 'explainer.js', 'explainer.d.ts', 'embed.js', 'explainer.css', 'package.json']) {
    assert.ok(files.includes(f), `${f} is published (${files.join(', ')})`);
  }
  // The wrapper imports the wasm-bindgen glue next to it, not a path from the repository.
  assert.match(await readFile(`${dir}explainer.js`, 'utf8'), /from '\.\/breach_explainer\.js'/);
});

// The shell pages' social card: each names a PNG of the key figures, 1200×630, that is in dist/.
test('each shell page names an og:image that is a 1200×630 PNG in dist/', async () => {
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  const images = [];
  for (const page of ['index.html', 'ko.html']) {
    const html = await readFile(`${dist}${page}`, 'utf8');
    const meta = (name) => new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)">`).exec(html)?.[1];
    const image = meta('og:image');
    assert.ok(image, `${page} names an og:image`);
    // Relative to the page, or absolute under BX_SITE_URL.
    const path = image.replace(/^.*?(?=assets\/)/, '');
    const png = await readFile(`${dist}${path}`);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${path} is a PNG`);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
    assert.equal(meta('og:image:width'), '1200');
    assert.equal(meta('og:image:height'), '630');
    assert.equal(meta('twitter:card'), 'summary_large_image');
    assert.equal(meta('og:title'), /<title>([^<]*)<\/title>/.exec(html)[1]);
    assert.ok(meta('og:description'), 'og:description');
    assert.ok(meta('og:image:alt').startsWith(meta('og:title').slice(0, 10)), 'the alt text starts with the headline');
    images.push(path);
  }
  assert.notEqual(images[0], images[1], 'each language has its own card');
});

// Served compressed, as scripts/serve serves dist/: the wasm and scripts in brotli or gzip when
// the browser accepts them (the bytes the same once decoded), data files compressed on the fly
// and never from a stale twin, hashed assets cached for a year, pages revalidated.
test('dist/ is served compressed, with long caching only for hashed assets', async () => {
  const { serve } = await import('../../scripts/static-server.mjs');
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  const { readdir, stat, utimes } = await import('node:fs/promises');
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  const server = await serve(dist);
  try {
    const wasm = (await readdir(`${dist}assets`)).find((f) => /^breach_explainer_bg\..*\.wasm$/.test(f));
    const plain = await readFile(`${dist}assets/${wasm}`);
    const get = (path, encoding) => fetch(`${server.url}${path}`, { headers: { 'accept-encoding': encoding } });
    const br = await get(`assets/${wasm}`, 'br, gzip');
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.match(br.headers.get('cache-control'), /max-age=31536000, immutable/);
    // fetch() decodes what the server encoded: the same bytes as the file.
    assert.ok(Buffer.from(await br.arrayBuffer()).equals(plain));
    const brBytes = await readFile(`${dist}assets/${wasm}.br`);
    assert.ok(brotliDecompressSync(brBytes).equals(plain) && brBytes.length < plain.length / 2, 'the twin is the file, compressed');
    const gz = await get(`assets/${wasm}`, 'gzip');
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.ok(gunzipSync(await readFile(`${dist}assets/${wasm}.gz`)).equals(plain));
    const none = await get(`assets/${wasm}`, 'identity');
    assert.equal(none.headers.get('content-encoding'), null);
    const page = await get('index.html', 'br');
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    const data = await get('data/coupang-2025.json', 'gzip');
    assert.equal(data.headers.get('content-encoding'), 'gzip');
    assert.equal((await data.json()).format, 'breach-explainer/1');
    // A page edited after the build is served as edited, not from its older twin.
    const { atime, mtime } = await stat(`${dist}embed.html`);
    const later = new Date(Date.now() + 60_000);
    await utimes(`${dist}embed.html`, later, later);
    const edited = await get('embed.html', 'br');
    await utimes(`${dist}embed.html`, atime, mtime);
    assert.equal(edited.headers.get('content-encoding'), null);
  } finally {
    await server.close();
  }
});
