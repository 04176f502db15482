// The npm package built into dist/npm: a name, a version, its files and types, and a README,
// as `npm pack` would publish it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../dist/npm/', import.meta.url));

test('dist/npm is a publishable package with types', async () => {
  const pkg = JSON.parse(await readFile(`${dir}package.json`, 'utf8'));
  assert.equal(pkg.name, 'breach-explainer');
  assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
  assert.equal(pkg.types, 'explainer.d.ts');
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: dir, encoding: 'utf8' }));
  const files = packed.files.map((f) => f.path).sort();
  for (const f of ['README.md', 'breach_explainer_bg.wasm', 'breach_explainer.js', 'explainer.js', 'explainer.d.ts', 'embed.js', 'explainer.css', 'package.json']) {
    assert.ok(files.includes(f), `${f} is published (${files.join(', ')})`);
  }
  // The wrapper imports the wasm-bindgen glue next to it, not a path from the repository.
  assert.match(await readFile(`${dir}explainer.js`, 'utf8'), /from '\.\/breach_explainer\.js'/);
});
