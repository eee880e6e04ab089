// What a figure found in a release becomes in a spec: a trend period's value, or a rate chart
// category's `recorded`, `detected` or published `rate`; each with its sentence as `quote`, its
// source's index, `approximate` from its hedge or bound and `published` as written. Also the
// period name and label a release's period phrase suggests, and the chart's words (title,
// subtitle, unit, series name, notes) as the release's fields show and write them, and the
// sources figures cite (how many cite each; one no figure cites removed, the others' indices
// kept right; the one a figure cites changed); a trend's periods reordered, their figures with
// them. Pure: no page, no program.

import { LIMITS, SPEC_FIELDS } from "../../shared.js";

// The spec's limits: on a quote; on a period's label or name, a category's label or period and
// `published`.
const MAX_QUOTE = LIMITS.text;
const MAX_TEXT = LIMITS.label;
const MONTHS =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g;

/** `a` if it is an array (a hand edit may hold anything), else an empty one. */
const list = (a) => (Array.isArray(a) ? a : []);

/** The rate chart's roles for a figure, in the order a category lists them. */
export const ROLES = ["recorded", "detected", "rate"];

/** The period a release's phrase names, as a period's name: "between April 2019 and February
 * 2020" → "April 2019–February 2020", "in 2018/19" → "2018/19"; "" for none. */
export function periodName(phrase) {
  const p = (phrase ?? "").trim();
  const range = /^(?:between|from)\s+(.+?)\s+(?:and|to)\s+(.+)$/i.exec(p);
  const name = range ? `${range[1]}–${range[2]}` : p.replace(/^(?:in|during|for|over)\s+/i, "");
  return name.slice(0, MAX_TEXT);
}

/** A period's short label from its name, months cut to three letters: "Apr 2019–Feb 2020". */
export const periodLabel = (name) => name.replace(MONTHS, (m) => m.slice(0, 3));

/** The figure's own wording when it says more than its number ("nearly 1600", "90 per cent",
 * "0.02 seconds or less", "one in 15"), a hedge that opens it in lower case as it reads inside a
 * sentence; null for a plain number ("1573"). */
export function publishedWording(f) {
  if (f.text.replace(/,/g, "") === String(f.value)) return null;
  const hedge = f.hedge ?? "";
  const opens = hedge !== "" && f.text.startsWith(hedge);
  const text = opens ? hedge.toLowerCase() + f.text.slice(hedge.length) : f.text;
  return text.slice(0, MAX_TEXT);
}

/** Found figure `f` (from findFigures) as a spec figure from `sources[source]`: approximate when
 * hedged ("nearly", "or less") or approximate by nature (a ratio, a share in words, a range:
 * `bound` other than "exact"). */
export function specFigure(f, source) {
  const out = { value: f.value, source };
  if (f.hedge || (f.bound && f.bound !== "exact")) out.approximate = true;
  const published = publishedWording(f);
  if (published) out.published = published;
  if (f.sentence.length <= MAX_QUOTE) out.quote = f.sentence;
  return out;
}

/** A new spec of `kind` ("trend" or "rate") for figures from a release, before its first. */
export function emptySpec(kind) {
  const spec = { version: 1, kind, title: "Figures from the release", sources: [] };
  if (kind === "trend") {
    spec.periods = [];
    spec.series = [{ name: "Figures", values: [] }];
  } else {
    spec.categories = [];
  }
  return spec;
}

/** Whether `spec` (parsed from the editor) can take figures as a spec of `kind`. */
export function takesFigures(spec, kind) {
  if (!spec || spec.kind !== kind || !Array.isArray(spec.sources)) return false;
  if (kind === "rate") return Array.isArray(spec.categories);
  return Array.isArray(spec.periods) && Array.isArray(spec.series?.[0]?.values);
}

/** The index of `source` in `spec.sources`, added at the end if it is not there. */
export function sourceIndex(spec, source) {
  const text = JSON.stringify(source);
  const at = spec.sources.findIndex((s) => JSON.stringify(s) === text);
  return at < 0 ? spec.sources.push(source) - 1 : at;
}

/** Every figure of `spec` that is an object: a trend's values, a rate chart's recorded, detected
 * and rate (a hand edit may hold anything). */
function figuresOf(spec) {
  const values = list(spec.series).flatMap((s) => list(s?.values));
  const roles = list(spec.categories).flatMap((c) => ROLES.map((role) => c?.[role]));
  return [...values, ...roles].filter((f) => f !== null && typeof f === "object");
}

/** How many figures of `spec` cite `sources[i]` (a figure without `source` cites the first). */
export const citing = (spec, i) => figuresOf(spec).filter((f) => (f.source ?? 0) === i).length;

/** Removes `sources[i]` from `spec` when no figure cites it, each figure citing a later source
 * then citing it at its new index. Returns whether it was removed: a cited source stays. */
export function withoutSource(spec, i) {
  if (!spec.sources[i] || citing(spec, i) > 0) return false;
  spec.sources.splice(i, 1);
  for (const f of figuresOf(spec)) if (Number.isInteger(f.source) && f.source > i) f.source -= 1;
  return true;
}

/** Moves the trend `spec`'s period at index `from` to index `to`, and with it each series'
 * figure for it: the figures move with their period (notes name periods by label, so they
 * follow). Returns whether anything moved. */
