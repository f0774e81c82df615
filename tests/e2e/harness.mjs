// Shared set-up for the end-to-end tests: a static server over the built dist/ and Debian's
// Chromium driven by playwright-core. Nothing here downloads a browser.
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, readdir, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
export const repoRoot = resolve(here, '../..');
export const distDir = resolve(process.env.TWOHATS_DIST ?? join(repoRoot, 'dist'));
export const artifactsDir = join(here, 'artifacts');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
};

export const examplesDir = join(repoRoot, 'examples');

/** The strict Content-Security-Policy the widget is built for, as `deploy/_headers` sends it:
 *  the one place it is written. The nginx and Caddy configurations must send the same
 *  (servers.test.mjs). */
export const POLICY = (await readFile(join(repoRoot, 'deploy/_headers'), 'utf8'))
  .match(/Content-Security-Policy: (.+)/)[1]
  .trim();

/** Debian's Chromium and its flags as `webdriver.json` gives them to the component tests: the
 *  one place they are written. Playwright sets its own headless mode. */
const webdriver = JSON.parse(await readFile(join(repoRoot, 'webdriver.json'), 'utf8'))['goog:chromeOptions'];
export const CHROMIUM = process.env.CHROMIUM ?? webdriver.binary;
export const CHROMIUM_FLAGS = webdriver.args;

/** The short names of the matrix's columns the page shows as recommended (a badge the
 *  stylesheet shows from `data-recommended`), joined by commas, in a page or a frame. */
export const recommendedColumns = (page) => page.$$eval('.matrix__role', (headers) => headers
  .filter((header) => getComputedStyle(header.querySelector('.matrix__badge')).display !== 'none')
  .map((header) => header.querySelector('abbr').textContent)
  .join());

/** Copies the built dist/ to `folder` and readies it for `publicUrl`, as
 *  `cargo xtask dist --public-url` does: discovery, oEmbed, part pages and preview tags. */
export async function publishedCopy(folder, publicUrl) {
  await cp(distDir, folder, { recursive: true });
  await promisify(execFile)('cargo', ['run', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', '--publish', publicUrl, folder], { cwd: repoRoot });
}

/** Where the release keeps a file the page loads, such as `two-hats_bg.wasm`: its
 *  content-hashed name under assets/, relative to dist/. */
export async function assetPath(name) {
  const dot = name.lastIndexOf('.');
  const pattern = new RegExp(`^${name.slice(0, dot)}-[0-9a-f]{16}\\${name.slice(dot)}$`);
  const found = (await readdir(join(distDir, 'assets'))).filter((file) => pattern.test(file));
  if (found.length !== 1) throw new Error(`dist/assets/ holds ${found.length} files for ${name}`);
  return `assets/${found[0]}`;
}

/**
 * Serves folders on a free loopback port; resolves to { url, close }. `mounts` maps URL
 * prefixes to folders, longest prefix first, so dist/ can sit under a sub-path.
 */
export function serve(mounts = [['/', distDir]], headers = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const [prefix, root] = mounts.find(([p]) => path.startsWith(p)) ?? [];
    if (!root) {
      response.writeHead(404).end('not found');
      return;
    }
    const inner = path.slice(prefix.length);
    const file = normalize(join(root, inner === '' || inner.endsWith('/') ? `${inner}index.html` : inner));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', ...headers });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((closed) => server.close(closed)) });
    });
  });
}

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS.filter((flag) => flag !== '--headless'),
  });
}

/**
 * Opens `url` in a page of its own, watched for what a reader should never see (`watch`), and
 * resolves to what `use({ page, problems, ...more })` resolves to. The page is closed whatever
 * happens, a failed assertion included. Besides the page's viewport, colour scheme, motion,
 * JavaScript and locale, `options` may name `origins` it may also load from, `permissions` for
 * its origin, `setUp(page)` to run before it loads (resolving to `more`), `waitFor`, a
 * selector to wait for (null: none) before the later parts are brought to life, and `reach`:
 * unless false, the pointer moves onto the page once it has loaded, as a reader's does, which
 * starts the app on a page that waits for the reader (js/boot.js).
 */
