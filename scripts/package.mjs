// Builds dist/, the site to deploy: the shell pages (English and Korean) and the iframe page
// with the static version of the explainer inside them, the stable entry points embed.js and
// explainer.js, and every other asset under assets/ with a content hash in its name, so a CDN
// can cache it for a year. Needs www/pkg/ (wasm-bindgen) and target/static/<dataset>-<lang>.html
// (the native `html` command); scripts/build runs all three. BX_DATA names the dataset the
// site is built around (its shell pages, embed.html, the wasm's default).
//
// The JavaScript is bundled by esbuild: ES modules, split into the entry points and the chunks
// they share, minified, every file named by its hash; its metafile says which file is which,
// and what each loads, for the stable entry points, the pages and the size report.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const www = join(root, 'www');
const dist = join(root, 'dist');
const assets = join(dist, 'assets');
await rm(dist, { recursive: true, force: true });
await mkdir(assets, { recursive: true });
await mkdir(join(dist, 'data'), { recursive: true });

/** Writes `content` as assets/<name>.<hash><ext> and returns that file name (for files esbuild
 * does not build: the social image). */
async function asset(name, content) {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 10);
  const ext = extname(name);
  const file = `${basename(name, ext)}.${hash}${ext}`;
  await writeFile(join(assets, file), content);
  return file;
}

const replaceAll = (text, pairs) => pairs.reduce((t, [from, to]) => t.split(from).join(to), text);
/** An output's name under assets/, from its path in a metafile (relative to the root). */
const named = (path) => relative(assets, join(root, path));
/** The metafile output whose entry point is www/<entry>. */
const outputOf = (meta, entry) => named(Object.entries(meta.outputs).find(([, o]) => o.entryPoint === `www/${entry}`)[0]);
const common = { absWorkingDir: root, outdir: assets, entryNames: '[name].[hash]', chunkNames: 'chunk.[hash]', assetNames: '[name].[hash]',
  bundle: true, minify: true, metafile: true, target: 'es2022', logLevel: 'warning' };

// The stylesheets, minified and hashed.
const cssBuild = await build({ ...common, entryPoints: ['explainer.css', 'page.css', 'frame.css', 'editor.css'].map((f) => `www/${f}`) });
const css = Object.fromEntries(['explainer.css', 'page.css', 'frame.css', 'editor.css'].map((f) => [f, outputOf(cssBuild.metafile, f)]));
// The stylesheet as a module too, for the shadow root of the live explainer (no second request,
// and every bundler takes a plain module). Written to www/ (not tracked), so explainer.js runs
// from there, and bundled from there.
await writeFile(join(www, 'explainer-css.js'), `export default ${JSON.stringify((await readFile(join(assets, css['explainer.css']), 'utf8')).trim())};\n`);
// The default dataset, for mount() without data: a module naming its JSON file in the site's
// data/ (so a correction is an edit of that file, with no rebuild), loaded only when needed.
// '../data/' from www/ and from assets/ alike.
const defaultStem = basename(process.env.BX_DATA ?? join(root, 'data/coupang-2025.json'), '.json');
await writeFile(join(www, 'default-dataset.js'), `export default new URL('../data/${defaultStem}.json', import.meta.url);\n`);
// DOMPurify (MPL-2.0 or Apache-2.0), for the short embed code's static version published on
// another host: loaded only by an element that has one. www/ gets it (not tracked), so embed.js
// runs from there and the npm package takes it.
const purifyPackage = join(root, 'node_modules/dompurify');
const purifyCode = (await build({ entryPoints: [join(purifyPackage, 'dist/purify.es.mjs')], format: 'esm', minify: true, write: false, target: 'es2022' })).outputFiles[0].text;
await writeFile(join(www, 'purify.js'), `/*! DOMPurify ${JSON.parse(await readFile(join(purifyPackage, 'package.json'), 'utf8')).version} (MPL-2.0 OR Apache-2.0): https://github.com/cure53/DOMPurify */\n${purifyCode}`);
// fflate (MIT): the editor's sheets as one .zip, only its zip writer, loaded on that click; in
// www/ too (not tracked), so the editor runs from there.
const fflateVersion = JSON.parse(await readFile(join(root, 'node_modules/fflate/package.json'), 'utf8')).version;
await writeFile(join(www, 'zip.js'), `/*! fflate ${fflateVersion} (MIT): https://github.com/101arrowz/fflate */\n${(await build({
  stdin: { contents: "export { zipSync, strToU8 } from 'fflate';", resolveDir: root },
  bundle: true, format: 'esm', minify: true, write: false, target: 'es2022',
})).outputFiles[0].text}`);

