// End-to-end: a strict host. The release dist/ served with a Content-Security-Policy that
// allows no inline script or style still runs, and the page keeps no data about the reader.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, POLICY, useServerAndBrowser, withPage } from './harness.mjs';


const shared = useServerAndBrowser([['/', distDir]], { 'content-security-policy': POLICY });

const noteViolations = (page) => page.addInitScript(() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`);
  });
});

describe('strict host', () => {
  it('runs under a strict Content-Security-Policy with no violation', async () => {
    const address = `${shared.server.url}?team=12&row=velocity&embed=1`;
    await withPage(shared.browser, address, { waitFor: null, setUp: noteViolations }, async ({ page, problems }) => {
      await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
      assert.match(await page.locator('.recommendation__setup').innerText(), /^12 engineers/);
      await page.locator('#team-size').focus();
      await page.keyboard.press('Home');
      assert.match(await page.locator('.recommendation__setup').innerText(), /^1 engineer/);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(problems, []);
    });
  });

  // The page does not link the check's stylesheet: the check's code brings it as a constructed
  // sheet, which the policy's style-src 'self' allows. Its drawn embed links it.
  for (const [kind, path] of [['drawn live on the page', '?view=check'], ['in its drawn embed', 'embed/check/']]) {
    it(`styles the team check ${kind}, with no violation`, async () => {
      await withPage(shared.browser, `${shared.server.url}${path}`, { waitFor: null, setUp: noteViolations }, async ({ page, problems }) => {
        await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
        const layout = page.locator('.team-check__layout');
        await layout.waitFor();
        const columns = await layout.evaluate((element) => getComputedStyle(element).gridTemplateColumns.split(' ').length);
        assert.equal(columns, 2, 'the answers beside the findings on a wide screen');
        assert.deepEqual(await page.evaluate(() => window.__violations), []);
        assert.deepEqual(problems, []);
      });
    });
  }

  it('sets no cookie and stores nothing', async () => {
    await withPage(shared.browser, shared.server.url, {}, async ({ page }) => {
      await page.locator('.duty__toggle').first().click();
      await page.getByLabel('TL & EM').check();
      const kept = await page.evaluate(async () => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
        databases: (await indexedDB.databases()).length,
        caches: (await caches.keys()).length,
      }));
      assert.deepEqual(kept, { cookie: '', local: 0, session: 0, databases: 0, caches: 0 });
      const cookies = await page.context().cookies();
      assert.deepEqual(cookies, []);
    });
  });
});
