// End-to-end: the page in German, chosen by ?lang= or by the browser's languages. German's
// words are fetched only by readers who choose it; everyone else never loads them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, distDir, repoRoot, useServerAndBrowser, withPage } from './harness.mjs';

const german = await readFile(join(repoRoot, 'content/two-hats.de.toml'), 'utf8');
const uiText = (key) => german.match(new RegExp(`^${key} = "(.*)"$`, 'm'))[1];
const emptyFolder = await mkdtemp(join(tmpdir(), 'two-hats-no-lang-'));

const shared = useServerAndBrowser([['/broken/lang/', emptyFolder], ['/broken/', distDir], ['/', distDir]]);

const ready = (page) => page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });

/** Opens `path` and runs `use` once the app is ready, with the paths the page requested. */
function openReady(path, options, use) {
  const noteRequests = (page) => {
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    return { requested };
  };
  return withPage(shared.browser, `${shared.server.url}${path}`, { waitFor: null, ...options, setUp: noteRequests }, async (opened) => {
    await ready(opened.page);
    return use(opened);
  });
}

describe('a second language', () => {
  it('speaks German when the address asks, and says so to the browser', async () => {
    await openReady('?lang=de&team=12', {}, async ({ page, problems }) => {
      assert.equal(await page.getAttribute('html', 'lang'), 'de');
      assert.equal(await page.title(), uiText('page-title'));
      assert.equal(await page.locator('h1').innerText(), uiText('question'));
      assert.match(await page.locator('.recommendation__setup').innerText(), new RegExp(`^12 `));
      assert.match(await page.locator('.recommendation__setup').innerText(), new RegExp(uiText('setup-split')));
      assert.equal(await page.locator('#team-size-heading').innerText(), uiText('team-size-heading'));
      assert.match(await page.locator('.responsibilities__legend').innerText(), new RegExp(uiText('owns')));
      // The sources keep their English titles, marked so that screen readers read them as English.
      const titleLanguages = await page.locator('cite').evaluateAll((cites) => [...new Set(cites.map((cite) => cite.lang))]);
      assert.deepEqual(titleLanguages, ['en']);
      await page.getByLabel(uiText('new-team')).check();
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'de', 'the address keeps the language');
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
    });
  });

  it('follows the browser\'s languages when the address names none', async () => {
    await openReady('', { locale: 'de-AT' }, async ({ page, problems }) => {
      assert.equal(await page.getAttribute('html', 'lang'), 'de');
      assert.equal(await page.locator('h1').innerText(), uiText('question'));
      // The browser's choice stays out of the address, so a shared link opens in each reader's own language.
      assert.equal(new URL(page.url()).search, '?team=5');
      assert.deepEqual(problems, []);
    });
  });

  it('keeps the page hidden until German is in, so English never flashes by', async () => {
    const lookWhenParsed = (page) => page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const root = document.documentElement;
        window.__hiddenWhileEnglish = root.classList.contains('twohats-pending') && getComputedStyle(document.getElementById('two-hats')).visibility === 'hidden';
      });
    });
    await withPage(shared.browser, shared.server.url, { locale: 'de-DE', waitFor: null, setUp: lookWhenParsed }, async ({ page }) => {
      await ready(page);
      assert.equal(await page.evaluate(() => window.__hiddenWhileEnglish), true);
      assert.equal(await page.locator('#two-hats').evaluate((root) => getComputedStyle(root).visibility), 'visible');
    });
  });

  it('loads no German for a reader who reads English', async () => {
    await openReady('?team=7', { locale: 'en-GB' }, async ({ page, problems, requested }) => {
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.equal(requested.filter((path) => path.includes('/lang/')).length, 0);
      assert.equal(await page.locator('cite[lang]').count(), 0, 'titles in the page\'s own language need no mark');
      assert.deepEqual(problems, []);
    });
  });

  it('switches language from the menu and keeps the state on screen', async () => {
    await openReady('?team=12&roles=tl,em', {}, async ({ page, problems }) => {
      const menu = page.getByRole('navigation', { name: 'Language' });
      assert.equal(await menu.getByRole('link', { name: 'English' }).getAttribute('aria-current'), 'true');
      await Promise.all([page.waitForURL(/lang=de/), menu.getByRole('link', { name: 'Deutsch' }).click()]);
      await ready(page);
      assert.equal(await page.getAttribute('html', 'lang'), 'de');
      const params = new URL(page.url()).searchParams;
      assert.equal(params.get('team'), '12');
      assert.equal(params.get('roles'), 'tl,em');
      const germanMenu = page.getByRole('navigation', { name: uiText('language') });
      assert.equal(await germanMenu.getByRole('link', { name: 'Deutsch' }).getAttribute('aria-current'), 'true');
      assert.deepEqual(problems, []);
    });
  });

  it('falls back to English, and says why, when the translation cannot be loaded', async () => {
    await openReady('broken/?lang=de', {}, async ({ page, problems }) => {
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const panel = page.locator('.content-problem');
      assert.match(await panel.innerText(), /could not be shown in the language you chose[\s\S]*lang\/de\.bin could not be loaded \(HTTP 404\)/);
      assert.ok(await page.locator('table.matrix').isVisible());
      assert.deepEqual(problems.filter((problem) => !problem.includes('404')), []);
    });
  });
});