export function movePeriod(spec, from, to) {
  const periods = Array.isArray(spec.periods) ? spec.periods : [];
  const n = periods.length;
  const inside = (i) => Number.isInteger(i) && i >= 0 && i < n;
  if (!inside(from) || !inside(to) || from === to) return false;
  const move = (list) => list.splice(to, 0, list.splice(from, 1)[0]);
  move(periods);
  for (const s of Array.isArray(spec.series) ? spec.series : []) {
    if (!Array.isArray(s?.values)) continue;
    while (s.values.length < n) s.values.push(null); // a hole keeps its place
    move(s.values);
  }
  return true;
}

/** Every figure of `spec` that is an object, with where it stands, for a list that shows and
 * changes the source each cites: `[{figure, where}]`, `where` a trend period's label (and the
 * series' name when there are more than one) or a rate chart category's label and role
 * ("Grooming, detected"). */
export function figurePlaces(spec) {
  const isFigure = (f) => f !== null && typeof f === "object";
  const out = [];
  const series = list(spec.series);
  series.forEach((s, k) => {
    list(s?.values).forEach((figure, i) => {
      if (!isFigure(figure)) return;
      const label = String(spec.periods?.[i]?.label ?? `period ${i + 1}`);
      const name = typeof s?.name === "string" && s.name ? s.name : `series ${k + 1}`;
      out.push({ figure, where: series.length > 1 ? `${label}, ${name}` : label });
    });
  });
  for (const c of list(spec.categories)) {
    for (const role of ROLES) {
      if (isFigure(c?.[role])) out.push({ figure: c[role], where: `${c.label}, ${role}` });
    }
  }
  return out;
}

/** Makes `figure` (one of `spec`'s) cite `spec.sources[source]`. Returns whether it changed: a
 * source not in the list changes nothing. */
export function citeSource(spec, figure, source) {
  const known = Number.isInteger(source) && source >= 0 && source < list(spec.sources).length;
  if (!known || (figure.source ?? 0) === source) return false;
  figure.source = source;
  return true;
}

/** Sets `f` as the value of the trend `spec`'s first series at the period labelled `label`
 * (added last if new; named `name` if that says more), from `sources[source]`. Returns whether
 * it replaced a value. */
export function addToTrend(spec, f, { label, name, source }) {
  const key = label.trim().slice(0, MAX_TEXT);
  const full = name.trim().slice(0, MAX_TEXT);
  let at = spec.periods.findIndex((p) => String(p.label).trim() === key);
  const replaced = at >= 0;
  if (!replaced) at = spec.periods.push({ label: key }) - 1;
  const period = spec.periods[at];
  if (full && full !== key) period.name = full;
  spec.series[0].values[at] = specFigure(f, source);
  return replaced;
}

/** Sets each `{f, role}` of `figures` as that role of the rate `spec`'s category labelled
 * `label` (added last if new), over `period` if given, from `sources[source]`. Returns whether
 * the category was new. */
export function addToRate(spec, figures, { label, period, source }) {
  const key = label.trim().slice(0, MAX_TEXT);
  let at = spec.categories.findIndex((c) => String(c.label).trim() === key);
  const added = at < 0;
  if (added) at = spec.categories.push({ label: key }) - 1;
  const c = spec.categories[at];
  if (period.trim()) c.period = period.trim().slice(0, MAX_TEXT);
  for (const { f, role } of figures) c[role] = specFigure(f, source);
  // The category's fields in the order the spec lists them, any others after.
  const { label: l, period: p, recorded, detected, rate, ...rest } = c;
  spec.categories[at] = Object.fromEntries(
    Object.entries({ label: l, period: p, recorded, detected, rate, ...rest }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return added;
}

/** The figures that belong together with `figures[i]` ("98 … 90 per cent of which (86)") with
 * the rate chart's role of each: the total recorded, the share the published rate, the count in
 * brackets detected. Null when it stands alone or its group is not one of each. */
export function groupRoles(figures, i) {
  const g = figures[i]?.group;
  if (g === null || g === undefined) return null;
  const out = [];
  figures.forEach((f, j) => {
    if (f.group !== g) return;
    const role = f.kind === "percent" ? "rate" : j === g ? "recorded" : "detected";
    out.push({ f, role });
  });
  const roles = new Set(out.map((m) => m.role));
  return out.length > 1 && roles.size === out.length ? out : null;
}

/** The chart's words in `spec`, as its fields show them: each a string, notes one per line. */
export function wordsOf(spec) {
  const text = (v) => (typeof v === "string" ? v : "");
  return {
    title: text(spec.title),
    subtitle: text(spec.subtitle),
    unit: text(spec.unit),
    series: text(spec.series?.[0]?.name),
    notes: Array.isArray(spec.notes) ? spec.notes.map(text).join("\n") : "",
  };
}

/** `spec` with word `key` ("title", "subtitle", "unit", "series" for the first series' name, or
 * "notes", one per line) set from its field's `text`, trimmed. A blank title or series name is
 * kept, so that the chart's check names it; a blank subtitle, unit or note is left out. The
 * spec's fields come back in the reference's order. */
export function withWord(spec, key, text) {
  const t = text.trim();
  if (key === "title") spec.title = t;
  else if (key === "series") spec.series[0].name = t;
  else if (key === "notes") {
    const notes = text
      .split("\n")
      .map((n) => n.trim())
      .filter(Boolean);
    if (notes.length) spec.notes = notes;
    else delete spec.notes;
  } else if (t) spec[key] = t;
  else delete spec[key];
  const rank = (k) => (SPEC_FIELDS.includes(k) ? SPEC_FIELDS.indexOf(k) : SPEC_FIELDS.length);
  return Object.fromEntries(Object.entries(spec).sort(([a], [b]) => rank(a) - rank(b)));
}
