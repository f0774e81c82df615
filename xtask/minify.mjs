// Minifies the release's JavaScript in place with terser: the wasm-bindgen glue, the loader,
// the content loader and parser glue as ES modules, boot.js and embed.js as classic scripts
// whose globals stay as they are. The readable sources stay in js/.
//
//   node xtask/minify.mjs dist
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { minify } from 'terser';

const CLASSIC_SCRIPTS = new Set(['boot.js', 'embed.js']);
const folder = process.argv[2];
if (!folder) {
  console.error('usage: node xtask/minify.mjs FOLDER');
  process.exit(2);
}

const scripts = (await readdir(folder, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
  .map((entry) => join(entry.parentPath, entry.name));
for (const file of scripts) {
  const module = !CLASSIC_SCRIPTS.has(basename(file));
  const { code } = await minify(await readFile(file, 'utf8'), { module, compress: true, mangle: true });
  await writeFile(file, code);
}
