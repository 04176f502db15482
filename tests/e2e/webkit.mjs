// WebKit for the end-to-end tests: Debian's WebKitGTK driven through its WebDriver
// (WebKitWebDriver, package webkit2gtk-driver) over the W3C WebDriver HTTP protocol, with
// Node's own fetch (no npm dependency). Every iPhone reader reads in WebKit; Chromium and
// Firefox do not catch its layout and event quirks.
//
// WebKitGTK has no headless mode, so the browser (MiniBrowser, the driver's default) draws on
// an Xvfb display: $DISPLAY when there is one, else a new Xvfb on a free display number.
// MiniBrowser's toolbar makes its window at least 447 px wide, wider than a phone, so the
// browser gets a GTK style sheet (its own XDG_CONFIG_HOME) that shrinks its toolbar's widgets;
// the page is not affected (WebKitGTK draws web content and form controls itself), and the
// window can then be set to a phone's 375 CSS px.
//
// Everything stops by itself: every request and every wait is bounded, close() ends the
// session and kills the driver's and Xvfb's process groups, and so does the process's exit.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const W3C_ELEMENT = 'element-6066-11e4-a52e-4f735466cecc';

/** Throws, saying how to install it, when `command` is not on the PATH. */
function need(command, pkg) {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0) {
    throw new Error(`${command} is not installed (Debian package ${pkg}): run scripts/setup, which installs it`);
  }
}

