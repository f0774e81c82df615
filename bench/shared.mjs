// What bench/bench.mjs and bench/addresses.mjs share: the options, a gzip server, the static
// baseline of a page, the plain-JavaScript slider, statistics and tables.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const outDir = join(repoRoot, 'target/bench');

/** `--name value` from the command line, or `fallback`. */
export function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = process.argv[at + 1];
  return typeof fallback === 'number' ? Number(value) : value;
}

/** The release measured: `--dist FOLDER`, else TWOHATS_DIST (as the e2e harness reads it), else dist/. */
export const distDir = resolve(option('dist', process.env.TWOHATS_DIST ?? join(repoRoot, 'dist')));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
};

/**
 * Serves `root` with every response gzip-compressed, as a production host would, on a free
 * port of `host` (any of 127.0.0.0/8 is loopback). `pages` maps a path with its query
 * (`/`, `/?team=12`, `/post.html`) to a body served in place of any file; `headers` go on
 * every response. Resolves to { url, close }.
 */
export function serveGzipped(root, { headers = {}, pages = new Map(), host = '127.0.0.1' } = {}) {
  const cache = new Map();
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    const page = pages.get(`${path}${url.search}`);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const key = page === undefined ? file : `page:${path}${url.search}`;
    try {
      if (page === undefined && !file.startsWith(root)) throw new Error('outside');
      if (!cache.has(key)) cache.set(key, gzipSync(page ?? await readFile(file), { level: 9 }));
      response.writeHead(200, {
        'content-type': types[extname(page === undefined ? file : path)] ?? (page === undefined ? 'application/octet-stream' : types['.html']),
        'content-encoding': 'gzip',
        'cache-control': 'no-store',
        ...headers,
      });
      response.end(cache.get(key));
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, host, () => done({
    url: `http://${host}:${server.address().port}/`,
    close: () => new Promise((closed) => { server.closeAllConnections?.(); server.close(closed); }),
  })));
}

/** A page of the widget as plain HTML: the same markup and CSS, no script of any kind, and
 *  never hidden (boot.js's `twohats-pending` needs a script to lift it). */
export function staticPage(html) {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\brel="?(modulepreload|preload)\b[^>]*>/g, '')
    .replace(/(<html\b[^>]*\bclass="[^"]*)\btwohats-pending\b/, '$1');
}

/** A folder for static pages of `dist`: its stylesheets, and its index.html as `staticPage`. */
export async function writeBaseline(dist, folder) {
  await rm(folder, { recursive: true, force: true });
  await mkdir(join(folder, 'assets'), { recursive: true });
  await writeFile(join(folder, 'index.html'), staticPage(await readFile(join(dist, 'index.html'), 'utf8')));
  for (const name of await readdir(join(dist, 'assets'))) {
    if (name.endsWith('.css')) await copyFile(join(dist, 'assets', name), join(folder, 'assets', name));
  }
}

const sizes = new Map();
/** A file of `dist` with its size raw, gzip and brotli (kept for the run). */
export async function sizeOf(dist, name) {
  const file = join(dist, name);
  if (!sizes.has(file)) {
    sizes.set(file, readFile(file).then((body) => ({
      name,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
    })));
  }
  return sizes.get(file);
}

/** Every file of `dist` but the precompressed copies, with its size raw, gzip and brotli. */
export async function distFileSizes(dist) {
  const names = (await readdir(dist, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && !/\.(gz|br)$/.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dist.length + 1))
    .sort();
  const found = [];
  for (const name of names) found.push(await sizeOf(dist, name));
  return found;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export const kb = (bytes) => (bytes == null ? 'n/a' : (bytes / 1024).toFixed(1));
/** Milliseconds, to a tenth; below 10, to a hundredth: a slider move takes tenths. */
export const ms = (value) => (value == null ? 'n/a' : value.toFixed(value < 10 ? 2 : 1));
/** A folder as the reports name it: relative to the repository inside it, else absolute. */
export const folderName = (folder) => {
  const inside = relative(repoRoot, folder);
  return inside === '' ? '.' : inside.startsWith('..') ? folder : inside;
};
/** The release measured, as the reports name it: dist/ as `cargo xtask bench` has just built
 *  it from the working tree, or another folder by its name. */
export function releaseName(folder) {
  if (folder !== join(repoRoot, 'dist')) return `the release in \`${folderName(folder)}\``;
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  })();
  return `the release in \`dist\`${commit ? `, built from the working tree at \`${commit}\`` : ''}`;
}
export const ratio = (a, b) => (a == null || !b ? 'n/a' : `${(a / b).toFixed(2)}×`);
export const met = (value) => (value == null ? '' : value ? 'yes' : 'NO');

/** Rows of cells as aligned plain-text lines. */
export function textTable(header, rows) {
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => String(row[column]).length)));
  return table.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ').trimEnd());
}

/** Rows of cells as a Markdown table. */
export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.map((cell) => String(cell === '' ? ' ' : cell).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Turns a static page into the plain-JavaScript version of the slider, in `target` (a page or
 * a frame): the page's `main` is first made exactly the widget's at `start`, then each move
 * in `moves` applies precomputed writes (text, attributes, or a list's new contents where its
 * length changed) to reach the widget's `main` in `states`: the least any handler could do to
 * reach the same DOM.
 */
export function installPlainSlider(target, states, start, moves) {
  return target.evaluate(([states, start, moves]) => {
    const parse = (html) => {
      const template = document.createElement('template');
      template.innerHTML = html;
      return template.content.firstElementChild;
    };
    const diff = (a, b, path, writes) => {
      if (a.nodeType !== Node.ELEMENT_NODE) {
        if (a.data !== b.data) writes.push(['text', path, b.data]);
        return;
      }
      for (const { name, value } of b.attributes) if (a.getAttribute(name) !== value) writes.push(['set', path, name, value]);
      for (const { name } of a.attributes) if (!b.hasAttribute(name)) writes.push(['remove', path, name]);
      const alike = a.childNodes.length === b.childNodes.length
        && [...a.childNodes].every((child, index) => child.nodeName === b.childNodes[index].nodeName);
      if (!alike) writes.push(['html', path, b.innerHTML]);
      else a.childNodes.forEach((child, index) => diff(child, b.childNodes[index], [...path, index], writes));
    };
    document.querySelector('main').replaceWith(parse(states[start]));
    const trees = Object.fromEntries(Object.entries(states).map(([value, html]) => [value, parse(html)]));
    const writes = {};
    for (const [from, to] of moves) {
      writes[`${from}>${to}`] = [];
      diff(trees[from], trees[to], [], writes[`${from}>${to}`]);
    }
    const slider = document.querySelector('#team-size');
    let current = start;
    slider.addEventListener('input', () => {
      const root = document.querySelector('main');
      for (const [kind, path, ...rest] of writes[`${current}>${slider.value}`] ?? []) {
        const node = path.reduce((parent, index) => parent.childNodes[index], root);
        if (kind === 'text') node.data = rest[0];
        else if (kind === 'set') node.setAttribute(rest[0], rest[1]);
        else if (kind === 'remove') node.removeAttribute(rest[0]);
        else node.innerHTML = rest[0];
      }
      current = slider.value;
    });
  }, [states, start, moves]);
}
