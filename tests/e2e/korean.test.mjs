// End to end in Korean: the shell with ?lang=ko shows Korean throughout, the switch toggles
// languages in place, and axe-core finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors, reachFor } from './browser.mjs';

const www = fileURLToPath(new URL('../../dist/', import.meta.url));
// Screenshots for a person to look at (git-ignored); scripts/docs-screenshots copies them to docs/.
const shots = fileURLToPath(new URL('./out/screenshots/', import.meta.url));
let server, browser;
before(async () => { server = await serve(www); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Latin-script words allowed in Korean text: proper names and abbreviations as Korean media
// write them. Source titles, publishers and the "English" button are excluded by selector.
const ALLOWED = new Set(['SK', 'SBS', 'Biz', 'KISA', 'PIPC', 'SEC', 'K', 'IMSI', 'HSS', 'GB', 'Inc', 'ID', 'IP', 'CEO', 'KST', 'USD', 'KRW',
  // File formats are named the same in Korean.
  'SVG', 'PNG', 'CSV', 'JSON']);
const EXCLUDED = '.bx-sources, .bx-cites, .bx-source-line, [lang=en], .bx-problems';

async function latinWords(page) {
  return page.evaluate(([excluded]) => {
    const root = document.querySelector('.bx');
    const words = new Set();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest(excluded)) continue;
      // Visible text only (details are opened before this runs).
      if (!el.closest('svg') && !el.checkVisibility()) continue;
      for (const w of node.textContent.match(/[A-Za-z][A-Za-z]*/g) ?? []) words.add(w);
    }
    return [...words];
  }, [EXCLUDED]);
}

for (const width of [320, 1280]) {
  test(`?lang=ko shows Korean throughout at ${width} px`, { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ viewport: { width, height: 1400 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}?lang=ko`);
    await reachFor(page); // the live one, not the static version
    assert.equal(await page.getAttribute('.bx', 'lang'), 'ko');
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    assert.equal(await page.textContent('.bx-title'), '쿠팡 개인정보 유출: 3,370만 개 계정, 수개월간 몰랐다');
    await page.screenshot({ path: `${shots}page-ko-${width}.png` });
    // Open every "show the data" panel and an event's details, then look at all the text.
    for (const summary of await page.locator('.bx summary').all()) await summary.click();
    await page.click('[data-view=story]');
    await page.focus('[data-chart=timeline] [role=listbox]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-bx=detail]:not([hidden])');
    const latin = (await latinWords(page)).filter((w) => !ALLOWED.has(w));
    assert.deepEqual(latin, [], `Latin-script words in the Korean page: ${latin.join(', ')}`);
    // Korean formats.
    const text = await page.textContent('.bx');
    assert.match(text, /2025년 6월 24일/);
    assert.match(text, /2025년 11월 18일 오후 10시 52분/);
    assert.match(text, /6,247억 원/);
    assert.match(text, /1조 6,850억 원/);
    const axe = await new AxeBuilder({ page }).include('.bx').analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the switch toggles languages in place, keeping the selected event', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1000 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}#event=detected`);
  await page.waitForSelector('[data-bx=detail]:not([hidden])');
  assert.equal(await page.textContent('[data-bx=detail] h4'), 'Coupang detects the breach');
  await page.evaluate(() => { window.notReloaded = true; });
  await page.click('[data-lang-switch=ko]');
  assert.equal(await page.textContent('[data-bx=detail] h4'), '쿠팡, 유출 인지');
  assert.equal(await page.getAttribute('.bx', 'lang'), 'ko');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  assert.equal(await page.getAttribute('[data-lang-switch=ko]', 'aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.langSwitch), 'ko', 'focus stays on the switch');
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'no reload');
  assert.match(page.url(), /#event=detected/);
  // The parts below the timeline come in the frames after the switch: all of them, in Korean,
  // each chart drawn, none left holding a placeholder's height.
  await page.waitForFunction(() => [...document.querySelectorAll('#explainer .bx:not([data-static]) > :is(figure, section)')].every((p) => p.childElementCount > 0 && !p.style.minHeight));
  const parts = await page.$$eval('#explainer .bx:not([data-static]) > :is(figure, section)', (ps) => ps.map((p) => [p.querySelector('h2, h3, figcaption')?.textContent ?? '', p.querySelectorAll('[data-stage]').length, p.querySelectorAll('[data-stage] svg').length]));
  assert.ok(parts.length >= 6, `${parts.length} open parts`);
  for (const [heading, stages, drawn] of parts) {
    assert.match(heading, /[가-힣]/, `"${heading}" is in Korean`);
    assert.equal(drawn, stages, `${heading}: every chart drawn`);
  }
  await page.click('[data-lang-switch=en]');
  assert.equal(await page.textContent('[data-bx=detail] h4'), 'Coupang detects the breach');
  assert.deepEqual(errors, []);
  await context.close();
});
