// Every kind of address a reader arrives by, each loaded alternately with its own static
// baseline in one run, locally and under a phone's network and CPU (emulated through the
// DevTools protocol), as ratios to the baseline:
//
// - the bare page, and shared links with state (`?team=12`, `?team=12&new=1`);
// - each part's embed snippet (`<div data-twohats …>` and embed.js) in a blog post served
//   from another site, so the frame is cross-site, as on a real blog; and the Embed panel's
//   other snippet, an iframe that embed.js sizes, for the team part;
// - a WordPress paste: the post WordPress writes for the part's oEmbed response, in its
//   sandboxed frame, with WordPress's own wp-embed.js.
//
// A baseline is the same address as static HTML: the page the widget shows there, with every
// script removed; for an embed, the same host post whose frame shows that static page at the
// widget's settled height. Figures: first contentful paint, largest contentful paint, the
// final state (the address's state shown), bytes before any input, and first input to DOM.
// A frame's times count from the host post's navigation start.
//
//   node bench/addresses.mjs [--loads 5] [--dist dist/] [--only TEXT]
//
// --only keeps the addresses whose kind or name contains TEXT (`snippet`, `view=quiz`).
//
// bench/bench.mjs runs it as part of the whole bench; on its own it prints its tables and
// writes target/bench/addresses.json and docs/measured.md.
import { access, readFile, writeFile, mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  distDir, folderName, installPlainSlider, releaseName, kb, median, met, ms, option, outDir, ratio, serveGzipped,
  sizeOf, staticPage, textTable, writeBaseline,
} from './shared.mjs';
import { writeMeasured } from './measured.mjs';
import { launch } from '../tests/e2e/harness.mjs';

export const PARTS = ['team', 'matrix', 'compare', 'check', 'situations', 'quiz', 'facts'];

/** A phone on a slow 4G link, as Lighthouse's mobile run assumes, emulated for real rather than
 *  simulated: Network.emulateNetworkConditions (150 ms added to every request, 1.6 Mbit/s
 *  down, 750 kbit/s up) and Emulation.setCPUThrottlingRate (4× slower), on the page and on
 *  every frame of it that runs in a process of its own. The screen stays the same. */
