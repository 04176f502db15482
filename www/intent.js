// The static version first, the live one ready before the reader reaches it.
//
// A page that holds the static version of the explainer (drawn by the crate at build time: the
// same tree as the live one, with each drawing made for every width) shows it at once. The
// live explainer — its script, the wasm and the dataset — loads when the explainer comes within
// a screen of the viewport and the page is idle, or at once when the reader reaches for it (a
// pointer, a touch, focus or a key inside it, a link to one of its events). A reader who asked
// to save data (Save-Data) gets it only when they reach for it.
//
// The swap moves nothing: both versions are the same height, so the page's own scroll anchoring
// has nothing to do. What the reader did to the static version is carried over: the parts they
// opened, the control that has focus, and the taps and keys that the live one answers (an event
// opened, the view switched), each applied once.

const INTENT = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown'];

/** Whether the reader asked to save data (then only their own intent loads the live one). */
function savingData() {
  return navigator.connection?.saveData === true;
}

/** Resolves to true when the live explainer should load for `element` — at once when it holds
 * no static version or the address links to one of its events; when the reader shows intent;
 * when it comes within a screen of the viewport and the page is idle (not while saving data) —
 * or to false if `signal` aborts first (the host took the element away). */
export function wanted(element, signal) {
  if (signal?.aborted) return Promise.resolve(false);
  const tree = element.shadowRoot ?? element;
  if (!tree.querySelector('[data-static]') || /(^#|&)event=/.test(location.hash)) return Promise.resolve(true);
  // From now on what the reader does to the static version is kept for the live one.
  watching(element);
  return new Promise((resolve) => {
    let near = null;
    const done = (yes) => {
      for (const type of INTENT) element.removeEventListener(type, go);
      signal?.removeEventListener('abort', stop);
      near?.disconnect();
      if (!yes) {
        recorders.get(element)?.stop();
        recorders.delete(element);
      }
      resolve(yes);
    };
    const go = () => done(true);
    const stop = () => done(false);
    for (const type of INTENT) element.addEventListener(type, go, { passive: true });
    signal?.addEventListener('abort', stop);
    if (!savingData() && typeof IntersectionObserver === 'function') {
      near = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        near.disconnect();
        const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 1));
        idle(go, { timeout: 2000 });
      }, { rootMargin: '100% 0px' });
      near.observe(element);
    }
  });
}

/** Where `el` sits under the explainer's root `.bx`: the index of each ancestor among its
 * siblings. Both versions are built from one tree, so a path names the same control in both;
 * a path into a drawing stops at its stage (the static pictures are the live listbox). */
function pathOf(el) {
  const path = [];
  for (let at = el.closest('.bx-stage') ?? el; at && !at.matches('.bx'); at = at.parentElement) {
    if (!at.parentElement) return null;
    path.unshift([...at.parentElement.children].indexOf(at));
  }
  return path;
}

function atPath(root, path) {
  let at = root;
  for (const i of path ?? []) at = at?.children[i];
  return at ?? null;
}

/** The live control at the place of a static one: a stage's listbox for its drawing. */
function liveAt(root, path) {
  const at = atPath(root, path);
  return at?.matches('.bx-stage') ? at.querySelector('[role="listbox"]') : at;
}

/** Keys that the static version answers itself (moving focus, opening a folded part, following
 * a link, pressing a button, which clicks it): only keys on a drawing are the live one's. */
const onDrawing = (target) => target.closest?.('.bx-stage');

/** Records what the reader does to the static version in `tree` until `stop()`, as actions to
 * apply once to the live one. */
