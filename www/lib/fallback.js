// The figures of a spec as a plain table, for when the chart program cannot load: read straight
// from the JSON (nothing validated or computed), each figure as published, "–" where the spec has
// none. The headings, the most rows and the mark of an approximate figure are the data table's
// (shared.js).
import { APPROX, MAX_TABLE_ROWS, PERIOD_HEADING, RATE_HEADINGS } from "../shared.js";

const NONE = "–";

/** A figure (a number, or `{value, approximate}`) as text; `unit` after it. */
function figure(f, unit = "") {
  const v = f && typeof f === "object" ? f.value : f;
  if (typeof v !== "number") return NONE;
  return (f?.approximate ? APPROX : "") + v.toLocaleString("en-GB") + unit;
}

const label = (x) => (x && typeof x === "object" ? x.name || x.label : x) || "";

/** A trend's rows: period, then each series' figure. */
function trendRows(spec) {
  const head = [PERIOD_HEADING, ...spec.series.map((s) => s?.name || "")];
  const rows = spec.periods
    .slice(0, MAX_TABLE_ROWS)
    .map((p, i) => [
      label(p),
      ...spec.series.map((s) => figure(Array.isArray(s?.values) ? s.values[i] : null)),
    ]);
  return [head, rows];
}

/** A rate chart's rows: the counts and the published rate; the detection rate is worked out by
 * the chart program, so it is left out here. */
function rateRows(spec) {
  const rows = spec.categories.map((c) => [
    label(c?.label),
    figure(c?.recorded),
    figure(c?.detected),
    NONE,
    figure(c?.rate, " %"),
  ]);
  return [RATE_HEADINGS, rows];
}

/** The table of spec text `text`, or null if it is not a spec with figures. */
export function plainTable(text) {
  let spec;
  try {
    spec = JSON.parse(text);
  } catch {
    return null;
  }
  let parts = null;
  if (Array.isArray(spec?.periods) && Array.isArray(spec.series)) parts = trendRows(spec);
  else if (Array.isArray(spec?.categories)) parts = rateRows(spec);
  if (!parts) return null;
  const table = document.createElement("table");
  table.style.cssText = "border-collapse:collapse;margin-top:.6em";
  table.createCaption().textContent = String(spec.title || "");
  const [head, rows] = parts;
  row(table, head, "th");
  for (const cells of rows) row(table, cells, "td");
  return table;
}

function row(table, cells, tag) {
  const tr = table.insertRow();
  for (const c of cells) {
    const td = document.createElement(tag);
    td.textContent = String(c);
    td.style.cssText = "padding:2px 12px 2px 0;text-align:left";
    tr.append(td);
  }
}
