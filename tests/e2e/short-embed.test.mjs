// The short embed code (issue 23): for a CMS field that cannot take the 45 KB static version,
// an empty element names the static version published beside the dataset (data-static). In an
// article on one origin, with the site on another and the newsroom's files on a third that
// sends only Access-Control-Allow-Origin: *, the reader gets the static version at once, with
// nothing in it that could run, and the live explainer in its place when they reach for it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors } from './browser.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const DATA = 'marriott-2018';
// The native command scripts/build built (its CARGO_TARGET_DIR, else target/).
const cli = `${process.env.CARGO_TARGET_DIR ?? here('../../target')}/release/breach-explainer`;
const json = readFileSync(here(`../../data/${DATA}.json`), 'utf8');
// The static version as the newsroom publishes it: what `breach-explainer html` prints for the
// embed's default parts.
const html = execFileSync(cli, ['html', here(`../../data/${DATA}.json`), '--lang', 'en', '--parts', 'compact'], { encoding: 'utf8', maxBuffer: 1 << 26 });
// The same file, tampered with on its way (or on a careless host).
const tampered = html.replace('<h2', '<img src="x:" onerror="window.ran = (window.ran ?? 0) + 1"><script>window.ran = 99</script><a href="javascript:window.ran = 7" id="bad">link</a><h2 onclick="window.ran = 5"');

let site, article, files, browser;
const requests = [];
before(async () => {
  site = await serve(here('../../dist/'));
  files = createServer((req, res) => {
    requests.push(req.url);
    const body = { [`/${DATA}.json`]: [json, 'application/json'], [`/${DATA}.en.html`]: [html, 'text/html; charset=utf-8'], '/tampered.en.html': [tampered, 'text/html; charset=utf-8'] }[req.url];
    if (!body) { res.writeHead(404, { 'access-control-allow-origin': '*' }).end(); return; }
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': body[1] }).end(body[0]);
  });
  await new Promise((ok) => files.listen(0, '127.0.0.1', ok));
  const filesUrl = `http://127.0.0.1:${files.address().port}/`;
  const page = (staticFile) => async () => [`<!doctype html><html lang="en"><meta charset="utf-8"><meta name=viewport content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><body style="margin:0;padding:0 12px"><p id="above">Article text above.</p><div data-breach-explainer data-src="${filesUrl}${DATA}.json" data-static="${filesUrl}${staticFile}"></div><p>Below.</p><script type="module" src="${site.url}embed.js"></script>`, 'text/html; charset=utf-8'];
  article = await serve(here('.'), { pages: { '/short.html': page(`${DATA}.en.html`), '/tampered.html': page('tampered.en.html'), '/missing.html': page('gone.en.html') } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await article?.close();
  await new Promise((ok) => files?.close(ok));
});

const inShadow = (page, selector) => page.evaluate((s) => document.querySelector('[data-breach-explainer]').shadowRoot?.querySelector(s)?.textContent ?? null, selector);

test('the short embed code shows the static version published beside the data, then the live one on intent', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true });
  // A reader who saves data: only their intent loads the live explainer, so the static version
  // can be looked at on its own.
  await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  const page = await context.newPage();
  const errors = watchErrors(page);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await page.goto(`${article.url}short.html`);
  await page.waitForFunction(() => document.querySelector('[data-breach-explainer]').shadowRoot?.querySelector('.bx[data-static] .bx-title'));
  const title = JSON.parse(json).breach.title.en;
  assert.equal((await inShadow(page, '.bx[data-static] .bx-title')).trim(), title);
  await page.waitForTimeout(500);
  assert.deepEqual(wasm, [], 'no live explainer before the reader reaches for it');
  const staticHeight = (await page.locator('[data-breach-explainer]').boundingBox()).height;
  const above = (await page.locator('#above').boundingBox()).y;
  await page.hover('[data-breach-explainer]', { position: { x: 2, y: 2 } });
  await page.waitForFunction(() => document.querySelector('[data-breach-explainer]').shadowRoot?.querySelector('.bx:not([data-static]) .bx-title'), null, { timeout: 20_000 });
  await page.waitForTimeout(300);
  const liveHeight = (await page.locator('[data-breach-explainer]').boundingBox()).height;
  console.log(`# short embed at 375 px: static ${Math.round(staticHeight)} px → live ${Math.round(liveHeight)} px`);
  assert.ok(Math.abs(liveHeight - staticHeight) <= 2, `static ${staticHeight} vs live ${liveHeight}`);
  assert.equal((await page.locator('#above').boundingBox()).y, above, 'the article does not move');
  assert.equal((await inShadow(page, '.bx:not([data-static]) .bx-title')).trim(), title);
  assert.deepEqual(errors, []);
  await context.close();
});

test('markup that could run is taken out of a published static version', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.goto(`${article.url}tampered.html`);
  await page.waitForFunction(() => document.querySelector('[data-breach-explainer]').shadowRoot?.querySelector('.bx[data-static] .bx-title'));
  await page.waitForTimeout(300);
  const found = await page.evaluate(() => {
    const root = document.querySelector('[data-breach-explainer]').shadowRoot;
    const all = [...root.querySelectorAll('*')];
    return {
      scripts: root.querySelectorAll('script').length,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
      jsLinks: all.filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? '')).length,
      // What the explainer itself needs is kept: its controls, roles and data hooks.
      buttons: root.querySelectorAll('.bx-langs button, [data-view]').length,
      roles: root.querySelectorAll('[role]').length,
      svgText: root.querySelectorAll('svg text').length,
    };
  });
  await page.click('h2', { force: true }).catch(() => {});
  await page.evaluate(() => document.querySelector('[data-breach-explainer]').shadowRoot.querySelector('#bad')?.click());
  assert.equal(await page.evaluate(() => window.ran), undefined, 'nothing from the file ran');
  assert.deepEqual({ scripts: found.scripts, handlers: found.handlers, jsLinks: found.jsLinks }, { scripts: 0, handlers: [], jsLinks: 0 });
  assert.ok(found.buttons >= 3 && found.roles > 0 && found.svgText > 10, JSON.stringify(found));
  await context.close();
});

test('a published static version that cannot be read leaves the live explainer to come at once', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${article.url}missing.html`);
  await page.waitForFunction(() => document.querySelector('[data-breach-explainer]').shadowRoot?.querySelector('.bx:not([data-static]) .bx-title'), null, { timeout: 20_000 });
  assert.deepEqual(errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  await context.close();
});
