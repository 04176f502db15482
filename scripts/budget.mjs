// The size budget: what the build measured (target/sizes.json, written by scripts/package.mjs)
// held against size-budget.json, whose entries may only go down (each budget at most the one
// before it), and the largest functions of the reader's wasm, by name (from the build's copy
// before wasm-opt, which keeps the names: the sizes rank rather than add up).
//
//   node scripts/budget.mjs      # after scripts/build; prints "budget: N passed, M failed"
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { history } = JSON.parse(readFileSync(`${root}size-budget.json`, 'utf8'));
const sizes = JSON.parse(readFileSync(`${root}target/sizes.json`, 'utf8'));
const budget = history.at(-1);
let passed = 0;
let failed = 0;
const check = (ok, line) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
  if (ok) passed++;
  else failed++;
};

// Only down: every entry at most the one before it, for every measure they both name, unless
// the entry says under "raised" which decision raised that measure (printed, so it is seen).
const rising = [];
for (let i = 1; i < history.length; i++) {
  for (const [what, bytes] of Object.entries(history[i])) {
    if (typeof bytes === 'number' && typeof history[i - 1][what] === 'number' && bytes > history[i - 1][what]) {
      const why = history[i].raised?.[what];
      if (typeof why === 'string' && why.length > 20) console.log(`     raised on ${history[i].date}: ${what} ${history[i - 1][what]} → ${bytes}: ${why}`);
      else rising.push(`${what}: ${history[i - 1][what]} → ${bytes} on ${history[i].date}`);
    }
  }
}
check(rising.length === 0, `the budget only goes down${rising.length ? ` (raised: ${rising.join('; ')})` : ''}`);

for (const [what, limit] of Object.entries(budget)) {
  if (typeof limit !== 'number') continue;
  const now = sizes[what];
  check(typeof now === 'number' && now <= limit, `${what}: ${now} B of ${limit} B`);
  if (now < limit - 1024) console.log(`     ${limit - now} B under: lower the budget to ${now} in a new entry`);
}

// The largest functions of the reader's wasm, read from its code and name sections.
const named = `${root}target/build-stamps/names-www_pkg.wasm`;
if (existsSync(named)) {
  const funcs = functionSizes(readFileSync(named));
  // Rust's mangled names, shortened to their path without the hash.
  const readable = (n) => n.replace(/^_ZN/, '').replace(/17h[0-9a-f]{16}E$/, '').replace(/\d+([A-Za-z_$][\w$.]*)/g, '$1::').replace(/::$/, '');
  // Code no reader needs, which one stray call links back in: float formatting (11 KB, from
  // any `{}` of an f64, or `f64::clamp`'s panic message) and Unicode case tables (4 KB).
  for (const [what, pattern] of [['float formatting (core::num::flt2dec)', /flt2dec/], ['Unicode case tables (to_lowercase/to_uppercase)', /conversions\d*to_(lower|upper)/]]) {
    const found = funcs.filter(([, n]) => pattern.test(n));
    check(found.length === 0, `no ${what} in the reader's wasm${found.length ? ` (${found.length} functions, ${found.reduce((s, [b]) => s + b, 0)} B)` : ''}`);
  }
  funcs.sort((a, b) => b[0] - a[0]);
  console.log(`largest functions of the reader's wasm (of ${funcs.length}, bytes before wasm-opt):`);
  for (const [bytes, n] of funcs.slice(0, Number(process.env.TOP ?? 15))) console.log(`  ${String(bytes).padStart(7)}  ${readable(n).slice(0, 110)}`);
}

/** [body bytes, name] of every function a wasm module defines. */
function functionSizes(bytes) {
  let at = 8; // magic and version
  const leb = () => {
    let n = 0;
    let shift = 0;
    let b;
    do {
      b = bytes[at++];
      n += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return n;
  };
  const str = () => {
    const len = leb();
    const s = bytes.subarray(at, at + len).toString('utf8');
    at += len;
    return s;
  };
  let imported = 0;
  const sizes = [];
  const names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) { // imports: count the functions among them
      for (let n = leb(); n > 0; n--) {
        str();
        str();
        const kind = bytes[at++];
        if (kind === 0) { imported++; leb(); } else if (kind === 1) { at++; const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { at += 2; } else { at++; leb(); }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const body = leb();
        sizes.push(body);
        at += body;
      }
    } else if (id === 0 && str() === 'name') {
      while (at < end) {
        const sub = bytes[at++];
        const len = leb();
        const subEnd = at + len;
        if (sub === 1) for (let n = leb(); n > 0; n--) { const i = leb(); names.set(i, str()); }
        at = subEnd;
      }
    }
    at = end;
  }
  return sizes.map((bytes, i) => [bytes, names.get(imported + i) ?? `function ${imported + i}`]);
}

console.log(`budget: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
