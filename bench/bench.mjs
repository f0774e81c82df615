// The speed and size benchmark (not a test): cold loads of the built dist/ and of a static
// baseline, the same prerendered page with every script removed, measured in one run. Every
// timing target is a ratio against that baseline, since machines differ by 2× and more; bytes
// are absolute. The slider's baseline is a plain-JavaScript handler on the static page that
// makes the same DOM writes the widget made for the same inputs.
//
// Then bench/addresses.mjs measures every kind of address a reader arrives by, locally and
// under a phone's network and CPU, each against its own static baseline.
//
//   node bench/bench.mjs [--loads 10] [--inputs 200] [--dist dist/]
//
// --loads also sets the addresses' loads (default 5). Prints the tables, writes the figures
// to target/bench/latest.json and docs/measured.md.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { breakdown } from './wasm-breakdown.mjs';
import { measureAddresses, printAddresses } from './addresses.mjs';
import { writeMeasured } from './measured.mjs';
import {
  distDir, distFileSizes, folderName, installPlainSlider, releaseName, kb, median, met, ms, option, outDir, percentile, ratio, repoRoot,
  serveGzipped, textTable, writeBaseline,
} from './shared.mjs';
import { CHROMIUM, CHROMIUM_FLAGS, launch } from '../tests/e2e/harness.mjs';

const baselineDir = join(outDir, 'baseline');
/** Where `cargo xtask bench` builds bench/yew-floor. */
const floorDir = join(repoRoot, 'target/yew-floor/page');
const FLOOR_LOADS = 3;
const LOADS = option('loads', 10);
const INPUTS = option('inputs', 200);
const TARGETS = {
  fcpRatio: 1.1,
  /** Interactive, against the baseline's load event. */
  interactiveRatio: 1.5,
  /** Slider p95, against the plain-JavaScript handler's. */
  sliderP95Ratio: 1.5,
  /** Answer to findings in the team check, absolute: within the frame the answer was given in. */
  checkP95Ms: 16,
  lighthousePoints: 2,
  cls: 0,
};
/** The slider values the latency runs step through, from the default of 5: 2 to 49, again and again. */
const SLIDER_VALUES = Array.from({ length: INPUTS }, (_, i) => String(2 + (i % 48)));

/** Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs: the
 *  plain-JavaScript slider's writes take well under a millisecond. */
const ISOLATED = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/** A cold load of `url`; where `interactive`, until the app is live. */
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
  if (interactive) {
    // A page that arrives right starts its app when the reader reaches for it (js/boot.js):
    // this reader's pointer comes onto it at its load event.
    await page.mouse.move(640, 1);
    await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
  }
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
      // Named as in dist/: its drawn pages are all index.html, each in a folder of its own.
      .map((entry) => ({ name: decodeURIComponent(new URL(entry.name).pathname).slice(1).replace(/(^|\/)$/, '$1index.html'), bytes: entry.encodedBodySize })),
  }));
  const { metrics } = await cdp.send('Performance.getMetrics');
  timing.jsHeap = metrics.find((metric) => metric.name === 'JSHeapUsedSize').value;
  return { timing, page, context };
}

/** Input-to-DOM time for slider moves: from dispatching `input` to the page's mutations,
 *  which an observer receives once the handler's writes are all done. */
function sliderLatencies(page) {
  return page.evaluate(async (values) => {
    const slider = document.querySelector('#team-size');
    const shown = document.querySelector('main');
    const latencies = [];
    for (const value of values) {
      if (slider.value === value) continue;
      const updated = new Promise((done) => {
        const observer = new MutationObserver(() => { observer.disconnect(); done(performance.now()); });
        observer.observe(shown, { childList: true, subtree: true, characterData: true, attributes: true });
      });
      slider.value = value;
      const start = performance.now();
      performance.mark('slider-input');
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const end = await updated;
      performance.mark('slider-updated');
      latencies.push(end - start);
      await new Promise(requestAnimationFrame);
    }
    return latencies;
  }, SLIDER_VALUES);
}

/** Answer-to-findings time in "Check your team": from a duty's menu changing (to nobody, then
 *  back to the articles' answer, duty after duty, so every answer adds or settles a finding)
 *  to the findings' mutations, which an observer receives once the writes are all done. */
