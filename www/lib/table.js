// "Show data": the chart's figures as a table, with its flags, notes and sources under it. The
// table never widens the page: its cells wrap, and in a box too narrow for it even then (a phone,
// large text) it scrolls sideways inside a region that the keyboard can reach and scroll.
import { el, FONT } from "./dom.js";

let captions = 0; // ids for the captions that name the scrolling regions

const CELL = "padding:2px 10px 2px 0";

function th(text, scope, css) {
  const c = el("th", "", css, text);
  c.scope = scope;
  return c;
}

/** Appends a chart's data table to `fig`: `{caption, head, rows, foot}` as its view's table()
 * gives it (ChartView::table in src/web/; mount.js asks for it, through the trap guard). */
export function dataTable(fig, { caption, head, rows, foot }) {
  const details = el("details", "oc-data", `font:max(13px,.8125rem)/1.4 ${FONT};margin-top:.4em`);
  details.append(el("summary", "", "cursor:pointer;width:max-content", "Show data"));
  const table = el("table", "", "border-collapse:collapse;margin-top:.5em");
  const cap = table.createCaption();
  cap.textContent = caption;
  cap.id = `oc-caption-${++captions}`;
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
        ...cells.map((c) => el("td", "", `text-align:right;${CELL}`, c)),
      );
  }
  const lines = foot.map((line) => el("p", "", "margin:.3em 0;font-size:max(12px,.75rem)", line));
  details.append(scrolling(table, cap.id), ...lines);
  fig.append(details);
}

/**
 * `table` in a box as wide as its parent that scrolls sideways when the table is wider. While it
 * does, the box is a region named by the caption and in the tab order, so that a keyboard can
 * scroll it (arrow keys) and a screen reader names it; while it does not, it is neither.
 */
function scrolling(table, captionId) {
  const box = el("div", "oc-table", "overflow-x:auto;max-width:100%");
  box.append(table);
  new ResizeObserver(() => {
    if (box.scrollWidth > box.clientWidth) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-labelledby", captionId);
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-labelledby");
    }
  }).observe(box);
  return box;
}
