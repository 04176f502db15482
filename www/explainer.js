// The explainer's JavaScript entry point: an ES module exporting `mount`.
//
//   import { mount } from './explainer.js';
//   const handle = await mount(document.querySelector('#explainer'), { lang: 'en' });
//   handle.destroy();
//
// options.data: absent → the site's default dataset (its JSON file beside the site's data/); a URL string or URL
// → fetched (with a loading line in the element, and given up after options.timeout seconds,
// 30 by default); an object → used as the dataset. options.lang: a language code ("en", "ko")
// or a list of them such as navigator.languages (absent: the host's data-lang, <html lang>, the
// browser's languages). options.isolate: false draws in the page's own tree, styled by the
// page (for a page of one's own, such as the shell and the iframe page; default true: a shadow
// root). options.theme: "light", "dark" or "auto". options.deepLink: true keeps
// the selected event in the page's address (#event=), for one explainer per page.
// options.parts: which parts to show, e.g. ["head", "timeline", "money"] (head, timeline,
// revisions, comparison, exposed, money, changes, corrections, data, sources); absent: headline,
// key figures and timeline open, the rest folded one tap away. The host
// hears breach-explainer:select, :view, :lang, :part, :export, :update and :error events. Options of another type are
// refused with a TypeError before anything reaches the wasm.
// options.refresh: with a dataset URL, look for a newer version every this many seconds
// (fractions allowed): a conditional request the browser makes from its cache (no preflight:
// a host that sends Access-Control-Allow-Origin is enough), none while the page is hidden, and twice the wait after each failure (up to 15
// minutes). A newer version is shown in place, keeping the reader's place, with "Updated just
// now: …" and a breach-explainer:update event (detail: {latest, updated}); one that cannot be
// shown leaves the last good one on screen and is reported to the author only (console and
// breach-explainer:error). handle.refresh() looks at once (a promise of true when it
// re-rendered), with or without options.refresh.
//
// The live explainer draws inside a shadow root on the element, so the article's CSS cannot
// reach it; its stylesheet comes with this module (explainer-css.js, made from explainer.css
// by the build) and is adopted there, which a strict Content-Security-Policy allows. Whatever
// the element held (the static version) stays in the page's own tree and comes back on
// destroy().
import init, { Explainer } from './pkg/breach_explainer.js';
import css from './explainer-css.js';
import { reserve } from './reserve.js';
import { adoptStyles, korean, markRendered, statusLine } from './host.js';

let ready;

/** Loads and compiles the wasm once for every explainer on the page. */
function start() {
  ready ??= init({ module_or_path: new URL('./pkg/breach_explainer_bg.wasm', import.meta.url) });
  return ready;
}

/** The element's shadow root holding a fresh root for the wasm to draw into, with the
 * explainer's stylesheet, and a slot that shows the element's own content (the static version)
 * only while nothing live is there. `null` where the element cannot have a shadow root. */
function isolated(element) {
  let shadow = element.shadowRoot;
  try {
    shadow ??= element.attachShadow({ mode: 'open' });
  } catch {
    return null; // a <td> or <p> cannot host one: the explainer then uses the page's CSS
  }
  adoptStyles(shadow, css);
  const slot = document.createElement('slot');
  slot.hidden = true;
  // A static version drawn in the shadow root (embed.js), kept in case the live one fails.
  const before = [...shadow.childNodes];
  const root = document.createElement('div');
  root.className = 'bx-root';
  shadow.replaceChildren(slot, root);
  return { root, slot, before };
}

/** When the wasm cannot start, whatever the element holds (the static version) stays, with a
 * short note saying so; an empty element (a bundled app has no static version) only says it
 * could not start. */
function notice(element, lang) {
  // The data may still be on its way (it is fetched while the wasm starts): say what is true.
  element.querySelector(':scope > .bx-loading')?.remove();
  if (element.querySelector(':scope > .bx-notice')) return;
  const ko = korean(element, lang);
  const fallback = element.childElementCount > 0 || element.textContent.trim() !== '';
  for (const root of [element, element.shadowRoot].flatMap((r) => (r ? [...r.querySelectorAll('.bx[data-static]')] : []))) {
    root.setAttribute('data-stale', '');
  }
  element.prepend(statusLine(ko
    ? (fallback ? '인터랙티브 버전을 시작하지 못해 정적 버전을 보여 드립니다.' : '인터랙티브 버전을 시작하지 못했습니다.')
    : (fallback ? 'The interactive version could not start, so this is the static version.' : 'The interactive version could not start.')));
}

