// Start from a release: the release's text pasted, every figure the builder's program finds in it
// (findFigures) marked as a button, and for the figure chosen a small form that adds it to the
// chart being made (release-spec.js says what it becomes): to a trend as a period's value, the
// period labelled and named there; to a rate chart as a category's recorded, detected or
// published rate, with the figures that belong together at once. Keyboard first: the form opens
// after its figure with the focus in it, Enter adds, Escape closes, and the focus goes back to
// the figure; what was added is announced. Figures join the spec in the editor, hand edits kept.
// The chart's words are fields too (release-words.js): typing there writes them into the spec,
// and a hand edit of the spec shows in them; the last edit wins. So are its sources
// (release-sources.js): listed, another added, one no figure comes from removed. A trend's periods
// are listed to be moved up and down, their figures with them, and each figure with the source it
// cites, to be changed (release-periods.js).
import { LIMITS } from "../../shared.js";
import { load } from "../program.js";
import { isWebAddress } from "./escape.js";
import { el, state } from "./page.js";
import { update } from "./preview.js";
import {
  figureText,
  periodText,
  sayCites,
  sayPeriods,
  showCites,
  showPeriods,
} from "./release-periods.js";
import {
  formSource,
  openSourceForm,
  saySources,
  showSources,
  sourceName,
  sourcesCount,
} from "./release-sources.js";
import {
  addToRate,
  addToTrend,
  citeSource,
  citing,
  emptySpec,
  figurePlaces,
  groupRoles,
  movePeriod,
  periodLabel,
  periodName,
  ROLES,
  sourceIndex,
  takesFigures,
  withoutSource,
  withWord,
} from "./release-spec.js";
import { showWords } from "./release-words.js";

const ROLE_NAMES = { recorded: "recorded", detected: "detected", rate: "published rate" };
const FORM_ID = "figure-form";

/** The figure whose form is open: its button, the form, and the release's figures. */
const open = { button: null, form: null, figures: [], i: -1 };

/** An element: `props` set as properties where the element has them, else as attributes. */
function make(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k in e && k !== "list") e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

/** The source the release's fields describe, as a spec source. */
function releaseSource() {
  const source = { name: el.releaseSource.value.trim() || "Press release" };
  const date = el.releaseDate.value.trim();
  const url = el.releaseUrl.value.trim();
  if (date) source.date = date;
  if (isWebAddress(url)) source.url = url;
  return source;
}

/** The editor's spec, when it is the chart of `kind` being made from the release (with any hand
 * edits), else null. */
function edited(kind) {
  if (!state.releaseSpecs[kind]) return null;
  try {
    const spec = JSON.parse(el.spec.value);
    return takesFigures(spec, kind) ? spec : null;
  } catch {
    return null; // not JSON just now
  }
}

/** The spec figures of `kind` join: the editor's, else the one last made, else a new one. */
function specFor(kind) {
  const made = state.releaseSpecs[kind];
  return edited(kind) ?? (made ? structuredClone(made) : emptySpec(kind));
}

/** The chart chosen under "Make": "trend" or "rate". */
const chosenKind = () => el.releaseKind.querySelector("input:checked")?.value ?? "trend";

/** Shows `spec`'s words, sources, periods and figures' sources in their fields (the focus to the
 * Remove button at `focusAt` of the sources, if given). */
function showFields(spec, focusAt) {
  showWords(spec);
  showSources(spec, focusAt);
  showPeriods(spec);
  showCites(spec);
}

/** Writes `spec`, the chart of `kind` made from the release, into the editor and previews it. */
function write(kind, spec) {
  state.releaseSpecs[kind] = spec;
  el.spec.value = JSON.stringify(spec, null, 2);
  return update();
}

/** Shows the chart chosen, as made from the release so far, in the editor, if it is begun. */
export function showReleaseSpec() {
  const kind = chosenKind();
  state.releaseKind = kind;
  const made = state.releaseSpecs[kind];
  if (made) el.spec.value = JSON.stringify(made, null, 2);
  showFields(made ?? emptySpec(kind));
  saySources("");
  sayPeriods("");
  sayCites("");
  return update();
}

