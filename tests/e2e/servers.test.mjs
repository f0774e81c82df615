// End-to-end: dist/ served by Debian's nginx and Caddy with the configurations in deploy/
// exactly as shipped, each unprivileged on a loopback port with its files in a temporary
// folder: every page and part loads under the strict CSP with no console error (a link to a
// team state redrawn from its changes among them), the wasm
// arrives as application/wasm with brotli, the headers are as documented, and a sandboxed
// frame on another origin runs the app. The release is built for a public address, as a
// WordPress author's is, and WordPress, given the address of a page showing one part, finds
// that part's oEmbed link while a reader still gets the widget.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, chown, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assetPath, freePort, launch, POLICY, publishedCopy, repoRoot, serve, startServer, stopServer, waitUntil, withPage } from './harness.mjs';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// The pages only name this address; the servers below serve them at their own.
const PUBLIC_URL = 'https://example.org/two-hats/';
// What Debian's WordPress 6.1 sends when it looks for a pasted address's oEmbed link
// (wp-includes/class-wp-http.php), and what a browser sends.
const WORDPRESS = 'WordPress/6.1; http://blog.example';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
const shared = { children: [] };

// The servers run unprivileged, as on a real host: as `nobody` when the tests run as root,
// writing only to a folder of their own.
const nobody = process.getuid() === 0
  ? { uid: Number(execFileSync('id', ['-u', 'nobody'])), gid: Number(execFileSync('id', ['-g', 'nobody'])) }
  : null;

function start(command, args) {
  const [program, argv] = nobody
    ? ['setpriv', [`--reuid=${nobody.uid}`, `--regid=${nobody.gid}`, '--clear-groups', '--', command, ...args]]
    : [command, args];
  shared.children.push(startServer(program, argv, { env: { ...process.env, HOME: shared.run } }));
}

const SERVERS = {
  async nginx(folder, dist, port) {
    const run = shared.run;
    await writeFile(join(folder, 'nginx.conf'), `
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
pid ${run}/nginx.pid;
error_log ${run}/nginx-error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${run}/nginx-body;
  proxy_temp_path ${run}/nginx-proxy;
  fastcgi_temp_path ${run}/nginx-fastcgi;
  uwsgi_temp_path ${run}/nginx-uwsgi;
  scgi_temp_path ${run}/nginx-scgi;
  server {
    listen 127.0.0.1:${port};
    root ${dist};
    include ${join(folder, 'deploy/nginx.conf')};
  }
}
`);
    start('/usr/sbin/nginx', ['-p', run, '-e', join(run, 'nginx-error.log'), '-c', join(folder, 'nginx.conf'), '-g', 'daemon off;']);
  },
  async caddy(folder, dist, port) {
    await writeFile(join(folder, 'Caddyfile'), `{
	admin off
	auto_https off
	storage file_system ${shared.run}/caddy
}
http://127.0.0.1:${port} {
	root * ${dist}
	import ${join(folder, 'deploy/Caddyfile')}
}
`);
    start('caddy', ['run', '--config', join(folder, 'Caddyfile'), '--adapter', 'caddyfile']);
  },
};

before(async () => {
  shared.folder = await mkdtemp(join(tmpdir(), 'two-hats-servers-'));
  await chmod(shared.folder, 0o755);
  shared.run = join(shared.folder, 'run');
  await mkdir(shared.run);
  if (nobody) await chown(shared.run, nobody.uid, nobody.gid);
  const dist = join(shared.folder, 'dist');
  await publishedCopy(dist, PUBLIC_URL);
  // Publishing rewrote the pages; their .br and .gz copies follow, as in the release build.
  execFileSync('node', [join(repoRoot, 'xtask/precompress.mjs'), dist]);
  // Copied as they are: the servers run as nobody, who may not reach into the checkout.
  await cp(join(repoRoot, 'deploy'), join(shared.folder, 'deploy'), { recursive: true });
  shared.urls = {};
  shared.pids = {};
  for (const [name, configure] of Object.entries(SERVERS)) {
    const port = await freePort();
    await configure(shared.folder, dist, port);
    shared.pids[name] = shared.children.at(-1).pid;
    shared.urls[name] = `http://127.0.0.1:${port}/`;
    await waitUntil(() => fetch(shared.urls[name]).then((response) => response.ok), `${name} to serve`);
  }
  shared.host = await serve([['/', shared.folder]]);
  shared.browser = await launch();
});