function checkLatencies(page, inputs) {
  return page.evaluate(async (inputs) => {
    const findings = document.querySelector('.team-check__findings');
    const menus = [...document.querySelectorAll('.team-check__duty select')];
    const latencies = [];
    for (let i = 0; latencies.length < inputs; i += 1) {
      const menu = menus[Math.floor(i / 2) % menus.length];
      const before = menu.value;
      const updated = new Promise((done) => {
        const observer = new MutationObserver(() => { observer.disconnect(); done(performance.now()); });
        observer.observe(findings, { childList: true, subtree: true, characterData: true, attributes: true });
      });
      const answer = i % 2 === 0 ? 'none' : menu.dataset.articles;
      if (i % 2 === 0) menu.dataset.articles = before;
      menu.value = answer;
      const start = performance.now();
      menu.dispatchEvent(new Event('change', { bubbles: true }));
      latencies.push((await updated) - start);
      await new Promise(requestAnimationFrame);
    }
    return latencies;
  }, inputs);
}

/** The widget's page (`main`) after each slider value it is moved to, from the default. */
function recordSliderStates(page) {
  return page.evaluate(async (values) => {
    const slider = document.querySelector('#team-size');
    const states = { [slider.value]: document.querySelector('main').outerHTML };
    for (const value of values) {
      slider.value = value;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise(requestAnimationFrame);
      states[value] = document.querySelector('main').outerHTML;
    }
    return states;
  }, [...new Set(SLIDER_VALUES)]);
}

/** Each (from, to) pair the latency run moves the slider through. */
function sliderMoves(start) {
  const moves = new Set();
  let current = start;
  for (const next of SLIDER_VALUES) {
    if (next !== current) moves.add(`${current}>${next}`);
    current = next;
  }
  return [...moves].map((move) => move.split('>'));
}

/** Lighthouse's mobile run (its default: a mid-range phone on a slow 4G link, simulated). */
async function lighthouseMobile(url) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch: launchChrome } = await import('chrome-launcher');
  const chrome = await launchChrome({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
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
      if (interactive && i === LOADS - 1) slider = await sliderLatencies(page);
      await context.close();
    }
  }
  return { widget: summarise(runs.widget, slider), baseline: summarise(runs.baseline, await plainSlider(browser, widgetUrl, baselineUrl)) };
}

/** The plain-JavaScript slider on the static page, making the writes the widget made. */
async function plainSlider(browser, widgetUrl, baselineUrl) {
  const widget = await coldLoad(browser, widgetUrl, { interactive: true });
  const states = await recordSliderStates(widget.page);
  await widget.context.close();
  const plain = await coldLoad(browser, baselineUrl, { interactive: false });
  await installPlainSlider(plain.page, states, '5', sliderMoves('5'));
  const latencies = await sliderLatencies(plain.page);
  const end = await plain.page.evaluate(() => document.querySelector('main').outerHTML);
  await plain.context.close();
  if (end !== states[SLIDER_VALUES.at(-1)]) throw new Error('the plain-JavaScript slider did not reach the widget\'s page');
  return latencies;
}

/** Slider moves on the smallest page Yew redraws (bench/yew-floor: one component, the three
 *  writes every move of the app's slider makes at the least) and on its plain-JavaScript
 *  twin, a fresh page each per load, alternately: how much of the slider's ratio is Yew's own. */
async function yewFloor(browser, url) {
  const moves = { yew: [], plain: [] };
  for (let i = 0; i < FLOOR_LOADS; i += 1) {
    for (const [name, page] of [['yew', 'index.html'], ['plain', 'plain.html']]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const tab = await context.newPage();
      await tab.goto(url + page, { waitUntil: 'load' });
      await tab.waitForSelector('html[data-ready]', { state: 'attached' });
      moves[name].push(...await sliderLatencies(tab));
      await context.close();
    }
  }
  return moves;
}

/** When the later parts' chunk loads, from a reader who scrolls to the matrix once the page
 *  is interactive: whether the first view had fetched it, and how long after the scroll it
 *  was requested, in, and the parts live. */
