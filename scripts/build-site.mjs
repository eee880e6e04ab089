// Builds the static site from www/ and the wasm-pack output into a folder (dist/), with esbuild:
// the pages, the loader (offence-charts.js) and the iframe host script (embed-host.js) under the
// stable names that snippets use; everything else under a content-hashed name (NAME-<10 hex>.EXT,
// the first 10 hex digits of its SHA-256), so that a CDN may cache it forever.
//
//   oc-<hash>.wasm       the program, its import and export names shortened (short-names.mjs)
//   oc-<hash>.js         its JS glue, naming the wasm; the loader imports it (and re-imports it as
//                        oc-<hash>.js?instance=N for a fresh instance after a trap)
//   <chart>-<hash>.json  each named chart's spec (data/<chart>.json, minified)
//   offence-charts.js    the loader for script snippets: www/offence-charts.js and www/lib/
//                        bundled, importing the glue above
//   embed-<hash>.js      the embed page's one script: its code, the loader and the glue bundled
//   published-<hash>.js  published charts' code (www/lib/published.js), which the embed page's
//                        script imports only for a published chart (?id=): a lazy chunk
//   fallback-<hash>.js   the plain table shown when the program cannot load (www/lib/fallback.js):
//                        a lazy chunk of the embed page's script too
//   oc-builder-<hash>.wasm, oc-builder-<hash>.js  the builder's program (cargo feature `builder`:
//                        release figures, headline claims) and its glue, for builder.html only
//   builder-<hash>.js    the builder's script, bundled the same way with the builder's glue
//   oc-sheet-<hash>.wasm the spreadsheet reader's program (cargo feature `sheet`: the builder's
//                        with calamine and csv), its glue bundled into its worker only
//   sheet-worker-<hash>.js  the builder's spreadsheet reader, a module worker running that
//                        program (bundled with its glue); only it loads the program
//   embed-host.js        minified, not bundled (a classic script, pasted into CMS pages)
//   *-<hash>.css         the stylesheets, minified
//   *.html               the pages, naming the files above (the embed page also preloads the wasm
//                        and holds each named chart's spec: see namedIslands), each field's
//                        maxlength="LIMITS.name" written as the spec's limit (see withLimits)
//
// Each file is named after its final bytes, so files are written in dependency order: wasm, glue,
// specs, scripts, styles, pages. Code names the glue, the wasm and the specs through the module
// "oc:files" (GLUE, WASM, SPECS) and imports the glue as "oc:glue", both provided here. Any error
// or esbuild warning, a page naming a file the build does not make, or a file in www/ it does not
// know stops the build with a message; the folder is replaced only once everything is built.
//
// Usage: node scripts/build-site.mjs PKG OUT BUILDER_PKG SHEET_PKG   (wasm-pack's output
// folders for the readers' program, the builder's and its spreadsheet reader's)
import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";
import { LIMITS, NAMED_CHARTS } from "../www/shared.js";
import { shortNames } from "./short-names.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WWW = join(ROOT, "www");
// wasm-pack's names for the program and its glue (--out-name offence_charts).
const PKG_WASM = "offence_charts_bg.wasm";
const PKG_GLUE = "offence_charts.js";
// The top-level files of www/, by what the build does with them.
const STABLE_LOADER = "offence-charts.js";
const HOST = "embed-host.js";
const BUNDLED = ["embed.js"];
const BUILDER = "builder.js"; // bundled with the builder's program
// The builder's spreadsheet reader: a module worker, bundled with the builder's program too.
const SHEET_WORKER = "lib/builder/sheet-worker.js";
const IMPORTED_ONLY = ["shared.js"]; // generated from Rust; bundled where imported

const hash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 10);

class Site {
  constructor(dir) {
    this.dir = dir;
    this.names = new Map(); // the name pages and code use -> the name in the folder
  }
  /** Writes `bytes` as `stem-<hash>.ext` (or as `stable`), known to pages as `from`. */
  add(from, bytes, { stem, ext, stable } = {}) {
    const name = stable ?? `${stem}-${hash(bytes)}.${ext}`;
    writeFileSync(join(this.dir, name), bytes);
    this.names.set(from, name);
    return name;
  }
}

/** The wasm and its glue with short names, the glue naming the wasm's hashed file; the glue
 * written as a file of its own too unless `bundledOnly` (a program whose glue is only ever
 * bundled, as the spreadsheet reader's worker bundles its own). */
