// The JSON Schema (schema/breach-explainer-1.schema.json) and the native checker agree: every
// dataset in data/ and tests/fixtures/ passes both, and each broken dataset below (one per rule
// the schema can express, made by changing one thing in a valid dataset) is refused by both, at
// the same place. The schema's own examples pass it, every field is described for editors, and
// the TypeScript types generated from it (scripts/dataset-types.mjs) compile and fit the datasets.
// tests/schema.rs checks the rest of the agreement: the code lists, fields and required fields.
// Needs the native binary (target/release/breach-explainer, built by scripts/build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import Ajv2020 from 'ajv/dist/2020.js';
import { datasetTypes } from '../../scripts/dataset-types.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'release/breach-explainer');
const schema = JSON.parse(await readFile(join(root, 'schema/breach-explainer-1.schema.json'), 'utf8'));
// VS Code's own keyword for a readable message when a pattern fails; an annotation to ajv.
const ajv = new Ajv2020({ allErrors: true, strict: true }).addKeyword('patternErrorMessage');
const validate = ajv.compile(schema);

const datasetFiles = async () => {
  const out = [];
  for (const dir of ['data', 'tests/fixtures']) {
    for (const f of (await readdir(join(root, dir))).sort()) if (f.endsWith('.json')) out.push(`${dir}/${f}`);
  }
  return out;
};

/** ajv's errors as the checker's paths: `events[0].date`, `sources[1].url`, `` for the file. */
function ajvPaths(errors) {
  return (errors ?? []).map((e) => {
    const parts = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const extra = e.params.missingProperty ?? e.params.additionalProperty;
    if (extra !== undefined) parts.push(extra);
    return parts.reduce((path, p) => (/^\d+$/.test(p) ? `${path}[${p}]` : path ? `${path}.${p}` : p), '');
  });
}

