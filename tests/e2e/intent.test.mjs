// End-to-end: a page that arrives right (the bare page, a drawn embed, a link to a team state
// redrawn from its changes) downloads no app until the reader reaches for it, and what the
// reader does meanwhile is handed over to the app.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

/** The app's files the page has requested so far. */
const appFiles = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((entry) => entry.name.split('/').pop())
  .filter((name) => /^(start|two-hats|two-hats_bg|split_later_parts)-.*\.(js|wasm)$/.test(name)));

/** The widget's markup without Yew's hydration comments, without the team check, which is
 *  drawn once the later parts are live, and without the mark they wear while their code loads;
 *  its fields as they show (the app sets their values, not their attributes). */
const rootMarkup = (page) => page.evaluate(() => {
  const live = document.querySelector('#two-hats');
  const root = live.cloneNode(true);
  const fields = live.querySelectorAll('input');
  root.querySelectorAll('input').forEach((field, index) => {
    field.removeAttribute('value');
    field.removeAttribute('checked');
    field.setAttribute('value', fields[index].value);
    if (fields[index].checked) field.setAttribute('checked', '');
  });
  root.querySelector('.team-check')?.remove();
  root.querySelectorAll('[aria-busy]').forEach((busy) => busy.removeAttribute('aria-busy'));
  return root.innerHTML.replace(/<!--.*?-->/g, '');
});

/** Asserts two renderings are the same, showing where they part if not. */
function assertSameMarkup(actual, expected, message) {
  if (actual === expected) return;
  let at = 0;
  while (actual[at] === expected[at]) at += 1;
  assert.fail(`${message}, from character ${at}:\n  ${actual.slice(at - 80, at + 160)}\nnot\n  ${expected.slice(at - 80, at + 160)}`);
}

