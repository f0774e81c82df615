// End-to-end: "Check your team". A leader describes their team, sees what the articles' rules
// make of it, each finding with its source and a move that settles it, sends the link, and a
// second person answers it as themselves. The answers live in the address's fragment only.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, useServerAndBrowser, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

const ready = (page) => page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });

/** Opens the check alone (or on the whole page, with `query`), with `answers` as its fragment. */
function openCheck(answers, options, use, query = 'view=check') {
  const url = `${shared.server.url}?${query}${answers ? `#${answers}` : ''}`;
  return withPage(shared.browser, url, { waitFor: null, ...options }, async (opened) => {
    await ready(opened.page);
    await opened.page.waitForSelector('.team-check:not([aria-busy]) .team-check__summary');
    return use(opened);
  });
}

/** The findings on the page as `id` or `id:duty`, in order. */
const findings = (page) => page.$$eval('[data-finding]', (items) => items.map((item) => item.dataset.finding + (item.dataset.duty ? `:${item.dataset.duty}` : '')));
const fragment = (page) => new URL(page.url()).hash.slice(1);
const duty = (page, id) => page.locator(`#team-check-duty-${id}`);

describe('check your team', () => {
  it('finds nothing wrong with a team that follows the articles', async () => {
    await openCheck('size=6&tl-coding=50&em-coding=10', {}, async ({ page, problems }) => {
      assert.deepEqual(await findings(page), []);
      assert.match(await page.locator('.team-check__summary').innerText(), /^No findings/);
      assert.equal(await duty(page, 'one-on-ones').inputValue(), 'em', 'pre-filled with the articles\' answer');
      assert.equal(await duty(page, 'architecture').inputValue(), 'tl');
      assert.deepEqual(problems, []);
    });
  });

  it('fills in a team that breaks each rule and shows every finding with its source', async () => {
    await openCheck('', {}, async ({ page, problems }) => {
      const setup = page.locator('.team-check__setup');
      await setup.getByLabel('Engineers on the team').fill('14');
      await setup.getByLabel('One person, as TL and EM').check();
      await setup.getByLabel('Share of the week the lead codes, in %').fill('60');
      await setup.getByLabel('The lead has written production code in the last six months').uncheck();
      await duty(page, 'hiring').selectOption('none');
      await page.waitForFunction(() => document.querySelectorAll('[data-finding]').length === 5);
      assert.deepEqual(await findings(page), [
        'split-now', 'tl-coding-not-halved', 'em-architecture-stale:architecture', 'em-architecture-stale:technical-decisions', 'unowned:hiring',
      ]);
      assert.equal(fragment(page), 'size=14&lead=one&tl-coding=60&em-code=stale&o.hiring=none');
      const split = page.locator('[data-finding="split-now"]');
      assert.match(await split.innerText(), /One person leads 14 engineers/);
      assert.match(await split.locator('.citation').innerText(), /^Source: Tech Lead vs Engineering Manager: The Real Difference/);
      const halved = page.locator('[data-finding="tl-coding-not-halved"]');
      assert.match(await halved.locator('.citation').innerText(), /^Our reading of:/, '"half" is marked as our reading');
      assert.match(await page.locator('.team-check__summary').innerText(), /Rules broken: 4 · Risks: 1/);
      assert.match(await page.locator('[data-duty="hiring"] .team-check__flag').innerText(), /Risk/);

      await page.goto(`${shared.server.url}?view=check#o.salaries-ratings=tl&o.one-on-ones=both&tl-coding=80&em-coding=40&second=1&o2.priorities=tl`);
      await page.waitForFunction(() => document.querySelectorAll('[data-finding]').length >= 6);
      const more = await findings(page);
      for (const expected of ['tl-authority:salaries-ratings', 'tl-trap:one-on-ones', 'em-trap:one-on-ones', 'double-owned:one-on-ones', 'tl-coding-range', 'em-coding-range', 'perspectives-differ:priorities']) {
        assert.ok(more.includes(expected), `${expected} in ${more}`);
      }
      for (const item of await page.locator('[data-finding]').all()) {
        assert.match(await item.locator('.citation').innerText(), /^(Source|Sources|Our reading of):/);
      }
      assert.deepEqual(problems, []);
    });
  });

  it('settles a finding with its move, by keyboard, and keeps the focus with the findings', async () => {
    await openCheck('size=14&lead=one&o.one-on-ones=none', {}, async ({ page, problems }) => {
      assert.deepEqual(await findings(page), ['split-now', 'unowned:one-on-ones']);
      const move = page.locator('[data-finding="unowned"] button');
      assert.equal(await move.innerText(), 'Move One-on-ones to the lead');
      await move.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => !document.querySelector('[data-finding="unowned"]'));
      assert.equal(await page.evaluate(() => document.activeElement.className), 'team-check__summary');
      assert.equal(await duty(page, 'one-on-ones').inputValue(), 'both');
      await page.locator('[data-finding="split-now"] button').click();
      await page.waitForFunction(() => !document.querySelector('[data-finding]'));
      assert.equal(fragment(page), 'size=14');
      assert.equal(await page.locator('.team-check__setup').getByLabel('A TL and an EM').isChecked(), true);
      // Back undoes the move, then the one before it.
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('[data-finding="split-now"]'));
      assert.equal(fragment(page), 'size=14&lead=one');
      assert.deepEqual(problems, []);
    });
  });

  it('reopens the link with the same answers, and a second person sees where they differ', async () => {
    let link;
    await openCheck('', {}, async ({ page }) => {
      await duty(page, 'one-on-ones').selectOption('tl');
      await duty(page, 'priorities').selectOption('other');
      await page.waitForFunction(() => location.hash.includes('priorities'));
      link = page.url();
    });
    await withPage(shared.browser, link, { waitFor: null }, async ({ page, problems }) => {
      await ready(page);
      await page.waitForSelector('[data-finding="tl-trap"]');
      assert.equal(await duty(page, 'one-on-ones').inputValue(), 'tl');
      assert.equal(await duty(page, 'priorities').inputValue(), 'other');
      await page.getByRole('button', { name: 'Answer as a second person' }).click();
      assert.equal(await page.getByLabel('Second person').isChecked(), true);
      assert.equal(await duty(page, 'one-on-ones').inputValue(), 'em', 'the second person starts from the articles\' answers');
      await duty(page, 'hiring').selectOption('tl');
      await page.waitForSelector('[data-finding="perspectives-differ"][data-duty="hiring"]');
      assert.deepEqual((await findings(page)).filter((id) => id.startsWith('perspectives')),
        ['perspectives-differ:one-on-ones', 'perspectives-differ:hiring', 'perspectives-differ:priorities']);
      assert.match(await page.locator('[data-finding="perspectives-differ"][data-duty="one-on-ones"]').innerText(), /one answer names the TL and the other the EM/);
      assert.equal(fragment(page), 'o.one-on-ones=tl&o.priorities=other&second=1&as=2&o2.hiring=tl');
      // The first person's answers are theirs still.
      await page.getByLabel('First person').check();
      assert.equal(await duty(page, 'hiring').inputValue(), 'em');
      assert.deepEqual(problems, []);
    });
  });

  it('keeps what it can use of a hand-written fragment and writes the rest back in canonical form', async () => {
    await openCheck('size=12&lead=three&o.hiring=boss&o.one-on-ones=tl&zzz=1&new=maybe', {}, async ({ page, problems }) => {
      await page.waitForFunction(() => location.hash === '#size=12&o.one-on-ones=tl');
      assert.equal(await duty(page, 'one-on-ones').inputValue(), 'tl');
      assert.equal(await duty(page, 'hiring').inputValue(), 'em', 'a holder it cannot read keeps the articles\' answer');
      assert.deepEqual(problems, []);
    });
  });

  it('shows only what was changed, on request', async () => {
    await openCheck('o.hiring=other', {}, async ({ page }) => {
      await page.getByLabel('Only the duties I changed').check();
      await page.waitForFunction(() => document.querySelectorAll('.team-check__duty').length === 1);
      assert.match(await page.locator('.team-check__duty').innerText(), /Headcount planning[\s\S]*The articles: EM/);
      await page.getByRole('button', { name: 'Back to the articles\' answers' }).click();
      await page.waitForSelector('.team-check__nothing');
      assert.equal(fragment(page), 'only-changed=1');
    });
  });

  it('copies the findings as Markdown', async () => {
    const permissions = ['clipboard-read', 'clipboard-write'];
    await openCheck('size=14&lead=one', { permissions }, async ({ page }) => {
      await page.locator('.team-check__export').getByRole('button', { name: 'Copy the findings as Markdown' }).click();
      await page.waitForSelector('.team-check__export .copy__status:text("Findings copied.")');
      const markdown = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(markdown, /^## Check your team\n\n14 engineers · One person, as TL and EM\n/);
      assert.match(markdown, /- \*\*Breaks a rule:\*\* One person leads 14 engineers\./);
      assert.match(markdown, /Source: \*Tech Lead vs Engineering Manager: The Real Difference \(Not the Same Role\)\*/);
      assert.match(markdown, /What to move: Split the roles: a TL and an EM/);
    });
  });

  it('prints the check alone, from its Print button', async () => {
    await openCheck('size=14&lead=one', {}, async ({ page }) => {
      await page.evaluate(() => {
        window.print = () => { window.__printing = document.documentElement.getAttribute('data-print-only'); };
      });
      await page.locator('.team-check__export').getByRole('button', { name: 'Print' }).click();
      assert.equal(await page.evaluate(() => window.__printing), 'team-check');
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-print-only')), false, 'and after, the page prints whole again');
      await page.evaluate(() => document.documentElement.setAttribute('data-print-only', 'team-check'));
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.recommendation', '.responsibilities', '.masthead', '.team-check button']) {
        assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
      }
      assert.equal(await page.locator('[data-finding="split-now"]').isVisible(), true);
      for (const format of ['A4', 'Letter']) {
        const pdf = await page.pdf({ format, printBackground: true });
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        assert.ok(pages >= 1 && pages <= 5, `${format}: ${pages} pages`);
      }
    }, 'team=5');
  });

  it('speaks German', async () => {
    await openCheck('size=14&lead=one', {}, async ({ page, problems }) => {
      assert.equal(await page.locator('#team-check-heading').innerText(), 'Prüfe dein Team');
      assert.match(await page.locator('[data-finding="split-now"]').innerText(), /Eine Person leitet 14 Engineers/);
      assert.equal(await page.locator('[data-finding="split-now"] button').innerText(), 'Rollen trennen: ein TL und ein EM');
      assert.deepEqual(problems, []);
    }, 'view=check&lang=de');
  });

  it('works at 320 px, with no sideways scroll', async () => {
    await openCheck('size=14&lead=one&o.hiring=none', { width: 320, height: 640 }, async ({ page, problems }) => {
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0);
      const [findingsTop, dutiesTop] = await page.evaluate(() => ['.team-check__findings', '.team-check__duties']
        .map((selector) => document.querySelector(selector).getBoundingClientRect().top));
      assert.ok(findingsTop < dutiesTop, 'on a phone the findings come before the long list of duties');
      await duty(page, 'hiring').selectOption('both');
      await page.waitForFunction(() => !document.querySelector('[data-finding="unowned"]'));
      // A menu the reader has used, set by a move to a choice they had made before.
      await duty(page, 'hiring').selectOption('none');
      await page.locator('[data-finding="unowned"] button').click();
      await page.waitForFunction(() => !document.querySelector('[data-finding="unowned"]'));
      assert.equal(await duty(page, 'hiring').inputValue(), 'both');
      assert.deepEqual(problems, []);
    });
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`has no axe-core violations with findings on show (${colorScheme})`, async () => {
      await openCheck('size=14&lead=one&em-code=stale&o.hiring=none&second=1', { colorScheme }, async ({ page }) => {
        assert.deepEqual(await axeViolations(page), []);
      });
    });
  }

  it('sends no answer anywhere and stores nothing', async () => {
    const requests = [];
    const setUp = (page) => page.on('request', (request) => requests.push(request.url()));
    await openCheck('size=14&lead=one&o.hiring=none', { setUp }, async ({ page }) => {
      await duty(page, 'architecture').selectOption('other');
      await page.locator('[data-finding="split-now"] button').click();
      await page.waitForFunction(() => !document.querySelector('[data-finding="split-now"]'));
      // Reaching every part loads everything the page may load.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      const stored = await page.evaluate(async () => ({
        local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
        databases: (await indexedDB.databases()).length,
      }));
      assert.deepEqual(stored, { local: 0, session: 0, cookie: '', databases: 0 });
    });
    assert.ok(requests.length > 5);
    for (const url of requests) {
      assert.doesNotMatch(url, /size=|lead=|hiring|architecture|#/, url);
    }
  });
});
