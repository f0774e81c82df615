// End-to-end: one part of the page at a time (`view=`), on the full page and embedded: only
// that part, compact enough for a post, with the sources it cites, and chosen from the Embed
// panel, whose snippets follow the choice.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, distDir, layoutShifts, serve, trackLayoutShifts, useServerAndBrowser, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

/** Each part: its `view=` slug, the element it renders, and its tallest embed at 720 px in the
 *  default state. WordPress caps an auto-sized frame at 1,000 px, which the team part fits; the
 *  others are held to what they measure now, with a little room. */
const PARTS = [
  ['team', '.layout__sizing', 1000],
  ['matrix', '.responsibilities', 3600],
  ['compare', '.comparison', 1400],
  ['check', '.team-check', 4200],
  ['situations', '.scenarios', 1400],
  ['quiz', '.quiz', 1400],
  ['facts', '.key-facts', 1200],
];

const ready = (page) => page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });

/** Opens the page with `query` and runs `use` once the app is ready. */
function openPart(query, options, use) {
  return withPage(shared.browser, `${shared.server.url}?${query}`, { waitFor: null, ...options }, async (opened) => {
    await ready(opened.page);
    return use(opened);
  });
}

/** Every citation on the page leads to a source listed on the page, and nothing else is listed. */
async function citationsAndSources(page) {
  return page.evaluate(() => {
    const cited = new Set([...document.querySelectorAll('a.citation__link')].map((a) => a.hash.slice(1)));
    const listed = [...document.querySelectorAll('.sources__item')].map((item) => item.id);
    return { cited: [...cited].sort(), listed: [...listed].sort() };
  });
}

