// The dataset editor (editor.html): a text area for the dataset's JSON with line numbers, the
// problems as you type (each a button that puts the cursor where it is), the live explainer
// beside it in either language, at phone, article or desktop width, and the embed code. Files
// come in by the file picker or by dropping: a .json dataset, or the .csv sheets of a
// spreadsheet (converted by the crate's sheets module). The work is kept in localStorage.
//
// Two wasm modules: the page's own (through mount(), so the preview is exactly what readers
// get) and the editor's build of the same crate, which adds the sheets and a structured check.
import { mount } from './explainer.js';
import initEditor, { checkDataset, sheetsToJson, datasetToSheets, staticHtml } from './pkg-editor/breach_explainer.js';
import { createForm, emptyDataset } from './editor-form.js';

const $ = (id) => document.getElementById(id);
const text = $('ed-text');
const lines = $('ed-lines');
const problemsList = $('ed-problems');
const status = $('ed-status');
const STORE = 'breach-explainer-editor:dataset';
const VIEW = 'breach-explainer-editor:view';
const FILE = 'my-breach.json';
const base = new URL('.', location.href);

/** The work kept in this browser; a browser that blocks storage, or has none left, is told
 * once, and the editor goes on without it. */
const store = {
  warned: false,
  get(key = STORE) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(value, key = STORE) {
    try {
      localStorage.setItem(key, value);
    } catch {
      if (!this.warned) {
        this.warned = true;
        alertBox('This browser is not keeping your work (its storage is blocked or full): download the dataset to keep it.');
      }
    }
  },
};

/** A lasting message above the problems (the status line changes as you type). */
function alertBox(message) {
  const p = document.createElement('p');
  p.className = 'ed-warning';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  status.before(p);
}

const editorReady = initEditor({ module_or_path: new URL('./pkg-editor/breach_explainer_bg.wasm', import.meta.url) });

function say(message) {
  status.textContent = message;
}

/** Debounced: `fn` runs once typing has paused for `ms`. */
function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// --- The text and its line numbers ----------------------------------------------------------

function numberLines() {
  const n = text.value.split('\n').length;
  if (lines.childElementCount === n) return;
  lines.textContent = Array.from({ length: n }, (_, i) => i + 1).join('\n');
}
text.addEventListener('scroll', () => { lines.scrollTop = text.scrollTop; });

/** The offset in the text of a 1-based line and column (columns count characters). */
function offsetOf(line, column) {
  const rows = text.value.split('\n');
  let offset = 0;
  for (let i = 0; i < Math.min(line - 1, rows.length); i++) offset += rows[i].length + 1;
  const row = rows[line - 1] ?? '';
  // Characters, not UTF-16 units: step through the row's code points.
  const before = [...row].slice(0, Math.max(0, column - 1)).join('');
  return offset + before.length;
}

/** Puts the cursor at a problem's place and scrolls it into view. */
function goTo(line, column) {
  const at = offsetOf(line, column);
  text.focus();
  text.setSelectionRange(at, at);
  const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 20;
  text.scrollTop = Math.max(0, (line - 1) * lineHeight - text.clientHeight / 3);
}

// --- Problems and preview -------------------------------------------------------------------

let handle;
let shown = ''; // the text the preview shows

function showProblems(problems) {
  problemsList.replaceChildren();
  for (const p of problems) {
    const li = document.createElement('li');
    if (p.line) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'ed-problem';
      b.textContent = `Line ${p.line}, column ${p.column}: ${p.message}`;
      // In the form, to the field; in the JSON, to the place in the text.
      b.addEventListener('click', () => {
        if (view() === 'form' && form.focusProblem(p.path)) return;
        showView('json');
        goTo(p.line, p.column);
      });
      li.append(b);
    } else {
      li.textContent = p.message ?? String(p);
    }
    problemsList.append(li);
  }
}

async function preview() {
  const host = $('ed-explainer');
  handle?.destroy();
  const el = document.createElement('div');
  el.id = 'ed-explainer';
  // Drawn at the width chosen, in a frame that scrolls where the column is narrower: the
  // preview at 1280 px is what a 1280 px article gets, not the column's 616 px.
  el.style.width = `${$('ed-width').value}px`;
  host.replaceWith(el);
  let data;
  try {
    data = JSON.parse(shown);
  } catch {
    return;
  }
  handle = await mount(el, { data, lang: $('ed-lang').value, parts: $('ed-parts').value || undefined });
}

