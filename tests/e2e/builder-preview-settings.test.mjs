// The builder's preview follows the reader's settings as the embed does (issue 23, part 3; see
// settings.test.mjs for the embed): under forced colours (emulated with a light and a dark system
// palette) it is drawn in the system's colours whatever theme is chosen, and drawn again in that
// theme when they go; with a larger default font size (the browser's setting, through the DevTools
// protocol), its text is larger and the chart taller, also when the size changes while the page
// is open, while the embed code's fallback height stays the default size's; the image downloaded
// is drawn in the theme chosen at the default size.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import { FONTS, PHONE_BELOW } from "../../www/shared.js";
import {
  analyseCanvas,
  clean,
  DARK,
  DIST,
  fixture,
  LIGHT,
  sameRgb,
  trendSpec,
} from "./helpers.mjs";

const e2e = fixture();
let srv;
before(async () => {
  srv = await e2e.serve(DIST);
});

const VIEWPORT = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 };
// A one-line title whose ink (an ascender and a descender) is as tall as its font at any width.
const HG = JSON.stringify(trendSpec({ title: "Hg" }), null, 2);
// The title's font size, CSS px, of a chart laid out `width` px wide (shared.js's FONTS).
const titlePx = (width) => Number(/(\d+)px/.exec(FONTS[+(width >= PHONE_BELOW)][0])[1]);

/** The system colours as the page resolves them: {Canvas: [r, g, b], …}. */
const system = (page) =>
  page.evaluate(() => {
    const probe = document.createElement("span");
    document.body.append(probe);
    const out = {};
    for (const c of ["Canvas", "CanvasText", "Highlight"]) {
      probe.style.color = c;
      out[c] = getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).map(Number);
    }
    probe.remove();
    return out;
  });

/** Waits until the preview's pixel (2, 2) is `rgb`. */
const backgroundIs = (page, rgb) =>
  page.waitForFunction((want) => {
    const canvas = document.getElementById("canvas");
    const px = canvas.getContext("2d").getImageData(2, 2, 1, 1).data;
    return px.slice(0, 3).join() === want.join();
  }, rgb);

/** The builder with its first chart (the offence trend) drawn in the preview. */
async function builder(contextOptions = VIEWPORT) {
  const opened = await e2e.open(srv.url("/builder.html"), contextOptions);
  await opened.page.waitForSelector("html[data-ready]");
  await opened.page.waitForFunction(() =>
    document.getElementById("canvas").getAttribute("aria-label")?.startsWith("Chart: "),
  );
  return opened;
}

describe("the preview in forced colours", () => {
  test("drawn in the system's colours whatever theme is chosen; then the theme again", async () => {
    const { context, page, g } = await builder();
    try {
      await backgroundIs(page, LIGHT.background);
      for (const scheme of ["light", "dark"]) {
        await page.emulateMedia({ forcedColors: "active", colorScheme: scheme });
        const c = await system(page);
        assert.deepEqual(c.Canvas, scheme === "dark" ? [0, 0, 0] : [255, 255, 255]);
        // The light system palette's Canvas is the light theme's white: wait for the redraw the
        // media change schedules (it marks the preview first, then draws in the same task), not
        // for a background that may already be there.
        await page.waitForSelector('#preview[data-theme="forced"]');
        await backgroundIs(page, c.Canvas);
        const a = await analyseCanvas(page, "#canvas", { rgb: c.Highlight, tolerance: 1 });
        assert.equal(a.runs.length, 2, `the trend's two bars in Highlight: ${JSON.stringify(a)}`);
        assert.ok(sameRgb(a.title.pixel, c.CanvasText), `title ink ${a.title.pixel}`);
      }
      // "Always dark" chosen: forced colours still win, as in the embed.
      await page.selectOption("#theme", "dark");
      await page.waitForTimeout(100);
      assert.equal(await page.getAttribute("#preview", "data-theme"), "forced");
      await backgroundIs(page, (await system(page)).Canvas);

      // The image is the theme chosen, at the default size, and the preview stays forced.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click("#download"),
      ]);
      const png = readFileSync(await download.path());
      const seen = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement("canvas");
        [c.width, c.height] = [img.width, img.height];
        const x = c.getContext("2d");
        x.drawImage(img, 0, 0);
        return [...x.getImageData(2, 2, 1, 1).data.slice(0, 3)];
      }, png.toString("base64"));
      assert.deepEqual(seen, DARK.background, "the PNG is drawn dark, not in system colours");
      await backgroundIs(page, (await system(page)).Canvas);

      await page.emulateMedia({ forcedColors: "none", colorScheme: "light" });
      await backgroundIs(page, DARK.background);
      assert.equal(await page.getAttribute("#preview", "data-theme"), "dark");
      const a = await analyseCanvas(page, "#canvas", { rgb: DARK.series0 });
      assert.equal(a.runs.length, 2);
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });
});

