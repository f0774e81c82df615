/* Two Hats boot: a classic script, so it runs before the first paint and even where the app
   cannot (a sandboxed frame whose host sends no CORS header refuses the module and the wasm).

   1. The page arrives prerendered in a state, named on <html data-drawn>, and a language.
      Whether it shows at once is core::drawn::shows_at_once, whose answers the build writes
      into SHOWS_AT_ONCE: only when the address asks for the drawn state (it has no query, or
      exactly the drawn one) and the reader's browser prefers no language the page is
      translated into (see core::language::choose). Otherwise it stays hidden until the app
      has drawn what the address asks for, so the reader never sees another state. Should the
      app fail to start, a page that waited says so instead, and the console says why.
   2. In an embed, tell the parent page the document's height: as {type: "twohats:resize"} for
      embed.js, as AMP's embed-size, and as WordPress's {message: "height"} with the secret
      WordPress put after "#?secret=" (now or later). It posts once the page shows, then on
      every change, and again when WordPress says "ready". It takes no other message from the
      host. WordPress's sandboxed frame may open no tab, so there a link out of the frame asks
      WordPress to follow it instead, with its {message: "link"}. */
(function () {
  var SHOWS_AT_ONCE = [];
  var root = document.documentElement;
  var translations = (root.getAttribute('data-translations') || '').split(' ');
  function readSecret() {
    return (location.hash.match(/[#?&]secret=([A-Za-z0-9]+)/) || [])[1];
  }
  var secret = readSecret();
  var query = location.search.slice(1);
  var drawn = root.getAttribute('data-drawn');
  var addressIsDrawn = query === '' || query === drawn;
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
    root.classList.remove('twohats-pending');
    postHeight(true);
    if (embedded && window.ResizeObserver) new ResizeObserver(function () { postHeight(false); }).observe(root);
  }

  var translationPreferred = prefersTranslation();
  if (SHOWS_AT_ONCE[(addressIsDrawn ? 2 : 0) + (translationPreferred ? 1 : 0)]) {
    show();
  } else {
    root.classList.add('twohats-pending');
    new MutationObserver(function () {
      if (root.hasAttribute('data-twohats-ready')) show();
    }).observe(root, { attributes: true, attributeFilter: ['data-twohats-ready'] });
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