async function check() {
  await editorReady;
  const value = text.value;
  store.set(value);
  const problems = checkDataset(value, FILE, 'en');
  showProblems(problems);
  form.showProblems(problems);
  if (problems.length === 0) {
    if (value !== shown) {
      shown = value;
      await preview();
    }
    say('No problems: the preview shows this version.');
  } else {
    say(`${problems.length === 1 ? '1 problem' : `${problems.length} problems`}; the preview shows the last version without problems.`);
  }
  embedCode();
}
const checkSoon = debounce(check, 400);
text.addEventListener('input', () => {
  numberLines();
  checkSoon();
});
for (const id of ['ed-lang', 'ed-width', 'ed-parts']) {
  $(id).addEventListener('change', () => {
    preview();
    embedCode();
  });
}

// --- Files in and out -----------------------------------------------------------------------

function load(value, what) {
  text.value = value;
  numberLines();
  form.render();
  say(what);
  check();
}

/** Replaces the work with `value` (a template, an opened or dropped file), with a way back:
 * the status says what came in and offers to undo it. */
function replaceWork(value, what) {
  const before = text.value;
  load(value, what);
  offerUndo(before, what.replace(/[.:].*$/, ''));
}
/** After the work was replaced or an item removed: a button that brings back `before`.
 * Returns what the button does (the form offers it beside the row it removed, too). */
function offerUndo(before, what) {
  if (!before.trim() || before === text.value) return null;
  const undo = document.createElement('button');
  undo.type = 'button';
  undo.className = 'ed-button';
  undo.textContent = `Undo: bring back the work before (${what})`;
  const restore = () => {
    undoBox.replaceChildren();
    load(before, 'Your work is back as it was.');
  };
  undo.addEventListener('click', restore);
  undoBox.replaceChildren(undo);
  return restore;
}
// Beside the status line, which the check rewrites as it runs.
const undoBox = document.createElement('p');
undoBox.className = 'ed-undo';
status.after(undoBox);

async function openFiles(files) {
  const list = [...files];
  const csv = list.filter((f) => /\.csv$/i.test(f.name));
  const json = list.find((f) => /\.json$/i.test(f.name));
  if (csv.length) {
    await editorReady;
    const sheets = {};
    for (const f of csv) sheets[f.name] = await f.text();
    try {
      replaceWork(sheetsToJson(sheets), `Converted ${csv.length === 1 ? '1 sheet' : `${csv.length} sheets`} to a dataset.`);
    } catch (problems) {
      showProblems([].concat(problems).map((message) => ({ message: String(message) })));
      say('The sheets could not be converted: see the problems.');
    }
  } else if (json) {
    replaceWork(await json.text(), `Opened ${json.name}.`);
  } else {
    say('Choose a dataset (.json) or the sheets of a spreadsheet (.csv).');
  }
}
$('ed-open').addEventListener('change', (e) => openFiles(e.target.files));
document.addEventListener('dragover', (e) => e.preventDefault());
document.addEventListener('drop', (e) => {
  e.preventDefault();
  if (e.dataTransfer?.files?.length) openFiles(e.dataTransfer.files);
});

async function template() {
  const response = await fetch(new URL('data/template.json', base));
  replaceWork(await response.text(), 'Started from the template: replace its fictional example with your breach.');
}
$('ed-template').addEventListener('click', template);

function download(name, content, type) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([content], { type }));
  a.download = name;
  a.textContent = name;
  return a;
}
/** The dataset as it is published: without the template's help notes (keys starting with
 * "_", such as "_comment": "EVERYTHING IN IT IS A FICTIONAL EXAMPLE"), which readers of the
 * file would see and the explainer ignores; the text as written when it does not parse. */