after(async () => {
  await shared.browser?.close();
  await shared.host?.close();
  for (const child of shared.children) await stopServer(child);
  if (shared.folder) await rm(shared.folder, { recursive: true, force: true });
});

for (const name of Object.keys(SERVERS)) {
  describe(`served by ${name} with deploy/`, () => {
    it('runs as an unprivileged user', async () => {
      const status = await readFile(`/proc/${shared.pids[name]}/status`, 'utf8');
      const [, uid] = status.match(/^Uid:\s+(\d+)/m);
      assert.notEqual(Number(uid), 0);
    });

    it('sends the documented headers, and the wasm as application/wasm with brotli', async () => {
      const url = shared.urls[name];
      const page = await fetch(url);
      assert.equal(page.headers.get('content-security-policy'), POLICY);
      assert.equal(page.headers.get('access-control-allow-origin'), '*');
      assert.equal(page.headers.get('cache-control'), 'no-cache');
      const wasm = await fetch(url + await assetPath('two-hats_bg.wasm'), { headers: { 'accept-encoding': 'br' } });
      assert.equal(wasm.headers.get('content-type'), 'application/wasm');
      assert.equal(wasm.headers.get('content-encoding'), 'br');
      const gzip = await fetch(url + await assetPath('two-hats.js'), { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gzip.headers.get('content-encoding'), 'gzip');
      assert.match(gzip.headers.get('content-type'), /javascript/);
    });

    it('keeps content-named files a year and checks every other name before reuse', async () => {
      const url = shared.urls[name];
      for (const asset of ['two-hats_bg.wasm', 'two-hats.js', 'start.js', 'boot.js', 'base.css']) {
        const response = await fetch(url + await assetPath(asset), { headers: { 'accept-encoding': 'br' } });
        assert.equal(response.status, 200, asset);
        assert.equal(response.headers.get('cache-control'), IMMUTABLE, asset);
        assert.equal(response.headers.get('access-control-allow-origin'), '*', asset);
      }
      const changes = (await (await fetch(url)).text()).match(/data-changes="([^"]+)"/)[1];
      const redraw = await fetch(`${url}${changes}team=12&new=1.json`, { headers: { 'accept-encoding': 'br' } });
      assert.equal(redraw.status, 200, changes);
      assert.equal(redraw.headers.get('cache-control'), IMMUTABLE, 'a release\'s changes');
      for (const path of ['assets/two-hats-0000000000000000.js', `${changes}team=99.json`]) {
        const missing = await fetch(`${url}${path}`);
        assert.equal(missing.status, 404, path);
        assert.doesNotMatch(missing.headers.get('cache-control') ?? '', /immutable/, `a missing file is not kept a year: ${path}`);
      }
      for (const path of ['', 'index.html', 'team/', 'embed.js', 'lang/de.bin', 'previews/team.png']) {
        const response = await fetch(url + path, { headers: { 'accept-encoding': 'br' } });
        assert.equal(response.status, 200, path);
        assert.equal(response.headers.get('cache-control'), 'no-cache', path);
      }
    });

    it('loads every page and part under the strict CSP with no console error', async () => {
      const url = shared.urls[name];
      for (const query of ['', '?view=team&embed=1', '?view=matrix', '?view=compare&embed=1', '?view=check', '?view=situations', '?view=quiz&embed=1', '?view=facts', '?lang=de']) {
        await withPage(shared.browser, `${url}${query}`, { waitFor: null }, async ({ page, problems }) => {
          await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
          assert.deepEqual(problems, [], `${name} ${query}`);
        });
      }
    });

    it('serves a link to a team state its changes, which redraw it under the strict CSP', async () => {
      const url = shared.urls[name];
      await withPage(shared.browser, `${url}?team=12&new=1`, { waitFor: null, reach: false }, async ({ page, problems }) => {
        await page.waitForSelector('html[data-drawn="team=12&new=1"]:not(.twohats-pending)', { state: 'attached' });
        assert.match(await page.locator('.recommendation__setup').innerText(), /^12 engineers/);
        assert.deepEqual(problems, [], name);
      });
    });

    it('gives WordPress a part\'s page for the address bar showing one part, and a reader the widget', async () => {
      const url = shared.urls[name];
      const discovered = async (path, userAgent) => {
        const response = await fetch(url + path, { headers: { 'user-agent': userAgent } });
        assert.equal(response.status, 200, path);
        const link = (await response.text()).match(/<link rel="?alternate"? type="?application\/json\+oembed"? href="?([^" >]+)"?/);
        assert.ok(link?.[1].startsWith(PUBLIC_URL), `no oEmbed discovery in ${path}`);
        return { found: link[1].slice(PUBLIC_URL.length), vary: response.headers.get('vary') ?? '' };
      };
      for (const [path, part] of [
        ['?view=team', 'team'],
        ['?team=7&view=quiz&lang=de', 'quiz'],
        ['?view=check', 'check'],
        ['?view=nope', 'all'],
        ['?view=team,matrix', 'all'],
        ['?view=team%2Cmatrix', 'all'],
        ['', 'all'],
        ['team/?view=team', 'team'],
        ['team/?view=matrix', 'team'],
      ]) {
        const wordpress = await discovered(path, WORDPRESS);
        assert.equal(wordpress.found, `oembed/${part}.json`, `WordPress, ${path}`);
        const browser = await discovered(path, BROWSER);
        const page = path.startsWith('team/') ? 'team' : 'all';
        assert.equal(browser.found, `oembed/${page}.json`, `a browser, ${path}`);
        if (part !== page) {
          for (const { vary } of [wordpress, browser]) assert.match(vary, /user-agent/i, `${path} answers by who asks`);
        }
      }
      // A part's page sends the reader on to the very address WordPress is given it for.
      await withPage(shared.browser, `${url}team/`, { waitFor: null }, async ({ page, problems }) => {
        await page.waitForURL(`${url}?team=5&view=team`);
        await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
        assert.match(await page.locator('.recommendation__setup').innerText(), /^5 engineers/);
        assert.equal(page.url(), `${url}?team=5&view=team`);
        assert.deepEqual(problems, []);
      });
    });

    it('runs the app in a sandboxed frame on another origin', async () => {
      const url = shared.urls[name];
      const post = `post-${name}.html`;
      await writeFile(join(shared.folder, post), `<!doctype html><html lang="en"><title>Post</title><link rel="icon" href="data:,">
        <iframe sandbox="allow-scripts" src="${url}?view=team&team=7&embed=1" width="700" height="700" title="Two Hats"></iframe>`);
      await withPage(shared.browser, `${shared.host.url}${post}`, { origins: [new URL(url).origin], waitFor: null }, async ({ page, problems }) => {
        const frame = page.frameLocator('iframe');
        await frame.locator('html[data-twohats-ready]').waitFor({ state: 'attached' });
        assert.match(await frame.locator('.recommendation__setup').innerText(), /^7 engineers/);
        assert.deepEqual(problems, []);
      });
    });
  });
}

