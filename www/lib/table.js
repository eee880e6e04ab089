// "Show data": the chart's figures as a table, with its flags, notes and sources under it.
import { el, FONT } from "./dom.js";

const CELL = "padding:2px 10px 2px 0";

function th(text, scope, css) {
  const c = el("th", "", css, text);
  c.scope = scope;
  return c;
}

/** Appends the data table of `view` (see ChartView::table in src/web/) to `fig`. */
export function dataTable(fig, view) {
  const details = el("details", "oc-data", `font:max(13px,.8125rem)/1.4 ${FONT};margin-top:.4em`);
  details.append(el("summary", "", "cursor:pointer;width:max-content", "Show data"));
  const { caption, head, rows, foot } = view.table();
  const table = el("table", "", "border-collapse:collapse;margin-top:.5em;max-width:100%");
  table.createCaption().textContent = caption;
  const headCss = `text-align:left;${CELL};border-bottom:1px solid currentColor`;
  table
    .createTHead()
    .insertRow()
    .append(...head.map((h) => th(h, "col", headCss)));
  const body = table.createTBody();
  for (const [first, ...cells] of rows) {
    body
      .insertRow()
      .append(
        th(first, "row", `text-align:left;font-weight:normal;${CELL}`),
        ...cells.map((c) => el("td", "", `text-align:right;${CELL};white-space:nowrap`, c)),
      );
  }
  const lines = foot.map((line) => el("p", "", "margin:.3em 0;font-size:max(12px,.75rem)", line));
  details.append(table, ...lines);
  fig.append(details);
}
