// The explainer's JavaScript entry point: an ES module exporting `mount`.
//
//   import { mount } from './explainer.js';
//   const handle = await mount(document.querySelector('#explainer'), { lang: 'en' });
//   handle.destroy();
//
// options.data: absent → the dataset compiled into the wasm (no request); a URL string or URL
// → fetched; an object → used as the dataset. options.lang: "en" or "ko" (absent: the host's
// data-lang, <html lang>, the browser's languages). options.theme: "light", "dark" or "auto".
import init, { Explainer } from './pkg/breach_explainer.js';

let ready;

/** Loads and compiles the wasm once for every explainer on the page. */
function start() {
  ready ??= init({ module_or_path: new URL('./pkg/breach_explainer_bg.wasm', import.meta.url) });
  return ready;
}

/** When the wasm cannot start, whatever the element holds (the static version) stays, with a
 * short note saying so. */
function notice(element, lang) {
  if (element.querySelector(':scope > .bx-notice')) return;
  const korean = (lang ?? element.closest('[lang]')?.lang ?? '').startsWith('ko');
  const p = document.createElement('p');
  p.className = 'bx-notice';
  p.setAttribute('role', 'status');
  p.textContent = korean
    ? '인터랙티브 버전을 시작하지 못해 정적 버전을 보여 드립니다.'
    : 'The interactive version could not start, so this is the static version.';
  element.prepend(p);
}

function fileName(url) {
  const last = url.pathname.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : url.href;
}

/**
 * Mounts an explainer into `element`.
 * @param {Element} element
 * @param {{data?: object|string|URL, lang?: string, theme?: 'light'|'dark'|'auto'}} [options]
 * @returns {Promise<{destroy(): void, problems(): string[]}>}
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('mount(element, options): element must be a DOM element');
  try {
    await start();
  } catch (error) {
    notice(element, options.lang);
    throw error;
  }
  const { data, lang, theme } = options;
  if (typeof data === 'string' || data instanceof URL) {
    const url = new URL(data, document.baseURI);
    const name = fileName(url);
    let text;
    try {
      const response = await fetch(url);
      if (!response.ok) {
        return Explainer.loadFailed(element, name, url.href, response.status, response.statusText, lang);
      }
      text = await response.text();
    } catch (error) {
      return Explainer.loadFailed(element, name, url.href, 0, String(error?.message ?? error), lang);
    }
    return Explainer.mount(element, text, name, lang, theme);
  }
  return Explainer.mount(element, data ?? null, undefined, lang, theme);
}