function publishable(value) {
  let notes = 0;
  const strip = (v) => {
    if (Array.isArray(v)) return v.map(strip);
    if (v === null || typeof v !== 'object') return v;
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      if (k.startsWith('_')) notes += 1;
      else out[k] = strip(x);
    }
    return out;
  };
  try {
    const text = `${JSON.stringify(strip(JSON.parse(value)), null, 2)}\n`;
    return { text, notes };
  } catch {
    return { text: value, notes: 0 };
  }
}
$('ed-download').addEventListener('click', () => {
  const { text: published, notes } = publishable(text.value);
  const name = `${datasetId() ?? 'my-breach'}.json`;
  const a = download(name, published, 'application/json');
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  say(notes ? `Downloaded ${name}, without the template's ${notes} help notes.` : `Downloaded ${name}.`);
});
$('ed-download-sheets').addEventListener('click', async () => {
  await editorReady;
  let sheets;
  try {
    sheets = datasetToSheets(text.value);
  } catch (problems) {
    say(`The sheets could not be made: ${[].concat(problems).join('; ')}`);
    return;
  }
  // One file, as a spreadsheet takes them back: each sheet a CSV inside a .zip.
  const { zipSync, strToU8 } = await import('./zip.js');
  const name = `${datasetId() ?? 'my-breach'}-sheets.zip`;
  const files = Object.fromEntries(Object.entries(sheets).map(([file, csv]) => [file, strToU8(csv)]));
  const a = download(name, zipSync(files, { level: 6 }), 'application/zip');
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  say(`Downloaded ${name}: ${Object.keys(sheets).length} sheets, one CSV file each. Import them into a spreadsheet, or drop them here.`);
});

function datasetId() {
  try {
    return JSON.parse(text.value).id ?? null;
  } catch {
    return null;
  }
}

// --- Embed code -----------------------------------------------------------------------------

const attr = (s) => String(s).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

async function embedCode() {
  const url = $('ed-data-url');
  // Follows the dataset's id until the author writes an address of their own.
  if (!url.value || url.dataset.auto === url.value) {
    url.value = url.dataset.auto = new URL(`data/${datasetId() ?? 'my-breach'}.json`, base).href;
  }
  const lang = $('ed-lang').value;
  const parts = $('ed-parts').value;
  // A developing story: readers' pages look for a newer version of the file and show it in place.
  const refresh = $('ed-refresh').value;
  let title = 'A data breach, explained';
  try {
    const d = JSON.parse(shown);
    title = d.breach?.title?.[lang] ?? title;
  } catch { /* keep the general title */ }
  const kind = $('ed-kind').value;
  const script = kind === 'script';
  $('ed-static-label').hidden = !script;
  $('ed-static-file').hidden = $('ed-short-hint').hidden = kind !== 'short';
  if (kind === 'short') {
    // A few hundred bytes: the static version is a file published beside the dataset.
    const name = staticFileName();
    $('ed-static-file').textContent = `Download the static version (${name})`;
    $('ed-embed').value = `<div data-breach-explainer data-src="${attr(url.value)}" data-static="${attr(staticUrl())}" data-lang="${lang}"${parts ? ` data-parts="${parts}"` : ''}${refresh ? ` data-refresh="${refresh}"` : ''}></div>
<script type="module" src="${attr(new URL('embed.js', base).href)}"></script>`;
  } else if (script) {
    // The static version inside the element: the article shows it at once and loads the live
    // explainer when the reader reaches for it (the same HTML `breach-explainer html` prints).
    await editorReady;
    const inside = $('ed-static').checked ? staticHtml(shown, lang, parts || undefined) ?? '' : '';
    // Its stylesheet first, so the static version is drawn styled as the article is parsed
    // (without it the pasted version shifted the article when embed.js styled it: CLS 0.13).
    const styles = inside ? `<link rel="stylesheet" href="${attr(new URL('explainer.css', base).href)}" data-breach-explainer-css>\n` : '';
    $('ed-embed').value = `${styles}<div data-breach-explainer data-src="${attr(url.value)}" data-lang="${lang}"${parts ? ` data-parts="${parts}"` : ''}${refresh ? ` data-refresh="${refresh}"` : ''}>${inside}</div>
<script type="module" src="${attr(new URL('embed.js', base).href)}"></script>`;
  } else {
    const src = new URL('embed.html', base);
    src.searchParams.set('data', url.value);
    src.searchParams.set('lang', lang);
    if (parts) src.searchParams.set('parts', parts);
    if (refresh) src.searchParams.set('refresh', refresh);
    $('ed-embed').value = `<div data-frame-src="${attr(src.href)}"
     data-frame-attribute-title="${attr(title)}"
     data-frame-attribute-sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></div>
<script type="module">
  import { autoInitFrames } from '${attr(new URL('frames.js', base).href)}';
  autoInitFrames();
</script>`;
  }
}
/** Asks the address the embed code names whether it answers with this dataset, as a reader's
 * browser will (so a host that does not let other sites read the file is found now). */
