// The explainer inside a news article, in Chromium: compact by default (headline, key figures
// and timeline open, the rest one tap away, folded not removed), parts a host chooses, and the events a CMS hears.
// The heights are printed (a measurement, not a pass mark).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors, reachFor } from './browser.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
let server, browser;
before(async () => { server = await serve(here('../../dist/')); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(path, width) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}${path}`);
  if (!path.startsWith('embed')) await reachFor(page); // the shell: the static version first
  await page.waitForSelector('.bx:not([data-static])');
  return { page, context, errors };
}

const height = (page) => page.evaluate(() => Math.round(document.querySelector('.bx').getBoundingClientRect().height));

test('by default the embed tells the story and folds the rest; the host hears a part opened', { timeout: 60_000 }, async () => {
  const { page, context, errors } = await open('embed.html', 375);
  const folded = await page.$$eval('.bx-part', (ds) => ds.map((d) => [d.dataset.part, d.open]));
  assert.deepEqual(folded.map(([p]) => p), ['revisions', 'comparison', 'exposed', 'money', 'changes', 'corrections', 'data', 'sources']);
  assert.ok(folded.every(([, open]) => !open));
  assert.equal(await page.locator('[data-figure]:not(.bx-part *)').count(), 0, 'no chart outside a folded part');
  assert.ok(await page.locator('[data-chart=timeline] svg').first().isVisible(), 'the timeline, drawn');
  assert.ok(await page.locator('.bx-figures').isVisible(), 'with its key figures');
  const compact = await height(page);
  // Opening a part is one tap, and the host hears it.
  await page.evaluate(() => {
    window.heard = [];
    document.getElementById('explainer').addEventListener('breach-explainer:part', (e) => window.heard.push(e.detail));
  });
  await page.click('[data-part=money] > summary');
  await page.waitForFunction(() => window.heard.length > 0);
  assert.deepEqual(await page.evaluate(() => window.heard), [{ part: 'money', open: true }]);
  assert.ok(await page.locator('[data-part=money] [data-chart=money] svg').isVisible(), 'the money chart, drawn');
  const whole = await (async () => {
    const { page: p, context: c } = await open('index.html', 375);
    const h = await height(p);
    await c.close();
    return h;
  })();
  console.log(`# heights at 375 px: compact embed ${compact} px, the whole explainer ${whole} px`);
  assert.ok(compact < whole / 2, `${compact} vs ${whole}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host chooses its parts; the static version and print keep everything', { timeout: 60_000 }, async () => {
  const { page, context } = await open('embed.html?parts=head,money', 800);
  assert.equal(await page.locator('.bx-title').count(), 1);
  assert.equal(await page.locator('[data-figure]').count(), 1);
  assert.equal(await page.locator('[data-figure=money]').count(), 1);
  assert.equal(await page.locator('[data-chart=timeline]').count(), 0);
  await context.close();
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const p = await noJs.newPage();
  await p.goto(`${server.url}embed.html`);
  assert.equal(await p.locator('.bx-part').count(), 0, 'the static version folds nothing');
  assert.equal(await p.locator('[data-figure]').count(), 4);
  await noJs.close();
});

test('theme "auto" follows the article: light in a white page for a dark-mode reader, dark in a dark page', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 800 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${server.url}index.html`);
  await reachFor(page);
  const themes = await page.evaluate(async () => {
    const { mount } = await import('./explainer.js');
    const out = [];
    for (const background of ['#ffffff', '#121212']) {
      const wrap = document.createElement('div');
      wrap.style.background = background;
      const el = document.createElement('div');
      wrap.append(el);
      document.body.append(wrap);
      await mount(el, { theme: 'auto' });
      const root = el.shadowRoot.querySelector('.bx');
      out.push([root.dataset.theme, getComputedStyle(root).backgroundColor]);
    }
    return out;
  });
  assert.deepEqual(themes, [['light', 'rgb(255, 255, 255)'], ['dark', 'rgb(22, 22, 24)']]);
  await context.close();
});
