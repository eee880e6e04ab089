// The performance benchmark: offence-charts against Chart.js 4 (both charts) and uPlot 1.6 (the
// trend chart only) in one headless Chromium, on the built dist/ served by scripts/serve.mjs.
// Prints one table (medians; ratios = ours / Chart.js and ours / uPlot) to stdout, progress to
// stderr. Timings are reported, never asserted: the exit status is non-zero only if the benchmark
// itself could not run. See docs/performance.md.
//
// Usage: node bench/run.mjs [--no-build] [--quick] [--json FILE]
//   --no-build  use dist/ as it is even if src/ or www/ are newer (default: rebuild it first)
//   --quick     a few runs of each measure, to try the harness out (not for the numbers)
//   --json FILE also write every sample and median as JSON
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { serve } from "../scripts/serve.mjs";
import { launch as launchAsTests } from "../tests/e2e/helpers.mjs";
import { sheetRows } from "./sheet.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DIST = join(ROOT, "dist");
const PAGES = join(ROOT, "bench", "pages");
const CHARTJS = join(ROOT, "node_modules", "chart.js");
const UPLOT = join(ROOT, "node_modules", "uplot");
const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
const JSON_OUT = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;

const CHARTS = ["offence-trend", "detection-rate"];
const PUBLISHED = "offence-trend"; // also measured as a published chart, embed.html?id=…
const UPLOT_CHARTS = ["offence-trend"]; // uPlot is a peer for the trend chart only (bars; no horizontal bars)
const LOADS = QUICK ? 3 : 21; // fresh page loads per chart and library; the first is a warm-up, not counted
const REDRAWS = QUICK ? 20 : 200; // timed redraws per chart and library
const WARM = 10; // untimed redraws before them
const TEXT_ROUNDS = QUICK ? 20 : 300;
const SCALE_SIZES = [1_000, 100_000, 1_000_000];
const SCALE_REDRAWS = QUICK ? 3 : 20;
const VIEWPORT = { width: 656, height: 900 }; // the embed page's 8 px padding leaves a 640 px chart
// The weight budget: one embedded chart may not grow past what it weighed when the budget was set
// (issue 24: 70,259 B gzip); a new reader feature is paid for by a saving. The target below it is
// 0.9 × Chart.js's page.
const BUDGET_BYTES = 70259;
const TARGET_KB = 64;
const GOAL_REDRAW_MS = 1;
const started = Date.now();

const log = (...a) =>
  console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n) => (n / 1024).toFixed(1);
const ms = (x) => `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)} ms`;
const ratio = (a, b) => (b ? (a / b).toFixed(2) : "–");
const yes = (ok) => (ok ? "yes" : "NO");
const int = (n) => n.toLocaleString("en-GB");

// ---------------------------------------------------------------------------------------------
// dist/: rebuilt when older than its sources, then copied so a concurrent rebuild cannot change it
// under the benchmark.

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

function ensureDist() {
  const sources = Math.max(
    ...["src", "www", "data", "Cargo.toml", "Cargo.lock", "scripts/dist.sh"].map((p) =>
      newest(join(ROOT, p)),
    ),
  );
  const files = existsSync(DIST) ? readdirSync(DIST) : [];
  const built = files.length ? Math.min(...files.map((f) => statSync(join(DIST, f)).mtimeMs)) : 0;
  if (files.includes("embed.html") && built >= sources) return;
  if (args.includes("--no-build")) {
    if (!files.includes("embed.html"))
      throw new Error("dist/ is missing: run scripts/dist.sh (or make bench)");
    log("warning: dist/ is older than src/ or www/ (--no-build: measuring it anyway)");
    return;
  }
  log(
    files.length
      ? "dist/ is older than its sources: rebuilding (scripts/dist.sh)"
      : "dist/ is missing: building (scripts/dist.sh)",
  );
  const r = spawnSync("bash", [join(ROOT, "scripts", "dist.sh")], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) throw new Error("scripts/dist.sh failed");
}

/** Copies dist/ into `dir` and checks it is one consistent build (loader → glue → wasm). */
function snapshot(dir) {
  for (let attempt = 0; attempt < 5; attempt++) {
    rmSync(dir, { recursive: true, force: true });
    try {
      cpSync(DIST, dir, { recursive: true });
      const loader = readFileSync(join(dir, "offence-charts.js"), "utf8");
      const glue = loader.match(/"\.\/(oc-[0-9a-f]{10}\.js)"/)[1];
      const wasm = readFileSync(join(dir, glue), "utf8").match(/oc-[0-9a-f]{10}\.wasm/)[0];
      if (existsSync(join(dir, wasm)) && existsSync(join(dir, "embed.html"))) return { glue, wasm };
    } catch {
      // a rebuild was under way: try again
    }
    spawnSync("sleep", ["2"]);
  }
  throw new Error("could not copy a consistent dist/ (is scripts/dist.sh running in a loop?)");
}

