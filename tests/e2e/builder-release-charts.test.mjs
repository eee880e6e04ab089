// From each release to its default chart in the builder, by keyboard alone (issue 15): the
// release pasted with its source's name, date and URL, the chart chosen, each figure reached with
// Tab and opened with Enter, its period or category typed, Enter to add it. What the builder
// writes must equal data/ in every figure, quote, flag, period, category and source index. The
// words a journalist writes (title, subtitle, a trend's unit and series name, notes) are then
// typed into their fields, and the trend's second source, which no figure comes from and only its
// note cites, is added with "Add another source"; the whole spec must equal data/, with no JSON
// typed. Typing a title changes the spec and the headline check; a hand edit of the spec shows in
// the fields and the sources' list; a source no figure comes from is removed, one a figure comes
// from stays. No mouse: no click, no focus() from the test; typing and pasting into fields only.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { analyseCanvas, clean, DIST, fixture, LIGHT, ROOT } from "./helpers.mjs";
import { byId, figureButton, focused, retype, tabTo } from "./keyboard.mjs";

const read = (path) => readFileSync(join(ROOT, path), "utf8");
// The releases of ../shared/sources/, byte for byte.
const STOP_IT_NOW = read("tests/fixtures/release-2019-stopitnow.txt");
const GET_HELP = read("tests/fixtures/release-2020-gethelporgetcaught.txt");
const TREND = JSON.parse(read("data/offence-trend.json"));
const RATE = JSON.parse(read("data/detection-rate.json"));

const e2e = fixture();
let srv;
before(async () => {
  srv = await e2e.serve(DIST);
});

/** Opens the builder, starts from a release by keyboard, pastes `release` and its source's
 * `name`, `date` and `url`, and chooses the chart `kind`. */
async function startFromRelease(release, { name, date, url }, kind) {
  const { context, page, g } = await e2e.open(srv.url("/builder.html"), {
    viewport: { width: 1280, height: 900 },
  });
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

/** Waits for the preview to draw the chart titled `title`. */
const drawnTitled = (page, title) =>
  page.waitForFunction(
    (t) => document.getElementById("canvas").getAttribute("aria-label")?.startsWith(`Chart: ${t}`),
    title,
  );

/** Types the journalist's words from `want` into their fields (each reached by Tab): the title,
 * subtitle and notes (one per line), and a trend's unit and series name; waits for the spec to
 * hold them and the preview to draw it; resolves to the spec, parsed. */
async function typeWords(page, want) {
  const words = [
    ["r-title", want.title],
    ["r-subtitle", want.subtitle],
    ...(want.kind === "trend"
      ? [
          ["r-unit", want.unit],
          ["r-series", want.series[0].name],
        ]
      : []),
    ["r-notes", want.notes.join("\n")],
  ];
  for (const [id, text] of words) {
    await tabTo(page, id, byId(id));
    await retype(page, text);
  }
  const spec = await specWhen(
    page,
    (s) =>
      s.title === want.title &&
      s.subtitle === want.subtitle &&
      s.notes?.length === want.notes.length &&
      s.series?.[0].name === want.series?.[0].name,
  );
  await drawnTitled(page, want.title);
  return spec;
}

/** Adds the April 2020 release's two figures to the trend, oldest first, by keyboard; resolves
 * to the spec. */
async function addTrendFigures(page) {
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
  return specWhen(page, (s) => s.periods.length === 2);
}

/** Adds `source` (name, date, URL) with "Add another source", by keyboard from where the focus
 * is; resolves to the spec once it holds it, the focus back on the button. */
async function addSource(page, { name, date = "", url = "" }) {
  await tabTo(page, "Add another source", byId("r-source-add"));
  await page.keyboard.press("Enter");
  assert.equal((await focused(page)).id, "rs-name", "the form opens with the focus in it");
  await page.keyboard.insertText(name);
  for (const [id, text] of [
    ["rs-date", date],
    ["rs-url", url],
  ]) {
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).id, id);
    if (text) await page.keyboard.insertText(text);
  }
  await page.keyboard.press("Enter");
  const spec = await specWhen(page, (s) => s.sources.some((x) => x.name === name));
  assert.equal((await focused(page)).id, "r-source-add", "the focus is back on the button");
  assert.equal(await page.isVisible("#r-source-form"), false, "the form is closed");
  return spec;
}

/** The sources' list, as its items read. */
const sourceLines = (page) =>
  page.$$eval("#r-source-list li", (lis) => lis.map((li) => li.textContent));

const claimLines = (page) => page.$$eval("#claims li", (lis) => lis.map((li) => li.textContent));

