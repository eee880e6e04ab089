// From each release to its default chart in the builder, by keyboard alone (issue 15): the
// release pasted with its source's name, date and URL, the chart chosen, each figure reached with
// Tab and opened with Enter, its period or category typed, Enter to add it. What the builder
// writes must equal data/ in every figure, quote, flag, period, category and source index. The
// words a journalist writes (title, subtitle, unit, series name, notes, and the trend's second
// source, which only its note cites) are then typed into the spec, and the whole spec must equal
// data/. No mouse: no click, no focus() from the test; typing and pasting into fields only.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  analyseCanvas,
  fixtureDir,
  guard,
  LIGHT,
  launch,
  ROOT,
  removeDir,
  requireDist,
  startServer,
} from "./helpers.mjs";

const read = (path) => readFileSync(join(ROOT, path), "utf8");
// The releases of ../shared/sources/, byte for byte.
const STOP_IT_NOW = read("tests/fixtures/release-2019-stopitnow.txt");
const GET_HELP = read("tests/fixtures/release-2020-gethelporgetcaught.txt");
const TREND = JSON.parse(read("data/offence-trend.json"));
const RATE = JSON.parse(read("data/detection-rate.json"));

let browser;
let srv;
let dir;

before(async () => {
  requireDist();
  dir = fixtureDir();
  [browser, srv] = await Promise.all([launch(), startServer(dir)]);
});

after(async () => {
  await browser?.close();
  await srv?.close();
  removeDir(dir);
});

/** What has the focus: its id, tag, class, name, value and text. */
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return {
      id: e.id,
      tag: e.tagName,
      cls: e.className,
      name: e.name,
      value: e.value,
      text: e.textContent,
    };
  });

