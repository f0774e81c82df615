// The parts below the slider (matrix, comparison, situations, quiz, facts) come in a wasm
// chunk of their own, fetched when the reader comes near them (src/components/later_parts.rs,
// xtask/src/split.rs). Until then their prerendered HTML stays on the page: these tests check
// that the chunk loads only when wanted, that the parts then hydrate in place without a flash or
// a shift, and that what the reader did while it loaded is done, not lost.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recommendedColumns, trackLayoutShifts, layoutShifts, useServerAndBrowser, withPage } from './harness.mjs';

const shared = useServerAndBrowser();
const CHUNK = /\/assets\/split_later_parts-[0-9a-f]{16}\.wasm$/;

/** Holds the chunk's response until `release()`; `requested` resolves when it is asked for. */
async function gateChunk(page) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  let requested;
  const asked = new Promise((resolve) => { requested = resolve; });
  await page.route(CHUNK, async (route) => {
    requested();
    await gate;
    await route.continue();
  });
  return { release, asked };
}

/** Opens the page on a phone-sized screen, where the later parts start a screen below, and runs
 *  `use` once the app is ready, with the chunks requested so far and from then on. */
function openPhone(path, { setUp }, use) {
  const watchChunks = async (page) => {
    const chunks = [];
    page.on('request', (request) => { if (CHUNK.test(request.url())) chunks.push(request.url()); });
    await trackLayoutShifts(page);
    return { chunks, ...(await setUp?.(page)) };
  };
  const options = { width: 390, height: 740, waitFor: null, setUp: watchChunks };
  return withPage(shared.browser, `${shared.server.url}${path}`, options, async (opened) => {
    await opened.page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
    return use(opened);
  });
}

/**
 * Resolves once the app has answered what the page shows now. Every intersection observer
 * reports at the page's next rendering update (a new one, its target's first position), and a
 * message posted from ours is read after the app's has run, with any fetch it started.
 */
const nextLook = (page) => page.evaluate(() => new Promise((done) => {
  const observer = new IntersectionObserver(() => {
    observer.disconnect();
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => done();
    port2.postMessage(null);
  });
  observer.observe(document.body);
}));

/** The later parts a page arrives with: all but the team check, drawn once they are live. */
const PRERENDERED_PARTS = 5;

const busyParts = (page) => page.$$eval('.layout__later > [aria-busy="true"]', (parts) => parts.length);

