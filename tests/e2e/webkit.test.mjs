// The phone checks in WebKit, the engine of every iPhone reader: Debian's WebKitGTK through
// WebKitWebDriver under Xvfb (tests/e2e/webkit.mjs), the window set so the page is 375 CSS px
// wide. For the English and the Korean shell page: the static version fits the phone and shows
// its drawings; the live one takes exactly its place (its height, the text above it), both when
// the reader taps it and when it arrives by itself; and a tap on an event in the static version
// opens that event in the live one.
//
// The shell loads the live explainer by itself once the page is idle (www/intent.js), except
// for a reader who asked to save data, who gets it only by reaching for it. The checks of what
// the reader does run as that reader (navigator.connection.saveData, which WebKit does not
// have, set by a line the server adds when the address asks for ?save-data), so the live one
// arrives because of the tap and not a moment before it.
//
// Every measured number is printed; screenshots of each page, static and live, are left in
// tests/e2e/out/ (git-ignored) to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { openWebKit } from './webkit.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const WIDTH = 375;
const HEIGHT = 812;
const PAGES = [['en', 'index.html'], ['ko', 'ko.html']];
let server, wk, viewport;

before(async () => {
  await access(here('../../dist/index.html')).catch(() => {
    throw new Error('dist/index.html is missing: run scripts/build first (scripts/test does)');
  });
  await mkdir(here('out'), { recursive: true });
  // The shell pages as built, with one line first: Save-Data when the address asks for it.
  const saveData = '<script>if (/[?&]save-data(&|$)/.test(location.search)) Object.defineProperty(navigator, \'connection\', { value: { saveData: true }, configurable: true });</script>';
  const page = (file) => async () => [
    (await readFile(here(`../../dist/${file}`), 'utf8')).replace('<head>', `<head>\n${saveData}`), 'text/html; charset=utf-8'];
  server = await serve(here('../../dist/'), { pages: Object.fromEntries(PAGES.map(([, path]) => [`/${path}`, page(path)])) });
  const t = Date.now();
  wk = await openWebKit({ width: WIDTH, height: HEIGHT });
  viewport = await wk.setViewport(WIDTH, HEIGHT);
  console.log(`# WebKitGTK ${wk.capabilities.browserVersion} on display ${wk.display}, session in ${Date.now() - t} ms;`
    + ` viewport ${JSON.stringify(viewport)}`);
}, { timeout: 40_000 });
after(async () => { await wk?.close(); await server?.close(); }, { timeout: 20_000 });

// --- in the page (each function runs there, on its own) ----------------------------------------

/** Where the static version is: '#explainer', or its shadow root; null before it is drawn. */
function staticDrawn() {
  const host = document.getElementById('explainer');
  for (const tree of [host, host?.shadowRoot]) {
    if (tree?.querySelector('.bx[data-static] .bx-title')) return tree === host ? 'light' : 'shadow';
  }
  return null;
}

/** Where the live explainer is drawn: 'light', 'shadow' or null. */
function liveDrawn() {
  const host = document.getElementById('explainer');
  for (const tree of [host, host?.shadowRoot]) {
    if (tree?.querySelector('.bx:not([data-static]) .bx-title')) return tree === host ? 'light' : 'shadow';
  }
  return null;
}

