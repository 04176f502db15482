// The iframe embed (embed.html): one explainer from query parameters, and a host iframe kept
// exactly as tall as the content.
//
//   embed.html?data=<url>&lang=ko&theme=dark&refresh=300#event=detected
//
// refresh: look for a newer version of the dataset every this many seconds (see explainer.js).
//
// Height goes to the parent as the AMP message {sentinel: "amp", type: "embed-size", height}
// (understood by @newswire/frames, AMP, Datawrapper-style hosts) and as pym.js's string
// message, so hosts using either need no extra code. We never navigate or script the parent:
// the only thing sent is the height, and only two messages are accepted, from the parent.
import { mount } from './explainer.js';
import { followLang, korean, statusLine } from './host.js';
import words from './words.js';

const params = new URLSearchParams(location.search);
const pymId = params.get('childId'); // set by pym.Parent
const host = document.getElementById('explainer');
let lastHeight = -1;

function contentHeight() {
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

function sendHeight(force = false) {
  const height = contentHeight();
  if (!force && height === lastHeight) return;
  lastHeight = height;
  if (window.parent === window) return;
  // '*' because a sandboxed frame cannot know its parent's origin; the height is not a secret.
  window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  if (pymId) window.parent.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, '*');
}

window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return; // only our host
  const { data } = event;
  if (data && typeof data === 'object' && data.sentinel === 'amp' && data.type === 'frames-init') {
    sendHeight(true);
  } else if (typeof data === 'string' && pymId) {
    // pym's width message: "pymxPYMx<id>xPYMxwidthxPYMx<px>"; the frame's own width follows
    // the iframe, so answering with the new height is all it needs.
    const parts = data.split('xPYMx');
    if (parts.length === 4 && parts[0] === 'pym' && parts[1] === pymId && parts[2] === 'width' && /^\d+$/.test(parts[3])) {
      sendHeight(true);
    }
  }
});

// Any change of the content's size (load, resize, language switch, a panel opening) is sent.
new ResizeObserver(() => sendHeight()).observe(document.documentElement);
// And the static version's height at once: a frame below the fold gets no ResizeObserver
// callbacks (the browser does not render it), and the article must not jump when the reader
// scrolls it into view.
sendHeight(true);

// The page's own dataset (embed-<name>.html) unless ?data= names another; then the static
// version inside is not that story, so it gives way to a loading line at once.
const data = params.get('data') || host.dataset.src || undefined;
if (params.get('data') && params.get('data') !== host.dataset.src) {
  host.replaceChildren(statusLine(words[korean(host, params.get('lang') ?? undefined) ? 'ko' : 'en'].loading));
}
const handle = await mount(host, {
  deepLink: true,
  // Our own page: nothing foreign to keep out, and the reader's own styles reach in.
  isolate: false,
  parts: params.get('parts') ?? undefined,
  data,
  lang: params.get('lang') ?? undefined,
  theme: params.get('theme') ?? undefined,
  refresh: Number(params.get('refresh')) > 0 ? Number(params.get('refresh')) : undefined,
});
// The page speaks the explainer's language, and the tab and the frame's title name the story
// shown (not the one built in), also after the reader switches the language.
followLang(host, handle);
sendHeight(true);
