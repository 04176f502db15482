// The dataset editor's form view: the same dataset as the JSON text, as forms a journalist can
// fill without knowing the format. One source of truth: the JSON text. The form parses it,
// draws a row per item with the right input per field, and on every edit writes the dataset
// back into the text (2-space JSON, keys in their order, fields the form does not know kept),
// so the editor's check, preview, storage and download work on it unchanged. Each field knows
// its JSON path (`events[2].date`), so the checker's problems are shown at the field.

const LANG_NAMES = { en: 'English', ko: '한국어' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Codes as words.
const LANES = [['breach', 'The breach'], ['company', 'The company'], ['government', 'Government'], ['police-courts', 'Police and courts'], ['context', 'Context']];
const CONFIDENCE = [['high', 'High'], ['medium-high', 'Medium to high'], ['medium', 'Medium'], ['low', 'Low']];
const MILESTONES = [['', 'None'], ['access-start', 'Access began'], ['access-end', 'Access ended'], ['detected', 'Detected'], ['disclosed', 'First disclosed'], ['complaint', 'Complaint filed']];
const UNITS = [['accounts', 'Accounts'], ['people', 'People'], ['records', 'Records'], ['sim-records', 'SIM records'], ['subscribers', 'Subscribers'], ['residents', 'Residents'], ['gigabytes', 'Gigabytes'], ['bytes', 'Bytes (a size)'], ['page-views', 'Page views'], ['files', 'Files']];
const STATUS = [['', 'Reported (the default)'], ['superseded', 'Superseded by a later figure'], ['disputed-claim', 'A party\'s disputed claim'], ['context', 'Context (not this breach\'s own)']];
const MONEY_KINDS = [['fine', 'Fine'], ['compensation', 'Compensation'], ['loss', 'Loss']];
const MEASURES = [['', 'Unauthorised access (the default)'], ['copying-out', 'Data copied out'], ['open-to-anyone', 'Data open to anyone'], ['not-stated', 'Not stated']];
const CHANGE_KINDS = [['added', 'Added'], ['revised', 'Revised (a newer figure or date)'], ['corrected', 'Corrected (a mistake put right)'], ['removed', 'Removed']];
const TITLE_KINDS = [['', 'The headline as published'], ['description', 'A description (headline not confirmed)']];
const SOURCE_LANGS = [['', 'Not given'], ['en', 'English'], ['ko', 'Korean'], ['ja', 'Japanese'], ['zh', 'Chinese']];

// The fields of each kind of item, in the format's order (a new key goes in its place).
// type: id | string | url | text (one input per language) | para (text, several lines) |
// date | start | end (a claim's, with bounds) | datetime | enum | bool | sources | figure |
// counts (references) | count (one) | about (a change's item).
const SPEC = {
  source: [['id', 'id', 'Id (how facts cite it)'], ['publisher', 'string', 'Publisher'], ['title', 'string', 'Title as published'],
    ['title_kind', 'enum', 'The title is', { options: TITLE_KINDS, optional: true }], ['lang', 'enum', 'Language of the title', { options: SOURCE_LANGS, optional: true }],
    ['url', 'url', 'Web address'], ['published', 'date', 'Published', { optional: true }], ['via', 'string', 'Via (original publisher of a syndicated copy)', { optional: true }]],
  claim: [['id', 'id', 'Id'], ['by', 'text', 'According to'], ['measures', 'enum', 'The window is one of', { options: MEASURES, optional: true }],
    ['status', 'enum', 'Status', { options: STATUS.filter(([c]) => c !== 'context'), optional: true }],
    ['start', 'start', 'Start'], ['end', 'end', 'End'], ['note', 'para', 'Note', { optional: true }], ['sources', 'sources', 'Sources']],
  event: [['id', 'id', 'Id (used in links)'], ['date', 'date', 'Date'], ['end', 'date', 'End (for a span)', { optional: true }],
    ['lane', 'enum', 'Lane', { options: LANES }], ['title', 'text', 'Title (a few words)'], ['detail', 'para', 'Detail (one or two sentences)'],
    ['confidence', 'enum', 'Confidence', { options: CONFIDENCE }], ['milestone', 'enum', 'Milestone', { options: MILESTONES, optional: true }],
    ['sources', 'sources', 'Sources'], ['alternatives', 'kept', 'Other accounts of this date']],
  count: [['id', 'id', 'Id'], ['series', 'id', 'Series (the same for revisions of one figure)'], ['subject', 'text', 'What was counted'],
    ['value', 'figure', 'Figure'], ['unit', 'enum', 'Unit', { options: UNITS }], ['as_of', 'date', 'Reported on'],
    ['reported_by', 'text', 'Reported by'], ['status', 'enum', 'Status', { options: STATUS, optional: true }],
    ['lead', 'bool', 'The count the explainer leads with', { optional: true }], ['adds_to', 'count', 'An addition to', { optional: true }],
    ['note', 'para', 'Note', { optional: true }], ['sources', 'sources', 'Sources']],
  money: [['id', 'id', 'Id'], ['series', 'id', 'Series (successive estimates of one amount)', { optional: true }], ['status', 'enum', 'Status', { options: STATUS, optional: true }],
    ['kind', 'enum', 'Kind', { options: MONEY_KINDS }], ['subject', 'text', 'What it is'], ['amount', 'figure', 'Amount'],
    ['currency', 'string', 'Currency (ISO code, e.g. KRW, USD)'], ['date', 'date', 'Decided or announced'],
    ['parts', 'kept', 'Breakdown'], ['converted', 'kept', 'Figures the source gave in another currency'],
    ['note', 'para', 'Note', { optional: true }], ['sources', 'sources', 'Sources']],
  comparison: [['id', 'id', 'Id'], ['title', 'text', 'Title'], ['counts', 'counts', 'Counts compared'], ['mixed_units', 'bool', 'The counts are in different units', { optional: true }]],
  data_class: [['id', 'id', 'Id'], ['label', 'text', 'What data'], ['exposed', 'bool', 'Exposed'], ['advice', 'para', 'What a reader should watch for'], ['sources', 'sources', 'Sources']],
  correction: [['id', 'id', 'Id'], ['claim', 'para', 'The wrong claim, as widely copied'], ['correct', 'para', 'The sourced fact'], ['seen_in', 'text', 'Where the wrong claim appeared'], ['sources', 'sources', 'Sources']],
  change: [['at', 'date', 'When the change was made'], ['kind', 'enum', 'Kind', { options: CHANGE_KINDS }], ['about', 'about', 'The item changed'],
    ['replaces', 'id', 'Replaces (the id of the earlier item of the same list)', { optional: true }], ['note', 'para', 'Note', { optional: true }], ['sources', 'sources', 'Sources']],
};
const FIGURE_KEYS = ['value', 'amount', 'at_least', 'at_most', 'disclosed', 'approximate'];

// The lists, in the order of the form's sections.
const LISTS = [
  { key: 'sources', spec: 'source', one: 'source', title: 'Sources', name: (x) => [x.publisher, x.title].filter(Boolean).join(': '),
    blurb: 'Every fact cites at least one of these. Add them first: the facts below pick from this list.' },
  { key: 'claims', in: 'exposure', spec: 'claim', one: 'exposure window', title: 'Exposure windows', name: (x, t) => t(x.by),
    blurb: 'How long the data was exposed, by each account (sources may disagree). The preferred one is drawn as the band.' },
  { key: 'events', spec: 'event', one: 'event', title: 'Events', name: (x, t) => t(x.title), blurb: 'The timeline.' },
  { key: 'counts', spec: 'count', one: 'count', title: 'Counts', name: (x, t) => t(x.subject), blurb: 'Affected counts, one row per reported figure (a revision is a new row in the same series).' },
  { key: 'comparisons', spec: 'comparison', one: 'comparison', title: 'Comparisons', name: (x, t) => t(x.title), blurb: 'Which counts are drawn together.' },
  { key: 'data_classes', spec: 'data_class', one: 'kind of data', title: 'What was exposed', name: (x, t) => t(x.label), blurb: 'Kinds of data, exposed or not.' },
  { key: 'money', spec: 'money', one: 'amount', title: 'Money', name: (x, t) => t(x.subject), blurb: 'Fines, compensation and losses, in the currency the source gave.' },
  { key: 'corrections', spec: 'correction', one: 'correction', title: 'Corrections', name: (x, t) => t(x.claim), blurb: 'Widely copied claims that are wrong.' },
  { key: 'changes', spec: 'change', one: 'change', title: 'Changes', name: (x) => [x.at, x.kind, x.about].filter(Boolean).join(' '), blurb: 'The change log of a developing story (it needs "Last updated" in the story).' },
];
const LIST_NAMES = { sources: 'Source', events: 'Event', counts: 'Count', money: 'Amount', data_classes: 'Data', corrections: 'Correction', comparisons: 'Comparison', claims: 'Exposure window', changes: 'Change' };

/** A new, empty dataset in both languages: what "Start an empty dataset" writes. */
export function emptyDataset() {
  return {
    $schema: '../schema/breach-explainer-1.schema.json',
    format: 'breach-explainer/1',
    id: 'my-breach',
    languages: ['en', 'ko'],
    timezone: { offset: '+09:00', label: { en: 'KST', ko: '한국 표준시' } },
    breach: { organisation: { en: '', ko: '' }, country: '', title: { en: '', ko: '' }, summary: { en: '', ko: '' } },
    sources: [],
    exposure: { claims: [], preferred: '' },
    events: [],
  };
}

let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;
const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return e;
};

