// End to end: serve www/ (with the release build in www/pkg), open the page in headless
// Chromium at phone and desktop widths, and check what a reader sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors, reachFor } from './browser.mjs';

const www = fileURLToPath(new URL('../../dist/', import.meta.url));
// Screenshots for a person to look at (git-ignored); scripts/docs-screenshots copies them to docs/.
const shots = fileURLToPath(new URL('./out/screenshots/', import.meta.url));
let server, browser;

before(async () => {
  server = await serve(www);
  browser = await launch();
  await mkdir(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(width, path = '') {
  const context = await browser.newContext({ viewport: { width, height: 1400 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + path);
  await reachFor(page);
  return { page, errors, context };
}

for (const width of [320, 768, 1280]) {
  test(`the default explainer renders at ${width} px with no console errors`, { timeout: 90_000 }, async () => {
    const { page, errors, context } = await open(width);
    await page.waitForSelector('.bx-title');
    const title = await page.textContent('.bx-title');
    assert.match(title, /Coupang/);
    assert.match(await page.textContent('.bx-summary'), /33\.7 million/);
    // The timeline and the counts chart are drawn (SVG with text), at the explainer's width
    // (the page's column: the whole phone less its margins, 1008 px on a desktop).
    const column = await page.$eval('.bx', (bx) => bx.clientWidth);
    assert.ok(column <= width && column >= Math.min(width - 40, 1008), `the explainer is ${column}px wide in a ${width}px page`);
    for (const key of ['timeline', 'revisions', 'comparison', 'exposed', 'money']) {
      const svg = page.locator(`[data-chart=${key}] svg`);
      assert.equal(await svg.count(), 1, `${key} chart drawn`);
      const box = await svg.boundingBox();
      assert.ok(Math.abs(box.width - column) <= 32, `${key} is ${box.width}px wide in a ${column}px explainer`);
      assert.ok(box.height > 100, `${key} has content`);
    }
    const labels = await page.locator('[data-chart=timeline] svg text').allTextContents();
    assert.ok(labels.some((t) => /(^|: )138 days$/.test(t)), 'the exposure band is labelled with its days');
    assert.ok(labels.some((t) => /Coupang detects/.test(t)), 'events are on the timeline');
    // Sources are real links, opened safely.
    const links = page.locator('.bx-sources a');
    assert.ok(await links.count() >= 20);
    for (const a of await links.all()) {
      assert.match(await a.getAttribute('href'), /^https?:\/\//);
      assert.equal(await a.getAttribute('rel'), 'noopener noreferrer');
    }
    // No horizontal scrolling of the page.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    // Every date shown for the Coupang breach is in 2025 or 2026 (context incidents aside).
    const dates = await page.$$eval('.bx-events li:not([data-lane=context]) time', (ts) => ts.map((t) => t.dateTime));
    assert.ok(dates.length >= 20);
    for (const d of dates) assert.match(d, /^202[56]/, `event dated ${d}`);
    const axe = await new AxeBuilder({ page }).include('.bx').analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`), [], 'axe-core violations');
    await page.screenshot({ path: `${shots}page-${width}.png` });
    if (width !== 768) {
      for (const chart of ['revisions', 'comparison', 'exposed', 'money']) {
        await page.locator(`[data-figure=${chart}]`).screenshot({ path: `${shots}chart-${chart}-${width}.png` });
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('mount() with a URL that fails to load, or a bad dataset, shows the message in the element', { timeout: 90_000 }, async () => {
  const { page, context } = await open(800);
  const shown = await page.evaluate(async () => {
    const { mount } = await import('./explainer.js');
    const results = {};
    const a = document.createElement('div');
    document.body.append(a);
    const h1 = await mount(a, { data: 'data/missing.json' });
    results.missing = { problems: h1.problems(), text: (a.shadowRoot ?? a).textContent };
    const b = document.createElement('div');
    document.body.append(b);
    const h2 = await mount(b, { data: { format: 'breach-explainer/1' } });
    results.invalid = { problems: h2.problems(), text: (b.shadowRoot ?? b).textContent };
    h2.destroy();
    results.afterDestroy = b.childElementCount + (b.shadowRoot?.querySelectorAll('.bx').length ?? 0);
    return results;
  });
  assert.deepEqual(shown.missing.problems, [`missing.json: the file could not be loaded: the server answered 404 Not Found for ${server.url}data/missing.json`]);
  assert.match(shown.missing.text, /could not be loaded/);
  assert.ok(shown.invalid.problems.includes('the dataset passed to mount(): id: is missing; expected an id of lower-case letters, digits and "-"'), shown.invalid.problems.join('\n'));
  assert.match(shown.invalid.text, /This explainer cannot be shown/);
  assert.equal(shown.afterDestroy, 0);
  await context.close();
});

test('at 280 px nothing scrolls sideways', { timeout: 90_000 }, async () => {
  const { page, errors, context } = await open(280);
  await page.click('[data-view=story]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a keyboard user tabs into the timeline, walks it, opens an event and tabs out', { timeout: 90_000 }, async () => {
  const { page, errors, context } = await open(1280);
  // Tab until the timeline has focus: it is one stop, after the languages, the key figures
  // (each a disclosure) and the view buttons.
  let role = null;
  for (let i = 0; i < 20 && role !== 'listbox'; i++) {
    await page.keyboard.press('Tab');
    role = await page.evaluate(() => document.activeElement?.getAttribute('role'));
  }
  assert.equal(role, 'listbox');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  const active = await page.evaluate(() => {
    const list = document.activeElement;
    return document.getElementById(list.getAttribute('aria-activedescendant'))?.getAttribute('aria-label');
  });
  assert.match(active, /20[0-9][0-9]/);
  // The focused event is visibly outlined.
  const outline = await page.$eval('.bx-opt.is-active', (o) => getComputedStyle(o).outlineStyle);
  assert.equal(outline, 'solid');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-bx=detail]:not([hidden])');
  // The option's name is "date: title (lane)"; the details are headed by the title.
  assert.equal(await page.textContent('[data-bx=detail] h4'), active.split(': ').slice(1).join(': ').replace(/ \([^)]*\)$/, ''));
  assert.match(page.url(), /#event=/);
  const axe = await new AxeBuilder({ page }).include('.bx').analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  await page.screenshot({ path: `${shots}timeline-selected-1280.png` });
  // No keyboard trap: Tab leaves the timeline.
  await page.keyboard.press('Tab');
  role = await page.evaluate(() => document.activeElement?.getAttribute('role'));
  assert.notEqual(role, 'listbox');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link opens its event on load', { timeout: 90_000 }, async () => {
  const { page, errors, context } = await open(768, '#event=revised-count');
  await page.waitForSelector('[data-bx=detail]:not([hidden])');
  assert.match(await page.textContent('[data-bx=detail]'), /29 November 2025/);
  assert.deepEqual(errors, []);
  await context.close();
});
