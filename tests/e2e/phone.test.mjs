// What a phone reader sees of the static version and of the live one that replaces it, in
// Chromium: the two are the same height and nothing outside the explainer moves at the swap; a
// tap on the static timeline opens the event tapped; the static version's accessibility tree
// already holds every heading and link of the live one; focus stays on the same control across
// the swap; and the script embed stays within three phone screens for every dataset.
//
// To see the static version as it is, un-swapped, the pages report `navigator.connection.saveData`
// (then only the reader's own intent loads the live explainer, www/intent.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors } from './browser.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
let server, browser;
before(async () => { server = await serve(here('../../dist/')); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HEIGHT = 812;
const LIVE = '#explainer .bx:not([data-static])';
const STATIC = '#explainer .bx[data-static]';

/** Makes the page report that the reader saves data: nothing preloads, the static version stays. */
function savingData() {
  Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
}

async function open({ width, touch = width < 700, saveData = true, isMobile = false }) {
  const context = await browser.newContext({ viewport: { width, height: HEIGHT }, hasTouch: touch, isMobile });
  if (saveData) await context.addInitScript(savingData);
  const page = await context.newPage();
  const errors = watchErrors(page);
  return { context, page, errors };
}

/** Loads a shell page, retrying a few times (dist/ may be being rebuilt by someone else). */
async function load(page, path, ready = '#explainer .bx .bx-title') {
  let last;
  for (let i = 0; i < 5; i++) {
    try {
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector(ready, { timeout: 10_000 });
      await page.evaluate(() => document.fonts.ready);
      return;
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  throw last;
}

const frames = (page, n = 2) => page.evaluate((n) => new Promise((resolve) => {
  const step = (k) => (k === 0 ? resolve() : requestAnimationFrame(() => step(k - 1)));
  step(n);
}), n);

/** The reader points at the explainer's top left corner: the live one loads and is drawn. */
async function goLive(page) {
  await page.hover('#explainer', { position: { x: 2, y: 2 } });
  await page.waitForSelector(`${LIVE} .bx-title`, { timeout: 20_000 });
  await frames(page);
  await page.waitForTimeout(300);
}

test('static and live are the same height, and nothing outside moves', { timeout: 120_000 }, async () => {
  const problems = [];
  const rows = [];
  for (const path of ['index.html', 'ko.html']) {
    for (const width of [320, 375, 414, 768, 1280]) {
      const { context, page, errors } = await open({ width });
      await load(page, path, `${STATIC} .bx-title`);
      const before = await page.evaluate(() => {
        const box = document.getElementById('explainer').getBoundingClientRect();
        const wide = [...document.querySelectorAll('#explainer .bx-stage, #explainer svg')]
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && r.height > 0 && r.right > box.right + 1)
          .map(({ el, r }) => `${el.localName}${el.dataset?.chart ? `[data-chart=${el.dataset.chart}]` : ''}${el.closest('.bx-stage') && el.localName === 'svg' ? ` in ${el.closest('.bx-stage').dataset.chart}` : ''} right ${r.right.toFixed(1)}`);
        return { height: box.height, right: box.right, wide };
      });
      if (before.wide.length) problems.push(`${path} at ${width} px: no static drawing wider than its box (right ${before.right.toFixed(1)}): ${before.wide.join(', ')}`);
      // A paragraph of the article above the explainer, whose place on screen the reader keeps.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.id = 'above';
        p.textContent = 'A paragraph of the article above the explainer, that the reader has just read.';
        const explainer = document.getElementById('explainer');
        explainer.parentElement.insertBefore(p, explainer);
      });
      await page.evaluate(() => window.scrollBy(0, document.getElementById('explainer').getBoundingClientRect().top - 200));
      await frames(page);
      await page.evaluate(() => {
        const p = document.getElementById('above');
        window.tops = [];
        const record = () => { window.tops.push(p.getBoundingClientRect().top); requestAnimationFrame(record); };
        record();
      });
      await goLive(page);
      const after = await page.evaluate(() => ({
        height: document.getElementById('explainer').getBoundingClientRect().height,
        top: document.getElementById('explainer').getBoundingClientRect().top,
        tops: window.tops,
      }));
      const first = after.tops[0];
      const drift = Math.max(...after.tops.map((t) => Math.abs(t - first)));
      const row = { path, width, static: +before.height.toFixed(1), live: +after.height.toFixed(1), diff: +(after.height - before.height).toFixed(1), drift: +drift.toFixed(2), frames: after.tops.length };
      rows.push(row);
      if (Math.abs(after.height - before.height) > 2) problems.push(`${path} at ${width} px: live height ${row.live} px, static ${row.static} px (${row.diff} px apart, more than 2)`);
      if (!(drift < 0.5)) problems.push(`${path} at ${width} px: the paragraph above moved by up to ${row.drift} px over ${row.frames} frames (first top ${first.toFixed(1)}, then ${[...new Set(after.tops.map((t) => t.toFixed(1)))].join(' → ')})`);
      if (errors.length) problems.push(`${path} at ${width} px: ${errors.join('; ')}`);
      await context.close();
    }
  }
  console.log('# page width: static height / live height (difference), drift of the paragraph above over the frames');
  for (const r of rows) console.log(`#   ${r.path.padEnd(10)} ${String(r.width).padStart(4)} px: ${r.static} / ${r.live} (${r.diff}), drift ${r.drift} px over ${r.frames} frames`);
  assert.deepEqual(problems, []);
});

test('a tap on an event in the static timeline opens that event', { timeout: 60_000 }, async () => {
  const data = JSON.parse(await readFile(here('../../dist/data/coupang-2025.json'), 'utf8'));
  const titles = Object.fromEntries(data.events.map((e) => [e.id, e.title.en]));
  // Where the first event is on the live timeline, as a fraction of its stage.
  const live = await open({ width: 375, touch: true, saveData: false });
  await load(live.page, 'index.html');
  await goLive(live.page);
  await live.page.locator(`${LIVE} .bx-stage[data-chart=timeline]`).evaluate((s) => s.scrollIntoView({ block: 'center' }));
  await frames(live.page);
  // The options are boxes over the drawing's labels that let the pointer through to the
  // listbox, which finds the event under the pointer: each one's centre, clicked on the live
  // timeline, must open it (the first option for which it does is the target).
  const options = await live.page.evaluate((LIVE) => {
    const stage = document.querySelector(`${LIVE} .bx-stage[data-chart=timeline]`);
    const s = stage.getBoundingClientRect();
    return [...stage.querySelectorAll('[role=option][data-event]')].map((option) => {
      const o = option.getBoundingClientRect();
      const [x, y] = [o.left + o.width / 2, o.top + o.height / 2];
      return { id: option.dataset.event, x, y, fx: (x - s.left) / s.width, fy: (y - s.top) / s.height, stage: [s.width, s.height], option: [o.left - s.left, o.top - s.top, o.width, o.height], free: stage.contains(document.elementFromPoint(x, y)) };
    });
  }, LIVE);
  let target = null;
  for (const option of options.filter((o) => o.free).slice(0, 5)) {
    await live.page.mouse.click(option.x, option.y);
    const opened = await live.page.waitForFunction(({ LIVE, title }) => {
      const detail = document.querySelector(`${LIVE} [data-bx=detail]`);
      return !!detail && !detail.hidden && detail.querySelector('h4')?.textContent.trim() === title;
    }, { LIVE, title: titles[option.id] }, { timeout: 2_000 }).then(() => true, () => false);
    console.log(`# live timeline at 375 px: a click at the centre of ${option.id} ${opened ? 'opens it' : 'does not open it'}`);
    if (opened) { target = option; break; }
  }
  assert.ok(target, 'the live timeline has an option a tap can reach');
  console.log(`# first event on the live timeline at 375 px: ${target.id} ("${titles[target.id]}"), centre at ${target.fx.toFixed(3)} × ${target.fy.toFixed(3)} of the ${target.stage.join(' × ')} px stage (option box ${target.option.map((n) => n.toFixed(0)).join(', ')})`);
  assert.ok(titles[target.id], `event ${target.id} is in the dataset`);
  assert.deepEqual(live.errors, []);
  await live.context.close();

  // The same point of the static timeline, tapped by a reader who saves data.
  const { context, page, errors } = await open({ width: 375, touch: true });
  await load(page, 'index.html', `${STATIC} .bx-title`);
  const stage = page.locator(`${STATIC} .bx-stage[data-chart=timeline]`);
  await stage.evaluate((s) => s.scrollIntoView({ block: 'center' }));
  await frames(page);
  const box = await stage.boundingBox();
  const [x, y] = [box.x + target.fx * box.width, box.y + target.fy * box.height];
  console.log(`# tap on the static ${box.width.toFixed(0)} × ${box.height.toFixed(0)} px timeline at (${x.toFixed(1)}, ${y.toFixed(1)})`);
  assert.equal(await page.locator(LIVE).count(), 0, 'still the static version before the tap');
  await page.touchscreen.tap(x, y);
  await page.waitForSelector(`${LIVE} .bx-title`, { timeout: 20_000 });
  await page.waitForSelector(`${LIVE} [data-bx=detail]:not([hidden]) h4`, { timeout: 5_000 }).catch(() => {});
  const seen = await page.evaluate((LIVE) => {
    const detail = document.querySelector(`${LIVE} [data-bx=detail]`);
    return { shown: !!detail && !detail.hidden && detail.getBoundingClientRect().height > 0, title: detail?.querySelector('h4')?.textContent.trim() ?? null, hash: location.hash };
  }, LIVE);
  console.log(`# after the tap: detail ${seen.shown ? 'shown' : 'not shown'}, h4 "${seen.title}", hash "${seen.hash}"`);
  assert.ok(seen.shown, `the event's details are shown after the tap (h4 ${JSON.stringify(seen.title)}, hash "${seen.hash}")`);
  assert.equal(seen.title, titles[target.id], `the tapped event, ${target.id}, is the one opened`);
  // index.html links to the open event (deepLink: true).
  assert.equal(seen.hash, `#event=${target.id}`, 'the address links to the event opened');
  assert.deepEqual(errors, []);
  await context.close();
});

/** The names of the headings and links in the page's accessibility tree (non-ignored nodes). */
async function outline(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const out = { heading: new Set(), link: new Set() };
  for (const node of nodes) {
    const role = node.role?.value;
    if (node.ignored || !(role in out)) continue;
    out[role].add(String(node.name?.value ?? '').replace(/\s+/g, ' ').trim());
  }
  return out;
}

test("the static version's accessibility tree has every heading and link of the live one", { timeout: 60_000 }, async () => {
  const problems = [];
  for (const width of [375, 1280]) {
    const { context, page, errors } = await open({ width });
    await load(page, 'index.html', `${STATIC} .bx-title`);
    await frames(page);
    const before = await outline(context, page);
    await goLive(page);
    const after = await outline(context, page);
    for (const role of ['heading', 'link']) {
      const missing = [...after[role]].filter((name) => !before[role].has(name));
      console.log(`# index.html at ${width} px: ${role}s static ${before[role].size}, live ${after[role].size}, live ones missing from the static tree ${missing.length}`);
      if (missing.length) problems.push(`at ${width} px, ${missing.length} live ${role}(s) of ${after[role].size} not in the static tree (${before[role].size}): ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
    }
    if (errors.length) problems.push(`at ${width} px: ${errors.join('; ')}`);
    await context.close();
  }
  assert.deepEqual(problems, []);
});

test('focus survives the swap', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await open({ width: 375 });
  await load(page, 'index.html', `${STATIC} .bx-title`);
  const charts = await page.$$eval(`${STATIC} .bx-stage[data-chart]`, (stages) => stages.map((s) => s.dataset.chart));
  // Each control: how to find it in the static version, and what its live counterpart is.
  const controls = [
    ...charts.map((chart) => ({ name: `the ${chart} drawing`, find: `.bx-stage[data-chart="${chart}"]`, live: `.bx-stage[data-chart="${chart}"] [role=listbox]` })),
    { name: 'the story view button', find: '[data-view=story]', live: '[data-view=story]' },
    { name: "the key figures' first summary", find: '.bx-figures summary, .bx-figures ~ details summary', live: 'same' },
    { name: 'the first source link', find: '.bx-sources a[href]', live: 'same' },
  ];
  const failures = [];
  for (const control of controls) {
    await load(page, 'index.html', `${STATIC} .bx-title`);
    const was = await page.evaluate(({ STATIC, find }) => {
      const el = document.querySelector(STATIC)?.querySelector(find);
      if (!el) return null;
      el.focus();
      return { tag: el.localName, text: el.textContent.replace(/\s+/g, ' ').trim(), focused: document.activeElement === el };
    }, { STATIC, find: control.find });
    if (!was) { failures.push(`${control.name}: not found in the static version (${control.find})`); continue; }
    if (!was.focused) { failures.push(`${control.name}: could not be focused in the static version`); continue; }
    await page.waitForSelector(`${LIVE} .bx-title`, { timeout: 20_000 });
    const check = ({ LIVE, live, was }) => {
      const root = document.querySelector(LIVE);
      const active = document.activeElement;
      if (!root || !active) return false;
      if (live === 'same') return root.contains(active) && active.localName === was.tag && active.textContent.replace(/\s+/g, ' ').trim() === was.text;
      return active === root.querySelector(live);
    };
    const ok = await page.waitForFunction(check, { LIVE, live: control.live, was }, { timeout: 3_000 }).then(() => true, () => false);
    const now = await page.evaluate(() => {
      const a = document.activeElement;
      return `${a.localName}${a.id ? `#${a.id}` : ''}${a.getAttribute('role') ? `[role=${a.getAttribute('role')}]` : ''} "${a.textContent.replace(/\s+/g, ' ').trim().slice(0, 50)}" ${a.closest('.bx:not([data-static])') ? 'in the live version' : a.closest('.bx[data-static]') ? 'in the static version' : 'outside the explainer'}`;
    });
    console.log(`# focus on ${control.name} (${was.tag} "${was.text.slice(0, 40)}"): ${ok ? 'kept' : 'lost'}, now on ${now}`);
    if (!ok) failures.push(`${control.name} (${was.tag} "${was.text.slice(0, 40)}"): focus is on ${now}`);
  }
  console.log(`# focus kept for ${controls.length - failures.length} of ${controls.length} controls`);
  assert.deepEqual(failures, []);
  assert.deepEqual(errors, []);
  await context.close();
});

// Three phone screens (issue 21): headline, key figures and timeline open, every other part one
// tap away. Folding the revised count's chart as well took Coupang from 2,889 to 2,156 px.
const AIM = 3 * HEIGHT - 36; // 2,400 px
test('the default embed is at most three phone screens tall, static and live, for every dataset', { timeout: 120_000 }, async () => {
  const files = (await readdir(here('../../dist/data/'))).filter((f) => f.endsWith('.json') && f !== 'template.json').sort();
  const cases = [];
  for (const file of files) for (const lang of ['en', 'ko']) cases.push({ file, lang });
  for (const lang of ['en', 'ko']) cases.push({ file: null, lang }); // the empty element: the default dataset, static first
  const { context, page, errors } = await open({ width: 375, touch: true });
  await page.route('**/zz-embed-*.html', (route) => {
    const [, id, lang] = new URL(route.request().url()).pathname.match(/zz-embed-(.+)-(en|ko)\.html$/);
    const file = id === 'default' ? null : `${id}.json`;
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name=viewport content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><body style="margin:0;padding:0 12px"><p>Above.</p><div data-breach-explainer${file ? ` data-src="data/${file}"` : ''}></div><p>Below.</p><script type=module src="embed.js"></script>`,
    });
  });
  const rows = [];
  const problems = [];
  for (const { file, lang } of cases) {
    const name = file ?? '(empty element)';
    await page.goto(`${server.url}zz-embed-${file?.replace(/\.json$/, '') ?? 'default'}-${lang}.html`);
    const host = page.locator('[data-breach-explainer]');
    const first = await page.waitForFunction(() => {
      const el = document.querySelector('[data-breach-explainer]');
      const tree = el.shadowRoot ?? el;
      if (tree.querySelector('.bx:not([data-static]) .bx-title')) return 'live';
      if (tree.querySelector('.bx[data-static] .bx-title') ?? el.querySelector('.bx[data-static] .bx-title')) return 'static';
      return false;
    }, null, { timeout: 20_000 }).then((h) => h.jsonValue(), () => null);
    if (!first) { problems.push(`${name} ${lang}: nothing drawn in 20 s`); continue; }
    let staticHeight = null;
    if (first === 'static') {
      await frames(page);
      await page.waitForTimeout(200);
      staticHeight = (await host.boundingBox()).height;
      await host.hover({ position: { x: 2, y: 2 } });
    }
    const drawn = await page.waitForFunction(() => !!document.querySelector('[data-breach-explainer]').shadowRoot?.querySelector('.bx:not([data-static]) .bx-title'), null, { timeout: 20_000 }).then(() => true, () => false);
    if (!drawn) { problems.push(`${name} ${lang}: the live explainer was not drawn in 20 s`); continue; }
    await frames(page);
    await page.waitForTimeout(300);
    const liveHeight = (await host.boundingBox()).height;
    const shown = await page.evaluate(() => document.querySelector('[data-breach-explainer]').shadowRoot.querySelector('.bx:not([data-static])').lang);
    rows.push({ name, lang, shown, staticHeight, liveHeight });
    for (const [which, h] of [['static', staticHeight], ['live', liveHeight]]) {
      if (h !== null && h > AIM) problems.push(`${name} ${lang}: the ${which} version is ${Math.round(h)} px tall at 375 px, more than ${AIM}`);
    }
  }
  console.log(`# script embed at 375 × 812: dataset, page language (language shown): static height / live height (px); at most ${AIM} (three screens)`);
  for (const r of rows) console.log(`#   ${r.name.padEnd(26)} ${r.lang} (${r.shown}): ${r.staticHeight === null ? '—' : Math.round(r.staticHeight)} / ${Math.round(r.liveHeight)}`);
  await context.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(problems, []);
});
