// "Download image": the preview canvas as a PNG named after the chart's title.
import { el, state } from "./page.js";
import { paintPlain, redraw } from "./preview.js";
import { slug } from "./slug.js";

function save(blob) {
  if (!blob) {
    el.previewNote.textContent = "The browser could not make an image of the chart.";
    return;
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `${slug(state.spec?.title)}.png`;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Downloads the preview as a PNG: in the theme chosen at the default text size, whatever the
 * reader's settings draw the preview in (toBlob takes the pixels as they are when called). */
export function download() {
  if (!state.view) return;
  paintPlain();
  el.canvas.toBlob(save, "image/png");
  redraw();
}
