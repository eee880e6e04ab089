/* offence-charts embed host: fits each offence-charts <iframe> on the page to its chart's height,
 * and tells it the article's colour scheme.
 * Paste once, after the iframes: <script src="https://YOUR-HOST/embed-host.js" defer></script>
 * (pasting it again is harmless). A message counts only if it comes from the window of an
 * <iframe> whose src is in this script's own folder (and from that origin), and says
 * {type: "offence-charts:height", height: 50..5000}; then that iframe's height is set, and the
 * chart is told the article's theme, {type: "offence-charts:theme", theme: "dark"|"light"|""}:
 * data-theme="dark" or "light" on this script, else on <html> or <body>, else the page's
 * color-scheme (CSS on <html>, then <meta name="color-scheme">) if it names only one; "" lets the
 * chart follow the reader's setting. A change of those is sent again. Nothing else on the page is
 * read or changed. It asks its charts once to repeat their height, in case they reported before
 * it ran. No cookies, no storage, no requests. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !me.src || typeof URL !== "function") return;
  var base;
  try {
    base = new URL(".", me.src);
  } catch (_error) {
    return;
  }
  var dir = base.href; // e.g. "https://charts.example.org/offence-charts/"
  var origin = base.origin;
  // One listener per chart host, however many times the snippet is pasted.
  var seen = window.__offenceChartsHost;
  if (!seen || typeof seen !== "object") {
    seen = {};
    try {
      Object.defineProperty(window, "__offenceChartsHost", { value: seen });
    } catch (_error) {
      return;
    }
  }
  if (seen[dir] === true) return;
  seen[dir] = true;

  var html = document.documentElement;
  // The article's theme: "dark", "light", or "" (the reader's setting).
  function theme() {
    var places = [me, html, document.body];
    for (var i = 0; i < places.length; i++) {
      var t = places[i] && places[i].getAttribute("data-theme");
      if (t === "dark" || t === "light") return t;
    }
    var meta = document.querySelector('meta[name="color-scheme"]');
    var schemes = [getComputedStyle(html).colorScheme, meta && meta.content];
    for (var j = 0; j < schemes.length; j++) {
      var dark = /\bdark\b/.test(schemes[j]);
      if (dark !== /\blight\b/.test(schemes[j])) return dark ? "dark" : "light";
      if (dark) return "";
    }
    return "";
  }
  var said = theme();
  function tell(win) {
    win.postMessage({ type: "offence-charts:theme", theme: said }, origin);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin || !event.source) return;
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "offence-charts:height") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < 50 || height > 5000) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (typeof frame.src === "string" && frame.src.indexOf(dir) === 0) {
        frame.style.height = `${Math.ceil(height)}px`;
        tell(event.source);
      }
      return;
    }
  });

  // Each of our charts: `send` to its window.
  function each(send) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (typeof frame.src === "string" && frame.src.indexOf(dir) === 0 && frame.contentWindow) {
        send(frame.contentWindow);
      }
    }
  }
  // Charts that reported their height before this script ran are asked to say it again.
  function ask() {
    each(function (win) {
      win.postMessage({ type: "offence-charts:ask-height" }, origin);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ask);
  else ask();
  // A new theme is told to every chart.
  function changed() {
    var t = theme();
    if (t !== said) {
      said = t;
      each(tell);
    }
  }
  var watch = { attributes: true, attributeFilter: ["data-theme", "class", "style"] };
  var observer = new MutationObserver(changed);
  observer.observe(html, watch);
  observer.observe(me, watch);
  if (document.body) observer.observe(document.body, watch);
  var meta = document.querySelector('meta[name="color-scheme"]');
  if (meta) observer.observe(meta, { attributes: true });
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", changed);
})();
