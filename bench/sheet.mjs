// The spreadsheet goal of issue 22: "a 5 MB .xlsx of 100,000 rows opens to its grid in under
// 1 s; the builder's wasm growth is reported". In headless Chromium against dist/ (served by
// scripts/serve.mjs): builder.html, "A spreadsheet or CSV file", the workbook chosen; the time
// from the file input's change to the first frame painted after the grid is in the page. The
// workbook is written by tests/sheet.rs (`fixtures`, ignored by default) into target/bench/.
// Prints rows in bench/run.mjs's shape (measure, ours, …, goal, met?); run.mjs may import
// sheetRows().
//
// Usage: node bench/sheet.mjs [--quick]
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { serve } from "../scripts/serve.mjs";
import { launch } from "../tests/e2e/helpers.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DIST = join(ROOT, "dist");
const WORKBOOK = join(ROOT, "target", "bench", "100k.xlsx");
const GOAL_MS = 1000;
// The builder's wasm before it read spreadsheets (commit 202076d: 226,226 B raw, 110,404 B gzip
// -9, as wasm-pack wrote it; the release-figure finder and the headline check).
const BUILDER_BEFORE = { raw: 226226, gzip: 110404 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};

/** The benchmark workbook, written once by the Rust fixture writer. */
function workbook() {
  if (!existsSync(WORKBOOK)) {
    execFileSync("cargo", ["test", "--quiet", "--test", "sheet", "fixtures", "--", "--ignored"], {
      cwd: ROOT,
      env: { ...process.env, OC_BENCH_XLSX: WORKBOOK },
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  return WORKBOOK;
}

/** Times opening `file` to its grid, `runs` times on fresh pages (the first a warm-up). */
async function openTimes(browser, url, file, runs) {
  const times = [];
  const splits = [];
  let said = "";
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await page.waitForSelector("html[data-ready]");
    await page.selectOption("#start", "sheet");
    await page.evaluate(() => {
      document.addEventListener(
        "change",
        (e) => {
          if (e.target.id === "sheet-file") window.__t0 = performance.now();
        },
        true,
      );
    });
    await page.setInputFiles("#sheet-file", file);
    await page.waitForFunction(() => document.querySelector("#sheet-grid-box table"), null, {
      timeout: 60000,
    });
    const ms = await page.evaluate(
      () =>
        new Promise((done) => requestAnimationFrame(() => done(performance.now() - window.__t0))),
    );
    said = await page.textContent("#sheet-size");
    const marks = await page.evaluate(() =>
      Object.fromEntries(
        performance.getEntriesByType("mark").map((m) => [m.name, m.startTime - window.__t0]),
      ),
    );
    if (i > 0) splits.push(marks);
    if (i > 0) times.push(ms);
    await page.close();
  }
  const at = (k) => median(splits.map((m) => m[k] ?? 0)).toFixed(0);
  said += ` [ms from the change: read starts ${at("sheet-read")}, read ends ${at("sheet-read-end")}, grid ${at("sheet-grid")}–${at("sheet-grid-end")}]`;
  return { times, said };
}

/** The rows: the grid-open time and the builder's wasm, before and after. */
export async function sheetRows({ quick = false } = {}) {
  const file = workbook();
  const mb = (statSync(file).size / 1048576).toFixed(1);
  const server = await serve(DIST, 0);
  const url = `http://127.0.0.1:${server.address().port}/builder.html`;
  const browser = await launch();
  try {
    const { times, said } = await openTimes(browser, url, file, quick ? 3 : 8);
    const ms = median(times);
    // The builder page's program, and the spreadsheet reader's (its worker's; only it loads it).
    const sized = (re) => {
      const file = readdirSync(DIST).find((f) => re.test(f));
      const bytes = readFileSync(join(DIST, file));
      return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    };
    const page = sized(/^oc-builder-[0-9a-f]{10}\.wasm$/);
    const reader = sized(/^oc-sheet-[0-9a-f]{10}\.wasm$/);
    const kb = (n) => (n / 1024).toFixed(1);
    return {
      rows: [
        [
          `spreadsheet: ${mb} MB .xlsx, 100,000 rows, to its grid (ms, median of ${times.length})`,
          ms.toFixed(0),
          "",
          "",
          "",
          "",
          `< ${GOAL_MS} ms`,
          ms < GOAL_MS ? "yes" : "NO",
        ],
        [
          "builder page's wasm, gzip -9 KB (before spreadsheets → now)",
          `${kb(BUILDER_BEFORE.gzip)} → ${kb(page.gzip)}`,
          "",
          "",
          "",
          "",
          "reported",
          "",
        ],
        [
          "spreadsheet reader's wasm (its worker's, on a file), gzip / raw KB",
          `${kb(reader.gzip)} / ${kb(reader.raw)}`,
          "",
          "",
          "",
          "",
          "reported",
          "",
        ],
      ],
      samples: times,
      said,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, samples, said } = await sheetRows({ quick: process.argv.includes("--quick") });
  for (const r of rows) console.log(r.filter((c) => c !== "").join("  "));
  console.error(
    `samples (ms): ${samples.map((t) => t.toFixed(0)).join(", ")}; the page said: ${said}`,
  );
}
