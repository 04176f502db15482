// The npm package, dist/npm: wasm-pack's output plus the mount() wrapper, the embed loader, the
// stylesheet and the types, so `import { mount } from 'breach-explainer'` works the same as the
// script embed, in esbuild, Vite (dev and build), webpack 5 and Rollup (tests/e2e/bundlers.test.mjs
// builds an app with each). Called by scripts/package.mjs; `node scripts/npm-package.mjs` alone
// rebuilds only dist/npm from www/.
//
// What makes it work in a bundler:
// - The wasm is found with `new URL('./breach_explainer_bg.wasm', import.meta.url)`, which Vite
//   and webpack 5 turn into an emitted, hashed asset, and Rollup too with
//   @web/rollup-plugin-import-meta-assets; esbuild leaves it as it is, so the README has esbuild
//   users copy the .wasm next to their bundle.
// - `sideEffects` names the stylesheet and embed.js, so webpack keeps `import
//   'breach-explainer/explainer.css'` and the embed's self-start.
// - The types check under `skipLibCheck: false` with any `lib` setting (see `glueTypes`).
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { datasetTypes } from './dataset-types.mjs';

const PARTS = ['head', 'timeline', 'revisions', 'comparison', 'exposed', 'money', 'corrections', 'data', 'sources'];

