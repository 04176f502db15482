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
import { mount as mountOne } from './explainer.js';

const SELECTOR = '[data-breach-explainer]:not([data-breach-explainer-initialized])';

// One registry per page, even if this file is loaded twice from different URLs (two module
// instances): the first one's mount is used by all, so the wasm is compiled once.
const registry = (globalThis.breachExplainer ??= {
  mount: mountOne,
  handles: new Map(),
  mountAll() {
    for (const el of document.querySelectorAll(SELECTOR)) {
      el.setAttribute('data-breach-explainer-initialized', '');
      const refresh = Number(el.dataset.refresh);
      const options = { data: el.dataset.src || undefined, lang: el.dataset.lang, theme: el.dataset.theme, deepLink: el.hasAttribute('data-deep-link'), refresh: refresh > 0 ? refresh : undefined };
      const pending = this.mount(el, options).then((handle) => {
        this.handles.set(el, handle);
        return handle;
      }, (error) => {
        console.warn('breach-explainer:', error);
      });
      this.handles.set(el, pending);
    }
  },
  async unmount(el) {
    const handle = await this.handles.get(el);
    this.handles.delete(el);
    el.removeAttribute('data-breach-explainer-initialized');
    handle?.destroy();
  },
});

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
