// Benchmark (not a test: it prints numbers and never fails on them): the Coupang story built
// with each peer library and with ours, loaded side by side in headless Chromium.
//
//   node bench/peers.mjs [--runs N]     # 7 rounds by default
//
// The peers are installed from npm at bench time, pinned by bench/package.json and
// bench/package-lock.json, into target/bench-peers/npm/ (again only when the lock changes).
// Their pages (bench/peers/*.html, with bench/peers/story.js inlined as the page's own code)
// and our two pages (dist/index.html as the build makes it, and bench/peers/mount.html beside
// dist/'s files) are written into target/bench-peers/site/ and served by one
// scripts/static-server.mjs, every page, script and stylesheet precompressed the way
// scripts/package.mjs precompresses dist/, so every page is served compressed alike.
//
// Each round loads every page once, in an order rotated each round, each in a fresh browser
// context (no cache shared between loads) at 1280×900. Printed: medians, as a markdown table,
// also written to target/bench-peers/peers.md with peers.png (drawn by the crate:
// bench/chart.rs); with --docs to docs/bench/, for the README. See docs/bench.md.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { serve } from '../scripts/static-server.mjs';
import { launch, watchErrors } from '../tests/e2e/browser.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const out = join(repo, 'target/bench-peers');
const site = join(out, 'site');
const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 7;
if (!(RUNS >= 1)) throw new Error('--runs needs a number ≥ 1');
const started = Date.now();

/** What the pages are: the peers, then ours. `intent`: also time intent → live. */
const PAGES = [
  { id: 'floor', label: 'No library (floor)', path: 'floor.html' },
  { id: 'chartjs', label: 'Chart.js (charts)', path: 'chartjs.html' },
  { id: 'plot', label: 'Observable Plot + d3 (charts)', path: 'plot.html' },
  { id: 'vega', label: 'Vega-Lite + vega + vega-embed (charts)', path: 'vega.html' },
  { id: 'timelinejs', label: 'TimelineJS (timeline)', path: 'timelinejs.html' },
  { id: 'newsroom', label: 'TimelineJS + Chart.js', path: 'newsroom.html' },
  { id: 'shell', label: 'Ours: shell page (dist/index.html)', path: 'ours/index.html', ours: true, intent: true },
  { id: 'embed', label: 'Ours: script embed (README)', path: 'ours/script-embed.html', ours: true, intent: true },
  { id: 'mount', label: 'Ours: mount() in an empty page', path: 'ours/mount.html', ours: true },
];
/** Our pages in bench/peers/, served beside dist/'s files. */
const OURS = ['mount.html', 'script-embed.html'];
/** The files each peer page loads, from the installed packages (the builds a CDN serves). */
const LIBS = {
  'lib/chart.umd.min.js': 'chart.js/dist/chart.umd.min.js',
  'lib/d3.min.js': 'd3/dist/d3.min.js',
  'lib/plot.umd.min.js': '@observablehq/plot/dist/plot.umd.min.js',
  'lib/vega.min.js': 'vega/build/vega.min.js',
  'lib/vega-lite.min.js': 'vega-lite/build/vega-lite.min.js',
  'lib/vega-embed.min.js': 'vega-embed/build/vega-embed.min.js',
  'lib/timelinejs/js/timeline.js': '@knight-lab/timelinejs/dist/js/timeline.js',
  'lib/timelinejs/css': '@knight-lab/timelinejs/dist/css',
};
const PEERS = ['chart.js', '@observablehq/plot', 'd3', '@knight-lab/timelinejs', 'vega', 'vega-lite', 'vega-embed'];

// --- the peers, from npm --------------------------------------------------------------------
function install() {
  const dir = join(out, 'npm');
  const lock = readFileSync(join(repo, 'bench/package-lock.json'));
  const stamp = join(dir, '.lock-sha256');
  const hash = createHash('sha256').update(lock).update(readFileSync(join(repo, 'bench/package.json'))).digest('hex');
  if (existsSync(join(dir, 'node_modules')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return dir;
  console.log('peers: installing from npm (bench/package-lock.json) into target/bench-peers/npm/');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(repo, 'bench/package.json'), join(dir, 'package.json'));
  cpSync(join(repo, 'bench/package-lock.json'), join(dir, 'package-lock.json'));
  // --ignore-scripts: only their browser builds are used; --loglevel=error: vega-lite asks for
  // Node 22 to run in Node, which the bench never does.
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  writeFileSync(stamp, hash);
  return dir;
}

// --- the site ---------------------------------------------------------------------------------
/** Precompressed twins, as scripts/package.mjs makes dist/'s (brotli 11, gzip 9). */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) precompress(path);
    // As dist/'s, plus TimelineJS's icon fonts, which a CDN would compress too.
    else if (/\.(html|js|css|wasm|svg|ttf|eot)$/.test(entry.name)) twins(path);
  }
}

