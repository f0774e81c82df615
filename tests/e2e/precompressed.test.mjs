// The release's precompressed copies: every asset a host may serve precompressed has a .gz
// and a .br beside it that decode to exactly its bytes, so a host serving them never serves
// a stale or broken file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { assetPath, distDir } from './harness.mjs';

const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
const files = new Set(entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)));
const assets = [...files].filter((file) => ['.html', '.css', '.js', '.wasm', '.bin'].includes(extname(file)));

describe('precompressed copies in dist/', () => {
  it('sit beside the page, its wasm, scripts, styles and translations', async () => {
    const hashed = await Promise.all(['two-hats_bg.wasm', 'two-hats.js', 'base.css'].map(assetPath));
    for (const name of ['index.html', ...hashed, 'lang/de.bin']) {
      for (const suffix of ['.gz', '.br']) assert.ok(files.has(join(distDir, name + suffix)), `${name}${suffix}`);
    }
  });

  it('decode to exactly the file beside them', async () => {
    for (const file of assets) {
      const body = await readFile(file);
      if (files.has(`${file}.gz`)) assert.ok(gunzipSync(await readFile(`${file}.gz`)).equals(body), `${file}.gz`);
      if (files.has(`${file}.br`)) assert.ok(brotliDecompressSync(await readFile(`${file}.br`)).equals(body), `${file}.br`);
    }
  });
});
