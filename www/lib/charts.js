// The page's live charts, and what happens when one's WebAssembly traps: that chart shows the
// message, and every other chart of that instance moves to a fresh one.
import { errorBox } from "./errors.js";
import { replace, trapMessage } from "./program.js";

/** Every live chart: `{m, view, figure, frame, canvas, tip, live, source, redraw}`. */
export const charts = new Set();

/** Calls `fn` with the chart's view; after a trap there, breaks only this chart (the others move
 * on) and returns `fallback`. Other errors are thrown. */
export function call(chart, fn, fallback) {
  try {
    return fn(chart.view);
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    broken(chart, trapMessage(e));
    restart(chart.m);
    return fallback;
  }
}

/** Takes `chart` out of the page, putting `message` in its place. */
export function broken(chart, message) {
  charts.delete(chart);
  if (chart.figure.isConnected) chart.figure.replaceWith(errorBox(message));
}

/** Starts a fresh instance once the `dead` one trapped, and moves its charts there. */
export async function restart(dead) {
  const m = await replace(dead);
  for (const chart of charts) {
    if (chart.m !== dead) continue;
    try {
      chart.view = m.renderChart(chart.canvas, chart.source.text);
      chart.view.keepBitmap();
      chart.m = m;
      chart.redraw(true);
    } catch (e) {
      broken(chart, e.message);
    }
  }
}
