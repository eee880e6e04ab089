// The site's JavaScript keeps to 100 characters a line, like the Rust (rustfmt.toml) and Biome's
// formatting; Biome wraps code but not long strings or comments, so this checks every line.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const WWW = fileURLToPath(new URL("../www/", import.meta.url));
const MOST = 100;

test("www/ JavaScript lines are at most 100 characters", () => {
  const long = [];
  for (const file of readdirSync(WWW, { recursive: true })) {
    if (!file.endsWith(".js")) continue;
    const lines = readFileSync(join(WWW, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      if ([...line].length > MOST) long.push(`www/${file}:${i + 1} (${[...line].length})`);
    });
  }
  assert.deepEqual(long, []);
});
