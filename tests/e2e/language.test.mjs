// End-to-end: the page in German, chosen by ?lang= or by the browser's languages. German's
// words are fetched only by readers who choose it; everyone else never loads them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, distDir, open, repoRoot, useServerAndBrowser } from './harness.mjs';

const german = await readFile(join(repoRoot, 'content/two-hats.de.toml'), 'utf8');
const uiText = (key) => german.match(new RegExp(`^${key} = "(.*)"$`, 'm'))[1];
const emptyFolder = await mkdtemp(join(tmpdir(), 'two-hats-no-lang-'));

const shared = useServerAndBrowser([['/broken/lang/', emptyFolder], ['/broken/', distDir], ['/', distDir]]);

async function openReady(path, options = {}) {
  const requested = [];
  const opened = await open(shared.browser, `${shared.server.url}${path}`, { waitFor: null, ...options });
  opened.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await opened.page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
  return { ...opened, requested };
}

describe('a second language', () => {
  it('speaks German when the address asks, and says so to the browser', async () => {
    const { page, problems } = await openReady('?lang=de&team=12');
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
    await page.close();
  });

  it('follows the browser\'s languages when the address names none', async () => {
    const { page, problems } = await openReady('', { locale: 'de-AT' });
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    assert.equal(await page.locator('h1').innerText(), uiText('question'));
    // The browser's choice stays out of the address, so a shared link opens in each reader's own language.
    assert.equal(new URL(page.url()).search, '?team=5');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('keeps the page hidden until German is in, so English never flashes by', async () => {
    const probe = await shared.browser.newPage({ locale: 'de-DE' });
    await probe.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const root = document.documentElement;
        window.__hiddenWhileEnglish = root.classList.contains('twohats-pending') && getComputedStyle(document.getElementById('two-hats')).visibility === 'hidden';
      });
    });
    await probe.goto(shared.server.url);
    await probe.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
    assert.equal(await probe.evaluate(() => window.__hiddenWhileEnglish), true);
    assert.equal(await probe.locator('#two-hats').evaluate((root) => getComputedStyle(root).visibility), 'visible');
    await probe.close();
  });

  it('loads no German for a reader who reads English', async () => {
    const { page, problems, requested } = await openReady('?team=7', { locale: 'en-GB' });
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(requested.filter((path) => path.includes('/lang/')).length, 0);
    assert.equal(await page.locator('cite[lang]').count(), 0, 'titles in the page\'s own language need no mark');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('switches language from the menu and keeps the state on screen', async () => {
    const { page, problems } = await openReady('?team=12&roles=tl,em');
    const menu = page.getByRole('navigation', { name: 'Language' });
    assert.equal(await menu.getByRole('link', { name: 'English' }).getAttribute('aria-current'), 'true');
    await Promise.all([page.waitForURL(/lang=de/), menu.getByRole('link', { name: 'Deutsch' }).click()]);
    await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get('team'), '12');
    assert.equal(params.get('roles'), 'tl,em');
    const germanMenu = page.getByRole('navigation', { name: uiText('language') });
    assert.equal(await germanMenu.getByRole('link', { name: 'Deutsch' }).getAttribute('aria-current'), 'true');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('falls back to English, and says why, when the translation cannot be loaded', async () => {
    const { page, problems } = await openReady('broken/?lang=de');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    const panel = page.locator('.content-problem');
    assert.match(await panel.innerText(), /could not be shown in the language you chose[\s\S]*lang\/de\.bin could not be loaded \(HTTP 404\)/);
    assert.ok(await page.locator('table.matrix').isVisible());
    assert.deepEqual(problems.filter((problem) => !problem.includes('404')), []);
    await page.close();
  });
});
