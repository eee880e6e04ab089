// A trend's periods reordered and a figure's source chosen, in the builder's "start from a
// release" route, by keyboard alone (issue 23, part 3). The April 2020 release's two figures are
// added newest first (a slip a journalist makes); Tab to the older period's Move up and Enter puts
// it first, its figure with it (quote, source and all), says so, and keeps the focus on that
// button; once first, Move up says it is already first and changes nothing; Move down takes it
// back. Then a second source is added and the newer figure's menu, reached by Tab, chooses it with
// the arrow keys: written into the spec, said, counted in the sources' list, the focus kept on
// the menu; that source then stays when Remove is pressed. No mouse: no click, no focus() from
// the test; typing and pasting into fields only.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { clean, DIST, fixture, ROOT } from "./helpers.mjs";
import { byId, byLabel, figureButton, focused, retype, tabTo } from "./keyboard.mjs";

const read = (path) => readFileSync(join(ROOT, path), "utf8");
const GET_HELP = read("tests/fixtures/release-2020-gethelporgetcaught.txt");
const TREND = JSON.parse(read("data/offence-trend.json"));
const [OLD, NEW] = TREND.periods;

const e2e = fixture();
let srv;
before(async () => {
  srv = await e2e.serve(DIST);
});

/** Waits until the spec in the editor satisfies `ok`; resolves to it, parsed. */
async function specWhen(page, ok) {
  for (let n = 0; n < 100; n++) {
    let spec = null;
    try {
      spec = JSON.parse(await page.inputValue("#spec"));
    } catch {
      // Not JSON yet.
    }
    if (spec && ok(spec)) return spec;
    await page.waitForTimeout(50);
  }
  throw new Error(`the spec never satisfied ${ok}`);
}

/** The builder, started from the April 2020 release by keyboard, its source named, a trend
 * chosen, and its two figures added newest first: {context, page, g}. */
async function newestFirst() {
  const opened = await e2e.open(srv.url("/builder.html"), {
    viewport: { width: 1280, height: 900 },
  });
  const { page } = opened;
  await page.waitForSelector("html[data-ready]");
  await tabTo(page, "the start menu", byId("start"));
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await page.waitForSelector("#release-step:not([hidden])");
  await tabTo(page, "the release", byId("release"));
  await page.keyboard.insertText(GET_HELP);
  const { name, date, url } = TREND.sources[0];
  for (const [id, text] of [
    ["r-source", name],
    ["r-date", date],
    ["r-url", url],
  ]) {
    await tabTo(page, id, byId(id));
    await page.keyboard.insertText(text);
  }
  await page.waitForSelector("#release-text button.figure");
  assert.equal(await page.isVisible("#r-period-none"), true, "no period yet");

  // 1694 first: its phrase names its period in full.
  await tabTo(page, "1694", figureButton("1694"));
  await page.keyboard.press("Enter");
  assert.equal(await page.inputValue("#ff-label"), NEW.label);
  await page.keyboard.press("Enter");
  await specWhen(page, (s) => s.periods.length === 1);
  // Then 1573, its period typed.
  await tabTo(page, "1573", figureButton("1573"));
  await page.keyboard.press("Enter");
  await retype(page, OLD.label);
  await page.keyboard.press("Tab");
  await retype(page, OLD.name);
  await page.keyboard.press("Enter");
  const spec = await specWhen(page, (s) => s.periods.length === 2);
  assert.deepEqual(spec.periods, [NEW, OLD], "added newest first");
  return opened;
}

const periodLines = (page) =>
  page.$$eval("#r-period-list li", (lis) =>
    lis.map((li) => li.querySelector(".period-text").textContent),
  );

