/* Two Hats boot: a classic script, so it runs before the first paint and even where the app
   cannot (a sandboxed frame whose host sends no CORS header refuses the module and the wasm).

   1. The page arrives prerendered in a state, named on <html data-drawn>, and a language.
      What happens before the app has started is core::drawn::plan, which the build writes
      into PLANS for everything this script can know: whether the address asks for the drawn
      state (it has no query, one that sets only what this script applies itself, the theme
      and the transparency, or exactly the drawn one, and no answers for the team check in its
      fragment), whether it asks for the drawn
      masthead (the same MASTHEAD_KEYS), and whether the reader gets another
      language than the page's: the address names one, or the browser prefers one the page is
      translated into (see core::language::choose).
      - A page that is right as it arrived shows at once, and its app starts only when the
        reader reaches for it (a pointer over it, a touch, a key, the focus): a reader who
        only reads downloads a static page.
      - A link to the widget's page in another team state (a query of CHANGE_KEYS alone, in
        CHANGE_SIZES) is drawn by the build as the changes that redraw the page (site::changes,
        in the folder <html data-changes> names, named as the query). They are fetched at once
        and applied, the page showing nothing until then, so that its first paint is the
        address's state; it then shows and waits for the reader as above. Should they not
        arrive, or the reader reach for the page first, the app starts instead.
      - Any other page starts its app at once, and until it has drawn what the address asks
        for shows only its masthead, or nothing when the reader gets another language, so the
        reader never sees a state or a language the address did not ask for. Should the app
        fail to start, the page says so instead, and the console says why.
   2. Until a part is live (the app has started; for the later parts, their chunk is in too),
      what the reader does on it is held: a click on a button is kept, a slider, a checkbox or
      a menu moves as it would and its value is kept, and the focus is noted. The live part
      gets each as the same event on the same element, and the focus back if the swap took it.
   3. In an embed, tell the parent page the document's height: as {type: "twohats:resize"} for
      embed.js, as AMP's embed-size, and as WordPress's {message: "height"} with the secret
      WordPress put after "#?secret=" (now or later). It posts once the page shows, then on
      every change, and again when WordPress says "ready". It takes no other message from the
      host. WordPress's sandboxed frame may open no tab, so there a link out of the frame asks
      WordPress to follow it instead, with its {message: "link"}. */
