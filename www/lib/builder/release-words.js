// The chart's words when starting from a release: the fields for the title, subtitle, a trend's
// unit and series name, and notes (release-spec.js reads and writes them in a spec). They show
// the words of the chart chosen under Make, and say which of them the chart's check refuses.
import { $ } from "./page.js";
import { wordsOf } from "./release-spec.js";

/** Each word's field and its name, by its key in wordsOf. */
export const WORD_FIELDS = {
  title: ["r-title", "Title"],
  subtitle: ["r-subtitle", "Subtitle"],
  unit: ["r-unit", "Unit"],
  series: ["r-series", "Series name"],
  notes: ["r-notes", "Notes"],
};

/** Fills the fields with `spec`'s words; the unit and series name are shown for a trend only. */
export function showWords(spec) {
  const words = wordsOf(spec);
  for (const [key, [id]] of Object.entries(WORD_FIELDS))
    if ($(id).value !== words[key]) $(id).value = words[key];
  for (const box of $("r-words").querySelectorAll("[data-trend]"))
    box.hidden = spec.kind !== "trend";
}

/** The word a chart error's `path` ("title", "notes[1]", "series[0].name") is in, or null. */
function wordAt(path) {
  const [field, i, sub] = String(path ?? "")
    .split(/[.[\]]+/)
    .filter(Boolean);
  if (field === "series") return i === "0" && sub === "name" ? "series" : null;
  return ["title", "subtitle", "unit", "notes"].includes(field) ? field : null;
}

/** Says chart error `e` by its field too when it is in the words (the field marked invalid);
 * without one, or with another, clears what was said there. */
export function showWordsError(e) {
  const key = e ? wordAt(e.path) : null;
  for (const [k, [id]] of Object.entries(WORD_FIELDS)) {
    if (k === key) $(id).setAttribute("aria-invalid", "true");
    else $(id).removeAttribute("aria-invalid");
  }
  $("r-words-error").textContent = key ? `${WORD_FIELDS[key][1]}: ${e.rule}` : "";
}
