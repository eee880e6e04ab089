// Starting from a spreadsheet or CSV file: the file chosen (or dropped) is read in this page by
// the builder's wasm (readSheets; nothing is sent anywhere), its sheet shown as a grid, the line
// of periods (or a rate chart's categories) and the series (or recorded, detected and rate
// lines) picked by pointer or keyboard, and the spec written from them (sheet-spec.js) and
// previewed as the table form's is, with what was done with each oddity of the table listed.

import { SHEET_WORKER } from "oc:files";
import { SHEET_LIMITS } from "../../shared.js";
import { disableSnippets } from "./embed-code.js";
import { isWebAddress } from "./escape.js";
import { $, el } from "./page.js";
import { update } from "./preview.js";
import { focusedCell, move, SHOWN_COLS, SHOWN_ROWS, showGrid } from "./sheet-grid.js";
import {
  cellAt,
  columnName,
  extent,
  figureLines,
  guess,
  keyPositions,
  lineName,
  sheetToSpec,
  suggestions,
} from "./sheet-spec.js";

/** The sheet form's fields, each remembered once the journalist edits it. */
const FIELDS = [
  "s-title",
  "s-subtitle",
  "s-unit",
  "s-mark",
  "s-source",
  "s-date",
  "s-url",
  "s-notes",
];
const ROLES = ["recorded", "detected", "rate"];

const sheet = {
  book: null, // what readSheets gave
  figures: [], // whether each of its sheets has a figure (hasFigures)
  file: "", // the file's name
  index: 0, // the sheet shown
  pick: null, // {kind, key: {axis, index}, series: [index], roles: {recorded, detected, rate}}
  edited: new Set(), // fields the journalist typed in
  seq: 0, // files opened
};

const say = (id, text) => {
  $(id).textContent = text;
};

const megabytes = (n) => `${(n / 1048576).toFixed(1)} MB`;

// The reader: a worker with its own program (sheet-worker.js: the builder's with the spreadsheet
// reader, oc-sheet-<hash>.wasm, which only it loads), made
// when the spreadsheet route is first shown, made anew after a trap.
let reader = null;
let asked = 0; // files sent to the reader
const waiting = new Map(); // id -> {resolve, reject}

function worker() {
  if (!reader) {
    reader = new Worker(new URL(SHEET_WORKER, import.meta.url), { type: "module" });
    reader.onmessage = ({ data }) => {
      const w = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.trap) stopReader();
      if (data.book) w?.resolve(data.book);
      else w?.reject(data);
    };
    reader.onerror = (e) => {
      e.preventDefault();
      const message = e.message || "the reader stopped";
      for (const w of waiting.values()) w.reject({ error: message, trap: true });
      waiting.clear();
      stopReader();
    };
  }
  return reader;
}

function stopReader() {
  reader?.terminate();
  reader = null;
}

/** Loads the reader and its program before the first file is chosen. */
export function warmReader() {
  worker().postMessage({});
}

/** The sheets of the file `bytes` (named `name`), read by the worker: readSheets's answer, or a
 * rejection {error, trap}. The bytes are handed over, not copied. */
function readSheets(bytes, name) {
  const id = ++asked;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker().postMessage({ id, bytes, name }, [bytes.buffer]);
  });
}

/** Whether sheet `s` has a figure: a number, or a cell marked as missing. A workbook's cover,
 * contents and notes sheets have none. */
const hasFigures = (s) => s.cells.some((row) => row.some((c) => c && (c.v !== undefined || c.m)));

/** Reads `file` (a File) and shows its first sheet with figures in it (else its first with
 * anything in it), or says why it cannot;
 * either way the page's `data-sheet-tried` then names this attempt (for tests and tools). */
export async function openFile(file) {
  const seq = sheet.seq + 1;
  try {
    await open(file);
  } finally {
    if (seq === sheet.seq) document.documentElement.dataset.sheetTried = String(seq);
  }
}

