// The demo page: mounts the default dataset. Kept out of index.html so the page runs under a
// strict Content-Security-Policy without inline scripts.
import { mount } from './explainer.js';

const host = document.getElementById('explainer');
// ?lang=ko on the shell page; else the explainer picks from the browser's languages.
const lang = new URLSearchParams(location.search).get('lang') ?? undefined;
const handle = await mount(host, { lang });
// The page speaks the explainer's language, also after the reader switches it.
document.documentElement.lang = handle.lang();
host.addEventListener('breach-explainer:lang', (event) => {
  document.documentElement.lang = event.detail;
});
window.explainer = handle;