/** The native `check` on a file: its exit code and the paths of the problems it lists. */
async function check(file) {
  const name = file.split('/').pop();
  try {
    await promisify(execFile)(bin, ['check', file]);
    return { ok: true, paths: [] };
  } catch (e) {
    if (typeof e.code !== 'number') throw e;
    // `name:line:column: events[0].date (the 1st event, "…"): …`, or `name: …` alone for the
    // file as a whole.
    const place = /^([^:]+)(?::\d+:\d+)?: (.*)$/;
    const paths = e.stderr.split('\n').filter((l) => place.exec(l)?.[1] === name && !/^\S+: \d+ problem/.test(l))
      .map((l) => /^([\w$.[\]-]+)(?= \(|: )/.exec(place.exec(l)[2])?.[1] ?? '');
    return { ok: false, paths, stderr: e.stderr };
  }
}

test('every dataset in data/ and tests/fixtures/ passes the schema and the checker', async () => {
  for (const file of await datasetFiles()) {
    const data = JSON.parse(await readFile(join(root, file), 'utf8'));
    assert.ok(validate(data), `${file}: ${ajv.errorsText(validate.errors)}`);
    const native = await check(join(root, file));
    assert.ok(native.ok, `${file}: ${native.stderr}`);
  }
});

test('every dataset in data/ names the schema, as a path that works from data/', async () => {
  for (const file of await datasetFiles()) {
    if (!file.startsWith('data/')) continue;
    const text = await readFile(join(root, file), 'utf8');
    assert.ok(text.startsWith('{\n  "$schema": "../schema/breach-explainer-1.schema.json",\n'), file);
  }
});

test('dist/ publishes the schema where the data files\' "$schema" finds it', async () => {
  for (const f of (await readdir(join(root, 'dist/data'))).filter((f) => f.endsWith('.json'))) {
    const file = pathToFileURL(join(root, 'dist/data', f));
    const { $schema } = JSON.parse(await readFile(file, 'utf8'));
    if ($schema === undefined) continue;
    assert.deepEqual(JSON.parse(await readFile(new URL($schema, file), 'utf8')), schema, `${f}: ${$schema}`);
  }
});

// One broken dataset per rule: what is changed, and where both must report it.
const base = JSON.parse(await readFile(join(root, 'data/coupang-2025.json'), 'utf8'));
const index = (list, has) => base[list].findIndex((x) => x[has] !== undefined);
const alt = index('events', 'alternatives');
const parts = index('money', 'parts');
const conv = index('money', 'converted');
const BROKEN = [
  // required fields
  ['a required top-level field is missing', 'events', (d) => { delete d.events; }],
  ['a required field of a source is missing', 'sources[0].url', (d) => { delete d.sources[0].url; }],
  ['a required field of an event is missing', 'events[0].confidence', (d) => { delete d.events[0].confidence; }],
  ['a required field is null', 'breach.country', (d) => { d.breach.country = null; }],
  ['a fact cites no source', 'counts[0].sources', (d) => { delete d.counts[0].sources; }],
  ['an alternative has no "by"', `events[${alt}].alternatives[0].by`, (d) => { delete d.events[alt].alternatives[0].by; }],
  ['a part of an amount has no amount', `money[${parts}].parts[0].amount`, (d) => { delete d.money[parts].parts[0].amount; }],
  // types
  ['the file is a list', '', () => []],
  ['a text is a plain string', 'breach.title', (d) => { d.breach.title = 'Coupang'; }],
  ['a count is a string', 'counts[0].value', (d) => { d.counts[0].value = '33700000'; }],
  ['a boolean is a string', 'data_classes[0].exposed', (d) => { d.data_classes[0].exposed = 'yes'; }],
  ['a list is an object', 'events[0].sources', (d) => { d.events[0].sources = { 0: d.events[0].sources[0] }; }],
  ['a negative count', 'counts[0].value', (d) => { d.counts[0].value = -5; }],
  ['a fraction of a won', 'money[0].amount', (d) => { d.money[0].amount = 1.5; }],
  ['a number past 2^53 − 1', 'counts[0].value', (d) => { d.counts[0].value = 2 ** 53; }],
  // codes
  ['the wrong format string', 'format', (d) => { d.format = 'breach-explainer/2'; }],
  ['an unknown lane', 'events[0].lane', (d) => { d.events[0].lane = 'hackers'; }],
  ['an unknown confidence', 'events[0].confidence', (d) => { d.events[0].confidence = 'certain'; }],
  ['an unknown milestone', 'events[0].milestone', (d) => { d.events[0].milestone = 'discovered'; }],
  ['an unknown unit', 'counts[0].unit', (d) => { d.counts[0].unit = 'users'; }],
  ['an unknown count status', 'counts[0].status', (d) => { d.counts[0].status = 'revised'; }],
  ['an unknown kind of money', 'money[0].kind', (d) => { d.money[0].kind = 'penalty'; }],
  ['an unknown title kind', 'sources[0].title_kind', (d) => { d.sources[0].title_kind = 'summary'; }],
  ['an unknown language', 'languages[1]', (d) => { d.languages[1] = 'fr'; }],
  ['no language', 'languages', (d) => { d.languages = []; }],
  ['a text in a language the explainer does not speak', 'breach.title.fr', (d) => { d.breach.title.fr = 'Fuite'; }],
  ['a comment key inside a text', 'breach.title._note', (d) => { d.breach.title._note = 'checked'; }],
  ['an empty text', 'breach.title.en', (d) => { d.breach.title.en = ''; }],
  ['a publisher of spaces only', 'sources[0].publisher', (d) => { d.sources[0].publisher = '   '; }],
  // ids
  ['an id with capitals and a space', 'events[0].id', (d) => { d.events[0].id = 'Access Start'; }],
  ['the dataset id with an underscore', 'id', (d) => { d.id = 'coupang_2025'; }],
  ['adds_to that is no id', 'counts[0].adds_to', (d) => { d.counts[0].adds_to = 'Coupang 33.7M'; }],
  // dates
  ['a date in words', 'events[0].date', (d) => { d.events[0].date = '24 June 2025'; }],
  ['30 February', 'events[0].date', (d) => { d.events[0].date = '2025-02-30'; }],
  ['29 February in a common year', 'events[0].date', (d) => { d.events[0].date = '2025-02-29'; }],
  ['29 February 2100 (not a leap year)', 'events[0].date', (d) => { d.events[0].date = '2100-02-29'; }],
  ['a 13th month', 'counts[0].as_of', (d) => { d.counts[0].as_of = '2025-13'; }],
  ['a time without its offset', 'events[0].date', (d) => { d.events[0].date = '2025-11-18T22:52'; }],
  ['a time with seconds', 'events[0].date', (d) => { d.events[0].date = '2025-11-18T22:52:00+09:00'; }],
  ['25 o\'clock', 'events[0].date', (d) => { d.events[0].date = '2025-11-18T25:00+09:00'; }],
  ['a time in a month', 'exposure.claims[0].start', (d) => { d.exposure.claims[0].start = '2025-06T10:00+09:00'; }],
  ['an offset past 14 hours', 'timezone.offset', (d) => { d.timezone.offset = '+15:00'; }],
  ['an offset without its leading zero', 'timezone.offset', (d) => { d.timezone.offset = '+9:00'; }],
  ['a conversion dated in words', `money[${conv}].converted[0].as_of`, (d) => { d.money[conv].converted[0].as_of = 'last June'; }],
  // web addresses, language tags, currencies
  ['a javascript: address', 'sources[0].url', (d) => { d.sources[0].url = 'javascript:alert(1)'; }],
  ['a data: address', 'sources[0].url', (d) => { d.sources[0].url = 'data:text/html,<b>x</b>'; }],
  ['an ftp: address', 'sources[0].url', (d) => { d.sources[0].url = 'ftp://example.org/a'; }],
  ['an address without a host', 'sources[0].url', (d) => { d.sources[0].url = 'https:///etc/passwd'; }],
  ['an address with a space', 'sources[0].url', (d) => { d.sources[0].url = 'https://example.org/a b'; }],
  ['an address with a line break', 'sources[0].url', (d) => { d.sources[0].url = 'https://example.org/a\nb'; }],
  ['a language tag that is a word', 'sources[0].lang', (d) => { d.sources[0].lang = 'english!'; }],
  ['a currency in lower case', `money[${conv}].converted[0].currency`, (d) => { d.money[conv].converted[0].currency = 'usd'; }],
  ['a currency name', 'money[0].currency', (d) => { d.money[0].currency = 'won'; }],
  // unknown keys
  ['an unknown top-level key', 'extra', (d) => { d.extra = 1; }],
  ['a misspelt field of a source', 'sources[0].publised', (d) => { d.sources[0].publised = '2025-12-01'; }],
  ['an unknown field of a part', `money[${parts}].parts[0].share`, (d) => { d.money[parts].parts[0].share = 0.5; }],
  ['$schema below the top level', 'breach.$schema', (d) => { d.breach.$schema = '../schema/x.json'; }],
  // lists too short
  ['no sources', 'sources', (d) => { d.sources = []; }],
  ['no events', 'events', (d) => { d.events = []; }],
  ['no claims', 'exposure.claims', (d) => { d.exposure.claims = []; }],
  ['a comparison of one count', 'comparisons[0].counts', (d) => { d.comparisons[0].counts = d.comparisons[0].counts.slice(0, 1); }],
  ['a fact citing an empty list', 'events[0].sources', (d) => { d.events[0].sources = []; }],
];

test(`each of ${BROKEN.length} broken datasets is refused by the schema and the checker, at the same place`, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bx-schema-'));
  try {
    const results = await Promise.all(BROKEN.map(async ([what, at, change], i) => {
      const d = structuredClone(base);
      const replaced = change(d);
      const data = replaced ?? d;
      const file = join(dir, `broken-${i}.json`);
      await writeFile(file, JSON.stringify(data, null, 2));
      const schemaOk = validate(data);
      return { what, at, schemaOk, schemaPaths: ajvPaths(validate.errors), native: await check(file) };
    }));
    const failures = [];
    for (const { what, at, schemaOk, schemaPaths, native } of results) {
      if (schemaOk) failures.push(`${what}: the schema accepts it`);
      else if (!schemaPaths.includes(at)) failures.push(`${what}: the schema refuses it at ${schemaPaths.join(', ')}, not at ${at}`);
      if (native.ok) failures.push(`${what}: check accepts it`);
      else if (!native.paths.includes(at)) failures.push(`${what}: check refuses it at ${native.paths.join(', ')}, not at ${at}`);
    }
    assert.deepEqual(failures, []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a comment key (_…) is accepted in every object but a text, by both', async () => {
  const d = structuredClone(base);
  d._note = 'top';
  d.timezone._note = d.breach._note = d.exposure._note = d.exposure.claims[0]._note = 'x';
  d.sources[0]._checked = '3 Dec';
  d.events[alt]._note = d.events[alt].alternatives[0]._note = 'x';
  d.counts[0]._n = d.comparisons[0]._n = d.data_classes[0]._n = d.corrections[0]._n = 1;
  d.money[parts]._n = d.money[parts].parts[0]._n = d.money[conv].converted[0]._n = 2;
  assert.ok(validate(d), ajv.errorsText(validate.errors));
  const dir = await mkdtemp(join(tmpdir(), 'bx-schema-'));
  try {
    await writeFile(join(dir, 'commented.json'), JSON.stringify(d));
    const native = await check(join(dir, 'commented.json'));
    assert.ok(native.ok, native.stderr);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('every field has a description and examples for editors, and every example passes the schema', () => {
  const missing = [];
  let examples = 0;
  const walk = (node, pointer) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (typeof child.description !== 'string') missing.push(`${pointer}/properties/${key}: no description`);
      if (!Array.isArray(child.examples) || child.examples.length === 0) missing.push(`${pointer}/properties/${key}: no examples`);
    }
    if (Array.isArray(node.examples)) {
      const check = ajv.compile({ $ref: `${schema.$id}#${pointer}` });
      for (const example of node.examples) {
        examples += 1;
        if (!check(example)) missing.push(`${pointer}: example ${JSON.stringify(example).slice(0, 60)} fails: ${ajv.errorsText(check.errors)}`);
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'examples' || key === 'enum') continue;
      if (key === 'properties' || key === '$defs' || key === 'patternProperties') {
        for (const [name, sub] of Object.entries(child)) walk(sub, `${pointer}/${key}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      } else if (child && typeof child === 'object' && !Array.isArray(child)) walk(child, `${pointer}/${key}`);
    }
  };
  walk(schema, '');
  assert.deepEqual(missing, []);
  assert.ok(examples > 100, `${examples} examples`);
});

test('the generated TypeScript types compile with --strict, and every dataset in data/ is a Dataset', { timeout: 60_000 }, async () => {
  const types = await datasetTypes();
  assert.match(types, /^export interface Dataset \{$/m);
  const dir = await mkdtemp(join(tmpdir(), 'bx-types-'));
  try {
    await writeFile(join(dir, 'dataset.d.ts'), types);
    const files = ['dataset.d.ts'];
    for (const file of await datasetFiles()) {
      const name = `${file.replace(/\W/g, '_')}.ts`;
      const data = await readFile(join(root, file), 'utf8');
      await writeFile(join(dir, name), `import type { Dataset } from './dataset';\nexport const dataset: Dataset = ${data.trim()};\n`);
      files.push(name);
    }
    // What the types must refuse, each marked as an expected error (tsc fails if none occurs).
    await writeFile(join(dir, 'refused.ts'), `import type { Dataset, Event, Source } from './dataset';
declare const d: Dataset;
const source: Source = { id: 's', publisher: 'P', title: 'T', url: 'https://example.org', _checked: '3 Dec' };
// @ts-expect-error a misspelt field
const typo: Source = { id: 's', publisher: 'P', title: 'T', url: 'https://example.org', publised: '2025' };
// @ts-expect-error an unknown lane
const lane: Event['lane'] = 'hackers';
// @ts-expect-error a required field missing
const noUrl: Source = { id: 's', publisher: 'P', title: 'T' };
// @ts-expect-error a text in a language the explainer does not speak
d.breach.title = { fr: 'Fuite' };
const optional: string | undefined = d.breach.title.ko;
export { source, typo, lane, noUrl, optional };
`);
    files.push('refused.ts');
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const args = ['--strict', '--noEmit', '--target', 'es2022', '--lib', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', ...files];
    const result = await promisify(execFile)(process.execPath, [tsc, ...args], { cwd: dir }).catch((e) => e);
    assert.equal(result.code ?? 0, 0, `tsc:\n${result.stdout}${result.stderr}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
