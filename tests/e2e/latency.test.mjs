// How long a phone reader waits for the explainer to answer: tap an event, switch the view,
// open a folded part, switch the language, on the live explainer at 375 px with touch and the
// CPU slowed 4× (Chromium's CPU throttling, about a mid-range phone). Each interaction's time is
// what the browser's Event Timing API reports: from the touch to the next frame painted after
// its handlers ran (Chromium reports only interactions of 16 ms or more; shorter ones print as
// "< 16 ms"). The figures are printed; the test asserts only a generous ceiling (the aim, 200 ms,
// is in the README), so a slow machine does not fail it and a hang or a lost frame loop does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors, reachFor } from './browser.mjs';

// LATENCY_CEILING_MS: to see the test fail, or to hold a faster machine to a tighter bound.
const CEILING_MS = Number(process.env.LATENCY_CEILING_MS ?? 3000);
let server, browser;
before(async () => {
  server = await serve(fileURLToPath(new URL('../../dist/', import.meta.url)));
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Collects the page's Event Timing entries from here on. */
function observeEvents() {
  window.__timings = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__timings.push({ name: e.name, duration: e.duration, target: e.target?.tagName ?? '' });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: false });
}

/** The longest interaction the browser reported since the last call (0: none reached 16 ms). */
async function longest(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(300); // entries are delivered after the frame
  return page.evaluate(() => {
    const all = window.__timings.splice(0);
    const taps = all.filter((e) => /^(pointer(down|up)|click|touch(start|end)|key(down|up))$/.test(e.name));
    return taps.reduce((m, e) => Math.max(m, e.duration), 0);
  });
}

async function tapCentre(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  assert.ok(box, 'the control is on screen');
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

test('every interaction answers within a frame budget at 4× CPU on a phone (printed)', { timeout: 120_000 }, async (t) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await reachFor(page);
  await page.waitForSelector('#explainer .bx:not([data-static]) [data-chart=timeline] [role=option][data-event]');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(observeEvents);
  const measured = [];
  const step = async (what, act, answered, arg = null) => {
    await act();
    await page.waitForFunction(answered, arg, { timeout: 10_000 });
    const ms = await longest(page);
    measured.push([what, ms]);
  };

  const option = page.locator('#explainer [data-chart=timeline] [role=option][data-event]').first();
  const name = (await option.getAttribute('aria-label')).split(': ').slice(1).join(': ').replace(/ \([^)]*\)$/, '');
  await step('tap an event', () => tapCentre(page, option),
    () => !document.querySelector('#explainer [data-bx=detail]')?.hidden);
  assert.equal((await page.textContent('#explainer [data-bx=detail] h4')).trim(), name, 'the tapped event is open');

  await step('switch the view', () => tapCentre(page, page.locator('#explainer [data-view=story]')),
    () => document.querySelector('#explainer [data-view=story]')?.getAttribute('aria-pressed') === 'true');

  // A folded part if the page folds any (the shell shows them all), else a figure's data.
  const folded = '#explainer details[data-part]:not([open]) > summary';
  const part = page.locator((await page.locator(folded).count()) ? folded : '#explainer details.bx-more:not([open]) > summary').first();
  await part.evaluate((s) => { s.parentElement.dataset.latencyProbe = ''; });
  await step('open a part', () => tapCentre(page, part),
    () => document.querySelector('#explainer details[data-latency-probe]')?.open);

  // Whichever language the page is not in.
  const other = page.locator('#explainer .bx-langs button[aria-pressed=false]').first();
  const lang = await other.getAttribute('lang');
  await step(`switch the language (to ${lang})`, () => tapCentre(page, other),
    (l) => document.querySelector('#explainer .bx:not([data-static])')?.getAttribute('lang') === l, lang);

  for (const [what, ms] of measured) t.diagnostic(`${what}: ${ms ? `${Math.round(ms)} ms` : '< 16 ms'} to the next paint (4× CPU, 375 px, touch)`);
  for (const [what, ms] of measured) assert.ok(ms <= CEILING_MS, `${what}: ${ms} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});
