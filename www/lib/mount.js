// Mounting a chart: a spec script on the page becomes a figure with the chart drawn in it, its
// tooltips, keyboard steps and data table; or the message of what went wrong.
import { call, charts, restart } from "./charts.js";
import { FONT } from "./dom.js";
import { errorBox, unloadedBox } from "./errors.js";
import { figure, warmFonts } from "./figure.js";
import { keyboard } from "./keyboard.js";
import { namedSpec } from "./named.js";
import { load, responded, trapMessage } from "./program.js";
import { redrawing } from "./redraw.js";
import { release, slotFor } from "./slot.js";
import { dataTable } from "./table.js";
import { pointerTips, tooltip } from "./tooltip.js";
import { unautop } from "./unautop.js";

/** The spec scripts a page holds. */
export const SELECTOR = 'script[type="application/json"][data-offence-chart]';

/** Mounts every chart spec under `root` now (not lazily); resolves to the number drawn. */
export async function mountAll(root = document) {
  const views = await Promise.all([...root.querySelectorAll(SELECTOR)].map(mountOne));
  return views.filter(Boolean).length;
}

/** Mounts the chart of spec script `script`; resolves to the chart, or null if it shows an error
 * instead (or was mounted already). */
export async function mountOne(script) {
  if (!script.isConnected) return null; // mounted already by another call
  const { offenceChart: name = "", theme = "", ocId, ocVersion } = script.dataset;
  const source = { body: unautop(script.textContent), name, theme };
  // The spec's fetch and the program's start come first, then what can be done while they are on
  // their way: the figure put in place and measured and the chart's fonts looked up, so that once
  // both arrive the chart is drawn straight away. A published chart's address (data-oc-id, and
  // data-oc-version to pin one) says where its spec is; else a body is always the spec (even if it
  // is not JSON); the attribute's name counts only without one. None is an empty spec: its message.
  // Published charts' code is a chunk of its own (lazy), loaded only for them.
  const pub =
    ocId === undefined ? null : published().then((p) => p.publishedChart(ocId, ocVersion ?? null));
  const named = !pub && source.name && !source.body.trim();
  const text = pub
    ? pub.then((c) => c.text)
    : named
      ? namedSpec(source.name)
      : Promise.resolve(source.body);
  text.catch(() => {}); // reported below, once the program has loaded or failed to
  const program = load();
  program.catch(() => {});
  const slot = slotFor(script);
  await responded(); // the wasm compiles meanwhile (on another thread)
  if (!script.isConnected) return null; // mounted already by another call
  const fig = figure(source.theme);
  script.replaceWith(fig.el);
  warmFonts(fig);
  let m;
  try {
    m = await program;
  } catch (e) {
    const box = await unloadedBox(e, await text.catch(() => ""));
    release(slot);
    fig.el.replaceWith(box);
    return null;
  }
  const view = await open(m, fig, source, text, slot);
  if (!view) return null;
  const { frame, canvas, tip, live } = fig;
  // Under a published chart: its version, a link to its changes, whether a later one exists.
  const notes = pub ? (await published()).publishedNotes(await pub, NOTES_CSS) : [];
  return place({ m, view, figure: fig.el, frame, canvas, tip, live, source }, slot, notes);
}

/** The published charts' module (lib/published.js), a chunk of its own in the embed page's script:
 * a named or inline chart never loads it. */
export const published = () => import("./published.js");

const NOTES_CSS = `margin:.4em 0 0;font:max(13px,.8125rem)/1.4 ${FONT}`;

/** The chart's view once its spec has arrived; null, with its message in the figure's place, if
 * the spec is bad (or the figure was taken out of the page meanwhile). */
async function open(m, fig, source, text, slot) {
  try {
    source.text = await text;
    if (!fig.el.isConnected) return null;
    const view = m.openChart(fig.canvas, source.text);
    view.keepBitmap();
    return view;
  } catch (e) {
    const trapped = e instanceof WebAssembly.RuntimeError;
    release(slot);
    fig.el.replaceWith(errorBox(trapped ? trapMessage(e) : e.message));
    if (trapped) restart(m);
    return null;
  }
}

/** Draws `chart` and wires it up, `notes` (elements) under its data table; resolves to it once it
 * is ready. */
function place(chart, slot, notes) {
  charts.add(chart);
  const tips = tooltip(chart);
  redrawing(chart, tips); // draws it
  keyboard(chart, tips);
  pointerTips(chart, tips);
  release(slot);
  if (!charts.has(chart)) return null; // its first draw failed: the message is in its place
  const table = call(chart, (view) => view.table(), null);
  if (!table) return null; // it trapped making its table: the message is in its place
  dataTable(chart.figure, table);
  chart.figure.append(...notes);
  chart.figure.dataset.ocState = "ready";
  chart.figure.dispatchEvent(new CustomEvent("offence-charts:drawn", { bubbles: true }));
  return chart;
}
