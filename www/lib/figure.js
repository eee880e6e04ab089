// The figure around a chart: a frame clipping the canvas, a tooltip and a live region for screen
// readers; and the chart's fonts looked up while the program is on its way.
import { FONTS, PHONE_BELOW } from "../shared.js";
import { el, FONT } from "./dom.js";

// (The live region is 1rem wide, so that it resizes with the reader's text: see redraw.js.)
const VISUALLY_HIDDEN =
  "position:absolute;width:1rem;height:1px;margin:-1px;padding:0;overflow:hidden;" +
  "clip-path:inset(50%);white-space:nowrap;border:0";

/** A new figure (`theme` forced, if given): `{el, frame, canvas, tip, live}`. */
export function figure(theme) {
  const fig = el(
    "figure",
    "oc-chart",
    "margin:1.5em 0;padding:0;position:relative;max-width:100%;min-width:0;break-inside:avoid",
  );
  if (theme) fig.dataset.theme = theme;
  // The frame clips the canvas to the chart: the canvas keeps a larger backing store (and its CSS
  // size) when the chart narrows, so that a redraw at a smaller size allocates no new pixels.
  const frame = el(
    "div",
    "oc-frame",
    "position:relative;width:100%;overflow:hidden;border-radius:2px",
  );
  const canvas = el("canvas", "oc-canvas", "display:block;touch-action:pan-y");
  // Its colours are the theme's (see tooltip.js); its border shows only in forced colours.
  const tip = el(
    "div",
    "oc-tip",
    "position:absolute;z-index:2;pointer-events:none;max-width:16em;padding:5px 8px;" +
      "border:1px solid transparent;" +
      `border-radius:3px;font:max(13px,.8125rem)/1.35 ${FONT};box-shadow:0 1px 4px rgba(0,0,0,.3)`,
  );
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  frame.append(canvas);
  const live = el("div", "oc-live", VISUALLY_HIDDEN);
  live.setAttribute("aria-live", "polite");
  fig.append(frame, tip, live); // the tip outside the clipping frame, at the same origin
  return { el: fig, frame, canvas, tip, live };
}

/** Measures the figure's width (the one layout forced for it) and looks up the fonts a chart of
 * that width draws with (a few ms each in a new renderer), so that its first draw need not. */
export function warmFonts(fig) {
  const width = Math.round(fig.el.clientWidth);
  const ctx = fig.canvas.getContext("2d");
  for (const font of FONTS[+(width >= PHONE_BELOW)]) {
    ctx.font = font;
    ctx.measureText("0");
  }
}