/** Over a static version kept because the live one could not be drawn: it may not be the
 * latest version of the story. */
function staleNotice(staticRoot) {
  if (!staticRoot || staticRoot.querySelector(':scope > .bx-notice')) return;
  // Its controls only the live one answers: not offered.
  staticRoot.setAttribute('data-stale', '');
  staticRoot.prepend(statusLine(korean(staticRoot)
    ? '최신 데이터를 불러오지 못해 게시 당시의 버전을 보여 드립니다.'
    : 'The latest data could not be loaded, so this is the version published with the article.'));
}

function fileName(url) {
  const last = url.pathname.split('/').filter(Boolean).pop();
  if (!last) return url.href;
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // "%zz" is not an escape: name the file as written
  }
}

const THEMES = ['light', 'dark', 'auto'];
const what = (v) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? JSON.stringify(v) : `a ${typeof v}`);

/** The shortest and longest wait between looks for a newer dataset, in seconds. */
const REFRESH_LEAST = 30;
const REFRESH_MOST = 24 * 60 * 60;

/** The options as the wasm takes them, or a TypeError that says what was expected. */
function checked(options) {
  if (options === undefined || options === null) return { timeout: 30, isolate: true };
  if (typeof options !== 'object') throw new TypeError(`mount(element, options): options must be an object, not ${what(options)}`);
  let { data, lang, theme, timeout = 30, refresh } = options;
  if (Array.isArray(lang)) lang = lang.find((l) => typeof l === 'string');
  if (lang !== undefined && lang !== null && typeof lang !== 'string') {
    throw new TypeError(`mount(): options.lang must be a language code such as "en" or "ko", not ${what(lang)}`);
  }
  if (theme !== undefined && theme !== null && !THEMES.includes(theme)) {
    throw new TypeError(`mount(): options.theme must be "light", "dark" or "auto", not ${what(theme)}`);
  }
  if (data !== undefined && data !== null && typeof data !== 'string' && !(data instanceof URL) && typeof data !== 'object') {
    throw new TypeError(`mount(): options.data must be a dataset object or the URL of a dataset file, not ${what(data)}`);
  }
  if (refresh !== undefined && refresh !== null && (typeof refresh !== 'number' || !(refresh > 0) || !Number.isFinite(refresh))) {
    throw new TypeError(`mount(): options.refresh must be a number of seconds above 0, not ${what(refresh)}`);
  }
  if (typeof timeout !== 'number' || !(timeout > 0)) {
    throw new TypeError(`mount(): options.timeout must be a number of seconds above 0, not ${what(timeout)}`);
  }
  let { parts } = options;
  if (Array.isArray(parts)) parts = parts.join(',');
  if (parts !== undefined && parts !== null && typeof parts !== 'string') {
    throw new TypeError(`mount(): options.parts must be a list of parts such as ["timeline", "revisions"], not ${what(parts)}`);
  }
  if (options.isolate !== undefined && typeof options.isolate !== 'boolean') {
    throw new TypeError(`mount(): options.isolate must be true or false, not ${what(options.isolate)}`);
  }
  // Held between 30 s and a day: a reader's page never floods the data host, and a wait past
  // setTimeout's limit (24.8 days) would fire at once.
  if (refresh) refresh = Math.min(Math.max(refresh, REFRESH_LEAST), REFRESH_MOST);
  return { data, lang: lang ?? undefined, theme: theme ?? undefined, timeout, refresh: refresh ?? undefined, deepLink: options.deepLink === true, parts: parts ?? undefined, isolate: options.isolate !== false };
}

/** A polite "Loading…" line while the dataset is fetched, above whatever the element holds. */
function loading(element, lang) {
  const p = statusLine(korean(element, lang) ? '데이터를 불러오는 중…' : 'Loading the data…', 'bx-loading');
  // Not after the wasm has failed to start: the notice saying so stays the only word; nor over
  // a static version pasted in, which is the explainer meanwhile (the line pushed it 73 px
  // down the article for a frame).
  const shown = element.querySelector(':scope > .bx-notice, :scope > .bx[data-static]');
  if (!shown) element.prepend(p);
  return p;
}

