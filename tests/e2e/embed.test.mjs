// End-to-end: the example blog post embeds the widget twice, from a sub-path, and each frame
// keeps exactly the height of its content.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { distDir, examplesDir, open, screenshot, useServerAndBrowser } from './harness.mjs';

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

async function openBlog(options = {}, post = 'blog-post.html') {
  const opened = await open(shared.browser, `${shared.server.url}${post}`, { waitFor: 'article', ...options });
  // Lazy frames load as they come near the viewport, as a reader would scroll to them.
  for (const frame of await opened.page.locator('iframe[data-twohats]').all()) await frame.scrollIntoViewIfNeeded();
  return opened;
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
    const { page, problems } = await openBlog();
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
    await page.close();
  });

  it('keeps each frame as tall as its content after load, slider moves and a narrower viewport', async () => {
    const { page, problems } = await openBlog();
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
    await page.close();
  });

  it('ignores resize messages from anything but its own frames', async () => {
    const { page } = await openBlog();
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
    await page.close();
  });

  it('shrugs off malformed messages from its own frames, and the widget takes no commands', async () => {
    const { page, problems } = await openBlog();
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
    await page.close();
  });

  it('starts each frame near its final height, so the host page hardly moves', async () => {
    for (const width of [400, 1280]) {
      const { page } = await openBlog({ width, height: 900 });
      const sizes = await framesFitTheirContent(page);
      const startedAt = await page.locator('iframe[data-twohats]').nth(1).getAttribute('height');
      const off = Math.abs(sizes[1].frame - Number(startedAt)) / sizes[1].frame;
      assert.ok(off < 0.2, `${width}px: started at ${startedAt}, settled at ${sizes[1].frame}`);
      await page.close();
    }
  });

  it('shrinks as well as grows, then holds still', async () => {
    const page = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      window.__messages = [];
      addEventListener('message', (event) => window.__messages.push({ at: performance.now(), data: event.data }));
    });
    await page.goto(`${shared.server.url}blog-post.html`);
    for (const frame of await page.locator('iframe[data-twohats]').all()) await frame.scrollIntoViewIfNeeded();
    await framesFitTheirContent(page);
    const frame = page.frameLocator('iframe[data-twohats] >> nth=0');
    const tall = await page.locator('iframe[data-twohats]').first().evaluate((f) => f.clientHeight);
    await frame.locator('.matrix-filters select').selectOption({ label: 'People' });
    await page.waitForFunction((tall) => document.querySelector('iframe[data-twohats]').clientHeight < tall - 100, tall);
    assertFits(await framesFitTheirContent(page), 'after shrinking');

    const settledAt = await page.evaluate(() => performance.now());
    // Watching for oscillation takes watching: two seconds with nothing changing.
    await page.waitForTimeout(2000);
    const later = await page.evaluate((since) => window.__messages.filter((m) => m.at > since && m.data?.type === 'twohats:resize').length, settledAt);
    assert.ok(later <= 2, `${later} resize messages after settling (at most one per frame)`);
    const amp = await page.evaluate(() => window.__messages.filter((m) => m.data?.sentinel === 'amp' && m.data?.type === 'embed-size'));
    assert.ok(amp.length > 0 && amp.every((m) => m.data.height > 0), 'AMP embed-size messages are sent too');
    await page.close();
  });

  it('takes the theme of a dark host page, transparent, with a matching color-scheme', async () => {
    const { page, problems } = await openBlog({ colorScheme: 'light' }, 'dark-blog-post.html');
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
    await page.close();
  });

  it('leaves the host page its history: changes inside a frame add no entry', async () => {
    const { page } = await openBlog();
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
    await page.close();
  });

  it('leaves the host page its keys: arrows and Page Down still scroll it', async () => {
    const { page } = await openBlog({ width: 1280, height: 600 });
    await framesFitTheirContent(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('h1').click();
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => window.scrollY > 0);
    const afterPage = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((before) => window.scrollY > before, afterPage);
    await page.close();
  });

  it('looks native in the post (screenshot)', async () => {
    const { page } = await openBlog({ width: 1280, height: 900 });
    await framesFitTheirContent(page);
    await page.locator('iframe[data-twohats]').first().scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.querySelector('iframe[data-twohats]').offsetTop - 320));
    await screenshot(page, 'embedded', { fullPage: false });
    await page.close();
  });
});
