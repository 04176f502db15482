// The dataset editor, driven in Chromium as a journalist would, under the strict CSP: drop the
// template's CSV sheets (one date broken), click the problem to land on it, fix it, see the
// preview, copy the script embed code, download the dataset, and load that embed with that file
// on a host page of another origin. Also: the work survives a reload, axe finds nothing, and the
// screenshots for docs/authoring.md are made here (tests/e2e/out/screenshots/; scripts/docs-screenshots
// copies them to docs/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors } from './browser.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
// The native command scripts/build built (its CARGO_TARGET_DIR, else target/).
const bx = `${process.env.CARGO_TARGET_DIR ?? here('../../target')}/release/breach-explainer`;
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
let site, host, dataHost, browser;
let preflights = 0;
let article = '';
let published = '';
let publishedStatic = '';

before(async () => {
  site = await serve(here('../../dist/'), {
    headers: (path) => (path.endsWith('.html') ? { 'content-security-policy': CSP } : {}),
  });
  host = await serve(here('../../tests/e2e/'), {
    pages: {
      '/article.html': async () => [article, 'text/html; charset=utf-8'],
    },
  });
  // Where the newsroom publishes the file: another origin again, sending what the README asks
  // of a data host and nothing more (a preflight would fail here).
  dataHost = createServer((req, res) => {
    if (req.method === 'OPTIONS') { preflights += 1; res.writeHead(204, { 'access-control-allow-origin': '*' }).end(); return; }
    if (req.url.endsWith('.html')) { res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/html; charset=utf-8' }).end(publishedStatic); return; }
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' }).end(published);
  });
  await new Promise((ok) => dataHost.listen(0, '127.0.0.1', ok));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
  await new Promise((ok) => dataHost?.close(ok));
});

/** The template's sheets, as a spreadsheet's "download as CSV" gives them, with `change` made. */
async function templateSheets(change = (name, csv) => csv) {
  const dir = here('../../templates/sheets/');
  const files = [];
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.csv')).sort()) {
    files.push({ name, text: change(name, await readFile(`${dir}${name}`, 'utf8')) });
  }
  return files;
}

