// The explainer's JavaScript entry point: an ES module exporting `mount`.
//
//   import { mount } from './explainer.js';
//   const handle = await mount(document.querySelector('#explainer'), { lang: 'en' });
//   handle.destroy();
//
// options.data: absent → the dataset compiled into the wasm (no request); a URL string or URL
// → fetched (with a loading line in the element, and given up after options.timeout seconds,
// 30 by default); an object → used as the dataset. options.lang: a language code ("en", "ko")
// or a list of them such as navigator.languages (absent: the host's data-lang, <html lang>, the
// browser's languages). options.theme: "light", "dark" or "auto". options.deepLink: true keeps
// the selected event in the page's address (#event=), for one explainer per page.
// options.parts: which parts to show, e.g. ["head", "timeline", "money"] (head, timeline,
// revisions, comparison, exposed, money, corrections, data, sources); absent: headline,
// timeline and the revised count open, the rest folded one tap away. The host
// hears breach-explainer:select, :view, :lang, :part, :export and :error events. Options of another type are
// refused with a TypeError before anything reaches the wasm.
import init, { Explainer } from './pkg/breach_explainer.js';

let ready;

/** Loads and compiles the wasm once for every explainer on the page. */
function start() {
  ready ??= init({ module_or_path: new URL('./pkg/breach_explainer_bg.wasm', import.meta.url) });
  return ready;
}

/** When the wasm cannot start, whatever the element holds (the static version) stays, with a
 * short note saying so; an empty element (a bundled app has no static version) only says it
 * could not start. */
function notice(element, lang) {
  if (element.querySelector(':scope > .bx-notice')) return;
  const korean = (lang ?? element.closest('[lang]')?.lang ?? '').startsWith('ko');
  const fallback = element.childElementCount > 0 || element.textContent.trim() !== '';
  const p = document.createElement('p');
  p.className = 'bx-notice';
  p.setAttribute('role', 'status');
  p.textContent = korean
    ? (fallback ? '인터랙티브 버전을 시작하지 못해 정적 버전을 보여 드립니다.' : '인터랙티브 버전을 시작하지 못했습니다.')
    : (fallback ? 'The interactive version could not start, so this is the static version.' : 'The interactive version could not start.');
  element.prepend(p);
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

/** The options as the wasm takes them, or a TypeError that says what was expected. */
function checked(options) {
  if (options === undefined || options === null) return { timeout: 30 };
  if (typeof options !== 'object') throw new TypeError(`mount(element, options): options must be an object, not ${what(options)}`);
  let { data, lang, theme, timeout = 30 } = options;
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
  if (typeof timeout !== 'number' || !(timeout > 0)) {
    throw new TypeError(`mount(): options.timeout must be a number of seconds above 0, not ${what(timeout)}`);
  }
  let { parts } = options;
  if (Array.isArray(parts)) parts = parts.join(',');
  if (parts !== undefined && parts !== null && typeof parts !== 'string') {
    throw new TypeError(`mount(): options.parts must be a list of parts such as ["timeline", "revisions"], not ${what(parts)}`);
  }
  return { data, lang: lang ?? undefined, theme: theme ?? undefined, timeout, deepLink: options.deepLink === true, parts: parts ?? undefined };
}

/** A polite "Loading…" line while the dataset is fetched, above whatever the element holds. */
function loading(element, lang) {
  const korean = (lang ?? element.closest('[lang]')?.lang ?? '').startsWith('ko');
  const p = document.createElement('p');
  p.className = 'bx-notice bx-loading';
  p.setAttribute('role', 'status');
  p.textContent = korean ? '데이터를 불러오는 중…' : 'Loading the data…';
  element.prepend(p);
  return p;
}

/**
 * Mounts an explainer into `element`.
 * @param {Element} element
 * @param {{data?: object|string|URL, lang?: string|string[], theme?: 'light'|'dark'|'auto', timeout?: number}} [options]
 * @returns {Promise<{destroy(): void, problems(): string[]}>}
 */
export async function mount(element, options) {
  if (!(element instanceof Element)) throw new TypeError('mount(element, options): element must be a DOM element');
  const { data, lang, theme, timeout, deepLink, parts } = checked(options);
  // Deep links (`#event=` in the page's address) only where the host asks for them.
  if (deepLink) element.setAttribute('data-deep-link', '');
  if (parts) element.setAttribute('data-parts', parts);
  try {
    await start();
  } catch (error) {
    notice(element, lang);
    throw error;
  }
  if (typeof data === 'string' || data instanceof URL) {
    let url;
    try {
      url = new URL(data, document.baseURI);
    } catch (error) {
      return Explainer.loadFailed(element, String(data), String(data), 0, String(error?.message ?? error), lang);
    }
    const name = fileName(url);
    const line = loading(element, lang);
    // A server that answers its headers and then stalls must not leave the reader waiting.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error(`no answer within ${timeout} s`)), timeout * 1000);
    let text;
    try {
      const response = await fetch(url, { signal: abort.signal });
      if (!response.ok) {
        return Explainer.loadFailed(element, name, url.href, response.status, response.statusText, lang);
      }
      text = await response.text();
    } catch (error) {
      const reason = abort.signal.aborted ? abort.signal.reason : error;
      return Explainer.loadFailed(element, name, url.href, 0, String(reason?.message ?? reason), lang);
    } finally {
      clearTimeout(timer);
      line.remove();
    }
    return Explainer.mount(element, text, name, lang, theme);
  }
  return Explainer.mount(element, data ?? null, undefined, lang, theme);
}
