// The journalists' chart builder (builder.html): start from a default chart or a table pasted from
// a spreadsheet, edit the spec as JSON, see it drawn live, then copy an embed snippet (iframe or
// script) or download the chart as a PNG. Everything happens in this page: no requests but the
// chart program and the named charts' specs, no storage, no cookies. A page script may import only ./offence-charts.js
// (scripts/dist.sh renames every other script), so this file is self-contained.
import { renderChart, load, namedSpec } from "./offence-charts.js";

// What the table form starts with: the trend chart's figures, as a spreadsheet would paste them.
const EXAMPLE_TABLE = "Period\tRecorded offences\nApr 2018–Feb 2019\t1,573\nApr 2019–Feb 2020\t1,694\n";
const EXAMPLE_FIELDS = {
  "f-title": "Online child sexual abuse offences recorded in Scotland rose by 7.7 %",
  "f-subtitle": "Offences recorded by Police Scotland, April to February (11 months, not full years)",
  "f-unit": "offences",
  "f-source": "Police Scotland, #GetHelpOrGetCaught campaign release",
  "f-date": "April 2020",
  "f-url": "",
};

// embed.html's page around the chart: 8 px padding top and bottom, the figure's 1.5em (22.5 px)
// margins and the "Show data" line add 84.4 px to the canvas (measured in Chromium); 88 leaves room
// for other fonts. The iframe's fallback height is the chart's tallest layout plus this.
const EMBED_EXTRA = 88;
// Chart widths tried for that tallest layout: iframes from 280 px (a phone with page margins) to
// 800 px wide, less embed.html's 16 px padding; beyond that the plot stops growing and only the text
// gets shorter. Between two tried widths the plot (0.42 × width) may be up to STEP × 0.42 taller
// than at either, hence the slack. Big specs are measured at fewer widths.
const FALLBACK_MIN = 264;
const FALLBACK_MAX = 784;
const fallbackStep = (textLength) => (textLength > 200_000 ? 104 : 16);
const fallbackSlack = (step) => Math.ceil(step * 0.42);
const DEBOUNCE_MS = 200;
// Longer iframe addresses than this may be cut by a CMS; browsers refuse beyond about 2 MB.
const LONG_URL = 8000;
const MAX_URL = 2_000_000;

const $ = (id) => document.getElementById(id);
const el = {
  start: $("start"), tableStep: $("table-step"), table: $("table"), tableError: $("table-error"),
  spec: $("spec"), specError: $("spec-error"), specTableNote: $("spec-table-note"),
  width: $("width"), theme: $("theme"), preview: $("preview"), canvas: $("canvas"), previewNote: $("preview-note"),
  download: $("download"), codeIframe: $("code-iframe"), codeScript: $("code-script"),
  copyIframe: $("copy-iframe"), copyScript: $("copy-script"), copyNote: $("copy-note"),
};
const FIELDS = ["f-title", "f-subtitle", "f-unit", "f-mark", "f-source", "f-date", "f-url"];

const state = {
  view: null, // the preview's ChartView
  spec: null, // the last valid spec (object)
  valid: false, // whether the editor holds that spec (else it holds an error)
  fallback: 0, // the iframe's fallback height for it
  tableProblem: "", // why the table could not become a spec, if it could not
  seq: 0,
  drawn: "",
};

// ---------- Escaping: every value a journalist typed goes through one of these. ----------

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Text or an attribute value, safe in HTML. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** JSON text safe inside <script type="application/json">: no "<" (so no "</script" or "<!--"),
 * and no ">", "&", "'" either. Each is a \u escape, which JSON reads back as the same character. */
