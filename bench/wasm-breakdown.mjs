// Where the wasm's bytes go, by the Rust module they come from. Reads a build of the same code
// with its function names kept (`cargo xtask bench` makes one: symbol-mangling v0, wasm-bindgen
// --keep-debug, wasm-opt -Oz --debuginfo), whose code matches the shipped wasm's to within a
// fraction of a percent, and groups each function body's size by the first of the project's
// modules its name mentions: a Yew generic instantiated for a component counts for the component.
// bench/bench.mjs prints it.

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at];
    at += 1;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function sections(bytes) {
  const found = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    found.push({ id, start, end: start + size, size: start + size - at });
    at = start + size;
  }
  return found;
}

function customName(bytes, section) {
  const [length, at] = leb(bytes, section.start);
  return [new TextDecoder().decode(bytes.subarray(at, at + length)), at + length];
}

/** How many functions the module imports: they come first in the function index space. */
function importedFunctions(bytes, section) {
  let [count, at] = leb(bytes, section.start);
  let functions = 0;
  for (let i = 0; i < count; i += 1) {
    for (let name = 0; name < 2; name += 1) {
      const [length, next] = leb(bytes, at);
      at = next + length;
    }
    const kind = bytes[at];
    at += 1;
    if (kind === 0) { functions += 1; [, at] = leb(bytes, at); }
    else if (kind === 1) { at += 1; const flags = bytes[at]; [, at] = leb(bytes, at + 1); if (flags & 1) [, at] = leb(bytes, at); }
    else if (kind === 2) { const flags = bytes[at]; [, at] = leb(bytes, at + 1); if (flags & 1) [, at] = leb(bytes, at); }
    else if (kind === 3) at += 2;
    else if (kind === 4) { at += 1; [, at] = leb(bytes, at); }
  }
  return functions;
}

function functionNames(bytes, section, nameStart) {
  const names = new Map();
  let at = nameStart;
  while (at < section.end) {
    const kind = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    if (kind === 1) {
      let [count, cursor] = leb(bytes, start);
      for (let i = 0; i < count; i += 1) {
        const [index, afterIndex] = leb(bytes, cursor);
        const [length, text] = leb(bytes, afterIndex);
        names.set(index, new TextDecoder().decode(bytes.subarray(text, text + length)));
        cursor = text + length;
      }
    }
    at = start + size;
  }
  return names;
}

const GROUPS = [
  [/two_hats::components::([a-z_]+)/, (match) => `components::${match[1]}`],
  [/two_hats::core::([a-z_]+)/, (match) => `core::${match[1]}`],
  [/two_hats::(browser|main)\b/, () => 'browser.rs, main.rs'],
  [/two_hats::/, () => 'App (lib.rs)'],
  [/\byew::/, () => 'Yew'],
  [/\b(implicit_clone|indexmap)::/, () => 'Yew'],
  [/\b(wasm_bindgen|js_sys|web_sys|gloo\w*|wasm_bindgen_futures)::|__wbindgen|__externref/, () => 'wasm-bindgen, web-sys, js-sys, gloo'],
  [/\bcore::fmt|alloc::fmt|as core::fmt::|<char>::escape|core::unicode|core::num::(flt2dec|fmt)/, () => 'formatting (core::fmt)'],
  [/\btalc::/, () => 'allocator (talc)'],
];

export function breakdown(bytes) {
  const all = sections(bytes);
  const imports = all.find((section) => section.id === 2);
  const code = all.find((section) => section.id === 10);
  const data = all.find((section) => section.id === 11);
  const nameSection = all.find((section) => section.id === 0 && customName(bytes, section)[0] === 'name');
  if (!code || !nameSection) throw new Error('no code or name section: build with names kept');
  const names = functionNames(bytes, nameSection, customName(bytes, nameSection)[1]);
  const firstDefined = imports ? importedFunctions(bytes, imports) : 0;
  const totals = new Map();
  const add = (group, size) => totals.set(group, (totals.get(group) ?? 0) + size);
  let [count, at] = leb(bytes, code.start);
  for (let i = 0; i < count; i += 1) {
    const [size, body] = leb(bytes, at);
    // v0 names carry each crate's disambiguator: `two_hats[c18af77d8ab31d65]::browser`.
    const name = (names.get(firstDefined + i) ?? '').replace(/\[[0-9a-f]{16}\]/g, '');
    const group = GROUPS.find(([pattern]) => pattern.test(name));
    add(group ? group[1](name.match(group[0])) : 'std, core, alloc', body + size - at);
    at = body + size;
  }
  add('data: the words, strings and tables', data?.size ?? 0);
  const counted = [...totals.values()].reduce((sum, size) => sum + size, 0);
  const shipped = all.filter((section) => section.id !== 0).reduce((sum, section) => sum + section.size, 0);
  add('headers: types, imports, exports, tables', shipped + 8 - counted);
  return { total: shipped + 8, groups: [...totals].sort((a, b) => b[1] - a[1]) };
}
