/* Two Hats embed: sizes Two Hats iframes to their content, and turns
   <div data-twohats data-team="7" data-roles="tl,em"></div> into such an iframe.
   No dependencies; safe to include more than once. */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = new URL('./', script ? script.src : location.href);
  var PARAMS = ['team', 'roles', 'group', 'diff', 'row', 'new', 'both', 'theme', 'quiz'];
  var TITLE = 'Two Hats: Tech Lead vs Engineering Manager, interactive';
  var registry = window.__twoHatsFrames || (window.__twoHatsFrames = []);

  function register(frame) {
    if (registry.indexOf(frame) < 0) {
      frame.style.border = '0';
      frame.style.width = '100%';
      frame.style.display = 'block';
      if (!frame.title) frame.title = TITLE;
      registry.push(frame);
    }
  }

  function frameFor(div) {
    var query = new URLSearchParams();
    PARAMS.forEach(function (key) {
      if (div.dataset[key] != null) query.set(key, div.dataset[key]);
    });
    query.set('embed', '1');
    var frame = document.createElement('iframe');
    frame.src = base.href + '?' + query.toString().replace(/%2C/g, ',');
    frame.title = div.dataset.title || TITLE;
    frame.loading = 'lazy';
    frame.height = '900';
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