async function program(site, pkg, stem = "oc", bundledOnly = false) {
  const tmp = mkdtempSync(join(tmpdir(), "oc-site-"));
  try {
    const wasmPath = join(tmp, "program.wasm");
    const gluePath = join(tmp, "glue.js");
    writeFileSync(wasmPath, readFileSync(join(pkg, PKG_WASM)));
    writeFileSync(gluePath, readFileSync(join(pkg, PKG_GLUE)));
    shortNames(wasmPath, gluePath);
    // Pages name the readers' files as wasm-pack does; the builder's are named by no page.
    const from = (name) => (stem === "oc" ? name : `${stem}:${name}`);
    const wasm = site.add(from(PKG_WASM), readFileSync(wasmPath), { stem, ext: "wasm" });
    const source = readFileSync(gluePath, "utf8");
    if (!source.includes(PKG_WASM)) throw new Error(`the glue does not name ${PKG_WASM}`);
    const glue = source.replaceAll(PKG_WASM, wasm);
    const min = await transform(glue, { minify: true, loader: "js", logLevel: "warning" });
    failOnWarnings(min, "the glue");
    const glueFile = bundledOnly ? null : site.add(from(PKG_GLUE), min.code, { stem, ext: "js" });
    return { wasm, glue, glueFile };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Each named chart's spec, minified: data/<name>.json, and nothing else in data/. */
function specs(site) {
  const data = readdirSync(join(ROOT, "data")).filter((f) => f.endsWith(".json"));
  const unnamed = data.filter((f) => !NAMED_CHARTS.includes(basename(f, ".json")));
  if (unnamed.length) throw new Error(`data/ has specs that are not named charts: ${unnamed}`);
  const files = {};
  const texts = {};
  for (const name of NAMED_CHARTS) {
    if (!data.includes(`${name}.json`))
      throw new Error(`the named chart ${name} has no data/${name}.json`);
    const text = JSON.stringify(
      JSON.parse(readFileSync(join(ROOT, "data", `${name}.json`), "utf8")),
    );
    files[name] = `./${site.add(`${name}.json`, text, { stem: name, ext: "json" })}`;
    texts[name] = text;
  }
  return { files, texts };
}

// Where a page asks for the named charts' specs inline (www/embed.html).
const ISLANDS = "<!-- oc:named-specs -->";

/**
 * Each named chart's spec as a data block, `<script type="application/json"
 * id="oc-spec-NAME">`, which no CSP blocks (it never runs). The embed page reads the one its
 * ?chart= names instead of fetching its file: the spec is there with the page, a request and a
 * round trip before the script could ask for it. Each `<` is written `\u003c` (the same JSON), so
 * no text in a spec can close the block.
 */
function namedIslands(texts) {
  return Object.entries(texts)
    .map(([name, text]) => {
      const json = text.replaceAll("<", "\\u003c");
      return `<script type="application/json" id="oc-spec-${name}">${json}</script>`;
    })
    .join("\n");
}

// What the page scripts' loader calls on an instance of the program (lib/program.js, mount.js,
// charts.js, render.js): a bundled glue exports only these, so the rest of it is left out.
const CALLED = ["default", "openChart", "renderChart"];
// And what the builder calls besides (ChartView.claims comes with the class).
const BUILDER_CALLED = [...CALLED, "findFigures"];
// And what the spreadsheet reader's worker calls of its program.
const SHEET_CALLED = ["default", "readSheets"];

/** esbuild's resolution of the two modules the build provides: "oc:files", and "oc:glue", whose
 * default export is what lib/program.js's load() resolves to: the glue's CALLED functions as a
 * plain object when the glue is bundled (a module namespace object would need esbuild's runtime
 * helper, which a page script split into lazy chunks would then fetch as a chunk of its own), or
 * the whole module when it is left as an import of the glue's own file (the loader). */
function provided(
  { wasm, glue, glueFile },
  specFiles,
  bundleGlue,
  called = CALLED,
  sheetWorker = null,
) {
  const files = [
    `export const GLUE = ${JSON.stringify(glueFile && `./${glueFile}`)};`,
    `export const WASM = ${JSON.stringify(`./${wasm}`)};`,
    `export const SPECS = ${JSON.stringify(specFiles)};`,
    `export const SHEET_WORKER = ${JSON.stringify(sheetWorker && `./${sheetWorker}`)};`,
  ].join("\n");
  return {
    name: "offence-charts-files",
    setup(b) {
      const named = called.filter((n) => n !== "default").join(", ");
      const modules = {
        files,
        called: [
          `import init, { ${named} } from "oc:glue-module";`,
          `export default { default: init, ${named} };`,
        ].join("\n"),
        external: `import * as glue from "./${glueFile}";\nexport default glue;`,
        glue,
      };
      b.onResolve({ filter: /^oc:glue$/ }, () => ({
        path: bundleGlue ? "called" : "external",
        namespace: "oc",
      }));
      b.onResolve({ filter: /^\.\/oc-/ }, (args) =>
        args.path === `./${glueFile}` ? { path: args.path, external: true } : undefined,
      );
      b.onResolve({ filter: /^oc:glue-module$/ }, () => ({ path: "glue", namespace: "oc" }));
      b.onResolve({ filter: /^oc:files$/ }, () => ({ path: "files", namespace: "oc" }));
      b.onLoad({ filter: /.*/, namespace: "oc" }, (args) => ({
        contents: modules[args.path],
        loader: "js",
      }));
    },
  };
}

function failOnWarnings(result, what) {
  if (result.warnings.length) throw new Error(`esbuild warned about ${what} (see above)`);
}

/** Bundles and minifies `entries` (files of www/); resolves to [{entry, code, imports}]. With
 * `split`, a module the entries import with `import()` is a chunk of its own, loaded only when
 * asked for: `chunks` is [{file, code, imports}] (file: esbuild's name, "published-XXXX.js"). */
async function bundle(entries, plugin, split = false) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: entries.map((e) => `www/${e}`),
    bundle: true,
    minify: true,
    format: "esm",
    splitting: split,
    write: false,
    outdir: "out",
    entryNames: "[name]",
    chunkNames: "[name]-[hash]",
    metafile: true,
    logLevel: "warning",
    plugins: [plugin],
  });
  failOnWarnings(result, entries.join(", "));
  const made = (path) => {
    const file = result.outputFiles.find((f) => f.path === join(ROOT, path));
    if (!file) throw new Error(`esbuild made no ${path}`);
    return { code: file.contents, imports: result.metafile.outputs[path].imports };
  };
  const files = entries.map((entry) => ({ entry, ...made(`out/${basename(entry)}`) }));
  const chunks = Object.entries(result.metafile.outputs)
    .filter(([path]) => path.endsWith(".js") && !entries.some((e) => path === `out/${basename(e)}`))
    .map(([path]) => ({ file: basename(path), ...made(path) }));
  return split ? { files, chunks } : files;
}

