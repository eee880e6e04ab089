// Shortens the names between the wasm and its JS glue: wasm-bindgen names each import after the
// function and a 16-digit hash (`__wbg_fillRect_e1f0b9915220348b`), and those names sit in both
// files, where gzip cannot share them. binaryen renames every import, export and import module to
// one or two letters and prints the mapping; this applies the same mapping to the glue.
// Usage: node scripts/short-names.mjs WASM GLUE   (both rewritten in place), or shortNames(WASM,
// GLUE) from scripts/build-site.mjs.
import { execFileSync } from "node:child_process";
import { readFileSync, renameSync, writeFileSync } from "node:fs";

const FEATURES = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

/** Rewrites the wasm at `wasmPath` and its glue at `gluePath` in place with short names; throws if
 * the glue does not name what the wasm imports and exports. */
export function shortNames(wasmPath, gluePath) {
  const out = `${wasmPath}.short`;
  // Also drops the two custom sections that only describe the build (producers, target features),
  // then optimises once more for size (-Oz again: about 0.2 KB gzip less than wasm-pack's alone).
  const map = JSON.parse(
    execFileSync(
      "wasm-opt",
      [
        "--minify-imports-and-exports-and-modules",
        "--strip-producers",
        "--strip-target-features",
        "-Oz",
        ...FEATURES,
        wasmPath,
        "-o",
        out,
      ],
      { encoding: "utf8", maxBuffer: 1 << 24 },
    ),
  );
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(out)));
  const modules = new Set(imports.map((i) => i.module));
  const oldModules = new Set(map.imports.map(([m]) => m));
  if (modules.size !== 1 || oldModules.size !== 1)
    throw new Error(
      `short-names: expected one import module, found ${[...oldModules]} -> ${[...modules]}`,
    );
  const [newModule] = modules;
  const [oldModule] = oldModules;

  const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  let glue = readFileSync(gluePath, "utf8");
  const replaceAll = (pattern, to, what) => {
    const before = glue;
    glue = glue.replace(pattern, to);
    if (glue === before) throw new Error(`short-names: ${what} not found in ${gluePath}`);
  };
  replaceAll(
    new RegExp(`"${escapeRe(oldModule)}"(?=\\s*:)`, "g"),
    JSON.stringify(newModule),
    `the import module "${oldModule}"`,
  );
  // Imports are the keys of the glue's import object; exports are read as `wasm.name`.
  for (const [, from, to] of map.imports)
    replaceAll(new RegExp(`\\b${escapeRe(from)}(?=\\s*:)`, "g"), to, `the import ${from}`);
  for (const [from, to] of map.exports) {
    const pattern = new RegExp(`\\bwasm\\.${escapeRe(from)}\\b`, "g");
    // Exports the glue never reads (binaryen keeps them) are fine; the others must all be renamed.
    if (pattern.test(glue)) glue = glue.replace(pattern, `wasm.${to}`);
  }
  for (const [, from] of map.imports)
    if (glue.includes(from)) throw new Error(`short-names: ${from} still in the glue`);
  for (const [from] of map.exports)
    if (from.length > 3 && new RegExp(`\\bwasm\\.${escapeRe(from)}\\b`).test(glue))
      throw new Error(`short-names: wasm.${from} still in the glue`);
  writeFileSync(gluePath, glue);
  renameSync(out, wasmPath);
}

if (import.meta.url === `file://${process.argv[1]}`) shortNames(...process.argv.slice(2, 4));
