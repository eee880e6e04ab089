// renderChart: the JS API's one call that draws a chart on a canvas of the caller's.
import { namedSpec } from "./named.js";
import { load } from "./program.js";

/** Draws `spec` (JSON text, object or default chart name) on `canvas`; throws an Error if bad. */
export async function renderChart(canvas, spec) {
  const named = typeof spec === "string" && !spec.trim().startsWith("{");
  const [m, s] = await Promise.all([load(), named ? namedSpec(spec.trim()) : spec]);
  return m.renderChart(canvas, s);
}
