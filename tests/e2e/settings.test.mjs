// The reader's own settings: forced colours (Windows' contrast themes; emulated here with a light
// and a dark system palette) draw the chart in the system's colours and follow changes; a larger
// default font size (the browser's setting, set through the DevTools protocol as the settings page
// does) draws the chart's text larger, the chart taller, nothing outside the column; 200 % zoom.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FONTS, PHONE_BELOW } from "../../www/shared.js";
import {
  analyseCanvas,
  clean,
  DARK,
  fixture,
  page as html,
  openAndMount,
  sameRgb,
  scrollThrough,
  specScript,
  trendSpec,
  waitForCharts,
} from "./helpers.mjs";

const LOADER = '<script type="module" src="offence-charts.js"></script>';
// A one-line title whose ink (an ascender and a descender) is as tall as its font at any width.
const hgPage = html({
  title: "a short title",
  head: `<link rel="stylesheet" href="hg.css">\n${LOADER}`,
  body: `<main>${specScript(trendSpec({ title: "Hg" }))}</main>`,
});
const hgCss = "body { margin: 0; } main { width: 648px; }";
// The title's font size, CSS px, of a chart laid out `width` px wide (shared.js's FONTS).
const titlePx = (width) => Number(/(\d+)px/.exec(FONTS[+(width >= PHONE_BELOW)][0])[1]);

const errorPage = html({
  title: "a bad chart",
  head: '<script type="module" src="offence-charts.js"></script>',
  body: `<main>${specScript(trendSpec({ title: 7 }))}</main>`,
});

const e2e = fixture();
let srv;
before(async () => {
  srv = await e2e.serve(e2e.folder({ "bad.html": errorPage, "hg.html": hgPage, "hg.css": hgCss }));
});

const CANVAS = "figure.oc-chart canvas.oc-canvas";

/** The system colours as the page resolves them: {Canvas: [r, g, b], …}. */
const system = (page) =>
  page.evaluate(() => {
    const probe = document.createElement("span");
    document.body.append(probe);
    const out = {};
    for (const c of ["Canvas", "CanvasText", "GrayText", "Highlight", "LinkText"]) {
      probe.style.color = c;
      out[c] = getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).map(Number);
    }
    probe.remove();
    return out;
  });

const themes = (page) =>
  page.$$eval("figure.oc-chart", (fs) => fs.map((f) => f.dataset.ocTheme).join());

