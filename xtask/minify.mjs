// Minifies the release in place: its JavaScript with terser (the wasm-bindgen glue, the loader,
// the content loader and parser glue as ES modules, boot.js and embed.js as classic scripts
// whose globals stay as they are), its stylesheets with lightningcss. The readable sources stay
// in js/ and styles/.
//
//   node xtask/minify.mjs dist
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { transform } from 'lightningcss';
import { minify } from 'terser';

const CLASSIC_SCRIPTS = new Set(['boot.js', 'embed.js']);
const folder = process.argv[2];
if (!folder) {
  console.error('usage: node xtask/minify.mjs FOLDER');
  process.exit(2);
}

const files = (await readdir(folder, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath, entry.name));
for (const file of files.filter((name) => name.endsWith('.css'))) {
  const { code } = transform({ filename: file, code: await readFile(file), minify: true });
  await writeFile(file, code);
}
for (const file of files.filter((name) => name.endsWith('.js'))) {
  const module = !CLASSIC_SCRIPTS.has(basename(file));
  const { code } = await minify(await readFile(file, 'utf8'), { module, compress: true, mangle: true });
  await writeFile(file, code);
}