/** Sets obj[key] = value keeping the object's key order; a new key goes after the keys that
 * come before it in `order` (the format's order), an `undefined` value removes the key. */
function put(obj, key, value, order = []) {
  if (value === undefined) {
    delete obj[key];
    return;
  }
  if (key in obj) {
    obj[key] = value;
    return;
  }
  const rank = order.indexOf(key);
  const entries = Object.entries(obj);
  let at = entries.length;
  if (rank >= 0) {
    for (let i = 0; i < entries.length; i++) {
      const r = order.indexOf(entries[i][0]);
      if (r > rank) { at = i; break; }
    }
  }
  entries.splice(at, 0, [key, value]);
  for (const k of Object.keys(obj)) delete obj[k];
  for (const [k, v] of entries) obj[k] = v;
}

// --- Dates --------------------------------------------------------------------------------

const PRECISIONS = [['year', 'Year'], ['part-year', 'Part of a year (early, mid, late)'], ['month', 'Month'], ['part-month', 'Part of a month (early, mid, late)'], ['day', 'Day'], ['time', 'Day and time']];

/** A date string taken apart: {precision, year, month, day, part, time, offset}. */
export function parseDate(s) {
  const d = { precision: 'day', year: '', month: '', day: '', part: 'early', time: '', offset: '' };
  if (typeof s !== 'string' || !s) return d;
  let m;
  if ((m = /^(\d{4})$/.exec(s))) return { ...d, precision: 'year', year: m[1] };
  if ((m = /^(\d{4})-(early|mid|late)$/.exec(s))) return { ...d, precision: 'part-year', year: m[1], part: m[2] };
  // A month or day that cannot be is kept as written (and the checker names it).
  if ((m = /^\d{4}-(\d{2})/.exec(s)) && !(+m[1] >= 1 && +m[1] <= 12)) return null;
  if ((m = /^\d{4}-\d{2}-(\d{2})/.exec(s)) && !(+m[1] >= 1 && +m[1] <= 31)) return null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) return { ...d, precision: 'month', year: m[1], month: String(+m[2]) };
  if ((m = /^(\d{4})-(\d{2})-(early|mid|late)$/.exec(s))) return { ...d, precision: 'part-month', year: m[1], month: String(+m[2]), part: m[3] };
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return { ...d, precision: 'day', year: m[1], month: String(+m[2]), day: String(+m[3]) };
  if ((m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})$/.exec(s))) {
    return { ...d, precision: 'time', year: m[1], month: String(+m[2]), day: String(+m[3]), time: m[4], offset: m[5] };
  }
  return null; // not a form the form can show: kept as typed
}

