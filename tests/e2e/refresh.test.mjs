// Update in place: an explainer mounted with `refresh` looks for a newer version of its dataset
// with conditional requests, and shows it without losing the reader's place. A server whose
// dataset changes between looks (a count revised, an event added, the selected event removed,
// then a broken version), answering 304 while nothing changed; the page must keep the view, the
// selection (or say it was removed), the focus and the spot on the screen, announce the update,
// tell the host, never re-render for a 304, and keep the last good version when a new one is
// broken. Also: no look while the page is hidden, and longer waits after failures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors } from './browser.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
let explainer, data, browser, base;

/** The dataset server: version `n` of the text, ETag "v<n>", 304 for the version the browser
 * has, 500 while `failing`; every request is logged with its time and its If-None-Match. */
const feed = { n: 1, text: '', failing: false, log: [] };
let page = '';
let embeds = '';

function publish(text) {
  feed.n += 1;
  feed.text = text;
}

before(async () => {
  base = JSON.parse(await readFile(here('../../data/coupang-2025.json'), 'utf8'));
  feed.text = JSON.stringify(base);
  explainer = await serve(here('../../dist/'));
  page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>An article</title></head>
    <body><h1>An article</h1>${'<p>Paragraph of the article.</p>'.repeat(30)}<div id="embed"></div>${'<p>More of the article.</p>'.repeat(60)}</body></html>`;
  data = createServer((req, res) => {
    // What the README's Deploy section asks of a host, and no more: a preflight would fail here.
    const cors = { 'access-control-allow-origin': '*' };
    if (req.method === 'OPTIONS') { feed.preflights = (feed.preflights ?? 0) + 1; res.writeHead(204, cors).end(); return; }
    if (req.url === '/embeds.html') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(embeds); return; }
    if (req.url === '/article.html') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page); return; }
    const etag = `"v${feed.n}"`;
    const match = req.headers['if-none-match'];
    feed.log.push({ url: req.url, match: match ?? null, status: feed.failing ? 500 : match === etag ? 304 : 200 });
    if (feed.failing) { res.writeHead(500, cors).end('down'); return; }
    if (match === etag) { res.writeHead(304, { ...cors, etag }).end(); return; }
    res.writeHead(200, { ...cors, etag, 'content-type': 'application/json', 'cache-control': 'no-cache' }).end(feed.text);
  });
  await new Promise((ok) => data.listen(0, '127.0.0.1', ok));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await explainer?.close();
  await new Promise((ok) => data?.close(ok));
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The reader's clock jumps `seconds` ahead (refresh is held to 30 s or more, so the page runs
 * on Playwright's clock), and any look that starts is given time to be answered and drawn. */
async function jump(page, seconds) {
  const n = feed.log.length;
  await page.clock.fastForward(seconds * 1000);
  for (let i = 0; i < 40 && feed.log.length === n; i++) await sleep(25);
  await sleep(150);
}

test('a newer dataset is shown in place, keeping the reader\'s place; 304s and broken versions change nothing', { timeout: 120_000 }, async () => {
  const url = `http://127.0.0.1:${data.address().port}/`;
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const errors = watchErrors(page);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.clock.install();
  await page.goto(`${url}article.html`);
  await page.evaluate(async ([lib, data]) => {
    const el = document.getElementById('embed');
    window.seen = { update: [], error: [], part: [], view: [] };
    el.addEventListener('breach-explainer:update', (e) => window.seen.update.push(e.detail));
    el.addEventListener('breach-explainer:part', (e) => window.seen.part.push(e.detail));
    el.addEventListener('breach-explainer:view', (e) => window.seen.view.push(e.detail));
    el.addEventListener('breach-explainer:error', (e) => window.seen.error.push(e.detail));
    const { mount } = await import(lib);
    window.handle = await mount(el, { data, refresh: 30, lang: 'en', deepLink: true });
    window.root = () => el.shadowRoot.querySelector('.bx');
    window.first = window.root();
  }, [`${explainer.url}explainer.js`, `${url}data.json`]);
  const shadow = (js) => page.evaluate(js);

  // Unchanged: conditional requests answered 304, and nothing is drawn again.
  const before304 = feed.log.length;
  for (let i = 0; i < 3; i++) await jump(page, 30);
  const looks = feed.log.slice(before304);
  assert.equal(looks.length, 3, `it looked again every 30 s (${looks.length} times in 90 s)`);
  assert.ok(looks.every((l) => l.match === '"v1"' && l.status === 304), 'each look is conditional and answered 304');
  assert.equal(feed.preflights ?? 0, 0, 'no preflight: a host that allows the origin is enough');
  assert.equal(await shadow(() => window.seen.update.length), 0, 'no update for a 304');
  assert.equal(await shadow(() => window.root() === window.first), true, 'the same explainer, not drawn again');

  // The reader's place: an event selected, the whole story in view, focus on that button, and
  // the timeline scrolled to a spot on the screen.
  await page.evaluate(() => { location.hash = '#event=probe-results'; });
  await page.waitForFunction(() => window.handle.selected() === 'probe-results');
  const story = await page.evaluateHandle(() => document.getElementById('embed').shadowRoot.querySelector('[data-view="story"]'));
  await story.click();
  await page.waitForFunction(() => window.seen.view.length === 1);
  assert.deepEqual(await shadow(() => window.seen.view), ['story'], 'the view event, once, for the reader\'s click');
  await page.evaluate(() => {
    const h = document.getElementById('embed').shadowRoot.querySelector('.bx-timeline h3');
    window.scrollBy(0, h.getBoundingClientRect().top - 120);
  });
  const place = () => page.evaluate(() => {
    const s = document.getElementById('embed').shadowRoot;
    return {
      selected: window.handle.selected() ?? null,
      story: s.querySelector('[data-view="story"]').getAttribute('aria-pressed'),
      focus: s.activeElement?.getAttribute('data-view') ?? null,
      top: Math.round(s.querySelector('.bx-timeline h3').getBoundingClientRect().top),
      detail: s.querySelector('[data-bx="detail"] h4')?.textContent ?? null,
    };
  });
  const was = await place();
  assert.deepEqual({ ...was, top: undefined }, { selected: 'probe-results', story: 'true', focus: 'story', top: undefined, detail: 'Government probe results' });

  // 1. A count revised.
  const v2 = structuredClone(base);
  v2.counts.push({ ...v2.counts.find((c) => c.id === 'coupang-33-7m'), id: 'coupang-34m', value: 34000000, approximate: false, as_of: '2026-07-01' });
  v2.updated = '2026-12-08T10:00+09:00';
  v2.changes.push({ at: '2026-12-08', kind: 'revised', about: 'counts/coupang-34m', replaces: 'coupang-33-7m', sources: ['kh-10673625'] });
  publish(JSON.stringify(v2));
  await jump(page, 30);
  await page.waitForFunction(() => window.seen.update.length === 1);
  assert.deepEqual(await shadow(() => window.seen.update[0]), {
    latest: 'Count revised: Coupang accounts exposed, from about 33.7 million to 34 million accounts.',
    updated: '2026-12-08T10:00+09:00',
    selectionRemoved: false,
  });
  const now = await place();
  assert.equal(now.selected, 'probe-results', 'the same event selected');
  assert.equal(now.detail, 'Government probe results', 'its details open');
  assert.equal(now.story, 'true', 'the same view');
  assert.equal(now.focus, 'story', 'focus kept');
  assert.ok(Math.abs(now.top - was.top) <= 2, `the same spot on the screen (${was.top} → ${now.top})`);
  assert.equal(await shadow(() => window.root() === window.first), false, 'drawn again');
  assert.match(await shadow(() => document.getElementById('embed').shadowRoot.querySelector('[data-bx="updated"]').textContent),
    /^Updated just now: Count revised: Coupang accounts exposed, from about 33\.7 million to 34 million accounts\.$/);
  await page.waitForFunction(() => document.getElementById('embed').shadowRoot.querySelector('[data-bx="live"]').textContent.startsWith('Updated just now: Count revised'));
  assert.equal(await shadow(() => document.getElementById('embed').shadowRoot.querySelector('[data-bx="live"]').getAttribute('aria-live')), 'polite');

  // 304s again: still one update.
  await jump(page, 30);
  await jump(page, 30);
  assert.equal(await shadow(() => window.seen.update.length), 1, 'no update for a 304');
  // "Updated just now" ages while the reader stays.
  await jump(page, 240);
  assert.match(await shadow(() => document.getElementById('embed').shadowRoot.querySelector('[data-bx="updated"]').textContent),
    /^Updated [45] minutes ago: Count revised: Coupang accounts exposed/);

  // The reader opens a folded part: one part event; an update that keeps it open sends none.
  await page.evaluate(() => document.getElementById('embed').shadowRoot.querySelector('details[data-part="money"] > summary').click());
  await page.waitForFunction(() => window.seen.part.length === 1);
  assert.deepEqual(await shadow(() => window.seen.part), [{ part: 'money', open: true }]);
  await page.evaluate(() => {
    const h = document.getElementById('embed').shadowRoot.querySelector('.bx-timeline h3');
    window.scrollBy(0, h.getBoundingClientRect().top - 120);
  });
  // Focus left in "What changed" far below while the reader reads the timeline: the heading on
  // the screen holds the place, not the focused summary (it threw the reader 2,814 px away).
  await page.evaluate(() => document.getElementById('embed').shadowRoot.querySelector('details[data-part="changes"] > summary').focus({ preventScroll: true }));
  const reading = await place();
  const partsBefore = await shadow(() => window.seen.part.length);

  // 2. An event added.
  const v3 = structuredClone(v2);
  v3.events.push({ id: 'new-hearing', date: '2026-07-02', lane: 'government', title: { en: 'New hearing', ko: '새 청문회' }, detail: { en: 'A new hearing.', ko: '새 청문회가 열렸다.' }, confidence: 'high', sources: ['kh-10673625'] });
  v3.updated = '2026-12-09T09:00+09:00';
  v3.changes.push({ at: '2026-12-09', kind: 'added', about: 'events/new-hearing', sources: ['kh-10673625'] });
  publish(JSON.stringify(v3));
  await jump(page, 30);
  await page.waitForFunction(() => window.seen.update.length === 2);
  assert.equal(await shadow(() => window.seen.update[1].latest), 'Event added: New hearing.');
  const held = await place();
  assert.ok(Math.abs(held.top - reading.top) <= 2, `the timeline stays where the reader had it with focus in another part (${reading.top} → ${held.top})`);
  assert.equal(await shadow(() => document.getElementById('embed').shadowRoot.activeElement?.closest('details')?.getAttribute('data-part')), 'changes', 'focus kept in What changed');
  assert.equal(await shadow(() => window.seen.part.length), partsBefore, 'no part event for parts an update opened');
  assert.equal(await shadow(() => window.seen.view.length), 1, 'no view event for an update');
  assert.equal((await place()).selected, 'probe-results');
  assert.ok(await shadow(() => [...document.getElementById('embed').shadowRoot.querySelectorAll('.bx-events li')].some((li) => li.textContent.includes('New hearing'))));

  // 3. The selected event removed: a polite note says so.
  const v4 = structuredClone(v3);
  v4.events = v4.events.filter((e) => e.id !== 'probe-results');
  v4.changes = v4.changes.filter((c) => c.about !== 'events/probe-results');
  v4.updated = '2026-12-10T09:00+09:00';
  v4.changes.push({ at: '2026-12-10', kind: 'removed', about: 'events/probe-results', note: { en: 'Merged into another event', ko: '다른 사건에 합쳤다' }, sources: ['kh-10673625'] });
  publish(JSON.stringify(v4));
  await jump(page, 30);
  await page.waitForFunction(() => window.seen.update.length === 3);
  assert.equal(await shadow(() => window.seen.update[2].selectionRemoved), true);
  assert.equal((await place()).selected, null);
  assert.equal((await place()).story, 'true', 'still the whole story');
  await page.waitForFunction(() => document.getElementById('embed').shadowRoot.querySelector('[data-bx="live"]').textContent.includes('The event you had open was removed in this update.'));
  assert.equal(await shadow(() => window.seen.update[2].latest), 'Event removed.');

  // 4. A broken version: the last good one stays, the author hears why, readers see nothing.
  await page.evaluate(() => { window.good = window.root(); });
  const v5 = structuredClone(v4);
  v5.counts[0].value = -1;
  publish(JSON.stringify(v5));
  await jump(page, 30);
  await page.waitForFunction(() => window.seen.error.length === 1);
  await jump(page, 30);
  await jump(page, 30);
  assert.equal(await shadow(() => window.seen.error.length), 1, 'reported once, not at every look');
  // The JSON path and the problem: the reader's wasm, for updates as for mount(), leaves out the
  // scanner that adds line, column and the item in words (the editor and `check` have it).
  assert.match((await shadow(() => window.seen.error[0]))[0], /counts\[0\]\.value: -1 is below 0/);
  assert.equal(await shadow(() => window.seen.update.length), 3, 'no update');
  assert.equal(await shadow(() => window.good === window.root() && window.good.isConnected), true, 'the last good version still shown');
  assert.deepEqual(await shadow(() => window.handle.problems()), []);
  assert.equal(await shadow(() => document.getElementById('embed').shadowRoot.querySelector('.bx-error')), null, 'no error for readers');
  assert.ok(warnings.some((w) => w.includes('cannot be shown')), 'a console warning for the author');

  // No look while the page is hidden; one as soon as it is shown again.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await jump(page, 30);
  const hiddenFrom = feed.log.length;
  await jump(page, 120);
  assert.equal(feed.log.length, hiddenFrom, 'no request while hidden');
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await sleep(300);
  assert.ok(feed.log.length > hiddenFrom, 'a look once shown');

  // Failures: the wait doubles (30 s → 60 → 120 → 240 s), in steps of the reader's 30 s.
  feed.failing = true;
  const failAt = [];
  for (let step = 1; step <= 16; step++) {
    const n = feed.log.length;
    await jump(page, 30);
    if (feed.log.slice(n).some((l) => l.status === 500)) failAt.push(step * 30);
  }
  feed.failing = false;
  const gaps = failAt.slice(1).map((t, i) => t - failAt[i]);
  assert.ok(failAt.length >= 3 && failAt.length <= 5, `fewer looks while failing (${failAt.length} in 8 minutes: gaps ${gaps.join(', ')} s)`);
  for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i] > gaps[i - 1] * 1.5, `each wait longer: ${gaps.join(', ')} s`);
  assert.equal(await shadow(() => window.handle.problems().length), 0, 'still no error for readers');
  console.log(`# refresh: looks every 30 s while unchanged: ${looks.length} in 90 s; waits after failures: ${gaps.join(', ')} s`);

  // handle.refresh() looks at once.
  const v6 = structuredClone(v4);
  v6.updated = '2026-12-11T09:00+09:00';
  v6.changes.push({ at: '2026-12-11', kind: 'corrected', about: 'events/new-hearing', sources: ['kh-10673625'] });
  publish(JSON.stringify(v6));
  // (A look already on its way may answer first; then the next one, at once, shows it.)
  const shownNow = await page.evaluate(async () => (await window.handle.refresh()) || window.handle.refresh());
  assert.equal(shownNow, true, 'refresh() shows the newer version');
  assert.equal(await shadow(() => window.seen.update.at(-1).latest), 'Event corrected: New hearing.');
  await page.evaluate(() => window.handle.destroy());
  const afterDestroy = feed.log.length;
  await jump(page, 120);
  assert.ok(feed.log.length - afterDestroy <= 1, 'no looks after destroy()');
  // The 500s this test served are logged by the browser itself.
  assert.deepEqual(errors.filter((e) => !/status of 500/.test(e)), []);
  await context.close();
});

