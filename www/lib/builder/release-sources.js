// The chart's sources when starting from a release: the list of the spec's sources (name, date,
// URL, how many figures come from each) for the chart chosen under Make, each with a Remove
// button, and the form behind "Add another source". This module shows them and reads the form;
// release.js changes the spec (release-spec.js's sourceIndex and withoutSource). A source a figure
// comes from is never removed: the figure would lose where it comes from.

import { LIMITS } from "../../shared.js";
import { isWebAddress } from "./escape.js";
import { $ } from "./page.js";
import { citing } from "./release-spec.js";

const MAX_SOURCES = LIMITS.sources;

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** A source's name for a message: its name, quoted. */
export const sourceName = (s) => `“${typeof s?.name === "string" ? s.name : "(no name)"}”`;

/** What the chart has, said after a change: "The chart has 2 sources." */
export const sourcesCount = (spec) =>
  `The chart has ${plural(spec.sources.length, "source", "sources")}.`;

/** Lists `spec`'s sources, each with its Remove button (`data-source`: its index); the focus,
 * when it was on a Remove button the list loses, goes to the one now at `focusAt`, else to the
 * Add button. */
export function showSources(spec, focusAt = -1) {
  const list = $("r-source-list");
  const sources = Array.isArray(spec.sources) ? spec.sources : [];
  const items = sources.map((s, i) => {
    const text = (v) => (typeof v === "string" && v ? v : "");
    const date = text(s?.date) ? ` (${s.date})` : "";
    const url = text(s?.url) ? ` ${s.url}` : "";
    const n = citing(spec, i);
    const remove = document.createElement("button");
    Object.assign(remove, { type: "button", className: "secondary", textContent: "Remove" });
    remove.dataset.source = String(i);
    remove.setAttribute("aria-label", `Remove source ${i + 1}, ${sourceName(s)}`);
    const cites = document.createElement("span");
    cites.className = "opt";
    const who = n ? plural(n, "figure comes", "figures come") : "no figure comes";
    cites.textContent = `${who} from it`;
    const li = document.createElement("li");
    li.append(`${text(s?.name)}${date}${url}`, cites, remove);
    return li;
  });
  list.replaceChildren(...items);
  list.hidden = !items.length;
  $("r-source-none").hidden = items.length > 0;
  if (focusAt >= 0) (list.querySelectorAll("button")[focusAt] ?? $("r-source-add")).focus();
}

/** Says `text` in the sources' status, or as a refusal (an alert) if `refused`. */
export function saySources(text, refused = false) {
  $("r-sources-status").textContent = refused ? "" : text;
  $("r-sources-error").textContent = refused ? text : "";
}

/** Opens (or, `open` false, closes) the form for another source; the focus goes to its name, or
 * back to the Add button. */
export function openSourceForm(open) {
  const form = $("r-source-form");
  form.hidden = !open;
  $("r-source-add").setAttribute("aria-expanded", String(open));
  if (open) return $("rs-name").focus();
  form.reset();
  refuseField(null, "");
  $("r-source-add").focus();
}

/** Marks `input` (none if null) invalid with `message` under the form, the focus there;
 * returns null. */
function refuseField(input, message) {
  for (const id of ["rs-name", "rs-url"]) $(id).removeAttribute("aria-invalid");
  $("rs-error").textContent = message;
  input?.setAttribute("aria-invalid", "true");
  input?.focus();
  return null;
}

/** The source the form describes, or null after saying by its field what is wrong; `spec` is
 * the chart it would join. */
export function formSource(spec) {
  const [name, date, url] = ["rs-name", "rs-date", "rs-url"].map((id) => $(id).value.trim());
  if (!name) return refuseField($("rs-name"), "Name the source (who published it).");
  if (url && !isWebAddress(url))
    return refuseField($("rs-url"), "The URL must start with http:// or https://, no spaces.");
  if (spec.sources.length >= MAX_SOURCES)
    return refuseField($("rs-name"), `A chart takes at most ${MAX_SOURCES} sources.`);
  const source = { name };
  if (date) source.date = date;
  if (url) source.url = url;
  return source;
}