const pad = (n) => String(n).padStart(2, '0');
/** The date string of the parts (what the format says for that precision). */
export function formatDate(d) {
  const y = String(d.year).trim();
  const mm = d.month ? pad(d.month) : '';
  const dd = String(d.day).trim() ? pad(String(d.day).trim()) : '';
  switch (d.precision) {
    case 'year': return y;
    case 'part-year': return `${y}-${d.part}`;
    case 'month': return `${y}-${mm}`;
    case 'part-month': return `${y}-${mm}-${d.part}`;
    case 'day': return `${y}-${mm}-${dd}`;
    default: return `${y}-${mm}-${dd}T${d.time}${d.offset}`;
  }
}

// --- The form -----------------------------------------------------------------------------

/**
 * Draws the form into `root` and keeps it in step with `text` (the JSON text area).
 * `written()` is called after the form wrote the text (the editor re-checks);
 * `offerUndo(before, what)` offers the way back after a removal.
 */
export function createForm({ root, text, written, offerUndo }) {
  let data = null; // the dataset the form shows (null: the JSON does not parse)
  let problems = [];
  const fields = new Map(); // JSON path -> {box, inputs}
  const rows = new Map(); // JSON path of an item -> its fieldset

  const langs = () => (Array.isArray(data?.languages) && data.languages.length ? data.languages.filter((l) => LANG_NAMES[l]) : ['en']);
  const textOf = (t) => (t && typeof t === 'object' ? t.en || t.ko || Object.values(t).find(Boolean) || '' : typeof t === 'string' ? t : '');

  const names = []; // [element, () => its words]: names that follow what is typed elsewhere

  function write() {
    text.value = `${JSON.stringify(data, null, 2)}\n`;
    // A row's legend and a source's name beside its checkboxes follow the typing.
    for (const [node, words] of names) node.textContent = words();
    written();
  }

  /** The form's fields for one value: a box with a visible label, inputs and room for a
   * problem, registered under the value's JSON path. */
  function field(path, label, build, { group = false, hint } = {}) {
    const id = nextId('f');
    const box = el('div', { class: 'fm-field', 'data-path': path });
    const inputs = [];
    const add = (input) => { inputs.push(input); return input; };
    if (group) {
      const set = el('fieldset', { class: 'fm-group' }, el('legend', { text: label }));
      build(set, add, id);
      box.append(set);
    } else {
      box.append(el('label', { for: id, text: label }));
      const input = build(id);
      add(input);
      box.append(input);
    }
    if (hint) {
      const h = el('p', { class: 'fm-hint', id: `${id}-hint`, text: hint });
      box.append(h);
      for (const i of inputs) i.setAttribute('aria-describedby', h.id);
    }
    fields.set(path, { box, inputs });
    return box;
  }

  function textInput(id, value, onInput, props = {}) {
    const input = el('input', { id, type: 'text', value: value ?? '', ...props });
    input.addEventListener('input', () => onInput(input.value));
    return input;
  }

  /** A text a reader sees: one input per language, side by side, labelled by the field and
   * the language. */
  function readerText(obj, key, label, path, order, { multiline = false, optional = false } = {}) {
    const value = obj[key] && typeof obj[key] === 'object' ? obj[key] : {};
    const labelId = nextId('l');
    const box = el('div', { class: 'fm-field fm-text', 'data-path': path });
    box.append(el('span', { class: 'fm-label', id: labelId, text: optional ? `${label} (optional)` : label }));
    const pair = el('div', { class: 'fm-langs' });
    const inputs = [];
    for (const lang of langs()) {
      const id = nextId('f');
      const langLabel = el('label', { for: id, id: `${id}-l`, lang, text: LANG_NAMES[lang] });
      const props = { id, lang, 'aria-labelledby': `${labelId} ${id}-l`, 'data-path': `${path}.${lang}` };
      const input = multiline ? el('textarea', { ...props, rows: 3 }) : el('input', { ...props, type: 'text' });
      input.value = typeof value[lang] === 'string' ? value[lang] : '';
      input.addEventListener('input', () => {
        const current = obj[key] && typeof obj[key] === 'object' ? obj[key] : {};
        const next = { ...current, [lang]: input.value };
        if (optional && Object.values(next).every((v) => v === '')) put(obj, key, undefined);
        else {
          // Every language the dataset has, in its order.
          const full = {};
          for (const l of langs()) full[l] = next[l] ?? '';
          for (const [k, v] of Object.entries(next)) if (!(k in full)) full[k] = v;
          put(obj, key, full, order);
        }
        write();
      });
      inputs.push(input);
      // A problem with one language is said under that language's input.
      const one = el('div', { class: 'fm-lang' }, langLabel, input);
      fields.set(`${path}.${lang}`, { box: one, inputs: [input] });
      pair.append(one);
    }
    box.append(pair);
    fields.set(path, { box, inputs });
    return box;
  }

  /** A date at any precision: a precision select and the matching inputs. */
  function dateInput(get, set, label, path, { optional = false, offsetDefault = '' } = {}) {
    return field(path, optional ? `${label} (optional)` : label, (set_, add, id) => {
      const current = get();
      let d = parseDate(current);
      const kept = d === null ? current : null;
      d ??= parseDate('');
      if (!current) d.precision = optional ? 'none' : 'day';
      const precision = add(el('select', { id: `${id}-p` }));
      const opts = optional ? [['none', 'No date'], ...PRECISIONS] : PRECISIONS;
      for (const [v, w] of opts) precision.append(el('option', { value: v, text: w, selected: v === d.precision }));
      if (kept !== null) precision.prepend(el('option', { value: 'kept', text: `As written: ${kept}`, selected: true }));
      const year = add(el('input', { id: `${id}-y`, type: 'text', inputmode: 'numeric', value: d.year, size: 5, autocomplete: 'off' }));
      const month = add(el('select', { id: `${id}-m` }));
      month.append(el('option', { value: '', text: 'Month…' }));
      MONTHS.forEach((m, i) => month.append(el('option', { value: String(i + 1), text: m, selected: String(i + 1) === d.month })));
      const day = add(el('input', { id: `${id}-d`, type: 'text', inputmode: 'numeric', value: d.day, size: 3, autocomplete: 'off' }));
      const part = add(el('select', { id: `${id}-a` }));
      for (const [v, w] of [['early', 'Early'], ['mid', 'Mid'], ['late', 'Late']]) part.append(el('option', { value: v, text: w, selected: v === d.part }));
      const time = add(el('input', { id: `${id}-t`, type: 'time', value: d.time }));
      const offset = add(el('input', { id: `${id}-o`, type: 'text', value: d.offset || offsetDefault || data?.timezone?.offset || '', size: 7, placeholder: '+09:00' }));
      const parts = { year, month, day, part, time, offset };
      const labelled = (input, words) => el('span', { class: 'fm-datepart' }, el('label', { for: input.id, text: words }), input);
      const boxes = {
        year: labelled(year, 'Year'), month: labelled(month, 'Month'), day: labelled(day, 'Day'), part: labelled(part, 'Part'),
        time: labelled(time, 'Time'), offset: labelled(offset, 'UTC offset'),
      };
      const shown = {
        none: [], kept: [], year: ['year'], 'part-year': ['part', 'year'], month: ['month', 'year'], 'part-month': ['part', 'month', 'year'],
        day: ['day', 'month', 'year'], time: ['day', 'month', 'year', 'time', 'offset'],
      };
      const show = () => {
        for (const [k, b] of Object.entries(boxes)) b.hidden = !shown[precision.value].includes(k);
      };
      const update = () => {
        show();
        if (precision.value === 'kept') return;
        if (precision.value === 'none') { set(undefined); write(); return; }
        set(formatDate({ precision: precision.value, ...Object.fromEntries(Object.entries(parts).map(([k, i]) => [k, i.value])) }));
        write();
      };
      precision.addEventListener('change', update);
      for (const i of Object.values(parts)) i.addEventListener(i.tagName === 'SELECT' ? 'change' : 'input', update);
      set_.append(labelled(precision, 'Precision'), el('span', { class: 'fm-dateparts' }, ...Object.values(boxes)));
      show();
    }, { group: true });
  }

  function selectInput(id, options, value, onChange) {
    const select = el('select', { id });
    for (const [v, w] of options) select.append(el('option', { value: v, text: w, selected: v === (value ?? '') }));
    if (value !== undefined && value !== '' && !options.some(([v]) => v === value)) {
      select.append(el('option', { value, text: `${value} (as written)`, selected: true }));
    }
    select.addEventListener('change', () => onChange(select.value));
    return select;
  }

  /** References to items of a list (sources, counts): a checkbox each, by its name. */
  function refs(obj, key, label, path, order, list, nameOf) {
    return field(path, label, (set, add) => {
      const chosen = new Set(Array.isArray(obj[key]) ? obj[key] : []);
      const items = Array.isArray(list) ? list : [];
      if (!items.length) set.append(el('p', { class: 'fm-hint', text: key === 'sources' ? 'Add a source under "Sources" first.' : 'None yet.' }));
      for (const item of items) {
        if (!item || typeof item !== 'object') continue;
        const id = nextId('f');
        const box = add(el('input', { id, type: 'checkbox', value: item.id ?? '', checked: chosen.has(item.id) }));
        box.addEventListener('change', () => {
          const now = new Set(Array.isArray(obj[key]) ? obj[key] : []);
          if (box.checked) now.add(item.id); else now.delete(item.id);
          // In the list's order, then any the list does not have (kept).
          const ids = items.map((i) => i?.id).filter((i) => now.has(i));
          put(obj, key, [...ids, ...[...now].filter((i) => !ids.includes(i))], order);
          write();
        });
        const words = () => nameOf(item) || item.id || '(no id yet)';
        const span = el('span', { text: words() });
        names.push([span, words]);
        set.append(el('label', { class: 'fm-check', for: id }, box, span));
      }
      // Ids cited that the list does not have: named, so they can be seen and removed.
      for (const missing of [...chosen].filter((i) => !items.some((x) => x?.id === i))) {
        set.append(el('p', { class: 'fm-hint', text: `Also cites "${missing}", which is not in the list.` }));
      }
    }, { group: true });
  }

  /** A figure: exactly, at least, at most, between, or not disclosed, and "approximately". */
  function figure(obj, valueKey, label, path, order) {
    const form = obj.disclosed === false ? 'none'
      : 'at_least' in obj && 'at_most' in obj ? 'between'
        : 'at_least' in obj ? 'at_least' : 'at_most' in obj ? 'at_most' : 'exact';
    const box = field(path, label, (set, add, id) => {
      const kind = add(selectInput(`${id}-k`, [['exact', 'Exactly'], ['at_least', 'At least'], ['at_most', 'At most'], ['between', 'Between'], ['none', 'Not disclosed']], form, () => change()));
      const num = (key) => {
        const v = obj[key];
        return add(el('input', { id: `${id}-${key}`, type: 'text', inputmode: 'numeric', autocomplete: 'off', value: v === undefined ? '' : String(v) }));
      };
      const value = num(valueKey);
      const low = num('at_least');
      const high = num('at_most');
      const approx = add(el('input', { id: `${id}-approx`, type: 'checkbox', checked: obj.approximate === true }));
      const boxes = {
        exact: el('span', { class: 'fm-datepart' }, el('label', { for: value.id, text: 'Figure' }), value),
        low: el('span', { class: 'fm-datepart' }, el('label', { for: low.id, text: 'At least' }), low),
        high: el('span', { class: 'fm-datepart' }, el('label', { for: high.id, text: 'At most' }), high),
        approx: el('label', { class: 'fm-check', for: approx.id }, approx, el('span', { text: 'Approximately ("about")' })),
      };
      const shown = () => {
        const k = kind.value;
        boxes.exact.hidden = k !== 'exact';
        boxes.low.hidden = !['at_least', 'between'].includes(k);
        boxes.high.hidden = !['at_most', 'between'].includes(k);
        boxes.approx.hidden = k === 'none';
      };
      // "1,234,567" and "1 234 567" are numbers; anything else is written as typed, and the
      // checker says what is wrong with it at this field.
      const number = (s) => {
        const t = s.trim().replace(/[,\s_]/g, '');
        return /^\d+$/.test(t) && Number.isSafeInteger(+t) ? +t : s.trim();
      };
      function change() {
        shown();
        const k = kind.value;
        const next = {};
        if (k === 'exact') next[valueKey] = number(value.value);
        if (k === 'at_least' || k === 'between') next.at_least = number(low.value);
        if (k === 'at_most' || k === 'between') next.at_most = number(high.value);
        if (k === 'none') next.disclosed = false;
        if (k !== 'none' && approx.checked) next.approximate = true;
        // Replace the figure's keys where the first of them was, keeping the rest in place.
        const entries = Object.entries(obj);
        const first = entries.findIndex(([key]) => FIGURE_KEYS.includes(key) || key === valueKey);
        const rest = entries.filter(([key]) => !(FIGURE_KEYS.includes(key) || key === valueKey));
        for (const key of Object.keys(obj)) delete obj[key];
        if (first < 0) {
          for (const [key, v] of rest) obj[key] = v;
          for (const [key, v] of Object.entries(next)) put(obj, key, v, order);
        } else {
          const at = entries.slice(0, first).filter(([key]) => !(FIGURE_KEYS.includes(key) || key === valueKey)).length;
          for (const [key, v] of [...rest.slice(0, at), ...Object.entries(next), ...rest.slice(at)]) obj[key] = v;
        }
        write();
      }
      for (const i of [value, low, high]) i.addEventListener('input', change);
      approx.addEventListener('change', change);
      set.append(el('span', { class: 'fm-datepart' }, el('label', { for: kind.id, text: 'The source gives' }), kind),
        el('span', { class: 'fm-dateparts' }, boxes.exact, boxes.low, boxes.high, boxes.approx));
      shown();
    }, { group: true });
    // The checker names the figure's other keys: they point here too.
    for (const key of FIGURE_KEYS) if (key !== valueKey) fields.set(path.replace(/[^.]+$/, key), fields.get(path));
    return box;
  }

  /** Every item a change can be about, by its list and name. */
  function aboutOptions() {
    const out = [['', 'Choose…']];
    for (const list of LISTS) {
      if (list.key === 'changes') continue;
      const items = list.in ? data[list.in]?.[list.key] : data[list.key];
      const prefix = list.in ?? list.key;
      for (const item of Array.isArray(items) ? items : []) {
        if (item?.id) out.push([`${prefix}/${item.id}`, `${LIST_NAMES[list.key]}: ${list.name(item, textOf) || item.id}`]);
      }
    }
    return out;
  }

  /** The inputs of one value of an item, by its spec. */
  function input(obj, [key, type, label, opts = {}], path, order) {
    const p = `${path}.${key}`;
    const optional = opts.optional;
    const lab = optional && !['enum', 'bool', 'date'].includes(type) ? `${label} (optional)` : label;
    const setString = (v) => { put(obj, key, optional && v === '' ? undefined : v, order); write(); };
    switch (type) {
      case 'id': case 'string':
        return field(p, lab, (id) => textInput(id, typeof obj[key] === 'string' ? obj[key] : obj[key] === undefined ? '' : JSON.stringify(obj[key]), setString, { autocomplete: 'off', spellcheck: type === 'id' ? 'false' : undefined }));
      case 'url':
        return field(p, lab, (id) => textInput(id, obj[key], setString, { type: 'url', spellcheck: 'false', placeholder: 'https://' }));
      case 'text': case 'para':
        return readerText(obj, key, label, p, order, { multiline: type === 'para', optional });
      case 'date':
        return dateInput(() => obj[key], (v) => put(obj, key, v, order), label, p, { optional });
      case 'start': case 'end':
        return boundDate(obj, key, label, p, order);
      case 'enum':
        return field(p, lab, (id) => selectInput(id, opts.options, obj[key], (v) => setString(v)));
      case 'bool': {
        const box = el('div', { class: 'fm-field', 'data-path': p });
        const id = nextId('f');
        const check = el('input', { id, type: 'checkbox', checked: obj[key] === true });
        check.addEventListener('change', () => { put(obj, key, check.checked ? true : optional ? undefined : false, order); write(); });
        box.append(el('label', { class: 'fm-check', for: id }, check, el('span', { text: label })));
        fields.set(p, { box, inputs: [check] });
        return box;
      }
      case 'sources':
        return refs(obj, key, label, p, order, data.sources, (s) => [s.publisher, s.title].filter(Boolean).join(': '));
      case 'counts':
        return refs(obj, key, label, p, order, data.counts, (c) => textOf(c.subject) || c.id);
      case 'count':
        return field(p, lab, (id) => selectInput(id, [['', 'None (a total of its own)'], ...(data.counts ?? []).filter((c) => c?.id && c !== obj).map((c) => [c.id, textOf(c.subject) || c.id])], obj[key], setString));
      case 'about':
        return field(p, lab, (id) => selectInput(id, aboutOptions(), obj[key], setString));
      case 'figure':
        return figure(obj, key, label, p, order);
      case 'kept': {
        if (obj[key] === undefined) return null;
        const n = Array.isArray(obj[key]) ? obj[key].length : 1;
        const box = el('div', { class: 'fm-field', 'data-path': p, tabindex: '-1' },
          el('p', { class: 'fm-hint', text: `${label}: ${n} (edit them in the JSON view; the form keeps them).` }));
        fields.set(p, { box, inputs: [box] });
        return box;
      }
      default:
        return null;
    }
  }

  /** A claim's start or end: a date, or a bound on one; an end may also be open. */
  function boundDate(obj, key, label, path, order) {
    const v = obj[key];
    const bound = v && typeof v === 'object' ? ('no_later_than' in v ? 'no_later_than' : 'no_earlier_than') : typeof v === 'string' && ['ongoing', 'unknown', 'not-stated'].includes(v) ? v : 'on';
    const dateOf = () => (obj[key] && typeof obj[key] === 'object' ? obj[key][bound] : ['ongoing', 'unknown', 'not-stated'].includes(obj[key]) ? '' : obj[key]);
    const wrap = el('div', { class: 'fm-bound' });
    const options = [['on', 'On'], ['no_later_than', 'No later than'], ['no_earlier_than', 'No earlier than']];
    if (key === 'end') options.push(['ongoing', 'Ongoing (may be continuing)'], ['unknown', 'Ended; when is not known'], ['not-stated', 'The sources do not say']);
    let date = dateOf() ?? '';
    let kind = bound;
    const redraw = () => {
      if (['ongoing', 'unknown', 'not-stated'].includes(kind)) put(obj, key, kind, order);
      else if (kind === 'on') put(obj, key, date, order);
      else put(obj, key, { [kind]: date }, order);
      write();
      const next = boundDate(obj, key, label, path, order);
      wrap.replaceWith(next);
      next.querySelector('select')?.focus();
    };
    wrap.append(field(`${path}~kind`, `${label}: when`, (fid) => selectInput(fid, options, bound, (k) => { kind = k; redraw(); })));
    if (!['ongoing', 'unknown', 'not-stated'].includes(bound)) {
      const inner = dateInput(() => date, (d) => {
        date = d;
        put(obj, key, kind === 'on' ? d : { [kind]: d }, order);
      }, `${label}: date`, path);
      wrap.append(inner);
      if (bound !== 'on') fields.set(`${path}.${bound}`, fields.get(path));
    } else {
      fields.set(path, fields.get(`${path}~kind`));
    }
    return wrap;
  }

  /** One item of a list: its fields in a fieldset, with "Remove". */
  function row(list, items, item, i, path) {
    const spec = SPEC[list.spec];
    const order = spec.map(([k]) => k);
    const words = () => {
      const name = item && typeof item === 'object' ? list.name(item, textOf) : '';
      return `${LIST_NAMES[list.key]} ${i + 1}${name ? `: ${name}` : ''}`;
    };
    const legend = el('legend', { text: words() });
    names.push([legend, words]);
    const set = el('fieldset', { class: 'fm-row', 'data-path': path, tabindex: '-1' }, legend);
    if (item === null || typeof item !== 'object') {
      set.append(el('p', { class: 'fm-hint', text: 'This item is not an object: edit it in the JSON view.' }));
    } else {
      const grid = el('div', { class: 'fm-grid' });
      for (const s of spec) {
        const f = input(item, s, path, order);
        if (f) grid.append(f);
      }
      set.append(grid);
    }
    const remove = el('button', { type: 'button', class: 'ed-button fm-remove', text: `Remove ${list.one} ${i + 1}` });
    remove.addEventListener('click', () => {
      const before = text.value;
      const name = item && typeof item === 'object' ? list.name(item, textOf) : '';
      items.splice(i, 1);
      write();
      render();
      const restore = offerUndo(before, `removed ${list.one} ${i + 1}`);
      const section = root.querySelector(`[data-list="${list.key}"]`);
      const add = section?.querySelector('.fm-add');
      // Said where it happened, with the way back at hand (the editor's Undo is at the top).
      if (add && restore) {
        const undo = el('button', { type: 'button', class: 'ed-button', text: `Undo: bring back ${list.one} ${i + 1}` });
        undo.addEventListener('click', restore);
        add.before(el('p', { class: 'fm-removed', role: 'status' }, el('span', { text: `Removed ${list.one} ${i + 1}${name ? ` (${name})` : ''}. ` }), undo));
      }
      (add ?? section)?.focus();
    });
    set.append(el('div', { class: 'fm-row-actions' }, remove));
    rows.set(path, set);
    return set;
  }

  function newItem(list) {
    const n = (data[list.key]?.length ?? data[list.in]?.[list.key]?.length ?? 0) + 1;
    const two = () => Object.fromEntries(langs().map((l) => [l, '']));
    switch (list.spec) {
      case 'source': return { id: `source-${n}`, publisher: '', title: '', url: '' };
      case 'claim': return { id: `window-${n}`, by: two(), start: '', end: '', sources: [] };
      case 'event': return { id: `event-${n}`, date: '', lane: 'breach', title: two(), detail: two(), confidence: 'high', sources: [] };
      case 'count': return { id: `count-${n}`, series: `count-${n}`, subject: two(), value: '', unit: 'accounts', as_of: '', reported_by: two(), sources: [] };
      case 'money': return { id: `amount-${n}`, kind: 'fine', subject: two(), amount: '', currency: '', date: '', sources: [] };
      case 'comparison': return { id: `comparison-${n}`, title: two(), counts: [] };
      case 'data_class': return { id: `data-${n}`, label: two(), exposed: true, advice: two(), sources: [] };
      case 'correction': return { id: `correction-${n}`, claim: two(), correct: two(), seen_in: two(), sources: [] };
      default: return { at: '', kind: 'added', about: '', sources: [] };
    }
  }

  function listSection(list) {
    const holder = list.in ? data[list.in] : data;
    const items = holder && Array.isArray(holder[list.key]) ? holder[list.key] : null;
    const path = list.in ? `${list.in}.${list.key}` : list.key;
    const headingId = nextId('h');
    const section = el('section', { class: 'fm-section', 'data-list': list.key, 'aria-labelledby': headingId, 'data-path': path, tabindex: '-1' },
      el('h3', { id: headingId, text: `${list.title}${items ? ` (${items.length})` : ''}` }),
      el('p', { class: 'fm-hint', text: list.blurb }));
    fields.set(path, { box: section, inputs: [section] });
    if (list.key === 'claims' && holder) {
      const order = ['claims', 'preferred'];
      section.append(field('exposure.preferred', 'The account drawn as the window', (id) => selectInput(id,
        [['', 'Choose…'], ...(items ?? []).filter((c) => c?.id).map((c) => [c.id, textOf(c.by) || c.id])], holder.preferred,
        (v) => { put(holder, 'preferred', v, order); write(); })));
    }
    if (list.key === 'changes') {
      section.append(dateInput(() => data.updated, (v) => put(data, 'updated', v, TOP_ORDER), 'Last updated (a date and time)', 'updated', { optional: true }));
    }
    // A long list (a developing story's dozens of events) is folded, its rows drawn when
    // opened: the form of the largest dataset then draws in a fraction of the time.
    const drawRows = (into) => (items ?? []).forEach((item, i) => into.append(row(list, items, item, i, `${path}[${i}]`)));
    if ((items?.length ?? 0) > LONG && !openLists.has(path)) {
      const fold = el('details', { class: 'fm-fold' }, el('summary', { text: `Show the ${items.length} ${list.title.toLowerCase()}` }));
      fold.addEventListener('toggle', () => {
        if (!fold.open) return;
        openLists.add(path);
        fold.replaceWith(...(() => { const f = document.createDocumentFragment(); drawRows(f); return [f]; })());
        showProblems(problems);
        section.querySelector('.fm-row')?.focus();
      }, { once: true });
      section.append(fold);
    } else {
      drawRows(section);
    }
    const add = el('button', { type: 'button', class: 'ed-button fm-add', text: `Add ${list.one === 'amount' ? 'an' : /^[aeiou]/.test(list.one) ? 'an' : 'a'} ${list.one}` });
    add.addEventListener('click', () => {
      let target = items;
      if (!target) {
        if (list.in) {
          if (!data[list.in] || typeof data[list.in] !== 'object') put(data, list.in, { claims: [], preferred: '' }, TOP_ORDER);
          target = data[list.in][list.key] ??= [];
        } else {
          put(data, list.key, [], TOP_ORDER);
          target = data[list.key];
        }
      }
      openLists.add(path);
      const item = newItem(list);
      for (const k of Object.keys(item)) if (item[k] === undefined) delete item[k];
      target.push(item);
      // The first window is the one drawn, until another is chosen.
      if (list.key === 'claims' && !data.exposure.preferred) data.exposure.preferred = item.id;
      write();
      render();
      // Focus the new row's first input.
      root.querySelector(`[data-path="${path}[${target.length - 1}]"] input, [data-path="${path}[${target.length - 1}]"] select`)?.focus();
    });
    section.append(add);
    return section;
  }

  const LONG = 12; // rows a list shows before it is folded
  const openLists = new Set(); // lists the author opened: kept open across redraws

  const TOP_ORDER = ['$schema', 'format', 'id', 'languages', 'timezone', 'updated', 'changes', 'breach', 'sources', 'exposure', 'events', 'counts', 'comparisons', 'data_classes', 'money', 'corrections'];

  function story() {
    const section = el('section', { class: 'fm-section', 'aria-labelledby': 'fm-story-title' }, el('h3', { id: 'fm-story-title', text: 'The story' }));
    const grid = el('div', { class: 'fm-grid' });
    grid.append(field('id', 'Id of the dataset (its file name)', (id) => textInput(id, data.id, (v) => { put(data, 'id', v, TOP_ORDER); write(); }, { spellcheck: 'false', autocomplete: 'off' }),
      { hint: 'Lower-case letters, digits and "-", e.g. acme-2026.' }));
    grid.append(field('languages', 'Languages', (set, add) => {
      for (const [code, name] of Object.entries(LANG_NAMES)) {
        const id = nextId('f');
        const box = add(el('input', { id, type: 'checkbox', checked: langs().includes(code) && Array.isArray(data.languages) && data.languages.includes(code) }));
        box.addEventListener('change', () => {
          const now = Object.keys(LANG_NAMES).filter((c) => (c === code ? box.checked : data.languages?.includes(c)));
          put(data, 'languages', now, TOP_ORDER);
          write();
          render();
        });
        set.append(el('label', { class: 'fm-check', for: id, lang: code }, box, el('span', { text: name })));
      }
    }, { group: true }));
    const breach = data.breach && typeof data.breach === 'object' ? data.breach : null;
    if (breach) {
      const order = SPEC_BREACH.map(([k]) => k);
      for (const s of SPEC_BREACH) grid.append(input(breach, s, 'breach', order));
    }
    const tz = data.timezone && typeof data.timezone === 'object' ? data.timezone : null;
    if (tz) {
      grid.append(field('timezone.offset', 'Time zone of the story (UTC offset)', (id) => textInput(id, tz.offset, (v) => { put(tz, 'offset', v, ['offset', 'label']); write(); }, { placeholder: '+09:00', spellcheck: 'false' }),
        { hint: 'Dates are written in the story\'s own time zone, e.g. +09:00 for Korea.' }));
      grid.append(readerText(tz, 'label', 'Name of the time zone', 'timezone.label', ['offset', 'label']));
    }
    section.append(grid);
    return section;
  }
  const SPEC_BREACH = [['organisation', 'text', 'Organisation breached'], ['country', 'string', 'Country (ISO code, e.g. KR)'], ['title', 'text', 'Headline'],
    ['summary', 'para', 'Summary (one sentence a reader gets in ten seconds)'], ['credit', 'text', 'Credit line', { optional: true }]];

  /** Draws the form from the text; when the text does not parse, keeps the last form,
   * read-only, and says why. */
  function render() {
    if (!text.value.trim()) {
      data = null;
      root.replaceChildren();
      return;
    }
    let parsed;
    try {
      parsed = JSON.parse(text.value);
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      data = null;
      const body = root.querySelector('.fm-body');
      if (body) body.disabled = true;
      let note = root.querySelector('.fm-broken');
      if (!note) {
        note = el('p', { class: 'ed-warning fm-broken', role: 'alert' });
        root.prepend(note);
      }
      note.textContent = 'The JSON has an error; fix it in the JSON view. The form is read-only until then.';
      return;
    }
    const focused = document.activeElement && root.contains(document.activeElement) ? focusKey(document.activeElement) : null;
    data = parsed;
    fields.clear();
    rows.clear();
    names.length = 0;
    const body = el('fieldset', { class: 'fm-body' }, el('legend', { class: 'fm-sr', text: 'The dataset, as a form' }));
    body.append(story(), ...LISTS.map(listSection));
    root.replaceChildren(body);
    showProblems(problems);
    if (focused) refocus(focused);
  }

  // Keeps focus on "the same" control across a redraw: by its path and place among its box's inputs.
  function focusKey(node) {
    const box = node.closest('[data-path]');
    if (!box) return null;
    const all = [...box.querySelectorAll('input, select, textarea, button')];
    return { path: box.dataset.path, index: all.indexOf(node) };
  }
  function refocus({ path, index }) {
    const box = root.querySelector(`[data-path="${CSS.escape(path)}"]`);
    const all = box ? [...box.querySelectorAll('input, select, textarea, button')] : [];
    all[index]?.focus();
  }

  /** The field a problem's path names, or the nearest item or list that holds it. */
  function lookup(path) {
    let p = path;
    while (p) {
      const f = fields.get(p);
      if (f?.box && root.contains(f.box)) return { ...f, path: p };
      const r = rows.get(p);
      if (r) return { box: r, inputs: [r], row: true, path: p };
      const cut = p.search(/(\.[^.[\]]+|\[\d+\])$/);
      if (cut <= 0) break;
      p = p.slice(0, cut);
    }
    return null;
  }

  /** Marks each problem's field: aria-invalid, and its message under it. */
  function showProblems(list) {
    problems = list;
    for (const m of root.querySelectorAll('.fm-problem')) m.remove();
    for (const i of root.querySelectorAll('[aria-invalid]')) {
      i.removeAttribute('aria-invalid');
      const ids = (i.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && !x.startsWith('fm-problem-'));
      if (ids.length) i.setAttribute('aria-describedby', ids.join(' ')); else i.removeAttribute('aria-describedby');
    }
    if (!data) return;
    list.forEach((problem, n) => {
      if (!problem.path) return;
      const f = lookup(problem.path);
      if (!f) return;
      const id = `fm-problem-${n}`;
      // At the field, its words are enough; at a list or a row, the item is named too.
      const message = el('p', { class: 'fm-problem', id, text: f.path === problem.path ? problemText(problem) : problem.message });
      const box = f.box;
      if (f.row) box.querySelector('legend').after(message);
      else box.append(message);
      for (const i of f.inputs) {
        if (!i.matches('input, select, textarea')) continue;
        i.setAttribute('aria-invalid', 'true');
        i.setAttribute('aria-describedby', [i.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
      }
    });
  }
  // The checker's message names the path and the item; at the field, the words are enough.
  const problemText = (p) => p.message.replace(/^\S+ \((?:[^()]|\([^()]*\))*\): /, '').replace(/^[\w.[\]$]+: /, '');

  /** Puts the focus on a problem's field (the problem list's buttons, in the form view). */
  function focusProblem(path) {
    const list = path && /^(exposure\.claims|[a-z_]+)(?=\[)/.exec(path)?.[1];
    if (list && !openLists.has(list) && root.querySelector(`[data-path="${list}"] .fm-fold`)) {
      openLists.add(list);
      render();
    }
    const f = path ? lookup(path) : null;
    if (!f) return false;
    const target = f.inputs.find((i) => !i.closest('[hidden]') && !i.disabled) ?? f.box;
    (target.closest('details') ?? {}).open = true;
    target.scrollIntoView({ block: 'center' });
    target.focus();
    return true;
  }

  return { render, showProblems, focusProblem, get broken() { return data === null; } };
}
