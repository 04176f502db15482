// The shell pages (index.html in English, ko.html in Korean): the static version inside
// #explainer is the explainer until the reader reaches for it (intent.js); then the live one
// replaces it, keeping the reader's place. Kept out of the HTML so the pages run under a strict
// Content-Security-Policy without inline scripts.
import { keepingPlace, wanted } from './intent.js';

const host = document.getElementById('explainer');
// The static version is on screen: the explainer's first frame, for benchmarks. (Marked here,
// not by host.js's markRendered: host.js comes with the live explainer, after the reader acts.)
requestAnimationFrame(() => setTimeout(() => performance.mark('rendered')));
await wanted(host);
const [{ mount }, { followLang }] = await Promise.all([import('./explainer.js'), import('./host.js')]);
// ?lang=ko wins; else the page's <html lang>, then the browser's languages.
const lang = new URLSearchParams(location.search).get('lang') ?? undefined;
// The shell page is the whole explainer, not an embed in an article: every part open.
const handle = await keepingPlace(host, () => mount(host, { lang, deepLink: true, parts: 'all', isolate: false }));
// The live explainer has its own language switch; the page's links are for the static version.
// The page speaks the explainer's language, also after the reader switches it.
followLang(host, handle);
window.explainer = handle;
