// End to end: the embeds, exactly as the README shows them, on host pages served from another
// origin (another port); the strict CSP; no third-party requests; the static fallback without
// JavaScript and when the wasm fails; the downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from "node:fs/promises";
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors, reachFor } from './browser.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
let explainer, host, browser, readme, pages;
let article = '';

/** The README's snippet with the given name (the code block after `<!-- snippet:NAME -->`). */
function snippet(name) {
  const m = new RegExp(`<!-- snippet:${name} -->\\s*\`\`\`html\\n([\\s\\S]*?)\`\`\``).exec(readme);
  assert.ok(m, `README has the ${name} snippet`);
  return m[1]
    .replaceAll('https://example.org/breach-explainer/', explainer.url)
    .replaceAll('https://pym.nprapps.org/pym.v1.min.js', `${host.url}pym.v1.min.js`);
}

before(async () => {
  readme = await readFile(here('../../README.md'), 'utf8');
  explainer = await serve(here('../../dist/'), {
    headers: (path) => (path.endsWith('.html') || path === '/' ? { 'content-security-policy': CSP } : {}),
  });
  // Host pages live on another origin (another port), with their own copies of pym.js and
  // @newswire/frames; /article.html is whatever the test puts there.
  pages = {
    '/pym.v1.min.js': async () => [await readFile(here('../../node_modules/pym.js/dist/p.v1.m.js')), 'text/javascript'],
    '/frames.module.js': async () => [await readFile(here('../../node_modules/@newswire/frames/dist/frames.modern.js')), 'text/javascript'],
    '/article.html': async () => [article, 'text/html; charset=utf-8'],
    // A different dataset on the host's own origin: the same story under another title.
    '/other.json': async () => {
      const d = JSON.parse(await readFile(here('../../data/coupang-2025.json'), 'utf8'));
      d.id = 'other-breach';
      d.breach.title = { en: 'Another breach, explained', ko: '다른 유출 사고' };
      return [JSON.stringify(d), 'application/json'];
    },
  };
  host = await serve(here('../../tests/e2e/'), { pages });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await explainer?.close();
  await host?.close();
});

