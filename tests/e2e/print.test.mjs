// Printing: Save as PDF of the article, opened and never scrolled (so its second chart is not yet
// mounted) or scrolled through in the dark theme, holds both charts drawn light at the printed
// width, with their titles, figures and sources (Chromium prints a canvas's drawing as vectors, so
// pdftotext reads them) and the series colour on the page; a chart that would straddle a page
// break moves whole to the next page; emulated print media mounts and draws the lazy charts too.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import {
  analyseCanvas,
  clean,
  fixture,
  page as html,
  LIGHT,
  openAndMount,
  requireDist,
  specScript,
  waitForCharts,
} from "./helpers.mjs";

const LOADER = '<script type="module" src="offence-charts.js"></script>';
const TREND = "Online child sexual abuse offences recorded in Scotland";
const RATE = "Nearly nine in ten grooming reports were detected";

// A chart below a block whose height the test sets so that the chart's canvas runs across the end
// of an A4 page (1123 px tall at 96 px per inch, no margins) in print media.
const straddle = html({
  title: "a chart across a page break",
  head: `<link rel="stylesheet" href="straddle.css">\n${LOADER}`,
  body: `<main><div class="tall">Before the chart.</div>\n${specScript("offence-trend")}\n</main>`,
});
const straddleCss = "body { margin: 0; } main { width: 640px; }";

// poppler-utils (scripts/setup.sh) reads the PDFs.
const pdftotext = () => execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
const e2e = fixture({ requires: [requireDist, pdftotext] });
let srv;
let tmp;
before(async () => {
  tmp = e2e.folder({}, { withDist: false });
  srv = await e2e.serve(e2e.folder({ "straddle.html": straddle, "straddle.css": straddleCss }));
});

/** Prints `page` to a PDF (A4, no margins); resolves to its path. */
async function pdf(page, name) {
  const path = join(process.env.OC_PDF_DIR || tmp, `${name}.pdf`);
  await page.pdf({ path, format: "A4" });
  return path;
}

const pageCount = (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]))[1]);
const text = (file, n) =>
  execFileSync("pdftotext", ["-layout", "-f", `${n}`, "-l", `${n}`, file, "-"]).toString();

/** How many pixels of page `n` of `file`, rasterised at 50 dpi, are within 8 of `rgb`. */
function colourPixels(file, n, rgb) {
  const out = join(tmp, `page-${n}`);
  execFileSync("pdftoppm", ["-r", "50", "-f", `${n}`, "-l", `${n}`, "-singlefile", file, out]);
  const ppm = readFileSync(`${out}.ppm`);
  // P6 <width> <height> 255, then RGB bytes.
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"));
  let count = 0;
  for (let i = head[0].length; i + 2 < ppm.length; i += 3) {
    const near = [0, 1, 2].every((k) => Math.abs(ppm[i + k] - rgb[k]) <= 8);
    if (near) count++;
  }
  return count;
}

/** Per page of `file`: its text and its pixels of the light theme's first series colour. */
function pages(file) {
  return Array.from({ length: pageCount(file) }, (_, i) => ({
    text: text(file, i + 1).replace(/\s+/g, " "),
    series: colourPixels(file, i + 1, LIGHT.series0),
  }));
}

/** Records each width and theme a chart is drawn at (data-oc-width, data-oc-theme), with the
 * canvas's backing width then. */
const recordDraws = () => {
  window.__draws = [];
  new MutationObserver((changes) => {
    for (const c of changes) {
      const canvas = c.target.querySelector("canvas");
      window.__draws.push({
        chart: [...document.querySelectorAll("figure.oc-chart")].indexOf(c.target),
        [c.attributeName.slice(8)]: c.target.getAttribute(c.attributeName),
        backing: canvas?.width,
      });
    }
  }).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-oc-width", "data-oc-theme"],
  });
};

/** The images of `file` (a canvas Chromium prints as a bitmap): [{page, ppi}]. */
const images = (file) =>
  execFileSync("pdfimages", ["-list", file])
    .toString()
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .map((c) => ({ page: Number(c[0]), ppi: Math.min(Number(c[12]), Number(c[13])) }));