async function open(file) {
  const seq = ++sheet.seq;
  say("sheet-error", "");
  say("sheet-pick-error", "");
  if (file.size > SHEET_LIMITS.bytes) {
    // Refused before a byte is read.
    say(
      "sheet-error",
      `This file is ${megabytes(file.size)}: the builder opens files up to ` +
        `${megabytes(SHEET_LIMITS.bytes)}. Save the sheet you need on its own (or as CSV) ` +
        "and open that.",
    );
    return;
  }
  say("sheet-status", `Reading ${file.name}…`);
  let book;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    performance.mark("sheet-read");
    book = await readSheets(bytes, file.name);
    performance.mark("sheet-read-end");
  } catch (e) {
    if (seq !== sheet.seq) return;
    say("sheet-status", "");
    const message = e?.trap
      ? `The builder failed reading this file (a bug of ours, not your error: ${e.error}). ` +
        "Try it again, or another file."
      : (e?.error ?? e?.message ?? String(e));
    say("sheet-error", message);
    return;
  }
  if (seq !== sheet.seq) return;
  // Each sheet's cells are scanned for figures once, here.
  Object.assign(sheet, { book, figures: book.sheets.map(hasFigures), file: file.name, pick: null });
  const withFigures = sheet.figures.indexOf(true);
  const first = withFigures >= 0 ? withFigures : book.sheets.findIndex((s) => s.cells.length);
  sheet.index = Math.max(0, first);
  const label = (s, i) =>
    !s.cells.length ? `${s.name} (empty)` : sheet.figures[i] ? s.name : `${s.name} (no figures)`;
  const menu = $("sheet-name");
  menu.replaceChildren(...book.sheets.map((s, i) => new Option(label(s, i), String(i))));
  menu.value = String(sheet.index);
  $("sheet-work").hidden = false;
  for (const id of ["s-title", "s-notes", "s-source"]) sheet.edited.delete(id);
  showSheet(true);
  document.documentElement.dataset.sheetOpened = String(sheet.seq);
}

const current = () => sheet.book?.sheets[sheet.index];

/** Shows the sheet chosen: a fresh guess at its layout when `fresh`. */
function showSheet(fresh) {
  const s = current();
  if (!s) return;
  const name = sheet.book.format.toUpperCase();
  const rowsText = `${s.rows.toLocaleString("en-GB")} ${s.rows === 1 ? "row" : "rows"}`;
  const colsText = `${s.columns.toLocaleString("en-GB")} ${s.columns === 1 ? "column" : "columns"}`;
  const size = `${rowsText} × ${colsText}`;
  const notices = sheet.book.notices.join(" ");
  say("sheet-status", `${sheet.file} (${name}), sheet “${s.name}”: ${size}. ${notices}`.trim());
  // The grid and what is picked on it show only for a sheet with figures.
  const figures = sheet.figures[sheet.index];
  $("sheet-table").hidden = !figures;
  if (!figures) {
    // Empty, or words only (a cover, contents or notes sheet): nothing to chart, nothing guessed.
    const why = s.cells.length ? "has no figures" : "is empty";
    const next = sheet.book.sheets.length > 1 ? "choose another sheet" : "a chart needs figures";
    $("sheet-grid-box").replaceChildren();
    say("sheet-size", "");
    say("sheet-cell", ""); // the grid's cell of the sheet before
    say("sheet-pick-error", `Sheet “${s.name}” ${why}: ${next}.`);
    listOddities([]);
    // Nor the words suggested by the sheet before (the journalist's own stay).
    for (const id of ["s-title", "s-notes"]) if (!sheet.edited.has(id)) $(id).value = "";
    disableSnippets(`Choose a sheet with a table: “${s.name}” ${why}.`);
    sheet.pick = null; // the sheet before's: nothing typed now may chart it on this one
    return;
  }
  if (fresh || !sheet.pick) {
    const kind = kindChosen();
    sheet.pick = kind === "rate" ? guessRate(s) : guess(s);
  }
  const { rows, cols } = extent(s);
  const parts = [];
  if (s.rows > SHOWN_ROWS || cols > SHOWN_COLS)
    parts.push(
      `The grid shows the first ${Math.min(rows, SHOWN_ROWS)} rows and ` +
        `${Math.min(cols, SHOWN_COLS)} columns of ${s.rows.toLocaleString("en-GB")} rows.`,
    );
  if (s.rows > rows)
    parts.push(
      `A chart can use the first ${rows.toLocaleString("en-GB")} rows; ` +
        "save fewer rows to chart the rest.",
    );
  say("sheet-size", parts.join(" "));
  if (fresh) move(0, 0, false);
  rebuild();
}