describe("forced colours", () => {
  let context;
  let page;
  let g;
  before(async () => {
    ({ context, page, g } = await openAndMount(e2e, srv, {
      viewport: { width: 800, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: "light",
    }));
  });
  after(() => context?.close());

  for (const scheme of ["light", "dark"]) {
    test(`a ${scheme} system palette: the chart is drawn in the system's colours`, async () => {
      await page.emulateMedia({ forcedColors: "active", colorScheme: scheme });
      const c = await system(page);
      // The palettes differ, so each draw below is the palette's own.
      assert.deepEqual(c.Canvas, scheme === "dark" ? [0, 0, 0] : [255, 255, 255]);
      // Both charts redrawn for the palette (each is marked once drawn): the light palette's
      // Canvas is the light theme's white, so the background alone could be the old draw.
      await page.waitForFunction(
        (want) =>
          [...document.querySelectorAll("figure.oc-chart")].map((f) => f.dataset.ocTheme).join() ===
          want,
        "forced,forced",
      );
      await page.waitForFunction(() => {
        const probe = document.createElement("span");
        probe.style.color = "Canvas";
        document.body.append(probe);
        const want = getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).join();
        probe.remove();
        const canvas = document.querySelector("figure.oc-chart canvas");
        const px = canvas.getContext("2d").getImageData(2, 2, 1, 1).data;
        return px.slice(0, 3).join() === want;
      });
      assert.equal(await themes(page), "forced,forced");
      for (const index of [0, 1]) {
        const a = await analyseCanvas(page, CANVAS, { index, rgb: c.Highlight, tolerance: 1 });
        assert.deepEqual(a.background.slice(0, 3), c.Canvas, `chart ${index}: background`);
        // The trend's two bars, the rate's grooming bar, in Highlight.
        assert.ok(a.runs.length >= 1, `chart ${index}: no bar in Highlight ${c.Highlight}`);
        if (index === 0) assert.equal(a.runs.length, 2, JSON.stringify(a.runs));
        // Its title in CanvasText, the most contrasting ink against Canvas.
        assert.ok(sameRgb(a.title.pixel, c.CanvasText), `title ink ${a.title.pixel}`);
      }
    });

    test(`a ${scheme} system palette: tooltip, focus ring, table in system colours`, async () => {
      const c = await system(page);
      const fig = page.locator("figure.oc-chart").first();
      await fig.locator("canvas").focus();
      await page.keyboard.press("Home");
      const rgb = (s) => s.match(/\d+/g).slice(0, 3).map(Number);
      const tip = await fig.locator(".oc-tip").evaluate((t) => ({
        hidden: t.hidden,
        background: getComputedStyle(t).backgroundColor,
        color: getComputedStyle(t).color,
        border: getComputedStyle(t).borderTopColor,
      }));
      assert.equal(tip.hidden, false);
      // CanvasText on Canvas (not reversed as in the other themes: the browser backs text with
      // Canvas), framed in CanvasText.
      assert.deepEqual(rgb(tip.background), c.Canvas);
      assert.deepEqual(rgb(tip.color), c.CanvasText);
      assert.deepEqual(rgb(tip.border), c.CanvasText);
      const frame = await fig.locator(".oc-frame").evaluate((f) => getComputedStyle(f));
      assert.equal(frame.outlineStyle, "solid");
      assert.deepEqual(rgb(frame.outlineColor), c.Highlight);
      await page.keyboard.press("Escape");
      await fig.locator("canvas").evaluate((e) => e.blur());
      const table = await fig
        .locator("details.oc-data table")
        .evaluate((t) => getComputedStyle(t).color);
      assert.deepEqual(rgb(table), c.CanvasText);
    });
  }

  test("leaving forced colours draws the reader's theme again", async () => {
    await page.emulateMedia({ forcedColors: "none", colorScheme: "dark" });
    await page.waitForFunction(
      () => document.querySelectorAll('figure.oc-chart[data-oc-theme="dark"]').length === 2,
    );
    const a = await analyseCanvas(page, CANVAS, { rgb: DARK.series0 });
    assert.deepEqual(a.background.slice(0, 3), DARK.background);
    assert.equal(a.runs.length, 2);
    await clean(g);
  });

  test("a bad spec's message is in system colours too", async () => {
    const p = await context.newPage();
    try {
      await p.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
      await p.goto(srv.url("/bad.html"));
      await waitForCharts(p, 1);
      const c = await system(p);
      const box = await p
        .locator("figure.oc-error")
        .evaluate((b) => [getComputedStyle(b).borderLeftColor, getComputedStyle(b).color]);
      const rgb = (s) => s.match(/\d+/g).slice(0, 3).map(Number);
      assert.deepEqual(rgb(box[0]), c.CanvasText);
      assert.deepEqual(rgb(box[1]), c.CanvasText);
    } finally {
      await p.close();
    }
  });
});

/** The first line of the title, measured on the canvas: its ink's height in CSS px (rows from
 * the first inked row to the next empty one); the ink's extent; the canvas and column sizes. */
const measure = (page, index) =>
  page.evaluate((index) => {
    const fig = document.querySelectorAll("figure.oc-chart")[index];
    const canvas = fig.querySelector("canvas");
    const frame = fig.querySelector(".oc-frame");
    const { width, height } = canvas;
    const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
    const bg = data.slice(0, 3).join();
    const inked = (y) => {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        if (`${data[i]},${data[i + 1]},${data[i + 2]}` !== bg) return true;
      }
      return false;
    };
    let top = 0;
    while (top < height && !inked(top)) top++;
    let end = top;
    while (end < height && inked(end)) end++;
    let right = 0;
    let bottom = 0;
    for (let y = 0; y < height; y++) {
      for (let x = width - 1; x > right; x--) {
        const i = (y * width + x) * 4;
        if (`${data[i]},${data[i + 1]},${data[i + 2]}` !== bg) {
          right = x;
          bottom = y;
          break;
        }
      }
    }
    for (let y = height - 1; y > bottom; y--) if (inked(y)) bottom = y;
    const dpr = devicePixelRatio;
    const tip = fig.querySelector(".oc-tip");
    return {
      firstLine: (end - top) / dpr,
      inkRight: (right + 1) / dpr,
      inkBottom: (bottom + 1) / dpr,
      chartWidth: Number(fig.dataset.ocWidth),
      chartHeight: frame.getBoundingClientRect().height,
      frameWidth: frame.getBoundingClientRect().width,
      figureWidth: fig.getBoundingClientRect().width,
      backing: width / dpr,
      tipFont: Number.parseFloat(getComputedStyle(tip).fontSize),
      tableFont: Number.parseFloat(getComputedStyle(fig.querySelector("details")).fontSize),
    };
  }, index);

