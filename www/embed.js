// The embed page: one chart chosen by ?chart=offence-trend|detection-rate, or given inline as
// #spec=<URI-encoded JSON> (an empty one is an error, not the default chart); ?theme=dark|light
// forces a theme; or a published chart by its address, ?id=ID (its current version) and &v=N (that
// version, with a line under it when a later one exists), fetched from the store beside the page
// (charts/ID/…: lib/published.js), at once when this script starts. A named chart's spec is in the
// page (a data block that scripts/build-site.mjs writes for each: no request, no round trip after
// this script starts); a name the page does not hold goes to the loader, which says which names
// there are. It tells the page around it its height with postMessage({type:
// "offence-charts:height", height}) so an iframe can fit it, and takes the article's theme from its
// parent window, {type: "offence-charts:theme", theme: "dark"|"light"|""} (embed-host.js answers
// each height message with it), unless ?theme= says otherwise.
// scripts/build-site.mjs bundles the loader's parts it uses (lib/) and the wasm's JS glue into
// this file: the embed page fetches one script.
import { charts } from "./lib/charts.js";
import { specInHash } from "./lib/linked.js";
import { mountAll, published } from "./lib/mount.js";

// A published chart's address and version, as lib/published.js checks them (ID, VERSION; the
// published charts' code is a chunk loaded only for them, so it cannot share these; the node test
// tests/published-address.mjs checks that they agree).
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const VERSION = /^[1-9][0-9]{0,8}$/;

const query = new URLSearchParams(location.search);
const theme = query.get("theme");
const fixed = theme === "dark" || theme === "light";
const root = document.documentElement;
const script = document.createElement("script");
script.type = "application/json";
const name = query.get("chart") || "offence-trend";
const held = document.getElementById(`oc-spec-${name}`);
script.dataset.offenceChart = name;
if (held?.type === "application/json") {
  script.dataset.offenceChart = "";
  script.textContent = held.textContent;
}
const spec = specInHash(location.hash);
if (spec !== null) {
  script.dataset.offenceChart = ""; // the spec, even an empty one, rather than a named chart
  script.textContent = spec;
}
const id = query.get("id");
if (id !== null) {
  // A published chart, whatever else the address says; its records asked for now (mountOne asks
  // for the same, once the program is on its way). A bad id or version is its message.
  script.dataset.offenceChart = "";
  script.textContent = "";
  script.dataset.ocId = id;
  const v = query.get("v");
  if (v !== null) script.dataset.ocVersion = v;
  // Its records asked for now, while the chunk that reads them is on its way: the chunk's fetch
  // of the same address takes the preloaded response. (A bad address or version asks for
  // nothing: the chunk says what is wrong.)
  if (ID.test(id) && (v === null || VERSION.test(v))) {
    for (const file of v === null ? ["current.json"] : ["current.json", `${v}.json`]) {
      const link = document.createElement("link");
      link.rel = "preload";
      link.as = "fetch";
      link.crossOrigin = "anonymous";
      link.href = new URL(`charts/${id}/${file}`, import.meta.url).href;
      document.head.append(link);
    }
  }
  // (A chunk that cannot load is the chart's message: mountOne asks for it too.)
  published().then(
    (p) => {
      p.publishedChart(id, v).catch(() => {});
      // In a frame (an article's iframe), its links open in a new tab rather than in the frame.
      p.NOTES.newTab = window.parent !== window;
    },
    () => {},
  );
}
if (fixed) root.dataset.theme = theme;
const main = document.getElementById("chart");
main.append(script);
// The page's heading: the chart's title, as text.
main.addEventListener("offence-charts:drawn", (e) => {
  document.getElementById("title").textContent = e.target.querySelector("caption").textContent;
});

// Report our height to the embedding page whenever it changes.
let last = 0;
const report = () => {
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: "offence-charts:height", height }, "*");
  }
};
new ResizeObserver(report).observe(root);
// Only our parent window speaks to us: it asks for our height again (its host script may load
// after our first report), or gives the article's theme ("" to follow the reader's).
addEventListener("message", ({ source, data }) => {
  if (source !== window.parent || !data) return;
  if (data.type === "offence-charts:ask-height") {
    last = 0;
    report();
  }
  if (
    data.type === "offence-charts:theme" &&
    Object.keys(data).length === 2 &&
    ["dark", "light", ""].includes(data.theme) &&
    !fixed
  ) {
    root.dataset.theme = data.theme; // "": none (a chart's redraw is a no-op if nothing changed)
    for (const chart of charts) chart.redraw();
  }
});
addEventListener("hashchange", () => location.reload());
await mountAll(main);
report();
