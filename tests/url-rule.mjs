// The builder's address check (www/lib/builder/escape.js, isWebAddress, built on shared.js's
// URL_RULE) on the cases the core's own test uses (tests/fixtures/urls.json, in
// tests/spec_rules.rs): what the builder takes as a source's address, the chart takes, and the
// other way round.
// Run: node --test tests/url-rule.mjs

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { isWebAddress } from "../www/lib/builder/escape.js";

const CASES = JSON.parse(readFileSync(new URL("fixtures/urls.json", import.meta.url), "utf8"));

test("isWebAddress agrees with the core on every shared case", () => {
  assert.ok(CASES.length > 10, "the fixture has its cases");
  const wrong = CASES.filter(({ url, ok }) => isWebAddress(url) !== ok).map(
    ({ url, ok, why }) =>
      `${why}: ${JSON.stringify(url.slice(0, 60))} should be ${ok ? "taken" : "refused"}`,
  );
  assert.deepEqual(wrong, []);
});