async function laterPartsChunk(browser, url) {
  const { page, context } = await coldLoad(browser, url, { interactive: true });
  const chunkEntries = () => page.evaluate(() => performance.getEntriesByType('resource')
    .filter((entry) => /\/split_later_parts-[^/]+\.wasm$/.test(entry.name))
    .map((entry) => ({ name: entry.name.split('/').pop(), start: entry.startTime, end: entry.responseEnd })));
  const beforeScroll = await chunkEntries();
  const scrolledAt = await page.evaluate(() => {
    document.querySelector('#responsibilities-heading').scrollIntoView();
    return performance.now();
  });
  await page.waitForFunction(() => !document.querySelector('.layout__later > [aria-busy]'));
  const liveAt = await page.evaluate(() => performance.now());
  const [chunk] = await chunkEntries();
  await context.close();
  return {
    name: chunk.name,
    byFirstView: beforeScroll.length > 0,
    requestedMs: chunk.start - scrolledAt,
    inMs: chunk.end - scrolledAt,
    liveMs: liveAt - scrolledAt,
  };
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

const browser = await launch();
await writeBaseline(distDir, baselineDir);
const widgetServer = await serveGzipped(distDir, { headers: ISOLATED });
const baselineServer = await serveGzipped(baselineDir, { headers: ISOLATED });
const { widget, baseline } = await measureBoth(browser, widgetServer.url, baselineServer.url);
const teamEmbed = await coldLoad(browser, `${widgetServer.url}?view=team&embed=1`, { interactive: true });
const teamEmbedFiles = teamEmbed.timing.files;
await teamEmbed.context.close();
const laterParts = [];
for (let i = 0; i < LOADS; i += 1) laterParts.push(await laterPartsChunk(browser, widgetServer.url));
const check = await coldLoad(browser, `${widgetServer.url}?view=check`, { interactive: true });
await check.page.waitForSelector('.team-check:not([aria-busy]) .team-check__duty select');
const checkAnswers = await checkLatencies(check.page, INPUTS);
await check.context.close();
const floorServer = await stat(join(floorDir, 'yew-floor_bg.wasm')).then(() => serveGzipped(floorDir, { headers: ISOLATED }), () => null);
const floor = floorServer && await yewFloor(browser, floorServer.url);
await floorServer?.close();
const addresses = await measureAddresses(browser, { dist: distDir, loads: option('loads', 5) });
await browser.close();
// One Lighthouse run moves by a few points; the median of three, taken alternately, does not.
const lighthouseRuns = { widget: [], baseline: [] };
for (let i = 0; i < 3; i += 1) {
  lighthouseRuns.widget.push(await lighthouseMobile(widgetServer.url));
  lighthouseRuns.baseline.push(await lighthouseMobile(baselineServer.url));
}
const medianRun = (runs) => [...runs].sort((a, b) => a.scores.performance - b.scores.performance)[1];
const lighthouse = { widget: medianRun(lighthouseRuns.widget), baseline: medianRun(lighthouseRuns.baseline) };
await widgetServer.close();
await baselineServer.close();

const loadedBy = (files, name) => files.some((file) => file.name === name);
const fileSizes = (await distFileSizes(distDir)).map((file) => ({
  ...file,
  firstView: loadedBy(widget.files, file.name),
  teamEmbed: loadedBy(teamEmbedFiles, file.name),
}));
const total = (key, which) => fileSizes.filter((file) => file[which]).reduce((sum, file) => sum + file[key], 0);
const teamEmbedWire = teamEmbedFiles.reduce((sum, file) => sum + file.bytes, 0);

const performanceGap = lighthouse.baseline.scores.performance - lighthouse.widget.scores.performance;
const rows = [
  // With the app started by the pointer; what loads before any input is in the address section.
  ['first view, its app started, on the wire (KB gzip)', kb(widget.wireGzipBytes), kb(baseline.wireGzipBytes), '', '', null],
  ['first view, its app started, brotli (KB)', kb(total('brotli', 'firstView')), '', '', '', null],
  ['view=team embed, its app started, on the wire (KB gzip)', kb(teamEmbedWire), '', '', '', null],
  ['view=team embed, its app started, brotli (KB)', kb(total('brotli', 'teamEmbed')), '', '', '', null],
  ['first contentful paint (ms, median)', ms(widget.fcpMs), ms(baseline.fcpMs), ratio(widget.fcpMs, baseline.fcpMs), `≤ ${TARGETS.fcpRatio}× baseline`, widget.fcpMs <= baseline.fcpMs * TARGETS.fcpRatio],
  ['interactive vs baseline load (ms, median)', ms(widget.interactiveMs), ms(baseline.loadMs), ratio(widget.interactiveMs, baseline.loadMs), `≤ ${TARGETS.interactiveRatio}× baseline`, widget.interactiveMs <= baseline.loadMs * TARGETS.interactiveRatio],
  ['load event (ms, median)', ms(widget.loadMs), ms(baseline.loadMs), ratio(widget.loadMs, baseline.loadMs), '', null],
  ['slider input → DOM p50 (ms; baseline: plain JS)', ms(widget.slider?.p50Ms), ms(baseline.slider?.p50Ms), ratio(widget.slider?.p50Ms, baseline.slider?.p50Ms), '', null],
  ['slider input → DOM p95 (ms; baseline: plain JS)', ms(widget.slider?.p95Ms), ms(baseline.slider?.p95Ms), ratio(widget.slider?.p95Ms, baseline.slider?.p95Ms), `≤ ${TARGETS.sliderP95Ratio}× baseline`, widget.slider?.p95Ms <= baseline.slider?.p95Ms * TARGETS.sliderP95Ratio],
  ...(floor ? [
    ["Yew's floor, bench/yew-floor: slider input → DOM p50 (ms; baseline: plain JS)", ms(percentile(floor.yew, 50)), ms(percentile(floor.plain, 50)), ratio(percentile(floor.yew, 50), percentile(floor.plain, 50)), '', null],
    ["Yew's floor, bench/yew-floor: slider input → DOM p95 (ms; baseline: plain JS)", ms(percentile(floor.yew, 95)), ms(percentile(floor.plain, 95)), ratio(percentile(floor.yew, 95), percentile(floor.plain, 95)), '', null],
  ] : []),
  ['team check: answer → findings p50 (ms)', ms(percentile(checkAnswers, 50)), '', '', '', null],
  ['team check: answer → findings p95 (ms)', ms(percentile(checkAnswers, 95)), '', '', `≤ ${TARGETS.checkP95Ms} ms, one frame`, percentile(checkAnswers, 95) <= TARGETS.checkP95Ms],
  ['Lighthouse mobile performance', lighthouse.widget.scores.performance, lighthouse.baseline.scores.performance, '', `within ${TARGETS.lighthousePoints} points`, performanceGap <= TARGETS.lighthousePoints],
  ['cumulative layout shift (max)', widget.cls.toFixed(3), baseline.cls.toFixed(3), '', `= ${TARGETS.cls}`, widget.cls === TARGETS.cls],
  ['JS heap after load (KB)', kb(widget.jsHeapBytes), kb(baseline.jsHeapBytes), ratio(widget.jsHeapBytes, baseline.jsHeapBytes), '', null],
  ['wasm memory after load (KB)', kb(widget.wasmMemoryBytes), 'n/a', 'n/a', '', null],
];
const header = ['figure', 'widget', 'baseline', 'ratio', 'target', 'met'];
const summaryRows = rows.map((row) => [...row.slice(0, 5), met(row[5])].map(String));
console.log(`\nTwo Hats benchmark: ${LOADS} cold loads each, ${widget.slider?.events ?? 0} slider inputs; absolute figures from a ${availableParallelism()}-core machine\n`);
for (const line of textTable(header, summaryRows)) console.log(line);
console.log('\nLighthouse, mobile (simulated slow 4G, 4× CPU slowdown), the median of three runs by performance:');
for (const [name, run] of Object.entries(lighthouse)) {
  const scores = Object.entries(run.scores).map(([id, score]) => `${id} ${score}`).join(', ');
  console.log(`  ${name.padEnd(9)} ${scores}; FCP ${ms(run.fcpMs)} ms, LCP ${ms(run.lcpMs)} ms, TBT ${ms(run.tbtMs)} ms, CLS ${run.cls.toFixed(3)}`);
}

console.log('\ndist/ files (bytes; * = loaded by the first view, t = by a view=team embed):');
console.log(`   ${'file'.padEnd(44)} ${'raw'.padStart(8)} ${'gzip'.padStart(8)} ${'brotli'.padStart(8)}`);
for (const file of fileSizes) {
  const marks = `${file.firstView ? '*' : ' '}${file.teamEmbed ? 't' : ' '}`;
  console.log(`${marks} ${file.name.padEnd(44)} ${String(file.raw).padStart(8)} ${String(file.gzip).padStart(8)} ${String(file.brotli).padStart(8)}`);
}
for (const [mark, which, label] of [['* ', 'firstView', 'first view total'], [' t', 'teamEmbed', 'view=team embed total']]) {
  console.log(`${mark} ${label.padEnd(44)} ${String(total('raw', which)).padStart(8)} ${String(total('gzip', which)).padStart(8)} ${String(total('brotli', which)).padStart(8)}`);
}

// What loads later, and when.
const chunk = laterParts[0];
const chunkFile = fileSizes.find((file) => file.name.endsWith(chunk.name));
console.log('\nloaded on demand, never by the first view:');
console.log(`  ${'assets/split_later_parts'.padEnd(28)} ${kb(chunkFile.gzip).padStart(6)} KB gzip (${kb(chunkFile.brotli)} brotli), the matrix, comparison, team check, situations, quiz and facts:`);
console.log(`  ${''.padEnd(28)} fetched when the reader comes within a quarter screen of them or touches them, or once the state differs where they draw it;`);
console.log(`  ${''.padEnd(28)} after a scroll to the matrix (median of ${laterParts.length}): requested ${ms(median(laterParts.map((run) => run.requestedMs)))} ms, in ${ms(median(laterParts.map((run) => run.inMs)))} ms, parts live ${ms(median(laterParts.map((run) => run.liveMs)))} ms later;`);
console.log(`  ${''.padEnd(28)} fetched by a first view at 1280 × 900: ${laterParts.some((run) => run.byFirstView) ? 'YES' : 'no'}`);
const onDemand = [
  ['assets/split_content_reader', 'the code that reads a translation or a content file, fetched beside either'],
  ['content-parser/', 'when the address names a content file (?content=)'],
  ['lang/', 'when the reader chooses another language'],
];
for (const [prefix, when] of onDemand) {
  const files = fileSizes.filter((file) => file.name.startsWith(prefix));
  console.log(`  ${prefix.padEnd(28)} ${kb(files.reduce((sum, file) => sum + file.gzip, 0)).padStart(6)} KB gzip, ${when}`);
}

// The names build is of the code `cargo xtask bench` just built into dist/, not of another folder.
const namesKept = join(repoRoot, 'target/names/two-hats.names.wasm');
const wasmModules = distDir === join(repoRoot, 'dist') ? await readFile(namesKept).then(breakdown, () => null) : null;
if (wasmModules) {
  console.log(`\nthe wasm by module (bytes before compression, of ${wasmModules.total}; a build with names kept):`);
  for (const [group, size] of wasmModules.groups) {
    console.log(`  ${group.padEnd(42)} ${String(size).padStart(8)} ${((100 * size) / wasmModules.total).toFixed(1).padStart(5)}%`);
  }
} else {
  console.log(`\n(no ${namesKept}: \`cargo xtask bench\` builds it, for the wasm's split by module)`);
}

if (!floor) console.log(`\n(no ${floorDir}: \`cargo xtask bench\` builds it, for Yew's floor)`);

printAddresses(addresses);

await mkdir(outDir, { recursive: true });
const report = {
  date: new Date().toISOString(), cores: availableParallelism(), dist: folderName(distDir), release: releaseName(distDir), loads: LOADS, targets: TARGETS,
  widget, baseline, teamEmbed: { files: teamEmbedFiles, wireGzipBytes: teamEmbedWire }, lighthouse, files: fileSizes, wasmModules,
  summary: { header, rows: summaryRows },
  laterParts: {
    name: chunk.name, gzip: chunkFile.gzip, brotli: chunkFile.brotli, byFirstView: laterParts.some((run) => run.byFirstView),
    requestedMs: median(laterParts.map((run) => run.requestedMs)), inMs: median(laterParts.map((run) => run.inMs)),
    liveMs: median(laterParts.map((run) => run.liveMs)), runs: laterParts.length,
  },
  addresses,
};
await writeFile(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwritten: ${join(outDir, 'latest.json')}`);
console.log(`written: ${await writeMeasured(report)}`);
