// End-to-end: the widget in the frame WordPress gives an embed from a site it does not know:
// `sandbox="allow-scripts"` on another origin (an opaque origin: every file is a cross-origin
// load, no storage), kept clipped out of sight until the first height message, and sized by
// WordPress's own wp-embed.js. With `Access-Control-Allow-Origin: *` on dist/ the app runs;
// without it the prerendered page still shows, styled and sized, and says what is missing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distDir, launch, serve, sizedByWordPress, withPage } from './harness.mjs';

const WP_EMBED = '/usr/share/wordpress/wp-includes/js/wp-embed.js';
const SECRET = 'Tw0HatsS3c';
/* Playwright polls a condition once per animation frame by default, and a cross-origin frame the
   host keeps hidden gets none: poll on a timer there. */
const FRAME_POLLING = { polling: 100 };

const shared = {};
before(async () => {
  shared.folder = await mkdtemp(join(tmpdir(), 'two-hats-wordpress-host-'));
  await copyFile(WP_EMBED, join(shared.folder, 'wp-embed.js'));
  shared.open = await serve([['/', distDir]], { 'access-control-allow-origin': '*' });
  shared.closed = await serve([['/', distDir]]);
  shared.host = await serve([['/', shared.folder]]);
  shared.browser = await launch();
});
after(async () => {
  await shared.browser?.close();
  for (const server of [shared.open, shared.closed, shared.host]) await server?.close();
  await rm(shared.folder, { recursive: true, force: true });
});

/** A post as WordPress 6.1 renders an embed of an unknown site (wp_filter_oembed_result):
 *  the fallback link, then the sandboxed frame, clipped away until it reports a height. */
