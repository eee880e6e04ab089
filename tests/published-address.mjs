// The embed page's script preloads a published chart's records before the published charts' code
// (a lazy chunk) arrives, so it checks addresses and versions itself: with the same patterns as
// www/lib/published.js, or it would preload records the chunk never asks for (or miss ones it does).
// Run: node --test tests/published-address.mjs

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const read = (p) => readFileSync(new URL(`../${p}`, import.meta.url), "utf8");
const pattern = (text, name) => text.match(new RegExp(`const ${name} = (/.*/);`))?.[1];

test("the embed page checks ids and versions as the published charts' code does", () => {
  const embed = read("www/embed.js");
  const published = read("www/lib/published.js");
  for (const name of ["ID", "VERSION"]) {
    const ours = pattern(embed, name);
    assert.ok(ours, `www/embed.js has const ${name}`);
    assert.equal(ours, pattern(published, name), `${name} differs`);
  }
});
