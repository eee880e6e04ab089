// What a release's figure becomes in a spec (www/lib/builder/release-spec.js, pure): period names
// and labels from the release's phrases, the published wording, the figures that belong together
// and the fields each figure carries, the chart's words as its fields show and write them, and
// its sources (how many figures cite each; one removed only when none does, the later ones'
// figures re-indexed). The builder's end-to-end tests drive the same through the page.
// Run: node --test tests/release-spec.mjs

import assert from "node:assert/strict";
import { test } from "node:test";
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
  publishedWording,
  withoutSource,
  withWord,
  wordsOf,
} from "../www/lib/builder/release-spec.js";

/** A figure as findFigures gives it (only the fields release-spec.js reads). */
const found = (text, value, more = {}) => ({
  text,
  value,
  kind: "count",
  hedge: null,
  sentence: `It was ${text}.`,
  period: null,
  group: null,
  ...more,
});

test("period names and labels from the release's phrases", () => {
  assert.equal(periodName("between April 2019 and February 2020"), "April 2019–February 2020");
  assert.equal(periodName("from April 2019 to February 2020"), "April 2019–February 2020");
  assert.equal(periodName("2018/19"), "2018/19");
  assert.equal(periodName("in the three months after"), "the three months after");
  assert.equal(periodName(null), "");
  assert.equal(periodLabel("April 2019–February 2020"), "Apr 2019–Feb 2020");
  assert.equal(periodLabel("2018/19"), "2018/19");
});

test("published: the wording when it says more than the number, the hedge in lower case", () => {
  assert.equal(publishedWording(found("1573", 1573)), null);
  assert.equal(publishedWording(found("1,573", 1573)), null);
  assert.equal(publishedWording(found("Nearly 1600", 1600, { hedge: "Nearly" })), "nearly 1600");
  assert.equal(publishedWording(found("90 per cent", 90, { kind: "percent" })), "90 per cent");
  assert.equal(publishedWording(found("£55k", 55000, { kind: "money" })), "£55k");
  // A hedge after the number stays where it is; a share in words keeps its words.
  const less = found("0.02 seconds or less", 0.02, { kind: "duration", hedge: "or less" });
  assert.equal(publishedWording(less), "0.02 seconds or less");
  assert.equal(publishedWording(found("one in 15", 6.7, { kind: "percent" })), "one in 15");
  assert.equal(publishedWording(found("-6.8%", -6.8, { kind: "change" })), "-6.8%");
  assert.equal(
    publishedWording(found("Between 24 and 26 per cent", 25, { hedge: "Between" })),
    "between 24 and 26 per cent",
  );
});

test("approximate: from a hedge, or from a bound that is not exact (a ratio, a range)", () => {
  const spec = emptySpec("trend");
  const ratio = found("one in 15", 6.7, { kind: "percent", bound: "approximate" });
  addToTrend(spec, ratio, { label: "2019/20", name: "", source: 0 });
  assert.equal(spec.series[0].values[0].approximate, true);
  addToTrend(spec, found("1573", 1573, { bound: "exact" }), {
    label: "2018/19",
    name: "",
    source: 0,
  });
  assert.equal(spec.series[0].values[1].approximate, undefined);
});

test("a trend's periods: added last, or the figure replaced", () => {
  const spec = emptySpec("trend");
  addToTrend(spec, found("Nearly 1600", 1600, { hedge: "Nearly" }), {
    label: " 2018/19 ",
    name: "2018/19",
    source: 0,
  });
  const replaced = addToTrend(spec, found("1573", 1573), { label: "2018/19", name: "", source: 1 });
  assert.equal(replaced, true);
  assert.deepEqual(spec.periods, [{ label: "2018/19" }]);
  assert.deepEqual(spec.series[0].values, [{ value: 1573, source: 1, quote: "It was 1573." }]);
});

test("figures that belong together, each with its role, into one category", () => {
  const figures = [
    found("1600", 1600),
    found("98", 98, { group: 1 }),
    found("90 per cent", 90, { kind: "percent", group: 1 }),
    found("86", 86, { group: 1 }),
  ];
  assert.equal(groupRoles(figures, 0), null);
  const group = groupRoles(figures, 2);
  assert.deepEqual(
    group.map((m) => [m.f.text, m.role]),
    [
      ["98", "recorded"],
      ["90 per cent", "rate"],
      ["86", "detected"],
    ],
  );
  const spec = emptySpec("rate");
  assert.equal(addToRate(spec, group, { label: "Grooming", period: "", source: 0 }), true);
  assert.deepEqual(Object.keys(spec.categories[0]), ["label", "recorded", "detected", "rate"]);
  assert.deepEqual(spec.categories[0].rate, {
    value: 90,
    source: 0,
    published: "90 per cent",
    quote: "It was 90 per cent.",
  });
});

