// The release's content-named files: everything the page loads by a name written in the
// release sits in dist/assets/ under a name that carries a hash of its bytes, so a host may
// keep that folder a year (deploy/). The page refers to each by that name, and nothing a
// reader's or an embed's address must keep (index.html, embed.js) moved.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { distDir } from './harness.mjs';

/** 64-bit FNV-1a, as xtask/src/hashed_names.rs names files. */
function fnv1a(bytes) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

const assets = (await readdir(join(distDir, 'assets'))).filter((name) => !/\.(gz|br)$/.test(name));
const pair = [assets.find((name) => /^two-hats-[0-9a-f]{16}\.js$/.test(name)), assets.find((name) => name.startsWith('__wasm_split-'))].filter(Boolean);

describe('content-named files in dist/assets/', () => {
  it('are each named by the hash of their bytes', async () => {
    assert.ok(assets.length >= 10, assets.join(' '));
    for (const name of assets.filter((file) => !pair.includes(file))) {
      const [, hash] = name.match(/-([0-9a-f]{16})\.[a-z]+$/) ?? [];
      assert.ok(hash, `${name} carries no hash`);
      assert.equal(fnv1a(await readFile(join(distDir, 'assets', name))), hash, name);
    }
  });

  // The glue and the split's link module import each other, so one hash, of both as written
  // with each other's plain names, names both (xtask/src/hashed_names.rs).
  it('name the glue and the link module by one hash of both', async () => {
    assert.equal(pair.length, 2, assets.join(' '));
    const [glueName, linkName] = pair;
    const hash = glueName.match(/-([0-9a-f]{16})\.js$/)[1];
    assert.equal(linkName, `__wasm_split-${hash}.js`);
    // The glue imports the link module once per chunk.
    const glue = (await readFile(join(distDir, 'assets', glueName), 'utf8')).replaceAll(linkName, '__wasm_split.js');
    const link = (await readFile(join(distDir, 'assets', linkName), 'utf8')).replace(glueName, 'two-hats.js');
    assert.equal(fnv1a(Buffer.from(glue + link)), hash);
  });

  it('are what the page loads, and the only scripts and styles it names', async () => {
    const page = await readFile(join(distDir, 'index.html'), 'utf8');
    // boot.js names the app's files on its element and loads them when the page wants the app.
    const loaded = [...page.matchAll(/(?:src|href|data-start|data-glue|data-wasm)="?([^"\s>]+\.(?:js|css|wasm))/g)].map(([, path]) => path);
    assert.ok(loaded.length >= 12, loaded.join(' '));
    for (const file of ['start', 'two-hats', 'two-hats_bg']) {
      assert.ok(loaded.some((path) => path.startsWith(`assets/${file}-`)), `the page names ${file}`);
    }
    for (const path of loaded) {
      assert.match(path, /^assets\//);
      assert.ok(assets.includes(path.slice('assets/'.length)), `${path} is not in dist/assets/`);
    }
  });

  it('leave embed.js, the page and the translations where their addresses are', async () => {
    const root = await readdir(distDir);
    for (const name of ['index.html', 'embed.js', 'lang', 'previews', 'content-parser']) assert.ok(root.includes(name), name);
    assert.deepEqual(root.filter((name) => /\.(js|css|wasm)$/.test(name)), ['embed.js']);
  });
});