export function scriptSafeJson(value) {
  return JSON.stringify(value).replace(/[<>&'\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

const isHttpUrl = (s) => /^https?:\/\/[^\s"<>]+$/i.test(s);

// ---------- Pasted tables ----------

/** Splits pasted text into rows of trimmed cells: tab-separated (Excel, Sheets) or CSV with
 * quotes, by comma or semicolon, whichever the first line uses. Blank rows are dropped. */
export function parseTable(text) {
  const src = text.replace(/\r\n?/g, "\n");
  const firstLine = src.split("\n").find((l) => l.trim()) || "";
  let delimiter = ",";
  if (firstLine.includes("\t")) delimiter = "\t";
  else if (count(firstLine, ";") > count(firstLine, ",")) delimiter = ";";
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell.trim() === "") { quoted = true; cell = ""; i++; continue; }
    if (c === delimiter) { row.push(cell.trim()); cell = ""; i++; continue; }
    if (c === "\n") { row.push(cell.trim()); rows.push(row); row = []; cell = ""; i++; continue; }
    cell += c;
    i++;
  }
  row.push(cell.trim());
  rows.push(row);
  return rows.filter((r) => r.some((c) => c !== ""));
}

function count(s, ch) {
  let n = 0;
  let quoted = false;
  for (const c of s) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/** A figure from a cell: "1,573", "1 573", "12.5", "~1,600" (approximate). Negative numbers pass
 * through, so the chart's own check names them; anything else throws. */
export function parseFigure(cell) {
  let s = cell.trim();
  let approximate = false;
  const approx = /^(~|≈|c\.\s*|about\s+|nearly\s+|around\s+)/i.exec(s);
  if (approx) {
    approximate = true;
    s = s.slice(approx[0].length);
  }
  s = s.replace(/[,\s\u00a0\u202f\u2009]/g, "").replace(/^\u2212/, "-");
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const value = Number(s);
  if (!Number.isFinite(value)) return null;
  return approximate ? { value, approximate: true, published: cell.trim() } : value;
}

/** Turns the table and the form into a trend spec; throws an Error in the table's terms. */
export function tableToSpec(text, form) {
  const rows = parseTable(text);
  if (rows.length === 0) throw new Error("Paste a table: a heading row, then one row per period.");
  const head = rows[0];
  if (head.length < 2) throw new Error("The first row needs “Period” and then one heading per series, separated by tabs or commas.");
  const names = head.slice(1);
  while (names.length > 1 && names[names.length - 1] === "") names.pop();
  names.forEach((n, i) => {
    if (!n) throw new Error(`Column ${i + 2} of the heading row is empty: give each series a name.`);
  });
  if (rows.length < 2) throw new Error("Add at least one row of figures under the heading row.");
  const periods = [];
  const series = names.map((name) => ({ name, values: [] }));
  rows.slice(1).forEach((row, k) => {
    const line = k + 2;
    const label = row[0];
    if (!label) throw new Error(`Row ${line} has no period label in its first cell.`);
    if (row.slice(names.length + 1).some((c) => c !== "")) throw new Error(`Row ${line} (“${label}”) has more cells than the heading row has columns.`);
    periods.push({ label });
    names.forEach((name, i) => {
      const cell = row[i + 1] ?? "";
      if (cell === "") throw new Error(`Row ${line} (“${label}”) has no figure for “${name}”. Every period needs one for each series.`);
      const figure = parseFigure(cell);
      if (figure === null) throw new Error(`Row ${line} (“${label}”), “${name}”: “${cell}” is not a number.`);
      series[i].values.push(figure);
    });
  });
  const source = { name: form.source };
  if (form.date) source.date = form.date;
  if (form.url) source.url = form.url;
  const spec = { version: 1, kind: "trend", title: form.title };
  if (form.subtitle) spec.subtitle = form.subtitle;
  if (form.unit) spec.unit = form.unit;
  spec.sources = [source];
  if (form.mark && form.mark !== "auto") spec.mark = form.mark;
  spec.periods = periods;
  spec.series = series;
  return spec;
}

/** A chart error's field path in the table form's terms ("" if it has none). */
function tableHint(message, spec) {
  const m = /^([a-z]+)(?:\[(\d+)\])?(?:\.([a-z]+))?(?:\[(\d+)\])?:/.exec(message);
  if (!m) return "";
  const [, field, i, sub, j] = m;
  const fields = { title: "the Title field", subtitle: "the Subtitle field", unit: "the Unit field" };
  if (fields[field] && i === undefined) return fields[field];
  if (field === "sources") return { name: "the Source name field", date: "the Source date field", url: "the Source URL field" }[sub] || "";
  if (field === "periods" && i !== undefined) return `the period label in row ${+i + 2} of the table`;
  if (field === "series" && i !== undefined) {
    const name = spec?.series?.[+i]?.name;
    if (sub === "name") return `the heading of column ${+i + 2}`;
    if (sub === "values" && j !== undefined) return `row ${+j + 2} of the table, column “${name}”`;
    return `column ${+i + 2} of the table`;
  }
  return "";
}

// ---------- Snippets ----------

function base() {
  return new URL(".", location.href).href;
}

function sourceText(spec) {
  return (spec.sources || [])
    .map((s) => (s.date && String(s.date).trim() ? `${String(s.name).trim()} (${String(s.date).trim()})` : String(s.name).trim()))
    .join("; ");
}

/** The iframe snippet: the embed page with the spec in its #fragment (never sent to a server), a
 * fallback height that shows the whole chart if scripts are stripped, and the host script that fits
 * the height to the chart. The width, height and frameborder attributes repeat the style attribute
 * for CMSs whose CSP refuses style attributes. With `allow-same-origin` the embed page keeps its own
 * origin; without it (an opaque origin) its module scripts, WebAssembly and specs are cross-origin
 * requests, which load only from a host that sends Access-Control-Allow-Origin. */
export function iframeSnippet(spec, { height, theme = "", at = base() } = {}) {
  const query = theme === "dark" || theme === "light" ? "?theme=" + theme : "";
  const src = new URL("embed.html", at).href + query + "#spec=" + encodeURIComponent(JSON.stringify(spec));
  const h = Math.ceil(height);
  const sources = (spec.sources || []).length > 1 ? "Sources" : "Source";
  return [
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(spec.title)}" width="100%" height="${h}" loading="lazy"` +
      ` referrerpolicy="no-referrer" sandbox="allow-scripts allow-same-origin" frameborder="0" style="width:100%;border:0;height:${h}px"></iframe>`,
    `<script src="${escapeHtml(new URL("embed-host.js", at).href)}" defer></script>`,
    `<noscript><p>Chart: ${escapeHtml(spec.title)}. ${sources}: ${escapeHtml(sourceText(spec))}. The chart needs JavaScript.</p></noscript>`,
  ].join("\n");
}

/** The script snippet: the spec inline (JSON made safe for a <script> element) and the loader. */
export function scriptSnippet(spec, { theme = "", at = base() } = {}) {
  const t = theme === "dark" || theme === "light" ? ` data-theme="${theme}"` : "";
  return (
    `<div class="offence-chart"><script type="application/json" data-offence-chart${t}>${scriptSafeJson(spec)}</script></div>\n` +
    `<script type="module" src="${escapeHtml(new URL("offence-charts.js", at).href)}"></script>`
  );
}

// ---------- Preview ----------

function previewTheme() {
  const t = el.theme.value;
  if (t === "dark" || t === "light") return t;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function previewWidth() {
  return el.canvas.clientWidth;
}

function applyPreviewBox() {
  const phone = el.width.value !== "full";
  el.canvas.style.width = phone ? el.width.value + "px" : "100%";
  el.preview.classList.toggle("phone", phone);
  el.preview.dataset.theme = previewTheme();
}

/** Redraws the preview at its current width and theme (after a resize or a theme change). */
function redraw() {
  if (!state.view) return;
  const width = previewWidth();
  const theme = previewTheme();
  const key = width + "/" + devicePixelRatio + "/" + theme;
  if (width <= 0 || key === state.drawn) return;
  state.drawn = key;
  try {
    state.view.draw(width, devicePixelRatio || 1, theme);
  } catch (e) {
    showSpecError(e);
  }
  showSnippets();
}

/** The height an iframe needs to show `text`'s chart whole at any usual width. */
async function fallbackHeight(text, shown) {
  const scratch = document.createElement("canvas");
  scratch.width = FALLBACK_MIN;
  const view = await renderChart(scratch, text);
  const step = fallbackStep(text.length);
  let tallest = 0;
  try {
    // The layout's height does not depend on the pixel ratio: draw small, it is only measured.
    for (let w = FALLBACK_MIN; w <= FALLBACK_MAX; w += step) tallest = Math.max(tallest, view.draw(w, 0.25, "light"));
  } finally {
    view.free();
  }
  return Math.ceil(Math.max(tallest + fallbackSlack(step), shown)) + EMBED_EXTRA;
}

/** Validates and draws the spec in the editor; on success updates the snippets. */
async function update() {
  const seq = ++state.seq;
  const text = el.spec.value;
  applyPreviewBox();
  let view;
  let fallback;
  try {
    if (!text.trim().startsWith("{")) throw new Error("spec: must be a JSON object, starting with {");
    view = await renderChart(el.canvas, text);
    if (seq !== state.seq) return view.free();
    const theme = previewTheme();
    const shown = theme === "light" ? view.height : view.draw(previewWidth(), devicePixelRatio || 1, theme);
    fallback = await fallbackHeight(text, shown);
  } catch (e) {
    if (seq !== state.seq) return;
    return invalid(e);
  }
  if (seq !== state.seq) return view.free();
  state.view?.free();
  state.view = view;
  state.drawn = previewWidth() + "/" + devicePixelRatio + "/" + previewTheme();
  state.spec = JSON.parse(text);
  state.valid = true;
  state.fallback = fallback;
  el.specError.textContent = "";
  el.spec.removeAttribute("aria-invalid");
  if (!state.tableProblem) el.tableError.textContent = "";
  el.preview.classList.remove("stale");
  el.download.disabled = false;
  showSnippets();
}

function showSpecError(e) {
  let message = e && e.message ? e.message : String(e);
  if (e instanceof WebAssembly.RuntimeError) message = `The chart program failed on this spec (a bug of ours, not your error: ${message}). Reload the page to carry on.`;
  const hint = el.start.value === "table" ? tableHint(message, safeParse(el.spec.value)) : "";
  el.specError.textContent = hint ? `${message} (in your table form: ${hint})` : message;
  el.spec.setAttribute("aria-invalid", "true");
  // Say it by the table too, in its terms, where the journalist is typing.
  if (hint) {
    const rule = message.slice(message.indexOf(":") + 1).trim();
    el.tableError.textContent = hint[0].toUpperCase() + hint.slice(1) + ": " + rule;
  }
}

function invalid(e) {
  state.valid = false;
  showSpecError(e);
  el.preview.classList.toggle("stale", !!state.view);
  el.previewNote.textContent = state.view ? "The preview shows the last version that worked." : "";
  disableSnippets("Fix the spec first: " + el.specError.textContent);
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function disableSnippets(why) {
  for (const [code, button] of [[el.codeIframe, el.copyIframe], [el.codeScript, el.copyScript]]) {
    code.value = why;
    button.disabled = true;
  }
  el.copyNote.textContent = "";
}

function showSnippets() {
  if (!state.valid) return; // they say what to fix already
  if (el.start.value === "table" && state.tableProblem) {
    disableSnippets("Fix the table first: " + state.tableProblem);
    return;
  }
  const theme = el.theme.value;
  const iframe = iframeSnippet(state.spec, { height: state.fallback, theme });
  const src = /src="([^"]*)"/.exec(iframe)[1];
  el.codeIframe.value = iframe;
  el.copyIframe.disabled = src.length > MAX_URL;
  el.codeScript.value = scriptSnippet(state.spec, { theme });
  el.copyScript.disabled = false;
  const shown = Math.round(state.view ? state.view.height : 0);
  let note = `Drawn ${previewWidth()} px wide, ${shown} px tall. The iframe starts ${Math.ceil(state.fallback)} px tall and then fits the chart.`;
  if (src.length > MAX_URL) note += " This chart has too many figures for an iframe: use the script code.";
  else if (src.length > LONG_URL) note += ` The iframe address is long (${src.length.toLocaleString("en-GB")} characters); if your CMS cuts it, use the script code.`;
  el.previewNote.textContent = note;
}

// ---------- Table mode ----------

function formValues() {
  const v = (id) => $(id).value.trim();
  return { title: v("f-title"), subtitle: v("f-subtitle"), unit: v("f-unit"), mark: v("f-mark"), source: v("f-source"), date: v("f-date"), url: v("f-url") };
}

function tableChanged() {
  let spec;
  try {
    const form = formValues();
    if (form.url && !isHttpUrl(form.url)) throw new Error("The source URL must start with http:// or https:// and contain no spaces.");
    spec = tableToSpec(el.table.value, form);
  } catch (e) {
    state.tableProblem = e.message;
    el.tableError.textContent = e.message;
    el.table.setAttribute("aria-invalid", "true");
    showSnippets();
    return Promise.resolve();
  }
  state.tableProblem = "";
  el.tableError.textContent = "";
  el.table.removeAttribute("aria-invalid");
  el.spec.value = JSON.stringify(spec, null, 2);
  return update();
}

async function setMode(mode) {
  const table = mode === "table";
  el.tableStep.hidden = !table;
  el.specTableNote.hidden = !table;
  // Number the steps as they are shown.
  const order = table ? ["step-start", "step-table", "step-spec", "step-preview", "step-embed"] : ["step-start", "step-spec", "step-preview", "step-embed"];
  order.forEach((id, i) => { $(id).querySelector(".num").textContent = String(i + 1); });
  if (table) {
    if (!el.table.value.trim()) {
      el.table.value = EXAMPLE_TABLE;
      for (const [id, value] of Object.entries(EXAMPLE_FIELDS)) if (!$(id).value) $(id).value = value;
    }
    return tableChanged();
  }
  state.tableProblem = "";
  el.tableError.textContent = "";
  // The starters are the named charts' own files (data/*.json), fetched as the loader does.
  try {
    el.spec.value = JSON.stringify(JSON.parse(await namedSpec(mode)), null, 2);
  } catch (e) {
    el.spec.value = "";
    showSpecError(e);
    return;
  }
  return update();
}

// ---------- Copy and download ----------

async function copy(textarea, label) {
  const text = textarea.value;
  try {
    if (!navigator.clipboard || !window.isSecureContext) throw new Error("no clipboard");
    await navigator.clipboard.writeText(text);
    el.copyNote.textContent = `Copied the ${label} code. Paste it into an HTML or embed block in your CMS.`;
  } catch {
    textarea.focus();
    textarea.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    el.copyNote.textContent = copied
      ? `Copied the ${label} code. Paste it into an HTML or embed block in your CMS.`
      : `The ${label} code is selected: press Ctrl+C (⌘C on a Mac) to copy it.`;
  }
}

function slug(title) {
  const s = String(title || "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return s || "chart";
}

function download() {
  if (!state.view) return;
  el.canvas.toBlob((blob) => {
    if (!blob) {
      el.previewNote.textContent = "The browser could not make an image of the chart.";
      return;
    }
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = slug(state.spec && state.spec.title) + ".png";
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }, "image/png");
}

// ---------- Wiring ----------

function debounce(fn, ms) {
  let timer = 0;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

const later = debounce(update, DEBOUNCE_MS);
const tableLater = debounce(tableChanged, DEBOUNCE_MS);
el.spec.addEventListener("input", later);
el.table.addEventListener("input", tableLater);
for (const id of FIELDS) $(id).addEventListener(id === "f-mark" ? "change" : "input", tableLater);
el.start.addEventListener("change", () => setMode(el.start.value));
el.width.addEventListener("change", () => { applyPreviewBox(); redraw(); });
el.theme.addEventListener("change", () => { applyPreviewBox(); state.drawn = ""; redraw(); });
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => { applyPreviewBox(); redraw(); });
el.copyIframe.addEventListener("click", () => copy(el.codeIframe, "iframe"));
el.copyScript.addEventListener("click", () => copy(el.codeScript, "script"));
el.download.addEventListener("click", download);
let frame = 0;
new ResizeObserver(() => { frame ||= requestAnimationFrame(() => { frame = 0; redraw(); }); }).observe(el.preview);

el.download.disabled = true;
disableSnippets("Drawing the chart…");
try {
  await load();
} catch (e) {
  el.specError.textContent = "The chart program could not be loaded: " + (e && e.message ? e.message : e);
}
await setMode(el.start.value);
document.documentElement.dataset.ready = "true";