/** The spec `text` put in the editor (as a paste would), once drawn. */
async function paste(page, text) {
  await page.fill("#spec", text);
  await page.waitForFunction(
    (t) => document.getElementById("canvas").getAttribute("aria-label")?.startsWith(`Chart: ${t}`),
    JSON.parse(text).title,
  );
}

/** The preview's CSS width and height, its title's first line of ink (CSS px) and the iframe
 * code's fallback height. */
const measure = (page) =>
  page.evaluate(() => {
    const canvas = document.getElementById("canvas");
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
    const code = document.getElementById("code-iframe").value;
    return {
      width: canvas.getBoundingClientRect().width,
      height: canvas.getBoundingClientRect().height,
      firstLine: (end - top) / devicePixelRatio,
      fallback: Number(/ height="(\d+)"/.exec(code)?.[1]),
    };
  });

describe("the preview at the reader's text size", () => {
  test("a 24 px default font: text 1.5× as large, the chart taller, the code kept", async () => {
    const base = await builder();
    let at16;
    try {
      at16 = await measure(base.page);
      await paste(base.page, HG);
      at16.hg = await measure(base.page);
      await clean(base.g, { page: base.page });
    } finally {
      await base.context.close();
    }
    const { context, page, g } = await e2e.context(VIEWPORT, [srv.origin]);
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Page.setFontSizes", { fontSizes: { standard: 24, fixed: 13 } });
      await page.goto(srv.url("/builder.html"));
      await page.waitForSelector("html[data-ready]");
      const at24 = await measure(page);
      assert.ok(at24.height > at16.height * 1.1, `no taller: ${at16.height} → ${at24.height}`);
      // The title is drawn 1.5 times its font size for the width it is laid out at (the column's
      // width / 1.5: a phone's sizes below 480 px), as in the embed (settings.test.mjs).
      await paste(page, HG);
      at24.hg = await measure(page);
      const s = 1.5;
      const want = (s * titlePx(at16.width / s)) / titlePx(at16.width);
      const got = at24.hg.firstLine / at16.hg.firstLine;
      assert.ok(Math.abs(got - want) < 0.08, `title ${got}× as tall, should be ${want}×`);
      assert.ok(at16.fallback > 300, `fallback height ${at16.fallback}`);
      assert.equal(at24.fallback, at16.fallback, "the embed code's height is the default size's");
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });

  test("changing the font size while the builder is open redraws the preview", async () => {
    const { context, page, g } = await builder();
    try {
      const before = await measure(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Page.setFontSizes", { fontSizes: { standard: 24, fixed: 13 } });
      await page.waitForFunction(
        (h) => document.getElementById("canvas").getBoundingClientRect().height > h * 1.1,
        before.height,
      );
      await cdp.send("Page.setFontSizes", { fontSizes: { standard: 16, fixed: 13 } });
      await page.waitForFunction(
        (h) => Math.abs(document.getElementById("canvas").getBoundingClientRect().height - h) < 1,
        before.height,
      );
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });
});
