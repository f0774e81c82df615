// Writes a gzip (-9) and a brotli (quality 11) copy beside each text or wasm file in a folder,
// for hosts that serve precompressed files (nginx's gzip_static and brotli_static, Caddy's
// precompressed, Netlify). A copy that would not be smaller is not written.
//
//   node xtask/precompress.mjs dist
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.wasm', '.bin', '.json']);
const folder = process.argv[2];
if (!folder) {
  console.error('usage: node xtask/precompress.mjs FOLDER');
  process.exit(2);
}

const files = (await readdir(folder, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile() && COMPRESSIBLE.has(extname(entry.name)))
  .map((entry) => join(entry.parentPath, entry.name));
for (const file of files) {
  const body = await readFile(file);
  const copies = [
    ['.gz', gzipSync(body, { level: 9 })],
    ['.br', brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })],
  ];
  for (const [suffix, compressed] of copies) {
    if (compressed.length < body.length) await writeFile(file + suffix, compressed);
  }
}
