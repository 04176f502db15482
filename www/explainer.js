// The explainer's JavaScript entry point: an ES module exporting `mount`.
//
//   import { mount } from './explainer.js';
//   const handle = await mount(document.querySelector('#explainer'), { lang: 'en' });
//   handle.destroy();
//
// options.data: absent → the dataset compiled into the wasm (no request); a URL string or URL
// → fetched; an object → used as the dataset. options.lang: "en" or "ko".
import init, { Explainer } from './pkg/breach_explainer.js';

let ready;

/** Loads and compiles the wasm once for every explainer on the page. */
function start() {
  ready ??= init({ module_or_path: new URL('./pkg/breach_explainer_bg.wasm', import.meta.url) });
  return ready;
}

function fileName(url) {
  const last = url.pathname.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : url.href;
}

/**
 * Mounts an explainer into `element`.
 * @param {Element} element
 * @param {{data?: object|string|URL, lang?: string}} [options]
 * @returns {Promise<{destroy(): void, problems(): string[]}>}
 */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('mount(element, options): element must be a DOM element');
  await start();
  const { data, lang } = options;
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
    return Explainer.mount(element, text, name, lang);
  }
  return Explainer.mount(element, data ?? null, undefined, lang);
}
