// Prints every file in dist/ raw, gzip -9 and brotli (quality 11), and what one embedded chart
// costs a reader: embed.html?chart=offence-trend, i.e. the page + its stylesheet and script (with
// the loader and the wasm's JS glue bundled in) + wasm; the page holds the named charts' specs.
// Usage: node scripts/sizes.mjs [DIR]
import { readdirSync, readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] || "dist";
const sizes = {};
for (const f of readdirSync(dir).sort()) {
  const b = readFileSync(`${dir}/${f}`);
  sizes[f] = {
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log("file".padEnd(26), "    raw KB", "   gzip KB", " brotli KB");
for (const [f, s] of Object.entries(sizes))
  console.log(f.padEnd(26), kb(s.raw), "  ", kb(s.gzip), "  ", kb(s.brotli));
const hash = "[0-9a-f]{10}";
const files = ["embed\\.html", `embed-${hash}\\.(js|css)`, `oc-${hash}\\.wasm`].join("|"); // the page holds the named charts' specs (scripts/build-site.mjs)
const embed = Object.keys(sizes).filter((f) => new RegExp(`^(${files})$`).test(f));
const sum = (k) => embed.reduce((t, f) => t + sizes[f][k], 0);
console.log(
  "one embedded chart".padEnd(26),
  kb(sum("raw")),
  "  ",
  kb(sum("gzip")),
  "  ",
  kb(sum("brotli")),
  ` (${embed.length} files, ${sum("gzip")} bytes gzip; budget ≤ 70,259, target 64 KB = 65,536)`,
);
