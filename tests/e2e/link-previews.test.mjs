// End-to-end: the link previews a platform builds without running JavaScript (Slack, LinkedIn,
// Substack, dev.to): every page dist/ serves carries Open Graph and Twitter card tags read from
// its HTML as a crawler reads it, over HTTP, and each names a preview image that the server
// sends as a 1,200 × 630 PNG. Without a public address the build leaves out the tags that need
// one. Then Chromium opens a part's own address and shows the part.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir, launch, publishedCopy, repoRoot, serve, withPage } from './harness.mjs';

const PARTS = ['team', 'matrix', 'compare', 'check', 'situations', 'quiz', 'facts'];
/// Some crawlers read only the start of a page: Slack's, for one, the first 32 KB.
const CRAWLER_READS = 32 * 1024;
const shared = {};

/// The tags in a page's <head>, as a crawler reads them: property or name → content.
function previewTags(html) {
  const head = html.slice(0, html.indexOf('</head>'));
  const tags = new Map();
  for (const [, key, value] of head.matchAll(/<meta (?:property|name)="?([^"\s>]+)"? content="([^"]*)"/g)) {
    assert.ok(!tags.has(key), `${key} appears twice`);
    tags.set(key, value.replaceAll('&amp;', '&').replaceAll('&quot;', '"'));
  }
  const title = head.match(/<title>([^<]*)<\/title>/)?.[1];
  return { tags, title, headLength: head.length };
}

function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

before(async () => {
  shared.folder = await mkdtemp(join(tmpdir(), 'two-hats-previews-'));
  const dist = join(shared.folder, 'dist');
  shared.server = await serve([['/', dist]]);
  await publishedCopy(dist, shared.server.url);
  shared.browser = await launch();
});

after(async () => {
  await shared.browser?.close();
  await shared.server?.close();
  if (shared.folder) await rm(shared.folder, { recursive: true, force: true });
});

describe('link previews', () => {
  it('without a public address, carry the title and description but nothing that needs one', async () => {
    const { tags, title } = previewTags(await readFile(join(distDir, 'index.html'), 'utf8'));
    assert.equal(title, 'Two Hats: Tech Lead or Engineering Manager?');
    assert.equal(tags.get('og:title'), title);
    assert.equal(tags.get('og:type'), 'website');
    assert.match(tags.get('og:description'), /Tech Lead and an Engineering Manager/);
    assert.equal(tags.get('description'), tags.get('og:description'));
    for (const absent of ['og:url', 'og:image', 'og:image:alt', 'twitter:card']) assert.ok(!tags.has(absent), absent);
  });

  it('on every published page, name the page, its own words and its image, early in the page', async () => {
    const pages = [['all', ''], ...PARTS.map((part) => [part, `${part}/`])];
    const seen = { titles: new Set(), descriptions: new Set() };
    for (const [slug, path] of pages) {
      const response = await fetch(shared.server.url + path);
      assert.equal(response.status, 200, path);
      const { tags, title, headLength } = previewTags(await response.text());
      assert.ok(headLength < CRAWLER_READS, `${path}: the head ends at ${headLength} bytes`);
      assert.equal(tags.get('og:title'), title, path);
      assert.equal(tags.get('og:type'), 'website');
      assert.equal(tags.get('og:url'), shared.server.url + path);
      assert.equal(tags.get('twitter:card'), 'summary_large_image');
      assert.equal(tags.get('og:image'), `${shared.server.url}previews/${slug}.png`);
      assert.equal(tags.get('og:image:type'), 'image/png');
      assert.equal(tags.get('og:image:width'), '1200');
      assert.equal(tags.get('og:image:height'), '630');
      assert.ok(tags.get('og:image:alt').startsWith(`${slug === 'all' ? title : title.replace(/^Two Hats: /, '')} – `), tags.get('og:image:alt'));
      seen.titles.add(title);
      seen.descriptions.add(tags.get('og:description'));

      const image = await fetch(tags.get('og:image'));
      assert.equal(image.status, 200, tags.get('og:image'));
      assert.equal(image.headers.get('content-type'), 'image/png');
      const bytes = Buffer.from(await image.arrayBuffer());
      assert.deepEqual(pngSize(bytes), [1200, 630]);
      assert.ok(bytes.equals(await readFile(join(repoRoot, 'previews', `${slug}.png`))), `${slug}.png is the committed image`);
    }
    assert.equal(seen.titles.size, pages.length, 'each page has its own title');
    assert.equal(seen.descriptions.size, pages.length, 'each page has its own description');
  });

  it("the team part's image describes its zones in words", async () => {
    const { tags } = previewTags(await (await fetch(`${shared.server.url}team/`)).text());
    const alt = tags.get('og:image:alt');
    for (const zone of ['no source', 'one hybrid', 'TL + EM', 'several teams']) assert.ok(alt.includes(zone), `${zone} in ${alt}`);
  });

  it("a part's own address opens the widget showing that part", async () => {
    await withPage(shared.browser, `${shared.server.url}quiz/`, { waitFor: null }, async ({ page, problems }) => {
      await page.waitForURL((url) => url.search.includes('view=quiz'));
      await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
      assert.equal(await page.locator('#quiz-heading').count(), 1);
      assert.equal(await page.locator('table.matrix').count(), 0);
      assert.deepEqual(problems, []);
    });
  });
});
