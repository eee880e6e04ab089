// A chart by keyboard: the canvas takes focus (a ring in the theme's focus colour), shows the
// first figure's tooltip, and the arrow keys, Home and End step through the figures.
import { call } from "./charts.js";
import { colours } from "./tooltip.js";

/** The figure a key moves to from `i` of `n`; -1 to close the tooltip, null for other keys. */
function step(key, i, n) {
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
      return Math.min(n - 1, i + 1);
    case "ArrowLeft":
    case "ArrowUp":
      return Math.max(0, i - 1);
    case "Home":
      return 0;
    case "End":
      return n - 1;
    case "Escape":
      return -1;
    default:
      return null;
  }
}

/** Makes `chart`'s canvas focusable and steps its tooltips `tips` by keyboard. */
export function keyboard(chart, tips) {
  const { figure: fig, canvas, frame } = chart;
  canvas.tabIndex = 0; // once there is a chart (the figure is placed before the program arrives)
  canvas.addEventListener("focus", () => {
    // A ring of the theme's first series colour, at least 3:1 against either background; on the
    // frame, which would clip the canvas's own outline.
    if (canvas.matches(":focus-visible")) {
      frame.style.outline = `3px solid ${colours(fig.dataset.ocTheme)[2]}`;
    }
    frame.style.outlineOffset = "2px";
    tips.show(Math.max(0, tips.current), true);
  });
  canvas.addEventListener("blur", () => {
    frame.style.outline = "";
    tips.hide();
  });
  canvas.addEventListener("keydown", (e) => {
    const n = call(chart, (v) => v.markCount(), 0);
    if (!n) return;
    const i = step(e.key, Math.max(0, tips.current), n);
    if (i === null) return;
    if (i < 0) return tips.hide();
    e.preventDefault();
    tips.show(i, true);
  });
}