test("the chart's words: shown as fields, written back trimmed, in the reference's order", () => {
  let spec = emptySpec("trend");
  assert.deepEqual(wordsOf(spec), {
    title: "Figures from the release",
    subtitle: "",
    unit: "",
    series: "Figures",
    notes: "",
  });
  spec = withWord(spec, "notes", " One.\n\n Two. \n");
  spec = withWord(spec, "subtitle", " Offences recorded ");
  spec = withWord(spec, "unit", "offences");
  spec = withWord(spec, "series", " Recorded offences");
  assert.deepEqual(Object.keys(spec), [
    "version",
    "kind",
    "title",
    "subtitle",
    "unit",
    "sources",
    "notes",
    "periods",
    "series",
  ]);
  assert.deepEqual(spec.notes, ["One.", "Two."]);
  assert.equal(spec.subtitle, "Offences recorded");
  assert.equal(spec.series[0].name, "Recorded offences");
  assert.equal(wordsOf(spec).notes, "One.\nTwo.");
  // Blank: the subtitle, unit and notes go; the title stays, for the chart's check to name.
  for (const key of ["subtitle", "unit", "notes"]) spec = withWord(spec, key, "  ");
  spec = withWord(spec, "title", " ");
  assert.deepEqual(Object.keys(spec), ["version", "kind", "title", "sources", "periods", "series"]);
  assert.equal(spec.title, "");
  // A hand-edited spec's words that are not strings show as empty fields.
  assert.equal(wordsOf({ title: 7, notes: ["a", 3] }).title, "");
});

test("sources: counted by the figures citing them; removed only when none does", () => {
  const a = { name: "A" };
  const b = { name: "B", date: "March 2019" };
  const c = { name: "C", url: "https://example.org/c" };
  // A trend: the first value has no `source` (it cites the first), the second cites C.
  const trend = { ...emptySpec("trend"), sources: [a, b, c] };
  addToTrend(trend, found("1", 1), { label: "x", name: "", source: 0 });
  addToTrend(trend, found("2", 2), { label: "y", name: "", source: 2 });
  delete trend.series[0].values[0].source;
  assert.deepEqual(
    [0, 1, 2].map((i) => citing(trend, i)),
    [1, 0, 1],
  );
  // A cited source stays, and the spec is untouched.
  const before = structuredClone(trend);
  assert.equal(withoutSource(trend, 0), false);
  assert.equal(withoutSource(trend, 2), false);
  assert.equal(withoutSource(trend, 3), false, "no such source");
  assert.deepEqual(trend, before);
  // B goes; the value citing C cites it at its new index; the one without `source` is left so.
  assert.equal(withoutSource(trend, 1), true);
  assert.deepEqual(trend.sources, [a, c]);
  assert.deepEqual(
    trend.series[0].values.map((v) => v.source),
    [undefined, 1],
  );

  // A rate chart: each of a category's figures counts; a hand edit's nulls and odd shapes don't.
  const rate = { ...emptySpec("rate"), sources: [a, b, c] };
  addToRate(rate, [{ f: found("98", 98), role: "recorded" }], {
    label: "G",
    period: "",
    source: 2,
  });
  addToRate(rate, [{ f: found("86", 86), role: "detected" }], {
    label: "G",
    period: "",
    source: 2,
  });
  rate.categories.push({ label: "H", recorded: null, rate: 7 }, null);
  assert.equal(citing(rate, 2), 2);
  assert.equal(withoutSource(rate, 0), true);
  assert.equal(withoutSource(rate, 0), true);
  assert.deepEqual(rate.sources, [c]);
  assert.deepEqual(
    [rate.categories[0].recorded.source, rate.categories[0].detected.source],
    [0, 0],
  );
  assert.equal(withoutSource(rate, 0), false);
});

test("a trend's periods reordered: each series' figures move with their period", () => {
  const spec = {
    periods: [{ label: "2019/20" }, { label: "2017/18" }, { label: "2018/19" }],
    series: [
      { name: "Grooming", values: [{ value: 3 }, { value: 1 }, { value: 2 }] },
      { name: "Other", values: [{ value: 30 }, { value: 10 }] }, // the last figure not given yet
    ],
  };
  assert.equal(movePeriod(spec, 0, 2), true);
  assert.deepEqual(
    spec.periods.map((p) => p.label),
    ["2017/18", "2018/19", "2019/20"],
  );
  assert.deepEqual(
    spec.series[0].values.map((f) => f.value),
    [1, 2, 3],
  );
  assert.deepEqual(spec.series[1].values, [{ value: 10 }, null, { value: 30 }]);
  assert.equal(movePeriod(spec, 1, 1), false);
  assert.equal(movePeriod(spec, 0, 3), false);
  assert.equal(movePeriod(spec, -1, 0), false);
  assert.equal(movePeriod({ kind: "rate", categories: [] }, 0, 1), false);
});

test("the source a figure cites: listed with where the figure stands, and changed", () => {
  const trend = emptySpec("trend");
  trend.sources = [{ name: "Release" }, { name: "Bulletin" }];
  addToTrend(trend, found("1573", 1573), { label: "2018/19", name: "", source: 0 });
  const places = figurePlaces(trend);
  assert.deepEqual(
    places.map((p) => p.where),
    ["2018/19"],
  );
  assert.equal(citeSource(trend, places[0].figure, 1), true);
  assert.equal(trend.series[0].values[0].source, 1);
  assert.equal(citing(trend, 0), 0);
  assert.equal(citeSource(trend, places[0].figure, 1), false, "already");
  assert.equal(citeSource(trend, places[0].figure, 2), false, "no such source");
  assert.equal(citeSource(trend, places[0].figure, "0"), false);

  const rate = emptySpec("rate");
  addToRate(rate, [{ f: found("98", 98), role: "recorded" }], {
    label: "Grooming",
    period: "",
    source: 0,
  });
  addToRate(rate, [{ f: found("86", 86), role: "detected" }], {
    label: "Grooming",
    period: "",
    source: 0,
  });
  assert.deepEqual(
    figurePlaces(rate).map((p) => p.where),
    ["Grooming, recorded", "Grooming, detected"],
  );
});