function record(tree) {
  const taken = [];
  const onClick = (event) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || !target.closest('.bx[data-static]')) return;
    // Folded parts open by themselves (and are carried over as open); links go where they go.
    if (target.closest('summary, a[href]')) return;
    const stage = onDrawing(target);
    const box = (stage ?? target).getBoundingClientRect();
    taken.push({
      kind: 'click',
      path: pathOf(target),
      at: stage && box.width && box.height
        ? [(event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height]
        : null,
    });
  };
  const onKey = (event) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || !onDrawing(target) || event.key === 'Tab') return;
    taken.push({ kind: 'key', path: pathOf(target), key: event.key, shiftKey: event.shiftKey });
    event.preventDefault(); // an arrow key moves through the drawing's events, not the page
  };
  // A finger or button down on the static version: the live one waits until its click has
  // landed (and been recorded), so a tap is never split between the two versions.
  let press = null;
  const onDown = () => {
    if (press) return;
    let resolve;
    press = { promise: new Promise((r) => { resolve = r; }), resolve: () => resolve() };
  };
  const onUp = () => setTimeout(() => {
    press?.resolve();
    press = null;
  }, 0);
  const listeners = [['click', onClick], ['keydown', onKey], ['pointerdown', onDown], ['pointerup', onUp], ['pointercancel', onUp]];
  for (const [type, f] of listeners) tree.addEventListener(type, f, true);
  return {
    taken,
    pressed: () => press?.promise ?? null,
    stop() {
      for (const [type, f] of listeners) tree.removeEventListener(type, f, true);
    },
  };
}

const recorders = new WeakMap();

/** The recorder of what the reader does to the static version in `element`, started once. */
function watching(element) {
  let recorder = recorders.get(element);
  if (!recorder) {
    recorder = record(staticTree(element));
    recorders.set(element, recorder);
  }
  return recorder;
}

/** Applies a recorded action to the live explainer under `root`. */
function replay(root, action) {
  const target = liveAt(root, action.path);
  if (!target) return;
  if (action.kind === 'key') {
    target.focus({ preventScroll: true });
    target.dispatchEvent(new KeyboardEvent('keydown', { key: action.key, shiftKey: action.shiftKey, bubbles: true, composed: true, cancelable: true }));
  } else if (action.at) {
    // A tap on a drawing: the same point of the live drawing, which is the same drawing.
    const box = target.getBoundingClientRect();
    const [fx, fy] = action.at;
    target.dispatchEvent(new MouseEvent('click', { clientX: box.left + fx * box.width, clientY: box.top + fy * box.height, bubbles: true, composed: true, cancelable: true }));
  } else {
    target.click();
  }
}

/** The static version in `element` (or its shadow root, embed.js's default one). */
function staticTree(element) {
  return element.shadowRoot?.querySelector('[data-static]') ? element.shadowRoot : element;
}

/** What the static version shows, for the live one to show the same (its `data-parts`). */
export function staticParts(element) {
  return staticTree(element).querySelector('.bx[data-static]')?.getAttribute('data-parts') ?? undefined;
}

/** Runs `swap()` (which loads the live explainer and draws it in place of the static one) and
 * carries the reader's place over: the parts they opened, the focused control (as it is when
 * the live one is drawn, not when loading began) and what they did meanwhile. */
export async function keepingPlace(element, swap) {
  const tree = staticTree(element);
  const recording = watching(element);
  let focus = null;
  let open = [];
  // explainer.js says when it is about to draw: the static version is as the reader left it.
  const snapshot = () => {
    const root = tree.querySelector('.bx[data-static]');
    if (!root) return;
    const active = tree === element ? document.activeElement : tree.activeElement;
    focus = active && root.contains(active) ? pathOf(active) : null;
    open = [...root.querySelectorAll('details')].map((d) => [pathOf(d), d.open]);
  };
  const drawing = (event) => {
    const pressed = recording.pressed();
    const waited = pressed ? Promise.race([pressed, new Promise((r) => setTimeout(r, 1000))]) : Promise.resolve();
    event.detail?.hold(waited.then(snapshot));
  };
  element.addEventListener('breach-explainer:drawing', drawing, { once: true });
  let result;
  try {
    result = await swap();
  } finally {
    recording.stop();
    recorders.delete(element);
    element.removeEventListener('breach-explainer:drawing', drawing);
  }
  const live = (element.shadowRoot ?? element).querySelector('.bx:not([data-static])');
  if (!live) return result;
  let opened = false;
  for (const [path, wasOpen] of open) {
    const details = atPath(live, path);
    if (details?.localName === 'details' && details.open !== wasOpen) {
      details.open = wasOpen;
      opened = true;
    }
  }
  // What a part holds is built when its toggle event comes (a task later).
  if (opened) await new Promise((resolve) => setTimeout(resolve, 0));
  if (focus) (liveAt(live, focus) ?? liveAt(live, focus.slice(0, -1)))?.focus({ preventScroll: true });
  for (const action of recording.taken) replay(live, action);
  return result;
}