async function post(widget, query) {
  const name = `post-${Math.random().toString(36).slice(2)}.html`;
  await writeFile(join(shared.folder, name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>A post</title><link rel="icon" href="data:,"></head><body><article><h1>Seven engineers</h1>
    <blockquote class="wp-embedded-content" data-secret="${SECRET}"><a href="${widget}${query}">Two Hats</a></blockquote>
    <iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" class="wp-embedded-content" sandbox="allow-scripts"
      security="restricted" src="${widget}${query}#?secret=${SECRET}" data-secret="${SECRET}" width="600" height="338"
      title="Two Hats" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>
    <p>After the embed.</p></article><script src="wp-embed.js"></script></body></html>`);
  return `${shared.host.url}${name}`;
}

/** Opens a post embedding `widget` with `query`, and runs `use` once WordPress shows the frame,
 *  with the frame and the page's uncaught errors. */
async function openPost(widget, query, options, use) {
  const setUp = async (page) => {
    await page.addInitScript(() => {
      window.__heights = [];
      addEventListener('message', (event) => { if (event.data?.message === 'height') window.__heights.push(event.data.value); });
    });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { errors };
  };
  const opening = { width: 800, height: 900, ...options, origins: [new URL(widget).origin], waitFor: null, setUp };
  return withPage(shared.browser, await post(widget, query), opening, async (opened) => {
    await opened.page.waitForFunction(() => !document.querySelector('iframe.wp-embedded-content').hasAttribute('style'));
    const frame = opened.page.frames().find((candidate) => candidate.url().startsWith(widget));
    return use({ ...opened, frame });
  });
}

const styled = (frame) => frame.evaluate(() => getComputedStyle(document.querySelector('.recommendation')).borderLeftWidth);
/** The console says, once, which header the host must add; the rest is the browser's own
 *  refusals of the cross-origin loads. */
function saysWhatToAdd(problems) {
  const said = problems.filter((problem) => problem.includes('Two Hats'));
  assert.equal(said.length, 1, problems.join('\n'));
  assert.match(said[0], /Access-Control-Allow-Origin: \*/);
  const others = problems.filter((problem) => !problem.includes('Two Hats'));
  assert.ok(others.every((problem) => /CORS|Failed to load resource/.test(problem)), others.join('\n'));
}
const visible = (frame) => frame.evaluate(() => getComputedStyle(document.querySelector('#two-hats')).visibility);

describe('in a sandboxed frame, as WordPress embeds it', () => {
  it('loads the later parts\' chunk in the hidden frame when its state is on them', async () => {
    await openPost(shared.open.url, '?view=team,matrix&roles=tl,em&embed=1', {}, async ({ page, frame, problems, errors }) => {
      await frame.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
      // Asked for while the frame was clipped out of sight, where nothing is painted.
      assert.equal(await frame.locator('.layout__later > [aria-busy]').count(), 0);
      assert.equal(await frame.locator('.matrix__role abbr').allInnerTexts().then((roles) => roles.join()), 'TL,EM');
      await sizedByWordPress(page, frame);
      assert.deepEqual(problems, []);
      assert.deepEqual(errors, []);
    });
  });

  it('runs the app when dist/ sends Access-Control-Allow-Origin: *', async () => {
    await openPost(shared.open.url, '?view=team&team=7&embed=1', {}, async ({ page, frame, problems, errors }) => {
      await frame.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
      assert.equal(await frame.evaluate(() => self.origin), 'null', 'an opaque origin');
      assert.equal(await styled(frame), '6px');
      assert.equal(await visible(frame), 'visible');
      assert.equal(await frame.locator('.responsibilities').count(), 0, 'the part asked for');
      const height = await sizedByWordPress(page, frame);
      assert.ok(height < 1000, `${height} px`);
      // The app started inside the hidden frame: the first height WordPress heard was already
      // the part's, not the whole prerendered page's shown by the fallback.
      const [first] = await page.evaluate(() => window.__heights);
      assert.ok(first < 1000, `first height message: ${first} px`);
      await frame.locator('#team-size').focus();
      await page.keyboard.press('End');
      await frame.waitForFunction(() => document.querySelector('.recommendation__setup').textContent.startsWith('50 engineers'), undefined, FRAME_POLLING);
      await frame.locator('.team-size__modifiers input').first().check();
      await sizedByWordPress(page, frame);
      assert.deepEqual(problems, []);
      assert.deepEqual(errors, [], 'no SecurityError from history or anything else');
      // The sandbox opens no tab: "Open full page" asks WordPress to follow the link instead.
      await frame.locator('.masthead__full-page').click();
      await page.waitForURL((url) => url.href.startsWith(shared.open.url));
      assert.match(page.url(), /\?team=50&new=1&view=team$/);
    });
  });

  it('runs the team check in the frame, its answers in the fragment beside WordPress\'s secret', async () => {
    await openPost(shared.open.url, 'embed/check/#size=14&lead=one', {}, async ({ page, frame, problems, errors }) => {
      await frame.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
      await frame.waitForFunction(() => document.querySelector('.team-check:not([aria-busy]) [data-finding="split-now"]'), undefined, FRAME_POLLING);
      await sizedByWordPress(page, frame);
      await frame.locator('[data-finding="split-now"] button').click();
      await frame.waitForFunction(() => !document.querySelector('[data-finding]'), undefined, FRAME_POLLING);
      assert.equal(await frame.evaluate(() => location.hash), `#size=14#?secret=${SECRET}`);
      // The secret still reaches WordPress with the new height.
      await sizedByWordPress(page, frame);
      assert.deepEqual(problems, []);
      assert.deepEqual(errors, []);
    });
  });

  it('loads a translation in the sandboxed frame', async () => {
    await openPost(shared.open.url, '?view=team&embed=1&lang=de', {}, async ({ page, frame, problems, errors }) => {
      await frame.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'de');
      assert.match(await frame.locator('#team-size-heading').innerText(), /Team/);
      assert.notEqual(await frame.locator('#team-size-heading').innerText(), 'How big is the team?');
      await sizedByWordPress(page, frame);
      assert.deepEqual(problems, []);
      assert.deepEqual(errors, []);
    });
  });

  it('without the header, shows a link with state no other state: it says the app could not start, sized, and what to add', async () => {
    await openPost(shared.closed.url, '?view=team&team=7&embed=1', {}, async ({ page, frame, problems, errors }) => {
      await frame.waitForSelector('html.twohats-unstarted', { state: 'attached' });
      assert.equal(await frame.locator('.unstarted-note').isVisible(), true, 'the note shows');
      assert.equal(await frame.locator('#two-hats').isVisible(), false, 'the default state, which the link did not ask for, does not');
      assert.match(await frame.locator('.unstarted-note').innerText(), /could not start/);
      await sizedByWordPress(page, frame);
      saysWhatToAdd(problems);
      assert.deepEqual(errors, []);
    });
  });

  for (const [who, query, options] of [
    ['a drawn embed', 'embed/team/', {}],
    ['a German reader', 'embed/team/', { locale: 'de-DE' }],
  ]) {
    it(`without the header, shows ${who} the page as drawn, styled, sized, and says what to add`, async () => {
      await openPost(shared.closed.url, query, options, async ({ page, frame, problems, errors }) => {
        assert.equal(await styled(frame), '6px', 'styled without CORS');
        await frame.waitForFunction(() => getComputedStyle(document.querySelector('#two-hats')).visibility === 'visible', undefined, FRAME_POLLING);
        assert.equal(await frame.evaluate(() => document.documentElement.hasAttribute('data-twohats-ready')), false, 'no app');
        assert.match(await frame.locator('.recommendation__setup').innerText(), /^5 engineers/, 'the state the address asks for');
        assert.equal(await frame.locator('.unstarted-note').isVisible(), false);
        await sizedByWordPress(page, frame);
        // A German reader's app starts at once; the others' when the reader reaches for it.
        const said = problems.some((problem) => problem.includes('Two Hats'))
          || page.waitForEvent('console', (message) => message.text().includes('Two Hats'));
        await frame.locator('#team-size').focus();
        await said;
        assert.equal(await frame.locator('.unstarted-note').isVisible(), false, 'the page stays as drawn');
        saysWhatToAdd(problems);
        assert.deepEqual(errors, []);
      });
    });
  }
});