/** Checks that the PDF's pages hold both charts with their titles, figures and sources, and the
 * light series colour where each is. Chromium prints a canvas drawn during printing as vectors
 * (its text is text); a chart printed as a bitmap counts if it is sharp (≥ 2 pixels per CSS px,
 * 192 ppi) and its page has the series colour. */
function bothCharts(file) {
  const p = pages(file);
  const bitmaps = images(file);
  for (const b of bitmaps) assert.ok(b.ppi >= 192, `a blurred chart on page ${b.page}: ${b.ppi}`);
  const charts = [
    [TREND, ["1,573", "1,694", "Apr 2019–Feb 2020", "Sources: Police Scotland"], 500],
    [RATE, ["87.8 %", "≈70 %", "Source: Police Scotland, #StopItNow"], 200],
  ];
  let found = 0;
  for (const [title, figures, bars] of charts) {
    const at = p.findIndex((x) => x.text.includes(title));
    if (at < 0) continue;
    found++;
    const rest = p[at].text.slice(p[at].text.indexOf(title));
    for (const s of figures) assert.ok(rest.includes(s), `"${title}" lacks "${s}": ${rest}`);
    // The bars, in the light theme's colour (not the dark theme's), on that page.
    assert.ok(p[at].series > bars, `page ${at + 1}: ${p[at].series} px of "${title}"'s bars`);
  }
  for (const b of bitmaps) assert.ok(p[b.page - 1].series > 200, `page ${b.page}: no bars`);
  assert.equal(
    found + bitmaps.length,
    2,
    `charts as text: ${found}, as bitmaps: ${bitmaps.length}:\n${p.map((x) => x.text).join("\n")}`,
  );
  return p;
}