/** Presses Tab (Shift+Tab with `back`) until the focus is on what `wanted` accepts. */
async function tabTo(page, what, wanted, { back = false } = {}) {
  for (let n = 0; n < 200; n++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (wanted(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

const figureButton = (text) => (f) => f.cls.includes("figure") && f.text === text;
const byId = (id) => (f) => f.id === id;

/** Replaces the text of the focused field with `text`, as a paste would. */
async function retype(page, text) {
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

/** Opens the builder, starts from a release by keyboard, pastes `release` and its source's
 * `name`, `date` and `url`, and chooses the chart `kind`. */
async function startFromRelease(release, { name, date, url }, kind) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const g = await guard(context, [srv.origin]);
  const page = await context.newPage();
  await page.goto(srv.url("/builder.html"));
  await page.waitForSelector("html[data-ready]");
  await tabTo(page, "the start menu", byId("start"));
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  assert.equal((await focused(page)).value, "release");
  await page.waitForSelector("#release-step:not([hidden])");
  await tabTo(page, "the release", byId("release"));
  await page.keyboard.insertText(release);
  for (const [id, text] of [
    ["r-source", name],
    ["r-date", date],
    ["r-url", url],
  ]) {
    await tabTo(page, id, byId(id));
    if (text) await page.keyboard.insertText(text);
  }
  await tabTo(page, "the chart's kind", (f) => f.name === "r-kind");
  if (kind === "rate") await page.keyboard.press("ArrowDown");
  assert.equal((await focused(page)).value, kind);
  await page.waitForSelector("#release-text button.figure");
  return { context, page, g };
}

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

/** Types the journalist's words from `want` into the spec editor (reached by Tab), and waits for
 * the preview to draw it; resolves to the spec, parsed. */
async function typeWords(page, spec, want, keys) {
  for (const k of keys) spec[k] = want[k];
  await tabTo(page, "the spec editor", byId("spec"));
  await retype(page, JSON.stringify(spec, null, 2));
  await page.waitForFunction(
    (title) =>
      document.getElementById("canvas").getAttribute("aria-label")?.startsWith(`Chart: ${title}`),
    want.title,
  );
  return JSON.parse(await page.inputValue("#spec"));
}

/** The preview drew: no spec error, the series colour in its pixels, no console errors. */
async function drew(page, g) {
  assert.equal(await page.textContent("#spec-error"), "");
  const canvas = await analyseCanvas(page, "#canvas", { rgb: LIGHT.series0 });
  assert.ok(canvas.colourPixels > 1000, `bars drawn: ${canvas.colourPixels} px`);
  assert.ok(canvas.title.inked > 100, "title drawn");
  assert.deepEqual(g.pageErrors, [], "page errors");
  assert.deepEqual(g.console, [], "console errors");
  assert.deepEqual(g.foreign(), [], "requests to other origins");
}

describe("from a release to the default charts, by keyboard", () => {
  test("the trend, from the April 2020 release", async () => {
    const { name, date, url } = TREND.sources[0];
    const { context, page, g } = await startFromRelease(GET_HELP, { name, date, url }, "trend");
    try {
      // 1573 first: the older period. Its phrase ("2018/19") is replaced by the full period.
      await tabTo(page, "1573", figureButton("1573"));
      await page.keyboard.press("Enter");
      assert.equal((await focused(page)).id, "ff-label", "the form opens with the focus in it");
      assert.equal(await page.inputValue("#ff-label"), "2018/19");
      await retype(page, "Apr 2018–Feb 2019");
      await page.keyboard.press("Tab");
      await retype(page, "April 2018–February 2019");
      await page.keyboard.press("Enter");
      await specWhen(page, (s) => s.periods.length === 1);
      assert.ok(figureButton("1573")(await focused(page)), "the focus is back on the figure");
      assert.equal(await page.$("#figure-form"), null, "the form is closed");
      assert.equal(
        await page.textContent("#release-status"),
        "1573: Added as the value of Apr 2018–Feb 2019. The trend has 1 period.",
      );

      // 1694, before it in the text: its phrase names the period in full.
      await tabTo(page, "1694", figureButton("1694"), { back: true });
      await page.keyboard.press("Enter");
      assert.equal(await page.inputValue("#ff-label"), "Apr 2019–Feb 2020");
      assert.equal(await page.inputValue("#ff-name"), "April 2019–February 2020");
      await page.keyboard.press("Enter");
      let spec = await specWhen(page, (s) => s.periods.length === 2);

      // Every figure, quote, flag, period and source as data/ has them.
      assert.deepEqual(spec.periods, TREND.periods);
      assert.deepEqual(spec.series[0].values, TREND.series[0].values);
      assert.deepEqual(spec.sources, [TREND.sources[0]]);
      assert.equal(
        await page.getAttribute("#release-text button.figure >> nth=1", "aria-label"),
        "1573 (added)",
      );

      spec.series[0].name = TREND.series[0].name;
      spec.sources.push(TREND.sources[1]);
      spec = await typeWords(page, spec, TREND, ["title", "subtitle", "unit", "notes"]);
      assert.deepEqual(spec, TREND);
      await drew(page, g);
    } finally {
      await context.close();
    }
  });

  test("the rate chart, from the March 2019 release", async () => {
    const { name, date } = RATE.sources[0];
    const { context, page, g } = await startFromRelease(STOP_IT_NOW, { name, date }, "rate");
    try {
      const [all, grooming] = RATE.categories;
      // "Nearly 1600": recorded (a count), in a new category; the period from its sentence.
      await tabTo(page, "Nearly 1600", figureButton("Nearly 1600"));
      await page.keyboard.press("Enter");
      const role = await focused(page);
      assert.deepEqual([role.name, role.value], ["ff-role", "recorded"]);
      await page.keyboard.press("Tab");
      assert.equal((await focused(page)).id, "ff-category");
      await retype(page, all.label);
      await page.keyboard.press("Tab");
      assert.equal(await page.inputValue("#ff-period"), all.period);
      await page.keyboard.press("Enter");
      await specWhen(page, (s) => s.categories.length === 1);

      // "nearly 70 per cent": the published rate (a per cent), of the same category.
      await tabTo(page, "nearly 70 per cent", figureButton("nearly 70 per cent"));
      await page.keyboard.press("Enter");
      assert.equal((await focused(page)).value, "rate");
      await page.keyboard.press("Tab");
      assert.equal(await page.inputValue("#ff-category"), all.label);
      assert.equal(await page.inputValue("#ff-period"), all.period);
      await page.keyboard.press("Enter");
      await specWhen(page, (s) => s.categories[0].rate);

      // "98 … 90 per cent of which (86)": the three together, in a new category.
      await tabTo(page, "98", figureButton("98"));
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      await retype(page, grooming.label);
      await tabTo(page, "the together button", (f) => f.text.startsWith("Add together"));
      assert.equal(
        (await focused(page)).text,
        "Add together: recorded 98, detected 86, published rate 90 per cent",
      );
      await page.keyboard.press("Enter");
      let spec = await specWhen(page, (s) => s.categories.length === 2);
      assert.equal(
        await page.textContent("#release-status"),
        "Added 98 as recorded, 86 as detected, 90 per cent as published rate to a new category, " +
          `${grooming.label}. The chart has 2 categories.`,
      );

      assert.deepEqual(spec.categories, RATE.categories);
      assert.deepEqual(spec.sources, RATE.sources);

      spec = await typeWords(page, spec, RATE, ["title", "subtitle", "notes"]);
      assert.deepEqual(spec, RATE);
      await drew(page, g);
    } finally {
      await context.close();
    }
  });
});
