// The builder's spreadsheet route turns a sheet (as the wasm's readSheets gives it) and what the
// journalist picked into a spec: here, what it does with more breaks in series than a chart
// may show (spec::MAX_BREAKS, shared.js's LIMITS.breaks).
// Run: node --test tests/sheet-spec.mjs

import assert from "node:assert/strict";
import { test } from "node:test";
import { sheetToSpec } from "../www/lib/builder/sheet-spec.js";
import { LIMITS } from "../www/shared.js";

/** A sheet: row 1 the years 2001… as period headings, row 2 a figure a year, each marked [b]. */
function sheet(years) {
  const head = [{ t: "Year" }];
  const row = [{ t: "Crimes" }];
  for (let i = 0; i < years; i++) {
    const y = String(2001 + i);
    head.push({ t: y, p: y });
    row.push({ t: `${100 + i}[b]`, v: 100 + i, b: true, k: ["[b]"] });
  }
  return { name: "Table 1", rows: 2, columns: years + 1, cells: [head, row] };
}

const PICK = { kind: "trend", key: { axis: "row", index: 0 }, series: [1], roles: {} };
const FORM = { title: "Crimes", source: "Statistics office", notes: [] };

test("breaks beyond the chart's limit are left out, and the list says so", () => {
  const n = LIMITS.breaks + 3; // a [b] at every period: the first has nothing to break from
  const { spec, oddities } = sheetToSpec(sheet(n), PICK, FORM, "t.csv");
  const breaks = spec.periods.filter((p) => p.break);
  assert.equal(LIMITS.breaks, 10);
  assert.equal(breaks.length, LIMITS.breaks, "at most LIMITS.breaks");
  assert.equal(breaks[0].label, "2002");
  const over = oddities.find((o) => o.includes("left out"));
  assert.match(
    over ?? "",
    /^2 more breaks in series marked \[b\] left out: a chart shows at most 10/,
  );
});