export const PHONE = {
  network: { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
  cpuSlowdown: 4,
};
const PROFILES = [
  { name: 'local', label: 'local (loopback, no throttling)' },
  { name: 'phone', label: 'phone (1.6 Mbit/s down, 750 kbit/s up, +150 ms a request, CPU 4× slower)', ...PHONE },
];
const VIEWPORT = { width: 1280, height: 900 };
/** The host post's content width, which the embedded heights are measured at. */
const CONTENT_WIDTH = 720;
/** The network counts as idle once no request has been open for this long (as Playwright's
 *  `networkidle`); a static page, which requests nothing after its load event, once that has
 *  come and nothing has been open for a moment. */
const QUIET_MS = 500;
const STATIC_QUIET_MS = 100;
const TIMEOUT_MS = 120_000;
/** WordPress writes a random 10-character secret; any will do. */
const SECRET = 'benchsecret';

export const KINDS = {
  page: 'the bare page',
  link: 'a shared link with state',
  snippet: 'each part\'s embed snippet in a blog post',
  wordpress: 'a WordPress paste',
};
const SHORT = { page: 'bare page', link: 'link with state', snippet: 'embed snippet', wordpress: 'WordPress paste' };
export const TARGETS = {
  page: { fcpRatio: 1.1, gzipKb: 100 },
  link: { fcpRatio: 1.5, gzipKb: 100 },
  /** Any part's frame: its snippet, its address pasted into WordPress. */
  part: { fcpRatio: 1.2 },
  teamPartGzipKb: 85,
};

const exists = (file) => access(file).then(() => true, () => false);

/** The frame WordPress shows for a part's address: the one in the part's oEmbed response (a
 *  release built with --public-url), else where `embed_link` puts it (a drawn page, or the
 *  widget's page with a query, in a release built without). */
async function oembedFrame(dist, part) {
  const response = await readFile(join(dist, 'oembed', `${part}.json`), 'utf8').then(JSON.parse, () => null);
  if (response) {
    const src = new URL(response.html.match(/<iframe\b[^>]*\bsrc="([^"]*)"/)[1].replace(/&amp;/g, '&'));
    const base = new URL(response.provider_url);
    return { path: `${src.pathname.slice(base.pathname.length)}${src.search}`, height: response.height, title: response.title };
  }
  const drawn = `embed/${part}/`;
  return { path: await exists(join(dist, drawn, 'index.html')) ? drawn : `?view=${part}&embed=1`, height: 600, title: 'Two Hats' };
}

/** The addresses measured: each with its kind, the part it shows, and its targets. */
async function addressList(dist) {
  const list = [
    { kind: 'page', name: '/', path: '', slider: true, ...TARGETS.page },
    { kind: 'link', name: '?team=12', path: '?team=12', slider: true, ...TARGETS.link },
    { kind: 'link', name: '?team=12&new=1', path: '?team=12&new=1', slider: true, ...TARGETS.link },
  ];
  for (const part of PARTS) {
    const data = part === 'team' ? { team: '7', view: 'team' } : { view: part };
    list.push({
      kind: 'snippet', part, name: Object.entries(data).map(([key, value]) => `${key}=${value}`).join(' '), data,
      slider: part === 'team', fcpRatio: TARGETS.part.fcpRatio, gzipKb: part === 'team' ? TARGETS.teamPartGzipKb : null,
    });
  }
  // The panel's iframe snippet, at the drawn page the panel gives it (core::share::embed_link).
  list.push({
    kind: 'snippet', part: 'team', name: 'team=7 view=team, iframe', iframe: 'embed/team-7/',
    slider: true, fcpRatio: TARGETS.part.fcpRatio, gzipKb: TARGETS.teamPartGzipKb,
  });
  const frame = await oembedFrame(dist, 'team');
  list.push({
    kind: 'wordpress', part: 'team', name: `team/ (frame ${frame.path || './'})`, frame,
    slider: true, fcpRatio: TARGETS.part.fcpRatio, gzipKb: TARGETS.teamPartGzipKb,
  });
  return list;
}

// The blog post the embeds sit in, after examples/blog-post.html, its content 720 px wide.
const HOST_STYLE = 'body{margin:0;font:1.0625rem/1.7 Georgia,"Times New Roman",serif;color:#222;background:#fff}'
  + '.site-header{padding:1rem 1.25rem;font-family:system-ui,sans-serif;border-bottom:1px solid #eee}'
  + `.site-name{font-weight:700;color:inherit;text-decoration:none}.post{max-width:${CONTENT_WIDTH}px;margin:0 auto;padding:2rem 1.25rem 3rem}`
  + '.post h1{font-size:2.25rem;line-height:1.2;margin-bottom:.25rem}';
function hostPost(embed, footer = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>Do we need a manager yet? — Notes from a growing team</title><link rel="icon" href="data:,"><style>${HOST_STYLE}</style></head>`
    + '<body><header class="site-header"><a class="site-name" href="#">Notes from a growing team</a></header><main><article class="post">'
    + '<h1>Do we need a manager yet?</h1><p>Our team grew from four engineers to eleven in a year. Our lead still reviews every pull '
    + 'request, still runs the one-on-ones, and is tired. Before we argue about titles, here is who owns what on a team like ours.</p>'
    + `${embed}<p>We are splitting the roles. Our lead keeps the architecture and the code reviews, and we are hiring an engineering `
    + `manager to take over the calendar.</p></article></main>${footer}</body></html>`;
}

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** WordPress's post for a pasted address whose oEmbed response names `src`: its
 *  wp_filter_oembed_result (6.1) keeps the blockquote and the iframe, adds the secret and the
 *  sandbox, and hides the frame until the frame's first message; wp-embed.js, in the footer,
 *  then shows it and sets its height (200 to 1,000 px). The baseline's static page sends no
 *  message: its post has the frame shown already, at the height the widget's frame settled at. */
function wordpressPost(src, { title, height }, settled) {
  const frameStyle = settled ? '' : ' style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"';
  const quoteStyle = settled ? ' style="display: none;"' : '';
  return hostPost(
    `<blockquote class="wp-embedded-content" data-secret="${SECRET}"${quoteStyle}><a href="${escape(src)}">${escape(title)}</a></blockquote>`
    + `<iframe${frameStyle} class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="${escape(src)}#?secret=${SECRET}" `
    + `data-secret="${SECRET}" width="${CONTENT_WIDTH}" height="${settled ?? height}" title="${escape(title)}" frameborder="0" marginwidth="0" marginheight="0"></iframe>`,
    '<script src="/wp-embed.min.js"></script>',
  );
}

/** WordPress's wp-embed.js, from Debian's WordPress where it is installed, else the part of it
 *  these posts use: show the frame that messages, at the height it asks for. */
async function wpEmbedScript() {
  return readFile('/usr/share/wordpress/wp-includes/js/wp-embed.min.js', 'utf8').catch(() => `addEventListener('message', function (e) {
  var d = e.data; if (!d || !d.secret || /[^a-zA-Z0-9]/.test(d.secret)) return;
  document.querySelectorAll('blockquote[data-secret="' + d.secret + '"]').forEach(function (b) { b.style.display = 'none'; });
  document.querySelectorAll('iframe[data-secret="' + d.secret + '"]').forEach(function (f) {
    if (e.source !== f.contentWindow) return; f.removeAttribute('style');
    if (d.message === 'height') f.height = Math.min(1000, Math.max(200, parseInt(d.value, 10) || 0));
  });
});`);
}

/** Runs in every document, the host post's and its frames', before any of their scripts:
 *  records whether boot.js ever hid the page (`twohats-pending`) and when it was next drawn
 *  shown (drawn by the app, or redrawn from its changes), the largest contentful paint, and
 *  the first key press. */
function instrument() {
  const bench = { pendingEver: false, shownAt: null, lcp: null, keyAt: null };
  window.__bench = bench;
  let settle;
  bench.whenSettled = new Promise((done) => { settle = done; });
  const settled = () => {
    check();
    if (bench.settled()) settle();
  };
  const check = () => {
    const root = document.documentElement;
    if (!root) return;
    if (root.classList.contains('twohats-pending')) bench.pendingEver = true;
    else if (bench.pendingEver && bench.shownAt == null) {
      bench.shownAt = -1;
      requestAnimationFrame(() => {
        bench.shownAt = performance.now();
        if (bench.settled()) settle();
      });
    }
  };
  new MutationObserver((records) => { if (records.some((record) => record.target === document.documentElement)) check(); })
    .observe(document, { subtree: true, attributes: true, attributeFilter: ['class', 'data-twohats-ready'] });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) bench.lcp = entry.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  addEventListener('keydown', (event) => { if (bench.keyAt == null) bench.keyAt = event.timeStamp; }, true);
  const fcp = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  // A page never hidden arrived drawn in its state: its final state is its first paint.
  bench.settled = () => fcp() != null && (!bench.pendingEver || bench.shownAt > 0);
  new PerformanceObserver(settled).observe({ type: 'paint', buffered: true });
  bench.times = () => ({
    origin: performance.timeOrigin, fcp: fcp(), lcp: bench.lcp,
    final: bench.pendingEver ? Math.max(fcp(), bench.shownAt) : fcp(),
  });
}

/** Puts `profile`'s network and CPU on the page's target and, through auto-attach, on every
 *  target its frames start in (a cross-site frame runs in a process of its own, and emulation
 *  is per target): each new frame target waits, is throttled, and only then runs. Resolves
 *  to the list of frame targets so throttled (filled in as they come). */
async function throttle(session, profile) {
  const commands = [
    ['Network.enable', {}],
    ['Network.emulateNetworkConditions', profile.network],
    ['Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown }],
  ];
  for (const [method, params] of commands) await session.send(method, params);
  const frames = [];
  const pending = new Map();
  let id = 0;
  session.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message);
    const frame = pending.get(reply.id);
    if (!frame) return;
    pending.delete(reply.id);
    if (reply.error) frame.errors.push(reply.error.message);
    else frame.done += 1;
  });
  session.on('Target.attachedToTarget', ({ sessionId, targetInfo, waitingForDebugger }) => {
    const frame = { type: targetInfo.type, done: 0, errors: [] };
    frames.push(frame);
    // Commands to one target are handled in order: it runs only once it is throttled.
    const steps = [...commands, ...(waitingForDebugger ? [['Runtime.runIfWaitingForDebugger', {}]] : [])];
    for (const [method, params] of steps) {
      id += 1;
      pending.set(id, frame);
      session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => {});
    }
    frame.throttled = () => frame.errors.length === 0 && frame.done >= commands.length;
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return frames;
}

const sleep = (time) => new Promise((done) => setTimeout(done, time));

/** Counts the page's requests, its frames' included, to tell when the network is idle, and
 *  keeps the encoded size of each response from `origin`. */
function watchNetwork(page, origin) {
  let open = 0;
  let last = Date.now();
  const files = [];
  const web = (request) => /^https?:/.test(request.url());
  page.on('request', (request) => { if (web(request)) { open += 1; last = Date.now(); } });
  page.on('requestfailed', (request) => { if (web(request)) { open -= 1; last = Date.now(); } });
  page.on('requestfinished', (request) => {
    if (!web(request)) return;
    open -= 1;
    last = Date.now();
    if (!request.url().startsWith(origin)) return;
    const { pathname, search } = new URL(request.url());
    files.push(request.sizes().then(({ responseBodySize }) => ({ path: `${pathname}${search}`, bytes: responseBodySize }), () => null));
  });
  return {
    async idle(quiet = QUIET_MS) {
      const start = Date.now();
      while ((open > 0 || Date.now() - last < quiet) && Date.now() - start < TIMEOUT_MS) await sleep(25);
    },
    files: async () => (await Promise.all(files)).filter(Boolean),
  };
}

/** The frame showing the widget (or its baseline) once it has its document, or the page. */
async function widgetFrame(page, origin) {
  if (!origin) return page.mainFrame();
  for (let waited = 0; waited < TIMEOUT_MS; waited += 20) {
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame() && candidate.url().startsWith(origin));
    if (frame) return frame;
    await sleep(20);
  }
  throw new Error(`no frame from ${origin} in ${page.url()}`);
}

/** Resolves to what the promise `name` on the frame's `__bench` resolves to, waiting without
 *  polling the page (which would take its time, under a slowed CPU most of all). */
async function awaitIn(frame, name, what) {
  let timer;
  const timeout = new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`${frame.url()}: ${what} never came`)), TIMEOUT_MS); });
  try {
    return await Promise.race([frame.evaluate((key) => window.__bench[key], name), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until `frame` shows the address's state. */
const settledIn = (frame) => awaitIn(frame, 'whenSettled', 'its state');

/** The slider's first input: focus it, press the right arrow, and time from the key press to
 *  the recommendation's new text, in the page or frame that holds it. */
async function firstInput(page, frame) {
  await frame.evaluate(() => {
    const bench = window.__bench;
    const text = () => document.querySelector('.recommendation__setup')?.textContent;
    const before = text();
    bench.keyAt = null;
    bench.whenChanged = new Promise((done) => {
      new MutationObserver((_, observer) => {
        const now = text();
        if (now != null && now !== before) {
          observer.disconnect();
          done(performance.now());
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
  });
  await frame.focus('#team-size');
  await page.keyboard.press('ArrowRight');
  const changedAt = await awaitIn(frame, 'whenChanged', 'the new recommendation');
  return changedAt - await frame.evaluate(() => window.__bench.keyAt);
}

/** One cold load of `url` under `profile`, of the widget or of a `baseline`, with the times
 *  of the page or, in a `frame` from `origin`, of the frame, counted from the host post's
 *  navigation start; then, on a page with a slider, its first input (on a baseline, through
 *  the `plain` handler). */
async function measureLoad(browser, profile, { url, origin, frame: inFrame, slider, plain, baseline }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(instrument);
    const session = await context.newCDPSession(page);
    const frames = profile.network ? await throttle(session, profile) : [];
    const network = watchNetwork(page, origin);
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    const frame = await widgetFrame(page, inFrame && origin);
    await settledIn(frame);
    if (baseline) {
      await page.waitForLoadState('load');
      await frame.waitForLoadState('load');
      await network.idle(STATIC_QUIET_MS);
    } else {
      await network.idle();
    }
    const times = await frame.evaluate(() => window.__bench.times());
    const shift = inFrame ? times.origin - await page.evaluate(() => performance.timeOrigin) : 0;
    const files = await network.files();
    const load = {
      fcp: times.fcp + shift,
      lcp: times.lcp == null ? null : times.lcp + shift,
      final: times.final + shift,
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      files,
      frameTargets: frames.length,
      frameTargetsThrottled: frames.filter((target) => target.throttled()).length,
    };
    if (slider) {
      if (plain) await installPlainSlider(frame, plain.states, plain.from, [[plain.from, plain.to]]);
      load.input = await firstInput(page, frame);
    }
    return load;
  } finally {
    await context.close();
  }
}

/** A local load of the widget at `address` before the measured ones: the page it shows as
 *  static HTML (the baseline's), where its frame is and the height it settles at, the files
 *  it loads, and the page before and after the slider's first input. */
async function prepare(browser, address, servers, dist) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(instrument);
    const network = watchNetwork(page, servers.widget.url);
    await page.goto(address.url, { timeout: TIMEOUT_MS });
    const frame = await widgetFrame(page, address.inFrame && servers.widget.url);
    await settledIn(frame);
    await network.idle();
    const { pathname, search } = new URL(frame.url());
    // The page as shown, with what the reader sees of its controls written into its markup.
    const shown = await frame.evaluate(() => {
      for (const input of document.querySelectorAll('input')) {
        input.setAttribute('value', input.value);
        input.toggleAttribute('checked', input.checked);
      }
      for (const option of document.querySelectorAll('option')) option.toggleAttribute('selected', option.selected);
      return `<!doctype html>${document.documentElement.outerHTML}`;
    });
    const file = join(dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    const prepared = {
      path: `${pathname}${search}`,
      // A page the release has drawn is its own baseline; a query is the widget's page as shown.
      staticHtml: staticPage(search ? shown : await readFile(file, 'utf8')),
      files: await network.files(),
    };
    if (address.inFrame) {
      const iframe = await frame.frameElement();
      // Settled: the same height for half a second.
      let height = 0;
      for (let still = 0, waited = 0; still < 5 && waited < TIMEOUT_MS; waited += 100) {
        await sleep(100);
        const now = Math.round((await iframe.boundingBox()).height);
        still = now === height ? still + 1 : 0;
        height = now;
      }
      prepared.height = height;
      prepared.contentHeight = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      prepared.width = await frame.evaluate(() => document.documentElement.clientWidth);
    }
    if (address.slider) {
      const main = () => frame.evaluate(() => [document.querySelector('#team-size').value, document.querySelector('main').outerHTML]);
      const [from, before] = await main();
      await firstInput(page, frame);
      await frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const [to, after] = await main();
      prepared.plain = { from, to, states: { [from]: before, [to]: after } };
    }
    return prepared;
  } finally {
    await context.close();
  }
}

/** Whether the phone profile reaches a cross-site frame: the same fixed loop in the frame and
 *  in the post around it (throttled alike: about as long; the frame left out: a quarter as
 *  long), and the quickest of the frame's files from fetch to last byte (at least the emulated
 *  150 ms). Loops are compared in one load, as a busy machine stretches them all. */
async function frameThrottleCheck(browser, profile, url, origin) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const frames = profile.network ? await throttle(session, profile) : [];
    await page.goto(url, { timeout: TIMEOUT_MS });
    const frame = await widgetFrame(page, origin);
    await frame.waitForLoadState('load');
    const loop = () => {
      const start = performance.now();
      let sum = 0;
      for (let i = 0; i < 20_000_000; i += 1) sum += i % 7;
      return performance.now() - start + (sum < 0 ? 1 : 0);
    };
    // The quickest of three runs each, taken in turn: the CPU is shared.
    const runs = { post: [], frame: [] };
    for (let i = 0; i < 3; i += 1) {
      runs.post.push(await page.evaluate(loop));
      runs.frame.push(await frame.evaluate(loop));
    }
    const fileMs = await frame.evaluate(() => {
      const durations = performance.getEntriesByType('resource').filter((entry) => entry.responseEnd > 0)
        .map((entry) => entry.responseEnd - entry.startTime);
      return durations.length ? Math.min(...durations) : null;
    });
    return {
      postLoopMs: Math.min(...runs.post), frameLoopMs: Math.min(...runs.frame), fileMs,
      outOfProcess: frames.some((target) => target.type === 'iframe'),
    };
  } finally {
    await context.close();
  }
}

function summarise(loads) {
  const pick = (key) => {
    const values = loads.map((load) => load[key]).filter((value) => value != null);
    return values.length ? median(values) : null;
  };
  return {
    fcpMs: pick('fcp'), lcpMs: pick('lcp'), finalMs: pick('final'), bytes: pick('bytes'), inputMs: pick('input'),
    frameTargets: Math.min(...loads.map((load) => load.frameTargets)),
    frameTargetsThrottled: Math.min(...loads.map((load) => load.frameTargetsThrottled)),
    loads,
  };
}

/**
 * Measures every address in `dist` with `browser`, `loads` cold loads each of the widget and
 * of its baseline, alternately, under each profile; resolves to the figures (as
 * target/bench/latest.json keeps them under `addresses`).
 */
export async function measureAddresses(browser, { dist = distDir, loads = 5, log = console.log } = {}) {
  const started = Date.now();
  const baselineDir = join(outDir, 'addresses-baseline');
  await writeBaseline(dist, baselineDir);
  const hostPages = new Map([['/wp-embed.min.js', await wpEmbedScript()]]);
  const staticPages = new Map();
  const cors = { 'access-control-allow-origin': '*' };
  const servers = {
    widget: await serveGzipped(dist, { headers: cors }),
    baseline: await serveGzipped(baselineDir, { headers: cors, pages: staticPages }),
    // Another site than the widget's, as a blog is: 127.0.0.2 is loopback too.
    host: await serveGzipped(baselineDir, { pages: hostPages, host: '127.0.0.2' }),
  };
  try {
    const only = option('only', '');
    const addresses = (await addressList(dist)).filter((address) => `${address.kind} ${address.name}`.includes(only));
    for (const [index, address] of addresses.entries()) {
      address.inFrame = address.kind === 'snippet' || address.kind === 'wordpress';
      if (address.kind === 'snippet') {
        const script = `<script src="${servers.widget.url}embed.js" async></script>`;
        const attributes = Object.entries(address.data ?? {}).map(([key, value]) => ` data-${key}="${escape(value)}"`).join('');
        const placed = address.iframe
          ? `<iframe data-twohats src="${servers.widget.url}${address.iframe}" title="Two Hats" loading="lazy" width="100%" height="600" frameborder="0"></iframe>`
          : `<div data-twohats${attributes}></div>`;
        hostPages.set(`/post-${index}.html`, hostPost(placed + script));
        address.url = `${servers.host.url}post-${index}.html`;
      } else if (address.kind === 'wordpress') {
        hostPages.set(`/post-${index}.html`, wordpressPost(`${servers.widget.url}${address.frame.path}`, address.frame));
        address.url = `${servers.host.url}post-${index}.html`;
      } else {
        address.url = `${servers.widget.url}${address.path}`;
      }
      Object.assign(address, await prepare(browser, address, servers, dist));
      staticPages.set(address.path, address.staticHtml);
      if (address.kind === 'snippet') {
        const frame = `<iframe data-twohats src="${escape(servers.baseline.url + address.path.slice(1))}" title="Two Hats" loading="lazy" `
          + `height="${address.height}" style="border:0;width:100%;display:block;color-scheme:light dark;height:${address.height}px"></iframe>`;
        hostPages.set(`/post-${index}-baseline.html`, hostPost(frame));
        address.baselineUrl = `${servers.host.url}post-${index}-baseline.html`;
      } else if (address.kind === 'wordpress') {
        hostPages.set(`/post-${index}-baseline.html`, wordpressPost(servers.baseline.url + address.path.slice(1), address.frame, address.height));
        address.baselineUrl = `${servers.host.url}post-${index}-baseline.html`;
      } else {
        address.baselineUrl = servers.baseline.url + address.path.slice(1);
      }
    }

    const framed = addresses.find((address) => address.inFrame);
    let frameThrottling = null;
    if (framed) {
      const check = {};
      for (const profile of PROFILES) check[profile.name] = await frameThrottleCheck(browser, profile, framed.url, servers.widget.url);
      frameThrottling = {
        outOfProcess: check.phone.outOfProcess,
        /** The frame's loop against the post's, under the phone profile: about 1 when both are throttled. */
        frameVsPost: check.phone.frameLoopMs / check.phone.postLoopMs,
        /** The frame's loop as a phone against locally, as far as a busy machine lets it show. */
        cpuSlowdown: check.phone.frameLoopMs / check.local.frameLoopMs,
        fileMs: { local: check.local.fileMs, phone: check.phone.fileMs },
      };
      log(`\nthe phone profile in a cross-site frame (${frameThrottling.outOfProcess ? 'a process of its own' : 'in the post\'s process'}): `
        + `a fixed loop ${frameThrottling.frameVsPost.toFixed(2)}× as long as in the post around it, ${frameThrottling.cpuSlowdown.toFixed(1)}× as long as locally; `
        + `the quickest of its files ${ms(check.phone.fileMs)} ms from fetch to last byte (locally ${ms(check.local.fileMs)})`);
      if (frameThrottling.frameVsPost < 0.5 || !(check.phone.fileMs >= PHONE.network.latency * 0.9)) {
        throw new Error('the phone profile does not reach the embedded frame: its figures would be the local ones');
      }
    }

    const results = [];
    for (const address of addresses) {
      const result = {
        kind: address.kind, name: address.name, part: address.part ?? null, path: address.path,
        targets: { fcpRatio: address.fcpRatio, gzipKb: address.gzipKb ?? null },
        height: address.height ?? null, contentHeight: address.contentHeight ?? null, width: address.width ?? null,
        files: await Promise.all(address.files.map(async (file) => {
          const path = decodeURIComponent(file.path.split('?')[0]).slice(1);
          const name = path === '' || path.endsWith('/') ? `${path}index.html` : path;
          const size = await sizeOf(dist, name).catch(() => null);
          return { name, wire: file.bytes, raw: size?.raw ?? null, gzip: size?.gzip ?? null, brotli: size?.brotli ?? null };
        })),
        profiles: {},
      };
      results.push(result);
    }
    for (const profile of PROFILES) {
      for (const [index, address] of addresses.entries()) {
        const runs = { widget: [], baseline: [] };
        for (let i = 0; i < loads; i += 1) {
          runs.widget.push(await measureLoad(browser, profile, {
            url: address.url, origin: servers.widget.url, frame: address.inFrame, slider: address.slider,
          }));
          runs.baseline.push(await measureLoad(browser, profile, {
            url: address.baselineUrl, origin: servers.baseline.url, frame: address.inFrame, slider: address.slider, plain: address.plain, baseline: true,
          }));
        }
        results[index].profiles[profile.name] = { widget: summarise(runs.widget), baseline: summarise(runs.baseline) };
        const unthrottled = [...runs.widget, ...runs.baseline].filter((load) => load.frameTargetsThrottled < load.frameTargets).length;
        if (unthrottled) log(`  WARNING: ${unthrottled} of its loads had a frame the phone profile did not reach`);
        log(`  ${profile.name} ${address.kind} ${address.name}: done, ${Math.round((Date.now() - started) / 1000)} s`);
      }
    }
    return {
      loads, seconds: Math.round((Date.now() - started) / 1000), viewport: VIEWPORT, contentWidth: CONTENT_WIDTH,
      profiles: PROFILES, kinds: KINDS, frameThrottling, addresses: results,
    };
  } finally {
    for (const server of Object.values(servers)) await server.close();
  }
}

/** The rows of one kind's table under one profile: address, figure, widget, baseline, ratio,
 *  target, met. */
export function addressRows(result, kind, profile) {
  const rows = [];
  for (const address of result.addresses.filter((candidate) => candidate.kind === kind)) {
    const { widget, baseline } = address.profiles[profile];
    const { fcpRatio, gzipKb } = address.targets;
    const row = (figure, w, b, shown, target, ok) => rows.push([address.name, figure, shown(w), shown(b), ratio(w, b), target, met(ok)]);
    // The paint targets hold as a phone; locally the ratio is there to compare.
    const judged = profile === 'phone';
    row('first contentful paint (ms)', widget.fcpMs, baseline.fcpMs, ms, judged ? `≤ ${fcpRatio}× baseline` : '', judged ? widget.fcpMs <= baseline.fcpMs * fcpRatio : null);
    row('largest contentful paint (ms)', widget.lcpMs, baseline.lcpMs, ms, '', null);
    row('final state shown (ms)', widget.finalMs, baseline.finalMs, ms, '', null);
    row('bytes before any input (KB gzip)', widget.bytes, baseline.bytes, kb, gzipKb ? `≤ ${gzipKb} KB` : '', gzipKb ? widget.bytes / 1024 <= gzipKb : null);
    if (widget.inputMs != null) row('first input → DOM (ms; baseline: plain JS)', widget.inputMs, baseline.inputMs, ms, '', null);
  }
  return rows;
}

export const ADDRESS_HEADER = ['address', 'figure', 'widget', 'baseline', 'ratio', 'target', 'met'];

/** The bytes each address's widget loads before any input (the local loads'), by file. */
export function byteRows(result) {
  return result.addresses.map((address) => {
    const sum = (key) => address.files.reduce((total, file) => total + (file[key] ?? 0), 0);
    return [SHORT[address.kind], address.name, address.files.length, kb(sum('raw')), kb(sum('gzip')), kb(sum('brotli')), kb(address.profiles.local.widget.bytes)];
  });
}
export const BYTE_HEADER = ['kind', 'address', 'files', 'raw KB', 'gzip KB', 'brotli KB', 'on the wire KB (median)'];

/** Each part's frame height once settled, at the host post's content width. */
export function heightRows(result) {
  return result.addresses.filter((address) => address.height != null)
    .map((address) => [address.part, SHORT[address.kind], address.name, `${address.width} px`,
      address.kind === 'wordpress' ? `${address.height} px (content ${address.contentHeight} px)` : `${address.height} px`]);
}
export const HEIGHT_HEADER = ['part', 'embedded by', 'address', 'frame width', 'settled height'];

/** Prints the tables. */
export function printAddresses(result, log = console.log) {
  log(`\nEvery address against its static baseline: ${result.loads} cold load${result.loads === 1 ? "" : "s"} each, alternately, median (${result.seconds} s)`);
  for (const profile of result.profiles) {
    for (const kind of Object.keys(result.kinds).filter((candidate) => result.addresses.some((address) => address.kind === candidate))) {
      log(`\n${KINDS[kind]}, ${profile.label}:`);
      for (const line of textTable(ADDRESS_HEADER, addressRows(result, kind, profile.name))) log(`  ${line}`);
    }
  }
  log('\nbytes each address loads before any input (dist/ files; the wire: as served, gzip):');
  for (const line of textTable(BYTE_HEADER, byteRows(result))) log(`  ${line}`);
  log(`\nembedded heights, each in the host post at ${result.contentWidth} px content width, once settled:`);
  for (const line of textTable(HEIGHT_HEADER, heightRows(result))) log(`  ${line}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const browser = await launch();
  try {
    const addresses = await measureAddresses(browser, { dist: distDir, loads: option('loads', 5) });
    printAddresses(addresses);
    const report = { date: new Date().toISOString(), cores: availableParallelism(), dist: folderName(distDir), release: releaseName(distDir), addresses };
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'addresses.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwritten: ${join(outDir, 'addresses.json')}`);
    console.log(`written: ${await writeMeasured(report)}`);
  } finally {
    await browser.close();
  }
}