/** The word `key` (release-spec.js's withWord) of the chart chosen is now `text`: written into
 * its spec (begun if it was not), hand edits kept, and previewed. */
export function wordChanged(key, text) {
  const kind = chosenKind();
  return write(kind, withWord(specFor(kind), key, text));
}

/** The form for another source was sent: its source joins the sources of the chart chosen (begun
 * if it was not), hand edits kept; the form closes and the change is said. */
export function sourceAdded() {
  const kind = chosenKind();
  const spec = specFor(kind);
  const source = formSource(spec);
  if (!source) return;
  const known = spec.sources.length;
  const at = sourceIndex(spec, source);
  openSourceForm(false);
  if (at < known) return saySources(`${sourceName(source)} is already source ${at + 1}.`, true);
  showFields(spec);
  saySources(`Added source ${at + 1}, ${sourceName(source)}. ${sourcesCount(spec)}`);
  return write(kind, spec);
}

/** The Remove button of `sources[i]` of the chart chosen was pressed: the source goes if no
 * figure comes from it (the figures citing later ones follow them), else it stays, and the list
 * says why. */
export function sourceRemoved(i) {
  const kind = chosenKind();
  const spec = specFor(kind);
  const source = spec.sources[i];
  if (!source) return showFields(spec, i); // gone already, by a hand edit
  if (!withoutSource(spec, i)) {
    const n = citing(spec, i);
    const why = `${n} figure${n === 1 ? " comes" : "s come"} from it`;
    const change = "To remove it, give them another source in the spec first.";
    return saySources(`${sourceName(source)} stays: ${why}. ${change}`, true);
  }
  showFields(spec, i);
  saySources(`Removed source ${i + 1}, ${sourceName(source)}. ${sourcesCount(spec)}`);
  return write(kind, spec);
}

/** The trend's period at index `from` was moved to `to` (by its Move up or Move down button, `dir`
 * "up" or "down"): its figures go with it, the move is said, and the focus stays on the moved
 * period's button. A move past either end changes nothing and says so. */
export function periodMoved(from, to, dir) {
  const spec = specFor("trend");
  if (chosenKind() !== "trend" || !spec.periods[from]) return showPeriods(spec);
  const label = periodText(spec, from);
  const n = spec.periods.length;
  if (!movePeriod(spec, from, to)) {
    const end = to < 0 ? "first" : "last";
    sayPeriods(`${label} is already the ${end} period.`);
    return showPeriods(spec, { at: from, dir });
  }
  showFields(spec);
  showPeriods(spec, { at: to, dir });
  sayPeriods(`Moved ${label} ${dir}: now period ${to + 1} of ${n}.`);
  return write("trend", spec);
}

/** Figure `k` of the chart chosen (in figurePlaces' order) now cites `sources[source]`: written
 * into its spec, said, the sources' counts updated and the focus kept on its menu. */
export function citeChanged(k, source) {
  const kind = chosenKind();
  const spec = specFor(kind);
  const place = figurePlaces(spec)[k];
  if (!place || !citeSource(spec, place.figure, source)) return showCites(spec, k);
  showFields(spec);
  showCites(spec, k);
  const what = `${place.where}: ${figureText(place.figure)}`;
  sayCites(`${what} now comes from source ${source + 1}, ${sourceName(spec.sources[source])}.`);
  return write(kind, spec);
}

/** The spec was edited by hand: when it is the chart being made from the release, its words
 * show in their fields and its sources in their list. Then it is previewed. */
export function specEdited() {
  const spec = el.start.value === "release" ? edited(chosenKind()) : null;
  if (spec) showFields(spec);
  return update();
}

/** Changes the spec with `change(spec, source)` (which says what it did), marks figures
 * `added` as added, closes the form and previews the spec. */