describe("the reader's text size", () => {
  const seen = {};
  for (const size of [16, 20, 24]) {
    const name = `default font ${size} px: text ${size / 16}× as large, the chart taller, `;
    test(`${name}inside its column`, async () => {
      const context = await e2e.browser.newContext({
        viewport: { width: 800, height: 900 },
        deviceScaleFactor: 1,
      });
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Page.setFontSizes", { fontSizes: { standard: size, fixed: 13 } });
        await page.goto(srv.url("/"));
        await scrollThrough(page);
        await waitForCharts(page, 2);
        assert.equal(
          await page.evaluate(() => getComputedStyle(document.documentElement).fontSize),
          `${size}px`,
        );
        for (const index of [0, 1]) {
          const m = await measure(page, index);
          seen[`${size}/${index}`] = m;
          // The chart keeps the column's width; its ink stays inside the chart.
          assert.equal(m.chartWidth, Math.round(m.figureWidth), JSON.stringify(m));
          assert.ok(Math.abs(m.frameWidth - m.figureWidth) < 1, JSON.stringify(m));
          assert.ok(m.inkRight <= m.chartWidth, `ink past the chart's width: ${JSON.stringify(m)}`);
          assert.ok(m.inkBottom <= m.chartHeight, `ink below the chart: ${JSON.stringify(m)}`);
          assert.ok(m.tipFont >= 13 * (size / 16) - 0.01, `tooltip font ${m.tipFont}`);
          assert.ok(m.tableFont >= 13 * (size / 16) - 0.01, `table font ${m.tableFont}`);
          if (size > 16) {
            const base = seen[`16/${index}`];
            assert.ok(m.chartHeight > base.chartHeight * 1.1, `chart ${index} no taller`);
          }
        }
        // The title is drawn `size / 16` times its font size for the width it is laid out at
        // (648 / (size / 16) px: the phone's sizes below 480).
        await page.goto(srv.url("/hg.html"));
        await waitForCharts(page, 1);
        const hg = await measure(page, 0);
        seen[size] = hg.firstLine;
        const s = size / 16;
        const want = (s * titlePx(648 / s)) / titlePx(648);
        const got = hg.firstLine / seen[16];
        assert.ok(Math.abs(got - want) < 0.08, `title ${got}× as tall, should be ${want}×`);
      } finally {
        await context.close();
      }
    });
  }

  test("changing the font size while the page is open redraws the charts", async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 800, height: 900 },
      deviceScaleFactor: 1,
    });
    try {
      const page = await context.newPage();
      await page.goto(srv.url("/"));
      await waitForCharts(page, 1);
      const before = await measure(page, 0);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Page.setFontSizes", { fontSizes: { standard: 24, fixed: 13 } });
      await page.waitForFunction(
        (h) =>
          document.querySelector("figure.oc-chart .oc-frame").getBoundingClientRect().height >
          h * 1.1,
        before.chartHeight,
      );
      const after = await measure(page, 0);
      assert.ok(after.inkRight <= after.chartWidth, JSON.stringify(after));
      assert.ok(after.inkBottom <= after.chartHeight, JSON.stringify(after));
      assert.ok(after.tipFont >= 19.5, `tooltip font ${after.tipFont}`);
    } finally {
      await context.close();
    }
  });

  test("200 % zoom (DPR 2, half the width): sharp, inside its column", async () => {
    const { context, page } = await openAndMount(e2e, srv, {
      viewport: { width: 640, height: 900 },
      deviceScaleFactor: 2,
    });
    try {
      for (const index of [0, 1]) {
        const m = await measure(page, index);
        assert.equal(m.chartWidth, Math.round(m.figureWidth), JSON.stringify(m));
        assert.ok(m.inkRight <= m.chartWidth, JSON.stringify(m));
        assert.ok(m.inkBottom <= m.chartHeight, JSON.stringify(m));
        const a = await analyseCanvas(page, CANVAS, { index });
        assert.equal(a.width, Math.round(a.cssWidth * 2), "two backing pixels per CSS px");
      }
    } finally {
      await context.close();
    }
  });
});
