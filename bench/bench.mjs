// The speed and size benchmark (not a test): cold loads of the built dist/ and of a static
// baseline, the same prerendered page with every script removed, measured in one run.
//
//   node bench/bench.mjs [--loads 10] [--inputs 200]
//
// Prints a table and writes the figures to target/bench/latest.json.
import { createServer } from 'node:http';
import { mkdir, readFile, readdir, writeFile, copyFile, rm } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const distDir = join(repoRoot, 'dist');
const outDir = join(repoRoot, 'target/bench');
const baselineDir = join(outDir, 'baseline');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const LOADS = option('loads', 10);
const INPUTS = option('inputs', 200);
const TARGETS = { fcpRatio: 1.1, interactiveMs: 250, sliderP95Ms: 4, cls: 0, firstViewGzipKb: 100 };

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
};

/** Serves a folder with every response gzip-compressed, as a production host would. */
function serveGzipped(root) {
  const cache = new Map();
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      if (!cache.has(file)) cache.set(file, gzipSync(await readFile(file), { level: 9 }));
      response.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-encoding': 'gzip',
        'cache-control': 'no-store',
      });
      response.end(cache.get(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((closed) => server.close(closed)),
  })));
}

/** The prerendered page as plain HTML: same markup and CSS, no script of any kind. */
async function writeBaseline() {
  await rm(baselineDir, { recursive: true, force: true });
  await mkdir(baselineDir, { recursive: true });
  const page = await readFile(join(distDir, 'index.html'), 'utf8');
  const staticPage = page
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\brel="?(modulepreload|preload)\b[^>]*>/g, '');
  await writeFile(join(baselineDir, 'index.html'), staticPage);
  await mkdir(join(baselineDir, 'assets'));
  for (const name of await readdir(join(distDir, 'assets'))) {
    if (name.endsWith('.css')) await copyFile(join(distDir, 'assets', name), join(baselineDir, 'assets', name));
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function coldLoad(browser, url, { interactive }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    addEventListener('twohats:started', (event) => { window.__wasm = event.detail.wasm; });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  if (interactive) await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
  // Paint entries are queued when the frame is presented, which can come after `load`.
  await page.evaluate(() => new Promise((done) => new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); done(); }
  }).observe({ type: 'paint', buffered: true })));
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    interactive: performance.getEntriesByName('twohats:interactive')[0]?.startTime ?? null,
    load: performance.getEntriesByType('navigation')[0].loadEventEnd,
    cls: window.__cls,
    wasmMemory: window.__wasm?.memory?.buffer?.byteLength ?? 0,
    files: [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
      .map((entry) => ({ name: new URL(entry.name).pathname.split('/').pop() || 'index.html', bytes: entry.encodedBodySize })),
  }));
  const { metrics } = await cdp.send('Performance.getMetrics');
  timing.jsHeap = metrics.find((metric) => metric.name === 'JSHeapUsedSize').value;
  return { timing, page, context };
}

/** Input-to-DOM time for slider moves: from dispatching `input` to the DOM mutation. */
function sliderLatencies(page, count) {
  return page.evaluate(async (count) => {
    const slider = document.querySelector('#team-size');
    const shown = document.querySelector('.recommendation__setup');
    const latencies = [];
    for (let i = 0; i < count; i += 1) {
      const next = String(2 + (i % 48));
      if (slider.value === next) continue;
      const updated = new Promise((done) => {
        const observer = new MutationObserver(() => { observer.disconnect(); done(performance.now()); });
        observer.observe(shown, { childList: true, subtree: true, characterData: true });
      });
      slider.value = next;
      const start = performance.now();
      performance.mark('slider-input');
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const end = await updated;
      performance.mark('slider-updated');
      latencies.push(end - start);
      await new Promise(requestAnimationFrame);
    }
    return latencies;
  }, count);
}

/** Lighthouse's mobile run (its default: a mid-range phone on a slow 4G link, simulated). */
async function lighthouseMobile(url) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const audit = (id) => lhr.audits[id].numericValue;
    return {
      scores: Object.fromEntries(Object.entries(lhr.categories).map(([id, category]) => [id, Math.round(category.score * 100)])),
      fcpMs: audit('first-contentful-paint'),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
    };
  } finally {
    await chrome.kill();
  }
}

/** Loads the widget and the baseline alternately, so drift on the machine hits both alike. */
async function measureBoth(browser, widgetUrl, baselineUrl) {
  const runs = { widget: [], baseline: [] };
  let slider = [];
  for (let i = 0; i < LOADS; i += 1) {
    for (const [name, url, interactive] of [['widget', widgetUrl, true], ['baseline', baselineUrl, false]]) {
      const { timing, page, context } = await coldLoad(browser, url, { interactive });
      runs[name].push(timing);
      if (interactive && i === LOADS - 1) slider = await sliderLatencies(page, INPUTS);
      await context.close();
    }
  }
  return { widget: summarise(runs.widget, slider), baseline: summarise(runs.baseline, []) };
}

