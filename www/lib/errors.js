// What a reader sees instead of a chart that could not be drawn: the message, and without the
// program, the figures of a spec written into the page in a plain table.
import {
  APPROX,
  FIGURE_WORDS,
  MAX_TABLE_ROWS,
  NOT_AVAILABLE,
  PERIOD_HEADING,
  RATE_HEADINGS,
} from "../shared.js";
import { el, FONT } from "./dom.js";

/** What the plain table shares with the data table (see fallback.js). */
const TABLE = {
  APPROX,
  FIGURE_WORDS,
  MAX_TABLE_ROWS,
  NOT_AVAILABLE,
  PERIOD_HEADING,
  RATE_HEADINGS,
};

/** A box saying why the chart could not be drawn (`message` shown as text only). */
export function errorBox(message) {
  const box = el(
    "figure",
    "oc-chart oc-error",
    "margin:1.5em 0;padding:12px 14px;border:1px solid #b00020;border-left-width:4px;" +
      `border-radius:2px;font:max(14px,.875rem)/1.4 ${FONT};overflow-wrap:anywhere;` +
      "break-inside:avoid",
  );
  box.dataset.ocState = "error";
  const p = el("p", "", "margin:0", "This chart could not be drawn: ");
  p.setAttribute("role", "alert");
  p.append(el("code", "", "font:inherit;font-weight:bold", message));
  box.append(p);
  return box;
}

/** The box for a chart whose program could not load (blocked, 404, wrong MIME type), `error`
 * being why, with the figures of spec text `text` if it has any. The table's code is loaded only
 * then (the embed page's script has it as a chunk of its own); if that fails too, the message
 * stands alone. */
export async function unloadedBox(error, text) {
  const why = error?.message ? error.message : String(error);
  const box = errorBox(`the chart program could not be loaded (${why}).`);
  const table = await import("./fallback.js").then(
    ({ plainTable }) => plainTable(text, TABLE),
    () => null,
  );
  if (table) box.append(table);
  return box;
}
