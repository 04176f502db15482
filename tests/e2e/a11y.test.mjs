// Accessibility where axe does not look, in Chromium: reflow at 320 px (no sideways scroll,
// no table cell narrower than its longest word) on the page, its static version and the iframe
// page; every event's mark under its click target in the iframe at every width and view; the
// active mark kept in view; Esc that hides a hover tooltip from anywhere and closes nothing it
// should not; chart alternatives reachable while the data is closed; switches announced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors, reachFor } from './browser.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
let server, browser;
const data = JSON.parse(await readFile(here('../../data/coupang-2025.json'), 'utf8'));
before(async () => { server = await serve(here('../../dist/')); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(path, width, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}${path}`);
  if (options.javaScriptEnabled === false) return { page, context, errors };
  // The shell shows the static version until the reader reaches for the explainer.
  if (!path.startsWith('embed')) await reachFor(page);
  await page.waitForSelector('.bx:not([data-static]) .bx-title');
  return { page, context, errors };
}

/** Sideways overflow of the page, and table cells narrower than their longest word. */
async function reflow(page) {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const sideways = document.documentElement.scrollWidth - window.innerWidth;
    const narrow = [];
    for (const cell of document.querySelectorAll('.bx td, .bx th')) {
      // Words as the browser may break them: at spaces, after hyphens and before an opening
      // parenthesis (a line-break opportunity in Korean and English alike), never inside.
      const words = cell.textContent.split(/[\s\-–]+|(?=\()/).filter(Boolean);
      const longest = words.sort((a, b) => b.length - a.length)[0];
      if (!longest) continue;
      const probe = document.createElement('span');
      probe.style.whiteSpace = 'nowrap';
      probe.textContent = longest;
      cell.append(probe);
      const need = probe.getBoundingClientRect().width;
      probe.remove();
      const style = getComputedStyle(cell);
      const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (need > room + 1) narrow.push(`${longest} (${Math.round(need)} > ${Math.round(room)})`);
    }
    return { sideways, narrow: narrow.slice(0, 5), cells: narrow.length };
  });
}

for (const [path, js] of [['index.html', true], ['ko.html', true], ['index.html', false], ['embed.html', true]]) {
  test(`${path}${js ? '' : ' without JavaScript'}: nothing scrolls sideways at 320 px and words stay whole`, { timeout: 60_000 }, async () => {
    const { page, context } = await open(path, 320, { javaScriptEnabled: js });
    const r = await reflow(page);
    assert.ok(r.sideways <= 0, `the page scrolls sideways by ${r.sideways}px`);
    assert.deepEqual(r.narrow, [], `${r.cells} cells narrower than a word`);
    await context.close();
  });
}

for (const width of [320, 768, 1280]) {
  test(`embed.html at ${width} px: every event's click target is over its mark, in both views`, { timeout: 90_000 }, async () => {
    const { page, context, errors } = await open('embed.html', width);
    for (const view of ['window', 'story']) {
      await page.click(`[data-view=${view}]`);
      // The drawing is laid out at the widest rung its box holds and scaled to fill the box;
      // the clicks below show the targets scale with it.
      const [shown, drawn, box] = await page.$eval('[data-chart=timeline] svg', (s) => [s.getBoundingClientRect().width, Number(s.getAttribute('width')), s.closest('.bx-stage').getBoundingClientRect().width]);
      assert.ok(Math.abs(shown - box) < 1 && drawn <= box + 0.5, `${view}: drawn at ${drawn}px, shown at ${shown}px in a ${box}px box`);
      const ids = await page.$$eval('[data-chart=timeline] [role=option]', (os) => os.map((o) => o.dataset.event));
      for (const id of ids) {
        const option = page.locator(`[data-chart=timeline] [data-event="${id}"]`);
        await option.evaluate((o) => o.scrollIntoView({ block: 'center' }));
        // Let any relayout the last selection caused (a panel opening) land first.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const box = await option.boundingBox();
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        const selected = await page.evaluate(() => new URL(location.href).hash);
        assert.equal(selected, `#event=${encodeURIComponent(id)}`, `${view}: a click on ${id}`);
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('every event is reachable by arrows in some view, and the active one stays in view', { timeout: 90_000 }, async () => {
  const { page, context } = await open('index.html', 375);
  const reachable = new Set();
  for (const view of ['window', 'story']) {
    await page.click(`[data-view=${view}]`);
    const listbox = page.locator('[data-chart=timeline] [role=listbox]');
    await listbox.focus();
    await page.keyboard.press('Home');
    const n = await page.locator('[data-chart=timeline] [role=option]').count();
    for (let i = 0; i < n; i++) {
      const [id, inView] = await page.evaluate(() => {
        const box = document.querySelector('[data-chart=timeline] [role=listbox]');
        const active = document.getElementById(box.getAttribute('aria-activedescendant'));
        const r = active.getBoundingClientRect();
        // Whole pixels: a mark aligned to the edge may sit a fraction of a pixel over it.
        return [active.dataset.event, r.top >= -1 && r.bottom <= innerHeight + 1 && r.left >= -1 && r.right <= innerWidth + 1];
      });
      reachable.add(id);
      assert.ok(inView, `${view}: ${id} is out of view when active`);
      await page.keyboard.press('ArrowRight');
    }
  }
  assert.equal(reachable.size, data.events.length, 'every event reachable');
  await context.close();
});

test('Esc hides a hover tooltip from anywhere, and closes the details only from them or the timeline', { timeout: 60_000 }, async () => {
  const { page, context } = await open('index.html', 1280);
  // Hover a bar (focus stays on the page's body), then Esc.
  const first = page.locator('[data-chart=comparison] [role=option]').first();
  await first.evaluate((o) => o.scrollIntoView({ block: 'center' }));
  const bar = await first.boundingBox();
  await page.mouse.move(bar.x + 20, bar.y + bar.height / 2);
  await page.waitForSelector('[data-chart=comparison] [role=tooltip]:not([hidden])');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-chart=comparison] [role=tooltip]:not([hidden])').count(), 0);
  // Open an event, then press Esc on a chart: the details stay open and focus stays put.
  await page.goto(`${server.url}index.html#event=detected`);
  await page.waitForSelector('[data-bx=detail]:not([hidden])');
  await page.locator('[data-chart=money] [role=listbox]').focus();
  await page.keyboard.press('Escape'); // hides the chart's tooltip
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-bx=detail]:not([hidden])').count(), 1, 'the details stay open');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-chart]')?.dataset.chart), 'money');
  await context.close();
});

