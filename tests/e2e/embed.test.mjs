// End-to-end: the example blog post embeds the widget twice, from a sub-path, and each frame
// keeps exactly the height of its content.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { distDir, examplesDir, screenshot, useServerAndBrowser, withPage } from './harness.mjs';

const shared = useServerAndBrowser([['/widgets/two-hats/', distDir], ['/', examplesDir]]);

/** Waits until every Two Hats frame shows the widget and is exactly as tall as its content. */
async function framesFitTheirContent(page, count = 2) {
  await page.waitForFunction((count) => {
    const frames = [...document.querySelectorAll('iframe[data-twohats]')];
    return frames.length === count && frames.every((frame) => {
      const doc = frame.contentDocument;
      if (!doc || !doc.querySelector('table.matrix')) return false;
      const content = doc.documentElement.getBoundingClientRect().height;
      return Math.abs(frame.clientHeight - content) <= 2;
    });
  }, count);
  return page.evaluate(() => [...document.querySelectorAll('iframe[data-twohats]')].map((frame) => {
    const root = frame.contentDocument.documentElement;
    return { frame: frame.clientHeight, content: root.getBoundingClientRect().height, scrolls: root.scrollHeight > root.clientHeight };
  }));
}

/** Opens the blog `post` and runs `use` on it once every frame has been scrolled to. */
function openBlog({ post = 'blog-post.html', ...options }, use) {
  return withPage(shared.browser, `${shared.server.url}${post}`, { waitFor: 'article', ...options }, async (opened) => {
    // Lazy frames load as they come near the viewport, as a reader would scroll to them.
    for (const frame of await opened.page.locator('iframe[data-twohats]').all()) await frame.scrollIntoViewIfNeeded();
    return use(opened);
  });
}

function assertFits(sizes, when) {
  for (const [index, size] of sizes.entries()) {
    assert.ok(Math.abs(size.frame - size.content) <= 2, `${when}: frame ${index} ${JSON.stringify(size)}`);
    assert.equal(size.scrolls, false, `${when}: frame ${index} has no inner scrollbar`);
  }
}