function twins(path) {
  const bytes = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
}

function buildSite(npm) {
  const dist = join(repo, 'dist');
  for (const f of ['index.html', 'explainer.js']) {
    if (!existsSync(join(dist, f))) {
      console.error(`peers: no dist/${f}: run scripts/build first`);
      process.exit(1);
    }
  }
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'data'), { recursive: true });
  for (const [to, from] of Object.entries(LIBS)) {
    mkdirSync(dirname(join(site, to)), { recursive: true });
    cpSync(join(npm, 'node_modules', from), join(site, to), { recursive: true, filter: (src) => !src.endsWith('.map') });
  }
  // The same dataset file the explainer reads (the static server gzips JSON on the fly).
  cpSync(join(dist, 'data/coupang-2025.json'), join(site, 'data/coupang-2025.json'));
  const story = readFileSync(join(repo, 'bench/peers/story.js'), 'utf8');
  for (const page of readdirSync(join(repo, 'bench/peers')).filter((f) => f.endsWith('.html') && !OURS.includes(f))) {
    const html = readFileSync(join(repo, 'bench/peers', page), 'utf8');
    writeFileSync(join(site, page), html.replace('<script src="story.js"></script>', () => `<script>\n${story}</script>`));
  }
  precompress(site);
  // Ours: dist/ as the build made it (its files linked, twins included), and the mount page
  // beside them, so both load exactly what an article would.
  mkdirSync(join(site, 'ours'));
  for (const entry of readdirSync(dist)) symlinkSync(join(dist, entry), join(site, 'ours', entry));
  for (const page of OURS) {
    cpSync(join(repo, 'bench/peers', page), join(site, 'ours', page));
    twins(join(site, 'ours', page));
  }
}

// --- one page load ----------------------------------------------------------------------------
// Before any of the page's scripts: long tasks from the start (buffered too), and the moment a
// pointer first comes over #explainer (the reader's intent).
const INIT = `(() => {
  const bench = (window.__bench = { longtasks: [] });
  try {
    bench.observer = new PerformanceObserver((list) => bench.longtasks.push(...list.getEntries()));
    bench.observer.observe({ type: 'longtask', buffered: true });
  } catch {}
  addEventListener('pointerover', (e) => {
    if (bench.intent === undefined && e.composedPath().some((n) => n.id === 'explainer')) bench.intent = performance.now();
  }, true);
})();`;

/** In the page: what it has loaded so far (navigation + resources: bytes on the wire, headers
 * included, and requests). */
function loaded() {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return { bytes: entries.reduce((s, e) => s + (e.transferSize || e.encodedBodySize || 0), 0), requests: entries.length };
}

/** In the page, right after `rendered`: the marks, paint, long tasks before it, what was loaded,
 * and the elements in the document, those in open shadow roots included. */
function collect() {
  const bench = window.__bench;
  const rendered = performance.getEntriesByName('rendered')[0].startTime;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  const tasks = [...bench.longtasks, ...(bench.observer?.takeRecords() ?? [])].filter((t) => t.startTime < rendered);
  const count = (root) => {
    let n = 0;
    for (const el of root.querySelectorAll('*')) {
      n += 1;
      if (el.shadowRoot) n += count(el.shadowRoot);
    }
    return n;
  };
  return {
    rendered,
    fcp,
    longtasks: tasks.length,
    longtaskMs: tasks.reduce((s, t) => s + t.duration, 0),
    nodes: count(document),
    live: performance.getEntriesByName('live')[0]?.startTime ?? null,
  };
}

let liveMissing = false;

async function load(browser, base, page) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(INIT);
    const tab = await context.newPage();
    const errors = watchErrors(tab);
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    await tab.goto(base + page.path, { waitUntil: 'commit' });
    try {
      await tab.waitForFunction(() => performance.getEntriesByName('rendered').length > 0, null, { timeout: 20_000, polling: 50 });
    } catch {
      return { error: `no "rendered" mark within 20 s${errors.length ? `: ${errors[0]}` : ''}` };
    }
    const result = { ...(await tab.evaluate(collect)), ...(await tab.evaluate(loaded)) };
    // The live JS heap: after a collection, so garbage from start-up does not count. (Not the
    // wasm's linear memory, which lives outside the JS heap.)
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    result.heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
    if (page.intent) Object.assign(result, await intent(tab));
    result.errors = errors;
    return result;
  } finally {
    await context.close();
  }
}

