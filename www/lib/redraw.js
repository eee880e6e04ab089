// Keeping a chart drawn for its place: redrawn on resize, zoom, the reader's text size, theme and
// forced colours, and for print (light, sharp, at the printed width).
import { broken, call, charts } from "./charts.js";
import { FORCED, systemColours } from "./reader-settings.js";

const DARK = matchMedia("(prefers-color-scheme: dark)");
const PRINT = matchMedia("print");

let printing = false; // between beforeprint and afterprint
// Chromium fires beforeprint, then lays the page out for paper and tells print media listeners
// (that layout's width is the printed one), then afterprint; emulated print media only the last.
const all = () => {
  for (const chart of charts) chart.redraw(true);
};
addEventListener("beforeprint", () => {
  printing = true;
  all();
});
addEventListener("afterprint", () => {
  printing = false;
  all();
});
for (const q of [PRINT, FORCED, DARK]) q.addEventListener("change", all);

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

/** Gives `chart` its `redraw(force)`, draws it, and redraws it whenever its width, the pixel ratio,
 * the root font size or the reader's theme changes (at most once a frame); prints it sharp and
 * light. Its theme is the nearest `data-theme` ("dark" or "light") from its figure up, else the
 * reader's; forced colours win over both. `tips` is its tooltip, told of each redraw. */
export function redrawing(chart, tips) {
  const { figure: fig, frame: clip, live } = chart;
  let drawn = ""; // what was drawn last: width/ratio/theme/text scale/system colours
  let frame = 0; // a redraw is scheduled
  chart.redraw = (force) => {
    frame = 0;
    if (force) drawn = "";
    const width = Math.round(fig.clientWidth);
    const paper = printing || PRINT.matches;
    // "Show data" cannot be opened on paper: hidden while printing.
    const data = fig.querySelector(".oc-data");
    if (data) data.hidden = paper;
    const dpr = paper ? Math.max(3, devicePixelRatio) : devicePixelRatio || 1;
    const own = fig.closest("[data-theme]")?.dataset.theme;
    let theme = own === "dark" || own === "light" ? own : DARK.matches ? "dark" : "light";
    if (paper) theme = "light";
    else if (FORCED.matches) theme = "forced";
    const system = theme === "forced" ? systemColours(live) : "";
    const scale = parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1;
    const key = `${width}/${dpr}/${theme}/${scale}/${system}`;
    if (width <= 0 || key === drawn || !charts.has(chart)) return;
    drawn = key;
    // On paper a new backing store: drawn over the screen's (same pixel ratio, large enough),
    // Chromium printed the canvas as a bitmap whose words were missing from the PDF's text.
    if (paper) chart.canvas.width = 0;
    try {
      const height = call(chart, (v) => {
        if (system) v.setForcedColors(new Uint8Array(system.split(",")));
        v.setTextScale(scale);
        return v.draw(width, dpr, theme);
      });
      if (height > 0) clip.style.height = `${height}px`;
      fig.dataset.ocWidth = width;
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
  const resized = new ResizeObserver(schedule);
  resized.observe(fig);
  resized.observe(live); // 1rem wide: it resizes when the reader's text size does
  onRatioChange(schedule);
}