test('charts are named and described while their data is closed; switches are announced', { timeout: 60_000 }, async () => {
  const { page, context } = await open('index.html', 1280);
  const charts = await page.$$eval('.bx-chart', (figs) => figs.map((f) => {
    const box = f.querySelector('[role=listbox]');
    const alt = document.getElementById(box.getAttribute('aria-describedby'));
    return { name: f.getAttribute('aria-label'), alt: alt?.textContent ?? '', hidden: !!alt?.closest('details:not([open])') };
  }));
  assert.equal(charts.length, 4);
  for (const c of charts) {
    assert.ok(c.name && c.alt.length > 20, JSON.stringify(c));
    assert.equal(c.hidden, false, `${c.name}: its alternative is inside a closed panel`);
  }
  await page.click('[data-view=story]');
  assert.match(await page.textContent('[data-bx=live]'), /^Whole story: all \d+ events$/);
  await page.click('[data-lang-switch=ko]');
  assert.equal(await page.textContent('[data-bx=live]'), '한국어');
  assert.equal(await page.title(), data.breach.title.ko);
  await context.close();
});

test('with the reader\'s text at 200%, the drawings\' text grows with it and the marks stay under their targets', { timeout: 60_000 }, async () => {
  const { page, context } = await open('index.html', 1280);
  const textHeight = () => page.$eval('[data-chart=timeline] svg text', (t) => t.getBoundingClientRect().height);
  const before = await textHeight();
  await page.evaluate(() => { document.documentElement.style.fontSize = '32px'; });
  // The explainer grows, its observer fires, and the drawings are laid out again.
  await page.waitForFunction((b) => document.querySelector('[data-chart=timeline] svg text').getBoundingClientRect().height > b * 1.8, before);
  const after = await textHeight();
  assert.ok(after / before > 1.8 && after / before < 2.2, `${before} → ${after}`);
  // A click on an event's target still selects that event.
  const option = page.locator('[data-chart=timeline] [data-event="detected"]');
  await option.evaluate((o) => o.scrollIntoView({ block: 'center' }));
  const box = await option.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.equal(await page.evaluate(() => location.hash), '#event=detected');
  await context.close();
});

test('with WCAG 1.4.12 text spacing, no label of a drawing overlaps another or leaves the drawing', { timeout: 60_000 }, async () => {
  for (const path of ['index.html', 'ko.html']) {
    const { page, context } = await open(path, 1280);
    await page.click('[data-view=story]');
    // The spacing a reader's style sheet may set, as WCAG 1.4.12 describes it.
    await page.addStyleTag({ content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }' });
    await page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 100)));
    const problems = await page.evaluate(() => {
      const out = [];
      for (const svg of document.querySelectorAll('.bx [data-bx=svg] svg')) {
        const frame = svg.getBoundingClientRect();
        const boxes = [...svg.querySelectorAll('text')].map((t) => [t.textContent, t.getBoundingClientRect()]);
        for (const [text, b] of boxes) {
          if (b.left < frame.left - 1 || b.right > frame.right + 1) out.push(`${text} leaves the drawing`);
        }
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [ta, a] = boxes[i], [tb, b] = boxes[j];
            const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
            if (overlap) out.push(`"${ta}" over "${tb}"`);
          }
        }
      }
      return out;
    });
    assert.deepEqual(problems.slice(0, 8), [], `${path}: ${problems.length} problems`);
    await context.close();
  }
});

test('landmarks and roles: an h1 on the shell, main in the iframe page, no selection state on chart marks, rings stay rings in forced colours', { timeout: 60_000 }, async () => {
  const shell = await open('index.html', 1280);
  assert.equal(await shell.page.locator('h1').count(), 1);
  assert.equal(await shell.page.locator('[data-chart=revisions] [role=option][aria-selected]').count(), 0);
  await shell.page.emulateMedia({ forcedColors: 'active' });
  const fills = await shell.page.$$eval('[data-chart=revisions] svg circle', (cs) => cs.map((c) => [c.getAttribute('fill') === 'none', getComputedStyle(c).fill]));
  const ring = fills.find(([hollow]) => hollow)[1];
  assert.equal(ring, 'none', 'a disputed claim stays a ring');
  // Solid marks are filled with the text colour, distinct from the discs behind rings.
  const solidFills = new Set(fills.filter(([hollow]) => !hollow).map(([, f]) => f));
  assert.ok(solidFills.size >= 2, `solid marks and ring backgrounds look alike: ${[...solidFills]}`);
  await shell.context.close();
  const frame = await open('embed.html', 800);
  assert.equal(await frame.page.locator('main #explainer').count(), 1);
  await frame.context.close();
});
