// Where a chart starts: one of the named charts' specs, or the table form (a pasted table and a
// few fields), which writes the spec.
import { namedSpec } from "../named.js";
import { showSnippets } from "./embed-code.js";
import { isWebAddress } from "./escape.js";
import { $, el, state } from "./page.js";
import { showSpecError, update } from "./preview.js";
import { showReleaseSpec } from "./release.js";
import { showSheetSpec } from "./sheet.js";
import { tableToSpec } from "./table-form.js";

// What the table form starts with: the trend chart's figures, as a spreadsheet would paste them.
const EXAMPLE_TABLE =
  "Period\tRecorded offences\nApr 2018–Feb 2019\t1,573\nApr 2019–Feb 2020\t1,694\n";
const EXAMPLE_FIELDS = {
  "f-title": "Online child sexual abuse offences recorded in Scotland rose by 7.7 %",
  "f-subtitle":
    "Offences recorded by Police Scotland, April to February (11 months, not full years)",
  "f-unit": "offences",
  "f-source": "Police Scotland, #GetHelpOrGetCaught campaign release",
  "f-date": "April 2020",
  "f-url": "",
};
/** The table form's fields. */
export const FIELDS = ["f-title", "f-subtitle", "f-unit", "f-mark", "f-source", "f-date", "f-url"];
const STEPS = [
  "step-start",
  "step-table",
  "step-release",
  "step-sheet",
  "step-spec",
  "step-preview",
  "step-publish",
  "step-embed",
];

function formValues() {
  const v = (id) => $(id).value.trim();
  return {
    title: v("f-title"),
    subtitle: v("f-subtitle"),
    unit: v("f-unit"),
    mark: v("f-mark"),
    source: v("f-source"),
    date: v("f-date"),
    url: v("f-url"),
  };
}

/** Rewrites the spec from the table form and previews it; or says what is wrong with the table. */
export function tableChanged() {
  let spec;
  try {
    const form = formValues();
    if (form.url && !isWebAddress(form.url)) {
      throw new Error("The source URL must start with http:// or https:// and contain no spaces.");
    }
    spec = tableToSpec(el.table.value, form);
  } catch (e) {
    state.tableProblem = e.message;
    el.tableError.textContent = e.message;
    el.table.setAttribute("aria-invalid", "true");
    showSnippets();
    return Promise.resolve();
  }
  state.tableProblem = "";
  el.tableError.textContent = "";
  el.table.removeAttribute("aria-invalid");
  el.spec.value = JSON.stringify(spec, null, 2);
  return update();
}

/** Starts from `mode`: a named chart's spec, "table" (the form, with an example if empty),
 * "release" (the chart made from it so far), "sheet" (the chart made from the spreadsheet so
 * far) or "published" (the published chart opened). */
export async function setMode(mode) {
  const table = mode === "table";
  const release = mode === "release";
  const sheet = mode === "sheet";
  el.tableStep.hidden = !table;
  el.releaseStep.hidden = !release;
  $("sheet-step").hidden = !sheet;
  el.specTableNote.hidden = !table;
  // Number the steps as they are shown.
  const shown = STEPS.filter(
    (id) =>
      (table || id !== "step-table") &&
      (release || id !== "step-release") &&
      (sheet || id !== "step-sheet"),
  );
  shown.forEach((id, i) => {
    $(id).querySelector(".num").textContent = String(i + 1);
  });
  if (table) {
    if (!el.table.value.trim()) {
      el.table.value = EXAMPLE_TABLE;
      for (const [id, value] of Object.entries(EXAMPLE_FIELDS))
        if (!$(id).value) $(id).value = value;
    }
    return tableChanged();
  }
  state.tableProblem = "";
  el.tableError.textContent = "";
  // From a release: the spec is written as figures are chosen (until then, the last one stays;
  // back from another start, the chart made from the release so far comes back).
  if (release) return showReleaseSpec();
  // From a spreadsheet: the chart made from the file opened so far, if any.
  if (sheet) return showSheetSpec();
  // A published chart (publish.js opened it): its spec as published, the last one opened.
  if (mode === "published") {
    if (state.published) el.spec.value = JSON.stringify(state.published.spec, null, 2);
    return update();
  }
  // The starters are the named charts' own files (data/*.json), fetched as the loader does.
  try {
    el.spec.value = JSON.stringify(JSON.parse(await namedSpec(mode)), null, 2);
  } catch (e) {
    el.spec.value = "";
    showSpecError(e);
    return;
  }
  return update();
}
