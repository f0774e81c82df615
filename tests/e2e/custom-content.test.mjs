// End-to-end: a page that names its own content file with ?content=, served under the strict
// Content-Security-Policy. Good files replace the built-in content; anything else leaves the
// built-in content in place under a calm panel that says why.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, contentRowCount, distDir, POLICY, repoRoot, useServerAndBrowser, withPage } from './harness.mjs';

const files = await mkdtemp(join(tmpdir(), 'two-hats-content-'));
const shipped = await readFile(join(repoRoot, 'content/two-hats.toml'), 'utf8');
await copyFile(join(repoRoot, 'examples/acme-content.toml'), join(files, 'acme.toml'));
await writeFile(join(files, 'hostile.toml'), shipped.replace('name = "One-on-ones"', 'name = "<em>Pager</em> duty <script>window.pwned = 1</script>"'));
await writeFile(join(files, 'broken.toml'), shipped.replace('id = "spikes"', 'id = "code-reviews"').replaceAll('tl = "shares"', 'tl = "sharez"'));
// A file written before the interface's words moved into content files: no [language], no [ui].
await writeFile(join(files, 'wordless.toml'), shipped.slice(0, shipped.indexOf('\n[language]')).replace('name = "One-on-ones"', 'name = "Weekly one-to-ones"'));
await writeFile(join(files, 'huge.toml'), `# ${'x'.repeat(300 * 1024)}\n`);
await writeFile(join(files, 'binary.toml'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));

const shared = useServerAndBrowser([['/custom/', files], ['/', distDir]], { 'content-security-policy': POLICY });

/** Opens the page with `query`, runs `use` once the app is ready, then checks that the page
 *  logged nothing but problems naming one of `allowedProblems`. */
function openWith(query, allowedProblems, use) {
  return withPage(shared.browser, `${shared.server.url}?${query}`, { waitFor: null }, async ({ page, problems }) => {
    await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
    await use({ page });
    assert.deepEqual(problems.filter((problem) => !allowedProblems.some((allowed) => problem.includes(allowed))), []);
  });
}

const panel = (page) => page.locator('.content-problem');

describe('an author\'s own content file', () => {
  it('replaces the built-in content and keeps the other parameters', async () => {
    await openWith('content=custom/acme.toml&team=12', [], async ({ page }) => {
      assert.equal(await panel(page).count(), 0);
      assert.equal(await page.locator('tr.duty').count(), (await contentRowCount()) + 1);
      assert.ok(await page.locator('.duty__toggle', { hasText: 'On-call rota' }).isVisible());
      assert.match(await page.locator('.sources__list').innerText(), /Acme engineering handbook/);
      assert.equal(await page.locator('nav.languages').count(), 0, 'the translations are of the built-in content, not this file');
      assert.match(await page.locator('.recommendation__setup').innerText(), /^12 engineers/);
      await page.getByLabel('TL & EM').check();
      assert.equal(new URL(page.url()).search, '?team=12&roles=tl,em&content=custom/acme.toml');
    });
  });

  it('keeps the built-in interface words for a file that gives none', async () => {
    await openWith('content=custom/wordless.toml&team=12', [], async ({ page }) => {
      assert.equal(await panel(page).count(), 0);
      assert.ok(await page.locator('.duty__toggle', { hasText: 'Weekly one-to-ones' }).isVisible());
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(await page.locator('#team-size-heading').innerText(), 'How big is the team?');
      assert.match(await page.locator('.recommendation__setup').innerText(), /^12 engineers/);
    });
  });

  it('shows HTML and script in the file as text, and runs none of it', async () => {
    await openWith('content=custom/hostile.toml', [], async ({ page }) => {
      const row = page.locator('.duty__toggle', { hasText: 'Pager' });
      assert.equal(await row.innerText(), '<em>Pager</em> duty <script>window.pwned = 1</script>');
      assert.equal(await row.locator('em, script').count(), 0);
      assert.equal(await page.evaluate(() => window.pwned), undefined);
    });
  });

  for (const [name, query, expected, allowed] of [
    ['a broken file', 'content=custom/broken.toml', /line 182: responsibilities\[id = "code-reviews"\]\.id: is used twice\nline \d+: responsibilities\[id = "[a-z-]+"\]\.tl: unknown level "sharez"[\s\S]*… and \d+ more/, []],
    ['a file from another site', 'content=https://example.org/two-hats.toml', /must come from this site, not from https:\/\/example\.org/, []],
    ['a missing file', 'content=custom/missing.toml', /could not be loaded \(HTTP 404\)/, ['HTTP 404', 'status of 404']],
    ['a file over the size limit', 'content=custom/huge.toml', /content file: is 307203 bytes; the limit is 262144/, []],
    ['a file that is not text', 'content=custom/binary.toml', /line 1: content file: is not valid UTF-8 at byte 2/, []],
  ]) {
    it(`refuses ${name} politely and keeps the built-in content`, async () => {
      await openWith(query, allowed, async ({ page }) => {
        assert.match(await panel(page).innerText(), expected);
        assert.match(await panel(page).innerText(), /built-in content/);
        assert.equal(await page.locator('tr.duty').count(), await contentRowCount());
        assert.deepEqual(await axeViolations(page), [], 'the panel is accessible too');
      });
    });
  }
});
