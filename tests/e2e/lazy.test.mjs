// A long page with ten charts: the WebAssembly is fetched once, charts mount only within 300 px
// of the viewport, each slot gets exactly one chart, and data-theme forces a chart's theme.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  analyseCanvas,
  clean,
  DARK,
  fixture,
  page as html,
  nextFrames,
  scrollThrough,
  specScript,
  trendSpec,
  waitForCharts,
} from "./helpers.mjs";

const charts = [
  specScript("offence-trend"),
  specScript("detection-rate"),
  '<div class="spacer"></div>',
  ...Array.from(
    { length: 8 },
    (_, i) =>
      `${
        i % 3 === 0
          ? specScript("offence-trend", { theme: "dark" })
          : i % 3 === 1
            ? specScript(trendSpec({ title: `Inline chart ${i}` }))
            : specScript("detection-rate")
      }\n<div class="gap"></div>`,
  ),
];
const many = html({
  title: "ten charts",
  head:
    '<link rel="stylesheet" href="many.css">\n<script ' +
    'type="module" src="offence-charts.js"></script>',
  body: `<main>\n${charts.join("\n")}\n</main>`,
});
const css =
  "body { margin: 0; } main { max-width: 600px; margin: 0 " +
  "auto; } .spacer { height: 4000px; } .gap { height: " +
  "900px; }";

const e2e = fixture();
let srv;
before(async () => {
  srv = await e2e.serve(e2e.folder({ "many.html": many, "many.css": css }));
});

describe("a page with ten charts", () => {
  let context;
  let page;
  let g;
  before(async () => {
    ({ context, page, g } = await e2e.context(
      { viewport: { width: 800, height: 700 }, colorScheme: "light" },
      [srv.origin],
    ));
  });
  after(() => context?.close());

  const slots = () =>
    page.evaluate(() =>
      [...document.querySelectorAll(".oc-slot")].map((s) => ({
        top: s.getBoundingClientRect().top,
        mounted: s.querySelectorAll("figure.oc-chart").length,
        waiting: s.querySelectorAll("script[data-offence-chart]").length,
        state: s.querySelector("figure.oc-chart")?.dataset.ocState ?? null,
      })),
    );

  test("only the charts near the viewport are drawn at first", async () => {
    await page.goto(srv.url("/many.html"));
    await waitForCharts(page, 2);
    // Give any wrongly eager mount time to happen.
    await page.waitForTimeout(300);
    await nextFrames(page, 2);
    const s = await slots();
    assert.equal(s.length, 10, "every spec gets a slot");
    assert.deepEqual(
      s.map((x) => x.state),
      ["ready", "ready", null, null, null, null, null, null, null, null],
    );
    const innerHeight = await page.evaluate(() => innerHeight);
    for (const [i, x] of s.entries()) {
      if (x.state)
        assert.ok(
          x.top < innerHeight + 300,
          `slot ${i} at ${x.top} mounted though beyond the 300 px margin`,
        );
      else {
        assert.ok(
          x.top > innerHeight + 300,
          `slot ${i} at ${x.top} is within 300 px of the viewport but not drawn`,
        );
        assert.equal(x.waiting, 1);
        const reserved = await page.evaluate(
          (i) => document.querySelectorAll(".oc-slot")[i].getBoundingClientRect().height,
          i,
        );
        assert.ok(reserved >= 300, `slot ${i} reserves only ${reserved}px`);
      }
    }
    assert.equal(g.count(/\.wasm$/), 1);
    assert.equal((await g.drawn(page)).length, 2, "one offence-charts:drawn event per drawn chart");
  });

  test("scrolling draws the rest; the wasm and its glue are fetched once for all ten", async () => {
    // Bring the first chart below the spacer to 450 px under the viewport: still not drawn.
    const below = (px) =>
      page.evaluate(
        (px) =>
          scrollBy(
            0,
            document.querySelectorAll(".oc-slot")[2].getBoundingClientRect().top - innerHeight - px,
          ),
        px,
      );
    await below(450);
    await page.waitForTimeout(200);
    await nextFrames(page, 2);
    assert.equal((await slots())[2].state, null, "drawn while 450 px below the viewport");
    // At 200 px under the viewport (inside the 300 px margin) it is drawn before it is seen.
    await below(200);
    await waitForCharts(page, 3);
    await nextFrames(page, 2);
    const mid = await slots();
    assert.equal(mid[2].state, "ready");
    assert.ok(
      mid[2].top > (await page.evaluate(() => innerHeight)),
      "it should still be below the viewport",
    );
    assert.equal(mid[9].state, null, "the last chart should still wait");

    await scrollThrough(page, { back: false });
    const states = await waitForCharts(page, 10);
    assert.deepEqual(states, Array(10).fill("ready"));
    const s = await slots();
    assert.ok(
      s.every((x) => x.mounted === 1 && x.waiting === 0),
      "each slot holds exactly one chart",
    );
    assert.equal(g.count(/\.wasm$/), 1, "the wasm is fetched once");
    const drawn = await g.drawn(page);
    assert.equal(
      drawn.length,
      10,
      "one offence-charts:drawn event per chart, heard at the document",
    );
    assert.ok(
      drawn.every(
        (d) => d.tag === "FIGURE" && d.cls === "oc-chart" && d.state === "ready" && d.bubbles,
      ),
      JSON.stringify(drawn[0]),
    );
    assert.equal(g.count(/^\/oc-[0-9a-f]+\.js$/), 1, "the glue is fetched once");
    assert.equal(g.count(/^\/offence-charts\.js$/), 1);
    await clean(g, { page, foreign: true });
  });

  test('data-theme="dark" forces the dark theme on a light page', async () => {
    const themes = await page.$$eval("figure.oc-chart", (fs) => fs.map((f) => f.dataset.ocTheme));
    assert.deepEqual(themes, [
      "light",
      "light",
      "dark",
      "light",
      "light",
      "dark",
      "light",
      "light",
      "dark",
      "light",
    ]);
    const a = await analyseCanvas(page, "figure.oc-chart canvas.oc-canvas", {
      index: 2,
      rgb: DARK.series0,
    });
    assert.deepEqual(a.background.slice(0, 3), DARK.background);
    assert.equal(a.runs.length, 2);
  });
});
