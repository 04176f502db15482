// The static version first, the live one when the reader reaches for it.
//
// A page that holds the static version of the explainer (rendered by the crate at build time:
// the same words, drawings, lists and tables) shows it at once and loads the live explainer —
// its script, the wasm and the dataset, most of what the page weighs — only when the reader
// shows they want it: a pointer over the explainer, a touch, focus or a key inside it, or a
// link to one of its events. A reader who only reads pays for the page and its styles alone.
//
// The swap keeps the reader's place: the part at the top of the screen stays where it was, and
// focus moves to the same control in the live version (or its first control).

const INTENT = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown'];

/** Resolves to true when the reader shows intent on `element` (at once when it holds no
 * static version, or the address links to one of its events), to false if `signal` aborts
 * first (the host took the element away). */
export function wanted(element, signal) {
  if (signal?.aborted) return Promise.resolve(false);
  const tree = element.shadowRoot ?? element;
  if (!tree.querySelector('[data-static]') || /(^#|&)event=/.test(location.hash)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (yes) => {
      for (const type of INTENT) element.removeEventListener(type, go);
      signal?.removeEventListener('abort', stop);
      resolve(yes);
    };
    const go = () => done(true);
    const stop = () => done(false);
    for (const type of INTENT) element.addEventListener(type, go, { passive: true });
    signal?.addEventListener('abort', stop);
  });
}

// Landmarks both versions share, to keep the reader's place by: headings, the summaries of
// folded parts, links and figures.
const LANDMARKS = 'h2, h3, summary, a[href], figure';

/** What an element is, in words both versions share. */
function key(el) {
  return `${el.localName}|${el.getAttribute('href') ?? ''}|${el.localName === 'figure' ? el.className : el.textContent.trim().slice(0, 80)}`;
}

/** Runs `swap()` (which replaces the static version with the live one) and keeps the reader's
 * place: the first landmark on screen stays at the same height, focus stays on the same
 * control. */
export async function keepingPlace(element, swap) {
  const viewport = window.innerHeight;
  // The static version: in the element, or in its shadow root (embed.js's default one).
  const before = element.shadowRoot?.querySelector('[data-static]') ? element.shadowRoot : element;
  const onScreen = [...before.querySelectorAll(LANDMARKS)]
    .find((el) => { const { top } = el.getBoundingClientRect(); return top >= 0 && top < viewport; });
  const anchor = onScreen && { key: key(onScreen), top: onScreen.getBoundingClientRect().top };
  const active = before === element ? document.activeElement : before.activeElement;
  const focused = active && active !== element && before.contains(active) ? active : null;
  const focusKey = focused && key(focused);
  const focusFigure = focused?.closest('figure')?.className;

  const result = await swap();

  const live = element.shadowRoot ?? element;
  const find = (k) => [...live.querySelectorAll('*')].find((el) => key(el) === k);
  if (anchor) {
    const again = find(anchor.key);
    if (again) window.scrollBy(0, again.getBoundingClientRect().top - anchor.top);
  }
  if (focused) {
    // The same control; else the first control of the same figure; else the first control.
    const controls = 'a[href], button, summary, [tabindex="0"]';
    const figure = focusFigure && [...live.querySelectorAll('figure')].find((f) => f.className === focusFigure);
    // The static drawing (a scrolling region) becomes the live drawing's list of marks.
    const inFigure = figure?.querySelector(focused.matches('.bx-picture') ? '.bx-list' : controls);
    const target = find(focusKey) ?? inFigure ?? live.querySelector(controls);
    target?.focus({ preventScroll: true });
  }
  return result;
}
