// Keeping a chart drawn for its place: redrawn on resize, zoom, theme change and for print.
import { broken, call, charts } from "./charts.js";

/** Calls `then` once the page's pixel ratio changes (zoom, another screen), and again after each
 * change: a media query on the current ratio fires once. */
function onRatioChange(then) {
  matchMedia(`(resolution: ${devicePixelRatio}dppx)`).addEventListener(
    "change",
    () => {
      then();
      onRatioChange(then);
    },
    { once: true },
  );
}

/** Gives `chart` its `redraw(force)`, draws it, and redraws it whenever its width, the pixel ratio
 * or the reader's theme changes (at most once a frame); prints it sharp and light. `tips` is its
 * tooltip, told of each redraw. */
export function redrawing(chart, tips) {
  const { figure: fig, frame: clip, source } = chart;
  const forced = source.theme === "dark" || source.theme === "light" ? source.theme : null;
  const dark = matchMedia("(prefers-color-scheme: dark)");
  let drawn = ""; // what was drawn last: width/ratio/theme
  let frame = 0; // a redraw is scheduled
  // Draws, then clips the frame to the chart (the canvas may be larger: see figure.js).
  const paint = (width, dpr, theme) => {
    const height = call(chart, (v) => v.draw(width, dpr, theme));
    if (height > 0) clip.style.height = `${height}px`;
    fig.dataset.ocWidth = width;
  };
  chart.redraw = (force) => {
    frame = 0;
    if (force) drawn = "";
    const width = Math.round(fig.clientWidth);
    const theme = forced || (dark.matches ? "dark" : "light");
    const key = `${width}/${devicePixelRatio}/${theme}`;
    if (width <= 0 || key === drawn || !charts.has(chart)) return;
    drawn = key;
    try {
      paint(width, devicePixelRatio || 1, theme);
    } catch (e) {
      return broken(chart, e.message);
    }
    fig.dataset.ocTheme = theme;
    tips.redrawn(theme);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(() => chart.redraw(false));
  };
  chart.redraw(true); // the first paint
  new ResizeObserver(schedule).observe(fig);
  dark.addEventListener("change", schedule);
  onRatioChange(schedule);
  addEventListener("beforeprint", () => {
    if (!charts.has(chart)) return;
    drawn = "";
    paint(Math.round(fig.clientWidth), Math.max(3, devicePixelRatio), "light");
  });
  addEventListener("afterprint", () => chart.redraw(true));
}