/** The page scripts: one file each, bundling the glue and the loader's parts, plus the chunks
 * they load on demand (published charts' code, the no-program table), each under its own hashed name. A chunk imports
 * nothing; an entry imports nothing but its chunks, by `import()`. */
async function pageScripts(site, prog, specFiles) {
  const { files, chunks } = await bundle(BUNDLED, provided(prog, specFiles, true), true);
  const renamed = new Map(); // "./published-XXXX.js" (esbuild's) -> "./published-<hash>.js"
  for (const { file, code, imports } of chunks) {
    if (imports.length)
      throw new Error(`the chunk ${file} should import nothing: ${imports.map((i) => i.path)}`);
    const stem = basename(file, ".js").replace(/-[A-Z0-9]+$/, "");
    renamed.set(`./${file}`, `./${site.add(`chunk:${stem}`, code, { stem, ext: "js" })}`);
  }
  for (const { entry, code, imports } of files) {
    const other = imports.filter(
      (i) => i.kind !== "dynamic-import" || !renamed.has(`./${basename(i.path)}`),
    );
    if (other.length)
      throw new Error(`${entry} should import nothing but its chunks: ${other.map((i) => i.path)}`);
    let text = Buffer.from(code).toString("utf8");
    for (const [from, to] of renamed) {
      if (!text.includes(`"${from}"`)) continue; // another entry's chunk
      text = text.replaceAll(`"${from}"`, `"${to}"`);
    }
    site.add(entry, text, { stem: basename(entry, ".js"), ext: "js" });
  }
}