describe('the later parts, loaded when wanted', () => {
  it('are fetched only when the reader comes near them, and are busy until then', async () => {
    await openPhone('', {}, async ({ page, chunks, problems }) => {
      // The app has seen where the parts are on the first screen, and answered.
      await nextLook(page);
      assert.deepEqual(chunks, [], 'the chunk loaded with the first screen');
      assert.equal(await busyParts(page), PRERENDERED_PARTS, 'each prerendered part tells assistive technology it is busy');
      assert.equal(await page.locator('.team-check').count(), 0);
      await page.locator('#responsibilities-heading').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => !document.querySelector('.layout__later > [aria-busy]'));
      assert.equal(chunks.length, 1);
      // Live: a filter now filters.
      const rows = await page.locator('table.matrix tbody tr').count();
      await page.locator('.matrix-filters select').selectOption({ index: 1 });
      await page.waitForFunction((before) => document.querySelectorAll('table.matrix tbody tr').length < before, rows);
      assert.match(page.url(), /group=/);
      assert.deepEqual(problems, []);
    });
  });

  it('are never fetched by a page that does not show them', async () => {
    await openPhone('?view=team', {}, async ({ page, chunks, problems }) => {
      await page.evaluate(() => { window.__scrolled = new Promise((done) => addEventListener('scrollend', done, { once: true })); });
      await page.mouse.wheel(0, 2000);
      // Scrolled as far as it goes, and the page has drawn and answered that.
      await page.evaluate(() => window.__scrolled);
      await nextLook(page);
      assert.equal(await page.locator('.layout__later').count(), 0);
      assert.deepEqual(chunks, []);
      assert.deepEqual(problems, []);
    });
  });

  it('answer what the reader did while they loaded, and keep the focus', async () => {
    await openPhone('', { setUp: gateChunk }, async ({ page, problems, release, asked }) => {
      const differences = page.locator('.matrix-filters input[type=checkbox]');
      await differences.scrollIntoViewIfNeeded();
      await asked;
      const rows = await page.locator('table.matrix tbody tr').count();
      // A click and a choice in a menu, made while the chunk is held back.
      await differences.click();
      await page.locator('.matrix-filters select').selectOption({ index: 1 });
      const group = await page.locator('.matrix-filters select option').nth(1).getAttribute('value');
      await page.locator('.matrix-filters select').focus();
      assert.equal(await page.locator('table.matrix tbody tr').count(), rows, 'held: the prerendered page alone filters nothing');
      assert.equal(await busyParts(page), PRERENDERED_PARTS);
      release();
      await page.waitForFunction(() => !document.querySelector('.layout__later > [aria-busy]'));
      await page.waitForFunction((before) => document.querySelectorAll('table.matrix tbody tr').length < before, rows);
      assert.equal(await differences.isChecked(), true);
      assert.match(page.url(), /diff=1/);
      assert.match(page.url(), /group=\w+/);
      assert.equal(await page.locator('.matrix-filters select').inputValue(), group);
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SELECT', 'the focus stayed where the reader put it');
      assert.deepEqual(problems, []);
    });
  });

  it('leave the focus where the reader moved it while they loaded', async () => {
    await openPhone('', { setUp: gateChunk }, async ({ page, problems, release, asked }) => {
      const differences = page.locator('.matrix-filters input[type=checkbox]');
      await differences.scrollIntoViewIfNeeded();
      await asked;
      await differences.focus();
      // As a click on the page's background does.
      await page.evaluate(() => document.activeElement.blur());
      await page.evaluate(() => scrollTo(0, 0));
      const scrolled = await page.evaluate(() => scrollY);
      release();
      await page.waitForFunction(() => !document.querySelector('.layout__later > [aria-busy]'));
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY');
      assert.equal(await page.evaluate(() => scrollY), scrolled);
      assert.deepEqual(problems, []);
    });
  });

  it('take the place of the prerendered parts without a flash or a shift', async () => {
    await openPhone('', { setUp: gateChunk }, async ({ page, problems, release, asked }) => {
      await page.evaluate(() => {
        // Between tasks (when the browser may paint) the parts must always be on the page.
        window.__gaps = 0;
        new MutationObserver(() => {
          if (!document.querySelector('.layout__later > .responsibilities')?.isConnected) window.__gaps += 1;
        }).observe(document.querySelector('.layout__later'), { childList: true, subtree: true });
      });
      const boxes = () => page.$$eval('.layout__later > *', (parts) => parts.map((part) => {
        const box = part.getBoundingClientRect();
        return [part.className, Math.round(box.top + scrollY), Math.round(box.height)];
      }));
      await page.locator('#responsibilities-heading').scrollIntoViewIfNeeded();
      await asked;
      const before = await boxes();
      const prerendered = await page.$eval('.layout__later > .responsibilities', (part) => { window.__prerendered = part; return true; });
      const onScreen = () => page.$eval('#responsibilities-heading', (heading) => heading.getBoundingClientRect().top);
      const seen = await onScreen();
      release();
      await page.waitForFunction(() => !document.querySelector('.layout__later > [aria-busy]'));
      assert.ok(prerendered);
      assert.equal(await page.evaluate(() => window.__prerendered.isConnected), false, 'the live parts replaced the prerendered ones');
      // Every part where it was; the check, drawn now, below the comparison and the parts after
      // it moved down by its height and the gap before it, far below where the reader is.
      const after = await boxes();
      const check = after.findIndex(([name]) => name === 'team-check');
      assert.equal(after[check - 1][0], 'comparison');
      const [, checkTop, checkHeight] = after[check];
      const shift = checkTop + checkHeight - before[check][1] + (checkTop - after[check - 1][1] - after[check - 1][2]);
      const expected = before.map(([name, top, height], index) => [name, index < check ? top : top + shift, height]);
      assert.deepEqual(after.filter((_, index) => index !== check), expected);
      assert.equal(await onScreen(), seen, 'what the reader looks at did not move');
      assert.equal(await page.evaluate(() => window.__gaps), 0);
      assert.equal(await layoutShifts(page), 0);
      assert.deepEqual(problems, []);
    });
  });

  it('keep a reader who jumped below them where they are as the check is drawn above', async () => {
    await openPhone('', { setUp: gateChunk }, async ({ page, problems, release, asked }) => {
      // As a citation's link does: straight to the sources, past every later part.
      await page.locator('#source-showdown').scrollIntoViewIfNeeded();
      await asked;
      const onScreen = () => page.$eval('#source-showdown', (source) => Math.round(source.getBoundingClientRect().top));
      const seen = await onScreen();
      release();
      await page.waitForSelector('.team-check');
      await page.waitForFunction(() => !document.querySelector('.layout__later > [aria-busy]'));
      // The page scrolls by the check's height in the task that draws it, so no frame shows the
      // sources elsewhere. Chromium's layout-shift score still counts that move (scrolling is
      // subtracted from it), which is why this test asks what the reader sees instead.
      assert.equal(await onScreen(), seen, 'the sources stayed where the reader saw them');
      assert.deepEqual(problems, []);
    });
  });

  it('wait for the reader when the address changes nothing they draw', async () => {
    await openPhone('?embed=1&theme=dark&team=7', {}, async ({ page, chunks, problems }) => {
      // The app has seen where the parts are on the first screen, and answered.
      await nextLook(page);
      assert.deepEqual(chunks, [], 'an embed or a theme alone fetched the chunk');
      assert.equal(await busyParts(page), PRERENDERED_PARTS);
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('twohats-pending')), false);
      assert.deepEqual(problems, []);
    });
  });

  it('wait for the reader on a link with a team size, whose recommended columns the page marks', async () => {
    await openPhone('?team=12', {}, async ({ page, chunks, problems }) => {
      await nextLook(page);
      assert.deepEqual(chunks, []);
      assert.equal(await busyParts(page), PRERENDERED_PARTS);
      assert.equal(await recommendedColumns(page), 'TL,EM');
      assert.deepEqual(problems, []);
    });
  });

  it('come when a page without them is asked to show them', async () => {
    await openPhone('?view=team', {}, async ({ page, chunks, problems }) => {
      assert.equal(await page.locator('.layout__later').count(), 0);
      await page.evaluate(() => {
        history.pushState(null, '', '?view=team,facts');
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await page.waitForSelector('.layout__later > .key-facts');
      assert.equal(chunks.length, 1);
      assert.equal(await busyParts(page), 0);
      assert.deepEqual(problems, []);
    });
  });

  it('come at once when the address asks for a state, which the page shows from the start', async () => {
    await openPhone('?diff=1&roles=tl,em', {}, async ({ page, chunks, problems }) => {
      assert.equal(chunks.length, 1);
      assert.equal(await busyParts(page), 0);
      assert.equal(await page.locator('.matrix-filters input[type=checkbox]').isChecked(), true);
      assert.deepEqual(problems, []);
    });
  });

  it('are there from the first frame of a page drawn afresh in another language', async () => {
    const lookEveryFrame = (opened) => opened.addInitScript(() => {
      // Every frame once the page shows: are the parts there?
      window.__framesShown = 0;
      window.__framesWithout = 0;
      const look = () => {
        const root = document.documentElement;
        if (root.hasAttribute('data-twohats-ready') && !root.classList.contains('twohats-pending')) {
          window.__framesShown += 1;
          if (!document.querySelector('.layout__later > .responsibilities')) window.__framesWithout += 1;
        }
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await openPhone('?lang=de', { setUp: lookEveryFrame }, async ({ page, chunks, problems }) => {
      // The first frame a reader sees is the one that must have them.
      await page.waitForFunction(() => window.__framesShown > 0);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
      assert.equal(await page.evaluate(() => window.__framesWithout), 0);
      assert.equal(chunks.length, 1);
      assert.deepEqual(problems, []);
    });
  });

  it('stay readable, not busy, when the chunk cannot load', async () => {
    await openPhone('', { setUp: (opened) => opened.route(CHUNK, (route) => route.abort()) }, async ({ page, problems }) => {
      await page.locator('#responsibilities-heading').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => !document.querySelector('.layout__later > [aria-busy]'));
      assert.ok(await page.locator('table.matrix tbody tr').count() > 10);
      assert.ok(problems.some((text) => /could not load; they show as prerendered/.test(text)), problems.join('\n'));
    });
  });
});