/** The relative module specifiers a JavaScript file imports (`./x.js`, not bare names). */
export function localImports(code) {
  const found = new Set();
  code = code.replace(/^\s*(\/\/|\/?\*).*$/gm, ''); // comment lines (examples of use)
  for (const m of code.matchAll(/(?:^|[\s;])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?(['"])(\.\.?\/[^'"]+)\1/gm)) found.add(m[2]);
  for (const m of code.matchAll(/\bimport\s*\(\s*(['"])(\.\.?\/[^'"]+)\1\s*\)/g)) found.add(m[2]);
  return [...found];
}

/**
 * wasm-bindgen's types with `[Symbol.dispose](): void` taken out: it needs `lib: esnext` (or
 * esnext.disposable), so a consumer on ES2022 with `skipLibCheck: false` got TS2550. The method
 * is still there at run time, where the browser has Symbol.dispose.
 */
function glueTypes(dts) {
  const out = dts.replace(/^([ \t]*)\[Symbol\.dispose\]\(\): void;\n/m,
    '$1// [Symbol.dispose]() exists at run time where the browser has it; left out here so the\n' +
    '$1// types check under any `lib` setting (it needs esnext.disposable).\n');
  if (/Symbol\.dispose/.test(out.replace(/^\s*\/\/.*$/gm, ''))) throw new Error('npm package: Symbol.dispose left in breach_explainer.d.ts');
  return out;
}

const explainerTypes = `// Types for breach-explainer's mount(). The handle is wasm-bindgen's Explainer (breach_explainer.d.ts,
// generated from the Rust); the dataset is Dataset (dataset.d.ts, generated from the format's schema).
import type { Explainer } from './breach_explainer.js';
import type { Dataset } from './dataset.js';

export type { Explainer, Dataset };

/** A part of the explainer a host can choose to show. */
export type Part = ${PARTS.map((p) => `'${p}'`).join(' | ')};

export interface MountOptions {
  /** A dataset object, or the URL of a dataset file (fetched); absent: the dataset built into the wasm. */
  data?: Dataset | string | URL | null;
  /** "en" or "ko", or a list such as navigator.languages; absent: data-lang, <html lang>, the browser's languages, English. */
  lang?: string | readonly string[] | null;
  /** "auto" follows the article's background, then the page's color-scheme, then the reader's setting. */
  theme?: 'light' | 'dark' | 'auto' | null;
  /** Seconds to wait for a dataset URL before showing why it failed; 30 by default. */
  timeout?: number;
  /** With a dataset URL: look for a newer version every this many seconds (a conditional
   * request; none while the page is hidden; longer waits after failures) and show it in place,
   * keeping the reader's place. */
  refresh?: number | null;
  /** Keep the selected event in the page's address (#event=<id>); for one explainer per page. */
  deepLink?: boolean;
  /** Which parts to show: a list, a comma-separated string ("head,timeline") or "all"; absent: the
   * headline, the timeline and the revised count open, the rest folded one tap away. */
  parts?: readonly Part[] | 'all' | (string & {}) | null;
  /** false draws in the page's own tree, styled by the page (for a page of one's own); default
   * true: a shadow root, which the article's CSS cannot reach. */
  isolate?: boolean;
}

/**
 * Mounts an explainer into \`element\` (the wasm is fetched and compiled once per page). Resolves
 * to the handle; its destroy() removes everything it added and every listener. A dataset that
 * fails validation or does not load is shown in the element, and handle.problems() lists why.
 */
export function mount(element: Element, options?: MountOptions | null): Promise<Explainer & {
  /** Looks for a newer version of the dataset URL now; true when it was shown. */
  refresh(): Promise<boolean>;
}>;
`;

const embedTypes = `// Types for breach-explainer/embed.js, the script embed: importing it mounts every
// [data-breach-explainer] element on the page and adds the stylesheet.
import type { Explainer, mount } from './explainer.js';

/** The page-wide registry embed.js keeps on globalThis.breachExplainer (one per page). */
export interface BreachExplainerRegistry {
  mount: typeof mount;
  /** Each mounted element's handle (a promise while it starts). */
  handles: Map<Element, Explainer | Promise<Explainer | void>>;
  /** Mounts [data-breach-explainer] elements added since (each element once). */
  mountAll(): void;
  /** Destroys one element's explainer, so mountAll() may mount it again. */
  unmount(element: Element): Promise<void>;
}

/** Destroys one element's explainer, so mountAll() may mount it again. */
export function unmount(element: Element): Promise<void>;
/** Mounts [data-breach-explainer] elements added since (each element once). */
export function mountAll(): void;

declare global {
  var breachExplainer: BreachExplainerRegistry;
}
`;

/** Writes dist/npm from www/ (www/pkg must be built) and the README; returns the package.json. */
export async function npmPackage({ root = fileURLToPath(new URL('..', import.meta.url)), out } = {}) {
  const www = join(root, 'www');
  const npm = out ?? join(root, 'dist', 'npm');
  await rm(npm, { recursive: true, force: true });
  await mkdir(npm, { recursive: true });

  // wasm-bindgen's glue, with its own fallback URL written as a relative path bundlers resolve.
  await copyFile(join(www, 'pkg/breach_explainer_bg.wasm'), join(npm, 'breach_explainer_bg.wasm'));
  const glue = (await readFile(join(www, 'pkg/breach_explainer.js'), 'utf8'))
    .replaceAll("new URL('breach_explainer_bg.wasm', import.meta.url)", "new URL('./breach_explainer_bg.wasm', import.meta.url)");
  await writeFile(join(npm, 'breach_explainer.js'), glue);
  await writeFile(join(npm, 'breach_explainer.d.ts'), glueTypes(await readFile(join(www, 'pkg/breach_explainer.d.ts'), 'utf8')));
  await copyFile(join(www, 'pkg/breach_explainer_bg.wasm.d.ts'), join(npm, 'breach_explainer_bg.wasm.d.ts'));

  // The wrapper with the glue beside it, and every module it imports from www/ or www/pkg/ (e.g. a
  // generated explainer-css.js), whatever they are, so a change of imports needs no edit here.
  // The package is flat: './pkg/x.js' becomes './x.js'.
  const files = new Set(['breach_explainer_bg.wasm', 'breach_explainer.js', 'breach_explainer.d.ts', 'breach_explainer_bg.wasm.d.ts']);
  const flat = (code) => code.replaceAll("'./pkg/", "'./").replaceAll('"./pkg/', '"./');
  const queue = ['explainer.js', 'embed.js'];
  while (queue.length) {
    const path = queue.shift();
    const name = path.replace(/^pkg\//, '');
    if (files.has(name)) continue;
    files.add(name);
    const code = await readFile(join(www, path), 'utf8');
    await writeFile(join(npm, name), flat(code));
    for (const spec of localImports(code)) {
      const dep = spec.replace(/^\.\//, '');
      if (!/^(pkg\/)?[^/]+\.m?js$/.test(dep)) throw new Error(`npm package: ${path} imports ${spec}, which the package does not lay out`);
      queue.push(path.startsWith('pkg/') && !dep.startsWith('pkg/') ? `pkg/${dep}` : dep);
    }
  }
  // In the package, the default dataset travels inside default-dataset.js (a plain module every
  // bundler splits off and loads only when mount() is given no data).
  const dataFile = process.env.BX_DATA ?? join(root, 'data/coupang-2025.json');
  await writeFile(join(npm, 'default-dataset.js'), `export default ${JSON.stringify(JSON.parse(await readFile(dataFile, 'utf8')))};\n`);
  await copyFile(join(www, 'explainer.css'), join(npm, 'explainer.css'));
  await copyFile(join(root, 'README.md'), join(npm, 'README.md'));
  await writeFile(join(npm, 'explainer.d.ts'), explainerTypes);
  await writeFile(join(npm, 'embed.d.ts'), embedTypes);
  await writeFile(join(npm, 'dataset.d.ts'), await datasetTypes());
  for (const f of ['explainer.css', 'README.md', 'explainer.d.ts', 'embed.d.ts', 'dataset.d.ts']) files.add(f);

  const pkg = JSON.parse(await readFile(join(www, 'pkg/package.json'), 'utf8'));
  for (const key of ['module', 'main', 'types', 'files', 'sideEffects', 'exports']) delete pkg[key];
  Object.assign(pkg, {
    type: 'module',
    main: 'explainer.js',
    module: 'explainer.js',
    types: 'explainer.d.ts',
    exports: {
      '.': { types: './explainer.d.ts', default: './explainer.js' },
      './embed.js': { types: './embed.d.ts', default: './embed.js' },
      './embed': { types: './embed.d.ts', default: './embed.js' },
      './explainer.css': './explainer.css',
      './dataset': { types: './dataset.d.ts' },
      './wasm': { types: './breach_explainer.d.ts', default: './breach_explainer.js' },
      './breach_explainer_bg.wasm': './breach_explainer_bg.wasm',
      './package.json': './package.json',
    },
    files: [...files].sort(),
    // The stylesheet import and embed.js's self-start are the only side effects; the rest may be
    // tree-shaken. (webpack drops `import 'breach-explainer/explainer.css'` without *.css here.)
    sideEffects: ['*.css', './embed.js'],
  });
  await writeFile(join(npm, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return pkg;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pkg = await npmPackage();
  console.log(`npm package: dist/npm (${pkg.name}@${pkg.version})`);
}
