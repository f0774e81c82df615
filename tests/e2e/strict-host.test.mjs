// End-to-end: a strict host. The release dist/ served with a Content-Security-Policy that
// allows no inline script or style still runs, and the page keeps no data about the reader.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distDir, open, POLICY, useServerAndBrowser } from './harness.mjs';


const shared = useServerAndBrowser([['/', distDir]], { 'content-security-policy': POLICY });

describe('strict host', () => {
  it('runs under a strict Content-Security-Policy with no violation', async () => {
    const page = await shared.browser.newPage();
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`);
      });
    });
    const problems = [];
    page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(message.text()));
    await page.goto(`${shared.server.url}?team=12&row=velocity&embed=1`);
    await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
    assert.match(await page.locator('.recommendation__setup').innerText(), /^12 engineers/);
    await page.locator('#team-size').focus();
    await page.keyboard.press('Home');
    assert.match(await page.locator('.recommendation__setup').innerText(), /^1 engineer/);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('sets no cookie and stores nothing', async () => {
    const { page } = await open(shared.browser, shared.server.url);
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
    await page.close();
  });
});