/** A free TCP port on the loopback interface. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Resolves with `promise`, or rejects after `ms` with `what` timed out. */
function within(ms, what, promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`${what}: no answer within ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// Process groups this module started, killed on exit if close() was never reached.
const started = new Set();
function killGroup(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}
process.on('exit', () => { for (const c of started) killGroup(c, 'SIGKILL'); });

function launch(command, args, env, stdio = ['ignore', 'ignore', 'pipe']) {
  // Its own process group (detached), so MiniBrowser and WebKit's web and network processes,
  // which the driver starts, go with it.
  const child = spawn(command, args, { env, stdio, detached: true });
  started.add(child);
  child.once('exit', () => started.delete(child));
  let stderr = '';
  child.stderr?.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  child.stderrText = () => stderr;
  child.unref();
  child.stderr?.unref?.();
  return child;
}

async function stop(child, ms = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((ok) => child.once('exit', ok));
  killGroup(child, 'SIGTERM');
  if (await Promise.race([gone.then(() => true), sleep(ms).then(() => false)])) return;
  killGroup(child, 'SIGKILL');
  await Promise.race([gone, sleep(ms)]);
}

/** A new Xvfb on a free display (it picks the number: -displayfd). */
async function startXvfb() {
  need('Xvfb', 'xvfb');
  const xvfb = launch('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    process.env, ['ignore', 'ignore', 'pipe', 'pipe']);
  const number = await within(10_000, 'Xvfb start', new Promise((ok, fail) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => { out += d; if (out.includes('\n')) ok(out.trim()); });
    xvfb.once('exit', (code) => fail(new Error(`Xvfb exited (${code}): ${xvfb.stderrText()}`)));
  })).catch(async (e) => { await stop(xvfb); throw e; });
  xvfb.stdio[3].destroy();
  return { xvfb, display: `:${number}` };
}

/**
 * Starts WebKit and opens a WebDriver session. `width`/`height`: the window's size in CSS px
 * (the toolbar shrunk to a thin strip, innerWidth is the window's width). Returns the
 * session's helpers; call close() when done.
 */
export async function openWebKit({ width = 375, height = 812, timeout = 30_000 } = {}) {
  need('WebKitWebDriver', 'webkit2gtk-driver');
  let xvfb = null;
  let display = process.env.DISPLAY;
  if (!display) ({ xvfb, display } = await startXvfb());

  const home = await mkdtemp(join(tmpdir(), 'bx-webkit-'));
  // The browser chrome's style: MiniBrowser's toolbar as small as GTK lets it be.
  await mkdir(join(home, 'config', 'gtk-3.0'), { recursive: true });
  await writeFile(join(home, 'config', 'gtk-3.0', 'gtk.css'),
    '* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 4px; }\n');
  const env = {
    ...process.env,
    DISPLAY: display,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_DATA_HOME: join(home, 'data'),
  };
  const port = await freePort();
  const driver = launch('WebKitWebDriver', [`--port=${port}`, '--host=local'], env);
  const base = `http://127.0.0.1:${port}`;
  let session = null;

  /** One WebDriver command: its value, or an Error with the driver's error and message. */
  async function command(method, path, body, ms = timeout) {
    const url = `${base}${path.startsWith('/session') || !session ? path : `/session/${session}${path}`}`;
    let res;
    try {
      res = await fetch(url, {
        method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(ms),
      });
    } catch (e) {
      throw new Error(`WebDriver ${method} ${path}: ${e.name === 'TimeoutError' ? `no answer within ${ms} ms` : e.message}`);
    }
    const json = await res.json().catch(() => ({}));
    if (!res.ok || json.value?.error) {
      throw new Error(`WebDriver ${method} ${path}: ${json.value?.error ?? res.status}: ${json.value?.message ?? ''}`);
    }
    return json.value;
  }

  const close = async () => {
    if (session) await command('DELETE', `/session/${session}`, undefined, 10_000).catch(() => {});
    session = null;
    await stop(driver);
    await stop(xvfb);
    await rm(home, { recursive: true, force: true }).catch(() => {});
  };

  try {
    // Ready when it answers /status (bounded).
    const until = Date.now() + 10_000;
    for (;;) {
      if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode}): ${driver.stderrText()}`);
      const ready = await fetch(`${base}/status`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
      if (ready) break;
      if (Date.now() > until) throw new Error(`WebKitWebDriver did not answer on port ${port} within 10 s: ${driver.stderrText()}`);
      await sleep(100);
    }
    const created = await command('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          // The driver's default browser is MiniBrowser with --automation; said here so it is
          // seen. Overlay scrollbars, as on a phone: they take no width from the page.
          'webkitgtk:browserOptions': { args: ['--automation'], useOverlayScrollbars: true },
          timeouts: { script: 20_000, pageLoad: 30_000, implicit: 0 },
        },
      },
    });
    session = created.sessionId;
    const wk = {
      capabilities: created.capabilities,
      display,
      command,
      close,
      navigate: (url) => command('POST', '/url', { url }),
      /** Runs `fn` (a function, or a function body) in the page with `args`; its value. A
       * returned promise is awaited (WebDriver's execute does). */
      execute: (fn, ...args) => command('POST', '/execute/sync', {
        script: typeof fn === 'function' ? `return (${fn}).apply(null, arguments);` : fn, args,
      }),
      /** Runs `fn` in the page with `args` and a last argument, the callback it calls with its
       * value (WebDriver's execute async). */
      executeAsync: (fn, ...args) => command('POST', '/execute/async', {
        script: typeof fn === 'function' ? `(${fn}).apply(null, arguments);` : fn, args,
      }),
      windowRect: () => command('GET', '/window/rect'),
      setWindowRect: (rect) => command('POST', '/window/rect', rect),
      /** W3C actions, raw. */
      actions: (actions) => command('POST', '/actions', { actions }),
      /** A finger (pointerType "touch": WebKitWebDriver accepts it, WebKitGTK delivers it as
       * mouse events) or a mouse moving to, pressing and lifting at (x, y) in the viewport. */
      tap: (x, y, pointerType = 'touch') => wk.actions([{
        type: 'pointer', id: `tap-${pointerType}`, parameters: { pointerType },
        actions: [
          { type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0, origin: 'viewport' },
          { type: 'pointerDown', button: 0 },
          { type: 'pause', duration: 50 },
          { type: 'pointerUp', button: 0 },
        ],
      }]).finally(() => command('DELETE', '/actions').catch(() => {})),
      /** A mouse moving onto (x, y) in the viewport (a hover, no press). */
      moveTo: (x, y) => wk.actions([{
        type: 'pointer', id: 'move', parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0, origin: 'viewport' }],
      }]),
      /** The viewport as a PNG, base64. */
      screenshot: () => command('GET', '/screenshot'),
      /** Polls `fn(...args)` in the page until it returns a truthy value (returned) or `ms`
       * pass (throws `what`). */
      async waitFor(what, fn, args = [], ms = 15_000) {
        const until = Date.now() + ms;
        let last;
        for (;;) {
          last = await wk.execute(fn, ...args);
          if (last) return last;
          if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms (last: ${JSON.stringify(last)})`);
          await sleep(100);
        }
      },
      /** Sets the window so that window.innerWidth × innerHeight is `w` × `h` (the toolbar's
       * height and any frame added); returns what the page then measures. */
      async setViewport(w, h) {
        await wk.setWindowRect({ width: w, height: h });
        for (let i = 0; i < 3; i++) {
          const m = await wk.execute(() => ({ w: innerWidth, h: innerHeight }));
          if (m.w === w && m.h === h) break;
          const r = await wk.windowRect();
          await wk.setWindowRect({ width: r.width + (w - m.w), height: r.height + (h - m.h) });
        }
        return wk.execute(() => ({
          innerWidth, innerHeight, clientWidth: document.documentElement.clientWidth, devicePixelRatio,
        }));
      },
      elementKey: W3C_ELEMENT,
    };
    await wk.setWindowRect({ width, height });
    return wk;
  } catch (e) {
    await close();
    throw e;
  }
}
