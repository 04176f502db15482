// A careless or hostile host page, in Chromium: options of the wrong type, a data server that
// stalls, addresses that are not addresses, and Korean messages that must be Korean throughout.
// None may freeze the tab or leave an empty element.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { launch, watchErrors } from './browser.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
let server, stalling, browser;
const open = new Set();
before(async () => {
  server = await serve(dist);
  // Sends its headers, then nothing, ever (until the test ends).
  stalling = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.write('{"format":');
    open.add(res);
  });
  await new Promise((ok) => stalling.listen(0, '127.0.0.1', ok));
  browser = await launch();
});
after(async () => {
  for (const res of open) res.destroy();
  await browser?.close();
  await server?.close();
  await new Promise((ok) => stalling.close(ok));
});

async function page() {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const p = await context.newPage();
  const errors = watchErrors(p);
  await p.goto(`${server.url}embed.html`);
  await p.waitForSelector('.bx:not([data-static]) .bx-title');
  return { p, context, errors };
}

test('options of the wrong type are refused with a TypeError, and the tab stays alive', { timeout: 60_000 }, async () => {
  const { p, context } = await page();
  const results = await p.evaluate(async () => {
    const { mount } = await import('./explainer.js');
    const out = [];
    for (const options of [{ theme: {} }, { theme: true }, { lang: 123 }, { lang: 123 }, { theme: 'purple' }, 'en', { data: 42 }, { timeout: -1 }]) {
      const el = document.createElement('div');
      document.body.append(el);
      try {
        await mount(el, options);
        out.push('mounted');
      } catch (e) {
        out.push(`${e.name}: ${e.message}`);
      }
      el.remove();
    }
    // A list of languages such as navigator.languages is taken as the reader's preference.
    const el = document.createElement('div');
    document.body.append(el);
    const h = await mount(el, { lang: ['ko-KR', 'en'] });
    out.push(h.lang());
    h.destroy();
    return out;
  });
  assert.equal(results.length, 9);
  for (const r of results.slice(0, 8)) assert.match(r, /^TypeError: mount/, r);
  assert.match(results[0], /options\.theme must be "light", "dark" or "auto", not a object/);
  assert.match(results[2], /options\.lang must be a language code/);
  assert.equal(results[8], 'ko');
  await context.close();
});

test('a data server that stalls gives way to a message; a malformed address is named', { timeout: 60_000 }, async () => {
  const { p, context, errors } = await page();
  const stall = `http://127.0.0.1:${stalling.address().port}/data.json`;
  const results = await p.evaluate(async (stall) => {
    const { mount } = await import('./explainer.js');
    const out = {};
    const a = document.createElement('div');
    document.body.append(a);
    const pending = mount(a, { data: stall, timeout: 1 });
    await new Promise((ok) => setTimeout(ok, 200));
    out.whileLoading = a.textContent;
    const h = await pending;
    out.stalled = { problems: h.problems(), text: a.textContent };
    const b = document.createElement('div');
    document.body.append(b);
    const h2 = await mount(b, { data: '/data/%zz.json' });
    out.malformed = { problems: h2.problems(), text: b.textContent };
    return out;
  }, stall);
  assert.match(results.whileLoading, /Loading the data…/);
  assert.equal(results.stalled.problems.length, 1);
  assert.match(results.stalled.problems[0], /could not be reached \(no answer within 1 s\)/);
  assert.doesNotMatch(results.stalled.text, /Loading/);
  assert.equal(results.malformed.problems.length, 1, results.malformed.problems.join('\n'));
  assert.match(results.malformed.problems[0], /^%zz\.json: the file could not be loaded/);
  assert.deepEqual(errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
  await context.close();
});

test('in Korean, a problem is Korean from its first word', { timeout: 60_000 }, async () => {
  const { p, context } = await page();
  const problems = await p.evaluate(async () => {
    const { mount } = await import('./explainer.js');
    const el = document.createElement('div');
    document.body.append(el);
    const h = await mount(el, { data: { format: 'breach-explainer/1' }, lang: 'ko' });
    return h.problems();
  });
  assert.ok(problems.length > 3);
  for (const line of problems) assert.match(line, /^mount\(\)에 전달한 데이터: /, line);
  await context.close();
});

test('the versioned entry points work like the stable ones', { timeout: 60_000 }, async () => {
  const { p, context } = await page();
  const version = JSON.parse(await (await fetch(`${server.url}npm/package.json`)).text()).version;
  const mounted = await p.evaluate(async (version) => {
    const { mount } = await import(`./v${version}/explainer.js`);
    const el = document.createElement('div');
    document.body.append(el);
    const h = await mount(el, {});
    return [h.problems().length, el.shadowRoot.querySelector('.bx-title')?.textContent.length > 0];
  }, version);
  assert.deepEqual(mounted, [0, true]);
  await context.close();
});