/** The Chart.js (and uPlot) figures of our two default charts, from data/*.json. */
function figures() {
  const out = {};
  for (const name of CHARTS) {
    const spec = JSON.parse(readFileSync(join(ROOT, "data", `${name}.json`), "utf8"));
    const v = (f) => (f && typeof f === "object" ? f.value : f);
    if (spec.kind === "trend") {
      const sources = (spec.sources || []).map((s) => s.name + (s.date ? ` (${s.date})` : ""));
      out[name] = {
        kind: "trend",
        title: spec.title,
        subtitle: spec.subtitle || "",
        labels: spec.periods.map((p) => p.label),
        series: spec.series.map((s) => ({ name: s.name, values: s.values.map(v) })),
        // Only the uPlot page shows it (see uplotFigures); the Chart.js page draws no source line.
        source: (sources.length > 1 ? "Sources: " : "Source: ") + sources.join("; "),
      };
    } else {
      // As our chart: the rate computed from the counts when both are given (86 of 98 = 87.8 %).
      const rate = (c) =>
        v(c.recorded) && v(c.detected) != null
          ? Math.round((1000 * v(c.detected)) / v(c.recorded)) / 10
          : v(c.rate);
      out[name] = {
        kind: "rate",
        title: spec.title,
        subtitle: spec.subtitle || "",
        labels: spec.categories.map((c) => c.label),
        series: [{ name: "Detected (%)", values: spec.categories.map(rate) }],
      };
    }
  }
  return out;
}

/** The figures for uplot-embed.js: the trend chart only, with its source line. */
function uplotFigures(all) {
  return Object.fromEntries(UPLOT_CHARTS.map((c) => [c, all[c]]));
}

/** The Chart.js page's figures: as before uPlot came, without the source line it does not draw. */
function chartjsFigures(all) {
  return Object.fromEntries(
    Object.entries(all).map(([c, f]) => {
      const { source, ...rest } = f;
      return [c, rest];
    }),
  );
}

/**
 * Chart.js tree-shaken to what a bar and a line chart need (controllers, elements, category and
 * linear scales, title, subtitle, legend, tooltip plugins), bundled and minified by esbuild: what
 * a site bundling Chart.js itself would ship instead of chart.umd.min.js. Sized only, not loaded.
 * Null (and a note) if esbuild cannot do it.
 */
async function chartjsShaken(dir) {
  try {
    const esbuild = await import("esbuild");
    const parts = [
      "Chart",
      "BarController",
      "BarElement",
      "LineController",
      "LineElement",
      "PointElement",
      "CategoryScale",
      "LinearScale",
      "Title",
      "SubTitle",
      "Legend",
      "Tooltip",
    ];
    const contents = `import { ${parts.join(", ")} } from "chart.js";\nChart.register(${parts.slice(1).join(", ")});\nwindow.Chart = Chart;\n`;
    const r = await esbuild.build({
      stdin: { contents, resolveDir: ROOT, loader: "js" },
      bundle: true,
      minify: true,
      format: "iife",
      write: false,
      logLevel: "silent",
    });
    await esbuild.stop?.();
    writeFileSync(join(dir, "chart.bar-line.min.js"), r.outputFiles[0].contents);
    return "chart.bar-line.min.js";
  } catch (e) {
    log(`note: no tree-shaken Chart.js (${e.message.split("\n")[0]})`);
    return null;
  }
}

function sizes(dir, files) {
  const out = {};
  for (const f of files) {
    const b = readFileSync(join(dir, f));
    out[f] = {
      raw: b.length,
      gzip: gzipSync(b, { level: 9 }).length,
      brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  }
  return out;
}
const total = (s, k) => Object.values(s).reduce((t, x) => t + x[k], 0);
const triple = (s) => `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`;

// ---------------------------------------------------------------------------------------------
// The browser.

// Chromium is launched as the end-to-end tests launch it (tests/e2e/helpers.mjs: its executable
// and CHROMIUM_ARGS), with one addition, the --disable-features flag below.
//
// Headless Chromium 156 opens a window for every browser context, and each window starts its own
// omnibox popup (a "top chrome" WebUI renderer loading about 100 modules) while the page loads:
// on two cores it takes CPU from both libraries' pages and added about 40 ms to every fresh load
// here, floor included. A reader's article opens in a window that exists already, so the
// benchmark turns these popups off.
const QUIET = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/** The `--disable-features` list Playwright gave the Chromium this process launched (Linux: from /proc). */
function playwrightDisabled() {
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) !== process.pid) continue;
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      const list = args.find((a) => a.startsWith("--disable-features="));
      if (args.includes("--remote-debugging-pipe") && list)
        return list.slice("--disable-features=".length).split(",");
    } catch {
      // the process ended meanwhile
    }
  }
  return null;
}

/**
 * Chromium as the end-to-end tests launch it, with the omnibox popups off. Chromium keeps only the
 * last `--disable-features`, so ours repeats Playwright's own list (read from the first launch).
 */
async function launch() {
  const probe = await launchAsTests();
  const theirs = playwrightDisabled();
  await probe.close();
  if (!theirs) {
    log("warning: could not read Playwright's --disable-features; the omnibox popups stay on");
    return launchAsTests();
  }
  return launchAsTests([`--disable-features=${[...theirs, ...QUIET].join(",")}`]);
}