/** The preview drew: no spec error, the series colour in its pixels, no console errors. */
async function drew(page, g) {
  assert.equal(await page.textContent("#spec-error"), "");
  const canvas = await analyseCanvas(page, "#canvas", { rgb: LIGHT.series0 });
  assert.ok(canvas.colourPixels > 1000, `bars drawn: ${canvas.colourPixels} px`);
  assert.ok(canvas.title.inked > 100, "title drawn");
  await clean(g, { foreign: true });
}

describe("from a release to the default charts, by keyboard", () => {
  test("the trend, from the April 2020 release", async () => {
    const { name, date, url } = TREND.sources[0];
    const { context, page, g } = await startFromRelease(GET_HELP, { name, date, url }, "trend");
    try {
      let spec = await addTrendFigures(page);

      // Every figure, quote, flag, period and source as data/ has them.
      assert.deepEqual(spec.periods, TREND.periods);
      assert.deepEqual(spec.series[0].values, TREND.series[0].values);
      assert.deepEqual(spec.sources, [TREND.sources[0]]);
      assert.equal(
        await page.getAttribute("#release-text button.figure >> nth=1", "aria-label"),
        "1573 (added)",
      );

      // The words, in their fields; the fields show the words the builder began with.
      assert.equal(await page.inputValue("#r-title"), "Figures from the release");
      assert.equal(await page.inputValue("#r-series"), "Figures");
      spec = await typeWords(page, TREND);
      // The second source, in its own fields: no figure comes from it, only the note cites it.
      spec = await addSource(page, TREND.sources[1]);
      assert.deepEqual(spec, TREND);
      assert.equal(
        await page.textContent("#r-sources-status"),
        `Added source 2, “${TREND.sources[1].name}”. The chart has 2 sources.`,
      );
      assert.deepEqual(await sourceLines(page), [
        `${TREND.sources[0].name} (April 2020) ${TREND.sources[0].url}2 figures come from it` +
          `Remove`,
        `${TREND.sources[1].name} (March 2019)no figure comes from itRemove`,
      ]);
      assert.equal(await page.inputValue("#r-unit"), TREND.unit, "the words are kept");
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

      assert.equal(await page.isVisible("#r-unit"), false, "no unit for a rate chart");
      assert.equal(await page.isVisible("#r-series"), false, "nor a series name");
      spec = await typeWords(page, RATE);
      assert.deepEqual(spec, RATE);
      await drew(page, g);
    } finally {
      await context.close();
    }
  });
});

describe("the chart's words, in fields", () => {
  test("a title typed changes the spec and the headline check; the spec's edits show", async () => {
    const { name, date, url } = TREND.sources[0];
    const { context, page, g } = await startFromRelease(GET_HELP, { name, date, url }, "trend");
    try {
      await addTrendFigures(page);
      assert.deepEqual(await claimLines(page), []);

      await tabTo(page, "the title field", byId("r-title"));
      await retype(page, "Offences rose by 7.7 %");
      await specWhen(page, (s) => s.title === "Offences rose by 7.7 %");
      await page.waitForSelector("#claims li");
      assert.deepEqual(await claimLines(page), [
        "title: rose by 7.7 % — figures: 1,573 → 1,694, +7.7 % ✓ holds",
      ]);
      await page.keyboard.press("Tab");
      assert.equal((await focused(page)).id, "r-subtitle");
      await retype(page, "They fell by 7.7 %");
      await specWhen(page, (s) => s.subtitle === "They fell by 7.7 %");
      await page.waitForFunction(() => document.querySelectorAll("#claims li").length === 2);
      assert.match(await page.textContent("#claims-warning"), /^Warning: the subtitle says/);

      // Too long: the chart's check says so by the spec and by the field.
      await tabTo(page, "the title field", byId("r-title"), { back: true });
      await retype(page, "x".repeat(201));
      await page.waitForFunction(() => document.getElementById("r-words-error").textContent);
      assert.match(await page.textContent("#spec-error"), /^title: /);
      assert.match(await page.textContent("#r-words-error"), /^Title: /);
      assert.equal(await page.getAttribute("#r-title", "aria-invalid"), "true");
      await retype(page, "Offences rose");
      await page.waitForFunction(() => !document.getElementById("r-words-error").textContent);
      assert.equal(await page.getAttribute("#r-title", "aria-invalid"), null);

      // The rate chart keeps its own words; the trend's come back with it.
      await tabTo(page, "the chart's kind", (f) => f.name === "r-kind", { back: true });
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(
        () => document.getElementById("r-title").value === "Figures from the release",
      );
      await page.keyboard.press("ArrowUp");
      await page.waitForFunction(
        () => document.getElementById("r-title").value === "Offences rose",
      );

      // A hand edit of the spec shows in the fields.
      await tabTo(page, "the spec editor", byId("spec"));
      const spec = JSON.parse(await page.inputValue("#spec"));
      spec.subtitle = "Edited by hand";
      await retype(page, JSON.stringify(spec, null, 2));
      await page.waitForFunction(
        () => document.getElementById("r-subtitle").value === "Edited by hand",
      );
      await drawnTitled(page, "Offences rose");
      await clean(g);
    } finally {
      await context.close();
    }
  });
});