describe("printing the article", () => {
  test("Save as PDF of the article opened and never scrolled holds both charts", async () => {
    const { context, page, g } = await e2e.context(
      { viewport: { width: 400, height: 700 }, colorScheme: "dark" },
      [srv.origin],
    );
    await context.addInitScript(recordDraws);
    try {
      // The reader waits for the page to load, then prints it.
      await page.goto(srv.url("/"), { waitUntil: "networkidle" });
      const before = await page.evaluate(() => ({
        figures: document.querySelectorAll("figure.oc-chart").length,
        waiting: document.querySelectorAll("script[data-offence-chart]").length,
      }));
      assert.deepEqual(before, { figures: 1, waiting: 1 }, "the second chart should wait");
      const file = await pdf(page, "unscrolled");
      bothCharts(file);
      // Both were drawn light, three backing pixels per CSS pixel, at the printed column's width
      // (A4 less the article's padding: 648 px), not the phone's 368.
      const draws = await page.evaluate(() => window.__draws);
      for (const chart of [0, 1]) {
        const printed = draws.filter((d) => d.chart === chart && d.width === "648");
        assert.ok(printed.length, `chart ${chart} not drawn at 648 px: ${JSON.stringify(draws)}`);
        assert.ok(
          printed.every((d) => d.backing >= 648 * 2),
          JSON.stringify(printed),
        );
      }
      assert.ok(
        draws.some((d) => d.chart === 1 && d.theme === "light"),
        JSON.stringify(draws),
      );
      assert.deepEqual(
        await page.$$eval("figure.oc-chart", (fs) => fs.map((f) => f.dataset.ocState)),
        ["ready", "ready"],
      );
      // After printing, the screen is drawn as before: dark, at the phone's width.
      await page.waitForFunction(() =>
        [...document.querySelectorAll("figure.oc-chart")].every(
          (f) => f.dataset.ocTheme === "dark" && f.dataset.ocWidth === "368",
        ),
      );
      await clean(g);
    } finally {
      await context.close();
    }
  });

  test("scrolled through in the dark theme, it still prints light", async () => {
    const { context, page } = await openAndMount(e2e, srv, {
      viewport: { width: 1280, height: 900 },
      colorScheme: "dark",
    });
    try {
      const file = await pdf(page, "scrolled");
      bothCharts(file);
      // Charts, like the text, break across pages only between them.
      assert.ok(
        await page.$$eval("figure.oc-chart", (fs) =>
          fs.every((f) => getComputedStyle(f).breakInside === "avoid"),
        ),
      );
    } finally {
      await context.close();
    }
  });

  test("printed from a screen of pixel ratio 3, both charts print as words, not bitmaps", async () => {
    // At that ratio the print draws at the screen's own ratio: on the screen's backing store,
    // Chromium printed the first chart as a bitmap, its words missing from the PDF's text.
    const { context, page } = await openAndMount(e2e, srv, {
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 3,
    });
    try {
      const file = await pdf(page, "ratio3");
      assert.deepEqual(images(file), [], "no chart printed as a bitmap");
      const p = bothCharts(file);
      assert.ok(p.some((x) => x.text.includes(TREND)) && p.some((x) => x.text.includes(RATE)));
    } finally {
      await context.close();
    }
  });

  test("a chart that would straddle a page break moves whole to the next page", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 640, height: 1400 } });
    try {
      const page = await context.newPage();
      await page.goto(srv.url("/straddle.html"), { waitUntil: "networkidle" });
      await waitForCharts(page, 1);
      await page.emulateMedia({ media: "print" });
      const { canvasTop, canvasEnd } = await page.evaluate(async () => {
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        const fig = document.querySelector("figure.oc-chart");
        const frame = fig.querySelector(".oc-frame").getBoundingClientRect();
        const top = fig.getBoundingClientRect().top;
        const gap = Number.parseFloat(getComputedStyle(fig).marginTop);
        document.querySelector(".tall").style.height = `${1123 - frame.height / 2 - gap}px`;
        const canvas = fig.querySelector(".oc-frame").getBoundingClientRect();
        return { canvasTop: canvas.top + scrollY, canvasEnd: canvas.bottom + scrollY, top };
      });
      assert.ok(canvasTop < 1123 && canvasEnd > 1123, `${canvasTop}, ${canvasEnd}`);
      const file = await pdf(page, "straddle");
      const p = pages(file);
      assert.ok(p[0].text.includes("Before the chart."));
      // "Show data", which paper cannot open, is not printed.
      assert.ok(!p.some((x) => x.text.includes("Show data")), "no Show data on paper");
      assert.equal(p[0].series, 0, "a part of the chart is on page 1");
      assert.ok(p[1].series > 500, "the chart is not on page 2");
      // Its title too (as text, or in the chart's bitmap on page 2).
      const title = p.findIndex((x) => x.text.includes(TREND));
      if (title >= 0) assert.equal(title, 1, `the title is on page ${title + 1}`);
      else
        assert.deepEqual(
          images(file).map((b) => b.page),
          [2],
        );
    } finally {
      await context.close();
    }
  });

  test("emulated print media mounts the charts not yet drawn, light and sharp", async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 400, height: 700 },
      colorScheme: "dark",
    });
    try {
      const page = await context.newPage();
      await page.goto(srv.url("/"));
      await waitForCharts(page, 1);
      await page.emulateMedia({ media: "print" });
      await waitForCharts(page, 2);
      await page.waitForFunction(() =>
        [...document.querySelectorAll("figure.oc-chart")].every(
          (f) => f.dataset.ocTheme === "light",
        ),
      );
      for (const index of [0, 1]) {
        const a = await analyseCanvas(page, "figure.oc-chart canvas.oc-canvas", {
          index,
          rgb: LIGHT.series0,
        });
        assert.deepEqual(a.background.slice(0, 3), LIGHT.background);
        assert.ok(a.width >= 3 * 368, `chart ${index}: ${a.width} backing px for 368 CSS px`);
        assert.ok(a.runs.length >= 1, `chart ${index}: no bars`);
      }
      await page.emulateMedia({ media: "screen" });
      await page.waitForFunction(() =>
        [...document.querySelectorAll("figure.oc-chart")].every(
          (f) => f.dataset.ocTheme === "dark",
        ),
      );
    } finally {
      await context.close();
    }
  });
});
