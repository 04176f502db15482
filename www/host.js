// What every entry point does to its host page, in one place (embed.js, explainer.js, frame.js,
// main.js import it; the build puts it in a chunk they share): the explainer's stylesheet
// adopted in a shadow root, the page following the explainer's language, the first frame
// marked for benchmarks, and the short status lines (notices) shown over or instead of it.
// Kept small and free of imports (main.js loads it with the live explainer).

let sheet;

/** Adopts the explainer's stylesheet `css` in `shadow`: one CSSStyleSheet per page, which a
 * strict Content-Security-Policy allows. */
export function adoptStyles(shadow, css) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  shadow.adoptedStyleSheets = [sheet];
}

/** Marks 'rendered' (the explainer's first frame in any form, static or live: what benchmarks
 * measure) once it is painted, unless a frame was marked before; `also` marks another name
 * in the same frame (explainer.js: 'live'). */
export function markRendered(also) {
  requestAnimationFrame(() => setTimeout(() => {
    if (also) performance.mark(also);
    if (!performance.getEntriesByName('rendered', 'mark').length) performance.mark('rendered');
  }));
}

/** A page that is the explainer (the shell, the iframe page) speaks its language, also after
 * the reader switches it, and its tab names the story in that language. */
export function followLang(host, handle) {
  const follow = (lang) => {
    document.documentElement.lang = lang;
    const title = host.querySelector('.bx-title')?.textContent;
    if (title) document.title = title;
  };
  follow(handle.lang());
  host.addEventListener('breach-explainer:lang', (event) => follow(event.detail));
}

/** Whether the words for `element` are Korean: `lang` when given, else the nearest lang=. */
export function korean(element, lang) {
  return (lang ?? element.closest('[lang]')?.lang ?? '').startsWith('ko');
}

/** A polite status line (`<p class="bx-notice" role="status">`) saying `text`. */
export function statusLine(text, className = '') {
  const p = document.createElement('p');
  p.className = `bx-notice${className && ` ${className}`}`;
  p.setAttribute('role', 'status');
  p.textContent = text;
  return p;
}