function commit(kind, change, added) {
  const spec = specFor(kind);
  const said = change(spec, sourceIndex(spec, releaseSource()));
  showFields(spec);
  for (const i of added) {
    const b = el.releaseText.querySelector(`button[data-i="${i}"]`);
    b?.classList.add("added");
    b?.setAttribute("aria-label", `${b.textContent} (added)`);
  }
  closeForm(true);
  el.releaseStatus.textContent = said;
  saySources("");
  return write(kind, spec);
}

/** Closes the open form, if any; the focus goes back to its figure if `refocus`. */
function closeForm(refocus) {
  if (!open.form) return;
  open.form.remove();
  open.button.setAttribute("aria-expanded", "false");
  open.button.removeAttribute("aria-controls");
  if (refocus) open.button.focus();
  open.form = null;
  open.button = null;
}

/** Says what is missing in the form, by the field, and puts the focus there. */
function refuse(form, input, message) {
  form.querySelector(".error").textContent = message;
  input.setAttribute("aria-invalid", "true");
  input.focus();
}

/** A labelled one-line text field: [its box, the input]. */
function textField(id, label, hint, value) {
  const input = make("input", {
    id,
    type: "text",
    value,
    maxLength: LIMITS.label,
    autocomplete: "off",
  });
  const opt = make("span", { className: "opt" }, ` (${hint})`);
  return [
    make("div", { className: "field" }, make("label", { htmlFor: id }, label, opt), input),
    input,
  ];
}

/** The form around `fields` for figure `f`, added to `what`, with `actions` and a Cancel. */
function formFrame(f, what, fields, actions) {
  const cancel = make("button", { type: "button", className: "secondary" }, "Cancel");
  cancel.addEventListener("click", () => closeForm(true));
  const form = make(
    "form",
    { id: FORM_ID, className: "figure-form", noValidate: true, "aria-labelledby": "ff-head" },
    make("p", { id: "ff-head", className: "figure-form-head" }, `Add “${f.text}” ${what}`),
    ...fields,
    make("p", { className: "error", role: "alert" }),
    make("div", { className: "figure-form-actions" }, ...actions, cancel),
  );
  form.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    closeForm(true);
  });
  return form;
}

/** The form that makes figure `f` a trend period's value. */
function trendForm(f, i) {
  const name = periodName(f.period);
  const [labelBox, label] = textField("ff-label", "Period label", "short", periodLabel(name));
  const [nameBox, full] = textField("ff-name", "Period name", "in full, optional", name);
  const add = make("button", { type: "submit" }, "Add as this period’s value");
  const form = formFrame(
    f,
    "to the trend",
    [make("div", { className: "grid" }, labelBox, nameBox)],
    [add],
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!label.value.trim())
      return refuse(form, label, "Give the period a label (Apr 2019–Feb 2020).");
    commit(
      "trend",
      (spec, source) => {
        const replaced = addToTrend(spec, f, { label: label.value, name: full.value, source });
        const n = spec.periods.length;
        const how = replaced ? "Replaced the value of" : "Added as the value of";
        const periods = `${n} period${n === 1 ? "" : "s"}`;
        return `${f.text}: ${how} ${label.value.trim()}. The trend has ${periods}.`;
      },
      [i],
    );
  });
  return form;
}

/** The form that makes `figures[i]` a rate chart category's recorded, detected or rate, or its
 * group all three at once. */
