// A sheet read by the builder's wasm (readSheets: rows of cells, each `{t, v, m, s, b, k, d, x,
// h, f, hm, p, n, g}` or null) and what the journalist picked (the line of periods or categories,
// the series or the rate's roles) become a spec, with the list of what was done with each
// oddity of the table: markers, formula errors, numbers stored as text, footnote marks, merged
// cells, title rows, blank rows and notes. Pure: no page, no program.

import { FIGURE_WORDS, LIMITS } from "../../shared.js";

/** Column `c` (0 = A) as a spreadsheet names it: A, Z, AA. */
export function columnName(c) {
  let out = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** The cell at row `r`, column `c` (0-based), or null. */
export const cellAt = (sheet, r, c) => sheet.cells[r]?.[c] ?? null;

/** A line of the sheet: `{axis: "row" | "col", index}`; its cell at position `p` along it. */
const along = (sheet, line, p) =>
  line.axis === "row" ? cellAt(sheet, line.index, p) : cellAt(sheet, p, line.index);

/** The spreadsheet address of a line's position: "C12". */
const address = (line, p) =>
  line.axis === "row" ? `${columnName(p)}${line.index + 1}` : `${columnName(line.index)}${p + 1}`;

/** "row 5" or "column C". */
export const lineName = (line) =>
  line.axis === "row" ? `row ${line.index + 1}` : `column ${columnName(line.index)}`;

/** How many rows and columns the sheet's cells span. */
export function extent(sheet) {
  const rows = sheet.cells.length;
  const cols = sheet.cells.reduce((n, row) => Math.max(n, row.length), 0);
  return { rows, cols };
}

/** How many positions a line has: a row's columns, a column's rows. */
const lengthOf = (sheet, axis) => (axis === "row" ? extent(sheet).cols : extent(sheet).rows);

const isFigure = (c) => c != null && (c.v !== undefined || c.m !== undefined);
const headingText = (c) => (c ? (c.h ?? c.t) : "");

/** The lines parallel to `key` holding a figure at one of `positions` at least. */
export function figureLines(sheet, key, positions) {
  const count = key.axis === "row" ? extent(sheet).rows : extent(sheet).cols;
  const out = [];
  for (let i = 0; i < count; i++) {
    if (i === key.index) continue;
    const line = { axis: key.axis, index: i };
    if (positions.some((p) => isFigure(along(sheet, line, p)))) out.push(i);
  }
  return out;
}

/** The positions along `key` that name a period (for a trend) or hold text (for a rate chart's
 * categories), with a figure in a line parallel to it. */
export function keyPositions(sheet, key, kind) {
  const n = lengthOf(sheet, key.axis);
  const out = [];
  for (let p = 0; p < n; p++) {
    const c = along(sheet, key, p);
    if (!c) continue;
    if (kind === "trend" ? c.p !== undefined : isCategory(sheet, key, p, c)) out.push(p);
  }
  return out;
}

/** Whether cell `c`, at `p` along `key`, names a rate chart's category: text (or a period) with
 * a figure somewhere across from it, so that a title row or the heading row ("Crime, Recorded,
 * Detected…") is not taken for one. */
function isCategory(sheet, key, p, c) {
  if (isFigure(c) && c.p === undefined) return false;
  const across = { axis: key.axis === "row" ? "col" : "row", index: p };
  const m = lengthOf(sheet, across.axis);
  for (let q = 0; q < m; q++) if (q !== key.index && isFigure(along(sheet, across, q))) return true;
  return false;
}

/** The best guess at a sheet's layout: the row or column naming the most periods (at least two),
 * its figure lines as series; else the first text column as a rate chart's categories. */
export function guess(sheet) {
  const { rows, cols } = extent(sheet);
  let best = null;
  for (const [axis, count] of [
    ["row", rows],
    ["col", cols],
  ]) {
    for (let i = 0; i < count; i++) {
      const key = { axis, index: i };
      const positions = keyPositions(sheet, key, "trend");
      if (positions.length < 2 || (best && positions.length <= best.n)) continue;
      const series = figureLines(sheet, key, positions);
      if (series.length) best = { key, n: positions.length, series };
    }
  }
  if (best) return { kind: "trend", key: best.key, series: best.series.slice(0, 12), roles: {} };
  return { kind: "trend", key: { axis: "col", index: 0 }, series: [], roles: {} };
}

/** What a heading's markers mean for its line's figures. */
const STATUS = {
  "[p]": "provisional",
  "[r]": "revised",
  "[e]": "estimated",
  "[u]": "low-reliability",
};
/** Counts of things found, in order: key → {n, where: [addresses], text}. */
class Tally {
  constructor() {
    this.items = new Map();
  }
  add(key, where, text) {
    const item = this.items.get(key) ?? { n: 0, where: [], text };
    item.n++;
    if (item.where.length < 5) item.where.push(where);
    this.items.set(key, item);
  }
  lines() {
    return [...this.items.values()].map(({ n, where, text }) => {
      const at = where.join(", ") + (n > where.length ? ", …" : "");
      return `${text(n)} (${at})`;
    });
  }
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** The figure of cell `c` (at `at`, "Table 1!C6") as the spec writes it, its oddities tallied. */
function specFigure(c, at, heading, tally, where) {
  const out = {};
  if (!c) {
    tally.add(
      "empty",
      where,
      (n) => `${plural(n, "empty cell", "empty cells")}: shown as not available`,
    );
    out.missing = "not-available";
  } else if (!isFigure(c)) {
    tally.add(
      `text`,
      where,
      (n) =>
        `${plural(n, "cell", "cells")} not a figure (“${c.t.slice(0, 40)}”…): ` +
        "shown as not available",
    );
    out.missing = "not-available";
  } else {
    for (const k of c.k ?? []) {
      const mark = k.toLowerCase();
      if (mark.startsWith("#")) {
        tally.add(
          `err${k}`,
          where,
          (n) =>
            `${plural(n, "cell", "cells")} with the formula error ${k}: shown as not available`,
        );
      } else if (c.m && !STATUS[mark] && mark !== "[b]" && !/^\[(note )?\d/.test(mark)) {
        tally.add(
          `m${mark}`,
          where,
          (n) => `${plural(n, "cell", "cells")} marked ${k}: shown as ${FIGURE_WORDS[c.m]}`,
        );
      } else if (STATUS[mark]) {
        tally.add(
          `s${mark}`,
          where,
          (n) =>
            `${plural(n, "figure", "figures")} marked ${k}: shown as ${FIGURE_WORDS[STATUS[mark]]}`,
        );
      } else if (mark !== "[b]") {
        tally.add(
          `f${mark}`,
          where,
          (n) => `${plural(n, "figure", "figures")} with the footnote mark ${k}: removed`,
        );
      }
    }
    if (c.m) out.missing = c.m;
    else out.value = c.v;
    if (c.x)
      tally.add(
        "x",
        where,
        (n) => `${plural(n, "figure", "figures")} stored as text: read as numbers`,
      );
    else if (c.d && c.v !== undefined && typeof c.t === "string" && /,/.test(c.t) && !c.k)
      tally.add(
        "d",
        where,
        (n) => `${plural(n, "figure", "figures")} with thousands separators: read as numbers`,
      );
  }
  const status = c?.s ?? (out.value !== undefined ? heading.status : undefined);
  if (status && out.value !== undefined) out.status = status;
  out.source = 0;
  if (at.length <= LIMITS.label) out.cell = at;
  return out;
}

/** A heading's cell read for a label: its text, the status and break its markers give, its
 * footnote mark and merge reported. */
function readHeading(c, line, tally, merges) {
  if (!c) return { text: "" };
  const out = { text: headingText(c).slice(0, LIMITS.label) };
  const name = lineName(line);
  if (c.f) {
    tally.add(
      `fn${name}`,
      `“${c.t.slice(0, 60)}”`,
      () =>
        `${name[0].toUpperCase()}${name.slice(1)}'s heading had a footnote marker ${c.f}: removed`,
    );
  }
  for (const m of c.hm ?? []) {
    const mark = m.toLowerCase();
    if (STATUS[mark]) out.status = STATUS[mark];
    if (mark === "[b]") out.brk = true;
    tally.add(
      `hm${name}${mark}`,
      `“${c.t.slice(0, 60)}”`,
      () =>
        `${name[0].toUpperCase()}${name.slice(1)}'s heading is marked ${m}: ${
          STATUS[mark] ? `its figures shown as ${FIGURE_WORDS[STATUS[mark]]}` : "a break in series"
        }`,
    );
  }
  if (c.g) merges.add(`${c.g} (“${c.t.slice(0, 60)}”)`);
  return out;
}

/** The name of figure line `line`: its nearest text cell before the first position. */
function lineLabel(sheet, line, first) {
  for (let p = first - 1; p >= 0; p--) {
    const c = along(sheet, line, p);
    if (c && !isFigure(c)) return { cell: c, p };
  }
  return null;
}

/** The texts of rows `from`..`to` (inclusive) that hold text in one cell only: title rows and
 * notes. */
function textRows(sheet, from, to) {
  const out = [];
  for (let r = Math.max(0, from); r <= to && r < sheet.cells.length; r++) {
    const filled = (sheet.cells[r] ?? []).filter((c) => c?.t);
    if (filled.length === 1 && !isFigure(filled[0])) out.push({ r, text: filled[0].t });
  }
  return out;
}

/** Blank rows between `from` and `to`. */
function blankRows(sheet, from, to) {
  const out = [];
  for (let r = from; r <= to; r++) if (!(sheet.cells[r] ?? []).some((c) => c?.t)) out.push(r + 1);
  return out;
}

const range = (rows) =>
  rows.length === 1 ? `row ${rows[0]}` : `rows ${rows[0]}–${rows[rows.length - 1]}`;

/** What the table suggests for the chart's words: `{title, notes}`, its title rows' first. */
export function suggestions(sheet, pick) {
  return frame(sheet, pick);
}

/** The table's frame around the picked lines: title rows above, notes below. */
function frame(sheet, pick) {
  const { key } = pick;
  const positions = keyPositions(sheet, key, pick.kind);
  const lines = pickedLines(pick);
  let top;
  let bottom;
  if (key.axis === "row") {
    top = Math.min(key.index, ...lines);
    bottom = Math.max(key.index, ...lines);
  } else {
    const first = positions.length ? positions[0] : 0;
    const heads = lines
      .map((i) => lineLabel(sheet, { axis: "col", index: i }, first)?.p)
      .filter((p) => p !== undefined);
    top = Math.min(first, ...heads);
    bottom = positions.length ? positions[positions.length - 1] : first;
  }
  const titles = textRows(sheet, 0, top - 1);
  const notes = textRows(sheet, bottom + 1, sheet.cells.length - 1);
  return { top, bottom, titles, notes, title: titles[0]?.text ?? "" };
}

function pickedLines(pick) {
  if (pick.kind === "trend") return pick.series;
  return ["recorded", "detected", "rate"].map((r) => pick.roles[r]).filter((i) => i >= 0);
}

/** The spec `pick` makes of `sheet` (from file `file`) with the form's words `form` ({title,
 * subtitle, unit, mark, source, date, url}): `{spec, oddities}`; throws an Error saying what to
 * pick when the pick makes no chart. */
export function sheetToSpec(sheet, pick, form, file) {
  const { key, kind } = pick;
  const positions = keyPositions(sheet, key, kind);
  if (!positions.length)
    throw new Error(
      kind === "trend"
        ? `${lineName(key)} names no period: choose the row or column that holds the periods ` +
            "(2023-24, Q3 2023-24, Jan 2024, 1971…)."
        : `${lineName(key)} holds no category names: ` +
            "choose the row or column that names them.",
    );
  const lines = pickedLines(pick);
  if (!lines.length)
    throw new Error(
      kind === "trend"
        ? "Choose at least one series: a row or column of figures."
        : "Choose the recorded and detected counts, or the published rates.",
    );
  const tally = new Tally();
  const merges = new Set();
  const at = (line, p) => `${sheet.name}!${address(line, p)}`.slice(0, LIMITS.label);
  const { titles, notes, top, bottom } = frame(sheet, pick);
  // A period's or category's heading belongs to its own row (or column): "row 5's heading".
  const across = (p) => ({ axis: key.axis === "row" ? "col" : "row", index: p });
  const keys = positions.map((p) => ({
    p,
    ...readHeading(along(sheet, key, p), across(p), tally, merges),
  }));
  const figures = (index) => {
    const line = { axis: key.axis, index };
    return keys.map(({ p, status }) =>
      specFigure(along(sheet, line, p), at(line, p), { status }, tally, address(line, p)),
    );
  };
  const names = (index) => {
    const line = { axis: key.axis, index };
    const found = lineLabel(sheet, line, positions[0]);
    return found ? readHeading(found.cell, line, tally, merges).text : "";
  };
  const table = titles[0]?.text ?? "";
  const source = { name: form.source || file };
  if (form.date) source.date = form.date;
  if (form.url) source.url = form.url;
  source.file = file.slice(0, LIMITS.label);
  if (table) source.table = table.slice(0, LIMITS.text);
  const spec = { version: 1, kind, title: form.title };
  if (form.subtitle) spec.subtitle = form.subtitle;
  if (kind === "trend" && form.unit) spec.unit = form.unit;
  spec.sources = [source];
  const noteTexts = form.notes ?? notes.map((n) => n.text);
  const chartNotes = noteTexts.map((t) => t.trim().slice(0, LIMITS.text)).filter(Boolean);
  if (chartNotes.length) spec.notes = chartNotes.slice(0, LIMITS.notes);
  if (kind === "trend") {
    if (form.mark && form.mark !== "auto") spec.mark = form.mark;
    const series = lines.map((i, k) => ({
      name: names(i) || `Series ${k + 1}`,
      values: figures(i),
    }));
    let breaks = 0; // a chart shows at most LIMITS.breaks
    spec.periods = keys.map((k, i) => {
      const c = along(sheet, key, k.p);
      const period = { label: (c?.p ?? k.text).slice(0, LIMITS.label) };
      if (c?.n) period.name = c.n.slice(0, LIMITS.label);
      const marked = k.brk || lines.some((l) => along(sheet, { axis: key.axis, index: l }, k.p)?.b);
      if (marked) {
        if (i === 0) {
          tally.add(
            "b0",
            period.label,
            () =>
              "A break in series marked [b] at the first period: nothing before it to break from",
          );
        } else if (breaks >= LIMITS.breaks) {
          tally.add(
            "b-over",
            period.label,
            (n) =>
              `${n === 1 ? "1 more break" : `${n} more breaks`} in series marked [b] left out: ` +
              `a chart shows at most ${LIMITS.breaks}`,
          );
        } else {
          breaks += 1;
          period.break =
            `Break in series: ${period.label} is not comparable with earlier periods ` +
            "(marked [b] in the table)";
          tally.add(
            `b${i}`,
            period.label,
            () => `Break in series before ${period.label} (marked [b])`,
          );
        }
      }
      return period;
    });
    const named = spec.periods.find((p) => p.name);
    if (named) tally.add("names", `${named.label}: ${named.name}`, () => "Periods named in full");
    spec.series = series;
  } else {
    spec.categories = keys.map(({ p, text }) => {
      const category = { label: text || `Category ${p + 1}` };
      for (const role of ["recorded", "detected", "rate"]) {
        const index = pick.roles[role];
        if (index === undefined || index < 0) continue;
        const line = { axis: key.axis, index };
        category[role] = specFigure(
          along(sheet, line, p),
          at(line, p),
          {},
          tally,
          address(line, p),
        );
      }
      return category;
    });
    if (spec.categories.length > 30)
      throw new Error(
        `${spec.categories.length} categories: a rate chart shows at most 30. Choose fewer.`,
      );
  }
  const oddities = [];
  if (titles.length)
    oddities.push(
      `Title rows above the table (${range(titles.map((t) => t.r + 1))}): ` +
        "the first is the title suggestion and the source's table title",
    );
  const blanks = blankRows(sheet, top, bottom);
  if (blanks.length)
    oddities.push(
      `Blank ${blanks.length === 1 ? "row" : "rows"} in the table (${blanks.join(", ")}): skipped`,
    );
  if (notes.length)
    oddities.push(
      `${plural(notes.length, "note", "notes")} under the table ` +
        `(${range(notes.map((n) => n.r + 1))}): suggested as the chart's notes`,
    );
  for (const m of merges) oddities.push(`Merged cell ${m}: its text used for each of its cells`);
  oddities.push(...tally.lines());
  if (kind === "trend" && lines.length > 12)
    throw new Error(`${lines.length} series: a trend shows at most 12. Uncheck some.`);
  return { spec, oddities };
}