(function () {
  var PLANS = [], MASTHEAD_KEYS = [], BOOT_APPLIED = [], CHANGE_KEYS = [], CHANGE_SIZES = [];
  var root = document.documentElement;
  var boot = document.currentScript;
  var translations = (root.getAttribute('data-translations') || '').split(' ');
  function readSecret() {
    return (location.hash.match(/[#?&]secret=([A-Za-z0-9]+)/) || [])[1];
  }
  var secret = readSecret();
  var query = location.search.slice(1);
  var drawn = root.getAttribute('data-drawn');
  function value(query, key) {
    return (query.match(new RegExp('(?:^|&)' + key + '=([^&]*)')) || [])[1];
  }
  /* The colour theme and the transparency need no app: applied here, they are right from the
     first paint, and a drawn page asked for them is still drawn as asked (core::drawn::asked). */
  var theme = value(query, 'theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  if (value(query, 'transparent') === '1') root.setAttribute('data-transparent', '');
  var onlyApplied = query.split('&').every(function (pair) { return !pair || BOOT_APPLIED.indexOf(pair.split('=')[0]) >= 0; });
  /* Answers for the team check live in the fragment as key=value pairs, which no anchor has
     (core::check::fragment::names_answers); WordPress's "#?secret=" does not count. */
  var answers = location.hash.slice(1).split('#').filter(function (part) { return part[0] !== '?'; })[0] || '';
  var namesAnswers = answers.indexOf('=') >= 0;
  var addressIsDrawn = (onlyApplied || query === drawn) && !namesAnswers;
  /* The state the address asks for, as a query: a drawn embed's address has none of its own. */
  var wanted = addressIsDrawn ? drawn || '' : query;
  var embedded = window.parent !== window && (/(^|&)embed=1(&|$)/.test(wanted) || !!secret);
  var shown = false;
  var lastHeight = 0;

  function prefersTranslation() {
    var preferred = navigator.languages || [navigator.language || ''];
    for (var i = 0; i < preferred.length; i++) {
      var code = preferred[i].split(/[-_]/)[0].toLowerCase();
      if (code === root.lang) return false;
      if (code && translations.indexOf(code) >= 0) return true;
    }
    return false;
  }

  function postHeight(always) {
    secret = readSecret() || secret;
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (!embedded || !height || (height === lastHeight && !always)) return;
    lastHeight = height;
    window.parent.postMessage({ type: 'twohats:resize', height: height }, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: height }, '*');
    if (secret) window.parent.postMessage({ message: 'height', value: height, secret: secret }, '*');
  }

  /* The page is visible from here on: measure it now, and whenever it changes. A hidden frame
     delivers no ResizeObserver callbacks until its host shows it, hence the first direct post. */
  function show() {
    if (shown) return;
    shown = true;
    root.classList.remove('twohats-pending', 'twohats-pending--masthead', 'twohats-pending--nothing');
    postHeight(true);
    if (embedded && window.ResizeObserver) new ResizeObserver(function () { postHeight(false); }).observe(root);
  }

  /* The app's files, which the build names on this script's element (their names change with
     their content): the module that starts it, the glue it imports and the wasm. */
  var starting = false;
  function startApp() {
    if (starting || !boot) return;
    starting = true;
    var base = document.baseURI;
    var glue = document.createElement('link');
    glue.rel = 'modulepreload';
    glue.href = new URL(boot.getAttribute('data-glue'), base).href;
    var wasm = document.createElement('link');
    wasm.rel = 'preload';
    wasm.as = 'fetch';
    wasm.type = 'application/wasm';
    wasm.crossOrigin = 'anonymous';
    wasm.href = new URL(boot.getAttribute('data-wasm'), base).href;
    var start = document.createElement('script');
    start.type = 'module';
    start.src = new URL(boot.getAttribute('data-start'), base).href;
    document.head.append(glue, wasm, start);
  }

  /* What the reader does where the page is not live yet, held for it (2. above): anywhere
     before the app has started; after that, in the later parts, which the app marks
     aria-busy while their code loads (browser/later_parts.rs). A path of child indices finds
     the same element once it is live: the app adopts the page, and the later parts' live
     markup takes the place of the prerendered one in the same shape. */
  var live = false;
  var held = [];
  var focusPath = null;
  var INTENT = ['pointerover', 'pointerdown', 'touchstart', 'keydown', 'focusin'];
  var app = function () { return document.getElementById('two-hats'); };
  function pathOf(element) {
    var path = [];
    for (var node = element; node && node !== app(); node = node.parentElement) {
      if (!node.parentElement) return null;
      path.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
    }
    return node ? path : null;
  }
  function atPath(path) {
    var node = app();
    for (var i = 0; node && i < path.length; i++) node = node.children[path[i]];
    return node;
  }
  function waiting(element) {
    return !live || !!(element.closest && element.closest('[aria-busy="true"]'));
  }
  function hold(event) {
    var target = event.target;
    if (!target.closest || !waiting(target)) return;
    if (event.type === 'click') {
      /* A link leads where the drawn state says until the app has drawn the address's. */
      var button = target.closest(shown ? 'button, summary' : 'a[href], button, summary');
      var path = button && pathOf(button);
      if (!path) return;
      event.preventDefault();
      event.stopPropagation();
      held.push({ path: path, type: 'click' });
    } else if (event.type === 'focusin') {
      focusPath = pathOf(target);
    } else if (event.type === 'focusout') {
      /* Focus the reader moves out of the waiting part stays where they moved it; focus the
         live parts take with the element they replace (Chromium says focusout then too) is
         given back. */
      var staying = event.relatedTarget && waiting(event.relatedTarget);
      Promise.resolve().then(function () { if (!staying && target.isConnected) focusPath = null; });
    } else if (target.matches('input, select')) {
      var at = pathOf(target);
      if (!at) return;
      held = held.filter(function (input) { return input.type !== event.type || String(input.path) !== String(at); });
      held.push({ path: at, type: event.type, value: target.value, checked: target.checked });
    }
  }
  var HELD = ['click', 'input', 'change', 'focusin', 'focusout'];
  HELD.forEach(function (type) { document.addEventListener(type, hold, true); });
  /* While the changes that redraw the page are on their way, the page is hidden: there is
     nothing to reach for yet, and the app would only draw what they bring. */
  var redrawing = false;
  function onIntent() { if (!redrawing) startApp(); }
  if (boot) INTENT.forEach(function (type) { addEventListener(type, onIntent, { capture: true, passive: true }); });

  /* Hands what was held to the parts that are live now, and the focus the swap took. */
  function handOver() {
    var lost = !document.activeElement || document.activeElement === document.body;
    var focused = focusPath && atPath(focusPath);
    if (lost && focused && !waiting(focused)) {
      focusPath = null;
      focused.focus({ preventScroll: true });
    }
    held = held.filter(function (input) {
      var element = atPath(input.path);
      if (!element) return false;
      if (waiting(element)) return true;
      if (input.type === 'click') {
        element.click();
      } else {
        element.value = input.value;
        element.checked = input.checked;
        element.dispatchEvent(new Event(input.type, { bubbles: true }));
      }
      return false;
    });
    if (live && !held.length && !app().querySelector('[aria-busy="true"]')) {
      HELD.forEach(function (type) { document.removeEventListener(type, hold, true); });
      if (swaps) swaps.disconnect();
    }
  }
  var swaps = null;

  new MutationObserver(function (changes, observer) {
    if (!root.hasAttribute('data-twohats-ready')) return;
    observer.disconnect();
    live = true;
    INTENT.forEach(function (type) { removeEventListener(type, onIntent, { capture: true }); });
    show();
    /* The later parts turn live when their code is in: their live markup takes the place of
       the busy one. Only their region is watched, so a slider moved meanwhile costs nothing. */
    swaps = new MutationObserver(handOver);
    swaps.observe(app().querySelector('.layout__later') || app(), { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
    handOver();
  }).observe(root, { attributes: true, attributeFilter: ['data-twohats-ready'] });

  var mastheadIsDrawn = MASTHEAD_KEYS.every(function (key) { return value(wanted, key) === value(drawn || '', key); });
  var named = value(wanted, 'lang');
  var languageDiffers = named ? named !== root.lang : prefersTranslation();
  /* The queries the build redraws the page for, as core::url writes them: a size, then flags. */
  var changes = root.getAttribute('data-changes');
  var size = Number(value(query, CHANGE_KEYS[0]));
  var redrawnQuery = CHANGE_KEYS[0] + '=' + size + CHANGE_KEYS.slice(1).map(function (flag) {
    return value(query, flag) === '1' ? '&' + flag + '=1' : '';
  }).join('');
  var changesDrawn = !!changes && !namesAnswers && query === redrawnQuery &&
    size >= CHANGE_SIZES[0] && size <= CHANGE_SIZES[1];
  function planned() {
    return PLANS[(changesDrawn ? 8 : 0) + (addressIsDrawn ? 4 : 0) + (mastheadIsDrawn ? 2 : 0) + (languageDiffers ? 1 : 0)] || ['nothing', false, false];
  }
  var plan = planned();
  if (plan[0] === 'page') show();
  else root.classList.add('twohats-pending', 'twohats-pending--' + plan[0]);
  if (!plan[1]) startApp();
  if (plan[2]) {
    redrawing = true;
    fetch(new URL(changes + query + '.json', document.baseURI).href)
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; })
      .then(function (list) {
        if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { redraw(list); });
        else redraw(list);
      });
  }

  /* The page redrawn as the address asks from `list`, the changes fetched for it: each names
     an element by its path from the app's root and its name, and gives either its content or
     its start tag, whose attributes it takes. Nothing changes unless every change finds its
     element; else, or without changes, the app draws the page, under its masthead meanwhile. */
  function redraw(list) {
    redrawing = false;
    if (starting) return;
    var changed = Array.isArray(list) && list.map(function (change) {
      var element = Array.isArray(change) && Array.isArray(change[0]) && atPath(change[0]);
      if (!element || element.localName !== change[1] || typeof change[3] !== 'string') return null;
      if (change[2] === 'inner') return function () { element.innerHTML = change[3]; };
      var template = document.createElement('template');
      template.innerHTML = change[3];
      var tag = template.content.firstElementChild;
      if (change[2] !== 'tag' || !tag || tag.localName !== change[1]) return null;
      return function () {
        Array.prototype.slice.call(element.attributes).forEach(function (attribute) {
          if (!tag.hasAttribute(attribute.name)) element.removeAttribute(attribute.name);
        });
        Array.prototype.forEach.call(tag.attributes, function (attribute) { element.setAttribute(attribute.name, attribute.value); });
      };
    });
    if (!changed || changed.indexOf(null) >= 0) {
      changesDrawn = false;
      plan = planned();
      root.classList.remove('twohats-pending--nothing');
      root.classList.add('twohats-pending--' + plan[0]);
      return startApp();
    }
    changed.forEach(function (change) { change(); });
    root.setAttribute('data-drawn', query);
    addressIsDrawn = true;
    plan = planned();
    if (plan[0] === 'page') show();
  }

  /* The page as it arrived when it is drawn in the state the address asks for (if perhaps not
     in the reader's language); else the note that says the app could not start, never a state
     the address did not ask for. */
  function withoutApp(why) {
    console.warn('Two Hats shows its page without its app: ' + why);
    if (!shown && !addressIsDrawn) root.classList.add('twohats-unstarted');
    show();
  }

  /* A module that cannot load fires `error` on its script element; it does not bubble. */
  window.addEventListener('error', function (event) {
    var script = event.target;
    if (!script || script.tagName !== 'SCRIPT' || script.type !== 'module') return;
    withoutApp(self.origin === 'null'
      ? 'in this sandboxed frame its files load only when served with the header "Access-Control-Allow-Origin: *".'
      : script.src + ' could not be loaded.');
  }, true);
  /* start.js says so when the wasm could not be fetched or started. */
  window.addEventListener('twohats:failed', function (event) { withoutApp(String(event.detail)); });

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (secret && event.source === window.parent && data && data.message === 'ready' && data.secret === secret) postHeight(true);
  });
  window.addEventListener('load', function () { if (shown) postHeight(false); });
  /* wp-embed.js adds the secret to a frame that had none after it has loaded. */
  window.addEventListener('hashchange', function () { if (shown) postHeight(true); });

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href]');
    if (!link || !secret || self.origin !== 'null') return;
    var url = new URL(link.href, location.href);
    var inPage = url.pathname === location.pathname && url.search === location.search && url.hash;
    if (url.host !== location.host || inPage) return;
    event.preventDefault();
    window.parent.postMessage({ message: 'link', value: url.href, secret: secret }, '*');
  });
})();
