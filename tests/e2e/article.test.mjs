// The demo article (dist/index.html) as readers get it: both charts draw lazily under the strict
// CSP at desktop and phone sizes, quietly (no errors, no foreign requests, no cookies or storage),
// with the right pixels in light and dark, and redraw when the page is resized, re-themed or
// zoomed.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  analyseCanvas,
  clean,
  DARK,
  DIST,
  fixture,
  LIGHT,
  nextFrames,
  openAndMount,
  sameRgb,
} from "./helpers.mjs";

const TREND = "figure.oc-chart canvas.oc-canvas"; // the article's first chart is the trend
const RATIO = 1694 / 1573;

const e2e = fixture();
let srv;
before(async () => {
  srv = await e2e.serve(DIST);
});

/** Opens the article in a fresh context and scrolls it through so both charts mount. */
const openArticle = (contextOptions) => openAndMount(e2e, srv, contextOptions);

function assertBars(a, colour, label) {
  assert.equal(
    a.runs.length,
    2,
    `${label}: expected two bars of ${colour}, found runs ${JSON.stringify(a.runs)}`,
  );
  const [left, right] = a.runs;
  assert.ok(right.x0 - left.x1 > 2 * a.dpr, `${label}: the bars should be separate columns`);
  assert.ok(
    Math.abs(left.bottom - right.bottom) <= Math.ceil(a.dpr),
    `${label}: bars should share a baseline (${left.bottom} vs ${right.bottom})`,
  );
  const ratio = right.height / left.height;
  assert.ok(
    Math.abs(ratio / RATIO - 1) <= 0.03,
    `${label}: right/left bar height ${right.height}/${left.height} = ${ratio.toFixed(4)}, ` +
      `want ≈ ${RATIO.toFixed(4)}`,
  );
  // Bars are drawn in backing pixels, not scaled up from CSS pixels: at DPR 3 a bar is ~3× as tall.
  assert.ok(left.height > 100 * a.dpr, `${label}: left bar only ${left.height} px tall`);
}

for (const vp of [
  { width: 1280, height: 900, dpr: 1 },
  { width: 320, height: 640, dpr: 3 },
]) {
  describe(`article at ${vp.width}×${vp.height}, DPR ${vp.dpr}`, () => {
    let o;
    before(async () => {
      o = await openArticle({
        viewport: { width: vp.width, height: vp.height },
        deviceScaleFactor: vp.dpr,
        colorScheme: "light",
      });
    });
    after(() => o?.context.close());

    test(
      "both charts reach state ready, with no " + "errors, foreign requests, cookies or storage",
      async () => {
        const { page, g, context, states } = o;
        assert.deepEqual(states, ["ready", "ready"]);
        const labels = await page.$$eval(TREND, (cs) =>
          cs.map((c) => c.getAttribute("aria-label")),
        );
        assert.match(labels[0], /rose from 1,573/);
        assert.match(labels[1], /87\.8 %/);
        await clean(g, { page, foreign: true });
        assert.deepEqual(
          g.warnings.filter((w) => /offence-charts/.test(w)),
          [],
          "loader warnings",
        );
        assert.ok(g.requests.length > 0);
        assert.deepEqual(await context.cookies(), [], "cookies");
        const storage = await page.evaluate(() => [
          localStorage.length,
          sessionStorage.length,
          document.cookie,
        ]);
        assert.deepEqual(storage, [0, 0, ""], "localStorage / sessionStorage / document.cookie");
        // The empty slots' reserved height is released once drawn.
        const slots = await page.$$eval(".oc-slot", (s) => s.map((e) => e.style.minHeight));
        assert.deepEqual(slots, ["", ""]);
      },
    );

    test("no horizontal scrolling; charts fit the column", async () => {
      const m = await o.page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        figures: [...document.querySelectorAll("figure.oc-chart")].map(
          (f) => f.getBoundingClientRect().right,
        ),
        article: document.querySelector("article").getBoundingClientRect().right,
      }));
      assert.ok(m.scroll <= vp.width, `scrollWidth ${m.scroll} > ${vp.width}`);
      for (const r of m.figures)
        assert.ok(r <= m.article + 0.5, `a figure overflows the article (${r} > ${m.article})`);
    });

    test(
      "trend canvas: backing store = CSS size × DPR; two bars " +
        "in the first series colour, right taller by 1694/1573",
      async () => {
        const a = await analyseCanvas(o.page, TREND, { rgb: LIGHT.series0 });
        assert.equal(a.dpr, vp.dpr);
        assert.equal(a.width, Math.round(a.cssWidth * vp.dpr), "backing width");
        assert.equal(a.height, Math.round(a.cssHeight * vp.dpr), "backing height");
        assert.deepEqual(a.background.slice(0, 3), LIGHT.background, "background at (2,2)");
        assertBars(a, "rgb(29,90,140)", `${vp.width}px`);
      },
    );
  });
}