const problems = [];
function watch(page, what) {
  page.on("pageerror", (e) => problems.push(`${what}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${what}: console: ${m.text()}`);
  });
}

/**
 * Records when a chart is drawn: our `offence-charts:drawn` event, seen at the document, or the
 * Chart.js page setting `window.__benchDrawn`. Either way the page then logs `bench-drawn` to the
 * console, which is how the harness learns of it: Playwright's evaluate/waitForFunction would first
 * inject its own script into the page (about 17 ms of main thread in a fresh renderer), and a
 * page still loading would pay for it before its chart.
 */
function recordDrawn() {
  window.__benchViolations = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__benchViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  let drawn;
  Object.defineProperty(window, "__benchDrawn", {
    get: () => drawn,
    set: (t) => {
      if (drawn !== undefined) return;
      drawn = t;
      console.debug("bench-drawn");
    },
  });
  document.addEventListener(
    "offence-charts:drawn",
    () => {
      window.__benchDrawn = performance.now();
    },
    true,
  );
}

/** Resolves when the page logs `bench-drawn` (see recordDrawn); set up before the navigation. */
function drawnSignal(page) {
  return page.waitForEvent("console", {
    predicate: (m) => m.text() === "bench-drawn",
    timeout: 30000,
  });
}

/** One fresh page load in a fresh context (so an empty HTTP cache): navigation start → drawn, ms. */
async function loadOnce(browser, url, what, onResponse) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(recordDrawn);
    const page = await context.newPage();
    watch(page, what);
    if (onResponse) page.on("response", onResponse);
    const drawn = drawnSignal(page);
    await page.goto(url, { waitUntil: "commit" });
    await drawn;
    return await page.evaluate(() => {
      const c = document.querySelector("canvas");
      const r = c.getBoundingClientRect();
      // When the library arrived: the wasm (ours), chart.umd.min.js (Chart.js) or uPlot.iife.min.js, responseEnd.
      const lib = performance
        .getEntriesByType("resource")
        .find((e) =>
          /\.wasm$|chart\.umd\.min\.js$|uPlot\.iife\.min\.js$/.test(new URL(e.name).pathname),
        );
      const files = performance.getEntriesByType("resource").map((e) => ({
        file: new URL(e.name).pathname.slice(1),
        start: e.startTime,
        end: e.responseEnd,
      }));
      files.unshift({
        file: "(page)",
        start: 0,
        end: performance.getEntriesByType("navigation")[0].responseEnd,
      });
      return {
        drawn: window.__benchDrawn,
        lib: lib ? lib.responseEnd : NaN,
        files,
        width: r.width,
        height: r.height,
        violations: window.__benchViolations,
        isolated: crossOriginIsolated,
      };
    });
  } finally {
    await context.close();
  }
}

