/* Two Hats embed: sizes Two Hats iframes to their content, and turns
   <div data-twohats data-team="7" data-roles="tl,em"></div> into such an iframe;
   data-answers="size=12&lead=one" gives the team check's answers (docs/url-parameters.md).
   theme=host picks light or dark from the host page's own background.
   No dependencies; safe to include more than once. */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = new URL('./', script ? script.src : location.href);
  var PARAMS = ['view', 'team', 'roles', 'group', 'diff', 'row', 'new', 'both', 'theme', 'quiz', 'transparent', 'hybrid_from', 'split_at', 'content', 'lang'];
  var TITLE = 'Two Hats: Tech Lead vs Engineering Manager, interactive';
  var registry = window.__twoHatsFrames || (window.__twoHatsFrames = []);

  /* Light or dark, from the first opaque background around `element`. */
  function hostTheme(element) {
    for (var node = element.parentElement; node; node = node.parentElement) {
      var rgba = getComputedStyle(node).backgroundColor.match(/[\d.]+/g);
      if (rgba && (rgba.length < 4 || Number(rgba[3]) > 0)) {
        var luminance = (0.2126 * rgba[0] + 0.7152 * rgba[1] + 0.0722 * rgba[2]) / 255;
        return luminance < 0.5 ? 'dark' : 'light';
      }
    }
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  /* The frame paints in this scheme, so a transparent widget never gets an opaque backdrop. */
  function matchColorScheme(frame, query) {
    var theme = query.get('theme');
    frame.style.colorScheme = theme === 'light' || theme === 'dark' ? theme : 'light dark';
  }

  /* The widget's height for its width, roughly (fitted to the default state at 320 to 1200
     px), so the host page hardly moves when the real height arrives. A view of some parts
     starts at their typical heights and the title and sources', which the build writes in
     from core::state, where they are kept (src/site/embed_script.rs). */
  var PART_HEIGHTS = {}, TITLE_AND_SOURCES = 0;
  function startingHeight(width, view) {
    var parts = (view || '').split(',').filter(function (part, index, all) {
      return PART_HEIGHTS[part] && all.indexOf(part) === index;
    });
    if (!parts.length) return Math.round(7400 + 3950000 / Math.max(width, 320));
    return parts.reduce(function (sum, part) { return sum + PART_HEIGHTS[part]; }, TITLE_AND_SOURCES);
  }

  function register(frame) {
    if (registry.indexOf(frame) >= 0) return;
    var src = new URL(frame.src, location.href);
    if (src.searchParams.get('theme') === 'host') {
      src.searchParams.set('theme', hostTheme(frame));
      frame.src = src.href;
    }
    matchColorScheme(frame, src.searchParams);
    frame.style.border = '0';
    frame.style.width = '100%';
    frame.style.display = 'block';
    if (!frame.title) frame.title = TITLE;
    registry.push(frame);
  }

  /* The drawn embeds (core::drawn::address, which this mirrors): each part alone, and the team
     part at every size, new or not, its lead having done both or not, arrive drawn at an
     address of their own, so the frame paints before any code runs. Any other state is a
     query. The build writes in the folder and the sizes (src/site/embed_script.rs). */
  var DRAWN = '', TEAM_SIZES = [0, 0, 0];
  var DRAWN_KEYS = ['view', 'team', 'new', 'both', 'embed', 'theme', 'transparent'];
  function drawnAddress(query) {
    var view = query.get('view');
    var keys = Array.from(query.keys());
    if (!DRAWN || !PART_HEIGHTS[view] || keys.some(function (key) { return DRAWN_KEYS.indexOf(key) < 0; })) return null;
    var flags = ['new', 'both'].filter(function (key) { return query.has(key); });
    if (flags.concat('embed').some(function (key) { return query.get(key) !== '1'; })) return null;
    var team = query.has('team') ? query.get('team') : String(TEAM_SIZES[2]);
    var size = /^\d{1,3}$/.test(team) ? Number(team) : -1;
    /* boot.js applies these itself, so the drawn page takes them as its query. */
    var applied = new URLSearchParams();
    ['theme', 'transparent'].forEach(function (key) { if (query.has(key)) applied.set(key, query.get(key)); });
    var rest = applied.toString() ? '?' + applied.toString() : '';
    var folder = DRAWN + '/';
    if (size === TEAM_SIZES[2] && !flags.length) return folder + view + '/' + rest;
    if (view !== 'team' || size < TEAM_SIZES[0] || size > TEAM_SIZES[1]) return null;
    return folder + 'team-' + size + flags.map(function (flag) { return '-' + flag; }).join('') + '/' + rest;
  }

  function frameFor(div) {
    var query = new URLSearchParams();
    PARAMS.forEach(function (key) {
      if (div.dataset[key] != null) query.set(key, div.dataset[key]);
    });
    if (query.get('theme') === 'host') query.set('theme', hostTheme(div));
    query.set('embed', '1');
    var frame = document.createElement('iframe');
    /* The check's answers go in the fragment, which never reaches a server. */
    var answers = div.dataset.answers ? '#' + div.dataset.answers : '';
    frame.src = base.href + (drawnAddress(query) || '?' + query.toString().replace(/%2C/g, ',')) + answers;
    frame.title = div.dataset.title || TITLE;
    frame.loading = 'lazy';
    frame.height = Number(div.dataset.height) || startingHeight(div.parentElement.clientWidth, div.dataset.view);
    frame.setAttribute('data-twohats', '');
    return frame;
  }

  function scan() {
    document.querySelectorAll('div[data-twohats]').forEach(function (div) {
      var frame = frameFor(div);
      div.replaceWith(frame);
      register(frame);
    });
    document.querySelectorAll('iframe[data-twohats]').forEach(register);
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || data.type !== 'twohats:resize') return;
    var height = Number(data.height);
    if (!(height > 0 && height < 100000)) return;
    registry.forEach(function (frame) {
      if (event.source === frame.contentWindow && event.origin === new URL(frame.src, location.href).origin) {
        frame.style.height = Math.ceil(height) + 'px';
      }
    });
  }

  if (!window.__twoHatsListening) {
    window.__twoHatsListening = true;
    window.addEventListener('message', onMessage);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scan);
  } else {
    scan();
  }
})();