function rateForm(figures, i) {
  const f = figures[i];
  const group = groupRoles(figures, i)?.sort(
    (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role),
  );
  const mine = group?.find((m) => m.f === f)?.role;
  const first = f.kind === "percent" ? "rate" : (mine ?? "recorded");
  const radios = ROLES.map((role) =>
    make("input", { type: "radio", name: "ff-role", value: role, checked: role === first }),
  );
  const roles = make(
    "fieldset",
    { className: "roles" },
    make("legend", {}, "As the category’s"),
    ...ROLES.map((role, k) => make("label", {}, radios[k], ` ${ROLE_NAMES[role]}`)),
  );
  const categories = specFor("rate").categories;
  const last = categories.at(-1);
  const [catBox, cat] = textField("ff-category", "Category", "what was counted", last?.label ?? "");
  cat.setAttribute("list", "ff-categories");
  const list = make(
    "datalist",
    { id: "ff-categories" },
    ...categories.map((c) => make("option", { value: String(c.label) })),
  );
  const guess = periodName(f.period) || (last?.period ?? "");
  const [periodBox, period] = textField("ff-period", "Period", "optional", guess);
  const role = () => radios.find((r) => r.checked).value;
  const add = make("button", { type: "submit" }, `Add as ${ROLE_NAMES[first]}`);
  for (const r of radios)
    r.addEventListener("change", () => (add.textContent = `Add as ${ROLE_NAMES[role()]}`));
  const actions = [add];
  if (group) {
    const both = group.map((m) => `${ROLE_NAMES[m.role]} ${m.f.text}`).join(", ");
    const together = make(
      "button",
      { type: "button", className: "secondary" },
      `Add together: ${both}`,
    );
    together.addEventListener("click", () => submit(group));
    actions.push(together);
  }
  const grid = make("div", { className: "grid" }, catBox, periodBox, list);
  const form = formFrame(f, "to the rate chart", [roles, grid], actions);
  const submit = (members) => {
    if (!cat.value.trim()) return refuse(form, cat, "Name the category (Grooming).");
    commit(
      "rate",
      (spec, source) => {
        const isNew = addToRate(spec, members, { label: cat.value, period: period.value, source });
        const what = members.map((m) => `${m.f.text} as ${ROLE_NAMES[m.role]}`).join(", ");
        const n = spec.categories.length;
        const where = `${isNew ? "a new category, " : ""}${cat.value.trim()}`;
        return `Added ${what} to ${where}. The chart has ${n} categor${n === 1 ? "y" : "ies"}.`;
      },
      members.map((m) => figures.indexOf(m.f)),
    );
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submit([{ f, role: role() }]);
  });
  return form;
}

/** Opens the form for `figures[i]` after its `button`, for the chart chosen; the focus goes to
 * its first field unless `quietly`. */
function openForm(button, figures, i, quietly = false) {
  closeForm(false);
  const form = chosenKind() === "trend" ? trendForm(figures[i], i) : rateForm(figures, i);
  button.after(form);
  button.setAttribute("aria-expanded", "true");
  button.setAttribute("aria-controls", FORM_ID);
  Object.assign(open, { button, form, figures, i });
  if (!quietly) (form.querySelector("input:checked") ?? form.querySelector("input")).focus();
}

/** The chart chosen changed: the one being made keeps its hand edits, the other one (if begun)
 * comes to the editor, and an open form is made again for it, the focus left where it is. */
export function kindChanged() {
  const was = state.releaseKind;
  const kept = edited(was);
  if (kept) state.releaseSpecs[was] = kept;
  const shown = showReleaseSpec();
  if (open.form) openForm(open.button, open.figures, open.i, true);
  return shown;
}

/** Shows the release's text with each figure found in it as a button that opens its form. */
export async function releaseChanged() {
  const text = el.release.value;
  const program = await load();
  const figures = program.findFigures(text);
  closeForm(false);
  const parts = [];
  let at = 0;
  figures.forEach((f, i) => {
    if (f.start < at) return; // overlapping figures: the first one only
    parts.push(document.createTextNode(text.slice(at, f.start)));
    const b = make("button", { type: "button", className: "figure" }, text.slice(f.start, f.end));
    b.dataset.i = String(i);
    b.setAttribute("aria-expanded", "false");
    b.title = `Add ${f.text} to the chart`;
    b.addEventListener("click", () => {
      if (open.button === b) closeForm(true);
      else openForm(b, figures, i);
    });
    parts.push(b);
    at = f.end;
  });
  parts.push(document.createTextNode(text.slice(at)));
  el.releaseText.replaceChildren(...parts);
  el.releaseStatus.textContent = "";
  el.releaseCount.textContent = text.trim()
    ? `${figures.length} figure${figures.length === 1 ? "" : "s"} found: choose one to add it.`
    : "";
}