describe("the chart's sources, in a list", () => {
  test("one no figure comes from is removed; one a figure comes from stays", async () => {
    const { name, date, url } = TREND.sources[0];
    const { context, page, g } = await startFromRelease(GET_HELP, { name, date, url }, "trend");
    try {
      // Before any figure: no source yet.
      assert.equal(await page.isVisible("#r-source-none"), true);
      await addTrendFigures(page);
      assert.equal(await page.isVisible("#r-source-none"), false);
      assert.equal((await sourceLines(page)).length, 1);

      // The form refuses a source without a name, and a URL that is not http(s); Escape closes it.
      await tabTo(page, "Add another source", byId("r-source-add"));
      await page.keyboard.press("Enter");
      assert.equal(await page.getAttribute("#r-source-add", "aria-expanded"), "true");
      await page.keyboard.press("Enter");
      assert.equal(await page.textContent("#rs-error"), "Name the source (who published it).");
      assert.equal((await focused(page)).id, "rs-name");
      assert.equal(await page.getAttribute("#rs-name", "aria-invalid"), "true");
      await page.keyboard.insertText("A");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.insertText("ftp://example.org");
      await page.keyboard.press("Enter");
      assert.match(await page.textContent("#rs-error"), /^The URL must start with http/);
      assert.equal((await focused(page)).id, "rs-url");
      await page.keyboard.press("Escape");
      assert.equal((await focused(page)).id, "r-source-add");
      assert.equal(await page.isVisible("#r-source-form"), false);
      assert.equal((await sourceLines(page)).length, 1, "nothing added");

      // Two more; the first of them removed: the list and the spec follow, the focus moves on.
      await addSource(page, { name: "Uncited one", date: "May 2020" });
      await addSource(page, { name: "Uncited two", url: "https://example.org/two" });
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Shift+Tab");
      const second = await page.evaluate(() => document.activeElement.getAttribute("aria-label"));
      assert.equal(second, "Remove source 2, “Uncited one”");
      await page.keyboard.press("Enter");
      let spec = await specWhen(page, (s) => s.sources.length === 2);
      assert.deepEqual(spec.sources, [
        TREND.sources[0],
        { name: "Uncited two", url: "https://example.org/two" },
      ]);
      assert.equal(
        await page.textContent("#r-sources-status"),
        "Removed source 2, “Uncited one”. The chart has 2 sources.",
      );
      assert.equal(
        await page.evaluate(() => document.activeElement.getAttribute("aria-label")),
        "Remove source 2, “Uncited two”",
        "the focus is on the Remove button now in its place",
      );

      // The release's source: both figures come from it, so it stays.
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Enter");
      assert.equal(
        await page.textContent("#r-sources-error"),
        `“${name}” stays: 2 figures come from it. ` +
          "To remove it, give them another source in the spec first.",
      );
      assert.equal(await page.textContent("#r-sources-status"), "");
      spec = JSON.parse(await page.inputValue("#spec"));
      assert.equal(spec.sources.length, 2, "the spec is untouched");

      // The rate chart keeps its own sources (none yet); the trend's come back with it.
      await tabTo(page, "the chart's kind", (f) => f.name === "r-kind", { back: true });
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => !document.querySelector("#r-source-list li"));
      await page.keyboard.press("ArrowUp");
      await page.waitForFunction(() => document.querySelectorAll("#r-source-list li").length === 2);

      // A hand edit of the spec's sources shows in the list.
      await tabTo(page, "the spec editor", byId("spec"));
      spec.sources[1] = { name: "Edited by hand" };
      await retype(page, JSON.stringify(spec, null, 2));
      await page.waitForFunction(() =>
        document.querySelector("#r-source-list li:nth-child(2)")?.textContent.startsWith("Edited"),
      );
      await clean(g);
    } finally {
      await context.close();
    }
  });
});
