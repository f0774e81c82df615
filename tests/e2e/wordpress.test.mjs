// End-to-end: a real WordPress (Debian's package, 6.1) with a throwaway MariaDB, both in a
// temporary folder on loopback ports. A post whose body is the address of the widget's team
// part on its own line shows the widget in WordPress's sandboxed frame, sized by WordPress's
// own wp-embed.js. The only change to a stock install is a must-use plugin that lets this
// WordPress fetch from the widget's loopback port, which WordPress refuses by default.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, launch, publishedCopy, screenshot, serve, sizedByWordPress, startServer, stopServer, waitUntil, withPage } from './harness.mjs';

const run = promisify(execFile);
const WORDPRESS = '/usr/share/wordpress';
const shared = { children: [] };

function start(command, args, options) {
  const child = startServer(command, args, options);
  shared.children.push(child);
  return child;
}

before(async () => {
  const folder = await mkdtemp(join(tmpdir(), 'two-hats-wordpress-'));
  shared.folder = folder;

  // The widget, readied for the address it is served at, as `cargo xtask dist --public-url` does.
  const dist = join(folder, 'dist');
  shared.widget = await serve([['/', dist]], { 'access-control-allow-origin': '*' });
  await publishedCopy(dist, shared.widget.url);

  // A database of its own, reached through a socket in the folder.
  const data = join(folder, 'mysql');
  const socket = join(folder, 'mysqld.sock');
  await run('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db']);
  start('/usr/sbin/mariadbd', ['--no-defaults', `--datadir=${data}`, `--socket=${socket}`, '--skip-networking', '--user=root',
    `--pid-file=${join(folder, 'mysqld.pid')}`, `--log-error=${join(folder, 'mysqld.log')}`]);
  const sql = (statement) => run('mariadb', ['--no-defaults', `--socket=${socket}`, '-u', 'root', '-e', statement]);
  await waitUntil(() => sql('SELECT 1').then(() => true), 'MariaDB');
  await sql('CREATE DATABASE wordpress CHARACTER SET utf8mb4');

  // WordPress's files as the package installs them, with a configuration of their own.
  const site = join(folder, 'site');
  await cp(WORDPRESS, site, { recursive: true, verbatimSymlinks: true });
  const port = await freePort();
  shared.wordpress = `http://127.0.0.1:${port}`;
  const widgetPort = new URL(shared.widget.url).port;
  await writeFile(join(site, 'wp-config.php'), `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`);
  // What Apache does with WordPress's .htaccess: files as they are, every other path to WordPress.
  await writeFile(join(folder, 'router.php'), `<?php
$file = '${site}' . parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (is_file($file)) return false;
require '${site}/index.php';
`);
  await mkdir(join(site, 'wp-content/mu-plugins'), { recursive: true });
  await writeFile(join(site, 'wp-content/mu-plugins/two-hats-test-host.php'), `<?php
// WordPress refuses to fetch from loopback addresses and unusual ports; this test serves the
// widget from one, so exactly that host and port are allowed.
add_filter('http_request_host_is_external', function ($external, $host) {
    return $host === '127.0.0.1' ? true : $external;
}, 10, 2);
add_filter('http_allowed_safe_ports', function ($ports) {
    return array_merge($ports, [${widgetPort}]);
});
`);
  const install = join(folder, 'install.php');
  shared.address = `${shared.widget.url}team/`;
  await writeFile(install, `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '${site}/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Two Hats test', 'admin', 'admin@example.org', false, '', wp_generate_password());
update_option('siteurl', '${shared.wordpress}');
update_option('home', '${shared.wordpress}');
echo wp_insert_post([
    'post_title' => 'A team of seven',
    'post_content' => "<p>Who should lead a team of seven?</p>\\n\\n${shared.address}\\n\\n<p>That was the widget.</p>",
    'post_status' => 'publish',
    'post_author' => 1,
]), ' ', wp_insert_post([
    'post_title' => 'A new team of twelve',
    'post_content' => "<p>And a new team of twelve?</p>\\n\\n${shared.widget.url}embed/team-12-new/\\n\\n<p>That was the widget.</p>",
    'post_status' => 'publish',
    'post_author' => 1,
]);
`);
  const { stdout: postIds } = await run('php', [install]);
  const [postId, statePostId] = postIds.trim().split(' ');
  shared.post = `${shared.wordpress}/?p=${postId}`;
  shared.statePost = `${shared.wordpress}/?p=${statePostId}`;
  start('php', ['-S', `127.0.0.1:${port}`, '-t', site, join(folder, 'router.php')], { env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } });
  await waitUntil(() => fetch(`${shared.wordpress}/wp-includes/js/wp-embed.js`).then((response) => response.ok), 'WordPress');
  shared.browser = await launch();
});

after(async () => {
  await shared.browser?.close();
  for (const child of shared.children) await stopServer(child);
  await shared.widget?.close();
  if (shared.folder) await rm(shared.folder, { recursive: true, force: true });
});

