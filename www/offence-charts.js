// offence-charts loader. Import it as <script type="module" src=".../offence-charts.js">: it finds
// every <script type="application/json" data-offence-chart> on the page (and every chart given as
// a link, lib/linked.js) and draws each chart as it nears the viewport, fetching and instantiating
// the WebAssembly once for all of them.
// If the WebAssembly ever traps (a bug of ours), the chart that hit it shows the message and every
// other chart moves to a fresh instance. It sets no cookies, uses no storage and requests nothing
// but its own files. Its parts are in lib/; scripts/build-site.mjs bundles them into this file.
import { specScript, unlinkAll } from "./lib/linked.js";
import { mountOne, SELECTOR } from "./lib/mount.js";
import { namedSpec } from "./lib/named.js";
import { load } from "./lib/program.js";
import { publishedChart } from "./lib/published.js";
import { slotFor } from "./lib/slot.js";

export { mountAll } from "./lib/mount.js";
export { namedSpec } from "./lib/named.js";
export { load } from "./lib/program.js";
export { renderChart } from "./lib/render.js";

const MARGIN = 300; // px from the viewport at which a chart is drawn

// Draw each chart on the page as it comes within 300 px of the viewport. The WebAssembly starts
// loading at once if there is any chart, so that it compiles while the page settles; charts
// already within reach are mounted without waiting for an observer callback. Printing mounts the
// rest at once: once the program is here and a chart's spec is in its script (a named chart's is
// fetched after the program and put there), it mounts within the beforeprint event, before the
// page is laid out for paper. <offence-chart> elements (below) hand their scripts to it too.
let io, printing;
const waiting = new Set(); // scripts not mounted yet, for print
function watch(scripts) {
  if (!scripts.length) return;
  // mountOne reports a failure where the chart would be
  load().then(() => {
    const texts = {};
    for (const s of scripts) {
      // a published chart's records, fetched once for the page (mountOne asks for the same)
      if (s.dataset.ocId !== undefined) {
        publishedChart(s.dataset.ocId, s.dataset.ocVersion ?? null).catch(noop);
        continue;
      }
      const name = s.dataset.offenceChart;
      if (!name || s.textContent.trim()) continue;
      texts[name] ||= namedSpec(name);
      texts[name].then((text) => {
        if (!s.textContent.trim()) s.textContent = text;
      }, noop);
    }
  }, noop);
  if (!printing) {
    printing = 1;
    const all = () => {
      for (const s of waiting) mountOne(s);
      waiting.clear();
    };
    addEventListener("beforeprint", all);
    matchMedia("print").addEventListener("change", all);
  }
  for (const s of scripts) waiting.add(s);
  if (!("IntersectionObserver" in window)) {
    for (const s of scripts) mountOne(s);
    return;
  }
  io ||= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        io.unobserve(entry.target);
        const script = entry.target.querySelector(SELECTOR);
        if (script) mountOne(script);
      }
    },
    { rootMargin: `${MARGIN}px 0px` },
  );
  const slots = scripts.map(slotFor); // all slots first, then one layout to measure them
  slots.forEach((slot, i) => {
    const r = slot.getBoundingClientRect();
    if (r.top < innerHeight + MARGIN && r.bottom > -MARGIN) mountOne(scripts[i]);
    else io.observe(slot);
  });
}

function noop() {}

unlinkAll();
watch([...document.querySelectorAll(SELECTOR)]);

// <offence-chart name="offence-trend" theme="dark"></offence-chart>, or one holding its spec in a
// <script type="application/json"> or as a link to its page (the builder's code, lib/linked.js),
// or a published chart's address, <offence-chart chart="ID" version="N"> (version optional):
// once in a page (then or later) it becomes the spec script above, inside itself (light DOM, so
// the figure is the page's own), and is drawn as those are. Its attributes are read once:
// changing them afterwards changes nothing.
class OffenceChart extends HTMLElement {
  connectedCallback() {
    if (this.oc) return; // moved in the page: it is mounted or on its way already
    if (document.readyState === "loading") {
      // the parser may not have reached its child spec yet
      document.addEventListener("DOMContentLoaded", () => this.connectedCallback());
      return;
    }
    this.oc = 1;
    this.style.display = "block";
    let s = this.querySelector('script[type="application/json"]');
    if (!s) {
      const [name, id, version] = ["name", "chart", "version"].map((a) => this.getAttribute(a));
      s = specScript(this, name || "", id, version);
      this.replaceChildren(s); // the link and summary, if any, give way to the chart
    } else if (!s.hasAttribute("data-offence-chart")) s.dataset.offenceChart = "";
    const theme = this.getAttribute("theme");
    if (theme) s.dataset.theme = theme;
    watch([s]);
  }
}
customElements.get("offence-chart") || customElements.define("offence-chart", OffenceChart);
