// Start from a release: the release's text pasted, every figure the builder's program finds in it
// (findFigures) marked as a button, and a figure chosen becomes the next period of a trend spec,
// with its sentence as `quote`, `approximate` from its hedge and `published` as written.
import { load } from "../program.js";
import { el, state } from "./page.js";
import { update } from "./preview.js";

const MAX_QUOTE = 500; // the spec's limit on a quote
const MAX_NAME = 120; // and on a period's name

/** The source the release's fields describe, as a spec source. */
function releaseSource() {
  const source = { name: el.releaseSource.value.trim() || "Press release" };
  const date = el.releaseDate.value.trim();
  const url = el.releaseUrl.value.trim();
  if (date) source.date = date;
  if (/^https?:\/\/\S+$/.test(url)) source.url = url;
  return source;
}

/** A new trend spec for figures from a release, before its first figure. */
function emptySpec() {
  return {
    version: 1,
    kind: "trend",
    title: "Figures from the release",
    sources: [],
    periods: [],
    series: [{ name: "Figures", values: [] }],
  };
}

/** Adds figure `f` to the spec being built from the release, and previews it. */
export function addFigure(f) {
  const spec = state.releaseSpec ?? emptySpec();
  const source = releaseSource();
  let at = spec.sources.findIndex((s) => JSON.stringify(s) === JSON.stringify(source));
  if (at < 0) at = spec.sources.push(source) - 1;
  const n = spec.periods.length + 1;
  const period = { label: `Figure ${n}` };
  if (f.period) period.name = f.period.slice(0, MAX_NAME);
  spec.periods.push(period);
  const value = { value: f.value, source: at, published: f.text };
  if (f.hedge) value.approximate = true;
  if (f.sentence.length <= MAX_QUOTE) value.quote = f.sentence;
  spec.series[0].values.push(value);
  state.releaseSpec = spec;
  el.spec.value = JSON.stringify(spec, null, 2);
  return update();
}

/** Shows the release's text with each figure found in it as a button that adds it. */
export async function releaseChanged() {
  const text = el.release.value;
  const program = await load();
  const figures = program.findFigures(text);
  const parts = [];
  let at = 0;
  figures.forEach((f, i) => {
    if (f.start < at) return; // overlapping figures: the first one only
    parts.push(document.createTextNode(text.slice(at, f.start)));
    const b = document.createElement("button");
    b.type = "button";
    b.className = "figure";
    b.textContent = text.slice(f.start, f.end);
    b.dataset.i = String(i);
    b.setAttribute("aria-pressed", "false");
    b.title = `Add ${f.text} to the chart`;
    b.addEventListener("click", () => {
      if (b.getAttribute("aria-pressed") === "true") return;
      b.setAttribute("aria-pressed", "true");
      addFigure(f);
    });
    parts.push(b);
    at = f.end;
  });
  parts.push(document.createTextNode(text.slice(at)));
  el.releaseText.replaceChildren(...parts);
  el.releaseCount.textContent = text.trim()
    ? `${figures.length} figure${figures.length === 1 ? "" : "s"} found: choose one to add it.`
    : "";
}