/** The explainer's box and everything drawn in it that is wider than the box. */
function overflow() {
  const host = document.getElementById('explainer');
  const tree = host.shadowRoot?.querySelector('.bx') ? host.shadowRoot : host;
  const box = host.getBoundingClientRect();
  const name = (el) => `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class').trim().split(/\s+/).join('.')}` : ''}`;
  const items = [
    ...[...tree.querySelectorAll('svg')].map((el) => ['svg', el]),
    ...[...tree.querySelectorAll('.bx-figure')].flatMap((f) => [...f.children].map((el) => ['.bx-figure child', el])),
  ];
  const measured = items.map(([kind, el]) => {
    const r = el.getBoundingClientRect();
    const fig = el.closest('.bx-figure');
    return { kind, what: name(el), figure: fig ? (fig.getAttribute('data-figure') ?? name(fig)) : '', left: r.left, right: r.right, width: r.width };
  });
  const drawn = measured.filter((m) => m.width > 0);
  // How much of each drawing is on the page: its box cut by every ancestor that clips.
  const drawings = [...tree.querySelectorAll('.bx-figure svg')].filter((svg) => svg.getBoundingClientRect().width > 0
    && !svg.parentElement.closest('svg')).map((svg) => {
    const r = svg.getBoundingClientRect();
    let top = r.top;
    let bottom = r.bottom;
    for (let el = svg.parentElement; el && el !== host; el = el.parentElement) {
      const cs = getComputedStyle(el);
      if (cs.overflowY !== 'visible' || cs.overflowX !== 'visible') {
        const c = el.getBoundingClientRect();
        top = Math.max(top, c.top);
        bottom = Math.min(bottom, c.bottom);
      }
    }
    const fig = svg.closest('.bx-figure');
    return { figure: fig.querySelector('h3')?.textContent.trim() ?? name(fig), height: r.height, visible: Math.max(0, bottom - top) };
  });
  return {
    drawings,
    explainer: { left: box.left, right: box.right, width: box.width, height: box.height },
    count: measured.length,
    drawn: drawn.length,
    widest: drawn.reduce((a, m) => (m.right > (a?.right ?? -Infinity) ? m : a), null),
    over: measured.filter((m) => m.right > box.right + 1),
    page: { innerWidth, scrollWidth: document.documentElement.scrollWidth },
  };
}

/** Scrolls the timeline's drawing (the live or the static one) to near the top. */
function showTimeline() {
  const host = document.getElementById('explainer');
  const tree = host.shadowRoot?.querySelector('.bx') ? host.shadowRoot : host;
  const wide = (list) => [...list].find((s) => s.getBoundingClientRect().width > 40);
  const svg = wide(tree.querySelectorAll('.bx-timeline svg')) ?? wide(tree.querySelectorAll('svg'));
  window.scrollTo(0, 0);
  if (svg) window.scrollBy(0, svg.getBoundingClientRect().top - 120);
  return new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(scrollY))));
}

/** Where the text above the explainer is, and its height, now; then the same at every frame
 * into window.__bxFrames. `insert`: first put a paragraph of the article right above it. */
function watchAbove(insert) {
  window.scrollTo(0, 0);
  const host = document.getElementById('explainer');
  let p = null;
  if (insert) {
    p = document.createElement('p');
    p.textContent = 'A paragraph of the article, just above the explainer.';
    host.before(p);
  }
  const h1 = document.querySelector('main > h1');
  const tops = () => ({
    h1: h1?.getBoundingClientRect().top ?? null,
    p: p?.getBoundingClientRect().top ?? null,
    top: host.getBoundingClientRect().top,
    height: host.getBoundingClientRect().height,
    scrollY,
    live: !!(host.shadowRoot ?? host).querySelector('.bx:not([data-static]) .bx-title'),
  });
  window.__bxFrames = [tops()];
  const watch = () => {
    window.__bxFrames.push(tops());
    if (window.__bxFrames.length < 2000) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  return window.__bxFrames[0];
}

/** The explainer's parts (the children of its root, and of each figure), named by their
 * heading, and their heights: where the static and the live versions differ. */
function partHeights() {
  const host = document.getElementById('explainer');
  const tree = host.shadowRoot?.querySelector('.bx') ? host.shadowRoot : host;
  const root = tree.querySelector('.bx');
  const named = (el) => {
    const heading = el.querySelector('h2, h3, summary, figcaption');
    return `${el.localName}${el.getAttribute('class') ? `.${el.getAttribute('class').trim().split(/\s+/).join('.')}` : ''}${heading ? ` "${heading.textContent.trim().slice(0, 30)}"` : ''}`;
  };
  const out = [];
  const seen = new Map();
  const add = (el, prefix) => {
    let key = prefix + named(el);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) key += ` #${n}`;
    out.push([key, Math.round(el.getBoundingClientRect().height * 100) / 100]);
  };
  for (const el of root?.children ?? []) {
    add(el, '');
    for (const fig of el.localName === 'figure' ? [el] : el.querySelectorAll(':scope > figure')) {
      for (const c of fig.children) add(c, `  ${named(fig).split(' ')[0]} > `);
    }
  }
  return out;
}