const checkAddress = async () => {
  const out = $('ed-url-check');
  const id = datasetId();
  let href;
  try {
    href = new URL($('ed-data-url').value).href;
  } catch {
    out.textContent = 'Write the full address (https://…) where the dataset file will be.';
    return;
  }
  try {
    const response = await fetch(href, { cache: 'no-cache' });
    if (!response.ok) {
      out.textContent = `Nothing is published there yet (the server answered ${response.status}): upload ${id ?? 'the dataset'}.json to that address before you paste the code.`;
      return;
    }
    const there = JSON.parse(await response.text()).id;
    out.textContent = there === id
      ? `Checked: that address answers with this dataset (${id}).`
      : `That address holds a different dataset (${there ?? 'no id'}), not ${id ?? 'this one'}: upload this one, or change the address.`;
  } catch {
    out.textContent = 'That address could not be read from here: check it, and that its server lets other sites read the file (Access-Control-Allow-Origin), as readers\' browsers will need.';
  }
};
// Only when asked: the editor makes no request to another site on its own.
$('ed-check-url').addEventListener('click', checkAddress);

/** The static version's file, beside the dataset's: my-breach.json → my-breach.en.html. */
function staticUrl() {
  const data = $('ed-data-url').value;
  return `${data.replace(/\.json$/i, '')}.${$('ed-lang').value}.html`;
}
function staticFileName() {
  return staticUrl().split('/').pop() || `my-breach.${$('ed-lang').value}.html`;
}
$('ed-static-file').addEventListener('click', async () => {
  await editorReady;
  const html = staticHtml(shown, $('ed-lang').value, $('ed-parts').value || undefined);
  if (!html) return;
  const a = download(staticFileName(), html, 'text/html');
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  say(`Downloaded ${staticFileName()}: publish it beside the dataset, at the address in the embed code.`);
});
$('ed-kind').addEventListener('change', embedCode);
$('ed-refresh').addEventListener('change', embedCode);
$('ed-static').addEventListener('change', embedCode);
$('ed-data-url').addEventListener('input', embedCode);
$('ed-copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('ed-embed').value);
    say('The embed code is copied.');
  } catch {
    $('ed-embed').select();
    say('Select and copy the embed code below (the browser did not allow copying).');
  }
});

// --- The form and the JSON: two views of one dataset -----------------------------------------

const form = createForm({
  root: $('ed-form'),
  text,
  // The form wrote the text: checked, previewed and kept as if typed.
  written: () => {
    numberLines();
    checkSoon();
  },
  offerUndo,
});
$('ed-empty').addEventListener('click', () => {
  replaceWork(`${JSON.stringify(emptyDataset(), null, 2)}\n`, 'Started an empty dataset: fill in the story, then add its sources and facts.');
});

const tabs = { form: $('ed-tab-form'), json: $('ed-tab-json') };
const panels = { form: $('ed-form-panel'), json: $('ed-json-panel') };
const view = () => (panels.json.hidden ? 'form' : 'json');
/** Shows one view (the form is drawn afresh from the text, which the JSON view may have changed). */
function showView(name, focus = false) {
  for (const [k, tab] of Object.entries(tabs)) {
    tab.setAttribute('aria-selected', String(k === name));
    tab.tabIndex = k === name ? 0 : -1;
    panels[k].hidden = k !== name;
  }
  if (name === 'form') form.render();
  else numberLines();
  store.set(name, VIEW);
  if (focus) tabs[name].focus();
}
for (const [name, tab] of Object.entries(tabs)) {
  tab.addEventListener('click', () => showView(name));
  // The tab pattern: arrow keys, Home and End move between the tabs.
  tab.addEventListener('keydown', (e) => {
    const next = { ArrowRight: 1, ArrowLeft: -1, Home: 'first', End: 'last' }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const names = Object.keys(tabs);
    const i = names.indexOf(name);
    const to = next === 'first' ? 0 : next === 'last' ? names.length - 1 : (i + next + names.length) % names.length;
    showView(names[to], true);
  });
}
// The form is the default; one who chose the JSON gets it again.
showView(store.get(VIEW) === 'json' ? 'json' : 'form');

// --- Start ----------------------------------------------------------------------------------

const saved = store.get();
if (saved) load(saved, 'Your last work, kept in this browser.');
else template();