/** URLs that www/'s modules make from their own (`new URL(…, import.meta.url)`), which esbuild
 * leaves as they are, made right for the file they end up in, under assets/: a .wasm becomes a
 * hashed asset (esbuild's file loader), explainer.css the hashed stylesheet, and ./static/ the
 * site's static/, one level up. */
const siteUrls = {
  name: 'site-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]www[\\/].*\.js$/ }, async ({ path }) => {
      const code = await readFile(path, 'utf8');
      if (!code.includes('import.meta.url')) return undefined;
      const files = [];
      const rewritten = code
        .replace(/new URL\((['"])([^'"]+\.(wasm|css))\1,\s*import\.meta\.url\)/g, (all, quote, rel, ext) => {
          if (ext === 'css') {
            if (!css[basename(rel)]) throw new Error(`${relative(root, path)}: no stylesheet ${rel} built`);
            return `new URL('./${css[basename(rel)]}', import.meta.url)`;
          }
          files.push(/^\.\.?\//.test(rel) ? rel : `./${rel}`);
          return `new URL(__bx_file${files.length - 1}, import.meta.url)`;
        })
        .replaceAll('new URL(`./static/', 'new URL(`../static/');
      return { contents: files.map((f, i) => `import __bx_file${i} from '${f}';\n`).join('') + rewritten, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

// The JavaScript: the reader's entry points (lang.js is a classic script with no imports) and
// the editor's, in one build, so the editor's preview shares the reader's explainer files.
const editor = existsSync(join(www, 'pkg-editor/breach_explainer_bg.wasm'));
const entries = ['embed.js', 'explainer.js', 'main.js', 'frame.js', 'lang.js', ...(editor ? ['editor.js'] : [])];
const { metafile: meta } = await build({ ...common, entryPoints: entries.map((f) => `www/${f}`), format: 'esm', splitting: true,
  loader: { '.wasm': 'file' }, plugins: [siteUrls], legalComments: 'inline' });
const js = Object.fromEntries(entries.map((f) => [f, outputOf(meta, f)]));
/** The files `file` (under assets/) loads: its static imports, and its dynamic ones too when
 * `dynamic`, each once, with theirs. */
function loads(file, dynamic = false, seen = new Set()) {
  for (const { path, kind } of meta.outputs[relative(root, join(assets, file))]?.imports ?? []) {
    const dep = named(path);
    if ((kind === 'import-statement' || (dynamic && kind === 'dynamic-import') || kind === 'file-loader') && !seen.has(dep)) {
      seen.add(dep);
      loads(dep, dynamic, seen);
    }
  }
  return [...seen];
}
const wasm = named(Object.entries(meta.outputs).find(([, o]) => o.inputs['www/pkg/breach_explainer_bg.wasm'])[0]);

// Stable names, for snippets newsrooms paste once: tiny modules that load the hashed ones.
// The same under /v<version>/, for a newsroom that wants an embed never to change under it.
const version = JSON.parse(await readFile(join(www, 'pkg/package.json'), 'utf8')).version;
// Each also names the hashed module's own imports, so the browser fetches them beside it rather
// than one round trip later (the same module instances: the same URLs).
const alongside = (up, file) => loads(file).filter((f) => f.endsWith('.js')).map((f) => `import '${up}assets/${f}';\n`).join('');
for (const [dir, up] of [['', './'], [`v${version}/`, '../']]) {
  await mkdir(join(dist, dir), { recursive: true });
  for (const name of ['embed.js', 'explainer.js']) {
    await writeFile(join(dist, dir, name), `${alongside(up, js[name])}export * from '${up}assets/${js[name]}';\n`);
  }
  await writeFile(join(dist, dir, 'explainer.css'), `@import url("${up}assets/${css['explainer.css']}");\n`);
}

const dataFile = process.env.BX_DATA ?? join(root, 'data/coupang-2025.json');
const stemOf = (file) => basename(file, '.json');
const languagesOf = async (file) => JSON.parse(await readFile(file, 'utf8')).languages ?? ['en'];
const dataset = { stem: stemOf(dataFile), languages: await languagesOf(dataFile) };
const NAMES = { en: 'English', ko: '한국어' };
const LANGUAGES = { en: 'Language', ko: '언어' };
const pageOf = (lang) => (lang === dataset.languages[0] ? 'index.html' : `${lang}.html`);
/** Links to the shell page in each language the dataset has (none when it has one). */
const langLinks = (lang) => dataset.languages.length < 2 ? '' :
  `<nav class="page-langs" aria-label="${LANGUAGES[lang]}">${dataset.languages
    .map((l) => `<a href="${pageOf(l)}" lang="${l}" hreflang="${l}">${NAMES[l]}</a>`).join(' · ')}</nav>`;

async function page(template, out, lang, extra, stem = dataset.stem) {
  const fallback = await readFile(join(root, 'target/static', `${stem}-${lang}.html`), 'utf8');
  const title = /<h2 class="bx-title">([^<]*)<\/h2>/.exec(fallback)?.[1] ?? 'Breach explainer';
  // The summary, already escaped in the static HTML, describes the page to search and social sites.
  const description = /<p class="bx-summary">([^<]*)<\/p>/.exec(fallback)?.[1] ?? title;
  const html = replaceAll(await readFile(join(www, template), 'utf8'), [
    ['{{lang}}', lang],
    ['{{title}}', title],
    ['{{description}}', description],
    ['{{langlinks}}', langLinks(lang)],
    // The page in each language, for lang.js (?lang=ko) and for search engines.
    ['{{alternates}}', dataset.languages.length < 2 ? '' : dataset.languages
      .map((l) => `<link rel="alternate" hreflang="${l}" href="${pageOf(l)}">`).join('\n  ')],
    ['src="lang.js"', `src="assets/${js['lang.js']}"`],
    ['href="explainer.css"', `href="assets/${css['explainer.css']}"`],
    ['href="page.css"', `href="assets/${css['page.css']}"`],
    ['href="frame.css"', `href="assets/${css['frame.css']}"`],
    ['src="main.js"', `src="assets/${js['main.js']}"`],
    // What main.js imports (intent.js, in the chunk esbuild made of it): preloaded, it comes
    // beside main.js, not after it.
    ['<link rel="modulepreload" href="intent.js">', loads(js['main.js']).map((f) => `<link rel="modulepreload" href="assets/${f}">`).join('\n  ')],
    ['src="frame.js"', `src="assets/${js['frame.js']}"`],
    ...extra,
    // Last, so nothing in the dataset's text is taken for a placeholder.
    ['{{fallback}}', fallback.trim()],
  ]);
  await writeFile(join(dist, out), html);
  return html;
}
// The social image scripts/build drew per language (none when it found no font), hashed into
// assets/, for the shell page's og:image. Crawlers want an absolute URL, which only the deployer
// knows: BX_SITE_URL (the URL dist/ is served at) makes it absolute; without it the URL is
// relative to the page, which some crawlers do not follow.
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/{/g, '&#123;');
async function socialMeta(lang) {
  const png = join(root, 'target/static', `${dataset.stem}-${lang}.png`);
  const bytes = await readFile(png).catch(() => null);
  if (!bytes) return '';
  const file = await asset(basename(png), bytes);
  const site = process.env.BX_SITE_URL;
  const url = site ? new URL(`assets/${file}`, site.endsWith('/') ? site : `${site}/`).href : `assets/${file}`;
  const alt = (await readFile(`${png}.txt`, 'utf8')).trim();
  return [['property', 'og:image', url], ['property', 'og:image:type', 'image/png'],
    ['property', 'og:image:width', bytes.readUInt32BE(16)], ['property', 'og:image:height', bytes.readUInt32BE(20)],
    ['property', 'og:image:alt', alt], ['name', 'twitter:card', 'summary_large_image']]
    .map(([k, name, value]) => `<meta ${k}="${name}" content="${attr(String(value))}">`).join('\n  ');
}
for (const lang of dataset.languages) await page('index.html', pageOf(lang), lang, [['{{social}}', await socialMeta(lang)]]);
await page('embed.html', 'embed.html', dataset.languages[0], [['{{data}}', '']]);
// The default dataset's static version as the script embed shows it (compact), per language:
// what embed.js puts in an empty element while the reader reads, before they reach for it.
await mkdir(join(dist, 'static'), { recursive: true });
for (const lang of dataset.languages) {
  await copyFile(join(root, 'target/static', `${dataset.stem}-${lang}-compact.html`), join(dist, 'static', `default-${lang}.html`));
}
// Every dataset in data/ (and the chosen one): its file, and an iframe page whose static
// version is that dataset's, so embed-<name>.html shows the right story even without
// JavaScript (embed.html?data=<url> can only show its own until the wasm runs).
const files = [dataFile, ...(await readdir(join(root, 'data'))).map((f) => join(root, 'data', f))]
  .filter((f, i, all) => f.endsWith('.json') && all.findIndex((g) => basename(g) === basename(f)) === i);
for (const file of files) {
  await copyFile(file, join(dist, 'data', basename(file)));
  const lang = (await languagesOf(file))[0];
  await page('embed.html', `embed-${stemOf(file)}.html`, lang, [['{{data}}', `data/${basename(file)}`]], stemOf(file));
}
// The dataset format's JSON Schema, where the data files' "$schema": "../schema/…" finds it.
await mkdir(join(dist, 'schema'), { recursive: true });
for (const f of (await readdir(join(root, 'schema'))).filter((f) => f.endsWith('.json'))) {
  await copyFile(join(root, 'schema', f), join(dist, 'schema', f));
}

// The dataset editor (editor.html): its own page, script (bundled above, sharing the reader's
// explainer files for its preview) and styles, and the editor's build of the wasm (the sheets
// and a structured check), loaded only there. The template it starts from is `breach-explainer new`'s.
if (editor) {
  await writeFile(join(dist, 'editor.html'), replaceAll(await readFile(join(www, 'editor.html'), 'utf8'), [
    ['href="editor.css"', `href="assets/${css['editor.css']}"`],
    ['src="editor.js"', `src="assets/${js['editor.js']}"`],
  ]));
  const template = join(root, 'target/static/template.json');
  if (existsSync(template)) await copyFile(template, join(dist, 'data/template.json'));
  // @newswire/frames (MIT, 2 KB) for the iframe embed code, served from this site so an
  // article that pastes it makes no request to a third party's CDN.
  const frames = join(root, 'node_modules/@newswire/frames/dist/frames.module.js');
  if (existsSync(frames)) {
    const version = JSON.parse(await readFile(join(root, 'node_modules/@newswire/frames/package.json'), 'utf8')).version;
    await writeFile(join(dist, 'frames.js'), `/*! @newswire/frames ${version} (MIT): https://github.com/rdmurphy/frames */\n${await readFile(frames, 'utf8')}`);
  }
}

// What a reader of the shell page downloads, compressed as a CDN would: before they reach for
// the explainer (the page with the static version, its styles and scripts), and in all, once
// the live explainer has loaded (its script, the wasm, the dataset).
const first = ['index.html', `assets/${css['explainer.css']}`, `assets/${css['page.css']}`, `assets/${js['main.js']}`, ...loads(js['main.js']).map((f) => `assets/${f}`)];
const loaded = [...new Set([...first.slice(1), ...loads(js['main.js'], true).map((f) => `assets/${f}`), `assets/${wasm}`, `data/${defaultStem}.json`])];
const gzipped = async (files) => {
  let sum = 0;
  for (const file of files) sum += gzipSync(await readFile(join(dist, file)), { level: 9 }).length;
  return sum;
};
const total = await gzipped(loaded);
const html = await gzipped(['index.html']);
const beforeActing = await gzipped(first);
console.log(`dist/ built: index.html ${html} B gzip (with the static version inside); assets it loads ${total} B gzip; before the reader acts ${beforeActing} B gzip (the page and its styles and scripts)`);

// Precompressed twins (.br, .gz) of every page, script, stylesheet and wasm, for servers that
// serve them as they are (scripts/serve's, nginx's gzip_static/brotli_static, most CDNs). Not
// data/: a data file is corrected in place, and a stale twin would serve the old facts.
let brotli = 0;
async function precompress(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['data', 'npm'].includes(entry.name)) await precompress(path);
    } else if (/\.(html|js|css|wasm|svg)$/.test(entry.name)) {
      const bytes = await readFile(path);
      const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
      await writeFile(`${path}.br`, br);
      await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      if (loaded.includes(relative(dist, path))) brotli += br.length;
    }
  }
}
await precompress(dist);
console.log(`precompressed: what the shell loads is ${brotli} B brotli (+ the data file, compressed on the fly)`);
// The numbers scripts/budget.mjs holds against size-budget.json.
await mkdir(join(root, 'target'), { recursive: true });
await writeFile(join(root, 'target/sizes.json'), `${JSON.stringify({
  'reader wasm, gzip': gzipSync(await readFile(join(dist, 'assets', wasm)), { level: 9 }).length,
  'before the reader acts, gzip': beforeActing,
  'what the shell loads, gzip': total,
  'what the shell loads, brotli': brotli,
}, null, 2)}\n`);

// The npm package, dist/npm (scripts/npm-package.mjs).
const { npmPackage } = await import('./npm-package.mjs');
const pkg = await npmPackage({ root });
console.log(`npm package: dist/npm (${pkg.name}@${pkg.version})`);