/** Holds back the app's wasm until the returned function is called, so that what a test does
 *  in between happens, for certain, before the app has started. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/two-hats_bg-[0-9a-f]+\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

describe('before the reader reaches for it', () => {
  for (const [what, path, theme] of [
    ['the bare page', '', null],
    ['a drawn embed', 'embed/team-7/', null],
    ['a drawn embed asked for a dark theme, transparent', 'embed/team-7/?theme=dark&transparent=1', 'dark'],
  ]) {
    it(`${what} loads no app until the pointer, a touch, a key or the focus comes`, async () => {
      await withPage(shared.browser, `${shared.server.url}${path}`, { waitFor: null, reach: false }, async ({ page, problems }) => {
        await page.waitForLoadState('networkidle');
        assert.deepEqual(await appFiles(page), [], 'a reader who only reads downloads a static page');
        assert.equal(await page.evaluate(() => document.documentElement.className), '', 'shown, not waiting');
        assert.equal(await page.getAttribute('html', 'data-theme'), theme, 'boot.js applies the theme itself');
        assert.match(await page.locator('.recommendation__setup').innerText(), path ? /^7 engineers/ : /^5 engineers/);
        await page.mouse.move(300, 300);
        await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
        assert.ok((await appFiles(page)).some((name) => name.endsWith('.wasm')));
        assert.deepEqual(problems, []);
      });
    });
  }

  it('a link to a team state arrives redrawn, loads no app until the reader reaches for it, and the app adopts it', async () => {
    const address = `${shared.server.url}?team=12&new=1`;
    await withPage(shared.browser, address, { waitFor: null, reach: false }, async ({ page, problems }) => {
      await page.waitForSelector('html[data-drawn="team=12&new=1"]:not(.twohats-pending)', { state: 'attached' });
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await appFiles(page), [], 'a reader who only reads downloads a static page');
      assert.match(await page.locator('.recommendation__setup').innerText(), /^12 engineers/);
      assert.equal(await page.locator('#team-size').inputValue(), '12');
      assert.equal(await page.locator('.team-size__modifiers input').first().isChecked(), true);
      assert.equal(await page.locator('.languages__link', { hasText: 'Deutsch' }).getAttribute('href'), '?team=12&new=1&lang=de');
      const redrawn = await rootMarkup(page);
      const recommended = await page.locator('.layout__later').getAttribute('data-recommended');
      await page.evaluate(() => { document.querySelector('.recommendation__setup').kept = true; });

      await page.mouse.move(300, 300);
      await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
      assert.equal(await page.evaluate(() => document.querySelector('.recommendation__setup').kept), true, 'hydrated, not drawn afresh');
      assertSameMarkup(await rootMarkup(page), redrawn, 'the app adopted the redrawn page as it was');
      await page.locator('#team-size').focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForURL((url) => url.search === '?team=13&new=1');
      assert.match(await page.locator('.recommendation__setup').innerText(), /^13 engineers/);
      assert.deepEqual(problems, []);

      // The same address drawn by the app itself, its changes kept from it, is the same page.
      const drawnByTheApp = await withPage(shared.browser, address, {
        waitFor: null,
        setUp: (other) => other.route(/\/drawn\/.*\.json$/, (route) => route.abort()),
      }, async ({ page: other }) => {
        await other.waitForSelector('html[data-twohats-ready]:not(.twohats-pending)', { state: 'attached' });
        assert.equal(await other.getAttribute('html', 'data-drawn'), 'team=5', 'not redrawn');
        return { markup: await rootMarkup(other), recommended: await other.locator('.layout__later').getAttribute('data-recommended') };
      });
      assert.equal(drawnByTheApp.recommended, recommended);
      assertSameMarkup(drawnByTheApp.markup, redrawn, 'the app draws what the changes redrew');
    });
  });

  for (const [what, query, options] of [
    ['its query in another order', '?new=1&team=12', {}],
    ['a reader whose browser prefers German', '?team=12&new=1', { locale: 'de-DE' }],
    ['answers for the team check in its fragment', '?team=12&new=1#size=12', {}],
  ]) {
    it(`a link to a team state with ${what} is drawn by the app, and no changes are fetched`, async () => {
      const setUp = async (page) => {
        const requested = [];
        page.on('request', (request) => requested.push(new URL(request.url()).pathname));
        return { requested };
      };
      await withPage(shared.browser, `${shared.server.url}${query}`, { waitFor: null, reach: false, setUp, ...options }, async ({ page, problems, requested }) => {
        await page.waitForSelector('html[data-twohats-ready]:not(.twohats-pending)', { state: 'attached' });
        assert.match(await page.locator('.recommendation__setup').innerText(), /^12 /);
        assert.equal(await page.locator('.team-size__modifiers input').first().isChecked(), true);
        assert.equal(await page.getAttribute('html', 'data-drawn'), 'team=5', 'not redrawn');
        assert.deepEqual(requested.filter((path) => path.includes('/drawn/')), []);
        assert.deepEqual(problems, []);
      });
    });
  }

  it('a link to a team state whose changes do not fit the page is drawn by the app, the page untouched until then', async () => {
    const setUp = (page) => page.route(/\/drawn\/.*\.json$/, (route) => route.fulfill({
      status: 200, contentType: 'application/json', body: '[[[0,0],"div","inner","not this page"]]',
    }));
    await withPage(shared.browser, `${shared.server.url}?team=12&new=1`, { waitFor: null, reach: false, setUp }, async ({ page, problems }) => {
      await page.waitForSelector('html[data-twohats-ready]:not(.twohats-pending)', { state: 'attached' });
      assert.equal(await page.getAttribute('html', 'data-drawn'), 'team=5', 'not redrawn');
      assert.equal(await page.locator('header.masthead .masthead__question').count(), 1, 'the header the change named a div is whole');
      assert.doesNotMatch(await page.locator('#two-hats').innerText(), /not this page/);
      assert.match(await page.locator('.recommendation__setup').innerText(), /^12 engineers/);
      assert.deepEqual(problems, []);
    });
  });

  it('a link with any other state loads the app at once, shows its masthead meanwhile, and its links lead on from that state', async () => {
    const setUp = async (page) => ({ release: await holdWasm(page) });
    await withPage(shared.browser, `${shared.server.url}?team=12&diff=1`, { waitFor: null, reach: false, setUp }, async ({ page, problems, release }) => {
      await page.waitForSelector('html.twohats-pending', { state: 'attached' });
      assert.equal(await page.locator('.masthead h1').isVisible(), true, 'the masthead is the same in every state');
      assert.equal(await page.locator('.recommendation').isVisible(), false, 'the drawn default is not the link\'s');
      await page.locator('.languages__link', { hasText: 'Deutsch' }).click();
      release();
      await page.waitForURL((url) => url.search === '?team=12&diff=1&lang=de');
      await page.waitForSelector('html[data-twohats-ready][lang=de]', { state: 'attached' });
      assert.match(await page.locator('.recommendation__setup').innerText(), /^12 /);
      assert.deepEqual(problems, []);
    });
  });

  it('hands the slider, a checkbox and a button pressed before the app started over to it', async () => {
    await withPage(shared.browser, shared.server.url, { waitFor: null, reach: false }, async ({ page, problems }) => {
      const release = await holdWasm(page);
      await page.locator('#team-size').focus();
      for (let press = 0; press < 7; press += 1) await page.keyboard.press('ArrowRight');
      await page.locator('.team-size__modifiers input').first().check();
      await page.locator('summary', { hasText: 'Embed' }).click();
      assert.equal(await page.locator('#team-size').inputValue(), '12', 'the slider moves as it would');
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-twohats-ready')), false, 'the app is held back');
      release();
      await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
      await page.waitForFunction(() => document.querySelector('.recommendation__setup').textContent.startsWith('12 engineers'));
      assert.equal(await page.locator('.team-size__modifiers input').first().isChecked(), true);
      await page.waitForURL((url) => url.search === '?team=12&new=1');
      assert.equal(await page.locator('details.share__embed').getAttribute('open'), '', 'the Embed panel opened');
      assert.ok(await page.locator('#embed-iframe').isVisible());
      assert.deepEqual(problems, []);
    });
  });
});
