/* offence-charts embed host: fits each offence-charts <iframe> on the page to its chart's height.
 * Paste once, after the iframes: <script src="https://YOUR-HOST/embed-host.js" defer></script>
 * (pasting it again is harmless). It only listens: a message counts only if it comes from the
 * window of an <iframe> whose src is in this script's own folder (and from that origin), and says
 * {type: "offence-charts:height", height: 50..5000}; then that iframe's height is set. Nothing
 * else on the page is read or changed. It asks its charts once to repeat their height, in case
 * they reported before it ran. No cookies, no storage, no requests. */
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
      }
      return;
    }
  });

  // Charts that reported their height before this script ran are asked to say it again.
  function ask() {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (typeof frame.src === "string" && frame.src.indexOf(dir) === 0 && frame.contentWindow) {
        frame.contentWindow.postMessage({ type: "offence-charts:ask-height" }, origin);
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ask);
  else ask();
})();
