// The builder's fields take no more than the spec does: each maxlength in www/builder.html names
// the limit of the spec field it fills (maxlength="LIMITS.title", shared.js's LIMITS, generated
// from the core's spec::limits), and scripts/build-site.mjs writes in the number. A literal
// maxlength would be a second copy of a limit, so none is allowed but those of fields that fill no
// spec field. The built page's numbers are checked in the browser (tests/e2e/builder.test.mjs).
// Run: node --test tests/builder-limits.mjs

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { LIMITS } from "../www/shared.js";

const PAGE = readFileSync(new URL("../www/builder.html", import.meta.url), "utf8");

// Each field with a maxlength, by id: the LIMITS entry of the spec field it fills.
const SPEC_FIELDS = {
  "f-title": "title", // title
  "f-subtitle": "text", // subtitle
  "f-unit": "label", // unit
  "f-source": "text", // sources[].name
  "f-date": "label", // sources[].date
  "f-url": "url", // sources[].url
  "r-source": "text", // the release's source: sources[].name
  "r-date": "label",
  "r-url": "url",
  "rs-name": "text", // another source: sources[].name
  "rs-date": "label",
  "rs-url": "url",
  "s-title": "title", // the spreadsheet route's words: title
  "s-subtitle": "text",
  "s-unit": "label",
  "s-source": "text", // sources[].name
  "s-date": "label",
  "s-url": "url",
};
// Fields that fill no spec field but a publish: the chart's ID and a version's note, with the
// limits the store applies (spec::MAX_ID_CHARS, spec::MAX_NOTE_CHARS).
const NOT_SPEC = { "p-id": "LIMITS.id", "p-note": "LIMITS.note" };

/** Every maxlength of the page: [id, value]. */
function maxlengths() {
  return [...PAGE.matchAll(/<(?:input|textarea)\b[^>]*>/g)]
    .map(([tag]) => [/\bid="([^"]*)"/.exec(tag)?.[1], /\bmaxlength="([^"]*)"/.exec(tag)?.[1]])
    .filter(([, max]) => max !== undefined);
}

test("each field's maxlength names its spec field's limit, or is one of the listed others", () => {
  const found = Object.fromEntries(maxlengths());
  const expected = {
    ...Object.fromEntries(Object.entries(SPEC_FIELDS).map(([id, key]) => [id, `LIMITS.${key}`])),
    ...NOT_SPEC,
  };
  assert.deepEqual(found, expected);
});

test("every limit a field names is in shared.js", () => {
  for (const [id, max] of maxlengths()) {
    const key = /^LIMITS\.(.*)$/.exec(max)?.[1];
    if (key === undefined) continue;
    assert.ok(Number.isInteger(LIMITS[key]), `${id}: shared.js's LIMITS has no ${key}`);
  }
});
