// builder.html's own program (issue 15): the builder loads the builder's wasm (cargo feature
// `builder`), never the readers', and the embed page the readers', never the builder's; the
// headline check lists each claim of the title and subtitle with the chart's figures, and a
// claim the figures contradict is a warning in words, announced.

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { clean, DIST, fixture } from "./helpers.mjs";

const e2e = fixture();
let srv;
before(async () => {
  srv = await e2e.serve(DIST);
});

/** Opens `path` and resolves to the page, its guard and the names of the wasm files it fetched. */
async function open(path) {
  const { context, page, g } = await e2e.context({ viewport: { width: 1280, height: 900 } }, [
    srv.origin,
  ]);
  const wasm = [];
  page.on("request", (r) => {
    const name = new URL(r.url()).pathname.slice(1);
    if (name.endsWith(".wasm")) wasm.push(name);
  });
  await page.goto(srv.url(path));
  return { context, page, g, wasm };
}

const claimLines = (page) => page.$$eval("#claims li", (lis) => lis.map((li) => li.textContent));

describe("the builder's program", () => {
  test("the builder fetches the builder's wasm, the embed page the readers'", async () => {
    const b = await open("/builder.html");
    try {
      await b.page.waitForSelector("html[data-ready]");
      await b.page.waitForSelector("#claims li");
      assert.equal(b.wasm.length, 1, `one wasm: ${b.wasm}`);
      assert.match(b.wasm[0], /^oc-builder-[0-9a-f]{10}\.wasm$/);
      await clean(b.g);
    } finally {
      await b.context.close();
    }
    const e = await open("/embed.html?chart=offence-trend");
    try {
      await e.page.waitForSelector("canvas[aria-label]");
      assert.equal(e.wasm.length, 1, `one wasm: ${e.wasm}`);
      assert.match(e.wasm[0], /^oc-[0-9a-f]{10}\.wasm$/);
    } finally {
      await e.context.close();
    }
  });
});

describe("the headline check", () => {
  test("the default chart's title holds; 'fell by 7.7 %' is a warning", async () => {
    const { context, page, g } = await open("/builder.html");
    try {
      await page.waitForSelector("html[data-ready]");
      await page.waitForSelector("#claims li");
      assert.deepEqual(await claimLines(page), [
        "title: rose by 7.7 % — figures: 1,573 → 1,694, +7.7 % ✓ holds",
      ]);
      assert.equal(await page.textContent("#claims-warning"), "");
      assert.equal(await page.getAttribute("#claims-warning", "role"), "status");

      const spec = JSON.parse(await page.inputValue("#spec"));
      spec.title = spec.title.replace("rose by", "fell by");
      await page.fill("#spec", JSON.stringify(spec, null, 2));
      await page.waitForFunction(() =>
        document.getElementById("claims-warning").textContent.includes("fell by"),
      );
      assert.deepEqual(await claimLines(page), [
        "title: fell by 7.7 % — figures: 1,573 → 1,694, +7.7 % ✗ contradicted",
      ]);
      assert.equal(
        await page.textContent("#claims-warning"),
        "Warning: the title says “fell by 7.7 %”, but the chart’s figures say 1,573 → 1,694," +
          " +7.7 %. Check the words before publishing.",
      );

      // A title with no figure: nothing to check, and said so.
      spec.title = "Online child sexual abuse offences recorded in Scotland";
      await page.fill("#spec", JSON.stringify(spec, null, 2));
      await page.waitForSelector("#claims-none:not([hidden])");
      assert.deepEqual(await claimLines(page), []);
      assert.equal(await page.textContent("#claims-warning"), "");
      await clean(g);
    } finally {
      await context.close();
    }
  });
});

// From the #GetHelpOrGetCaught release (April 2020), with a dash of three bytes in UTF-8 and one
// JS character before two figures: findFigures gives string indexes, not byte offsets.
const RELEASE =
  "Offences continue to rise — with 1694 recorded in Scotland between April 2019 and February " +
  "2020, compared to 1573 over the same period for 2018/19. Nearly 1600 crimes were recorded " +
  "the year before.";