// --- in the test --------------------------------------------------------------------------------

// Where the mouse rests between taps: in the page's right margin, outside the explainer. A
// mouse left over the explainer by an earlier tap would hover it again when the next page loads
// or scrolls under it (a pointerover: intent), and a phone has no resting pointer.
const PARK = { x: WIDTH - 3, y: HEIGHT / 2 };

/** Loads `path` (as a reader who saves data unless `saveData` is false) and waits for its
 * static version. */
async function open(path, { saveData = true } = {}) {
  await wk.moveTo(PARK.x, PARK.y);
  await wk.navigate(`${server.url}${path}${saveData ? '?save-data' : ''}`);
  const where = await wk.waitFor(`the static version of ${path} (.bx[data-static] .bx-title)`, staticDrawn, [], 10_000);
  assert.equal(await wk.execute(liveDrawn), null, `${path}: still the static version before the reader acts`);
  const outside = await wk.execute(({ x, y }) => !document.getElementById('explainer').contains(document.elementFromPoint(x, y)), PARK);
  assert.ok(outside, `${path}: the resting mouse at (${PARK.x}, ${PARK.y}) is outside the explainer`);
  return where;
}

async function shot(name) {
  const file = here(`out/webkit-${name}.png`);
  await writeFile(file, Buffer.from(await wk.screenshot(), 'base64'));
  console.log(`# screenshot: tests/e2e/out/webkit-${name}.png`);
}

/** What the reader does: a tap (touch pointer) on the explainer's top left corner, away from its
 * drawings (as reachFor in browser.mjs points there). Returns what the page saw. */
async function reachFor() {
  const at = await wk.execute(() => {
    const host = document.getElementById('explainer');
    window.__bxPointers = [];
    for (const type of ['pointerover', 'pointerdown', 'touchstart']) {
      host.addEventListener(type, (e) => window.__bxPointers.push(`${type}:${e.pointerType ?? 'touch'}`), { once: true, capture: true });
    }
    const r = host.getBoundingClientRect();
    return { x: r.left + 2, y: r.top + 2 };
  });
  assert.ok(at.y >= 0 && at.y < HEIGHT, `the explainer's corner is on screen (at y = ${at.y})`);
  await wk.tap(at.x, at.y);
  const where = await wk.waitFor('the live explainer (.bx:not([data-static]) .bx-title) after a tap', liveDrawn, [], 20_000);
  return { where, pointers: await wk.execute(() => window.__bxPointers) };
}