const kindChosen = () => $("sheet-kind").querySelector("input:checked")?.value ?? "trend";

/** A rate chart's guess: the categories down the first column that names things beside
 * figures, the recorded, detected and rate lines by their headings. */
function guessRate(s) {
  const { cols } = extent(s);
  for (let c = 0; c < cols; c++) {
    const key = { axis: "col", index: c };
    const roles = rateRoles(s, key);
    if (roles) return { kind: "rate", key, series: [], roles };
  }
  return { kind: "rate", key: { axis: "col", index: 0 }, series: [], roles: {} };
}

/** The recorded, detected and rate lines beside the categories along `key`, by the headings
 * before their first figure ("Detected", "Rate", "%"; the first other line is the recorded one);
 * null when no category there has a figure beside it. */
function rateRoles(s, key) {
  const positions = keyPositions(s, key, "rate");
  const lines = figureLines(s, key, positions);
  if (positions.length < 1 || !lines.length) return null;
  const at = (p, l) => (key.axis === "col" ? cellAt(s, p, l) : cellAt(s, l, p));
  const roles = { recorded: -1, detected: -1, rate: -1 };
  const first = positions.find((p) => lines.some((l) => at(p, l)?.v !== undefined)) ?? 0;
  for (const l of lines) {
    let head = "";
    for (let p = first - 1; p >= 0 && !head; p--) head = at(p, l)?.t ?? "";
    if (/detect|clear|solv/i.test(head) && roles.detected < 0) roles.detected = l;
    else if (/rate|%|per ?cent/i.test(head) && roles.rate < 0) roles.rate = l;
    else if (roles.recorded < 0) roles.recorded = l;
  }
  return roles;
}

/** Each line's word in the grid's headings. */
function marks(pick) {
  const rows = new Map();
  const cols = new Map();
  const lines = pick.key.axis === "row" ? rows : cols;
  lines.set(pick.key.index, pick.kind === "trend" ? "periods" : "categories");
  if (pick.kind === "trend") {
    for (const [k, i] of pick.series.entries()) lines.set(i, `series ${k + 1}`);
  } else for (const r of ROLES) if (pick.roles[r] >= 0) lines.set(pick.roles[r], r);
  return { rows, cols };
}

function formValues() {
  const v = (id) => $(id).value.trim();
  const notes = sheet.edited.has("s-notes")
    ? $("s-notes")
        .value.split("\n")
        .map((t) => t.trim())
        .filter(Boolean)
    : undefined;
  return {
    title: v("s-title"),
    subtitle: v("s-subtitle"),
    unit: v("s-unit"),
    mark: v("s-mark"),
    source: v("s-source"),
    date: v("s-date"),
    url: v("s-url"),
    notes,
  };
}