describe('oEmbed for a known public address', () => {
  it('discovers a rich response on every page, each part at its own address and real height', async () => {
    const discovered = async (address) => {
      const html = await (await fetch(address)).text();
      const link = html.match(/<link rel="?alternate"? type="?application\/json\+oembed"? href="?([^" >]+)"?/);
      assert.ok(link, `no oEmbed discovery in ${address}`);
      return link[1];
    };
    assert.equal(await discovered(shared.widget.url), `${shared.widget.url}oembed/all.json`);
    for (const part of ['team', 'matrix', 'compare', 'situations', 'quiz', 'facts']) {
      const response = await (await fetch(await discovered(`${shared.widget.url}${part}/`))).json();
      assert.equal(response.version, '1.0');
      assert.equal(response.type, 'rich');
      assert.equal(response.provider_name, 'Two Hats');
      assert.equal(response.provider_url, shared.widget.url);
      assert.match(response.title, /^Two Hats: /);
      const frame = response.html.match(/<iframe src="([^"]+)" width="(\d+)" height="(\d+)"/);
      assert.ok(frame, response.html);
      const src = frame[1].replaceAll('&amp;', '&');
      assert.equal(src, `${shared.widget.url}embed/${part}/`, 'the part drawn ahead, which paints before any code runs');
      assert.deepEqual([Number(frame[2]), Number(frame[3])], [response.width, response.height]);
      const real = await withPage(shared.browser, src, { width: 720, height: 900, waitFor: null }, async ({ page }) => {
        await page.waitForSelector('html[data-twohats-ready]', { state: 'attached' });
        return page.evaluate(() => document.documentElement.getBoundingClientRect().height);
      });
      assert.ok(Math.abs(real - response.height) / real < 0.1, `${part}: says ${response.height} px, is ${real} px at 720 px`);
    }
  });
});

describe('a real WordPress post', () => {
  it('turns the address on its own line into the widget, in its sandboxed frame, sized by wp-embed.js', async () => {
    const noteErrors = (page) => {
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { errors };
    };
    const options = { width: 1100, height: 900, origins: [new URL(shared.widget.url).origin], waitFor: null, setUp: noteErrors };
    await withPage(shared.browser, shared.post, options, async ({ page, problems, errors }) => {
      const iframe = page.locator('iframe.wp-embedded-content');
      assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts');
      assert.match(await iframe.getAttribute('src'), /\/embed\/team\/#\?secret=[A-Za-z0-9]+$/);
      // Shown (wp-embed.js drops the clipping style) once the widget has reported its height.
      await page.waitForFunction(() => !document.querySelector('iframe.wp-embedded-content').hasAttribute('style'));
      const frame = page.frames().find((candidate) => candidate.url().startsWith(shared.widget.url));
      assert.equal(await frame.locator('.responsibilities').count(), 0, 'the team part alone');
      assert.match(await frame.locator('.recommendation__setup').innerText(), /^5 engineers/, 'drawn, before any code');
      const before = await sizedByWordPress(page, frame);

      // The reader reaches for it: the app starts and takes over the keys pressed meanwhile.
      await frame.locator('#team-size').focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await frame.waitForFunction(() => document.querySelector('.recommendation__setup').textContent.startsWith('7 engineers'), undefined, { polling: 100 });
      await frame.locator('.team-size__modifiers input').first().check();
      await frame.locator('summary', { hasText: 'Why' }).click();
      assert.notEqual(await sizedByWordPress(page, frame), before, 'the frame follows the content');

      await iframe.scrollIntoViewIfNeeded();
      await screenshot(page, 'wordpress-post', { fullPage: false });
      assert.deepEqual(problems, []);
      assert.deepEqual(errors, []);
    });
  });

  it('turns the address of a drawn embed, such as the Embed panel\'s bare link, into the widget in that state', async () => {
    const options = { width: 1100, height: 900, origins: [new URL(shared.widget.url).origin], waitFor: null };
    await withPage(shared.browser, shared.statePost, options, async ({ page, problems }) => {
      const iframe = page.locator('iframe.wp-embedded-content');
      assert.match(await iframe.getAttribute('src'), /\/embed\/team-12-new\/#\?secret=[A-Za-z0-9]+$/);
      await page.waitForFunction(() => !document.querySelector('iframe.wp-embedded-content').hasAttribute('style'));
      const frame = page.frames().find((candidate) => candidate.url().startsWith(shared.widget.url));
      assert.match(await frame.locator('.recommendation__setup').innerText(), /^12 engineers/, 'drawn in the author\'s state');
      assert.equal(await frame.locator('.team-size__modifiers input').first().isChecked(), true, 'a new team');
      await sizedByWordPress(page, frame);
      assert.deepEqual(problems, []);
    });
  });
});
