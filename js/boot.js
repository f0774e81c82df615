/* Two Hats boot: runs before the first paint. The page arrives prerendered in its default
   state and language; when the address asks for another state, or the reader's browser
   prefers a language the page is translated into (see core::language::choose), keep it
   hidden until the app has applied it, so the reader never sees the wrong page flash by. */
(function () {
  var root = document.documentElement;
  var translations = (root.getAttribute('data-translations') || '').split(' ');
  function prefersTranslation() {
    var preferred = navigator.languages || [navigator.language || ''];
    for (var i = 0; i < preferred.length; i++) {
      var code = preferred[i].split(/[-_]/)[0].toLowerCase();
      if (code === root.lang) return false;
      if (code && translations.indexOf(code) >= 0) return true;
    }
    return false;
  }
  if (location.search.length > 1 || prefersTranslation()) root.classList.add('twohats-pending');
})();
