// The sheet as a grid: a real <table> with the column letters and row numbers as headings, its
// cells reached with the arrow keys (one cell in the Tab order at a time: Home, End, Page Up
// and Page Down too). The line of periods (or categories) and the series (or roles) picked are
// marked on it, by a word in their heading as well as by colour.

import { cellAt, columnName, extent } from "./sheet-spec.js";

/** The grid's most rows and columns shown (the sheet's size is said under it). */
export const SHOWN_ROWS = 200;
export const SHOWN_COLS = 60;

const grid = { box: null, sheet: null, at: { r: 0, c: 0 }, moved() {}, rows: 0, cols: 0 };

/** The cell focused in the grid (row and column, 0-based). */
export const focusedCell = () => ({ ...grid.at });

/** Draws `sheet` in `box` with `marks` ({rows: Map index → word, cols: Map index → word});
 * `moved(at)` is told of each move. Keeps the focused cell where it can. */
export function showGrid(box, sheet, marks, moved) {
  Object.assign(grid, { box, sheet, moved });
  const { rows, cols } = extent(sheet);
  grid.rows = Math.min(rows, SHOWN_ROWS);
  grid.cols = Math.min(Math.max(cols, 1), SHOWN_COLS);
  grid.at = { r: Math.min(grid.at.r, grid.rows - 1), c: Math.min(grid.at.c, grid.cols - 1) };
  const table = document.createElement("table");
  table.setAttribute("role", "grid");
  table.setAttribute("aria-label", `Sheet ${sheet.name}`);
  table.setAttribute("aria-rowcount", String(sheet.rows + 1));
  table.setAttribute("aria-colcount", String(sheet.columns + 1));
  const head = document.createElement("tr");
  const corner = document.createElement("td");
  corner.className = "corner";
  head.append(corner);
  for (let c = 0; c < grid.cols; c++) {
    const word = marks.cols.get(c);
    const h = th(columnName(c), "col", word);
    head.append(h);
  }
  const thead = document.createElement("thead");
  thead.append(head);
  const body = document.createElement("tbody");
  for (let r = 0; r < grid.rows; r++) {
    const tr = document.createElement("tr");
    const rowWord = marks.rows.get(r);
    tr.append(th(String(r + 1), "row", rowWord));
    for (let c = 0; c < grid.cols; c++) {
      const cell = cellAt(sheet, r, c);
      const td = document.createElement("td");
      td.textContent = cell ? cell.t : "";
      td.tabIndex = r === grid.at.r && c === grid.at.c ? 0 : -1;
      td.dataset.r = String(r);
      td.dataset.c = String(c);
      const word = rowWord ?? marks.cols.get(c);
      if (word) td.className = word === "periods" || word === "categories" ? "is-key" : "is-series";
      if (cell && (cell.v !== undefined || cell.m !== undefined)) td.classList.add("fig");
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(thead, body);
  table.addEventListener("keydown", keydown);
  table.addEventListener("click", (e) => {
    const td = e.target.closest("td");
    if (td) move(Number(td.dataset.r), Number(td.dataset.c));
  });
  box.replaceChildren(table);
}

/** A heading cell: the column letter or row number, and what the line is picked as. */
function th(text, scope, word) {
  const h = document.createElement("th");
  h.scope = scope;
  h.textContent = text;
  if (word) {
    const mark = document.createElement("span");
    mark.className = "pick";
    mark.textContent = ` ${word}`;
    h.append(mark);
    h.classList.add("picked");
  }
  return h;
}

/** Moves the focus to cell (r, c), clamped to the grid. */
export function move(r, c, focus = true) {
  const rr = Math.max(0, Math.min(grid.rows - 1, r));
  const cc = Math.max(0, Math.min(grid.cols - 1, c));
  const cells = grid.box?.querySelectorAll("td[tabindex='0']") ?? [];
  for (const td of cells) td.tabIndex = -1;
  grid.at = { r: rr, c: cc };
  const td = grid.box?.querySelector(`td[data-r="${rr}"][data-c="${cc}"]`);
  if (!td) return;
  td.tabIndex = 0;
  if (focus) td.focus();
  grid.moved(grid.at);
}

function keydown(e) {
  const { r, c } = grid.at;
  const step = {
    ArrowUp: [r - 1, c],
    ArrowDown: [r + 1, c],
    ArrowLeft: [r, c - 1],
    ArrowRight: [r, c + 1],
    Home: e.ctrlKey ? [0, 0] : [r, 0],
    End: e.ctrlKey ? [grid.rows - 1, grid.cols - 1] : [r, grid.cols - 1],
    PageUp: [r - 10, c],
    PageDown: [r + 10, c],
  }[e.key];
  if (!step) return;
  e.preventDefault();
  move(step[0], step[1]);
}
