// Scratch: embed heights per part at 720 px, and screenshots of the new states. Not committed.
import { serve, launch, open } from './harness.mjs';
const server = await serve();
const browser = await launch();
for (const part of ['team', 'compare', 'situations', 'facts']) {
  const { page, problems } = await open(browser, `${server.url}?view=${part}&embed=1`, { width: 720, waitFor: null });
  await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  const h = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
  console.log(part, Math.round(h), JSON.stringify(problems));
  await page.close();
}
for (const [name, query, width] of [['one', '?team=1&view=team', 390], ['twelve-new', '?team=12&new=1&view=team', 390], ['fifty', '?team=50&view=team', 1280], ['nine-new', '?team=9&new=1&view=team', 1280], ['facts', '?view=facts', 1280], ['situations', '?view=situations', 1280], ['de-twelve', '?team=12&lang=de&view=team', 1280]]) {
  const { page, problems } = await open(browser, `${server.url}${query}`, { width, height: 900, waitFor: null });
  await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: true });
  console.log(name, JSON.stringify(problems));
  await page.close();
}
await browser.close();
await server.close();