describe("start from a release", () => {
  test("marks every figure; a figure chosen by keyboard opens its form and joins the spec", async () => {
    const { context, page, g } = await open("/builder.html");
    try {
      await page.waitForSelector("html[data-ready]");
      await page.selectOption("#start", "release");
      await page.waitForSelector("#release-step:not([hidden])");
      await page.fill("#r-source", "Police Scotland");
      await page.fill("#r-date", "April 2020");
      await page.fill("#release", RELEASE);
      await page.waitForSelector("#release-text button.figure");
      const marked = await page.$$eval("#release-text button.figure", (bs) =>
        bs.map((b) => b.textContent),
      );
      assert.deepEqual(marked, ["1694", "1573", "Nearly 1600"]);
      assert.equal(await page.textContent("#release-text"), RELEASE, "the text is all there");
      assert.equal(
        await page.textContent("#release-count"),
        "3 figures found: choose one to add it.",
      );

      // By keyboard: focus the third figure and press Enter; its form opens with the focus in
      // it, and Escape closes it, the focus back on the figure.
      await page.focus("#release-text button.figure >> nth=2");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#figure-form");
      assert.equal(await page.evaluate(() => document.activeElement.id), "ff-label");
      assert.equal(
        await page.getAttribute("#release-text button.figure >> nth=2", "aria-expanded"),
        "true",
      );
      await page.keyboard.press("Escape");
      assert.equal(await page.$("#figure-form"), null);
      assert.equal(await page.evaluate(() => document.activeElement.textContent), "Nearly 1600");
      // Again with Space; no period phrase, so no label: Enter is refused, by the field.
      await page.keyboard.press("Space");
      await page.keyboard.press("Enter");
      assert.equal(
        await page.textContent("#figure-form .error"),
        "Give the period a label (Apr 2019–Feb 2020).",
      );
      assert.equal(await page.getAttribute("#ff-label", "aria-invalid"), "true");
      await page.keyboard.insertText("2017/18");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.getElementById("spec").value.includes("1600"));
      await page.focus("#release-text button.figure >> nth=1");
      await page.keyboard.press("Space");
      assert.equal(await page.inputValue("#ff-label"), "2018/19");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.getElementById("spec").value.includes("1573"));
      const spec = JSON.parse(await page.inputValue("#spec"));
      assert.deepEqual(spec.sources, [{ name: "Police Scotland", date: "April 2020" }]);
      // A period for each, labelled (and named) by the period phrase of its sentence.
      assert.deepEqual(spec.periods, [{ label: "2017/18" }, { label: "2018/19" }]);
      assert.deepEqual(spec.series[0].values, [
        {
          value: 1600,
          source: 0,
          published: "nearly 1600",
          approximate: true,
          quote: "Nearly 1600 crimes were recorded the year before.",
        },
        {
          value: 1573,
          source: 0,
          quote:
            "Offences continue to rise — with 1694 recorded in Scotland between April 2019 and " +
            "February 2020, compared to 1573 over the same period for 2018/19.",
        },
      ]);
      assert.equal(
        await page.getAttribute("#release-text button.figure >> nth=2", "aria-label"),
        "Nearly 1600 (added)",
      );
      // The preview draws it, and the snippets are ready.
      await page.waitForFunction(
        () =>
          document
            .getElementById("canvas")
            .getAttribute("aria-label")
            ?.startsWith("Chart: Figures from the release") &&
          !document.getElementById("copy-script").disabled,
      );
      assert.equal(await page.textContent("#spec-error"), "");

      // A rate chart beside it: the trend's spec comes back when the trend is chosen again,
      // with a hand edit made before the switch.
      spec.title = "Edited by hand";
      await page.fill("#spec", JSON.stringify(spec, null, 2));
      await page.check('input[name="r-kind"][value="rate"]');
      await page.focus("#release-text button.figure >> nth=0");
      await page.keyboard.press("Enter");
      assert.equal(await page.inputValue("#ff-period"), "April 2019–February 2020");
      await page.keyboard.press("Tab");
      await page.keyboard.insertText("All offences");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.getElementById("spec").value.includes('"rate"'));
      const rate = JSON.parse(await page.inputValue("#spec"));
      assert.deepEqual(
        rate.categories.map((c) => [c.label, Object.keys(c)]),
        [["All offences", ["label", "period", "recorded"]]],
      );
      await page.check('input[name="r-kind"][value="trend"]');
      const back = JSON.parse(await page.inputValue("#spec"));
      assert.deepEqual([back.title, back.periods.length], ["Edited by hand", 2]);
      await page.check('input[name="r-kind"][value="rate"]');
      assert.deepEqual(JSON.parse(await page.inputValue("#spec")), rate);
      await clean(g);
    } finally {
      await context.close();
    }
  });
});
