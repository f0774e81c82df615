// End-to-end: "Which hat fits you?", and taking the matrix away as Markdown, CSV or paper.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { artifactsDir, useServerAndBrowser, withPage } from './harness.mjs';

const shared = useServerAndBrowser();

describe('which hat fits you', () => {
  it('leans to the Tech Lead for system answers, by keyboard, and keeps the answers in the URL', async () => {
    await withPage(shared.browser, shared.server.url, {}, async ({ page, problems }) => {
      const result = page.locator('.quiz__result');
      assert.match(await result.innerText(), /Answer any question/);
      const questions = page.locator('.quiz__question');
      const count = await questions.count();
      for (let i = 0; i < count; i += 1) {
        // The first option of every question is the one that leans furthest to the TL.
        await questions.nth(i).locator('input[type=radio]').first().focus();
        await page.keyboard.press('Space');
      }
      assert.match(await result.innerText(), new RegExp(`${count} of ${count} answered: Tech Lead\\b`));
      assert.match(await result.innerText(), /The trap to watch/);
      assert.ok((await result.locator('.quiz__deciding li').count()) > 0);
      // Keyed by question, so a link keeps its answers when questions are added.
      await page.waitForURL((url) => url.searchParams.get('quiz')?.split(',').length === count
        && url.searchParams.get('quiz').split(',').every((pair) => /^[a-z-]+\.0$/.test(pair)));
      await page.getByRole('button', { name: 'Start over' }).click();
      assert.match(await result.innerText(), /Answer any question/);
      assert.deepEqual(problems, []);
    });
  });

  it('opens a shared result from the URL', async () => {
    await withPage(shared.browser, `${shared.server.url}?quiz=22111121`, {}, async ({ page }) => {
      await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
      assert.match(await page.locator('.quiz__verdict').innerText(), /Engineering Manager/);
    });
  });
});

describe('take it with you', () => {
  it('copies the filtered matrix as Markdown', async () => {
    const permissions = ['clipboard-read', 'clipboard-write'];
    await withPage(shared.browser, `${shared.server.url}?roles=tl,em&group=people`, { permissions, waitFor: null }, async ({ page }) => {
      await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
      await page.getByRole('button', { name: 'Copy as Markdown' }).click();
      await page.getByText('Table copied.').waitFor();
      const markdown = await page.evaluate(() => navigator.clipboard.readText());
      const lines = markdown.split('\n');
      assert.equal(lines[0], '| Duty | TL | EM | Sources |');
      const rows = lines.filter((line) => line.startsWith('| ') && !line.startsWith('| Duty'));
      assert.equal(rows.length, await page.locator('tr.duty').count());
      assert.ok(rows.some((row) => row.startsWith('| One-on-ones | ○ Supports | ● Owns |')));
      assert.match(markdown, /Sources:\n1\. "Tech Lead vs Engineering Manager: The Real Difference/);
    });
  });

  it('downloads the matrix as CSV', async () => {
    await withPage(shared.browser, `${shared.server.url}?roles=em,tlm`, {}, async ({ page }) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
      assert.equal(download.suggestedFilename(), 'two-hats.csv');
      const csv = await readFile(await download.path(), 'utf8');
      const lines = csv.trimEnd().split('\r\n');
      assert.equal(lines[0], 'Group,Duty,Engineering Manager,Tech Lead Manager (Our reading),Sources');
      assert.equal(lines.length - 1, await page.locator('tr.duty').count());
    });
  });

  it('prints the recommendation and every row, without the controls', async () => {
    await withPage(shared.browser, shared.server.url, {}, async ({ page }) => {
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.share', '.languages', '.team-size', '.responsibilities__controls', '.matrix-export', '.quiz']) {
        assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
      }
      assert.ok(await page.locator('.recommendation').isVisible());
      const rows = page.locator('tr.duty');
      for (let i = 0; i < (await rows.count()); i += 1) assert.ok(await rows.nth(i).isVisible());
      await mkdir(artifactsDir, { recursive: true });
      for (const format of ['A4', 'Letter']) {
        const pdf = await page.pdf({ format, printBackground: true });
        assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        assert.ok(pages >= 2 && pages <= 12, `${format}: ${pages} pages`);
        await writeFile(join(artifactsDir, `print-${format}.pdf`), pdf);
      }
      await page.screenshot({ path: join(artifactsDir, 'print.png'), fullPage: true });
    });
  });
});
