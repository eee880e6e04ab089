// The embed page: one chart chosen by ?chart=offence-trend|detection-rate, or given inline as
// #spec=<URI-encoded JSON> (an empty one is an error, not the default chart); ?theme=dark|light
// forces a theme. It tells the page around it its
// height with postMessage({type: "offence-charts:height", height}) so an iframe can fit it.
// scripts/build-site.mjs bundles the loader's parts it uses (lib/) and the wasm's JS glue into
// this file: the embed page fetches one script.
import { mountAll } from "./lib/mount.js";

const query = new URLSearchParams(location.search);
const theme = query.get("theme");
const script = document.createElement("script");
script.type = "application/json";
script.dataset.offenceChart = query.get("chart") || "offence-trend";
if (location.hash.startsWith("#spec=")) {
  const raw = location.hash.slice("#spec=".length);
  script.dataset.offenceChart = ""; // the spec, even an empty one, rather than a named chart
  try {
    script.textContent = decodeURIComponent(raw);
  } catch {
    script.textContent = raw; // shown as a JSON error where the chart would be
  }
}
if (theme === "dark" || theme === "light") {
  script.dataset.theme = theme;
  document.documentElement.dataset.theme = theme;
}
document.getElementById("chart").append(script);

// Report our height to the embedding page whenever it changes.
let last = 0;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: "offence-charts:height", height }, "*");
  }
};
new ResizeObserver(report).observe(document.documentElement);
// The page's host script may load after our first report: it asks, we say it again.
addEventListener("message", (event) => {
  if (
    event.source === window.parent &&
    event.data &&
    event.data.type === "offence-charts:ask-height"
  ) {
    last = 0;
    report();
  }
});
addEventListener("hashchange", () => location.reload());
await mountAll(document.getElementById("chart"));
report();