/** Ours, shell page: a real hover over the explainer, then the time from the pointer's arrival
 * (the page's own pointerover) to the `live` mark (the live explainer's first painted frame),
 * and what was loaded before and after. Without a `live` mark in 10 s, n/a (later rounds then
 * wait 1 s, only for the bytes). A `live` mark before the hover: 0 (it did not wait for intent). */
async function intent(tab) {
  const before = await tab.evaluate(loaded);
  let live = null;
  let intentAt = null;
  try {
    await tab.hover('#explainer', { timeout: 5_000 });
    const handle = await tab.waitForFunction(() => performance.getEntriesByName('live')[0]?.startTime, null, { timeout: liveMissing ? 1_000 : 10_000, polling: 20 });
    live = await handle.jsonValue();
  } catch {
    liveMissing = true;
  }
  intentAt = await tab.evaluate(() => window.__bench.intent ?? null);
  const after = await tab.evaluate(loaded);
  const toLive = live === null ? null : intentAt === null || live < intentAt ? 0 : live - intentAt;
  return { toLive, bytesBefore: before.bytes, bytesAfter: after.bytes, requestsAfter: after.requests };
}

// --- the run ----------------------------------------------------------------------------------
const npm = install();
buildSite(npm);
const versions = Object.fromEntries(PEERS.map((p) => [p, JSON.parse(readFileSync(join(npm, 'node_modules', p, 'package.json'), 'utf8')).version]));
const server = await serve(site);
const browser = await launch();
const chromiumVersion = browser.version();
const results = Object.fromEntries(PAGES.map((p) => [p.id, []]));
const failures = Object.fromEntries(PAGES.map((p) => [p.id, []]));
const seenErrors = new Set();
console.log(`peers: ${PAGES.length} pages × ${RUNS} rounds, Chromium ${chromiumVersion}, 1280×900`);
for (let round = 0; round < RUNS; round++) {
  const order = PAGES.map((_, i) => PAGES[(i + round) % PAGES.length]);
  for (const page of order) {
    // A page that did not render twice is not tried again (each try waits 20 s).
    if (failures[page.id].length >= 2) continue;
    const r = await load(browser, server.url, page);
    if (r.error) failures[page.id].push(r.error);
    else results[page.id].push(r);
    for (const e of r.errors ?? []) {
      if (!seenErrors.has(`${page.id} ${e}`)) console.log(`  ${page.id}: ${e}`);
      seenErrors.add(`${page.id} ${e}`);
    }
  }
  process.stdout.write(`  round ${round + 1}/${RUNS} done (${Math.round((Date.now() - started) / 1000)} s)\n`);
}
await browser.close();
await server.close();