/**
 * Mounts an explainer into `element`.
 * @param {Element} element
 * @param {{data?: object|string|URL, lang?: string|string[], theme?: 'light'|'dark'|'auto', timeout?: number, refresh?: number}} [options]
 * @returns {Promise<{destroy(): void, problems(): string[], refresh(): Promise<boolean>}>}
 */
export async function mount(element, options) {
  if (!(element instanceof Element)) throw new TypeError('mount(element, options): element must be a DOM element');
  const { data, lang, theme, timeout, refresh, deepLink, parts, isolate } = checked(options);
  // What the wasm is asked for, in one object (Explainer.mount(root, options), read in
  // src/web/options.rs): the options, else what the element says (data-lang, data-parts,
  // data-deep-link: deep links, `#event=` in the page's address, only where the host asks).
  const asked = {
    lang: lang ?? element.getAttribute('data-lang') ?? undefined,
    theme,
    parts: parts ?? element.getAttribute('data-parts') ?? undefined,
    deepLink: deepLink || element.hasAttribute('data-deep-link'),
  };
  const release = reserve(element, asked.parts);
  try {
    const feed = {};
    const handle = await draw(element, data, lang, asked, timeout, isolate, feed);
    const watcher = feed.text === undefined ? null : watch(element, handle, feed, refresh, timeout);
    handle.refresh = () => (watcher ? watcher.refresh() : Promise.resolve(false));
    if (watcher) {
      const destroy = handle.destroy.bind(handle);
      handle.destroy = () => {
        watcher.stop();
        destroy();
      };
    }
    // After the first frame with the live explainer in it has been painted: what benchmarks
    // measure. 'rendered' is the first frame of the explainer in any form, so a page that showed
    // the static version first (main.js) has marked it already.
    markRendered('live');
    return handle;
  } finally {
    release();
  }
}

/** Starts the wasm, fetches the dataset if it is a URL, and draws: live in the element's
 * shadow root, or the reasons it cannot be shown. */
async function draw(element, data, lang, asked, timeout, isolate, feed) {
  // The wasm and the dataset are fetched at the same time, not one after the other.
  const dataset = load(element, data, lang, asked.lang, timeout, feed);
  dataset.catch(() => {}); // awaited below, unless the wasm fails first
  try {
    await start();
  } catch (error) {
    notice(element, lang);
    throw error;
  }
  const got = await dataset;
  // Drawing gets a task of its own, apart from the one that finished starting the wasm.
  await new Promise((resolve) => setTimeout(resolve, 0));
  // The page may hold the drawing back a moment (intent.js: until a tap on the static version
  // has landed, and to note where the reader is in it).
  const holds = [];
  element.dispatchEvent(new CustomEvent('breach-explainer:drawing', { detail: { hold: (p) => holds.push(p) } }));
  await Promise.all(holds);
  return live(element, isolate, got.failed ?? ((root) => Explainer.mount(root, { ...asked, data: got.text, file: got.name })));
}

/** The dataset: `{text, name}` (the text may be an object given as such), or `{failed(root)}`
 * that draws why it could not be had (called once the wasm has started). */
async function load(element, data, lang, askedLang, timeout, feed) {
  // No dataset given: the site's own (default-dataset.js names its file, or holds it in a
  // package), loaded only when asked for.
  data ??= (await import('./default-dataset.js')).default;
  if (typeof data !== 'string' && !(data instanceof URL)) return { text: data };
  const failed = (name, href, status, why) => ({ failed: (root) => Explainer.loadFailed(root, name, href, status, why, askedLang) });
  let url;
  try {
    url = new URL(data, document.baseURI);
  } catch (error) {
    return failed(String(data), String(data), 0, String(error?.message ?? error));
  }
  const name = fileName(url);
  const line = loading(element, lang);
  // A server that answers its headers and then stalls must not leave the reader waiting.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`no answer within ${timeout} s`)), timeout * 1000);
  try {
    const response = await fetch(url, { signal: abort.signal });
    if (!response.ok) return failed(name, url.href, response.status, response.statusText);
    const text = await response.text();
    // What a later look for a newer version needs: where, and what it said.
    Object.assign(feed, { url, name, text });
    return { text, name };
  } catch (error) {
    const reason = abort.signal.aborted ? abort.signal.reason : error;
    return failed(name, url.href, 0, String(reason?.message ?? reason));
  } finally {
    clearTimeout(timer);
    line.remove();
  }
}