for (const [lang, path] of PAGES) {
  test(`WebKit, ${lang} (${path}) at ${WIDTH} px: the static version is drawn, its drawings shown, nothing in it wider than the explainer`, { timeout: 30_000 }, async () => {
    assert.equal(viewport.innerWidth, WIDTH, `window.innerWidth is ${viewport.innerWidth}, not ${WIDTH}`);
    const where = await open(path);
    const m = await wk.execute(overflow);
    console.log(`# ${lang} static (${where} DOM): explainer ${JSON.stringify(m.explainer)}; ${m.count} svg and figure parts (${m.drawn} drawn);`
      + ` widest right edge ${m.widest?.right} (${m.widest?.what} in ${m.widest?.figure}); page ${JSON.stringify(m.page)}`);
    for (const o of m.over) console.log(`#   wider: ${o.kind} ${o.what} in ${o.figure}: right ${o.right} (width ${o.width})`);
    for (const d of m.drawings) console.log(`#   drawing "${d.figure}": ${d.height} px tall, ${d.visible} px of it shown`);
    await wk.execute(showTimeline);
    await shot(`${lang}-static`);
    assert.equal(await wk.execute(liveDrawn), null, `${lang}: the static version was replaced by the live one without the reader acting (the screenshot shows the live one)`);
    const hidden = m.drawings.filter((d) => d.visible < d.height - 1);
    assert.deepEqual(hidden.map((d) => `"${d.figure}": ${d.visible.toFixed(0)} of ${d.height.toFixed(0)} px shown`), [],
      `${lang}: ${hidden.length} of the static version's ${m.drawings.length} drawings are cut off by a clipping box`);
    assert.deepEqual(m.over.map((o) => `${o.what} in ${o.figure}: right ${o.right.toFixed(1)} > ${(m.explainer.right + 1).toFixed(1)}`), [],
      `${m.over.length} of ${m.count} parts end past the explainer's right edge (${m.explainer.right} px) at ${WIDTH} px`);
  });

  for (const tap of [true, false]) {
    const how = tap ? 'a tap brings the live explainer' : 'the live explainer, arriving by itself while the reader reads,';
    test(`WebKit, ${lang} (${path}): ${how} at the static version's height, and the text above it stays put`, { timeout: 40_000 }, async () => {
      // The static version measured where it stays static (a reader saving data, by the
      // address), then a watch on the text above it at every frame until the live one settles.
      await open(path);
      const staticParts = await wk.execute(partHeights);
      let before, where, pointers = 'none: the reader did nothing', t0;
      if (tap) {
        before = await wk.execute(watchAbove, true);
        t0 = Date.now();
        ({ where, pointers } = await reachFor());
      } else {
        // The same page without Save-Data: watched from its load event on (the live one comes
        // by itself, about a second later), against the static version's numbers above.
        before = await wk.execute(watchAbove, false);
        t0 = Date.now();
        await wk.navigate(`${server.url}${path}`);
        const first = await wk.execute(watchAbove, false);
        console.log(`# ${lang}: the watch started ${first.live ? 'after the live one had arrived' : 'on the static version'};`
          + ` static, with Save-Data: ${JSON.stringify(before)}; without, at its load event: ${JSON.stringify(first)}`);
        // The static version of this very load, when the watch saw it.
        if (!first.live) before = first;
        where = await wk.waitFor('the live explainer arriving by itself (the page idle, the explainer on screen)', liveDrawn, [], 20_000);
      }
      console.log(`# ${lang}: live ${Date.now() - t0} ms after ${tap ? 'the tap' : 'the address was opened (by itself)'}`);
      const arrived = await wk.execute(() => ({ height: document.getElementById('explainer').getBoundingClientRect().height }));
      // Settled: a second for late layout (fonts, the drawings at the host's width).
      await new Promise((ok) => setTimeout(ok, 1000));
      const frames = await wk.execute(() => { const f = window.__bxFrames; window.__bxFrames = []; return f; });
      const last = frames.at(-1);
      const liveFrames = frames.filter((f) => f.live);
      const range = (key, list) => list.length ? [Math.min(...list.map((f) => f[key])), Math.max(...list.map((f) => f[key]))] : [];
      console.log(`# ${lang}: the page saw ${JSON.stringify(pointers)}; live drawn in the ${where} DOM`);
      console.log(`# ${lang}: explainer height static ${before.height} px, live on arrival ${arrived.height} px, settled ${last.height} px`
        + ` (live frames' heights ${JSON.stringify(range('height', liveFrames))}, ${frames.length} frames watched)`);
      console.log(`# ${lang}: main > h1 top ${before.h1} -> ${last.h1} (every frame ${JSON.stringify(range('h1', frames))});`
        + (tap ? ` the paragraph just before #explainer: top ${before.p} -> ${last.p} (every frame ${JSON.stringify(range('p', frames))});` : '')
        + ` #explainer top ${before.top} -> ${last.top} (every frame ${JSON.stringify(range('top', frames))}); scrollY ${before.scrollY} -> ${last.scrollY};`
        + ` ${frames.filter((f) => !f.live).length} frames static, ${liveFrames.length} live`);
      // Where the heights differ, part by part (printed only: the assertion is on the whole).
      const liveParts = new Map(await wk.execute(partHeights));
      for (const [key, h] of staticParts) {
        const now = liveParts.get(key);
        if (now === undefined) console.log(`#   static only: ${key}: ${h} px`);
        else if (Math.abs(now - h) > 2) console.log(`#   ${key}: static ${h} px, live ${now} px (${(now - h).toFixed(1)})`);
        liveParts.delete(key);
      }
      for (const [key, h] of liveParts) console.log(`#   live only: ${key}: ${h} px`);
      await wk.execute(showTimeline);
      if (tap) await shot(`${lang}-live`);

      const problems = [];
      for (const [label, h] of [['on arrival', arrived.height], ['settled', last.height]]) {
        if (Math.abs(h - before.height) > 2) problems.push(`the live explainer is ${h} px tall ${label}, the static one was ${before.height} px (${(h - before.height).toFixed(1)} px)`);
      }
      for (const key of tap ? ['h1', 'p', 'top'] : ['h1', 'top']) {
        const name = { h1: 'main > h1', p: 'the paragraph just before #explainer', top: "#explainer's top edge (where the text above it ends)" }[key];
        const moved = frames.filter((f) => f[key] !== before[key]);
        if (moved.length) {
          problems.push(`${name} moved: top ${before[key]} px before, ${JSON.stringify(range(key, frames))} while the live one arrived (${moved.length} of ${frames.length} frames), ${last[key]} px at the end`);
        }
      }
      assert.deepEqual(problems, [], `${lang}: the live explainer${tap ? ' the reader tapped for' : ', arriving by itself,'} does not take exactly the static one's place`);
    });
  }

  test(`WebKit, ${lang} (${path}): a tap on the timeline's first event in the static version opens that event in the live one`, { timeout: 50_000 }, async () => {
    const dataset = JSON.parse(await readFile(here('../../data/coupang-2025.json'), 'utf8'));
    const titleOf = (id) => dataset.events.find((e) => e.id === id)?.title?.[lang];
    await open(path);
    // The static timeline's first event, when the static drawing marks its events.
    let target = await wk.execute(() => {
      const host = document.getElementById('explainer');
      const tree = host.shadowRoot?.querySelector('[data-static]') ? host.shadowRoot : host;
      const el = [...tree.querySelectorAll('.bx-timeline svg [data-bx-event], .bx-timeline svg [data-event]')]
        .find((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
      if (!el) return null;
      window.scrollTo(0, 0);
      window.scrollBy(0, el.getBoundingClientRect().top - 300);
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-bx-event') ?? el.getAttribute('data-event'), x: r.left + r.width / 2, y: r.top + r.height / 2, from: 'its mark in the static drawing' };
    });
    if (!target) {
      // Else the same place in the static drawing as the live timeline's first option in the
      // live drawing (both draw the same scene at the same width): load the live one, measure
      // the option within its drawing, and load the static version again.
      console.log(`# ${lang}: the static timeline marks no event ([data-bx-event]); tapping its drawing where the live one's first option is`);
      await reachFor();
      const option = await wk.execute(() => {
        const host = document.getElementById('explainer');
        const tree = host.shadowRoot?.querySelector('.bx') ? host.shadowRoot : host;
        const stage = tree.querySelector('[data-chart="timeline"]');
        const svg = stage && [...stage.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0);
        const el = stage && [...stage.querySelectorAll('[role="option"][data-event], [role="option"][data-bx-event]')]
          .find((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
        if (!svg || !el) return null;
        const s = svg.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return {
          id: el.getAttribute('data-bx-event') ?? el.getAttribute('data-event'), label: el.getAttribute('aria-label'),
          fx: (r.left + r.width / 2 - s.left) / s.width, fy: (r.top + r.height / 2 - s.top) / s.height,
          viewBox: svg.getAttribute('viewBox'), svg: [s.width, s.height],
        };
      });
      assert.ok(option, `${lang}: neither the static timeline nor the live one has an event to tap`);
      await open(path);
      const point = await wk.execute((fx, fy) => {
        const host = document.getElementById('explainer');
        const tree = host.shadowRoot?.querySelector('[data-static]') ? host.shadowRoot : host;
        const svg = [...tree.querySelectorAll('.bx-timeline svg')].find((e) => e.getBoundingClientRect().width > 40);
        if (!svg) return null;
        window.scrollTo(0, 0);
        window.scrollBy(0, svg.getBoundingClientRect().top + fy * svg.getBoundingClientRect().height - 300);
        const s = svg.getBoundingClientRect();
        return { x: s.left + fx * s.width, y: s.top + fy * s.height, viewBox: svg.getAttribute('viewBox'), svg: [s.width, s.height] };
      }, option.fx, option.fy);
      assert.ok(point, `${lang}: the static version has no timeline drawing (.bx-timeline svg) to tap`);
      console.log(`# ${lang}: live option "${option.label}" at (${option.fx.toFixed(3)}, ${option.fy.toFixed(3)}) of its drawing`
        + ` (viewBox ${option.viewBox}, ${option.svg.join(' × ')} px); the static drawing: viewBox ${point.viewBox}, ${point.svg.join(' × ')} px`);
      target = { id: option.id, x: point.x, y: point.y, from: "the live option's place in the static drawing" };
    }
    const title = titleOf(target.id);
    const under = await wk.execute((x, y) => {
      const el = document.elementFromPoint(x, y);
      // From now on: when the finger goes down and up, and when the live one is there.
      const t0 = performance.now();
      window.__bxTap = {};
      for (const type of ['pointerdown', 'pointerup', 'click']) {
        addEventListener(type, (e) => { window.__bxTap[type] ??= `${Math.round(performance.now() - t0)} ms on ${e.target.localName}${e.target.closest('[data-static]') ? ' (static)' : ''}`; }, { capture: true });
      }
      const host = document.getElementById('explainer');
      new MutationObserver((_, o) => {
        if ((host.shadowRoot ?? host).querySelector('.bx:not([data-static]) .bx-title')) { window.__bxTap.live = `${Math.round(performance.now() - t0)} ms`; o.disconnect(); }
      }).observe(host, { childList: true, subtree: true });
      if (!el) return null;
      return { what: `${el.localName}${el.getAttribute('class') ? `.${el.getAttribute('class')}` : ''}`, inTimeline: !!el.closest('.bx-timeline svg') };
    }, target.x, target.y);
    console.log(`# ${lang}: tapping event "${target.id}" ("${title}") at (${target.x.toFixed(1)}, ${target.y.toFixed(1)}), from ${target.from}; under the finger: ${under?.what}`);
    assert.ok(under?.inTimeline, `${lang}: the point (${target.x.toFixed(0)}, ${target.y.toFixed(0)}) for "${title}" is on ${under?.what}, not on the static timeline's drawing`);
    await wk.tap(target.x, target.y);
    await wk.waitFor('the live explainer after the tap on an event', liveDrawn, [], 20_000);
    let shown = null;
    try {
      shown = await wk.waitFor('the details of an event ([data-bx="detail"] not hidden)', () => {
        const host = document.getElementById('explainer');
        const tree = host.shadowRoot?.querySelector('.bx') ? host.shadowRoot : host;
        const d = tree.querySelector('[data-bx="detail"]');
        return d && !d.hidden && d.getBoundingClientRect().height > 0 ? { h4: d.querySelector('h4')?.textContent.trim() ?? null } : null;
      }, [], 15_000); // a ceiling for a hang on a loaded machine; the times are printed
    } catch { /* asserted below, with what was measured */ }
    const times = await wk.execute(() => window.__bxTap);
    console.log(`# ${lang}: after the tap (${JSON.stringify(times)}) the live explainer shows ${shown ? `the details of "${shown.h4}"` : 'no event details'}`);
    assert.ok(shown, `${lang}: a tap on "${title}" (${target.id}) at (${target.x.toFixed(0)}, ${target.y.toFixed(0)}) on ${under} in the static version brought the live explainer without any event's details open`);
    assert.equal(shown.h4, title, `${lang}: the details shown after the tap are "${shown.h4}", not the tapped event "${title}"`);
  });
}