/** The menus and lists for the pick, the grid, then the spec. */
function rebuild() {
  const s = current();
  const { pick } = sheet;
  const trend = pick.kind === "trend";
  for (const e of $("sheet-step").querySelectorAll("[data-trend]")) e.hidden = !trend;
  $("sheet-roles").hidden = trend;
  const word = trend ? "Periods" : "Categories";
  say("sheet-key-label", `${word} are in`);
  say("sheet-key-row", `${word} are in this row`);
  say("sheet-key-col", `${word} are in this column`);
  const { rows, cols } = extent(s);
  const keyMenu = $("sheet-key");
  const options = [];
  for (let r = 0; r < Math.min(rows, SHOWN_ROWS); r++)
    options.push(new Option(`row ${r + 1}`, `row:${r}`));
  for (let c = 0; c < Math.min(cols, SHOWN_COLS); c++)
    options.push(new Option(`column ${columnName(c)}`, `col:${c}`));
  keyMenu.replaceChildren(...options);
  keyMenu.value = `${pick.key.axis}:${pick.key.index}`;
  const positions = keyPositions(s, pick.key, pick.kind);
  const lines = figureLines(s, pick.key, positions);
  const label = (i) => {
    const line = { axis: pick.key.axis, index: i };
    const first = positions[0] ?? 0;
    for (let p = first - 1; p >= 0; p--) {
      const c = line.axis === "row" ? cellAt(s, i, p) : cellAt(s, p, i);
      if (c && c.v === undefined && c.m === undefined) return `${lineName(line)}: ${c.h ?? c.t}`;
    }
    return lineName(line);
  };
  if (trend) {
    const list = lines.map((i) => {
      const id = `sheet-series-${i}`;
      const box = document.createElement("input");
      Object.assign(box, { type: "checkbox", id, checked: pick.series.includes(i) });
      box.dataset.line = String(i);
      const text = document.createElement("label");
      text.htmlFor = id;
      text.textContent = label(i);
      const div = document.createElement("div");
      div.className = "check-label";
      div.append(box, text);
      return div;
    });
    $("sheet-series-list").replaceChildren(...list);
    $("sheet-series-none").hidden = list.length > 0;
  } else {
    for (const role of ROLES) {
      const menu = $(`sheet-${role}`);
      menu.replaceChildren(
        new Option("none", "-1"),
        ...lines.map((i) => new Option(label(i), String(i))),
      );
      menu.value = String(pick.roles[role] ?? -1);
      if (menu.value === "") menu.value = "-1";
    }
  }
  performance.mark("sheet-grid");
  showGrid($("sheet-grid-box"), s, marks(pick), cellMoved);
  performance.mark("sheet-grid-end");
  cellMoved(focusedCell());
  writeSpec();
}

/** Says where the grid's focus is and what its buttons would do there. */
function cellMoved({ r, c }) {
  const s = current();
  if (!s) return;
  const cell = cellAt(s, r, c);
  say("sheet-cell", `On cell ${columnName(c)}${r + 1}: ${cell ? `“${cell.t}”` : "empty"}.`);
  const { pick } = sheet;
  const row = pick.key.axis === "row";
  $("sheet-toggle-row").hidden = !(pick.kind === "trend" && row);
  $("sheet-toggle-col").hidden = !(pick.kind === "trend" && !row);
  const here = row ? r : c;
  const has = pick.series.includes(here);
  say(
    "sheet-toggle-row",
    has ? `Remove row ${r + 1} from the series` : `Add row ${r + 1} as a series`,
  );
  say(
    "sheet-toggle-col",
    has
      ? `Remove column ${columnName(c)} from the series`
      : `Add column ${columnName(c)} as a series`,
  );
  const word = pick.kind === "trend" ? "Periods" : "Categories";
  say("sheet-key-row", `${word} are in row ${r + 1}`);
  say("sheet-key-col", `${word} are in column ${columnName(c)}`);
}

/** Picks `key` as the line of periods or categories; the series or roles guessed anew. */
function pickKey(key) {
  const s = current();
  const kind = sheet.pick.kind;
  const positions = keyPositions(s, key, kind);
  const lines = figureLines(s, key, positions);
  if (kind === "trend") sheet.pick = { kind, key, series: lines.slice(0, 12), roles: {} };
  else {
    const roles = rateRoles(s, key) ?? { recorded: lines[0] ?? -1, detected: -1, rate: -1 };
    sheet.pick = { kind, key, series: [], roles };
  }
  rebuild();
}

