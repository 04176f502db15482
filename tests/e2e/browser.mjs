// Launches Debian's Chromium headless through playwright-core (Playwright cannot download its
// own browsers here), with the flags a closed-network root sandbox needs.
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Collects console errors and uncaught page errors, the things a reader would never see. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

/** What a reader does to get the live explainer on a page that shows the static version
 * first: points at it (its top left corner, away from the drawings). Resolves when the live
 * one is drawn. */
export async function reachFor(page, selector = '#explainer') {
  await page.waitForSelector(`${selector} .bx-title`);
  await page.hover(selector, { position: { x: 2, y: 2 } });
  await page.waitForSelector(`${selector} .bx:not([data-static]) .bx-title`);
}