/** Draws with `make(root)`: into a root in the element's shadow root (the element's own
 * content hidden behind it until destroy()), or into the element where it cannot have one. */
function live(element, isolate, make) {
  const shadowed = isolate && isolated(element);
  if (!shadowed) return make(element);
  const handle = make(shadowed.root);
  // The dataset could not be had or read, where the reader already has the static version
  // (pasted in the element, or drawn by embed.js): it stays, with a short notice. The author
  // hears why from the console and the breach-explainer:error event, as for any failure.
  const light = element.querySelector(':scope > .bx[data-static]');
  const drawn = shadowed.before.some((n) => n.querySelector?.('.bx[data-static]') || n.matches?.('.bx[data-static]'));
  if (handle.problems().length && (light || drawn)) {
    shadowed.root.remove();
    if (drawn) element.shadowRoot.replaceChildren(...shadowed.before);
    else shadowed.slot.hidden = false;
    staleNotice(element.shadowRoot.querySelector('.bx[data-static]') ?? light);
  }
  const destroy = handle.destroy.bind(handle);
  handle.destroy = () => {
    destroy();
    shadowed.root.remove();
    shadowed.slot.hidden = false;
  };
  return handle;
}

/** The longest wait between looks after failures, in seconds. */
const MOST_BACKOFF = 15 * 60;

/** Looks for a newer version of the dataset at `feed.url`: every `every` seconds when given
 * (never while the page is hidden; twice the wait after each failure, up to MOST_BACKOFF), and
 * whenever `refresh()` is called. A conditional request, so an unchanged file costs a 304. */
function watch(element, handle, feed, every, timeout) {
  let wait = every;
  let timer = null;
  let stopped = false;
  let running = null;
  let missed = false;
  const schedule = () => {
    clearTimeout(timer);
    if (!stopped && every) timer = setTimeout(tick, wait * 1000);
  };
  async function tick() {
    if (stopped) return;
    if (document.hidden) {
      missed = true; // looked for again as soon as the page is shown
      return;
    }
    await refresh();
    schedule();
  }
  /** For the author only: the console and an event, never a message to readers. */
  function report(message) {
    console.warn(`breach-explainer: ${message}`);
    element.dispatchEvent(new CustomEvent('breach-explainer:error', { detail: [message], bubbles: true, composed: true }));
  }
  async function look() {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error(`no answer within ${timeout} s`)), timeout * 1000);
    try {
      // no-cache: the browser asks the server again every time, conditionally (If-None-Match /
      // If-Modified-Since from its own cache). Headers set here by hand would not be
      // CORS-safelisted: the preflight they cause fails on a host that allows the origin only,
      // and readers would stay on the first version. A 304 reaches us as the cached 200.
      const response = await fetch(feed.url, { cache: 'no-cache', signal: abort.signal });
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
      const text = await response.text();
      wait = every;
      // The same text again (a server without validators): nothing to draw, nothing to report.
      if (text === feed.text || stopped) return false;
      feed.text = text;
      const shown = handle.update(text, feed.name);
      if (shown) age();
      return shown;
    } catch (error) {
      const reason = abort.signal.aborted ? abort.signal.reason : error;
      wait = Math.min((wait || 1) * 2, Math.max(MOST_BACKOFF, every ?? 0));
      report(`could not look for a newer version of ${feed.url.href}: ${reason?.message ?? reason}; the version shown stays${every ? `, next look in ${wait} s` : ''}`);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
  // "Updated just now" ages while the reader stays: each minute after the latest update.
  let ageing = null;
  function age() {
    clearInterval(ageing);
    const since = Date.now();
    ageing = setInterval(() => handle.aged(Math.floor((Date.now() - since) / 60_000)), 60_000);
  }
  function refresh() {
    if (stopped) return Promise.resolve(false);
    running ??= look().finally(() => {
      running = null;
    });
    return running;
  }
  function onVisibility() {
    if (!document.hidden && missed) {
      missed = false;
      tick();
    }
  }
  document.addEventListener('visibilitychange', onVisibility);
  schedule();
  return {
    refresh,
    stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(ageing);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