describe('embedding in a blog post', () => {
  it('ships a small embed.js', async () => {
    const script = await readFile(join(distDir, 'embed.js'));
    assert.ok(gzipSync(script, { level: 9 }).length < 2048);
  });

  it('turns the data-attribute placeholder into a titled, lazy, configured frame', async () => {
    await openBlog({}, async ({ page, problems }) => {
      await framesFitTheirContent(page);
      const second = page.locator('iframe[data-twohats]').nth(1);
      assert.equal(await second.getAttribute('loading'), 'lazy');
      assert.match(await second.getAttribute('title'), /Two Hats/);
      const src = new URL(await second.getAttribute('src'));
      assert.equal(src.pathname, '/widgets/two-hats/');
      assert.equal(src.search, '?team=11&roles=tl,em,tlm&new=1&embed=1');
      const frame = await second.contentFrame();
      assert.match(await frame.locator('.recommendation__setup').innerText(), /^11 engineers/);
      assert.deepEqual(problems, []);
    });
  });

  it('keeps each frame as tall as its content after load, slider moves and a narrower viewport', async () => {
    await openBlog({}, async ({ page, problems }) => {
      assertFits(await framesFitTheirContent(page), 'after load');

      const first = await page.locator('iframe[data-twohats]').first().contentFrame();
      const before = await page.locator('iframe[data-twohats]').first().evaluate((f) => f.clientHeight);
      await first.locator('.matrix-filters select').selectOption({ label: 'People' });
      await first.locator('#team-size').focus();
      await page.keyboard.press('End');
      await page.waitForFunction((old) => document.querySelector('iframe[data-twohats]').clientHeight !== old, before);
      assertFits(await framesFitTheirContent(page), 'after the slider and a filter');

      await page.setViewportSize({ width: 380, height: 800 });
      await page.waitForFunction(() => document.querySelector('iframe[data-twohats]').contentDocument.documentElement.clientWidth < 380);
      assertFits(await framesFitTheirContent(page), 'after narrowing');
      const pageScroll = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.equal(pageScroll, 0, 'no horizontal scroll on the host page');
      assert.deepEqual(problems, []);
    });
  });

  it('ignores resize messages from anything but its own frames', async () => {
    await openBlog({}, async ({ page }) => {
      const heights = await framesFitTheirContent(page);
      const received = await page.evaluate(async () => {
        const forged = { type: 'twohats:resize', height: 123 };
        // embed.js listened first, so by the time this listener hears a message, it has too.
        const heard = (fromFrame) => new Promise((done) => {
          window.addEventListener('message', function onMessage(event) {
            if (event.data?.height !== forged.height) return;
            if (fromFrame !== (event.source !== window)) return;
            window.removeEventListener('message', onMessage);
            done(event.origin);
          });
        });
        const fromHost = heard(false);
        window.postMessage(forged, '*');
        const fromStranger = heard(true);
        const stranger = document.createElement('iframe');
        stranger.src = `data:text/html,<script>parent.postMessage(${JSON.stringify(forged)}, '*')</script>`;
        document.body.append(stranger);
        return [await fromHost, await fromStranger];
      });
      assert.equal(received[1], 'null', 'the stranger frame has an opaque origin');
      const after = await page.evaluate(() => [...document.querySelectorAll('iframe[data-twohats]')].map((f) => f.clientHeight));
      assert.deepEqual(after, heights.map((h) => h.frame));
    });
  });

  it('shrugs off malformed messages from its own frames, and the widget takes no commands', async () => {
    await openBlog({}, async ({ page, problems }) => {
      const heights = await framesFitTheirContent(page);
      const frame = await (await page.locator('iframe[data-twohats]').first().elementHandle()).contentFrame();
      const teamBefore = await frame.locator('#team-size').inputValue();
      await frame.evaluate(() => {
        const hostile = [null, 'twohats:resize', 42, [], { type: 'twohats:resize' },
          { type: 'twohats:resize', height: 'abc' }, { type: 'twohats:resize', height: -5 },
          { type: 'twohats:resize', height: 1e9 }, { type: 'twohats:resize', height: Number.NaN },
          { type: 'TWOHATS:RESIZE', height: 10 }, { type: 'twohats:set', team: 50 }];
        for (const message of hostile) parent.postMessage(message, '*');
      });
      await page.evaluate(() => {
        const widget = document.querySelector('iframe[data-twohats]').contentWindow;
        for (const message of [{ type: 'twohats:set', team: 50 }, { team: 50 }, 'team=50', null]) widget.postMessage(message, '*');
      });
      // Let every message above be delivered before looking.
      await frame.evaluate(() => new Promise((done) => { addEventListener('message', done, { once: true }); postMessage('sentinel', '*'); }));
      await page.evaluate(() => new Promise((done) => { addEventListener('message', done, { once: true }); postMessage('sentinel', '*'); }));
      const after = await page.evaluate(() => [...document.querySelectorAll('iframe[data-twohats]')].map((f) => f.clientHeight));
      assert.deepEqual(after, heights.map((h) => h.frame));
      assert.equal(await frame.locator('#team-size').inputValue(), teamBefore);
      assert.deepEqual(problems, []);
    });
  });

  it('starts each frame near its final height, so the host page hardly moves', async () => {
    for (const width of [400, 1280]) {
      await openBlog({ width, height: 900 }, async ({ page }) => {
        const sizes = await framesFitTheirContent(page);
        const startedAt = await page.locator('iframe[data-twohats]').nth(1).getAttribute('height');
        const off = Math.abs(sizes[1].frame - Number(startedAt)) / sizes[1].frame;
        assert.ok(off < 0.2, `${width}px: started at ${startedAt}, settled at ${sizes[1].frame}`);
      });
    }
  });

  it('shrinks as well as grows, then holds still', async () => {
    const recordMessages = (page) => page.addInitScript(() => {
      window.__messages = [];
      addEventListener('message', (event) => window.__messages.push(event.data));
    });
    await openBlog({ setUp: recordMessages }, async ({ page }) => {
      await framesFitTheirContent(page);
      const frame = page.frameLocator('iframe[data-twohats] >> nth=0');
      const tall = await page.locator('iframe[data-twohats]').first().evaluate((f) => f.clientHeight);
      await frame.locator('.matrix-filters select').selectOption({ label: 'People' });
      await page.waitForFunction((tall) => document.querySelector('iframe[data-twohats]').clientHeight < tall - 100, tall);
      assertFits(await framesFitTheirContent(page), 'after shrinking');

      const settled = await page.evaluate(() => window.__messages.length);
      // An oscillating frame reports a new height at each of its rendering updates, which are the
      // host's (it shares the host's origin, so is never throttled): watch thirty of them.
      await page.evaluate(() => new Promise((done) => {
        let updates = 30;
        const next = () => (--updates ? requestAnimationFrame(next) : done());
        requestAnimationFrame(next);
      }));
      const later = await page.evaluate((since) => window.__messages.slice(since).filter((m) => m?.type === 'twohats:resize').length, settled);
      assert.ok(later <= 2, `${later} resize messages after settling (at most one per frame)`);
      const amp = await page.evaluate(() => window.__messages.filter((m) => m?.sentinel === 'amp' && m?.type === 'embed-size'));
      assert.ok(amp.length > 0 && amp.every((m) => m.height > 0), 'AMP embed-size messages are sent too');
    });
  });

  it('takes the theme of a dark host page, transparent, with a matching color-scheme', async () => {
    await openBlog({ post: 'dark-blog-post.html', colorScheme: 'light' }, async ({ page, problems }) => {
      await framesFitTheirContent(page, 1);
      const iframe = page.locator('iframe[data-twohats]');
      const src = new URL(await iframe.getAttribute('src'));
      assert.equal(src.searchParams.get('theme'), 'dark');
      assert.equal(src.searchParams.get('transparent'), '1');
      assert.equal(await iframe.evaluate((f) => getComputedStyle(f).colorScheme), 'dark');
      const inside = await iframe.evaluate((f) => {
        const doc = f.contentDocument;
        return {
          theme: doc.documentElement.dataset.theme,
          transparent: doc.documentElement.hasAttribute('data-transparent'),
          background: getComputedStyle(doc.body).backgroundColor,
          ink: getComputedStyle(doc.body).color,
        };
      });
      assert.deepEqual(inside, { theme: 'dark', transparent: true, background: 'rgba(0, 0, 0, 0)', ink: 'rgb(236, 235, 231)' });
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'embedded-dark', { fullPage: false });
      assert.deepEqual(problems, []);
    });
  });

  it('leaves the host page its history: changes inside a frame add no entry', async () => {
    await openBlog({}, async ({ page }) => {
      await framesFitTheirContent(page);
      const before = await page.evaluate(() => history.length);
      const frame = page.frameLocator('iframe[data-twohats] >> nth=0');
      await frame.getByLabel('EM & TLM').check();
      await frame.locator('.duty__toggle').first().click();
      await frame.locator('#two-hats').evaluate(() => new Promise(requestAnimationFrame));
      assert.equal(await page.evaluate(() => history.length), before);
      assert.equal(new URL(page.url()).pathname, '/blog-post.html');
      const src = await (await page.locator('iframe[data-twohats]').first().elementHandle()).contentFrame();
      assert.match(src.url(), /roles=em,tlm/, 'the frame still mirrors its state');
    });
  });

  it('leaves the host page its keys: arrows and Page Down still scroll it', async () => {
    await openBlog({ width: 1280, height: 600 }, async ({ page }) => {
      await framesFitTheirContent(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('h1').click();
      await page.keyboard.press('PageDown');
      await page.waitForFunction(() => window.scrollY > 0);
      const afterPage = await page.evaluate(() => window.scrollY);
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction((before) => window.scrollY > before, afterPage);
    });
  });

  it('looks native in the post (screenshot)', async () => {
    await openBlog({ width: 1280, height: 900 }, async ({ page }) => {
      await framesFitTheirContent(page);
      await page.locator('iframe[data-twohats]').first().scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollTo(0, document.querySelector('iframe[data-twohats]').offsetTop - 320));
      await screenshot(page, 'embedded', { fullPage: false });
    });
  });
});
