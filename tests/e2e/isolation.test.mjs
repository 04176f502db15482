// The explainer in an article whose stylesheet styles everything it can reach, in Chromium: the
// script embed looks exactly as it does in a plain page (computed styles of its text, tables,
// buttons and drawings, and its height), and axe-core finds nothing on a light and a dark host
// page with theme "auto".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors, reachFor } from './browser.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
let explainer, host, browser;
let article = '';

before(async () => {
  explainer = await serve(here('../../dist/'));
  host = await serve(here('../../tests/e2e/'), { pages: { '/article.html': async () => [article, 'text/html; charset=utf-8'] } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await explainer?.close();
  await host?.close();
});

/** What a news site's CSS does to elements it does not expect: type, tables, buttons, drawings,
 * even our own class names and the embed's id. (Text size and letter spacing are left out: the
 * article's text size and a reader's spacing are meant to come through.) */
const HOSTILE = `
  * { color: #c00 !important; font-family: "Comic Sans MS", cursive !important; line-height: 3 !important;
      text-transform: uppercase; font-style: italic; text-align: justify; box-sizing: content-box; }
  h2, h3, .bx-title { font-size: 60px !important; margin: 100px 0 !important; border-bottom: 9px solid lime; }
  p, li { text-indent: 3em; font-weight: 900; }
  table, td, th { border: 5px solid red !important; background: yellow !important; padding: 30px !important; }
  button, summary { background: black !important; color: black !important; border-radius: 0; padding: 40px !important; }
  svg text { fill: red !important; font-size: 40px !important; }
  svg, svg * { stroke: lime !important; }
  a { color: pink !important; text-decoration: none !important; }
  div div, section div { padding: 10px; } /* the host's own box is its to size; what is inside is not */
  #embed div, #embed p, [data-breach-explainer] * { display: inline !important; }
`;

const WHAT = {
  title: '.bx-title',
  summary: '.bx-summary',
  button: 'button',
  cell: 'td',
  header: 'th',
  drawn: 'svg text',
  link: 'a[href]',
  folded: 'summary',
};
const PROPS = ['color', 'font-family', 'font-size', 'font-style', 'font-weight', 'line-height', 'text-transform', 'text-align', 'text-indent',
  'margin-top', 'padding-top', 'border-top-width', 'background-color', 'display', 'fill', 'stroke'];

/** Computed styles of the explainer's elements, and its height, in a host page with `css`. */
async function looks(css, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  article = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>An article</title>
    <style>${css}</style></head><body><h1>An article</h1><p>Text before.</p>
    <div id="embed" data-breach-explainer data-lang="en" data-theme="light"></div>
    <script type="module" src="${explainer.url}embed.js"></script><p>Text after.</p></body></html>`;
  await page.goto(`${host.url}article.html`);
  await reachFor(page, '#embed');
  // Every folded part opened, as a reader would, so its contents are built and compared too.
  await page.evaluate(() => { for (const d of document.getElementById('embed').shadowRoot.querySelectorAll('details.bx-part')) d.open = true; });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const seen = await page.evaluate(([what, props]) => {
    const root = document.getElementById('embed').shadowRoot;
    const out = { height: Math.round(root.querySelector('.bx').getBoundingClientRect().height) };
    for (const [name, selector] of Object.entries(what)) {
      const el = root.querySelector(selector);
      if (!el) { out[name] = 'missing'; continue; }
      const style = getComputedStyle(el);
      out[name] = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    }
    return out;
  }, [WHAT, PROPS]);
  assert.deepEqual(errors, []);
  await context.close();
  return seen;
}

test('an article stylesheet that styles everything changes nothing in the explainer', { timeout: 90_000 }, async () => {
  for (const width of [375, 1280]) {
    const plain = await looks('', width);
    const hostile = await looks(HOSTILE, width);
    for (const name of Object.keys(WHAT)) assert.notEqual(plain[name], 'missing', `${name} is in the explainer`);
    assert.deepEqual(hostile, plain, `at ${width} px`);
  }
});

for (const [name, background, scheme] of [['light', '#ffffff', 'light'], ['dark', '#121212', 'dark']]) {
  test(`axe-core: 0 violations for the script embed in a ${name} article, theme "auto"`, { timeout: 90_000 }, async () => {
    // The reader's system says the opposite: the article decides.
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, colorScheme: scheme === 'light' ? 'dark' : 'light' });
    const page = await context.newPage();
    article = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>An article</title>
      <style>body { background: ${background}; color: ${scheme === 'light' ? '#111' : '#eee'}; }</style></head>
      <body><main><h1>An article</h1><p>Text before.</p>
      <div id="embed" data-breach-explainer data-lang="en" data-theme="auto"></div>
      <script type="module" src="${explainer.url}embed.js"></script></main></body></html>`;
    await page.goto(`${host.url}article.html`);
    await reachFor(page, '#embed');
    const theme = await page.evaluate(() => document.getElementById('embed').shadowRoot.querySelector('.bx').dataset.theme);
    assert.equal(theme, name, 'the theme follows the article');
    // Folded parts opened, so everything is checked.
    await page.evaluate(() => { for (const d of document.getElementById('embed').shadowRoot.querySelectorAll('details')) d.open = true; });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const { violations } = await new AxeBuilder({ page }).include('#embed').analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), []);
    await context.close();
  });
}
