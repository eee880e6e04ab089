// The journalists' chart builder (builder.html): start from a default chart, a table pasted from
// a spreadsheet, a press release or a spreadsheet or CSV file, edit the spec as JSON, see it
// drawn live, then copy an embed snippet (iframe, script or web component) or download the chart
// as a PNG. Everything happens in this page: no requests but the chart program and the named
// charts' specs (and the publishing below), no storage, no cookies.
// Its steps are in lib/builder/; scripts/build-site.mjs bundles them, the loader's parts and the
// wasm's glue here.
// Served by the chart server (`offence-charts serve`) with publishing on, it also opens, checks
// and publishes published charts (lib/builder/publish.js): its only requests beyond the above.

import { download } from "./lib/builder/download.js";
import { copy, disableSnippets, showSnippets } from "./lib/builder/embed-code.js";
import { $, el, hooks, state } from "./lib/builder/page.js";
import { applyPreviewBox, redraw } from "./lib/builder/preview.js";
import {
  downloadSpec,
  idTyped,
  initPublishing,
  openPublished,
  publish,
  reopen,
  specChanged,
} from "./lib/builder/publish.js";
import {
  citeChanged,
  kindChanged,
  periodMoved,
  releaseChanged,
  sourceAdded,
  sourceRemoved,
  specEdited,
  wordChanged,
} from "./lib/builder/release.js";
import { openSourceForm } from "./lib/builder/release-sources.js";
import { WORD_FIELDS } from "./lib/builder/release-words.js";
import { initSheet } from "./lib/builder/sheet.js";
import { FIELDS, setMode, tableChanged } from "./lib/builder/start.js";
import { load } from "./lib/program.js";
import { FORCED } from "./lib/reader-settings.js";

export { escapeHtml } from "./lib/builder/escape.js";
export { componentSnippet, iframeSnippet, scriptSnippet } from "./lib/builder/snippets.js";
export { parseFigure, parseTable, tableToSpec } from "./lib/builder/table-form.js";

const DEBOUNCE_MS = 200;

function debounce(fn, ms) {
  let timer = 0;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

function wire() {
  const tableLater = debounce(tableChanged, DEBOUNCE_MS);
  el.spec.addEventListener("input", debounce(specEdited, DEBOUNCE_MS));
  el.table.addEventListener("input", tableLater);
  el.release.addEventListener("input", debounce(releaseChanged, DEBOUNCE_MS));
  el.releaseKind.addEventListener("change", kindChanged);
  for (const id of FIELDS) $(id).addEventListener(id === "f-mark" ? "change" : "input", tableLater);
  for (const [key, [id]] of Object.entries(WORD_FIELDS)) {
    const field = $(id);
    field.addEventListener(
      "input",
      debounce(() => wordChanged(key, field.value), DEBOUNCE_MS),
    );
  }
  $("r-source-add").addEventListener("click", () => openSourceForm(true));
  $("rs-cancel").addEventListener("click", () => openSourceForm(false));
  $("r-source-form").addEventListener("submit", (e) => {
    e.preventDefault();
    sourceAdded();
  });
  $("r-source-form").addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    openSourceForm(false);
  });
  $("r-source-list").addEventListener("click", (e) => {
    const remove = e.target.closest("button[data-source]");
    if (remove) sourceRemoved(Number(remove.dataset.source));
  });
  $("r-period-list").addEventListener("click", (e) => {
    const move = e.target.closest("button[data-move]");
    if (move) periodMoved(Number(move.dataset.move), Number(move.dataset.to), move.dataset.dir);
  });
  $("r-cite-list").addEventListener("change", (e) => {
    const menu = e.target.closest("select[data-figure]");
    if (menu) citeChanged(Number(menu.dataset.figure), Number(menu.value));
  });
  el.start.addEventListener("change", () => setMode(el.start.value));
  initSheet((fn) => debounce(fn, DEBOUNCE_MS));
  const reframe = () => {
    applyPreviewBox();
    redraw();
  };
  el.width.addEventListener("change", reframe);
  el.theme.addEventListener("change", () => {
    state.drawn = "";
    reframe();
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", reframe);
  FORCED.addEventListener("change", reframe);
  el.copyIframe.addEventListener("click", () => copy(el.codeIframe, "iframe"));
  el.copyScript.addEventListener("click", () => copy(el.codeScript, "script"));
  el.copyComponent.addEventListener("click", () => copy(el.codeComponent, "web component"));
  el.download.addEventListener("click", download);
  el.pin.addEventListener("change", showSnippets);
  hooks.specChanged = specChanged;
  $("open-form").addEventListener("submit", (e) => {
    e.preventDefault();
    openPublished();
  });
  $("publish-form").addEventListener("submit", (e) => {
    e.preventDefault();
    publish();
  });
  $("p-id").addEventListener("input", debounce(idTyped, DEBOUNCE_MS));
  $("p-reopen").addEventListener("click", reopen);
  $("download-spec").addEventListener("click", downloadSpec);
  let frame = 0; // a redraw is scheduled
  const resized = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      redraw();
    });
  };
  const observer = new ResizeObserver(resized);
  observer.observe(el.preview);
  // 1rem wide: it resizes when the reader's text size does, and the preview follows (redraw.js).
  const rem = document.createElement("div");
  rem.className = "rem-probe";
  rem.setAttribute("aria-hidden", "true");
  document.body.append(rem);
  observer.observe(rem);
}

wire();
el.download.disabled = true;
disableSnippets("Drawing the chart…");
try {
  await load();
} catch (e) {
  el.specError.textContent = `The chart program could not be loaded: ${e?.message ? e.message : e}`;
}
await Promise.all([setMode(el.start.value), initPublishing()]);
document.documentElement.dataset.ready = "true";