test('the script embed (data-refresh) and the iframe embed (?refresh=) update in place too', { timeout: 60_000 }, async () => {
  const url = `http://127.0.0.1:${data.address().port}/`;
  feed.failing = false;
  embeds = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Embeds</title></head><body>
    <div id="script" data-breach-explainer data-src="${url}data.json?from=script" data-lang="en" data-refresh="0.001"></div>
    <script type="module" src="${explainer.url}embed.js"></script>
    <iframe id="frame" title="The breach" style="width: 800px; height: 600px" src="${explainer.url}embed.html?data=${encodeURIComponent(`${url}data.json?from=frame`)}&lang=en&refresh=2592000"></iframe>
    </body></html>`;
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const tab = await context.newPage();
  tab.setDefaultTimeout(20000);
  await context.clock.install();
  await tab.goto(`${url}embeds.html`);
  await tab.waitForFunction(() => !!document.getElementById('script').shadowRoot?.querySelector('.bx:not([data-static]) .bx-title'));
  const frame = () => tab.frames().find((f) => f.url().includes('embed.html'));
  await (async () => { for (let i = 0; i < 100 && !frame(); i++) await sleep(100); })();
  await frame().waitForFunction(() => !!document.querySelector('.bx:not([data-static]) .bx-title'), null, { polling: 100 });
  // Refresh is held between 30 s and a day: 0.001 s does not flood the host (it made 1,335
  // requests in 5 s), and 30 days, past setTimeout's limit, does not fire at once.
  const from = (who) => feed.log.filter((l) => l.url.endsWith(`from=${who}`)).length;
  const [script0, frame0] = [from('script'), from('frame')];
  await sleep(2000);
  assert.deepEqual([from('script') - script0, from('frame') - frame0], [0, 0], 'no look in the first 2 s');
  const next = structuredClone(base);
  next.updated = '2026-12-12T09:00+09:00';
  next.changes.push({ at: '2026-12-12', kind: 'corrected', about: 'events/pipc-fine', sources: ['kh-10673625'] });
  publish(JSON.stringify(next));
  await jump(tab, 30);
  assert.equal(from('script') - script0, 1, 'the script embed looks once in 30 s');
  await tab.waitForFunction(() => document.getElementById('script').shadowRoot.querySelector('[data-bx="updated"]')?.textContent === 'Updated just now: Event corrected: Record PIPC fine.');
  // The iframe's refresh, 30 days, is held to a day: no look until then, then one.
  await jump(tab, 3600);
  assert.equal(from('frame') - frame0, 0, 'the frame does not look within the hour');
  await jump(tab, 24 * 3600);
  assert.ok(from('frame') - frame0 >= 1, 'the frame looks within a day');
  // Polled by time: an iframe below the fold gets no animation frames.
  await frame().waitForFunction(() => document.querySelector('[data-bx="updated"]')?.textContent === 'Updated just now: Event corrected: Record PIPC fine.', null, { polling: 100 });
  await context.close();
});
