// The shell page shows the static version first and loads the live explainer only when the
// reader reaches for it (www/intent.js), in Chromium: what loads before that, and that the
// swap keeps the reader's place and focus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors, reachFor } from './browser.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const budget = JSON.parse(await readFile(here('../../size-budget.json'), 'utf8')).history.at(-1)['before the reader acts, gzip'];
let server, browser;
// A newsroom's article with the script embed and the static version pasted inside its element
// (what `breach-explainer html data/coupang-2025.json` prints; the build keeps it in target/static/).
const article = async () => [`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head><body>
  <p>An article paragraph.</p>
  <div id="embed" data-breach-explainer data-src="data/coupang-2025.json">${await readFile(here('../../target/static/coupang-2025-en.html'), 'utf8')}</div>
  <p>More of the article.</p>
  <script type="module" src="embed.js"></script></body></html>`, 'text/html; charset=utf-8'];
// The README's first script embed: an empty element for the site's default dataset.
const plain = async () => [`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head><body>
  <p>An article paragraph.</p>
  <div id="embed" data-breach-explainer data-lang="ko"></div>
  <p>More of the article.</p>
  <script type="module" src="embed.js"></script></body></html>`, 'text/html; charset=utf-8'];
// The README's empty element, ten screens down an article.
const far = async () => [`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Article</title></head><body>
  <p style="height: 8000px">A long article.</p>
  <div id="embed" data-breach-explainer></div>
  <script type="module" src="embed.js"></script></body></html>`, 'text/html; charset=utf-8'];
