// End-to-end: the built release dist/ served over HTTP, driven in headless Chromium.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, contentRowCount, recommendedColumns, screenshot, useServerAndBrowser, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

const setupText = (page) => page.locator('.recommendation__setup').innerText();

describe('the widget page', () => {
  it('loads with no console noise and no request to another origin', async () => {
    await withPage(shared.browser, shared.server.url, {}, async ({ page, problems }) => {
      await page.waitForLoadState('networkidle');
      assert.deepEqual(problems, []);
      assert.equal(await page.title(), 'Two Hats: Tech Lead or Engineering Manager?');
    });
  });

  it('moves from a hybrid at 5 to a split at 12 with the keyboard', async () => {
    await withPage(shared.browser, shared.server.url, {}, async ({ page, problems }) => {
      const slider = page.locator('#team-size');
      await slider.focus();
      await page.keyboard.press('Home');
      assert.match(await setupText(page), /^1 engineer: /);
      for (let i = 1; i < 5; i += 1) await page.keyboard.press('ArrowRight');
      assert.match(await setupText(page), /5 engineers: One hybrid Tech Lead Manager/);
      assert.equal(await recommendedColumns(page), 'TLM');
      for (let i = 5; i < 12; i += 1) await page.keyboard.press('ArrowRight');
      assert.match(await setupText(page), /12 engineers: Split/);
      assert.equal(await recommendedColumns(page), 'TL,EM');
      // The recommended columns are shaded, and only they.
      const shaded = await page.evaluate(() => ['tl', 'em', 'tlm'].map((role) => {
        const cell = document.querySelector(`td.matrix__cell--${role}`);
        return getComputedStyle(cell).backgroundColor !== getComputedStyle(cell.closest('tr')).backgroundColor;
      }));
      assert.deepEqual(shaded, [true, true, false]);
      await page.keyboard.press('End');
      assert.match(await setupText(page), /50 engineers: Several teams/);
      assert.match(await page.locator('.flags').innerText(), /No source gives a number/);
      assert.deepEqual(problems, []);
    });
  });

  it('lists every content row, and each opens to its explanation and named sources', async () => {
    await withPage(shared.browser, shared.server.url, {}, async ({ page }) => {
      const rows = page.locator('tr.duty');
      assert.equal(await rows.count(), await contentRowCount());
      const footerTitles = await page.locator('.sources__item cite').allInnerTexts();
      for (let i = 0; i < (await rows.count()); i += 1) {
        await rows.nth(i).locator('.duty__toggle').click();
        const detail = page.locator('tr.duty-detail:not([hidden])');
        assert.equal(await detail.count(), 1, `row ${i} opens exactly one detail`);
        const cited = await detail.locator('.citation cite').allInnerTexts();
        assert.ok(cited.length > 0, `row ${i} names a source`);
        for (const title of cited) assert.ok(footerTitles.includes(title), `${title} is in the footer`);
      }
    });
  });

  it('opens a row with Enter and shows where the sources disagree', async () => {
    await withPage(shared.browser, shared.server.url, {}, async ({ page }) => {
      const toggle = page.locator('.duty__toggle', { hasText: 'Team velocity' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const detail = page.locator('tr.duty-detail:not([hidden])');
      assert.match(await detail.innerText(), /Where the sources disagree/);
      assert.ok((await detail.locator('.disagreement__position').count()) >= 2);
    });
  });

  it('compares the chosen roles and filters the rows', async () => {
    await withPage(shared.browser, shared.server.url, {}, async ({ page }) => {
      await page.getByLabel('TL & EM').check();
      assert.deepEqual(await page.locator('th.matrix__role abbr').allInnerTexts(), ['TL', 'EM']);
      assert.equal(await page.locator('.scenario__response--tlm').count(), 0);
      const all = await page.locator('tr.duty').count();
      await page.getByLabel('Show').selectOption({ label: 'People' });
      const people = await page.locator('tr.duty').count();
      assert.ok(people > 0 && people < all);
      await page.getByLabel('Show').selectOption({ label: 'All groups' });
      await page.getByLabel('Only where they differ').check();
      const differing = await page.locator('tr.duty').count();
      assert.ok(differing > 0 && differing < all, `${differing} of ${all}`);
    });
  });

  it('fits a 375 px phone without horizontal scrolling', async () => {
    await withPage(shared.browser, shared.server.url, { width: 375, height: 800 }, async ({ page }) => {
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      assert.equal(widths[0], widths[1]);
    });
  });

  for (const [name, path, options] of [
    ['desktop', '', { width: 1280, height: 900, colorScheme: 'light' }],
    ['phone', '', { width: 375, height: 800, colorScheme: 'light' }],
    ['dark', '', { width: 1280, height: 900, colorScheme: 'dark' }],
    ['dark-phone', '', { width: 375, height: 800, colorScheme: 'dark' }],
    ['forced-dark', '?theme=dark', { width: 1280, height: 900, colorScheme: 'light' }],
    ['embed', '?embed=1', { width: 700, height: 900, colorScheme: 'light' }],
    ['embed-dark-phone', '?embed=1&theme=dark', { width: 320, height: 700, colorScheme: 'light' }],
  ]) {
    it(`has no axe-core violations (${name}, a disputed row open, embed snippets shown)`, async () => {
      await withPage(shared.browser, `${shared.server.url}${path}`, options, async ({ page }) => {
        await page.locator('.duty__toggle', { hasText: 'Development process' }).click();
        if (!path.includes('embed')) await page.locator('summary', { hasText: 'Embed' }).click();
        assert.deepEqual(await axeViolations(page), []);
        await screenshot(page, name);
      });
    });
  }
});
