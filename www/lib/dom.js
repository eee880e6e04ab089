// Building the page around a chart: elements with inline styles set through the CSSOM (which the
// strict CSP's style-src 'self' allows), in the charts' own font.
import { FONT_FAMILY } from "../shared.js";

/** The charts' font stack, for the text around them (tooltip, table, messages). */
export const FONT = FONT_FAMILY;

/** `<tag class=…>` with inline styles `css` and text `text`. */
export function el(tag, className, css, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (css) e.style.cssText = css;
  if (text !== undefined) e.textContent = text;
  return e;
}