/** Writes the spec the pick makes, or says why it makes none. */
function writeSpec() {
  const s = current();
  const { pick } = sheet;
  const sug = suggestions(s, pick);
  if (!sheet.edited.has("s-title")) $("s-title").value = (sug.title || s.name).slice(0, 200);
  if (!sheet.edited.has("s-notes")) $("s-notes").value = sug.notes.map((n) => n.text).join("\n");
  const form = formValues();
  let made;
  try {
    if (form.url && !isWebAddress(form.url))
      throw new Error("The source URL must start with http:// or https:// and contain no spaces.");
    if (!form.title) throw new Error("Give the chart a title.");
    made = sheetToSpec(s, pick, form, sheet.file);
  } catch (e) {
    say("sheet-pick-error", e.message);
    listOddities([]);
    disableSnippets(`Fix the sheet's choices first: ${e.message}`);
    return Promise.resolve();
  }
  say("sheet-pick-error", "");
  listOddities(
    made.oddities.length ? made.oddities : ["Nothing odd: every cell used is a plain figure."],
  );
  el.spec.value = JSON.stringify(made.spec, null, 2);
  return update();
}

/** Lists `lines` under "What the builder did with the table"; none hides the heading too. */
function listOddities(lines) {
  const items = lines.map((t) => {
    const li = document.createElement("li");
    li.textContent = t;
    return li;
  });
  $("sheet-oddities").replaceChildren(...items);
  $("sheet-oddities-box").hidden = !items.length;
}

/** Starting from a sheet: the chart made from the file so far, if one was opened. */
export function showSheetSpec() {
  warmReader();
  if (sheet.pick) return writeSpec();
  // A sheet shown without a pick has nothing to chart: it says why again.
  if (current()) showSheet(false);
  else disableSnippets("Open a spreadsheet or CSV file first.");
  return Promise.resolve();
}

/** Wires the sheet step's controls. */
export function initSheet(debounce) {
  const input = $("sheet-file");
  input.addEventListener("change", () => {
    if (input.files?.[0]) openFile(input.files[0]);
  });
  const drop = $("sheet-drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const file = e.dataTransfer?.files?.[0];
    if (file) openFile(file);
  });
  $("sheet-name").addEventListener("change", (e) => {
    sheet.index = Number(e.target.value);
    showSheet(true);
  });
  $("sheet-kind").addEventListener("change", () => {
    showSheet(true);
  });
  $("sheet-key").addEventListener("change", (e) => {
    const [axis, index] = e.target.value.split(":");
    pickKey({ axis, index: Number(index) });
  });
  $("sheet-key-row").addEventListener("click", () =>
    pickKey({ axis: "row", index: focusedCell().r }),
  );
  $("sheet-key-col").addEventListener("click", () =>
    pickKey({ axis: "col", index: focusedCell().c }),
  );
  const toggle = (index) => {
    const { pick } = sheet;
    const at = pick.series.indexOf(index);
    if (at >= 0) pick.series.splice(at, 1);
    else if (index !== pick.key.index) pick.series = [...pick.series, index].sort((a, b) => a - b);
    rebuild();
  };
  $("sheet-toggle-row").addEventListener("click", () => toggle(focusedCell().r));
  $("sheet-toggle-col").addEventListener("click", () => toggle(focusedCell().c));
  $("sheet-series-list").addEventListener("change", (e) => {
    const box = e.target.closest("input[data-line]");
    if (!box) return;
    toggle(Number(box.dataset.line));
    $(`sheet-series-${box.dataset.line}`)?.focus();
  });
  $("sheet-roles").addEventListener("change", (e) => {
    const menu = e.target.closest("select[data-role]");
    if (!menu) return;
    sheet.pick.roles[menu.dataset.role] = Number(menu.value);
    rebuild();
    $(menu.id).focus();
  });
  const later = debounce(() => {
    if (sheet.pick) writeSpec();
  });
  for (const id of FIELDS) {
    $(id).addEventListener(id === "s-mark" ? "change" : "input", () => {
      sheet.edited.add(id);
      later();
    });
  }
}
