// A chart's tooltip: shown for the figure under the pointer or in keyboard focus, in the theme's
// colours reversed (its text colour as background), and said by the live region when asked.
import { THEMES } from "../shared.js";
import { call } from "./charts.js";

/** The tooltip's background and text colours and the focus ring's in `theme`: the theme's
 * own, reversed; in forced colours the system's, not reversed (the browser backs text with
 * Canvas, which would hide Canvas-coloured text). */
export function colours(theme) {
  const t = THEMES[theme];
  return t ? [t.text, t.background, t.focus] : ["Canvas", "CanvasText", "Highlight"];
}

function lines(tip, texts) {
  const head = document.createElement("strong");
  head.textContent = texts[0];
  const rest = texts.slice(1).map((text) => {
    const line = document.createElement("div");
    line.textContent = text;
    return line;
  });
  tip.replaceChildren(head, ...rest);
}

/** The tooltip of `chart`: `{show(i, announce), hide(), current, redrawn(theme)}`. */
export function tooltip(chart) {
  const { figure: fig, tip, live } = chart;
  let current = -1;
  const hide = () => {
    tip.hidden = true;
    current = -1;
  };
  const show = (i, announce) => {
    const texts = call(chart, (v) => v.tip(i), []);
    if (!texts.length) return hide();
    current = i;
    lines(tip, texts);
    tip.hidden = false;
    const [x, y] = call(chart, (v) => v.anchor(i), [0, 0]);
    const left = Math.min(x - tip.offsetWidth / 2, fig.clientWidth - tip.offsetWidth);
    tip.style.left = `${Math.max(0, left)}px`;
    const above = y - tip.offsetHeight - 10;
    tip.style.top = `${above >= 0 ? above : y + 12}px`;
    if (announce) live.textContent = texts.join(". ");
  };
  return {
    show,
    hide,
    get current() {
      return current;
    },
    /** After a redraw in `theme`: its colours, and the open tooltip put back on its figure. */
    redrawn(theme) {
      [tip.style.background, tip.style.color] = colours(theme);
      if (current >= 0) show(current, false);
    },
  };
}

/** Tooltips for the pointer: hover with a mouse, a tap (said aloud too) on touch. */
export function pointerTips(chart, tips) {
  const { canvas } = chart;
  const point = (e) => {
    const r = canvas.getBoundingClientRect();
    const i = call(chart, (v) => v.markAt(e.clientX - r.left, e.clientY - r.top), -1);
    if (i >= 0) tips.show(i, e.pointerType !== "mouse");
    else if (document.activeElement !== canvas) tips.hide();
  };
  canvas.addEventListener("pointermove", point);
  canvas.addEventListener("pointerdown", point);
  canvas.addEventListener("pointerleave", () => {
    if (document.activeElement !== canvas) tips.hide();
  });
}
