// The builder's slug (www/lib/builder/slug.js): a chart's file name and suggested address from
// its title. Run: node --test tests/slug.mjs

import assert from "node:assert/strict";
import { test } from "node:test";
import { slug } from "../www/lib/builder/slug.js";

test("lower-case ASCII words joined by hyphens, accents dropped", () => {
  assert.equal(slug("Détections: 87.8 % in 2023–24!"), "detections-87-8-in-2023-24");
  assert.equal(slug("  "), "chart");
  assert.equal(slug(undefined), "chart");
});

test("a long title is cut between words, never in one", () => {
  const title =
    "Table 1: Online child sexual abuse crimes recorded and detected, Scotland, April 2018";
  const s = slug(title);
  assert.equal(s, "table-1-online-child-sexual-abuse-crimes-recorded-and");
  assert.ok(s.length <= 60);
  // A cut that falls exactly between two words keeps the first whole.
  assert.equal(slug(`${"a".repeat(60)} b`), "a".repeat(60));
  assert.equal(slug(`${"a".repeat(59)} bc`), "a".repeat(59));
  // One word longer than the limit is cut in it.
  assert.equal(slug("x".repeat(70)), "x".repeat(60));
});
