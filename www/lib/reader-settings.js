// The reader's settings a chart is drawn for, as the loader (redraw.js) and the builder's preview
// (builder/preview.js) read them: forced colours (Windows' contrast themes) and their system
// colours, and the text size (the root font size against the default 16 px).

export const FORCED = matchMedia("(forced-colors: active)");
// The system colours a "forced" chart draws with, in the order view.setForcedColors takes them.
const SYSTEM = ["Canvas", "CanvasText", "GrayText", "Highlight", "HighlightText", "LinkText"];

/** The reader's system colours as `probe` (an element in the page) resolves them, "r,g,b,…" (a
 * colour's alpha is left out: the colour the system names is drawn). */
export function systemColours(probe) {
  return SYSTEM.flatMap((c) => {
    probe.style.color = c;
    return getComputedStyle(probe)
      .color.match(/[\d.]+/g)
      .slice(0, 3);
  }).join();
}

/** The reader's text size against the default: the root font size / 16 px (1 if unknown). (The
 * preview's; redraw.js writes the same inline: as a call it costs the reader's bundle bytes.) */
export const textScale = () =>
  parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1;
