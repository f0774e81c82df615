// End-to-end: the query string opens the exact state, follows every change, walks with
// Back/Forward, and shrugs off bad values.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

const query = (page) => new URL(page.url()).search;

describe('URL state', () => {
  it('opens every parameter in the right state', async () => {
    const address = `${shared.server.url}?team=12&roles=tl,em&group=people&diff=1&row=one-on-ones&new=1&both=1&theme=dark`;
    await withPage(shared.browser, address, {}, async ({ page, problems }) => {
      assert.equal(await page.locator('#team-size').inputValue(), '12');
      assert.ok(await page.getByLabel('TL & EM').isChecked());
      assert.equal(await page.locator('.matrix-filters select option:checked').innerText(), 'People');
      assert.ok(await page.getByLabel('Only where they differ').isChecked());
      assert.ok(await page.getByLabel('The team is new').isChecked());
      assert.ok(await page.getByLabel('The lead has done both jobs before').isChecked());
      const openRow = page.locator('.duty__toggle[aria-expanded="true"]');
      assert.equal(await openRow.innerText(), 'One-on-ones');
      assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, 'rgb(21, 22, 25)', 'dark paper even though the system is light');
      assert.equal(await page.locator('h1').count(), 1);
      assert.deepEqual(problems, []);
    });
  });

  it('opens the compact embed mode with a link to the full page', async () => {
    await withPage(shared.browser, `${shared.server.url}?team=7&roles=tl,em&embed=1&theme=light`, {}, async ({ page }) => {
      assert.equal(await page.locator('.masthead__question').count(), 0, 'no page chrome');
      assert.equal(await page.locator('.share').count(), 0);
      const link = page.getByRole('link', { name: /Open full page/ });
      assert.equal(await link.getAttribute('target'), '_blank');
      const href = new URL(await link.getAttribute('href'), shared.server.url);
      assert.equal(href.search, '?team=7&roles=tl,em&theme=light');
    });
  });

  it('writes each change to the URL and walks it with Back and Forward', async () => {
    await withPage(shared.browser, `${shared.server.url}?team=5`, {}, async ({ page }) => {
      const start = await page.evaluate(() => history.length);

      await page.getByLabel('TL & EM').check();
      assert.equal(query(page), '?team=5&roles=tl,em');
      await page.locator('.duty__toggle', { hasText: 'Code reviews and feedback' }).click();
      assert.equal(query(page), '?team=5&roles=tl,em&row=code-reviews');
      assert.equal(await page.evaluate(() => history.length), start + 2, 'discrete changes push');

      await page.locator('#team-size').focus();
      for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowRight');
      // A drag writes the address at most every quarter second, not on every step.
      await page.waitForURL((address) => address.search === '?team=11&roles=tl,em&row=code-reviews');
      assert.equal(await page.evaluate(() => history.length), start + 3, 'a run of slider moves is one entry');

      await page.goBack();
      await page.waitForFunction(() => document.querySelector('#team-size').value === '5');
      assert.equal(query(page), '?team=5&roles=tl,em&row=code-reviews');
      await page.goBack();
      await page.waitForFunction(() => !document.querySelector('.duty__toggle[aria-expanded="true"]'));
      assert.equal(query(page), '?team=5&roles=tl,em');
      await page.goBack();
      await page.waitForFunction(() => document.querySelectorAll('th.matrix__role').length === 3);
      await page.goForward();
      await page.waitForFunction(() => document.querySelectorAll('th.matrix__role').length === 2);
      assert.ok(await page.getByLabel('TL & EM').isChecked());
    });
  });

  it('keeps where a drag ended when a discrete change follows at once', async () => {
    await withPage(shared.browser, `${shared.server.url}?team=5`, {}, async ({ page }) => {
      await page.locator('#team-size').focus();
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
      await page.getByLabel('EM & TLM').check();
      assert.equal(query(page), '?team=8&roles=em,tlm');
      await page.goBack();
      await page.waitForFunction(() => document.querySelectorAll('th.matrix__role').length === 3);
      assert.equal(query(page), '?team=8');
      assert.equal(await page.locator('#team-size').inputValue(), '8');
    });
  });

  it('lets the page author move the split point, and says so', async () => {
    await withPage(shared.browser, `${shared.server.url}?team=8&split_at=7`, {}, async ({ page }) => {
      await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
      assert.match(await page.locator('.recommendation__setup').innerText(), /8 engineers: Split/);
      assert.match(await page.locator('.flags').innerText(), /author set the hybrid at 3–6 engineers and the split at 7; the sources say 3–8 and 9/);
      assert.match(await page.locator('.zones').innerText(), /7–14\s+TL \+ EM/);
    });
  });

  it('falls back or clamps bad values silently', async () => {
    const huge = 'x'.repeat(4000);
    for (const [bad, expected] of [
      ['team=0', '?team=1'],
      ['team=abc', '?team=5'],
      ['team=9999', '?team=50'],
      ['roles=xyz', '?team=5'],
      ['team=7&team=30', '?team=7'],
      [`group=${huge}&row=${huge}&theme=${huge}`, '?team=5'],
      ['roles=tl,tl&diff=yes&embed=2', '?team=5'],
    ]) {
      await withPage(shared.browser, `${shared.server.url}?${bad}`, {}, async ({ page, problems }) => {
        assert.equal(query(page), expected, bad.slice(0, 40));
        assert.deepEqual(problems, [], bad.slice(0, 40));
      });
    }
  });
});
