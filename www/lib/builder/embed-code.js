// The embed step: the three snippets for the last valid spec, or why there are none; copying them.
// For a published chart (opened or just published, publish.js) they name its address: short codes
// that show its latest version wherever they are pasted, or the version shown, pinned.
import { el, state } from "./page.js";
import { componentSnippet, iframeSnippet, scriptSnippet } from "./snippets.js";

// A published chart's page has up to two lines under the chart (its version and Changes link; a
// later version exists): 2 × 18.2 px of text and 2 × .4em margins, and room for other fonts.
const NOTES_EXTRA = 48;
// Longer iframe addresses than this may be cut by a CMS; browsers refuse beyond about 2 MB.
const LONG_URL = 8000;
const MAX_URL = 2_000_000;

/** Every snippet replaced by `why`, their copy buttons off. */
export function disableSnippets(why) {
  for (const [code, button] of [
    [el.codeIframe, el.copyIframe],
    [el.codeScript, el.copyScript],
    [el.codeComponent, el.copyComponent],
  ]) {
    code.value = why;
    button.disabled = true;
  }
  el.copyNote.textContent = "";
}

/** The snippets of the last valid spec, and under the preview what the iframe will do. */
export function showSnippets() {
  if (!state.valid) return; // they say what to fix already
  if (el.start.value === "table" && state.tableProblem) {
    disableSnippets(`Fix the table first: ${state.tableProblem}`);
    return;
  }
  const theme = el.theme.value;
  const { spec, summary, fallback } = state;
  const address = addressOf();
  const height = fallback + (address ? NOTES_EXTRA : 0);
  const iframe = iframeSnippet(spec, { height, summary, theme, address });
  const src = /src="([^"]*)"/.exec(iframe)[1];
  el.codeIframe.value = iframe;
  el.copyIframe.disabled = src.length > MAX_URL;
  el.codeScript.value = scriptSnippet(spec, { summary, theme, address });
  el.copyScript.disabled = false;
  el.codeComponent.value = componentSnippet(spec, { summary, theme, address });
  el.copyComponent.disabled = false;
  const shown = Math.round(state.view ? state.view.height : 0);
  let note =
    `Drawn ${el.canvas.clientWidth} px wide, ${shown} px tall. ` +
    `The iframe starts ${Math.ceil(height)} px tall and then fits the chart.`;
  if (src.length > MAX_URL) {
    note += " This chart has too many figures for an iframe: use the script code.";
  } else if (src.length > LONG_URL) {
    const length = src.length.toLocaleString("en-GB");
    note +=
      ` The iframe address is long (${length} characters);` +
      " if your CMS cuts it, use the script code.";
  }
  el.previewNote.textContent = note;
}

/** The published chart the codes name, if the builder holds one (publish.js): its address, the
 * version shown and whether the codes pin it; its box in the embed step says so. */
function addressOf() {
  const p = el.start.value === "published" ? state.published : null;
  el.addressBox.hidden = !p;
  if (!p) return null;
  const pin = el.pin.checked;
  el.pinLabel.textContent = `Pin version ${p.version}`;
  el.addressNote.textContent = pin
    ? `These codes show version ${p.version} of the chart “${p.id}” for good, ` +
      "with a line under it when a later version exists."
    : `These codes show the chart published at “${p.id}”: version ${p.version} now, ` +
      "and each later version (an update, a correction) as soon as it is published, " +
      "with no change to the article. Edits here reach them once published.";
  return { ...p, pin };
}

const COPIED = "code. Paste it into an HTML or embed block in your CMS.";

/** Copies `textarea`'s snippet (called `label`) to the clipboard, or selects it for the reader to
 * copy if the browser refuses. */
export async function copy(textarea, label) {
  const text = textarea.value;
  try {
    if (!navigator.clipboard || !window.isSecureContext) throw new Error("no clipboard");
    await navigator.clipboard.writeText(text);
    el.copyNote.textContent = `Copied the ${label} ${COPIED}`;
  } catch {
    textarea.focus();
    textarea.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    el.copyNote.textContent = copied
      ? `Copied the ${label} ${COPIED}`
      : `The ${label} code is selected: press Ctrl+C (⌘C on a Mac) to copy it.`;
  }
}
