// Benchmark (not a test): how the live explainer grows with the number of events, in headless
// Chromium. For generated datasets of 10², 10³, 10⁴ and 10⁵ events at 320 and 1280 px: the time
// from mount() to the drawn explainer, a re-layout of the timeline (a view switch: layout, paint
// and the listbox's options), the elements inside the shadow root (closed, then with the event
// list opened) and the bytes of the timeline's SVG. Prints a growth table; asserts nothing.
//
//   node bench/scale.mjs          (after scripts/build)
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/static-server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const SIZES = (process.env.BX_BENCH_SIZES ?? '100,1000,10000,100000').split(',').map(Number);
const WIDTHS = [320, 1280];
// A case slower than this is reported as such (and the page is dropped), never waited on.
const CASE_TIMEOUT_MS = 120_000;

// /scale.html: an empty page beside dist/'s files, so that only the explainer measured is on it
// (the shell page has one of its own, loaded when the reader reaches for it).
const blank = '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">'
  + '<style>body { margin: 0 }</style></head><body></body></html>';
const server = await serve(fileURLToPath(new URL('../dist/', import.meta.url)), {
  pages: { '/scale.html': async () => [blank, 'text/html; charset=utf-8'] },
});
const browser = await launch();

/** Runs in the page: mounts a generated dataset of `n` events at `width` px and measures. */
async function measure({ n, width }) {
  const { mount } = await import('./explainer.js');
  // The same dataset as bench/native.rs: events spread over 540 days, five lanes.
  const lanes = ['breach', 'company', 'government', 'police-courts', 'context'];
  const iso = (day) => new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10);
  const events = [];
  for (let i = 0; i < n; i++) {
    events.push({
      id: `e${i}`, date: iso(1 + ((i * 7919) % 540)), lane: lanes[i % lanes.length],
      title: { en: `Event number ${i} of the story` }, detail: { en: 'd' }, confidence: 'high', sources: ['s'],
    });
  }
  const data = {
    format: 'breach-explainer/1', id: 'bench', languages: ['en'],
    timezone: { offset: '+09:00', label: { en: 'KST' } },
    breach: { organisation: { en: 'Org' }, country: 'KR', title: { en: 'T' }, summary: { en: 'S' } },
    sources: [{ id: 's', publisher: 'P', title: 'T', url: 'https://example.com/' }],
    exposure: { preferred: 'c', claims: [{ id: 'c', by: { en: 'Org' }, start: '2025-01-01', end: '2026-06-30', sources: ['s'] }] },
    events,
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const runs = n >= 10_000 ? 3 : 7;
  const mounts = [];
  const relayouts = [];
  let nodes = 0;
  let nodesOpen = 0;
  let svgBytes = 0;
  let options = 0;
  for (let r = 0; r < runs; r++) {
    const host = document.createElement('div');
    host.style.width = `${width}px`;
    document.body.append(host);
    let t = performance.now();
    const handle = await mount(host, { data, lang: 'en' });
    mounts.push(performance.now() - t);
    const root = host.shadowRoot;
    for (const view of ['story', 'window', 'story']) {
      t = performance.now();
      root.querySelector(`[data-view=${view}]`).click();
      relayouts.push(performance.now() - t);
    }
    nodes = root.querySelectorAll('*').length;
    svgBytes = root.querySelector('[data-chart=timeline] [data-bx=svg]').innerHTML.length;
    options = root.querySelectorAll('[data-chart=timeline] [role=option]').length;
    // The reader opens "All events as a list" (a toggle event builds what is built on open).
    // (A long list is built on first open: its <details> is marked data-lazy until then.)
    const list = [...root.querySelectorAll('details')].find((d) => d.matches('[data-lazy]') || d.querySelector('.bx-events'));
    if (list) {
      const toggled = new Promise((resolve) => list.addEventListener('toggle', resolve, { once: true }));
      list.open = true;
      await toggled;
    }
    nodesOpen = root.querySelectorAll('*').length;
    handle.destroy();
    host.remove();
  }
  return { mount: median(mounts), relayout: median(relayouts), nodes, nodesOpen, svgBytes, options };
}

const rows = [];
for (const n of SIZES) {
  for (const width of WIDTHS) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}scale.html`);
    const timeout = new Promise((resolve) => setTimeout(() => resolve(null), CASE_TIMEOUT_MS));
    const result = await Promise.race([page.evaluate(measure, { n, width }).catch((e) => ({ error: e.message })), timeout]);
    rows.push({ n, width, result });
    await page.close().catch(() => {});
  }
}

const num = (x, digits = 1) => x.toFixed(digits).padStart(9);
console.log('browser (Chromium), the live explainer with generated events (median of runs):');
console.log('   events  width   mount ms  relayout ms   SVG KB  options  elements  list open');
for (const { n, width, result } of rows) {
  const head = `${String(n).padStart(9)} ${String(width).padStart(5)} px`;
  if (!result) console.log(`${head}  slower than ${CASE_TIMEOUT_MS / 1000} s: not measured`);
  else if (result.error) console.log(`${head}  failed: ${result.error.split('\n')[0]}`);
  else {
    console.log(`${head} ${num(result.mount)} ${num(result.relayout, 2).padStart(12)} ${num(result.svgBytes / 1024).padStart(8)} ${String(result.options).padStart(8)} ${String(result.nodes).padStart(9)} ${String(result.nodesOpen).padStart(10)}`);
  }
}
await browser.close();
await server.close();