// Netlify and Cloudflare Pages cannot run here; their file must at least say what the servers
// above were seen to send.
describe('deploy/_headers', () => {
  it('sends the same policy, and keeps only assets/ and drawn/ a year', async () => {
    const rules = new Map();
    let path;
    for (const line of (await readFile(join(repoRoot, 'deploy/_headers'), 'utf8')).split('\n')) {
      if (line.startsWith('/')) rules.set((path = line.trim()), new Map());
      else if (line.startsWith('  ') && path) {
        const [header, ...value] = line.trim().split(': ');
        rules.get(path).set(header.toLowerCase(), value.join(': '));
      }
    }
    assert.deepEqual([...rules.keys()], ['/*', '/assets/*', '/drawn/*']);
    assert.equal(rules.get('/*').get('content-security-policy'), POLICY, 'the policy covers every path');
    assert.match(POLICY, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/, 'no inline script or style');
    assert.equal(rules.get('/*').get('access-control-allow-origin'), '*');
    assert.ok(!rules.get('/*').has('cache-control'), 'a second Cache-Control would be joined to the host\'s');
    assert.equal(rules.get('/assets/*').get('cache-control'), IMMUTABLE);
    assert.equal(rules.get('/drawn/*').get('cache-control'), IMMUTABLE);
  });
});
