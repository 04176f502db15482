// Benchmark (not a test): in headless Chromium, the time to mount the default explainer and
// to re-lay out the timeline (view switch = layout + paint + options), median of runs.
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { launch } from './browser.mjs';

const server = await serve(fileURLToPath(new URL('../../dist/', import.meta.url)));
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.waitForSelector('.bx:not([data-static])');
const result = await page.evaluate(async () => {
  const { mount } = await import('./explainer.js');
  // The dataset as an object: the time is the drawing's, not the network's (mount() still
  // yields one task between the wasm's start and the drawing).
  const data = await (await fetch('data/coupang-2025.json')).json();
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const mounts = [];
  const switches = [];
  for (let i = 0; i < 15; i++) {
    const host = document.createElement('div');
    document.body.append(host);
    let t = performance.now();
    const h = await mount(host, { data });
    mounts.push(performance.now() - t);
    for (const view of ['story', 'window']) {
      t = performance.now();
      host.shadowRoot.querySelector(`[data-view=${view}]`).click();
      switches.push(performance.now() - t);
    }
    h.destroy();
    host.remove();
  }
  return { mount: median(mounts), relayout: median(switches) };
});
console.log(`browser (Chromium, 1280 px): mount ${result.mount.toFixed(1)} ms, timeline re-layout + paint ${result.relayout.toFixed(1)} ms (median of 15)`);
await browser.close();
await server.close();