/** A bench page in a fresh context; `fn(page)` runs the task. */
async function onBenchPage(browser, url, what, fn) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    watch(page, what);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => window.bench, null, { timeout: 30000 });
    await page.evaluate(() => window.bench.ready);
    if (!(await page.evaluate(() => crossOriginIsolated)))
      problems.push(`${what}: not cross-origin isolated (timer steps 100 µs)`);
    return await fn(page);
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  ensureDist();
  const tmp = mkdtempSync(join(tmpdir(), "oc-bench-"));
  const site = join(tmp, "site");
  const { glue, wasm } = snapshot(site);
  const distFiles = readdirSync(site).sort();
  // The bench pages, Chart.js and uPlot go next to the copy of dist/ (same origin, same server).
  for (const f of readdirSync(PAGES)) cpSync(join(PAGES, f), join(site, f));
  const chartjsFile = "chart.umd.min.js";
  cpSync(join(CHARTJS, "dist", chartjsFile), join(site, chartjsFile));
  const chartjsVersion = JSON.parse(readFileSync(join(CHARTJS, "package.json"), "utf8")).version;
  // uPlot's minified build (the IIFE: a classic script defining `uPlot`, as chart.umd.min.js
  // defines `Chart`) and its stylesheet, a file of its own (the CSP allows no inline style).
  const uplotFiles = ["uPlot.iife.min.js", "uPlot.min.css"];
  for (const f of uplotFiles) cpSync(join(UPLOT, "dist", f), join(site, f));
  const uplotVersion = JSON.parse(readFileSync(join(UPLOT, "package.json"), "utf8")).version;
  const shakenFile = await chartjsShaken(site);
  // The floor page (see floor.js): the Chart.js page with its two scripts swapped for floor.js.
  const chartjsPage = readFileSync(join(site, "chartjs-embed.html"), "utf8");
  const scripts =
    '<script defer src="chart.umd.min.js"></script>\n<script defer src="chartjs-embed.js"></script>';
  if (!chartjsPage.includes(scripts))
    throw new Error("bench: chartjs-embed.html no longer loads its scripts as floor.html expects");
  writeFileSync(
    join(site, "floor.html"),
    chartjsPage.replace(scripts, '<script defer src="floor.js"></script>'),
  );
  // A published chart (offence-charts publish, as a newsroom would): the trend's spec as version 1
  // of chart "offence-trend" in the store beside the copy of dist/, drawn by embed.html?id=….
  execFileSync("cargo", ["build", "--quiet", "--bin", "offence-charts"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  execFileSync(join(ROOT, "target", "debug", "offence-charts"), [
    "publish",
    join(ROOT, "data", "offence-trend.json"),
    "--id",
    PUBLISHED,
    "--store",
    join(site, "charts"),
  ]);
  const all = figures();
  for (const [file, f] of [
    ["chartjs-embed.js", chartjsFigures(all)],
    ["uplot-embed.js", uplotFigures(all)],
  ]) {
    const template = readFileSync(join(site, file), "utf8");
    if (!template.includes("/*FIGURES*/ null"))
      throw new Error(`bench: ${file} has no /*FIGURES*/ placeholder`);
    writeFileSync(join(site, file), template.replace("/*FIGURES*/ null", JSON.stringify(f)));
  }

  // Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs; these two headers
  // are all the benchmark server adds to scripts/serve.mjs's own.
  const isolated = {
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
  };
  const benchServer = await serve(site, 0, { extraHeaders: () => isolated });
  const origin = `http://127.0.0.1:${benchServer.address().port}`;
  // A plain scripts/serve.mjs (its own headers only) for the cache measures, counting requests.
  const plainServer = await serve(site, 0);
  const plainOrigin = `http://127.0.0.1:${plainServer.address().port}`;
  const served = [];
  plainServer.on("request", (req) => served.push(new URL(req.url, "http://x").pathname.slice(1)));

  const browser = await launch();
  const results = {
    machine: {},
    weight: {},
    firstDraw: {},
    redraw: {},
    text: {},
    scale: {},
    cache: {},
  };
  try {
    results.machine = {
      nproc: availableParallelism(),
      cpu:
        (readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) || [])[1] ||
        "unknown",
      chromium: browser.version(),
      node: process.version,
      chartjs: chartjsVersion,
      uplot: uplotVersion,
      build: `${wasm}, ${glue}`,
      date: `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    };

    // 1. Weight: the files each embed page actually fetches (seen by the browser), sized on disk.
    log("1/6 weight");
    const fetched = async (url) => {
      const files = new Set();
      await loadOnce(browser, url, "weight", (r) => {
        const u = new URL(r.url());
        if (u.origin === origin) files.add(u.pathname.slice(1) || "index.html");
      });
      return [...files];
    };
    const oursFiles = await fetched(`${origin}/embed.html?chart=offence-trend`);
    const theirFiles = await fetched(`${origin}/chartjs-embed.html?chart=offence-trend`);
    const uplotPageFiles = await fetched(`${origin}/uplot-embed.html?chart=offence-trend`);
    const publishedFiles = await fetched(`${origin}/embed.html?id=${PUBLISHED}`);
    const ours = sizes(site, oursFiles);
    const published = sizes(site, publishedFiles);
    const theirs = sizes(site, theirFiles);
    const uplot = sizes(site, uplotPageFiles);
    const libOurs = sizes(site, ["offence-charts.js", glue, wasm]);
    const libTheirs = sizes(site, [chartjsFile]);
    const libUplot = sizes(site, uplotFiles);
    const libShaken = shakenFile ? sizes(site, [shakenFile]) : null;
    results.weight = { ours, published, theirs, uplot, libOurs, libTheirs, libUplot, libShaken };

    // 2. First draw: fresh context per load (empty HTTP cache), ours, Chart.js and uPlot interleaved.
    log(
      `2/6 first draw: ${LOADS} fresh loads × 2 charts × 2 libraries (+ uPlot for ${UPLOT_CHARTS.join(", ")}), + the floor page (first of each a warm-up)`,
    );
    const first = { ours: {}, published: {}, chartjs: {}, uplot: {}, floor: {} }; // drawn at, ms from navigation start
    const libAt = { ours: {}, published: {}, chartjs: {}, uplot: {}, floor: {} }; // the library's responseEnd, ms
    const waterfall = { ours: {}, published: {}, chartjs: {}, uplot: {}, floor: {} }; // file → [start], [end] over the counted loads
    const shapes = {};
    const FLOOR = "offence-trend"; // the floor page draws nothing: measured once, beside this chart
    for (const c of CHARTS)
      for (const lib of [
        "ours",
        "chartjs",
        "floor",
        "published",
        ...(UPLOT_CHARTS.includes(c) ? ["uplot"] : []),
      ]) {
        first[lib][c] = [];
        libAt[lib][c] = [];
      }
    for (let i = 0; i < LOADS; i++) {
      for (const c of CHARTS) {
        // Each library first in turn; the floor at each place in turn among them.
        const libs = UPLOT_CHARTS.includes(c) ? ["ours", "chartjs", "uplot"] : ["ours", "chartjs"];
        if (c === PUBLISHED) libs.push("published");
        const order = libs.map((_, k) => libs[(k + i) % libs.length]);
        if (c === FLOOR) order.splice(i % (libs.length + 1), 0, "floor");
        for (const lib of order) {
          const page = {
            ours: "embed.html",
            chartjs: "chartjs-embed.html",
            uplot: "uplot-embed.html",
            floor: "floor.html",
            published: "embed.html",
          }[lib];
          const url = `${origin}/${page}?${lib === "published" ? "id" : "chart"}=${c}`;
          const r = await loadOnce(browser, url, `first draw ${lib} ${c}`);
          if (r.violations.length) problems.push(`${lib} ${c}: CSP: ${r.violations.join(", ")}`);
          shapes[`${lib} ${c}`] = `${Math.round(r.width)}×${Math.round(r.height)}`;
          if (!r.isolated) problems.push(`first draw ${lib} ${c}: not cross-origin isolated`);
          if (i > 0) {
            first[lib][c].push(r.drawn);
            libAt[lib][c].push(r.lib);
            waterfall[lib][c] ??= {};
            const w = waterfall[lib][c];
            for (const f of r.files) {
              const name = f.file.replace(/-[0-9a-f]{10}\./, "-<hash>.");
              w[name] ??= { start: [], end: [] };
              w[name].start.push(f.start);
              w[name].end.push(f.end);
            }
            w["(drawn)"] ??= { start: [], end: [] };
            w["(drawn)"].end.push(r.drawn);
          }
        }
      }
      if (i % 5 === 4) log(`   ${i + 1}/${LOADS} loads`);
    }
    const medians = {};
    for (const lib of Object.keys(waterfall))
      for (const c of CHARTS)
        for (const [f, x] of Object.entries(waterfall[lib][c] || {})) {
          medians[`${lib} ${c}`] ??= {};
          medians[`${lib} ${c}`][f] = {
            start: x.start.length ? +median(x.start).toFixed(1) : null,
            end: +median(x.end).toFixed(1),
          };
        }
    results.firstDraw = {
      samples: first,
      libraryResponseEnd: libAt,
      waterfallMedians: medians,
      canvasCssPx: shapes,
    };

    // 3. Redraw.
    log(`3/6 redraw: ${REDRAWS} per chart and library, one a frame`);
    const redraw = { ours: {}, oursFresh: {}, chartjs: {}, uplot: {} };
    for (const c of CHARTS) {
      redraw.ours[c] = await onBenchPage(
        browser,
        `${origin}/bench-ours.html?glue=${glue}`,
        `redraw ours ${c}`,
        (p) => p.evaluate(([c, n, w]) => window.bench.redraw(c, n, w), [c, REDRAWS, WARM]),
      );
      redraw.oursFresh[c] = await onBenchPage(
        browser,
        `${origin}/bench-ours.html?glue=${glue}`,
        `redraw ours ${c} (new store)`,
        (p) => p.evaluate(([c, n, w]) => window.bench.redraw(c, n, w, true), [c, REDRAWS, WARM]),
      );
      redraw.chartjs[c] = await onBenchPage(
        browser,
        `${origin}/bench-chartjs.html`,
        `redraw chartjs ${c}`,
        (p) => p.evaluate(([c, n, w]) => window.bench.redraw(c, n, w), [c, REDRAWS, WARM]),
      );
      if (UPLOT_CHARTS.includes(c)) {
        redraw.uplot[c] = await onBenchPage(
          browser,
          `${origin}/bench-uplot.html`,
          `redraw uplot ${c}`,
          (p) => p.evaluate(([c, n, w]) => window.bench.redraw(c, n, w), [c, REDRAWS, WARM]),
        );
      }
    }
    results.redraw = redraw;

    // 4. Text measurement.
    log(`4/6 text measurement: ${TEXT_ROUNDS} rounds`);
    results.text = await onBenchPage(
      browser,
      `${origin}/bench-ours.html?glue=${glue}`,
      "text",
      (p) => p.evaluate(([n]) => window.bench.text("offence-trend", n), [TEXT_ROUNDS]),
    );

    // 5. Scale: one fresh page (so one fresh wasm instance) per size.
    log(`5/6 scale: ${SCALE_SIZES.map(int).join(", ")} points`);
    for (const n of SCALE_SIZES) {
      results.scale[n] = await onBenchPage(
        browser,
        `${origin}/bench-ours.html?glue=${glue}`,
        `scale ${n}`,
        (p) => p.evaluate(([n, r]) => window.bench.scale(n, r), [n, SCALE_REDRAWS]),
      );
      log(
        `   ${int(n)}: first ${ms(results.scale[n].first)}, redraw ${ms(median(results.scale[n].times))}`,
      );
    }

    // 6. Caching: headers of every dist file from a plain scripts/serve.mjs; then two loads of the
    // embed in one context, counting what reaches the server.
    log("6/6 caching");
    const headers = {};
    for (const f of distFiles) {
      const r = await fetch(`${plainOrigin}/${f}`);
      await r.arrayBuffer();
      headers[f] = {
        cacheControl: r.headers.get("cache-control"),
        type: r.headers.get("content-type"),
      };
    }
    const context = await browser.newContext({ viewport: VIEWPORT });
    const loads = [];
    try {
      await context.addInitScript(recordDrawn);
      for (let i = 0; i < 2; i++) {
        served.length = 0;
        const page = await context.newPage();
        watch(page, `cache load ${i + 1}`);
        const drawn = drawnSignal(page);
        await page.goto(`${plainOrigin}/embed.html?chart=offence-trend`, { waitUntil: "commit" });
        await drawn;
        loads.push([...served]);
        await page.close();
      }
    } finally {
      await context.close();
    }
    results.cache = { headers, loads };
  } finally {
    await browser.close();
    benchServer.closeAllConnections?.();
    plainServer.closeAllConnections?.();
    benchServer.close();
    plainServer.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  log("7 spreadsheets (bench/sheet.mjs)");
  results.sheet = await sheetRows({ quick: QUICK });

  const out = table(results, { wasm, chartjsFile });
  console.log(out);
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 1));
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// ---------------------------------------------------------------------------------------------
// The table.

function table(r, { wasm, chartjsFile }) {
  const rows = [];
  // Columns: measure, ours, Chart.js, ours / Chart.js, uPlot, ours / uPlot, goal, met?; `up` is
  // [uPlot's figure, ours / uPlot] where uPlot has one.
  const row = (measure, ours = "", theirs = "", rat = "", goal = "–", met = "–", up = ["", ""]) =>
    rows.push([measure, ours, theirs, rat, up[0], up[1], goal, met]);
  const section = (title) => rows.push(title);
  const NONE = ["–", ""]; // uPlot does not draw this chart
  const hasUplot = (c) => UPLOT_CHARTS.includes(c);

  // 1
  const { ours, published, theirs, uplot, libOurs, libTheirs, libUplot, libShaken } = r.weight;
  section("1 Weight, KB (gzip -9, brotli q11); the files as raw / gzip / brotli");
  for (const k of ["gzip", "raw", "brotli"]) {
    const a = total(ours, k);
    const goal = k === "gzip" ? [`budget ≤ ${BUDGET_BYTES} B`, yes(a <= BUDGET_BYTES)] : [];
    row(
      `one embedded chart, ${k}`,
      kb(a),
      kb(total(theirs, k)),
      ratio(a, total(theirs, k)),
      ...(goal.length ? goal : [undefined, undefined]),
      [kb(total(uplot, k)), ratio(a, total(uplot, k))],
    );
  }
  {
    const a = total(ours, "gzip");
    const over = a - BUDGET_BYTES;
    row(
      `  budget: ${BUDGET_BYTES} B, now ${a} B (${over > 0 ? "+" : ""}${over} B); target ${TARGET_KB} KB`,
      kb(a),
      "",
      "",
      `≤ ${TARGET_KB} KB`,
      yes(a <= TARGET_KB * 1024),
    );
  }
  {
    // A published chart's embed (embed.html?id=…): the same files but for its record and the
    // published charts' code, a chunk of the page's script loaded only for it.
    const a = total(published, "gzip");
    const extra = Object.keys(published).filter((f) => !(f in ours));
    row(
      `one embedded published chart, gzip (+ ${extra.join(", ")})`,
      kb(a),
      kb(total(theirs, "gzip")),
      ratio(a, total(theirs, "gzip")),
    );
  }
  for (const k of ["gzip", "raw", "brotli"]) {
    const a = total(libOurs, k);
    const label =
      k === "gzip"
        ? "library alone, gzip (ours: loader+glue+wasm; uPlot: js+css)"
        : `library alone, ${k}`;
    row(
      label,
      kb(a),
      kb(total(libTheirs, k)),
      ratio(a, total(libTheirs, k)),
      undefined,
      undefined,
      [kb(total(libUplot, k)), ratio(a, total(libUplot, k))],
    );
  }
  if (libShaken) {
    // What a site bundling Chart.js itself could ship instead of chart.umd.min.js (sized, not loaded).
    const a = total(libOurs, "gzip");
    const s = total(libShaken, "gzip");
    row("library alone, gzip: Chart.js tree-shaken to bar+line", kb(a), kb(s), ratio(a, s));
    const page = total(ours, "gzip");
    const theirPage = total(theirs, "gzip") - theirs[chartjsFile].gzip + s;
    row(
      "one embedded chart, gzip, with that Chart.js",
      kb(page),
      kb(theirPage),
      ratio(page, theirPage),
    );
  }
  const bySize = (s) => Object.entries(s).sort((a, b) => b[1].raw - a[1].raw);
  for (const [f, s] of bySize(ours)) row(`  ${f}`, triple(s), "", "", "", "");
  for (const [f, s] of bySize(theirs)) row(`  ${f}`, "", triple(s), "", "", "");
  if (libShaken)
    for (const [f, s] of bySize(libShaken))
      row(`  ${f} (esbuild, not loaded)`, "", triple(s), "", "", "");
  for (const [f, s] of bySize(uplot)) row(`  ${f}`, "", "", "", "", "", [triple(s), ""]);

  // 2
  section(
    `2 First draw: navigation start → chart drawn, median of ${LOADS - 1} fresh loads (fresh context each)`,
  );
  // The floor: the same page shape with a script that draws nothing, measured beside one chart and
  // the same for every library. What is above it is the part a library can change; the goal
  // compares that part: ours ≤ 0.5 × Chart.js's.
  const floorSamples = Object.values(r.firstDraw.samples.floor).find((xs) => xs.length);
  const floor = floorSamples ? median(floorSamples) : null;
  const fd = r.firstDraw;
  for (const c of CHARTS) {
    const up = (f) => (hasUplot(c) ? [ms(f("uplot")), ratio(f("ours"), f("uplot"))] : NONE);
    const drawn = (lib) => median(fd.samples[lib][c]);
    row(
      `${c}`,
      ms(drawn("ours")),
      ms(drawn("chartjs")),
      ratio(drawn("ours"), drawn("chartjs")),
      "",
      "",
      up(drawn),
    );
    if (fd.samples.published?.[c]?.length) {
      // The same chart published (its spec fetched from the store) against the named one (its
      // spec in the page): the goal is as fast.
      row(
        `  published (embed.html?id=${c}) against named`,
        ms(drawn("published")),
        ms(drawn("ours")),
        ratio(drawn("published"), drawn("ours")),
        "≈ named (≤ 1.1×)",
        yes(drawn("published") <= 1.1 * drawn("ours")),
      );
    }
    const arrived = (lib) => median(fd.libraryResponseEnd[lib][c]);
    row(
      `  of which until wasm / chart.umd.min.js / uPlot.iife.min.js arrived`,
      ms(arrived("ours")),
      ms(arrived("chartjs")),
      ratio(arrived("ours"), arrived("chartjs")),
      "",
      "",
      up(arrived),
    );
    const after = (lib) =>
      median(fd.samples[lib][c].map((d, i) => d - fd.libraryResponseEnd[lib][c][i]));
    row(
      `  of which after it arrived (compile/parse, draw)`,
      ms(after("ours")),
      ms(after("chartjs")),
      ratio(after("ours"), after("chartjs")),
      "",
      "",
      up(after),
    );
    // Loads i of each library ran back to back, under the same load from other processes.
    const paired = (lib) =>
      median(fd.samples.ours[c].map((d, i) => d / fd.samples[lib][c][i])).toFixed(2);
    row(
      `  median of per-pair ratios (back-to-back loads)`,
      "",
      "",
      paired("chartjs"),
      "",
      "",
      hasUplot(c) ? ["", paired("uplot")] : NONE,
    );
    if (floor !== null) {
      row(
        `  floor (its ratio: the lowest possible)`,
        ms(floor),
        ms(floor),
        ratio(floor, drawn("chartjs")),
        "",
        "",
        hasUplot(c) ? [ms(floor), ratio(floor, drawn("uplot"))] : NONE,
      );
      const above = (lib) => median(fd.samples[lib][c].map((d) => d - floor));
      const a = above("ours");
      const b = above("chartjs");
      row(
        `  above the floor`,
        ms(a),
        ms(b),
        ratio(a, b),
        "≤ 0.5× Chart.js's",
        yes(a <= 0.5 * b),
        up(above),
      );
      row(`  0.5 × Chart.js's time above the floor`, ms(0.5 * b), "", "", "", "");
    } else {
      row(`  above the floor (no floor measured)`, "", "", "", "≤ 0.5× Chart.js's", "–");
    }
  }

  // 3
  section(`3 Redraw (640/600 px, theme every other), median of ${REDRAWS}`);
  for (const c of CHARTS) {
    const a = median(r.redraw.ours[c].times);
    const b = median(r.redraw.chartjs[c].times);
    const u = hasUplot(c) && r.redraw.uplot?.[c] ? median(r.redraw.uplot[c].times) : null;
    const goal = `≤ ${GOAL_REDRAW_MS} ms, < Chart.js${u !== null ? ", < uPlot" : ""}`;
    row(
      `${c}`,
      ms(a),
      ms(b),
      ratio(a, b),
      goal,
      yes(a <= GOAL_REDRAW_MS && a < b && (u === null || a < u)),
      u !== null ? [ms(u), ratio(a, u)] : NONE,
    );
    if (r.redraw.oursFresh?.[c]) {
      const f = median(r.redraw.oursFresh[c].times);
      row(
        `  without keepBitmap (a new backing store per width)`,
        ms(f),
        ms(b),
        ratio(f, b),
        undefined,
        undefined,
        u !== null ? [ms(u), ratio(f, u)] : NONE,
      );
    }
  }

  // 4
  const t = r.text;
  const before = median(t.before) / t.calls;
  const after = median(t.after) / t.calls;
  section(
    `4 Text width, offence-trend at 640 px: ${t.calls} measureText calls a draw (${t.unique} distinct), median of ${TEXT_ROUNDS} rounds`,
  );
  row("before: DOM <span> + its width, µs/label", `${(before * 1000).toFixed(1)} µs`);
  row("after: measureText (shipped), µs/label", `${(after * 1000).toFixed(1)} µs`);
  row(
    "after / before; both per draw",
    `${median(t.after).toFixed(3)} / ${median(t.before).toFixed(3)} ms`,
    "",
    ratio(after, before),
    "after < before",
    yes(after < before),
  );

  // 5
  section(
    `5 Scale: one-series line, view.draw at 640 and 600 px alternately (a new layout each time), median of ${SCALE_REDRAWS}; first renderChart once`,
  );
  const s = SCALE_SIZES.map((n) => r.scale[n]);
  for (const x of s) {
    row(
      `${int(x.n)} points: redraw`,
      ms(median(x.times)),
      "",
      "",
      "≤ 16 ms",
      yes(median(x.times) <= 16),
    );
    const bytes =
      x.specBytes >= 1e6
        ? `${(x.specBytes / 1e6).toFixed(1)} MB`
        : `${(x.specBytes / 1e3).toFixed(0)} kB`;
    row(`${int(x.n)} points: first renderChart (${bytes} JSON)`, ms(x.first));
    row(`  JSON.parse alone of the same text (JS)`, ms(x.parse), "", "", "", "");
    row(`${int(x.n)} points: peak wasm memory`, `${(x.memory / 2 ** 20).toFixed(1)} MB`);
  }
  for (let i = 1; i < s.length; i++) {
    const k = s[i].n / s[i - 1].n;
    const grow = (f) => f(s[i]) / f(s[i - 1]);
    const short = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
    const label = `growth ${short(s[i - 1].n)} → ${short(s[i].n)} points (×${int(k)})`;
    const g = [grow((x) => median(x.times)), grow((x) => x.first), grow((x) => x.memory)];
    row(
      `${label}: redraw / first / memory`,
      g.map((x) => `×${x.toFixed(1)}`).join(" / "),
      "",
      "",
      `each ≤ ×${int(k * 1.25)}`,
      yes(g.every((x) => x <= k * 1.25)),
    );
  }

  // 6
  section(
    "6 Caching (scripts/serve.mjs): Cache-Control of each dist file; two loads of embed.html in one context",
  );
  const hashed = /-[0-9a-f]{10}\.(js|wasm|css|json)$/;
  for (const [f, h] of Object.entries(r.cache.headers)) {
    const want = hashed.test(f) ? "public, max-age=31536000, immutable" : "no-cache";
    row(
      `  ${f}`,
      h.cacheControl,
      "",
      "",
      hashed.test(f) ? "immutable" : "no-cache",
      yes(h.cacheControl === want),
    );
  }
  const wasmType = r.cache.headers[wasm].type;
  row(
    `  ${wasm} Content-Type`,
    wasmType,
    "",
    "",
    "application/wasm",
    yes(wasmType === "application/wasm"),
  );
  const [l1, l2] = r.cache.loads;
  row("1st load: requests reaching the server", `${l1.length}`, "", "", "", "");
  row(
    "2nd load: requests reaching the server",
    `${l2.length}: ${l2.join(", ") || "none"}`,
    "",
    "",
    "",
    "",
  );
  const wasmAgain = l2.filter((f) => f.endsWith(".wasm")).length;
  row("2nd load: wasm downloads", `${wasmAgain}`, "", "", "0", yes(wasmAgain === 0));

  // 7 (bench/sheet.mjs, its own browser and server)
  if (r.sheet) {
    section("7 Spreadsheets in the builder (bench/sheet.mjs)");
    for (const [measure, value, , , , , goal, met] of r.sheet.rows)
      row(measure, value, "", "", goal, met);
  }

  // Render.
  const head = [
    "measure",
    "ours",
    `Chart.js ${r.machine.chartjs}`,
    "ratio",
    `uPlot ${r.machine.uplot}`,
    "ratio",
    "goal",
    "met?",
  ];
  const data = rows.filter(Array.isArray);
  const w = head.map((h, i) => Math.max(h.length, ...data.map((d) => String(d[i] ?? "").length)));
  const left = new Set([0, 6, 7]); // measure, goal, met? left; figures right
  const line = (cells) =>
    cells
      .map((c, i) => (left.has(i) ? String(c ?? "").padEnd(w[i]) : String(c ?? "").padStart(w[i])))
      .join("  ")
      .trimEnd();
  const rule = w.map((n) => "-".repeat(n)).join("  ");
  const m = r.machine;
  const lines = [
    `offence-charts bench  ${m.date}  ${m.nproc} CPUs (${m.cpu}), Chromium ${m.chromium}, Node ${m.node}; build ${m.build}${QUICK ? "  [--quick: NOT the real run counts]" : ""}`,
    line(head),
    rule,
  ];
  for (const x of rows) lines.push(Array.isArray(x) ? line(x) : x);
  lines.push(rule);
  const shape = (lib, cs) => cs.map((c) => r.firstDraw.canvasCssPx[`${lib} ${c}`]).join(", ");
  lines.push(
    `ratio = ours / Chart.js, then ours / uPlot; uPlot draws the trend chart only ("–": not compared).`,
  );
  lines.push(
    `Canvas (CSS px): Chart.js ${shape("chartjs", CHARTS)}; ours ${shape("ours", CHARTS)}; uPlot ${shape("uplot", UPLOT_CHARTS)} (its plot; title, subtitle and source line in HTML around it, 640×400 in all).`,
  );
  if (problems.length)
    lines.push(
      `page problems (${problems.length}): ${[...new Set(problems)].slice(0, 5).join(" | ")}`,
    );
  return lines.join("\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