describe("a trend's periods, reordered by keyboard", () => {
  test("Move up puts a period first, its figure with it; said; the focus stays", async () => {
    const { context, page, g } = await newestFirst();
    try {
      assert.deepEqual(await periodLines(page), [`${NEW.label}: 1694`, `${OLD.label}: 1573`]);
      assert.equal(await page.isVisible("#r-period-none"), false);
      const before = JSON.parse(await page.inputValue("#spec"));

      await tabTo(page, `Move up, ${OLD.label}`, byLabel(`Move up, ${OLD.label}`));
      await page.keyboard.press("Enter");
      let spec = await specWhen(page, (s) => s.periods[0].label === OLD.label);
      // The periods and figures as data/ has them: each figure moved with its period.
      assert.deepEqual(spec.periods, TREND.periods);
      assert.deepEqual(spec.series[0].values, TREND.series[0].values);
      assert.deepEqual(spec.series[0].values, [...before.series[0].values].reverse());
      assert.equal(
        await page.textContent("#r-periods-status"),
        `Moved ${OLD.label} up: now period 1 of 2.`,
      );
      assert.equal(await page.getAttribute("#r-periods-status", "aria-live"), "polite");
      assert.equal(
        (await focused(page)).label,
        `Move up, ${OLD.label}`,
        "the focus stays on the moved period's button",
      );
      assert.deepEqual(await periodLines(page), [`${OLD.label}: 1573`, `${NEW.label}: 1694`]);
      assert.equal(
        await page.getAttribute(`[aria-label="Move up, ${OLD.label}"]`, "aria-disabled"),
        "true",
      );
      // The preview draws the periods in their new order.
      await page.waitForFunction(
        ([a, b]) => {
          const label = document.getElementById("canvas").getAttribute("aria-label") ?? "";
          return label.indexOf(a) >= 0 && label.indexOf(a) < label.indexOf(b);
        },
        [OLD.name, NEW.name],
      );

      // First already: nothing moves, and that is said.
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        (t) => document.getElementById("r-periods-status").textContent === t,
        `${OLD.label} is already the first period.`,
      );
      assert.equal((await focused(page)).label, `Move up, ${OLD.label}`);
      spec = JSON.parse(await page.inputValue("#spec"));
      assert.deepEqual(spec.periods, TREND.periods, "unchanged");

      // Move down takes it back; the focus on its Move down.
      await page.keyboard.press("Tab");
      assert.equal((await focused(page)).label, `Move down, ${OLD.label}`);
      await page.keyboard.press("Enter");
      spec = await specWhen(page, (s) => s.periods[1].label === OLD.label);
      assert.deepEqual(spec, before);
      assert.equal(
        await page.textContent("#r-periods-status"),
        `Moved ${OLD.label} down: now period 2 of 2.`,
      );
      assert.equal((await focused(page)).label, `Move down, ${OLD.label}`);
      assert.equal(await page.textContent("#spec-error"), "");
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });

  test("a hand edit of the spec's periods shows in the list; a rate chart has none", async () => {
    const { context, page, g } = await newestFirst();
    try {
      await tabTo(page, "the spec editor", byId("spec"));
      const spec = JSON.parse(await page.inputValue("#spec"));
      spec.periods[0].label = "Edited";
      await retype(page, JSON.stringify(spec, null, 2));
      await page.waitForFunction(
        () =>
          document.querySelector("#r-period-list li .period-text")?.textContent === "Edited: 1694",
      );
      await tabTo(page, "the chart's kind", (f) => f.name === "r-kind", { back: true });
      await page.keyboard.press("ArrowDown");
      await page.waitForSelector("#r-periods", { state: "hidden" });
      await page.keyboard.press("ArrowUp");
      await page.waitForSelector("#r-periods", { state: "visible" });
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });
});

const sourceLines = (page) =>
  page.$$eval("#r-source-list li", (lis) => lis.map((li) => li.querySelector(".opt").textContent));

describe("the source a figure cites, chosen by keyboard", () => {
  test("a figure's menu lists the chart's sources; choosing one writes it, says it", async () => {
    const { context, page, g } = await newestFirst();
    try {
      const menu = `${NEW.label}: 1694`;
      assert.equal(await page.textContent('label[for="r-cite-0"]'), menu);
      assert.equal(await page.textContent('label[for="r-cite-1"]'), `${OLD.label}: 1573`);
      assert.deepEqual(
        await page.$$eval("#r-cite-0 option", (os) => os.map((o) => o.textContent)),
        [`1. “${TREND.sources[0].name}” (April 2020)`],
      );

      // A second source, with "Add another source".
      const second = TREND.sources[1];
      await tabTo(page, "Add another source", byId("r-source-add"));
      await page.keyboard.press("Enter");
      await page.keyboard.insertText(second.name);
      await page.keyboard.press("Tab");
      await page.keyboard.insertText(second.date);
      await page.keyboard.press("Enter");
      await specWhen(page, (s) => s.sources.length === 2);
      assert.deepEqual(
        await page.$$eval("#r-cite-0 option", (os) => os.map((o) => o.textContent)),
        [`1. “${TREND.sources[0].name}” (April 2020)`, `2. “${second.name}” (March 2019)`],
      );
      assert.equal(await page.inputValue("#r-cite-0"), "0");

      // The newer figure's menu, by Tab; the arrow key chooses the second source.
      await tabTo(page, "the first figure's menu", byId("r-cite-0"));
      await page.keyboard.press("ArrowDown");
      const spec = await specWhen(page, (s) => s.series[0].values[0].source === 1);
      assert.equal(spec.series[0].values[1].source, 0, "the other figure keeps its source");
      assert.equal(spec.series[0].values[0].value, 1694);
      assert.equal(
        await page.textContent("#r-cites-status"),
        `${menu} now comes from source 2, “${second.name}”.`,
      );
      assert.equal(await page.getAttribute("#r-cites-status", "aria-live"), "polite");
      assert.equal((await focused(page)).id, "r-cite-0", "the focus stays on the menu");
      assert.equal(await page.inputValue("#r-cite-0"), "1");
      assert.deepEqual(await sourceLines(page), [
        "1 figure comes from it",
        "1 figure comes from it",
      ]);
      assert.equal(await page.textContent("#spec-error"), "");

      // The second source now has a figure: Remove leaves it.
      await tabTo(page, "Remove source 2", byLabel(`Remove source 2, “${second.name}”`), {
        back: true,
      });
      await page.keyboard.press("Enter");
      assert.match(await page.textContent("#r-sources-error"), /stays: 1 figure comes from it/);

      // Back to the first source: the second can go.
      await tabTo(page, "the first figure's menu", byId("r-cite-0"));
      await page.keyboard.press("ArrowUp");
      await specWhen(page, (s) => s.series[0].values[0].source === 0);
      assert.equal((await focused(page)).id, "r-cite-0");
      await tabTo(page, "Remove source 2", byLabel(`Remove source 2, “${second.name}”`), {
        back: true,
      });
      await page.keyboard.press("Enter");
      await specWhen(page, (s) => s.sources.length === 1);
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });

  test("a rate chart's figures are listed by category and role", async () => {
    const { context, page, g } = await newestFirst();
    try {
      await tabTo(page, "the chart's kind", (f) => f.name === "r-kind", { back: true });
      await page.keyboard.press("ArrowDown");
      await page.waitForSelector("#r-cite-none", { state: "visible" });
      await tabTo(page, "1573", figureButton("1573"));
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      await retype(page, "All offences");
      await page.keyboard.press("Enter");
      await specWhen(page, (s) => s.kind === "rate" && s.categories.length === 1);
      assert.equal(await page.textContent('label[for="r-cite-0"]'), "All offences, recorded: 1573");
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });
});
