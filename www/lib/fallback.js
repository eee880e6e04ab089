// The figures of a spec as a plain table, for when the chart program cannot load: read straight
// from the JSON (nothing validated or computed), each figure as published, "–" where the spec has
// none. The headings, the most rows, the mark of an approximate figure and the words for a missing
// or provisional one are the data table's (shared.js), handed in by errors.js: this module is a
// chunk of the embed page's script, loaded only when the program is not, and a chunk imports
// nothing (an import of shared.js would make that a third file every embed loads).

const NONE = "–";
// shared.js's values, as plainTable is given them (the same every time).
let APPROX, FIGURE_WORDS, MAX_TABLE_ROWS, NOT_AVAILABLE, PERIOD_HEADING, RATE_HEADINGS;

/** Words for a figure's `missing` or `status` name, as the data table says them. */
const said = (name) => (Object.hasOwn(FIGURE_WORDS, name) ? ` (${FIGURE_WORDS[name]})` : "");

/** A figure (a number, `null` (not available), or `{value, approximate, missing, status}`) as
 * text; `unit` after it. */
function figure(f, unit = "", inValues = false) {
  if (f === null && inValues) return `${NOT_AVAILABLE}${said("not-available")}`;
  const v = f && typeof f === "object" ? f.value : f;
  if (typeof f?.missing === "string") return NOT_AVAILABLE + said(f.missing);
  if (typeof v !== "number") return NONE;
  return (f?.approximate ? APPROX : "") + v.toLocaleString("en-GB") + unit + said(f?.status);
}

const label = (x) => (x && typeof x === "object" ? x.name || x.label : x) || "";

/** A trend's rows: period, then each series' figure. */
function trendRows(spec) {
  const head = [PERIOD_HEADING, ...spec.series.map((s) => s?.name || "")];
  const rows = spec.periods
    .slice(0, MAX_TABLE_ROWS)
    .map((p, i) => [
      label(p),
      ...spec.series.map((s) =>
        Array.isArray(s?.values) && i < s.values.length ? figure(s.values[i], "", true) : NONE,
      ),
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

/** The table of spec text `text`, or null if it is not a spec with figures; `shared` holds the
 * values of shared.js named above. */
export function plainTable(text, shared) {
  ({ APPROX, FIGURE_WORDS, MAX_TABLE_ROWS, NOT_AVAILABLE, PERIOD_HEADING, RATE_HEADINGS } = shared);
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
