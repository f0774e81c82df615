// End-to-end: the page works from the keyboard alone, with visible focus, and on small phones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

/** Tabs through the page until focus leaves it, describing each stop. */
async function tabStops(page) {
  const stops = [];
  for (let presses = 0; presses < 400; presses += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body || element.dataset.tabStop) return null;
      element.dataset.tabStop = 'seen';
      // The role picker hides its radio inputs and draws the ring on the label text.
      const ring = element.matches('.segmented__input') ? element.nextElementSibling : element;
      const style = getComputedStyle(ring);
      return {
        what: `${element.tagName.toLowerCase()} ${element.id || element.getAttribute('name') || element.textContent.trim().slice(0, 50)}`,
        type: element.getAttribute('type'),
        duty: element.classList.contains('duty__toggle'),
        ringVisible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

describe('keyboard only', () => {
  it('reaches every control with Tab, each with a visible focus ring', async () => {
    await withPage(shared.browser, shared.server.url, {}, async ({ page }) => {
      const stops = await tabStops(page);
      const names = stops.map((stop) => stop.what);
      for (const expected of ['button Copy link', 'summary Embed', 'input team-size', 'input compared-roles', 'select ']) {
        assert.ok(names.some((name) => name.startsWith(expected)), `${expected} is reachable: ${names.slice(0, 12)}`);
      }
      const rowButtons = stops.filter((stop) => stop.duty);
      assert.equal(rowButtons.length, await page.locator('tr.duty').count(), 'every duty opens from the keyboard');
      for (const expected of ['button Copy as Markdown', 'a Download CSV', 'button Start over']) {
        assert.ok(names.includes(expected), `${expected} is reachable`);
      }
      const quizGroups = stops.filter((stop) => stop.what.startsWith('input quiz-')).length;
      assert.equal(quizGroups, await page.locator('.quiz__question').count(), 'one stop per question');
      const checkboxes = await page.locator('input[type=checkbox]').count();
      assert.equal(stops.filter((stop) => stop.type === 'checkbox').length, checkboxes);
      const hidden = stops.filter((stop) => !stop.ringVisible).map((stop) => stop.what);
      assert.deepEqual(hidden, [], 'every stop shows its focus');
    });
  });

  it('moves the slider with arrows, Home, End, PageUp and PageDown', async () => {
    await withPage(shared.browser, `${shared.server.url}?team=10`, {}, async ({ page }) => {
      await page.locator('#team-size').focus();
      const value = () => page.locator('#team-size').inputValue().then(Number);
      await page.keyboard.press('ArrowRight');
      assert.equal(await value(), 11);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await value(), 9);
      await page.keyboard.press('Home');
      assert.equal(await value(), 1);
      await page.keyboard.press('PageUp');
      const paged = await value();
      assert.ok(paged > 2, `PageUp takes a bigger step (${paged})`);
      await page.keyboard.press('End');
      assert.equal(await value(), 50);
      await page.keyboard.press('PageDown');
      assert.ok((await value()) < 49);
      assert.match(await page.locator('.recommendation__setup').innerText(), new RegExp(`^${await value()} engineers`));
    });
  });

  it('opens the embed snippets and copies the link', async () => {
    const permissions = ['clipboard-read', 'clipboard-write'];
    await withPage(shared.browser, `${shared.server.url}?team=7&roles=tl,em`, { permissions, waitFor: null }, async ({ page }) => {
      await page.getByRole('button', { name: 'Copy link' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Link copied.').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, `${shared.server.url}?team=7&roles=tl,em`);
      await page.locator('summary', { hasText: 'Embed' }).press('Enter');
      const div = await page.getByLabel('One line, configured by data attributes').inputValue();
      assert.match(div, /^<div data-twohats data-team="7" data-roles="tl,em" data-title="Two Hats: Tech Lead vs Engineering Manager, interactive" data-height="\d+"><\/div>\n/);
      assert.ok(div.endsWith(`<script src="${shared.server.url}embed.js" async></script>`));
      // The snippets start a frame near the height the embed will have at a post's width.
      const startsAt = Number(div.match(/data-height="(\d+)"/)[1]);
      const embedAddress = `${shared.server.url}?team=7&roles=tl,em&embed=1`;
      const embedded = await withPage(shared.browser, embedAddress, { width: 720, height: 900, waitFor: null }, async ({ page: embed }) => {
        await embed.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
        return embed.evaluate(() => document.documentElement.getBoundingClientRect().height);
      });
      assert.ok(Math.abs(startsAt - embedded) / embedded < 0.15, `starts at ${startsAt} px; the embed is ${embedded} px`);
      const iframe = await page.getByLabel('iframe and embed.js').inputValue();
      assert.match(iframe, /src="[^"]+\?team=7&amp;roles=tl,em&amp;embed=1"/);
    });
  });
});

describe('reach', () => {
  for (const width of [320, 375, 480]) {
    it(`has no horizontal page scroll at ${width} px, full page and embedded`, async () => {
      for (const path of ['', '?embed=1&row=velocity']) {
        await withPage(shared.browser, `${shared.server.url}${path}`, { width, height: 700 }, async ({ page }) => {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
          assert.equal(overflow, 0, `${width}px ${path}`);
        });
      }
    });
  }

  it('gives every control a touch target of at least 44 px on a phone', async () => {
    await withPage(shared.browser, shared.server.url, { width: 375, height: 700 }, async ({ page }) => {
      const small = await page.evaluate(() => [...document.querySelectorAll(
        'button, select, summary, input[type=range], label.check, .segmented__text, .masthead__full-page',
      )].map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.height < 44 || box.width < 44))
        .map(({ element, box }) => `${element.tagName} ${element.textContent.trim().slice(0, 30)} ${Math.round(box.width)}x${Math.round(box.height)}`));
      assert.deepEqual(small, []);
    });
  });

  it('turns off motion when the reader asks for less', async () => {
    await withPage(shared.browser, shared.server.url, { reducedMotion: 'reduce' }, async ({ page }) => {
      const chevron = await page.evaluate(() => getComputedStyle(document.querySelector('.duty__chevron'), '::before').transitionDuration);
      assert.equal(chevron, '0s');
    });
  });
});
