// renderChart: the JS API's one call that draws a chart on a canvas of the caller's.
import { namedSpec } from "./named.js";
import { load } from "./program.js";

/** Draws `spec` (JSON text, object or default chart name) on `canvas`; throws an Error if bad
 * (an empty or blank text is a spec, and says it is empty). */
export async function renderChart(canvas, spec) {
  const named = typeof spec === "string" && /^\s*[^\s{]/.test(spec);
  const [m, s] = await Promise.all([load(), named ? namedSpec(spec.trim()) : spec]);
  return m.renderChart(canvas, s);
}
