// End-to-end: tiny real sites built with Debian's Hugo and Jekyll, each embedding the widget
// through the project's own shortcode (integrations/hugo) or include (integrations/jekyll), and
// a book built with mdBook (from crates.io) whose chapter holds the one-line embed as raw HTML,
// each served on an origin of its own beside dist/, and checked in Chromium: the post shows the
// part and state it asked for, in a frame as tall as its content.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { distDir, launch, repoRoot, serve, withPage } from './harness.mjs';

const run = promisify(execFile);
const shared = {};

const LAYOUT = (title, content) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title}</title><link rel="icon" href="data:,"></head>
<body><article><h1>${title}</h1>${content}</article></body></html>
`;

async function hugoSite(folder, widget) {
  const site = join(folder, 'hugo');
  await mkdir(join(site, 'layouts/_default'), { recursive: true });
  await mkdir(join(site, 'content/posts'), { recursive: true });
  await cp(join(repoRoot, 'integrations/hugo/layouts'), join(site, 'layouts'), { recursive: true });
  await writeFile(join(site, 'config.toml'), `baseURL = "/"
title = "A Hugo blog"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[params.twohats]
url = "${widget}"
`);
  await writeFile(join(site, 'layouts/_default/single.html'), LAYOUT('{{ .Title }}', '{{ .Content }}'));
  await writeFile(join(site, 'content/posts/seven.md'), `---
title: "A team of seven"
---
Who should lead a new team of seven?

{{< twohats team="7" new="1" view="team" >}}

That was the widget.
`);
  const out = join(folder, 'hugo-out');
  await run('hugo', ['--quiet', '--source', site, '--destination', out]);
  return { out, path: 'posts/seven/' };
}

async function jekyllSite(folder, widget) {
  const site = join(folder, 'jekyll');
  await mkdir(join(site, '_layouts'), { recursive: true });
  await mkdir(join(site, '_posts'), { recursive: true });
  await cp(join(repoRoot, 'integrations/jekyll/_includes'), join(site, '_includes'), { recursive: true });
  await writeFile(join(site, '_config.yml'), `title: A Jekyll blog\ntwohats_url: ${widget}\n`);
  await writeFile(join(site, '_layouts/default.html'), LAYOUT('{{ page.title }}', '{{ content }}'));
  await writeFile(join(site, '_posts/2026-11-26-seven.md'), `---
layout: default
title: A team of seven
---
Who should lead a new team of seven?

{% include twohats.html team=7 new=1 view="quiz,team" %}

That was the widget.
`);
  const out = join(folder, 'jekyll-out');
  await run('jekyll', ['build', '--quiet', '--source', site, '--destination', out]);
  return { out, path: '2026/11/26/seven.html' };
}

/// What docs/embedding.md tells an mdBook author to paste into a chapter.
async function mdBook(folder, widget) {
  const book = join(folder, 'mdbook');
  await mkdir(join(book, 'src'), { recursive: true });
  await writeFile(join(book, 'book.toml'), '[book]\ntitle = "A handbook"\n');
  await writeFile(join(book, 'src/SUMMARY.md'), '# Summary\n\n- [A team of seven](seven.md)\n');
  await writeFile(join(book, 'src/seven.md'), `# A team of seven

Who should lead a new team of seven?

<div data-twohats data-team="7" data-new="1" data-view="team,facts"></div>
<script src="${widget}embed.js" async></script>

That was the widget.
`);
  const out = join(folder, 'mdbook-out');
  await run('mdbook', ['build', book, '--dest-dir', out]);
  return { out, path: 'seven.html' };
}

before(async () => {
  shared.folder = await mkdtemp(join(tmpdir(), 'two-hats-static-sites-'));
  shared.widget = await serve([['/two-hats/', distDir]]);
  const widget = `${shared.widget.url}two-hats/`;
  shared.sites = {};
  for (const [name, build] of [['hugo', hugoSite], ['jekyll', jekyllSite], ['mdbook', mdBook]]) {
    const { out, path } = await build(shared.folder, widget);
    const server = await serve([['/', out]]);
    shared.sites[name] = { server, post: `${server.url}${path}` };
  }
  shared.browser = await launch();
});

after(async () => {
  await shared.browser?.close();
  for (const { server } of Object.values(shared.sites ?? {})) await server.close();
  await shared.widget?.close();
  await rm(shared.folder, { recursive: true, force: true });
});

function widgetInPost(name, expectedParts) {
  const options = { width: 900, height: 900, origins: [new URL(shared.widget.url).origin], waitFor: null };
  return withPage(shared.browser, shared.sites[name].post, options, async ({ page, problems }) => {
    const iframe = page.locator('iframe[data-twohats]');
    await iframe.scrollIntoViewIfNeeded();
    const src = new URL(await iframe.getAttribute('src'));
    assert.equal(src.origin, new URL(shared.widget.url).origin, 'the widget comes from its own origin');
    const frame = page.frameLocator('iframe[data-twohats]');
    // The state the frame asks for: its query, or the state its drawn page arrives in.
    const asked = src.search ? src.searchParams : new URLSearchParams(await frame.locator('html').getAttribute('data-drawn'));
    assert.equal(asked.get('team'), '7');
    assert.equal(asked.get('new'), '1');
    assert.equal(asked.get('embed'), '1');
    // Shown: at once when it arrived drawn, else once the app has drawn the state.
    await frame.locator('html:not(.twohats-pending)').waitFor({ state: 'attached' });
    assert.match(await frame.locator('.recommendation__setup').innerText(), /^7 engineers/);
    const root = frame.locator('html');
    const shown = await root.evaluate(() => [...document.querySelectorAll('main.layout > :not(.layout__later), .layout__later > *')].map((part) => part.className.split(' ')[0]));
    assert.deepEqual(shown, expectedParts);
    // The frame reports its content's height on every change: the wait is for embed.js to apply it.
    const content = await root.evaluate((html) => html.getBoundingClientRect().height);
    await page.waitForFunction(
      (content) => Math.abs(document.querySelector('iframe[data-twohats]').getBoundingClientRect().height - content) <= 2,
      content,
      { timeout: 10000 },
    ).catch(async () => assert.fail(`${name}: frame ${await iframe.evaluate((element) => element.getBoundingClientRect().height)} px, content ${content} px`));
    assert.deepEqual(problems, []);
  });
}

describe('static-site generators', () => {
  it('Hugo: the shortcode embeds the asked part and state, sized to its content', async () => {
    await widgetInPost('hugo', ['layout__sizing']);
  });

  it('Jekyll: the include embeds the asked parts and state, sized to their content', async () => {
    await widgetInPost('jekyll', ['layout__sizing', 'quiz']);
  });

  it('mdBook: the one-line embed in a chapter shows the asked parts and state, sized to their content', async () => {
    await widgetInPost('mdbook', ['layout__sizing', 'key-facts']);
  });

  it('Hugo: an unknown argument stops the build and names itself', async () => {
    const site = join(shared.folder, 'hugo');
    await writeFile(join(site, 'content/posts/typo.md'), '---\ntitle: "Typo"\n---\n{{< twohats teem="7" >}}\n');
    await assert.rejects(
      run('hugo', ['--source', site, '--destination', join(shared.folder, 'hugo-typo')]),
      (error) => /twohats: unknown argument "teem"; it takes view, team,/.test(error.stdout + error.stderr),
    );
    await rm(join(site, 'content/posts/typo.md'));
  });
});
