// The preview: the spec in the editor checked and drawn by the chart program, its errors shown in
// the editor's terms (and the table form's, or by the release's word fields), and the iframe's
// fallback height worked out. It is drawn for the reader's settings as the embed draws it
// (redraw.js): in the system's colours under forced colours, whatever theme is chosen, and with
// text as large as the reader's text size; the embed code's fallback height is the default size's.
import { FORCED, systemColours, textScale } from "../reader-settings.js";
import { renderChart } from "../render.js";
import { showClaims } from "./claims.js";
import { disableSnippets, showSnippets } from "./embed-code.js";
import { el, hooks, state } from "./page.js";
import { showWordsError } from "./release-words.js";
import { tableHint } from "./table-form.js";

// embed.html's page around the chart: 8 px padding top and bottom, the figure's 1.5em (22.5 px)
// margins and the "Show data" line add 84.4 px to the canvas (measured in Chromium); 88 leaves room
// for other fonts. The iframe's fallback height is the chart's tallest layout plus this.
const EMBED_EXTRA = 88;
// The chart widths that fallback height must hold: iframes from 280 px (a phone with page margins)
// to 800 px wide, less embed.html's 16 px padding; beyond that the plot stops growing and only the
// text gets shorter. The chart program finds its tallest layout among them (ChartView.tallest).
const FALLBACK_MIN = 264;
const FALLBACK_MAX = 784;

/** The theme chosen for the preview: the one chosen, or the reader's. */
export function chosenTheme() {
  const t = el.theme.value;
  if (t === "dark" || t === "light") return t;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** The theme the preview draws in: forced colours when the reader has them, else the one
 * chosen. */
export const previewTheme = () => (FORCED.matches ? "forced" : chosenTheme());

const previewWidth = () => el.canvas.clientWidth;

/** The reader's system colours ("r,g,b,…") when the preview draws in them, else "". */
function system() {
  if (previewTheme() !== "forced") return "";
  const rgb = systemColours(el.preview);
  el.preview.style.color = "";
  return rgb;
}

/** What the preview is drawn for: width/ratio/theme/text scale/system colours. */
function drawnFor() {
  const theme = previewTheme();
  return `${previewWidth()}/${devicePixelRatio}/${theme}/${textScale()}/${system()}`;
}

/** Draws `view` for the reader's settings: its theme, text scale and system colours. */
function paint(view) {
  const theme = previewTheme();
  const rgb = system();
  view.setForcedColors(new Uint8Array(rgb ? rgb.split(",").map(Number) : []));
  view.setTextScale(textScale());
  view.draw(previewWidth(), devicePixelRatio || 1, theme);
}

/** Draws the preview in the theme chosen at the default text size, without forced colours (for
 * an image of the chart); the next redraw draws it for the reader again. */
export function paintPlain() {
  if (!state.view) return;
  state.view.setForcedColors(new Uint8Array());
  state.view.setTextScale(1);
  state.view.draw(previewWidth(), devicePixelRatio || 1, chosenTheme());
  state.drawn = "";
}

/** The preview's box for the width and theme chosen. */
export function applyPreviewBox() {
  const phone = el.width.value !== "full";
  el.canvas.style.width = phone ? `${el.width.value}px` : "100%";
  el.preview.classList.toggle("phone", phone);
  el.preview.dataset.theme = previewTheme();
}

/** Redraws the preview at its current width and theme (after a resize or a theme change). */
export function redraw() {
  if (!state.view) return;
  const key = drawnFor();
  if (previewWidth() <= 0 || key === state.drawn) return;
  state.drawn = key;
  try {
    paint(state.view);
  } catch (e) {
    showSpecError(e);
  }
  showSnippets();
}

/** Validates and draws the spec in the editor; on success updates the snippets. */
export async function update() {
  const seq = ++state.seq;
  const text = el.spec.value;
  applyPreviewBox();
  let view;
  let fallback;
  try {
    if (!text.trim().startsWith("{"))
      throw new Error("spec: must be a JSON object, starting with {");
    view = await renderChart(el.canvas, text); // drawn light, at the default text size
    if (seq !== state.seq) return view.free();
    fallback = Math.ceil(view.tallest(FALLBACK_MIN, FALLBACK_MAX)) + EMBED_EXTRA;
    if (previewTheme() !== "light" || textScale() !== 1) paint(view);
  } catch (e) {
    if (seq !== state.seq) return;
    return invalid(e);
  }
  state.view?.free();
  Object.assign(state, { view, spec: JSON.parse(text), summary: view.summary(), fallback });
  state.drawn = drawnFor();
  state.valid = true;
  el.specError.textContent = "";
  el.spec.removeAttribute("aria-invalid");
  if (!state.tableProblem) el.tableError.textContent = "";
  showWordsError(null);
  el.preview.classList.remove("stale");
  el.download.disabled = false;
  showClaims(view);
  showSnippets();
  hooks.specChanged();
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Shows error `e` by the editor; a chart error about a field the table form made is also said
 * by the table, in its terms, and one about the words of a chart from a release by their field. */
export function showSpecError(e) {
  let message = e?.message ? e.message : String(e);
  if (e instanceof WebAssembly.RuntimeError) {
    message =
      `The chart program failed on this spec (a bug of ours, not your error: ${message}).` +
      " Reload the page to carry on.";
  }
  const fromTable = el.start.value === "table" && e?.path;
  const hint = fromTable ? tableHint(e.path, safeParse(el.spec.value)) : "";
  el.specError.textContent = hint ? `${message} (in your table form: ${hint})` : message;
  el.spec.setAttribute("aria-invalid", "true");
  if (hint) el.tableError.textContent = `${hint[0].toUpperCase()}${hint.slice(1)}: ${e.rule}`;
  showWordsError(el.start.value === "release" ? e : null);
}

function invalid(e) {
  state.valid = false;
  showClaims(null);
  showSpecError(e);
  el.preview.classList.toggle("stale", !!state.view);
  el.previewNote.textContent = state.view ? "The preview shows the last version that worked." : "";
  disableSnippets(`Fix the spec first: ${el.specError.textContent}`);
  hooks.specChanged();
}
