// End-to-end: dist/ served by Debian's nginx and Caddy with the configurations in deploy/
// exactly as shipped, each on a loopback port with its files in a temporary folder: every page
// and part loads under the strict CSP with no console error, the wasm arrives as
// application/wasm with brotli, the headers are as documented, and a sandboxed frame on
// another origin runs the app.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assetPath, distDir, freePort, launch, repoRoot, serve, startServer, stopServer, waitUntil, watch } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; frame-ancestors *";
const IMMUTABLE = 'public, max-age=31536000, immutable';
const shared = { children: [] };

function start(command, args) {
  shared.children.push(startServer(command, args));
}

const SERVERS = {
  async nginx(folder, dist, port) {
    await writeFile(join(folder, 'nginx.conf'), `
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
pid ${folder}/nginx.pid;
error_log ${folder}/nginx-error.log;
user root;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${folder}/nginx-body;
  proxy_temp_path ${folder}/nginx-proxy;
  fastcgi_temp_path ${folder}/nginx-fastcgi;
  uwsgi_temp_path ${folder}/nginx-uwsgi;
  scgi_temp_path ${folder}/nginx-scgi;
  server {
    listen 127.0.0.1:${port};
    root ${dist};
    include ${join(repoRoot, 'deploy/nginx.conf')};
  }
}
`);
    start('nginx', ['-p', folder, '-c', join(folder, 'nginx.conf'), '-g', 'daemon off;']);
  },
  async caddy(folder, dist, port) {
    await writeFile(join(folder, 'Caddyfile'), `{
	admin off
	auto_https off
	storage file_system ${folder}/caddy
}
http://127.0.0.1:${port} {
	root * ${dist}
	import ${join(repoRoot, 'deploy/Caddyfile')}
}
`);
    start('caddy', ['run', '--config', join(folder, 'Caddyfile'), '--adapter', 'caddyfile']);
  },
};

before(async () => {
  shared.folder = await mkdtemp(join(tmpdir(), 'two-hats-servers-'));
  await chmod(shared.folder, 0o755);
  const dist = join(shared.folder, 'dist');
  await cp(distDir, dist, { recursive: true });
  shared.urls = {};
  for (const [name, configure] of Object.entries(SERVERS)) {
    const port = await freePort();
    await configure(shared.folder, dist, port);
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
    it('sends the documented headers, and the wasm as application/wasm with brotli', async () => {
      const url = shared.urls[name];
      const page = await fetch(url);
      assert.equal(page.headers.get('content-security-policy'), CSP);
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
      const missing = await fetch(`${url}assets/two-hats-0000000000000000.js`);
      assert.equal(missing.status, 404);
      assert.doesNotMatch(missing.headers.get('cache-control') ?? '', /immutable/, 'a missing file is not kept a year');
      for (const path of ['', 'index.html', 'embed.js', 'lang/de.bin', 'previews/team.png']) {
        const response = await fetch(url + path, { headers: { 'accept-encoding': 'br' } });
        assert.equal(response.status, 200, path);
        assert.equal(response.headers.get('cache-control'), 'no-cache', path);
      }
    });

    it('loads every page and part under the strict CSP with no console error', async () => {
      const url = shared.urls[name];
      for (const query of ['', '?view=team&embed=1', '?view=matrix', '?view=compare&embed=1', '?view=situations', '?view=quiz&embed=1', '?view=facts', '?lang=de']) {
        const page = await shared.browser.newPage();
        const problems = watch(page, [new URL(url).origin]);
        await page.goto(`${url}${query}`);
        await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
        assert.deepEqual(problems, [], `${name} ${query}`);
        await page.close();
      }
    });

    it('runs the app in a sandboxed frame on another origin', async () => {
      const url = shared.urls[name];
      const post = `post-${name}.html`;
      await writeFile(join(shared.folder, post), `<!doctype html><html lang="en"><title>Post</title><link rel="icon" href="data:,">
        <iframe sandbox="allow-scripts" src="${url}?view=team&team=7&embed=1" width="700" height="700" title="Two Hats"></iframe>`);
      const page = await shared.browser.newPage();
      const problems = watch(page, [new URL(url).origin, new URL(shared.host.url).origin]);
      await page.goto(`${shared.host.url}${post}`);
      await page.waitForFunction(() => document.querySelector('iframe').contentWindow !== null);
      let frame;
      for (let i = 0; i < 100 && !frame; i += 1) {
        frame = page.frames().find((candidate) => candidate.url().startsWith(url));
        if (!frame) await page.waitForTimeout(50);
      }
      await frame.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
      assert.match(await frame.locator('.recommendation__setup').innerText(), /^7 engineers/);
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}

// Netlify and Cloudflare Pages cannot run here; their file must at least say what the servers
// above were seen to send.
describe('deploy/_headers', () => {
  it('sends the same policy, and keeps only assets/ a year', async () => {
    const rules = new Map();
    let path;
    for (const line of (await readFile(join(repoRoot, 'deploy/_headers'), 'utf8')).split('\n')) {
      if (line.startsWith('/')) rules.set((path = line.trim()), new Map());
      else if (line.startsWith('  ') && path) {
        const [header, ...value] = line.trim().split(': ');
        rules.get(path).set(header.toLowerCase(), value.join(': '));
      }
    }
    assert.deepEqual([...rules.keys()], ['/*', '/assets/*']);
    assert.equal(rules.get('/*').get('content-security-policy'), CSP);
    assert.equal(rules.get('/*').get('access-control-allow-origin'), '*');
    assert.ok(!rules.get('/*').has('cache-control'), 'a second Cache-Control would be joined to the host\'s');
    assert.equal(rules.get('/assets/*').get('cache-control'), IMMUTABLE);
  });
});