// --- the numbers ------------------------------------------------------------------------------
const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const med = (id, key) => median(results[id].map((r) => r[key]));
const floor = med('floor', 'rendered');
const ms = (v) => (v === null ? 'n/a' : v.toFixed(0));
const kb = (v) => (v === null ? 'n/a' : (v / 1024).toFixed(1));
const rows = PAGES.map((p) => {
  const n = results[p.id].length;
  if (n === 0) return `| ${p.label} | failed: ${failures[p.id][0] ?? 'no result'} | | | | | | | | |`;
  const rendered = med(p.id, 'rendered');
  const toLive = p.intent ? ms(med(p.id, 'toLive')) : '—';
  const label = `${p.label}${n < RUNS ? ` (${n} of ${RUNS} loads)` : ''}`;
  return `| ${label} | ${ms(rendered)} | ${floor ? (rendered / floor).toFixed(1) : 'n/a'}× | ${ms(med(p.id, 'fcp'))} | ${med(p.id, 'longtasks')} / ${ms(med(p.id, 'longtaskMs'))} | ${kb(med(p.id, 'bytes'))} | ${med(p.id, 'requests')} | ${(med(p.id, 'heap') / 1048576).toFixed(1)} | ${med(p.id, 'nodes')} | ${toLive} |`;
});
const table = [
  '| Page | Navigation → rendered (ms) | × floor | FCP (ms) | Long tasks before rendered (n / ms) | Transferred (KB) | Requests | JS heap (MB) | DOM elements | Intent → live (ms) |',
  '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ...rows,
].join('\n');
/** For each of our pages that waits for intent: what loaded before the hover and after it. */
const intentLine = (p) => {
  const rs = results[p.id];
  if (!rs.length) return '';
  const lives = rs.filter((r) => r.toLive !== null).length;
  return `${p.label}: loaded before the hover ${kb(median(rs.map((r) => r.bytesBefore)))} KB (${median(rs.map((r) => r.requests))} requests), `
    + `after it ${kb(median(rs.map((r) => r.bytesAfter)))} KB (${median(rs.map((r) => r.requestsAfter))} requests); intent → live `
    + (lives === 0 ? 'n/a (no `live` mark within 10 s of the hover).'
      : `${ms(median(rs.map((r) => r.toLive)))} ms${lives < rs.length ? ` (a \`live\` mark in ${lives} of ${rs.length} loads)` : ''}.`);
};
const shellLine = PAGES.filter((p) => p.intent).map(intentLine).filter(Boolean).join('\n\n');
const elapsed = Math.round((Date.now() - started) / 1000);
console.log();
console.log(table);
console.log();
console.log(shellLine);
console.log(`(medians of ${RUNS} rounds; ${elapsed} s)`);

// --- docs/bench/ (with --docs; else target/bench-peers/, so a test run leaves the tree clean) --
const docs = args.includes('--docs') ? join(repo, 'docs/bench') : out;
mkdirSync(docs, { recursive: true });
const chartInput = join(out, 'rendered.json');
writeFileSync(chartInput, JSON.stringify(PAGES.filter((p) => results[p.id].length).map((p) => ({
  label: p.label, value: med(p.id, 'rendered'), unit: 'ms', highlight: Boolean(p.ours),
}))));
let alt = 'Navigation to rendered, median per page';
try {
  alt = execFileSync('cargo', ['run', '-q', '--release', '--example', 'bench_chart', '--', chartInput, join(docs, 'peers.png'), '--title', `Navigation → rendered, median of ${RUNS} (ms, lower is faster)`], {
    cwd: repo, encoding: 'utf8', env: { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` }, stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
} catch (e) {
  console.error(`peers: the chart was not drawn (bench/chart.rs): ${e.message}`);
  process.exitCode = 1;
}
const cpu = cpus();
const md = `# Peer benchmark

Measured ${new Date().toISOString().slice(0, 10)} by \`node bench/peers.mjs\` (see [../bench.md](../bench.md)):
the Coupang story (data/coupang-2025.json) with each peer and with ours, medians of ${RUNS}
rounds, pages interleaved (order rotated each round), a fresh browser context per load,
headless Chromium at 1280×900, served compressed from 127.0.0.1 by scripts/static-server.mjs.

Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB of memory, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end.
Chromium ${chromiumVersion}, Node ${process.version}. The run took ${elapsed} s. On a busy shared
machine the numbers move from run to run: compare the pages of one run with each other.

${table}

${shellLine}

![${alt.replace(/[[\]]/g, '')}](peers.png)

What each column is:

- **Navigation → rendered**: the \`rendered\` performance mark, set after the first painted frame
  of the real content (requestAnimationFrame, then a task): by each peer page's own code, and by
  the explainer itself on ours (www/explainer.js).
- **FCP**: first contentful paint (what the reader sees first: a heading, a notice, or on our
  shell page the static version).
- **Long tasks**: tasks over 50 ms that started before \`rendered\` (count / total ms).
- **Transferred**: navigation and every resource until \`rendered\` (transferSize: compressed
  bodies with their headers), and the number of requests.
- **JS heap**: \`JSHeapUsedSize\` (CDP) after a garbage collection, at \`rendered\`; the wasm's linear
  memory is not in it.
- **DOM elements**: every element of the document, those inside open shadow roots included.
- **Intent → live** (ours, shell page): from the pointer arriving over \`#explainer\` (a real hover) to
  the \`live\` mark; n/a when no \`live\` mark appears within 10 s.

Versions (pinned in bench/package-lock.json): ${Object.entries(versions).map(([p, v]) => `${p} ${v}`).join(', ')};
the explainer as built in dist/ at the time.

Pages: bench/peers/*.html (each fetches the same dataset file and builds what its libraries
draw: Chart.js, Plot and Vega-Lite the revised-count chart and the comparison chart, TimelineJS the
events with the exposure window as an era; both on the TimelineJS + Chart.js page). Chart.js has
its animation off (its first frame is then the whole chart); TimelineJS loads no web fonts
(its default is PT Sans and PT Serif from fonts.gstatic.com; the benchmark stays on one origin).
Ours shows more: the shell page every part of the explainer (timeline, four charts, tables,
sources), the mount() page the headline, the timeline and the revised count with the rest folded.
`;
writeFileSync(join(docs, 'peers.md'), md);
console.log(`wrote ${relative(repo, join(docs, 'peers.md'))} and ${relative(repo, join(docs, 'peers.png'))}`);
