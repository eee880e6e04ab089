// The trend's periods and each figure's source, when starting from a release: the periods listed
// oldest first, each with Move up and Move down buttons (its figures move with it), and every
// figure listed with a menu of the chart's sources to choose the one it cites. This module shows
// them and says what changed; release.js changes the spec (release-spec.js's movePeriod and
// citeSource). A moved period's button keeps the focus, as does a figure's menu.

import { $ } from "./page.js";
import { sourceName } from "./release-sources.js";
import { figurePlaces } from "./release-spec.js";

/** `a` if it is an array (a hand edit may hold anything), else an empty one. */
const list = (a) => (Array.isArray(a) ? a : []);

/** A figure as the lists show it: its wording as published, else its value; "no figure". */
export function figureText(f) {
  if (typeof f === "number") return String(f);
  if (f === null || typeof f !== "object") return "no figure";
  return typeof f.published === "string" && f.published ? f.published : String(f.value);
}

/** A period's label as the lists show it. */
export const periodText = (spec, i) => String(list(spec.periods)[i]?.label ?? `period ${i + 1}`);

/** A button: `text` shown, `label` its accessible name, `data` its data attributes. */
function button(text, label, data) {
  const b = document.createElement("button");
  Object.assign(b, { type: "button", className: "secondary", textContent: text });
  b.setAttribute("aria-label", label);
  Object.assign(b.dataset, data);
  return b;
}

/** Lists the trend `spec`'s periods (none for a rate chart), each with its figures and its Move
 * up and Move down buttons (`data-move` its index, `data-to` where it goes; the first's Move up
 * and the last's Move down say so instead, aria-disabled, keeping their place in the Tab order).
 * The focus, if `focus` is given ({at, dir}), goes to that period's button for `dir` ("up" or
 * "down"), even when it is now the disabled one: the moved period keeps it. */
export function showPeriods(spec, focus) {
  const box = $("r-periods");
  const trend = spec.kind === "trend";
  box.hidden = !trend;
  const periods = trend ? list(spec.periods) : [];
  const n = periods.length;
  const items = periods.map((_, i) => {
    const label = periodText(spec, i);
    const values = list(spec.series).map((s) => figureText(list(s?.values)[i] ?? null));
    // Named as shown, then the period: "Move up, Apr 2019–Feb 2020" (the label in the name).
    const up = button("Move up", `Move up, ${label}`, { move: String(i), to: String(i - 1) });
    const down = button("Move down", `Move down, ${label}`, { move: String(i), to: String(i + 1) });
    if (i === 0) up.setAttribute("aria-disabled", "true");
    if (i === n - 1) down.setAttribute("aria-disabled", "true");
    up.dataset.dir = "up";
    down.dataset.dir = "down";
    const text = document.createElement("span");
    text.className = "period-text";
    text.textContent = `${label}: ${values.join(", ")}`;
    const li = document.createElement("li");
    li.append(text, up, down);
    return li;
  });
  $("r-period-list").replaceChildren(...items);
  $("r-period-list").hidden = !items.length;
  $("r-period-none").hidden = items.length > 0;
  if (!focus || !items[focus.at]) return;
  const [up, down] = items[focus.at].querySelectorAll("button");
  (focus.dir === "up" ? up : down).focus();
}

/** Says `text` in the periods' status. */
export function sayPeriods(text) {
  $("r-periods-status").textContent = text;
}

/** Lists every figure of `spec` (figurePlaces: where it stands) with a menu of `spec`'s sources
 * (`data-figure` its index in that list), the one it cites chosen; the focus, if `focusAt` is
 * given, goes to that figure's menu. */
export function showCites(spec, focusAt = -1) {
  const sources = list(spec.sources);
  const places = figurePlaces(spec);
  const items = places.map(({ figure, where }, k) => {
    const id = `r-cite-${k}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = `${where}: ${figureText(figure)}`;
    const select = document.createElement("select");
    select.id = id;
    select.dataset.figure = String(k);
    const cited = Number.isInteger(figure.source) ? figure.source : 0;
    select.append(
      ...sources.map((s, i) => {
        const date = typeof s?.date === "string" && s.date ? ` (${s.date})` : "";
        const option = new Option(`${i + 1}. ${sourceName(s)}${date}`, String(i));
        option.selected = i === cited;
        return option;
      }),
    );
    if (!sources[cited]) {
      // A hand edit cites a source the chart lacks: said, not silently changed.
      const missing = new Option(`${cited + 1}. (no such source)`, String(cited));
      missing.selected = true;
      select.append(missing);
    }
    const li = document.createElement("li");
    li.append(label, select);
    return li;
  });
  $("r-cite-list").replaceChildren(...items);
  $("r-cite-list").hidden = !items.length;
  $("r-cite-none").hidden = items.length > 0;
  if (focusAt >= 0) items[focusAt]?.querySelector("select").focus();
}

/** Says `text` in the figures' sources' status. */
export function sayCites(text) {
  $("r-cites-status").textContent = text;
}