describe("article in dark mode (prefers-color-scheme: dark), DPR 2", () => {
  let o;
  before(async () => {
    o = await openArticle({
      viewport: { width: 800, height: 900 },
      deviceScaleFactor: 2,
      colorScheme: "dark",
    });
  });
  after(() => o?.context.close());

  test(
    "charts draw in the dark theme: dark background, dark " +
      "series colour, no light series colour",
    async () => {
      assert.deepEqual(o.states, ["ready", "ready"]);
      const themes = await o.page.$$eval("figure.oc-chart", (fs) =>
        fs.map((f) => f.dataset.ocTheme),
      );
      assert.deepEqual(themes, ["dark", "dark"]);
      const a = await analyseCanvas(o.page, TREND, { rgb: DARK.series0 });
      assert.deepEqual(a.background.slice(0, 3), DARK.background, "background at (2,2)");
      assert.equal(a.width, Math.round(a.cssWidth * 2));
      assertBars(a, "rgb(110,176,236)", "dark");
      const light = await analyseCanvas(o.page, TREND, { rgb: LIGHT.series0, tolerance: 0 });
      assert.equal(light.colourPixels, 0, "light-theme series colour drawn in dark mode");
      await clean(o.g);
    },
  );
});

describe("article reacts to its window", () => {
  let o;
  before(async () => {
    o = await openArticle({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: "light",
    });
  });
  after(() => o?.context.close());

  const size = () =>
    o.page.$eval(TREND, (c) => {
      const fig = c.closest("figure");
      const frame = c.closest(".oc-frame").getBoundingClientRect();
      return {
        width: c.width,
        height: c.height,
        css: c.getBoundingClientRect().width,
        fig: fig.clientWidth,
        laidOut: Number(fig.dataset.ocWidth),
        frame: [frame.width, frame.height],
      };
    });

  test(
    "resize 1280 → 480 → 1280: laid out again within two " +
      "animation frames; narrowing keeps the backing store",
    async () => {
      const wide = await size();
      assert.equal(wide.width, Math.round(wide.fig));
      assert.equal(wide.laidOut, Math.round(wide.fig));
      await o.page.setViewportSize({ width: 480, height: 900 });
      await nextFrames(o.page, 2);
      const narrow = await size();
      assert.ok(narrow.fig < wide.fig, "the column should be narrower");
      assert.equal(
        narrow.laidOut,
        Math.round(narrow.fig),
        `laid out at ${narrow.laidOut} after resize, figure ${narrow.fig}`,
      );
      // The store is kept (no new pixels to allocate) and the frame clips the canvas to the chart.
      assert.equal(narrow.width, wide.width, "a narrower chart draws into the store it has");
      assert.equal(narrow.width, Math.round(narrow.css), "one store pixel per CSS pixel at DPR 1");
      assert.equal(narrow.frame[0], narrow.fig, "the frame is the chart's width");
      assert.ok(
        narrow.frame[1] <= narrow.height,
        `the frame (${narrow.frame[1]} px high) clips the store (${narrow.height} px)`,
      );
      // The height comes from the new layout (narrower plot → different height), and the pixels
      // still show two bars.
      const a = await analyseCanvas(o.page, TREND, { rgb: LIGHT.series0 });
      assert.equal(a.height, Math.round(a.cssHeight));
      assertBars(a, "rgb(29,90,140)", "480px");
      const sw = await o.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= 480, `scrollWidth ${sw} at 480`);
      await o.page.setViewportSize({ width: 1280, height: 900 });
      await nextFrames(o.page, 2);
      assert.deepEqual(await size(), wide, "back at 1280 the canvas should be as before");
    },
  );

  test("switching the system to dark mode redraws in the dark theme", async () => {
    // Each chart is marked with its theme once drawn in it; waiting for the mark, not for a
    // number of frames, leaves the media change all the time it takes.
    const themed = (theme) =>
      o.page.waitForFunction(
        (t) => document.querySelector("figure.oc-chart").dataset.ocTheme === t,
        theme,
      );
    await o.page.emulateMedia({ colorScheme: "dark" });
    await themed("dark");
    const a = await analyseCanvas(o.page, TREND, { rgb: DARK.series0 });
    assert.deepEqual(a.background.slice(0, 3), DARK.background);
    assert.equal(a.runs.length, 2);
    await o.page.emulateMedia({ colorScheme: "light" });
    await themed("light");
    const back = await analyseCanvas(o.page, TREND, { rgb: LIGHT.series0 });
    assert.ok(sameRgb(back.background, LIGHT.background), "light again");
  });

  // Chromium re-evaluates media queries on an emulated ratio change only together with a viewport
  // change, so the window narrows too, but stays wider than the 680 px article: the chart's CSS
  // width is unchanged (no ResizeObserver call), and only the loader's resolution query can redraw.
  test(
    "devicePixelRatio 1 → 2 with the column " + "width unchanged redraws at the new ratio",
    async () => {
      const before = await size();
      const cdp = await o.context.newCDPSession(o.page);
      await cdp.send("Emulation.setDeviceMetricsOverride", {
        width: 1000,
        height: 900,
        deviceScaleFactor: 2,
        mobile: false,
      });
      await o.page.waitForFunction(() => devicePixelRatio === 2);
      await nextFrames(o.page, 3);
      const s = await size();
      assert.equal(s.css, before.css, "the column width should not change");
      assert.equal(
        s.width,
        Math.round(s.css * 2),
        `backing width ${s.width} at DPR 2 for ${s.css} CSS px`,
      );
      await cdp.send("Emulation.setDeviceMetricsOverride", {
        width: 1280,
        height: 900,
        deviceScaleFactor: 1,
        mobile: false,
      });
      await o.page.waitForFunction(() => devicePixelRatio === 1);
      await nextFrames(o.page, 3);
      const t = await size();
      assert.equal(t.width, Math.round(t.css), "back at DPR 1");
      await cdp.detach();
      await clean(o.g);
    },
  );
});