// The same article when its data file is gone (404) or has a typo, and with an element named
// breachExplainer on the page (a comment form's field), which the browser puts on window.
const withData = (src, extra = '') => async () => [(await article())[0].replace('data-src="data/coupang-2025.json"', `data-src="${src}"`).replace('<p>An article paragraph.</p>', `<p>An article paragraph.</p>${extra}`), 'text/html; charset=utf-8'];
const typo = async () => [(await readFile(here('../../data/coupang-2025.json'), 'utf8')).replace('"events": [', '"events": [,'), 'application/json'];
before(async () => {
  server = await serve(here('../../dist/'), { pages: { '/article.html': article, '/plain.html': plain, '/far.html': far,
    '/gone.html': withData('data/no-such-file.json'), '/typo.html': withData('typo.json'), '/typo.json': typo,
    '/named.html': withData('data/coupang-2025.json', '<form><input id="breachExplainer" name="breachExplainer"></form>') } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** A reader who asked to save data (Save-Data): the live explainer only on their intent. */
const savesData = () => Object.defineProperty(navigator, 'connection', { value: { saveData: true } });

async function open(path, width = 1280, { saveData = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  if (saveData) await page.addInitScript(savesData);
  const errors = watchErrors(page);
  const requests = [];
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    requests.push({ url: request.url(), bytes: (sizes?.responseBodySize ?? 0) + (sizes?.responseHeadersSize ?? 0) });
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  return { page, context, errors, requests };
}

const live = '#explainer .bx:not([data-static])';

test('before the reader acts, the shell loads the page with the static version, its styles and two small scripts', { timeout: 60_000 }, async () => {
  const { page, context, errors, requests } = await open('index.html', 1280, { saveData: true });
  await page.waitForTimeout(500);
  assert.match(await page.textContent('#explainer .bx-title'), /Coupang/, 'the story is on screen');
  assert.equal(await page.locator('#explainer svg').count() >= 2, true, 'with its drawings');
  const names = requests.map((r) => new URL(r.url).pathname);
  assert.deepEqual(names.filter((n) => /\.wasm$|\/data\/|explainer\.[0-9A-Za-z]+\.js$/.test(n)), [], 'no wasm, dataset or explainer script yet');
  const bytes = requests.reduce((sum, r) => sum + r.bytes, 0);
  console.log(`# before the reader acts: ${requests.length} requests, ${bytes} B on the wire (budget ${budget} B)`);
  assert.ok(bytes <= budget + 4096, `${bytes} B on the wire (headers included) within the budget of ${budget} B`);
  assert.equal(await page.evaluate(() => performance.getEntriesByName('rendered', 'mark').length), 1, "the static version's frame is marked");
  assert.equal(await page.locator(live).count(), 0, 'still the static version');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reader who does not save data gets the live one when the page is idle, without touching it', { timeout: 60_000 }, async () => {
  const { page, context, errors, requests } = await open('index.html');
  await page.waitForSelector(live, { timeout: 20_000 });
  assert.ok(requests.some((r) => /\.wasm$/.test(r.url)), 'the wasm loaded');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an embed far below the screen loads nothing live until the reader scrolls near it', { timeout: 60_000 }, async () => {
  const { page, context, errors, requests } = await open('far.html', 375);
  await page.waitForTimeout(1500);
  assert.deepEqual(requests.map((r) => new URL(r.url).pathname).filter((n) => /\.wasm$|\/data\//.test(n)), [], 'nothing live while it is screens away');
  await page.evaluate(() => document.getElementById('embed').scrollIntoView());
  await page.waitForFunction(() => !!document.getElementById('embed').shadowRoot?.querySelector('.bx:not([data-static]) .bx-title'), null, { timeout: 20_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pointer over the explainer brings the live one, with the part the reader was reading where it was', { timeout: 60_000 }, async () => {
  const { page, context, errors, requests } = await open('index.html');
  // The reader has scrolled to the timeline's heading.
  const heading = page.locator('#explainer h3', { hasText: 'When it happened' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await heading.evaluate((h) => window.scrollBy(0, h.getBoundingClientRect().top - 120));
  const before = await heading.evaluate((h) => h.getBoundingClientRect().top);
  await page.mouse.move(640, 400);
  await page.waitForSelector(live);
  const after = await page.locator(live).locator('h3', { hasText: 'When it happened' }).evaluate((h) => h.getBoundingClientRect().top);
  assert.ok(Math.abs(after - before) <= 2, `the heading stayed at ${before} px from the top (now ${after})`);
  assert.ok(requests.some((r) => /\.wasm$/.test(r.url)), 'the wasm loaded on intent');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('live', 'mark').length), 1, 'the live frame is marked');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a keyboard reader who tabs into the static version keeps focus on the same control in the live one', { timeout: 60_000 }, async () => {
  const { page, context, errors } = await open('index.html');
  // Tab until focus is inside the explainer (past the page's language links).
  let inside = false;
  for (let i = 0; i < 6 && !inside; i++) {
    await page.keyboard.press('Tab');
    inside = await page.evaluate(() => document.getElementById('explainer').contains(document.activeElement));
  }
  assert.ok(inside, 'Tab reached the static version');
  const was = await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80));
  await page.waitForSelector(live);
  const now = await page.evaluate(() => {
    const a = document.activeElement;
    return { inLive: !!a.closest('.bx:not([data-static])'), tag: a.localName, text: a.textContent.trim().slice(0, 60) };
  });
  assert.ok(now.inLive, `focus moved into the live explainer (was on ${was}; now ${JSON.stringify(now)})`);
  assert.notEqual(now.tag, 'body');
  // And the keyboard goes on from there.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('#explainer')), 'the next Tab stays in the explainer');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link to one of its events opens the live explainer at once, on that event', { timeout: 60_000 }, async () => {
  const { page, context, errors } = await open('index.html#event=detected');
  await page.waitForSelector(live);
  await page.waitForSelector('[data-bx=detail]:not([hidden])');
  assert.match(await page.textContent('[data-bx=detail]'), /detect/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test('through reachFor(), the helper other tests use', { timeout: 60_000 }, async () => {
  const { page, context } = await open('ko.html', 375);
  await reachFor(page);
  assert.equal(await page.locator(live).count(), 1);
  await context.close();
});

test('the script embed with its static version pasted in loads the live one on intent, and can be taken away before', { timeout: 60_000 }, async () => {
  const { page, context, errors, requests } = await open('article.html', 800, { saveData: true });
  await page.waitForTimeout(300);
  assert.deepEqual(requests.map((r) => new URL(r.url).pathname).filter((n) => /\.wasm$|\/data\//.test(n)), [], 'nothing live before the reader acts');
  assert.match(await page.textContent('#embed .bx-title'), /Coupang/, 'the static version is the explainer meanwhile');
  await page.hover('#embed', { position: { x: 2, y: 2 } });
  await page.waitForFunction(() => !!document.getElementById('embed').shadowRoot?.querySelector('.bx:not([data-static]) .bx-title'));
  assert.ok(requests.some((r) => /\.wasm$/.test(r.url)), 'the wasm loaded on intent');
  // A second element, taken away by the host before the reader reached for it: no hang, no load.
  const unmounted = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.setAttribute('data-breach-explainer', '');
    el.innerHTML = document.getElementById('embed').innerHTML; // the static version again
    document.body.append(el);
    window.breachExplainer.mountAll();
    await window.breachExplainer.unmount(el);
    return !el.shadowRoot && !el.hasAttribute('data-breach-explainer-initialized');
  });
  assert.ok(unmounted, 'unmount() before intent returns, and nothing was drawn');
  assert.deepEqual(errors, []);
  await context.close();
});

test("the README's empty script embed shows the default dataset's static version in its language, and the live one on intent", { timeout: 60_000 }, async () => {
  const { page, context, errors, requests } = await open('plain.html', 375, { saveData: true });
  await page.waitForSelector('#embed .bx[data-static] .bx-title');
  assert.equal(await page.getAttribute('#embed .bx[data-static]', 'lang'), 'ko', 'in the language data-lang asks for');
  assert.match(await page.textContent('#embed .bx-title'), /쿠팡/);
  assert.equal(await page.locator('#embed details.bx-part').count() >= 3, true, 'folded as the embed folds it');
  const names = requests.map((r) => new URL(r.url).pathname);
  assert.deepEqual(names.filter((n) => /\.wasm$|\/data\/|explainer\.[0-9A-Za-z]+\.js$/.test(n)), [], 'nothing live before the reader acts');
  const bytes = requests.reduce((sum, r) => sum + r.bytes, 0);
  console.log(`# the empty script embed before the reader acts: ${requests.length} requests, ${bytes} B on the wire`);
  assert.ok(bytes <= 64 * 1024, `${bytes} B on the wire within 64 KB`);
  await page.hover('#embed', { position: { x: 2, y: 2 } });
  await page.waitForFunction(() => !!document.getElementById('embed').shadowRoot?.querySelector('.bx:not([data-static]) .bx-title'));
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [path, why] of [['gone.html', 'a data file that is gone (404)'], ['typo.html', 'a data file with a typo']]) {
  test(`${why}: the reader keeps the static version, with a short notice`, { timeout: 60_000 }, async () => {
    const { page, context } = await open(path, 375, { saveData: true });
    const height = await page.$eval('#embed', (el) => el.getBoundingClientRect().height);
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.hover('#embed', { position: { x: 2, y: 2 } });
    await page.waitForSelector('#embed .bx[data-static] .bx-notice');
    assert.equal(await page.textContent('#embed .bx-notice'), 'The latest data could not be loaded, so this is the version published with the article.');
    assert.equal(await page.evaluate(() => !!document.getElementById('embed').shadowRoot?.querySelector('.bx-error, .bx:not([data-static])')), false, 'no error box, no half-drawn live one');
    assert.ok(await page.isVisible('#embed .bx-title'), 'the static version is shown');
    assert.equal(await page.isVisible('#embed .bx-langs'), false, 'no language switch that nothing would answer');
    const after = await page.$eval('#embed', (el) => el.getBoundingClientRect().height);
    assert.ok(after >= height * 0.95, `the whole static version stays (${Math.round(height)} → ${Math.round(after)} px)`);
    assert.ok(warnings.some((w) => w.includes('breach-explainer')), `the author hears why: ${warnings.join(' | ')}`);
    await context.close();
  });
}

test('an element with the id or name breachExplainer on the page harms nothing', { timeout: 60_000 }, async () => {
  const { page, context, errors } = await open('named.html', 375, { saveData: true });
  await page.hover('#embed', { position: { x: 2, y: 2 } });
  await page.waitForFunction(() => !!document.getElementById('embed').shadowRoot?.querySelector('.bx:not([data-static]) .bx-title'));
  assert.equal(await page.evaluate(() => typeof window.breachExplainer.mountAll), 'function', 'window.breachExplainer is the registry');
  assert.deepEqual(errors, []);
  await context.close();
});