/** Opens a host page (on the host origin) whose body is `body`. */
async function hostPage(body, { width = 900, lang = '', locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
  article = `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A news article</title></head>
      <body><h1>A news article</h1><p>Text before the explainer.</p>${body}<p>Text after.</p></body></html>`;
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${host.url}article.html`);
  return { page, context, errors, requests };
}

function onlyOrigins(requests, origins) {
  const foreign = requests.filter((u) => !origins.some((o) => u.startsWith(o)) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request to any other origin');
}

test('script embed: two instances with different data and languages, embed.js loaded twice', { timeout: 90_000 }, async () => {
  const twice = `${snippet('script')}
    <div data-breach-explainer data-src="/other.json" data-lang="en" data-theme="dark"></div>
    <script type="module" src="${explainer.url}embed.js?again"></script>`;
  const { page, context, errors, requests } = await hostPage(twice);
  // The first (the site's default dataset) shows its static version until the reader reaches for it.
  await page.waitForSelector('[data-breach-explainer] .bx[data-static] .bx-title');
  await page.hover('[data-breach-explainer]', { position: { x: 2, y: 2 } });
  await page.waitForFunction(() => [...document.querySelectorAll('[data-breach-explainer]')].filter((el) => el.shadowRoot?.querySelector('.bx:not([data-static]) .bx-title')).length === 3);
  const [a, b, c] = await page.$$('[data-breach-explainer]');
  assert.equal(await a.$eval('.bx', (el) => el.lang), 'ko');
  assert.equal(await b.$eval('.bx', (el) => el.lang), 'en');
  assert.equal(await c.$eval('.bx-title', (el) => el.textContent), 'Another breach, explained');
  assert.equal(await c.$eval('.bx', (el) => el.dataset.theme), 'dark');
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('[data-breach-explainer]')].map((el) => el.shadowRoot.querySelectorAll('.bx').length).join()), '1,1,1', 'each mounted once');
  // The wasm was fetched once for both, the stylesheet added once.
  assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 1);
  assert.equal(await page.locator('link[data-breach-explainer-css]').count(), 1);
  // Independent: selecting in one leaves the other alone.
  await a.$eval('[data-chart=timeline] [role=listbox]', (el) => el.focus());
  await page.keyboard.press('Enter');
  assert.equal(await a.$eval('[data-bx=detail]', (el) => el.hidden), false);
  assert.equal(await b.$eval('[data-bx=detail]', (el) => el.hidden), true);
  // unmount removes one.
  await page.evaluate(() => window.breachExplainer.unmount(document.querySelectorAll('[data-breach-explainer]')[1]));
  assert.equal(await b.$$eval('.bx', (els) => els.length), 0);
  assert.equal(await a.$$eval('.bx', (els) => els.length), 1);
  onlyOrigins(requests, [host.url, explainer.url]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('script embed: without data-lang the host page and then the browser decide', { timeout: 90_000 }, async () => {
  const body = `<div data-breach-explainer></div><script type="module" src="${explainer.url}embed.js"></script>`;
  for (const [lang, locale, expected] of [['ko', 'en-US', 'ko'], ['', 'ko-KR', 'ko'], ['', 'en-GB', 'en']]) {
    const { page, context } = await hostPage(body, { lang, locale });
    await page.waitForSelector('.bx-title');
    assert.equal(await page.getAttribute('.bx', 'lang'), expected, `html lang "${lang}", browser ${locale}`);
    await context.close();
  }
});

async function frameHeights(page) {
  const iframe = page.locator('iframe');
  const outer = (await iframe.boundingBox()).height;
  const frame = page.frames().find((f) => f.url().includes('embed.html'));
  const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { outer, inner, frame };
}

async function expectFits(page, when) {
  // Give the frame's ResizeObserver and the host's listener a moment to exchange messages.
  let last;
  for (let i = 0; i < 40; i++) {
    last = await frameHeights(page);
    if (Math.abs(last.outer - last.inner) <= 2 && last.inner > 500) return last;
    await page.waitForTimeout(100);
  }
  assert.fail(`${when}: iframe ${last.outer}px tall, content ${last.inner}px`);
}

for (const kind of ['pym', 'frames']) {
  test(`iframe embed with ${kind}: as tall as its content after load, width change and language switch`, { timeout: 90_000 }, async () => {
    const { page, context, errors, requests } = await hostPage(snippet(kind));
    await page.waitForSelector('iframe');
    const { frame } = await expectFits(page, 'after load');
    assert.match(await page.getAttribute('iframe', 'sandbox'), /allow-scripts/);
    const first = await expectFits(page, 'after load');
    await page.setViewportSize({ width: 420, height: 900 });
    const narrow = await expectFits(page, 'after a width change');
    assert.ok(narrow.inner > first.inner, 'narrower is taller');
    await frame.click('[data-lang-switch=ko]');
    await frame.waitForSelector('.bx[lang=ko]');
    await expectFits(page, 'after a language switch');
    await page.setViewportSize({ width: 1200, height: 900 });
    const wide = await expectFits(page, 'after growing again');
    assert.ok(wide.inner < narrow.inner, 'the iframe shrinks too');
    if (kind === 'frames') {
      // The #event= deep link works inside the iframe.
      assert.equal(await frame.evaluate(() => document.querySelector('[data-bx=detail]').hidden), false);
    }
    onlyOrigins(requests, [host.url, explainer.url]);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the iframe page ignores messages of the wrong shape or from anyone but its parent', { timeout: 90_000 }, async () => {
  const { page, context, errors } = await hostPage(snippet('pym'));
  await page.waitForSelector('iframe');
  const { frame } = await expectFits(page, 'after load');
  const before = page.url();
  await page.evaluate(() => {
    const w = document.querySelector('iframe').contentWindow;
    for (const m of ['pymxPYMxcoupang-explainerxPYMxnavigateToxPYMxjavascript:alert(1)', { sentinel: 'amp', type: 'navigate' }, 'nonsense', 42, null]) {
      w.postMessage(m, '*');
    }
  });
  await page.waitForTimeout(200);
  assert.equal(page.url(), before, 'the host was not navigated');
  assert.ok(frame.url().includes('embed.html'), 'the frame was not navigated');
  assert.deepEqual(errors, []);
  await context.close();
});

test('under the strict CSP the shell and the iframe page run with zero violations and no foreign requests', { timeout: 90_000 }, async () => {
  for (const path of ['', 'ko.html', 'embed.html?lang=ko#event=detected']) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const errors = watchErrors(page);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const response = await page.goto(explainer.url + path);
    assert.match(response.headers()['content-security-policy'], /default-src 'none'/);
    // The shell shows the static version until the reader reaches for it.
    if (!path.startsWith('embed')) await reachFor(page);
    await page.waitForSelector('.bx-title');
    await page.waitForSelector('[data-chart=timeline] svg');
    // Exercise the interactive parts too.
    await page.focus('[data-chart=timeline] [role=listbox]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.evaluate(() => window.violations), [], `CSP violations on /${path}`);
    onlyOrigins(requests, [explainer.url]);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('without JavaScript the static version tells the whole story', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(explainer.url);
  assert.match(await page.textContent('.bx-title'), /Coupang/);
  assert.ok(await page.locator('.bx-events li').count() >= 30, 'the event list');
  assert.equal(await page.locator('.bx table').count(), 4, 'the data tables');
  // One picture per figure on screen (each is drawn for every width; the figure's shows one).
  const shown = (p) => p.$$eval('.bx [role=img] svg', (svgs) => svgs.filter((s) => s.getBoundingClientRect().width > 0).length);
  assert.equal(await shown(page), 5, 'the pictures');
  assert.ok(await page.locator('.bx-sources a').count() >= 50, 'the sources');
  assert.equal(await page.locator('.bx [role=listbox]').count(), 0, 'no listbox without JavaScript');
  assert.deepEqual(await page.$$eval('.bx button', (bs) => bs.filter((b) => b.getBoundingClientRect().height > 0).map((b) => b.textContent)), [], 'no button shown that needs JavaScript');
  // Folded as the live one folds them, one tap away without JavaScript too.
  assert.equal(await page.locator('.bx table').first().isVisible(), false, 'tables are folded');
  await page.locator('.bx-chart summary').first().click();
  assert.ok(await page.locator('.bx table').first().isVisible(), 'and open with a tap');
  await page.screenshot({ path: here('out/screenshots/static-800.png') });
  await page.goto(`${explainer.url}ko.html`);
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  assert.match(await page.textContent('.bx-title'), /쿠팡/);
  await context.close();
});

test('when the wasm cannot load, the static version stays with a short notice', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  await context.route('**/*.wasm', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(explainer.url);
  await page.hover('#explainer', { position: { x: 2, y: 2 } }); // the reader reaches for it
  await page.waitForSelector('.bx-notice');
  assert.match(await page.textContent('.bx-notice'), /static version/);
  assert.equal(await page.isVisible('.bx-langs'), false, 'no controls that only the live one would answer');
  assert.ok(await page.locator('.bx-events li').count() >= 30);
  assert.equal(await page.$$eval('.bx [role=img] svg', (svgs) => svgs.filter((s) => s.getBoundingClientRect().width > 0).length), 5);
  // The static version is accessible too.
  const axe = await new AxeBuilder({ page }).include('.bx').analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  await context.close();
});

test('downloads: SVG and PNG of a figure, CSV and JSON of the data', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(explainer.url);
  await reachFor(page);
  await page.waitForSelector('[data-chart=timeline] svg');
  async function download(selector) {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    const path = await d.path();
    return { name: d.suggestedFilename(), bytes: await readFile(path) };
  }
  const svg = await download('[data-figure-key=timeline][data-export=svg]');
  assert.equal(svg.name, 'coupang-2025-timeline-en.svg');
  const text = svg.bytes.toString('utf8');
  assert.match(text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(text, /Coupang data breach: 33.7 million accounts/, 'the title is in the image');
  assert.match(text, /Sources: /, 'the source line is in the image');
  assert.match(text, /Compiled from/, 'the credit is in the image');
  const parsed = await page.evaluate((s) => new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror') === null, text);
  assert.ok(parsed, 'the SVG is well-formed XML');
  const png = await download('[data-figure-key=revisions][data-export=png]');
  assert.equal(png.name, 'coupang-2025-revisions-en.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  assert.ok(png.bytes.length > 10000);
  const events = await download('[data-export=events-csv]');
  const lines = events.bytes.toString('utf8').trim().split('\r\n');
  assert.equal(lines[0], 'id,date,end,lane,title,detail,confidence,sources');
  const eventCount = JSON.parse(await readFile(here('../../data/coupang-2025.json'), 'utf8')).events.length;
  assert.equal(lines.length, 1 + eventCount, 'a header and a line per event');
  const counts = await download('[data-export=counts-csv]');
  assert.match(counts.bytes.toString('utf8'), /coupang-probe-records,coupang-records,2026-02-10,33670000,true,records,/);
  const json = await download('[data-export=json]');
  const data = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(data.id, 'coupang-2025');
  assert.equal(data.events.length, eventCount);
  assert.deepEqual(errors, []);
  await context.close();
});

test('theme: the iframe page in dark passes axe-core contrast checks, light by default', { timeout: 90_000 }, async () => {
  for (const [query, dark] of [['?theme=dark', true], ['', false]]) {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${explainer.url}embed.html${query}`);
    await page.waitForSelector('[data-chart=timeline] svg');
    // "auto" resolves to what it draws with: here, a light reader and a page that says nothing.
    assert.equal(await page.getAttribute('.bx', 'data-theme'), dark ? 'dark' : 'light');
    const background = await page.$eval('[data-chart=timeline] svg rect', (r) => r.getAttribute('fill'));
    assert.equal(background, dark ? '#161618' : '#ffffff');
    const axe = await new AxeBuilder({ page }).include('.bx').analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
    await context.close();
  }
});
