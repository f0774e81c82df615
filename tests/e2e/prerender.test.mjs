// End-to-end: the release page arrives prerendered, reads with JavaScript off, hydrates
// without a mismatch, and opens other states with no flash of the default and no layout shift.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentRowCount, layoutShifts, trackLayoutShifts, useServerAndBrowser, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

/** The widget's markup without Yew's hydration comments, and without the team check, which the
 *  page is served without and which is drawn once the later parts are live. */
const rootMarkup = (page) => page.evaluate(() => {
  const root = document.querySelector('#two-hats').cloneNode(true);
  root.querySelector('.team-check')?.remove();
  return root.innerHTML.replace(/<!--.*?-->/g, '');
});

const ready = (page) => page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });

describe('prerendered page', () => {
  it('reads with JavaScript off: matrix, recommendation and sources', async () => {
    await withPage(shared.browser, shared.server.url, { javaScriptEnabled: false }, async ({ page }) => {
      assert.equal(await page.locator('tr.duty').count(), await contentRowCount());
      assert.match(await page.locator('.recommendation__setup').innerText(), /^5 engineers: One hybrid Tech Lead Manager/);
      assert.equal(await page.locator('.sources__item').count(), 5);
      assert.match(await page.locator('.noscript-note').innerText(), /JavaScript is off/);
      // The check works only with its code, and its HTML comes with it.
      assert.equal(await page.locator('.team-check').count(), 0);
    });
  });

  it('hydrates into exactly the markup it was served with, and then responds', async () => {
    const served = await withPage(shared.browser, shared.server.url, { javaScriptEnabled: false }, ({ page }) => rootMarkup(page));
    await withPage(shared.browser, shared.server.url, {}, async ({ page, problems }) => {
      await ready(page);
      assert.equal(await rootMarkup(page), served, 'hydration changed the prerendered markup');
      const live = await page.evaluate(() => !document.querySelector('.layout__later > [aria-busy]'));
      assert.equal(await page.locator('.team-check').count(), live ? 1 : 0, 'the check is drawn with the live later parts');
      await page.locator('.duty__toggle').first().click();
      assert.equal(await page.locator('.duty-detail:not([hidden])').count(), 1);
      assert.deepEqual(problems, []);
    });
  });

  it('opens another state, drawn by the app or redrawn from its changes, with no flash of the default and no layout shift', async () => {
    const watchFrames = async (page) => {
      await trackLayoutShifts(page);
      await page.addInitScript(() => {
        // Every frame, note what a reader could see of the recommendation.
        window.__seen = [];
        const look = () => {
          const root = document.querySelector('#two-hats');
          const setup = document.querySelector('.recommendation__setup');
          if (root && setup && getComputedStyle(root).visibility === 'visible') window.__seen.push(setup.textContent);
          if (!document.documentElement.hasAttribute('data-twohats-ready')) requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
    };
    for (const [query, drawnBy, shown] of [
      ['?team=12&roles=tl,em', 'the app', ready],
      ['?team=12', 'its changes', (page) => page.waitForSelector('html[data-drawn="team=12"]:not(.twohats-pending)', { state: 'attached' })],
    ]) {
      await withPage(shared.browser, `${shared.server.url}${query}`, { waitFor: null, reach: false, setUp: watchFrames }, async ({ page }) => {
        await shown(page);
        await page.evaluate(() => new Promise(requestAnimationFrame));
        const seen = await page.evaluate(() => window.__seen);
        assert.ok(seen.length && seen.every((text) => text.startsWith('12 engineers')), `${query}, drawn by ${drawnBy}: saw ${[...new Set(seen)]}`);
        assert.match(await page.locator('.recommendation__setup').innerText(), /^12 engineers/);
        assert.equal(await layoutShifts(page), 0, `${query}: cumulative layout shift`);
      });
    }
  });
});
