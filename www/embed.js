// The script embed. Put this where the explainer should appear:
//
//   <div data-breach-explainer data-src="/data/my-breach.json" data-lang="ko"></div>
//   <script type="module" src="https://example.org/breach-explainer/embed.js"></script>
//
// Every [data-breach-explainer] element is mounted once (safe to load this file twice); the
// wasm is fetched and compiled once for all of them; without data-src the dataset compiled into
// the wasm is shown. data-theme: light | dark | auto; data-deep-link keeps the selected event
// in the page's address (one explainer per page); data-refresh="300" looks for a newer version
// of data-src every 300 seconds and shows it in place. window.breachExplainer.unmount(el) undoes
// one, mountAll() picks up elements added later.
//
// An element that holds the explainer's static version (what `breach-explainer html
// my-breach.json` prints, pasted inside it) shows that at once and loads the live explainer
// only when the reader reaches for it (intent.js): a reader who only reads downloads this file
// and one more.
//
// An empty element without data-src, data-parts or a dark theme (the site's default dataset, as
// the embed folds it) gets the static version the build drew (static/default-<lang>.html on this site)
// and likewise waits for the reader; where there is none, the live explainer comes at once.
//
// The short embed code, for a CMS field that cannot take the pasted static version: an empty
// element with data-static="…/my-breach.en.html" (the static version published beside the
// dataset) fetches it, keeps only markup that cannot run (DOMPurify), shows it and likewise
// waits for the reader. If it cannot be read, the live explainer comes at once.
import { keepingPlace, staticParts, wanted } from './intent.js';
import { reserve } from './reserve.js';
import css from './explainer-css.js';
import { adoptStyles, markRendered } from './host.js';

// The live explainer, loaded once, on the first element that needs it.
const mountOne = async (el, options) => (await import('./explainer.js')).mount(el, options);

/** The language the live explainer would choose (data-lang, the page's, the browser's), of the
 * two the default dataset's static versions may come in. */
function staticLang(el) {
  const wanted = [el.dataset.lang, el.closest('[lang]')?.lang, ...navigator.languages];
  return wanted.map((l) => (l ?? '').toLowerCase().slice(0, 2)).find((l) => l === 'en' || l === 'ko') ?? 'en';
}

/** Where an empty element's static version comes from: the one published beside its dataset
 * (data-static), or for the site's default dataset the one the build drew; none otherwise. */
function staticSource(el) {
  if (el.childElementCount || el.textContent.trim() || el.shadowRoot) return null;
  if (el.dataset.static) {
    try {
      return { url: new URL(el.dataset.static, document.baseURI), published: true };
    } catch {
      return null;
    }
  }
  // (Drawn light: a host that asks for dark or auto gets the live one at once.)
  if (el.dataset.src || el.dataset.parts || (el.dataset.theme ?? 'light') !== 'light') return null;
  return { url: new URL(`./static/default-${staticLang(el)}.html`, import.meta.url), published: false };
}

/** Fills an empty element with its static version (see staticSource), in a shadow root with
 * the explainer's stylesheet (the article's CSS reaches it no more than the live one, which
 * takes its place there); holds its place meanwhile. Any failure leaves it empty (the live one
 * then comes at once). */
async function fillStatic(el, signal) {
  const source = staticSource(el);
  if (!source) return;
  const release = reserve(el, el.dataset.parts);
  try {
    // A published file is markup from another host: what could run is taken out of it
    // (DOMPurify, loaded beside it, only by such an element).
    const [response, purify] = await Promise.all([
      fetch(source.url, { signal }),
      source.published ? import('./purify.js') : null,
    ]);
    const html = response.ok ? await response.text() : '';
    if (html.trimStart().startsWith('<section class="bx"') && !el.childElementCount && !el.shadowRoot && !signal.aborted) {
      const root = document.createElement('div');
      root.className = 'bx-root';
      if (purify) {
        root.append(purify.default.sanitize(html, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['style'] }));
      } else {
        // Our own site's markup, drawn by the crate with every text escaped; under Trusted
        // Types this throws and the element stays empty.
        root.innerHTML = html;
      }
      if (root.querySelector('.bx[data-static]')) {
        const shadow = el.attachShadow({ mode: 'open' });
        adoptStyles(shadow, css);
        shadow.replaceChildren(root);
        // The static version is on screen: the explainer's first frame, for benchmarks.
        markRendered();
      }
    }
  } catch { /* no static version here: the live explainer comes at once */ }
  release();
}

const SELECTOR = '[data-breach-explainer]:not([data-breach-explainer-initialized])';

// One registry per page, even if this file is loaded twice from different URLs (two module
// instances): the first one's mount is used by all, so the wasm is compiled once. It is kept
// under a symbol, which no element's id or name can take.
const KEY = Symbol.for('breach-explainer');
const registry = (globalThis[KEY] ??= {
  mount: mountOne,
  handles: new Map(),
  mountAll() {
    for (const el of document.querySelectorAll(SELECTOR)) {
      el.setAttribute('data-breach-explainer-initialized', '');
      const refresh = Number(el.dataset.refresh);
      const options = { data: el.dataset.src || undefined, lang: el.dataset.lang, theme: el.dataset.theme, deepLink: el.hasAttribute('data-deep-link'), refresh: refresh > 0 ? refresh : undefined };
      const waiting = new AbortController();
      const pending = fillStatic(el, waiting.signal).then(() => wanted(el, waiting.signal))
        // The live explainer shows the parts the static version showed (a pasted full one
        // stays full), unless the host chose some.
        .then((yes) => (yes ? keepingPlace(el, () => this.mount(el, { ...options, parts: el.dataset.parts ?? staticParts(el) })) : null))
        .then((handle) => {
          if (handle) this.handles.set(el, handle);
          return handle;
        }, (error) => {
          console.warn('breach-explainer:', error);
        });
      this.handles.set(el, pending);
      (this.waiting ??= new Map()).set(el, waiting);
    }
  },
  async unmount(el) {
    this.waiting?.get(el)?.abort(); // still showing the static version: nothing to load now
    this.waiting?.delete(el);
    const handle = await this.handles.get(el);
    this.handles.delete(el);
    el.removeAttribute('data-breach-explainer-initialized');
    handle?.destroy();
  },
});

// window.breachExplainer for hosts, also where an element on the page has that id or name (a
// form field, an ad), which the browser would otherwise answer with.
if (typeof globalThis.breachExplainer?.mountAll !== 'function') globalThis.breachExplainer = registry;

// The stylesheet, once.
if (!document.querySelector('link[data-breach-explainer-css]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./explainer.css', import.meta.url).href;
  link.setAttribute('data-breach-explainer-css', '');
  document.head.append(link);
}

registry.mountAll();

export const unmount = (el) => registry.unmount(el);
export const mountAll = () => registry.mountAll();