/** Drops files onto the page the way a browser does: a `drop` event with a DataTransfer. */
async function drop(page, files) {
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const f of files) transfer.items.add(new File([f.text], f.name, { type: 'text/csv' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

const previewTitle = (page) => page.evaluate(() => document.getElementById('ed-explainer')?.shadowRoot?.querySelector('.bx-title')?.textContent ?? '');

test('a journalist drops the sheets, fixes the problem found, and embeds the result', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url.replace(/\/$/, '') });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${site.url}editor.html`);
  // A first visit starts from the template, checked and previewed.
  await page.waitForFunction(() => document.getElementById('ed-status').textContent.includes('No problems'));
  const templateTitle = await previewTitle(page);
  assert.ok(templateTitle.length > 0, 'the template is previewed');

  // The sheets, with one event's date impossible (a spreadsheet typo).
  const good = await templateSheets();
  const events = good.find((f) => f.name === 'events.csv');
  assert.ok(events, 'the template has an events sheet');
  const firstDate = /(\d{4}-\d{2}-\d{2})/.exec(events.text)[1];
  const broken = good.map((f) => (f.name === 'events.csv' ? { ...f, text: f.text.replace(firstDate, '2025-02-30') } : f));
  await drop(page, broken);
  await page.waitForSelector('.ed-problem');
  const problem = page.locator('.ed-problem').first();
  assert.match(await problem.textContent(), /^Line \d+, column \d+: .*2025-02-30|^Line \d+, column \d+: .*date/);
  // This journalist works in the JSON (the form is the default view: see editor-form.test.mjs).
  await page.getByRole('tab', { name: 'JSON' }).click();
  // The click puts the cursor on the broken date; the fix is typed there.
  await problem.click();
  const at = await page.evaluate(() => {
    const t = document.getElementById('ed-text');
    return t.value.slice(t.selectionStart, t.selectionStart + 14);
  });
  assert.ok(at.includes('2025-02-30'), `the cursor is at the broken date: ${JSON.stringify(at)}`);
  await page.evaluate(() => {
    const t = document.getElementById('ed-text');
    const from = t.value.indexOf('2025-02-30', t.selectionStart - 1);
    t.setSelectionRange(from, from + '2025-02-30'.length);
  });
  await page.keyboard.type(firstDate);
  await page.waitForFunction(() => document.getElementById('ed-status').textContent.includes('No problems'));
  assert.equal(await page.locator('.ed-problem').count(), 0);
  assert.ok((await previewTitle(page)).length > 0, 'the preview shows the dropped dataset');

  // At phone width, as most readers will see it.
  await page.selectOption('#ed-width', '375');
  await page.waitForFunction(() => document.getElementById('ed-explainer').getBoundingClientRect().width === 375);
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: here('out/screenshots/editor-1280.png') });

  // The embed code, for where the file will be published.
  const dataUrl = `http://127.0.0.1:${dataHost.address().port}/new-breach.json`;
  await page.fill('#ed-data-url', dataUrl);
  await page.selectOption('#ed-refresh', '300'); // a developing story
  await page.selectOption('#ed-parts', 'all'); // everything, as the `html` command draws it
  await page.click('#ed-copy');
  await page.waitForFunction(() => document.getElementById('ed-status').textContent.includes('copied'));
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(code.includes(`data-src="${dataUrl}"`), code);
  assert.ok(code.includes('data-refresh="300"'), 'readers look for a newer version every 5 minutes');
  assert.match(code, /^<link rel="stylesheet" href="[^"]+explainer\.css" data-breach-explainer-css>\n<div data-breach-explainer/, 'its stylesheet before the pasted static version');
  const download = page.waitForEvent('download');
  await page.click('#ed-download');
  published = await readFile(await (await download).path(), 'utf8');
  assert.equal(JSON.parse(published).format, 'breach-explainer/1');
  // Inside the element, the static version: the same HTML the native `html` command prints.
  const dir = await mkdtemp(`${tmpdir()}/editor-`);
  await writeFile(`${dir}/new-breach.json`, published);
  const native = execFileSync(bx, ['html', `${dir}/new-breach.json`, '--lang', 'en'], { encoding: 'utf8' }).trim();
  assert.ok(native.length > 1000 && code.includes(`>${native}</div>`), 'the embed code holds the static version the native command draws');

  // The work survives a reload.
  const text = await page.inputValue('#ed-text');
  await page.reload();
  await page.waitForFunction(() => document.getElementById('ed-status').textContent.length > 0);
  assert.equal(await page.inputValue('#ed-text'), text);
  assert.deepEqual(errors, []);

  // The copied embed code in an article on another origin shows the new breach.
  article = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head><body>${code}</body></html>`;
  const reader = await context.newPage();
  const requests = [];
  reader.on('request', (r) => requests.push(r.url()));
  // A reader who saves data: nothing live until they reach for it (others get it when the
  // explainer nears the screen and the page is idle).
  await reader.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  await reader.clock.install();
  await reader.goto(`${host.url}article.html`);
  // The static version at once, nothing live until the reader reaches for it.
  assert.equal(await reader.textContent('[data-breach-explainer] .bx[data-static] .bx-title'), JSON.parse(published).breach.title.en);
  assert.deepEqual(requests.filter((u) => /\.wasm$/.test(u)), []);
  await reader.hover('[data-breach-explainer]', { position: { x: 2, y: 2 } });
  await reader.waitForFunction(() => !!document.querySelector('[data-breach-explainer]')?.shadowRoot?.querySelector('.bx-title'));
  const shownTitle = await reader.evaluate(() => document.querySelector('[data-breach-explainer]').shadowRoot.querySelector('.bx-title').textContent);
  assert.equal(shownTitle, JSON.parse(published).breach.title.en);

  // The story develops: the newsroom uploads a newer file, and the reader's page, five minutes
  // on, shows it in place, through a data host that allows the origin and nothing else.
  const next = JSON.parse(published);
  next.updated = '2026-12-08T09:00+09:00';
  next.changes = [...(next.changes ?? []), { at: '2026-12-08', kind: 'corrected', about: `events/${next.events[0].id}`, sources: [next.sources[0].id] }];
  published = JSON.stringify(next);
  await reader.clock.fastForward(300_000);
  await reader.waitForFunction(() => document.querySelector('[data-breach-explainer]').shadowRoot.querySelector('[data-bx="updated"]')?.textContent.startsWith('Updated just now: Event corrected:'));
  assert.equal(preflights, 0, 'no preflight');
  await context.close();
});

test('the short embed code: a few hundred bytes to paste, the static version published as a file beside the data', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${site.url}editor.html`);
  await page.waitForFunction(() => document.getElementById('ed-status').textContent.includes('No problems'));
  const dataUrl = `http://127.0.0.1:${dataHost.address().port}/short-breach.json`;
  await page.fill('#ed-data-url', dataUrl);
  await page.selectOption('#ed-kind', 'short');
  await page.click('#ed-copy');
  await page.waitForFunction(() => document.getElementById('ed-status').textContent.includes('copied'));
  const code = await page.evaluate(() => navigator.clipboard.readText());
  const staticUrl = dataUrl.replace(/\.json$/, '.en.html');
  assert.ok(code.includes(`data-static="${staticUrl}"`), code);
  assert.ok(code.length < 600, `${code.length} characters to paste`);
  // The two files to publish: the dataset and its static version.
  let download = page.waitForEvent('download');
  await page.click('#ed-download');
  published = await readFile(await (await download).path(), 'utf8');
  download = page.waitForEvent('download');
  await page.click('#ed-static-file');
  const file = await download;
  assert.equal(file.suggestedFilename(), 'short-breach.en.html');
  publishedStatic = await readFile(await file.path(), 'utf8');
  assert.match(publishedStatic, /^<section class="bx"/);
  assert.deepEqual(errors, []);

  // Pasted into an article on another origin: the static version at once, then the live one.
  article = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head><body><p>Above.</p>${code}</body></html>`;
  const reader = await context.newPage();
  await reader.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  await reader.goto(`${host.url}article.html`);
  await reader.waitForFunction(() => document.querySelector('[data-breach-explainer]')?.shadowRoot?.querySelector('.bx[data-static] .bx-title'));
  const title = JSON.parse(published).breach.title.en;
  assert.equal(await reader.evaluate(() => document.querySelector('[data-breach-explainer]').shadowRoot.querySelector('.bx[data-static] .bx-title').textContent), title);
  await reader.hover('[data-breach-explainer]', { position: { x: 2, y: 2 } });
  await reader.waitForFunction(() => !!document.querySelector('[data-breach-explainer]')?.shadowRoot?.querySelector('.bx:not([data-static]) .bx-title'));
  assert.equal(preflights, 0, 'no preflight');
  await context.close();
});

test('the sheets come as one .zip that a spreadsheet can take back: the import command reads it to the same dataset', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${site.url}editor.html`);
  await page.waitForFunction(() => document.getElementById('ed-status').textContent.includes('No problems'));
  const download = page.waitForEvent('download');
  await page.click('#ed-download-sheets');
  const file = await download;
  assert.match(file.suggestedFilename(), /-sheets\.zip$/);
  const { unzipSync, strFromU8 } = await import('fflate');
  const sheets = unzipSync(await readFile(await file.path()));
  assert.ok(Object.keys(sheets).includes('breach.csv') && Object.keys(sheets).length >= 10, Object.keys(sheets).join(', '));
  const dir = await mkdtemp(`${tmpdir()}/sheets-`);
  for (const [name, bytes] of Object.entries(sheets)) await writeFile(`${dir}/${name}`, strFromU8(bytes));
  const back = JSON.parse(execFileSync(bx, ['import', dir], { encoding: 'utf8' }));
  const shown = JSON.parse(await page.inputValue('#ed-text'));
  assert.equal(back.breach.title.en, shown.breach.title.en);
  assert.equal(back.events.length, shown.events.length);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the editor is usable by keyboard and screen reader (axe: 0 violations)', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.url}editor.html`);
  await page.waitForFunction(() => document.getElementById('ed-status').textContent.includes('No problems'));
  // A problem on show, so its button is checked too.
  await page.evaluate(() => {
    const t = document.getElementById('ed-text');
    t.value = t.value.replace('"format"', '"formt"');
    t.dispatchEvent(new Event('input'));
  });
  await page.waitForSelector('.ed-problem');
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), []);
  // Tab reaches the problem and Enter moves the cursor into the text.
  await page.locator('.ed-problem').first().focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ed-text');
  await context.close();
});

