// What a reader who cannot see the canvas, or does not use a mouse, gets: the text alternative,
// the data table, keyboard focus with tooltip and live announcements, pointer tooltips that stay
// inside the chart, and text contrast measured on the drawn pixels.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { analyseCanvas, clean, DARK, DIST, fixture, LIGHT, openAndMount } from "./helpers.mjs";

const e2e = fixture();
let srv;
before(async () => {
  srv = await e2e.serve(DIST);
});

const open = (options) => openAndMount(e2e, srv, options);

const figure = (page, i) => page.locator("figure.oc-chart").nth(i);

describe("screen reader and keyboard (1280×900)", () => {
  let o;
  before(async () => {
    o = await open({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  });
  after(() => o?.context.close());

  test("the trend canvas is a focusable image whose label states the change", async () => {
    const c = figure(o.page, 0).locator("canvas.oc-canvas");
    assert.equal(await c.getAttribute("role"), "img");
    assert.equal(await c.getAttribute("tabindex"), "0");
    const label = await c.getAttribute("aria-label");
    assert.ok(label.startsWith("Chart: "), label);
    assert.ok(
      label.includes(
        "rose from 1,573 in April 2018–February 2019 to 1,694 in " +
          "April 2019–February 2020, up 7.7 %",
      ),
      label,
    );
    assert.match(label, /Sources?: Police Scotland/);
    // The accessibility tree exposes it as an image with that name.
    const snap = await figure(o.page, 0).ariaSnapshot();
    assert.match(snap, /img "Chart: Online child sexual abuse offences/);
  });

  test("the rate canvas label gives 87.8 % (86 of 98) and ≈70 %", async () => {
    const label = await figure(o.page, 1).locator("canvas.oc-canvas").getAttribute("aria-label");
    assert.ok(label.includes("87.8 %"), label);
    assert.ok(label.includes("86 of 98"), label);
    assert.ok(label.includes("≈70 %"), label);
    assert.ok(label.includes("≈ marks approximate figures"), label);
  });

  test(
    "the trend's data table: caption, column " + "headers, two rows with 1,573 and 1,694",
    async () => {
      const t = await figure(o.page, 0)
        .locator("details.oc-data")
        .evaluate((d) => ({
          summary: d.querySelector("summary").textContent,
          open: d.open,
          caption: d.querySelector("table caption").textContent,
          head: [...d.querySelectorAll("thead th")].map((th) => [
            th.textContent,
            th.getAttribute("scope"),
          ]),
          rows: [...d.querySelectorAll("tbody tr")].map((tr) =>
            [...tr.cells].map((c) => c.textContent),
          ),
          rowHeads: [...d.querySelectorAll("tbody th")].map((th) => th.getAttribute("scope")),
        }));
      assert.equal(t.summary, "Show data");
      assert.equal(t.open, false, "the table starts collapsed");
      assert.match(t.caption, /Online child sexual abuse offences/);
      assert.deepEqual(t.head, [
        ["Period", "col"],
        ["Recorded offences", "col"],
      ]);
      assert.equal(t.rows.length, 2);
      assert.deepEqual(t.rows[0], ["April 2018–February 2019", "1,573"]);
      assert.deepEqual(t.rows[1], ["April 2019–February 2020", "1,694"]);
      assert.deepEqual(t.rowHeads, ["row", "row"]);
      // Opening it shows the table.
      await figure(o.page, 0).locator("summary").click();
      assert.ok(await figure(o.page, 0).locator("table").isVisible());
      await figure(o.page, 0).locator("summary").click();
    },
  );

  test("the rate's data table lists both categories", async () => {
    const rows = await figure(o.page, 1)
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.equal(rows.length, 2);
    assert.ok(rows[0].includes("≈70 %"), JSON.stringify(rows[0]));
    assert.ok(
      rows[1].includes("87.8 %") && rows[1].includes("86") && rows[1].includes("98"),
      JSON.stringify(rows[1]),
    );
  });

  test(
    "keyboard: Tab focuses the chart and announces figure 0; " +
      "ArrowRight moves to figure 1; Escape hides the tip",
    async () => {
      const { page } = o;
      // Start keyboard navigation from the top of the page, as a reader arriving would.
      await page.evaluate(() => scrollTo(0, 0));
      await page.click("header.masthead");
      const fig = figure(page, 0);
      const tip = fig.locator(".oc-tip");
      const live = fig.locator(".oc-live");
      assert.equal(await tip.getAttribute("role"), "tooltip");
      assert.equal(await live.getAttribute("aria-live"), "polite");
      assert.equal(await tip.isHidden(), true, "tooltip hidden before focus");
      assert.equal(await live.textContent(), "");

      await page.keyboard.press("Tab");
      assert.equal(
        await page.evaluate(() => document.activeElement?.className),
        "oc-canvas",
        "Tab should reach the first chart",
      );
      assert.equal(await fig.locator("canvas").evaluate((c) => c === document.activeElement), true);
      assert.equal(await tip.isVisible(), true, "tooltip visible on focus");
      assert.match(await tip.textContent(), /1,573/);
      assert.match(await live.textContent(), /1,573/);
      assert.match(await live.textContent(), /April 2018–February 2019/);
      // A visible focus indicator.
      // The ring is on the chart's frame (which clips the canvas, so the canvas's own would be
      // hidden).
      const outline = await fig
        .locator(".oc-frame")
        .evaluate((c) => `${getComputedStyle(c).outlineStyle} ${getComputedStyle(c).outlineWidth}`);
      assert.equal(outline, "solid 3px");

      await page.keyboard.press("ArrowRight");
      assert.match(await tip.textContent(), /1,694/);
      assert.match(await live.textContent(), /1,694/);
      assert.doesNotMatch(await live.textContent(), /1,573/);
      // Past the end it stays on the last figure.
      await page.keyboard.press("ArrowRight");
      assert.match(await live.textContent(), /1,694/);
      await page.keyboard.press("Home");
      assert.match(await live.textContent(), /1,573/);
      await page.keyboard.press("End");
      assert.match(await live.textContent(), /1,694/);

      await page.keyboard.press("Escape");
      assert.equal(await tip.isHidden(), true, "Escape hides the tooltip");
      await page.keyboard.press("ArrowLeft");
      assert.equal(await tip.isVisible(), true, "arrows bring it back");
      assert.match(await tip.textContent(), /1,573/);

      // Tab moves on (to the table's summary), blurring the canvas and hiding the tip.
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), "SUMMARY");
      assert.equal(await tip.isHidden(), true);
    },
  );

  test("the tooltip stays inside the figure at the first and the last figure", async () => {
    const { page } = o;
    const c = figure(page, 0).locator("canvas");
    await c.focus();
    for (const key of ["Home", "End"]) {
      await page.keyboard.press(key);
      const box = await figure(page, 0).evaluate((f) => {
        const t = f.querySelector(".oc-tip").getBoundingClientRect();
        const r = f.getBoundingClientRect();
        return { t: [t.left, t.right, t.top], r: [r.left, r.right, r.top] };
      });
      assert.ok(
        box.t[0] >= box.r[0] - 0.5 && box.t[1] <= box.r[1] + 0.5,
        `tooltip ${box.t} outside figure ${box.r}`,
      );
    }
    await page.keyboard.press("Escape");
    await c.evaluate((el) => el.blur());
  });

  test("mouse: hovering the right bar shows its tooltip; leaving hides it", async () => {
    const { page } = o;
    const fig = figure(page, 0);
    const canvas = fig.locator("canvas");
    await canvas.scrollIntoViewIfNeeded();
    const a = await analyseCanvas(page, "figure.oc-chart canvas.oc-canvas", { rgb: LIGHT.series0 });
    assert.equal(a.runs.length, 2);
    const box = await canvas.boundingBox();
    const right = a.runs[1];
    await page.mouse.move(
      box.x + (right.x0 + right.x1) / 2 / a.dpr,
      box.y + (right.top + right.bottom) / 2 / a.dpr,
    );
    const tip = fig.locator(".oc-tip");
    assert.equal(await tip.isVisible(), true);
    assert.match(await tip.textContent(), /1,694/);
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    assert.equal(await tip.isHidden(), true);
  });

  test(
    "contrast: the title's drawn text is at " + "least 4.5:1 against the drawn background",
    async () => {
      for (const i of [0, 1]) {
        const a = await analyseCanvas(o.page, "figure.oc-chart canvas.oc-canvas", {
          index: i,
          topRows: 24,
        });
        assert.deepEqual(a.background.slice(0, 3), LIGHT.background);
        assert.ok(a.title.inked > 50, `chart ${i}: no title drawn in the top 24 px`);
        assert.ok(
          a.title.ratio >= 4.5,
          `chart ${i}: best title contrast ${a.title.ratio.toFixed(2)} (pixel ${a.title.pixel})`,
        );
      }
      await clean(o.g);
    },
  );
});

describe("phone, dark mode (320×640, DPR 3)", () => {
  let o;
  before(async () => {
    o = await open({
      viewport: { width: 320, height: 640 },
      deviceScaleFactor: 3,
      colorScheme: "dark",
      hasTouch: true,
      isMobile: true,
    });
  });
  after(() => o?.context.close());

  test("contrast of the title in the dark theme is at least 4.5:1", async () => {
    for (const i of [0, 1]) {
      const a = await analyseCanvas(o.page, "figure.oc-chart canvas.oc-canvas", {
        index: i,
        topRows: 24,
      });
      assert.deepEqual(a.background.slice(0, 3), DARK.background);
      assert.ok(a.title.inked > 50, `chart ${i}: no title drawn`);
      assert.ok(
        a.title.ratio >= 4.5,
        `chart ${i}: best title contrast ${a.title.ratio.toFixed(2)}`,
      );
    }
  });

  test("tapping a bar shows and announces its figure; the tip stays on screen", async () => {
    const { page } = o;
    const fig = figure(page, 0);
    const canvas = fig.locator("canvas");
    await canvas.scrollIntoViewIfNeeded();
    const a = await analyseCanvas(page, "figure.oc-chart canvas.oc-canvas", { rgb: DARK.series0 });
    assert.equal(a.runs.length, 2, JSON.stringify(a.runs));
    const box = await canvas.boundingBox();
    const left = a.runs[0];
    await page.touchscreen.tap(
      box.x + (left.x0 + left.x1) / 2 / a.dpr,
      box.y + (left.top + left.bottom) / 2 / a.dpr,
    );
    const tip = fig.locator(".oc-tip");
    assert.equal(await tip.isVisible(), true);
    assert.match(await tip.textContent(), /1,573/);
    assert.match(await fig.locator(".oc-live").textContent(), /1,573/);
    const t = await tip.boundingBox();
    assert.ok(
      t.x >= 0 && t.x + t.width <= 320 + 0.5,
      `tooltip ${JSON.stringify(t)} off the 320 px screen`,
    );
    await clean(o.g);
  });
});

describe("the data table on a phone (360×640)", () => {
  let o;
  before(async () => {
    o = await open({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 1 });
  });
  after(() => o?.context.close());

  /** Opens every data table; how wide the page is, and each table's box (.oc-table), once the
   * boxes' resize observers have run (after the next frame). */
  const widths = (page) =>
    page.evaluate(async () => {
      for (const d of document.querySelectorAll("details.oc-data")) d.open = true;
      for (const _ of [1, 2]) await new Promise(requestAnimationFrame);
      return {
        page: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
        boxes: [...document.querySelectorAll(".oc-table")].map((b) => ({
          right: b.getBoundingClientRect().right,
          scrolls: b.scrollWidth > b.clientWidth,
          role: b.getAttribute("role"),
          tabindex: b.getAttribute("tabindex"),
        })),
      };
    });

  test("opened, the tables never widen the page; one too wide scrolls in its own box", async () => {
    const w = await widths(o.page);
    assert.equal(w.boxes.length, 2);
    assert.ok(w.page <= w.view, `the page is ${w.page} px wide on a ${w.view} px screen`);
    for (const b of w.boxes) assert.ok(b.right <= w.view, JSON.stringify(b));
    // The trend's two columns fit; the rate's five do not at 360 px, even with wrapped cells.
    assert.deepEqual(w.boxes[0], { ...w.boxes[0], scrolls: false, role: null, tabindex: null });
    assert.deepEqual(w.boxes[1], { ...w.boxes[1], scrolls: true, role: "region", tabindex: "0" });
  });

  test("the box that scrolls is a region named by its caption, scrolled by keyboard", async () => {
    const { page } = o;
    const box = page.locator(".oc-table").nth(1);
    const name = await box.evaluate(
      (b) => document.getElementById(b.getAttribute("aria-labelledby")).textContent,
    );
    assert.match(name, /grooming reports were detected/);
    await box.focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.activeElement.scrollLeft > 0);
    // Wider, the table fits: its box leaves the tab order and is no longer a region.
    await page.setViewportSize({ width: 800, height: 640 });
    await page.waitForFunction(() => !document.querySelector(".oc-table[tabindex]"));
    const w = await widths(page);
    assert.equal(w.boxes[1].role, null);
    await clean(o.g);
  });
});