function summarise(loads, slider) {
  const files = loads[0].files;
  const interactive = loads.map((l) => l.interactive).filter((value) => value != null);
  return {
    fcpMs: median(loads.map((l) => l.fcp)),
    interactiveMs: interactive.length ? median(interactive) : null,
    loadMs: median(loads.map((l) => l.load)),
    cls: Math.max(...loads.map((l) => l.cls)),
    jsHeapBytes: median(loads.map((l) => l.jsHeap)),
    wasmMemoryBytes: median(loads.map((l) => l.wasmMemory)),
    files,
    wireGzipBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    slider: slider.length ? { p50Ms: percentile(slider, 50), p95Ms: percentile(slider, 95), events: slider.length } : null,
  };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
await writeBaseline();
const widgetServer = await serveGzipped(distDir);
const baselineServer = await serveGzipped(baselineDir);
const { widget, baseline } = await measureBoth(browser, widgetServer.url, baselineServer.url);
await browser.close();
const lighthouse = {
  widget: await lighthouseMobile(widgetServer.url),
  baseline: await lighthouseMobile(baselineServer.url),
};
await widgetServer.close();
await baselineServer.close();

const kb = (bytes) => (bytes / 1024).toFixed(1);
const ms = (value) => (value == null ? 'n/a' : value.toFixed(1));
const ratio = (a, b) => (a == null || !b ? 'n/a' : `${(a / b).toFixed(2)}×`);
const rows = [
  ['first view on the wire (KB gzip)', kb(widget.wireGzipBytes), kb(baseline.wireGzipBytes), ratio(widget.wireGzipBytes, baseline.wireGzipBytes), `≤ ${TARGETS.firstViewGzipKb} KB`, widget.wireGzipBytes / 1024 <= TARGETS.firstViewGzipKb],
  ['first contentful paint (ms, median)', ms(widget.fcpMs), ms(baseline.fcpMs), ratio(widget.fcpMs, baseline.fcpMs), `≤ ${TARGETS.fcpRatio}× baseline`, widget.fcpMs <= baseline.fcpMs * TARGETS.fcpRatio],
  ['interactive (ms after navigation start)', ms(widget.interactiveMs), 'n/a', 'n/a', `≤ ${TARGETS.interactiveMs} ms`, widget.interactiveMs <= TARGETS.interactiveMs],
  ['load event (ms, median)', ms(widget.loadMs), ms(baseline.loadMs), ratio(widget.loadMs, baseline.loadMs), '', null],
  ['slider input → DOM p50 (ms)', ms(widget.slider?.p50Ms), 'n/a', 'n/a', '', null],
  ['slider input → DOM p95 (ms)', ms(widget.slider?.p95Ms), 'n/a', 'n/a', `≤ ${TARGETS.sliderP95Ms} ms`, widget.slider?.p95Ms <= TARGETS.sliderP95Ms],
  ['cumulative layout shift (max)', widget.cls.toFixed(3), baseline.cls.toFixed(3), '', `= ${TARGETS.cls}`, widget.cls === TARGETS.cls],
  ['JS heap after load (KB)', kb(widget.jsHeapBytes), kb(baseline.jsHeapBytes), ratio(widget.jsHeapBytes, baseline.jsHeapBytes), '', null],
  ['wasm memory after load (KB)', kb(widget.wasmMemoryBytes), 'n/a', 'n/a', '', null],
];
const header = ['figure', 'widget', 'baseline', 'ratio', 'target', 'met'];
const table = [header, ...rows.map((row) => [...row.slice(0, 5), row[5] == null ? '' : row[5] ? 'yes' : 'NO'])];
const widths = header.map((_, column) => Math.max(...table.map((row) => String(row[column]).length)));
console.log(`\nTwo Hats benchmark: ${LOADS} cold loads each, ${widget.slider?.events ?? 0} slider inputs\n`);
for (const row of table) console.log(row.map((cell, column) => String(cell).padEnd(widths[column])).join('  '));
console.log('\nLighthouse, mobile (simulated slow 4G, 4× CPU slowdown):');
for (const [name, run] of Object.entries(lighthouse)) {
  const scores = Object.entries(run.scores).map(([id, score]) => `${id} ${score}`).join(', ');
  console.log(`  ${name.padEnd(9)} ${scores}; FCP ${ms(run.fcpMs)} ms, LCP ${ms(run.lcpMs)} ms, TBT ${ms(run.tbtMs)} ms, CLS ${run.cls.toFixed(3)}`);
}

const fileSizes = [];
const distFiles = (await readdir(distDir, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile() && !/\.(gz|br)$/.test(entry.name))
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(distDir.length + 1))
  .sort();
for (const name of distFiles) {
  const body = await readFile(join(distDir, name));
  fileSizes.push({
    name,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
    firstView: widget.files.some((file) => file.name === name.split('/').pop()),
  });
}
console.log('\ndist/ files (bytes; * = loaded by the first view):');
console.log(`  ${'file'.padEnd(44)} ${'raw'.padStart(8)} ${'gzip'.padStart(8)} ${'brotli'.padStart(8)}`);
for (const file of fileSizes) {
  console.log(`${file.firstView ? '*' : ' '} ${file.name.padEnd(44)} ${String(file.raw).padStart(8)} ${String(file.gzip).padStart(8)} ${String(file.brotli).padStart(8)}`);
}
const firstView = fileSizes.filter((file) => file.firstView);
const sum = (key) => firstView.reduce((total, file) => total + file[key], 0);
console.log(`* ${'first view total'.padEnd(44)} ${String(sum('raw')).padStart(8)} ${String(sum('gzip')).padStart(8)} ${String(sum('brotli')).padStart(8)}`);

await mkdir(outDir, { recursive: true });
const report = { date: new Date().toISOString(), loads: LOADS, targets: TARGETS, widget, baseline, lighthouse, files: fileSizes };
await writeFile(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwritten: ${join(outDir, 'latest.json')}`);