export async function withPage(browser, url, options, use) {
  const {
    width = 1280, height = 900, colorScheme = 'light', reducedMotion, javaScriptEnabled = true,
    locale = 'en-US', permissions = [], origins = [], waitFor = 'table.matrix', setUp, reach = true,
  } = options;
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion, javaScriptEnabled, locale });
  try {
    if (permissions.length) await context.grantPermissions(permissions, { origin: new URL(url).origin });
    const page = await context.newPage();
    const problems = watch(page, [new URL(url).origin, ...origins]);
    const more = await setUp?.(page);
    await page.goto(url);
    if (reach && javaScriptEnabled) await page.mouse.move(width / 2, 1);
    if (waitFor) await page.waitForSelector(waitFor);
    if (waitFor && javaScriptEnabled) await liveLaterParts(page);
    return await use({ page, problems, ...more });
  } finally {
    await context.close();
  }
}

/**
 * Brings the parts below the slider to life as a reader does, by scrolling to them (their code
 * is a wasm chunk fetched then: later-parts.test.mjs tests that time), and scrolls back.
 */
async function liveLaterParts(page) {
  if (!(await page.locator('.layout__later').count())) return;
  await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
  const top = await page.evaluate(() => {
    const at = scrollY;
    document.querySelector('.layout__later > *').scrollIntoView();
    return at;
  });
  await page.waitForFunction(() => !document.querySelector('.layout__later > [aria-busy]'));
  await page.evaluate((at) => scrollTo(0, at), top);
}

/** Collects console errors and warnings, uncaught exceptions, failed responses and requests
 *  to any origin not in `origins`, for every frame of the page. */
function watch(page, origins) {
  const problems = [];
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const requested = new URL(request.url());
    if (!['data:', 'blob:'].includes(requested.protocol) && !origins.includes(requested.origin)) {
      problems.push(`request to another origin: ${request.url()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/**
 * Waits until WordPress's wp-embed.js has given the frame (`iframe.wp-embedded-content`) the
 * height of the content `frame` shows, bounded as WordPress bounds it; resolves to that height.
 * The content reports its height on every change: the wait is for the host page to apply it.
 */
export async function sizedByWordPress(page, frame) {
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const wanted = Math.min(1000, Math.max(200, content));
  const iframe = page.locator('iframe.wp-embedded-content');
  await page.waitForFunction(
    (wanted) => Math.abs(Number(document.querySelector('iframe.wp-embedded-content').getAttribute('height')) - wanted) <= 2,
    wanted,
    { timeout: 10000 },
  ).catch(async () => assert.fail(`frame ${await iframe.getAttribute('height')} px, content ${content} px`));
  return Number(await iframe.getAttribute('height'));
}

/** Runs axe-core from npm inside the page; resolves to its violations. */
export async function axeViolations(page) {
  const axeSource = await readFile(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** The number of responsibilities in the content file, counted from its source text. */
export async function contentRowCount() {
  const toml = await readFile(join(repoRoot, 'content/two-hats.toml'), 'utf8');
  return toml.split('\n').filter((line) => line.trim() === '[[responsibilities]]').length;
}

/**
 * Serves `mounts` and launches Chromium before a test file's tests, and stops both after.
 * The returned object holds `server` and `browser` once the tests run.
 */
export function useServerAndBrowser(mounts, headers) {
  const shared = {};
  before(async () => {
    shared.server = await serve(mounts, headers);
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** A free loopback port, for servers that cannot pick their own. */
export function freePort() {
  return new Promise((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Retries `check` every 100 ms until it resolves to true. */
export async function waitUntil(check, what, tries = 200) {
  for (let i = 0; i < tries; i += 1) {
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Starts a server in a process group of its own; `stop` ends it with its workers. */
export function startServer(command, args, options) {
  return spawn(command, args, { stdio: 'ignore', detached: true, ...options });
}

export async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((done) => setTimeout(done, 10000))]);
  if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
}

/** Sums the page's layout shifts not caused by input, from its first paint on. */
export function trackLayoutShifts(page) {
  return page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export const layoutShifts = (page) => page.evaluate(() => window.__shifts);
