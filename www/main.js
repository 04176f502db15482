// The demo page: mounts the default dataset. Kept out of index.html so the page runs under a
// strict Content-Security-Policy without inline scripts.
import { mount } from './explainer.js';

const host = document.getElementById('explainer');
const lang = new URLSearchParams(location.search).get('lang') ?? undefined;
window.explainer = await mount(host, { lang });