async function scripts(site, prog, builderProg, sheetProg, specFiles) {
  // The loader of script snippets imports the glue's file, which is loaded once per page.
  const [loader] = await bundle([STABLE_LOADER], provided(prog, specFiles, false));
  const glueImport = loader.imports.map((i) => i.path);
  if (glueImport.join() !== `./${prog.glueFile}`) {
    throw new Error(`${STABLE_LOADER} should import the glue and nothing else: ${glueImport}`);
  }
  site.add(STABLE_LOADER, loader.code, { stable: STABLE_LOADER });
  // The page scripts bundle the glue: one script each, importing only their lazy chunks.
  await pageScripts(site, prog, specFiles);
  // The spreadsheet reader's worker first: the builder's script names its file.
  const workerPlugin = provided(sheetProg, specFiles, true, SHEET_CALLED);
  const [worker] = await bundle([SHEET_WORKER], workerPlugin);
  if (worker.imports.length)
    throw new Error(`${SHEET_WORKER} should import nothing: ${worker.imports.map((i) => i.path)}`);
  const workerFile = site.add(SHEET_WORKER, worker.code, { stem: "sheet-worker", ext: "js" });
  const builderPlugin = provided(builderProg, specFiles, true, BUILDER_CALLED, workerFile);
  const [builder] = await bundle([BUILDER], builderPlugin);
  if (builder.imports.length)
    throw new Error(`${BUILDER} should import nothing: ${builder.imports.map((i) => i.path)}`);
  site.add(BUILDER, builder.code, { stem: basename(BUILDER, ".js"), ext: "js" });
  // The host script is a classic script (document.currentScript): minified as it is.
  const host = await transform(readFileSync(join(WWW, HOST), "utf8"), {
    minify: true,
    loader: "js",
    logLevel: "warning",
  });
  failOnWarnings(host, HOST);
  site.add(HOST, host.code, { stable: HOST });
}

async function styles(site, css) {
  for (const file of css) {
    const out = await transform(readFileSync(join(WWW, file), "utf8"), {
      minify: true,
      loader: "css",
      logLevel: "warning",
    });
    failOnWarnings(out, file);
    site.add(file, out.code, { stem: basename(file, ".css"), ext: "css" });
  }
}

/** `text` (www/`file`) with each maxlength="LIMITS.name" as the number shared.js gives that limit
 * (the core's spec::limits): a field's limit is the spec's, with no copy of it in the page. */
function withLimits(file, text) {
  return text.replace(/\bmaxlength="LIMITS\.([^"]*)"/g, (_, key) => {
    if (!Object.hasOwn(LIMITS, key))
      throw new Error(`www/${file} names LIMITS.${key}, which shared.js does not have`);
    return `maxlength="${LIMITS[key]}"`;
  });
}

/** Each page with its local src and href attributes naming the built files, the named charts'
 * specs where it asks for them (`texts`: name -> JSON), its fields' spec limits (withLimits), and
 * without its comments (notes for the source's readers). */
function pages(site, html, texts) {
  for (const file of html) {
    const text = readFileSync(join(WWW, file), "utf8");
    if (file === "embed.html" && !text.includes(ISLANDS))
      throw new Error(`www/embed.html lost its ${ISLANDS} line: it would fetch each spec`);
    const source = withLimits(file, text)
      .replace(ISLANDS, () => namedIslands(texts))
      .replace(/<!--[\s\S]*?-->\n?/g, "");
    const page = source.replace(/\b(src|href)="([^"]*)"/g, (attr, key, value) => {
      if (/^(data:|https?:|#)/.test(value)) return attr;
      const name = site.names.get(value);
      if (!name) throw new Error(`www/${file} names ${value}, which the build does not make`);
      return `${key}="${name}"`;
    });
    site.add(file, page, { stable: file });
  }
}

async function main() {
  const [pkg, out, builderPkg, sheetPkg] = process.argv.slice(2);
  if (!pkg || !out || !builderPkg || !sheetPkg)
    throw new Error("usage: node scripts/build-site.mjs PKG OUT BUILDER_PKG SHEET_PKG");
  const top = readdirSync(WWW, { withFileTypes: true }).filter((f) => f.isFile());
  const of = (ext) => top.map((f) => f.name).filter((f) => f.endsWith(ext));
  const known = [STABLE_LOADER, HOST, ...BUNDLED, BUILDER, ...IMPORTED_ONLY];
  const unknown = top
    .map((f) => f.name)
    .filter((f) => !/\.(html|css)$/.test(f) && !known.includes(f));
  if (unknown.length) throw new Error(`www/ has files the build does not know: ${unknown}`);

  const partial = `${out}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true }); // next to OUT, which it replaces once complete
  const site = new Site(partial);
  try {
    const prog = await program(site, pkg);
    const builderProg = await program(site, builderPkg, "oc-builder");
    const sheetProg = await program(site, sheetPkg, "oc-sheet", true);
    const { files: specFiles, texts } = specs(site);
    await scripts(site, prog, builderProg, sheetProg, specFiles);
    await styles(site, of(".css"));
    pages(site, of(".html"), texts);
    rmSync(out, { recursive: true, force: true });
    renameSync(partial, out);
  } finally {
    rmSync(partial, { recursive: true, force: true }); // what a failed build made
  }
  console.log(`${basename(out)}: ${readdirSync(out).sort().join(" ")}`);
}

main().catch((e) => {
  console.error(`build-site: ${e.message}`);
  process.exit(1);
});