describe('one part at a time', () => {
  for (const [slug, selector, tallest] of PARTS) {
    it(`shows ${slug} alone, standing on its own, at most ${tallest} px tall at 720 px`, async () => {
      await openPart(`view=${slug}&embed=1`, { width: 720 }, async ({ page, problems }) => {
        for (const [other, otherSelector] of PARTS) {
          assert.equal(await page.locator(otherSelector).count(), other === slug ? 1 : 0, `${other} on view=${slug}`);
        }
        assert.equal(await page.locator('h1').textContent(), 'Two Hats');
        assert.match(await page.locator('.masthead__full-page').getAttribute('href'), new RegExp(`view=${slug}`));
        const { cited, listed } = await citationsAndSources(page);
        assert.ok(cited.length > 0);
        if (slug === 'matrix') {
          // A row shows its sources when opened: the list holds those of every row.
          assert.ok(cited.every((id) => listed.includes(id)), `${cited} within ${listed}`);
        } else {
          assert.deepEqual(listed, cited, 'the sources listed are exactly those cited');
        }
        const height = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
        assert.ok(height <= tallest, `view=${slug} is ${height} px tall`);
        assert.deepEqual(problems, []);
      });
    });
  }

  it('opens the folded sources list at the entry a citation names', async () => {
    await openPart('view=compare&embed=1', { width: 720 }, async ({ page, problems }) => {
      const fold = page.locator('.sources__fold');
      assert.equal(await fold.evaluate((details) => details.open), false, 'folded in an embed');
      const citation = page.locator('a.citation__link').first();
      const target = await citation.evaluate((link) => link.hash);
      await citation.click();
      await page.waitForFunction(() => document.querySelector('.sources__fold').open);
      assert.equal(await page.locator(`${target}`).isVisible(), true);
      assert.deepEqual(problems, []);
    });
  });

  it('has no horizontal scroll at 375 px for any part, embedded or not', async () => {
    for (const [slug] of PARTS) {
      for (const embed of ['', '&embed=1']) {
        await openPart(`view=${slug}${embed}`, { width: 375, height: 700 }, async ({ page }) => {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
          assert.equal(overflow, 0, `view=${slug}${embed}`);
        });
      }
    }
  });

  it('combines parts in page order and writes them back in that order', async () => {
    await openPart('view=quiz,team', {}, async ({ page, problems }) => {
      const order = await page.evaluate(() => [...document.querySelectorAll('main.layout > :not(.layout__later), .layout__later > *')].map((element) => element.className));
      assert.deepEqual(order.map((name) => name.split(' ')[0]), ['layout__sizing', 'quiz']);
      await page.waitForURL((url) => url.search === '?team=5&view=team,quiz');
      assert.deepEqual(problems, []);
    });
  });

  it('opens a part with no flash of the whole page and no layout shift', async () => {
    const watchFrames = async (page) => {
      await trackLayoutShifts(page);
      await page.addInitScript(() => {
        window.__sawMatrix = false;
        const look = () => {
          const root = document.querySelector('#two-hats');
          if (root && getComputedStyle(root).visibility === 'visible' && document.querySelector('table.matrix')) window.__sawMatrix = true;
          if (!document.documentElement.hasAttribute('data-twohats-ready')) requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
    };
    await openPart('view=quiz&embed=1', { width: 720, setUp: watchFrames }, async ({ page }) => {
      await page.evaluate(() => new Promise(requestAnimationFrame));
      assert.equal(await page.evaluate(() => window.__sawMatrix), false, 'the whole page flashed by');
      assert.equal(await page.locator('.quiz').isVisible(), true);
      assert.equal(await layoutShifts(page), 0, 'cumulative layout shift');
    });
  });

  it('reads a part with JavaScript off', async () => {
    await withPage(shared.browser, `${shared.server.url}?view=situations`, { javaScriptEnabled: false, waitFor: null }, async ({ page }) => {
      assert.equal(await page.locator('.scenarios').isVisible(), true);
      assert.ok((await page.locator('.scenario').count()) >= 3);
    });
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`has no axe-core violations on any part alone (${colorScheme})`, async () => {
      for (const [slug] of PARTS) {
        await openPart(`view=${slug}&embed=1`, { width: 720, colorScheme }, async ({ page }) => {
          assert.deepEqual(await axeViolations(page), [], `view=${slug}`);
        });
      }
    });
  }
});

describe('choosing parts to embed', () => {
  it('lets the author pick parts in the Embed panel; the page and every snippet follow', async () => {
    await openPart('team=7', {}, async ({ page, problems }) => {
      await page.locator('summary', { hasText: 'Embed' }).click();
      const parts = page.locator('input[name=embed-parts]');
      await parts.first().waitFor();
      assert.equal(await parts.count(), PARTS.length);
      for (const part of await parts.all()) assert.equal(await part.isChecked(), true, 'all by default');
      for (const [slug] of PARTS.filter(([slug]) => slug !== 'team')) {
        await page.locator(`input[name=embed-parts][value=${slug}]`).uncheck();
      }
      assert.equal(await page.locator('input[name=embed-parts][value=team]').isDisabled(), true, 'the last part stays');
      await page.waitForURL((url) => url.search === '?team=7&view=team');
      assert.equal(await page.locator('.responsibilities').count(), 0, 'the page previews the embed');
      // Seven engineers is a state the release draws ahead: the snippets hand out its page.
      assert.match(await page.locator('#embed-iframe').inputValue(), /\/embed\/team-7\/"/);
      assert.match(await page.locator('#embed-div').inputValue(), /data-view="team"/);
      assert.match(await page.locator('#embed-bare').inputValue(), /\/embed\/team-7\/$/);
      const height = Number((await page.locator('#embed-div').inputValue()).match(/data-height="(\d+)"/)[1]);
      assert.equal(height, 590, 'the snippet starts the frame at the part\'s typical height');
      assert.deepEqual(problems, []);
    });
  });

  it('turns data-view on the one-line embed into a frame showing that part, sized to it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'two-hats-post-'));
    await writeFile(join(folder, 'index.html'), `<!doctype html><html lang="en"><title>Post</title><link rel="icon" href="data:,">
      <body><article><h1>Seven engineers</h1>
      <div data-twohats data-team="7" data-view="team"></div>
      <script src="/two-hats/embed.js" async></script></article></body></html>`);
    const host = await serve([['/two-hats/', distDir], ['/', folder]]);
    try {
      await withPage(shared.browser, host.url, { waitFor: 'iframe[data-twohats]', width: 800 }, async ({ page, problems }) => {
        const frame = page.locator('iframe[data-twohats]');
        assert.match(await frame.getAttribute('src'), /\/two-hats\/embed\/team-7\/$/);
        await page.waitForFunction(() => {
          const element = document.querySelector('iframe[data-twohats]');
          const doc = element.contentDocument;
          return doc?.body && !doc.documentElement.classList.contains('twohats-pending')
            && Math.abs(element.clientHeight - doc.documentElement.getBoundingClientRect().height) <= 2;
        });
        const inner = await frame.contentFrame();
        assert.equal(await inner.locator('.responsibilities').count(), 0);
        assert.match(await inner.locator('.recommendation__setup').innerText(), /^7 engineers/);
        assert.ok(await frame.evaluate((element) => element.clientHeight) <= 1000);
        // It arrived drawn: painted, sized and shown with no code but boot.js, until the reader
        // reaches for it; then the app starts and takes over the keys pressed meanwhile.
        const framed = await (await frame.elementHandle()).contentFrame();
        const loaded = () => framed.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
        assert.ok(!(await loaded()).some((name) => /\.wasm$|start-.*\.js$/.test(name)), (await loaded()).join('\n'));
        await framed.locator('#team-size').focus();
        await page.keyboard.press('ArrowRight');
        await framed.waitForFunction(() => document.querySelector('.recommendation__setup').textContent.startsWith('8 engineers'));
        assert.ok((await loaded()).some((name) => name.endsWith('.wasm')));
        assert.deepEqual(problems, []);
      });
    } finally {
      await host.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('frames every state the release draws at its drawn page, and any other state by its query', async () => {
    const drawn = [];
    for (const folder of await readdir(join(distDir, 'embed'))) {
      const page = await readFile(join(distDir, 'embed', folder, 'index.html'), 'utf8');
      const query = page.match(/data-drawn="([^"]+)"/)[1].replaceAll('&amp;', '&');
      drawn.push([folder, new URLSearchParams(query)]);
    }
    assert.equal(drawn.length, 206, 'each part, and the team part at 50 sizes × new × both');
    const placeholder = (params) => `<div data-twohats ${[...params].filter(([key]) => key !== 'embed')
      .map(([key, value]) => `data-${key}="${value}"`).join(' ')}></div>`;
    const undrawn = ['view=team&team=7&roles=tl,em', 'view=team,quiz&team=7', 'view=matrix&team=7']
      .map((query) => new URLSearchParams(query));
    const folder = await mkdtemp(join(tmpdir(), 'two-hats-post-'));
    await writeFile(join(folder, 'index.html'), `<!doctype html><html lang="en"><title>Post</title><link rel="icon" href="data:,">
      <body>${[...drawn.map(([, params]) => params), ...undrawn].map(placeholder).join('\n')}
      <div data-twohats data-view="team" data-team="7" data-theme="dark" data-transparent="1"></div>
      <script src="/two-hats/embed.js" async></script></body></html>`);
    const host = await serve([['/two-hats/', distDir], ['/', folder]]);
    try {
      await withPage(shared.browser, host.url, { waitFor: 'iframe[data-twohats]' }, async ({ page }) => {
        const sources = await page.locator('iframe[data-twohats]').evaluateAll((frames) => frames.map((frame) => frame.src));
        assert.equal(sources.length, drawn.length + undrawn.length + 1);
        // boot.js applies a theme and transparency itself: the drawn page takes them as its query.
        const themed = new URL(sources.at(-1));
        assert.equal(`${themed.pathname}${themed.search}`, '/two-hats/embed/team-7/?theme=dark&transparent=1');
        drawn.forEach(([address], index) => assert.equal(new URL(sources[index]).pathname, `/two-hats/embed/${address}/`));
        undrawn.forEach((params, index) => {
          const source = new URL(sources[drawn.length + index]);
          assert.equal(source.pathname, '/two-hats/', source.href);
          for (const [key, value] of params) assert.equal(source.searchParams.get(key), value);
        });
      });
    } finally {
      await host.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