test('publishing cannot go wrong quietly: the embed code follows the id, the file has no help notes, work replaced can be undone, blocked storage is said', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  // A browser that keeps nothing (storage blocked, or full).
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const errors = watchErrors(page);
  await page.goto(`${site.url}editor.html`);
  await page.waitForFunction(() => document.getElementById('ed-status').textContent.includes('No problems'));
  assert.match(await page.textContent('.ed-warning'), /not keeping your work .* download the dataset/);

  // The preview at desktop width is drawn 1280 px wide (the column scrolls), not at 616.
  await page.selectOption('#ed-width', '1280');
  await page.waitForFunction(() => document.getElementById('ed-explainer').getBoundingClientRect().width === 1280);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.equal(overflow, 0, 'the editor itself never scrolls sideways');

  // The embed code follows the dataset's id as it changes, until an address is written.
  const edit = (from, to) => page.evaluate(([from, to]) => {
    const t = document.getElementById('ed-text');
    t.value = t.value.replace(from, to);
    t.dispatchEvent(new Event('input'));
  }, [from, to]);
  const id = await page.evaluate(() => JSON.parse(document.getElementById('ed-text').value).id);
  await edit(`"id": "${id}"`, '"id": "acme-2026"');
  await page.waitForFunction(() => document.getElementById('ed-embed').value.includes('data/acme-2026.json'));
  assert.ok(!(await page.inputValue('#ed-embed')).includes(`data/${id}.json`));

  // The published file carries none of the template's help notes.
  const download = page.waitForEvent('download');
  await page.click('#ed-download');
  const file = await readFile(await (await download).path(), 'utf8');
  assert.equal(JSON.parse(file).id, 'acme-2026');
  assert.doesNotMatch(file, /"_[a-z_]+":|FICTIONAL EXAMPLE/);
  assert.match(await page.textContent('#ed-status'), /without the template's \d+ help notes/);

  // Before the code is pasted, the address can be asked whether it serves this dataset.
  for (const [address, said] of [[`${site.url}data/acme-2026.json`, /^Nothing is published there yet \(the server answered 404\): upload acme-2026\.json/],
    [`${site.url}data/coupang-2025.json`, /^That address holds a different dataset \(coupang-2025\), not acme-2026/]]) {
    await page.fill('#ed-data-url', address);
    await page.click('#ed-check-url');
    await page.waitForFunction(() => document.getElementById('ed-url-check').textContent !== '');
    assert.match(await page.textContent('#ed-url-check'), said);
    await page.evaluate(() => { document.getElementById('ed-url-check').textContent = ''; });
  }

  // The iframe embed code loads its resizer from this site, never a third party's CDN.
  await page.selectOption('#ed-kind', 'iframe');
  const iframeCode = await page.inputValue('#ed-embed');
  assert.ok(iframeCode.includes(`from '${site.url}frames.js'`), iframeCode);
  assert.doesNotMatch(iframeCode, /cdn\.|jsdelivr|unpkg/);
  const frames = await (await fetch(`${site.url}frames.js`)).text();
  assert.match(frames, /autoInitFrames/, 'and the site serves it');
  await page.selectOption('#ed-kind', 'script');

  // Starting from the template again replaces the work, with a way back.
  const work = await page.inputValue('#ed-text');
  await page.click('#ed-template');
  // (The status line moves on to the check's result at once: the offer to undo stays.)
  await page.waitForSelector('.ed-undo button');
  assert.notEqual(await page.inputValue('#ed-text'), work);
  await page.click('.ed-undo button');
  assert.equal(await page.inputValue('#ed-text'), work, 'Undo brings the work back');
  // (The 404 the address check was answered with is logged by the browser itself.)
  assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
  await context.close();
});
