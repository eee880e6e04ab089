// A rate chart from a spreadsheet, and a rate chart's and a two-series trend's gaps and statuses
// as a reader gets them, in Chromium.
//
// The builder (keyboard only, as a journalist works): a CSV of categories in rows with "Recorded",
// "Detected" and "Published rate" columns, one recorded count marked [c]; "Make: a rate chart",
// the categories picked on the grid ("Categories are in column A"), the detected and rate columns
// chosen in their menus with the arrow keys; the spec written equal to the one expected (the [c]
// count {"missing": "suppressed"}, every figure with its cell), the oddities listed, the preview
// drawn with the key line. A second test: a table with a title row and a "Crime" heading gives
// the same categories (neither row is one) and the title row as the title. A third: an .xlsx
// workbook chosen through the file input, its table's sheet (the second; the first is notes)
// chosen in the sheet menu, the categories picked on the grid past the title row, the recorded and
// detected columns in their menus, the source's name typed; the spec written exactly, a detected
// count marked [c] {"missing": "suppressed"}, the oddities listed, the preview drawn.
//
// The reader (the embed page, spec in its fragment): a rate chart whose "Indecent images"
// recorded count is suppressed: the arrow keys reach it, its tooltip and live text say
// "Detection rate: n/a" and "recorded count suppressed, 12 detected", its data-table row "n/a (suppressed)", the
// canvas's text alternative the key line. A two-series trend with a provisional figure in each
// series at the same period: both bars hollow (read from the pixels in each series' colour), the
// period's tooltip naming both statuses; the control (no statuses) has no hollow bar.
//
// Every spec and table here is SYNTHETIC (invented figures, not published statistics) but the
// workbook's (RATES_XLSX, below): Police Scotland's published figures.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { clean, DIST, fixture, LIGHT, ROOT, waitForCharts } from "./helpers.mjs";
import { byId, focused, tabTo } from "./keyboard.mjs";
import { barMarks, onCanvas } from "./pixels.mjs";
import { oddities, openWithFile as openSheetWithFile, previewed, spec } from "./sheet-steps.mjs";

// A plain table: the heading row's first cell blank, three categories, one count suppressed.
const RATE_CSV = [
  ",Recorded,Detected,Published rate",
  "Grooming,98,86,90",
  "Indecent images,[c],12,30",
  "Sextortion,40,10,25",
  "",
].join("\r\n");
// The same with a title row above and the heading row's first cell named, as many tables are.
const TITLED_CSV = [
  `"Online child sexual abuse, detection rates (synthetic)"`,
  ",,,",
  "Crime,Recorded,Detected,Published rate",
  ...RATE_CSV.split("\r\n").slice(1),
].join("\r\n");

const EXPECTED_CATEGORIES = [
  {
    label: "Grooming",
    recorded: { value: 98, source: 0, cell: "rates!B2" },
    detected: { value: 86, source: 0, cell: "rates!C2" },
    rate: { value: 90, source: 0, cell: "rates!D2" },
  },
  {
    label: "Indecent images",
    recorded: { missing: "suppressed", source: 0, cell: "rates!B3" },
    detected: { value: 12, source: 0, cell: "rates!C3" },
    rate: { value: 30, source: 0, cell: "rates!D3" },
  },
  {
    label: "Sextortion",
    recorded: { value: 40, source: 0, cell: "rates!B4" },
    detected: { value: 10, source: 0, cell: "rates!C4" },
    rate: { value: 25, source: 0, cell: "rates!D4" },
  },
];

// A workbook of REAL figures (written by tests/sheet.rs, fixtures_rates): Police Scotland's online
// child sexual abuse crimes for April 2018 to February 2019, as its #StopItNow (2019) and
// #GetHelpOrGetCaught (April 2020) campaign releases gave them: 98 grooming crimes recorded, 86
// detected; 1,573 online child sexual abuse crimes recorded. The force published no detected count
// for those 1,573 ("nearly 70 per cent"), so the workbook marks that cell [c]: the marker is the
// fixture's, as are the table's shape and title. A notes sheet first, then "Table 1" under a title
// row and a blank row.
const RATES_XLSX = readFileSync(join(ROOT, "tests/e2e/fixtures/online-csa-detection.xlsx"));
const RATES_TITLE =
  "Table 1: Online child sexual abuse crimes recorded and detected, Scotland, April 2018 to February 2019";

const e2e = fixture();
let srv;
before(async () => {
  srv = await e2e.serve(DIST);
});

// ---------------------------------------------------------------------------------------------
// The builder
// ---------------------------------------------------------------------------------------------

const openWithFile = (name, body) => openSheetWithFile(e2e, srv, name, body);

/** Tabs to menu `id` and presses ArrowDown (or ArrowUp) until its value is `value`. */
async function chooseIn(page, id, value) {
  await tabTo(page, `#${id}`, byId(id));
  for (let n = 0; n < 10 && (await page.inputValue(`#${id}`)) !== value; n++) {
    const now = Number(await page.inputValue(`#${id}`));
    await page.keyboard.press(now < Number(value) ? "ArrowDown" : "ArrowUp");
  }
  assert.equal(await page.inputValue(`#${id}`), value, `#${id}`);
  assert.equal((await focused(page)).id, id, "the focus stays on the menu");
}

/** The preview canvas's text alternative says each of `words`. */
async function previewSays(page, words) {
  const label = await page.getAttribute("#canvas", "aria-label");
  for (const w of words) assert.ok(label?.includes(w), `${w} in ${label}`);
}

const menuText = (page, id) =>
  page.$eval(`#${id}`, (s) => s.options[s.selectedIndex]?.textContent ?? "");

/** "Make: a rate chart" with the arrow keys (from "a trend"). */
async function makeRate(page) {
  await tabTo(page, "Make: a trend", (f) => f.name === "sheet-kind");
  assert.equal((await focused(page)).value, "trend");
  await page.keyboard.press("ArrowDown");
  assert.deepEqual(
    [(await focused(page)).value, await page.isChecked('input[name="sheet-kind"][value="rate"]')],
    ["rate", true],
  );
}

describe("the builder makes a rate chart from a sheet", () => {
  test("a CSV, keyboard only: categories on the grid, the counts' and rate's columns in their menus", async () => {
    const { page, g, context } = await openWithFile("rates.csv", RATE_CSV);
    try {
      assert.match(
        await page.textContent("#sheet-status"),
        /^rates\.csv \(CSV\), sheet “rates”: 4 rows × 4 columns\./,
      );
      await makeRate(page);
      assert.equal(await page.textContent("#sheet-key-label"), "Categories are in");
      // The grid: from A1 down to "Grooming", then "Categories are in column A" (which guesses
      // the first figure column as the recorded counts and nothing else).
      const roles = await categoriesInColumnA(page, 1);
      // Picking the categories guesses each column's role by its heading.
      assert.deepEqual(roles, ["1", "2", "3"]);
      // The menus name each column by its heading, and the arrow keys change them.
      assert.equal(await menuText(page, "sheet-recorded"), "column B: Recorded");
      assert.equal(await menuText(page, "sheet-detected"), "column C: Detected");
      await chooseIn(page, "sheet-rate", "-1");
      assert.equal(await menuText(page, "sheet-rate"), "none");
      await page.waitForFunction(() => !document.getElementById("spec").value.includes("rates!D4"));
      await chooseIn(page, "sheet-rate", "3");
      assert.equal(await menuText(page, "sheet-rate"), "column D: Published rate");
      assert.equal(await page.textContent("#sheet-pick-error"), "");
      await page.waitForFunction(() =>
        document.getElementById("spec").value.includes('"cell": "rates!D4"'),
      );
      assert.deepEqual(await spec(page), {
        version: 1,
        kind: "rate",
        title: "rates",
        sources: [{ name: "rates.csv", file: "rates.csv" }],
        categories: EXPECTED_CATEGORIES,
      });
      assert.deepEqual(await oddities(page), ["1 cell marked [c]: shown as suppressed (B3)"]);
      // The preview draws it: a rate chart, the suppressed count's category by its published
      // rate, the key line.
      await previewed(page);
      await previewSays(page, [
        "Chart: rates. ",
        "Grooming: 87.8 % detected (86 of 98 detected).",
        "Indecent images: 30 % detected (recorded count suppressed, 12 detected).",
        "n/a: figure suppressed.",
      ]);
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });

  test("a workbook, keyboard only: its table's sheet chosen, the categories and both counts' columns picked", async () => {
    const { page, g, context } = await openWithFile("online-csa-detection.xlsx", RATES_XLSX);
    try {
      // The first sheet is the notes: the builder opens the second, the first with figures; the
      // notes sheet, chosen in the menu, says it has no figures. (Make is still "a trend" here,
      // so the table's guess says its column A names no period until a rate chart is chosen.)
      const table1 = "online-csa-detection.xlsx (XLSX), sheet “Table 1”: 5 rows × 3 columns.";
      assert.equal(await page.textContent("#sheet-status"), table1);
      const trendGuess = await page.textContent("#sheet-pick-error");
      assert.match(trendGuess, /^column A names no period/);
      // No chart made, nothing done with the table: no "What the builder did" heading over nothing.
      assert.equal(await page.isVisible("#sheet-oddities-head"), false, "no empty oddities list");
      await tabTo(page, "the sheet menu", byId("sheet-name"));
      assert.deepEqual(
        await page.$$eval("#sheet-name option", (o) => o.map((x) => x.textContent)),
        ["Notes (no figures)", "Table 1"],
      );
      assert.equal(await page.inputValue("#sheet-name"), "1");
      await page.keyboard.press("ArrowUp");
      assert.equal(await page.inputValue("#sheet-name"), "0");
      assert.equal(
        await page.textContent("#sheet-pick-error"),
        "Sheet “Notes” has no figures: choose another sheet.",
      );
      assert.equal(await page.textContent("#sheet-cell"), "", "no cell of Table 1 named");
      // Nor Table 1's picks: the grid, its buttons and menus are hidden until a table is chosen.
      const shown = (id) => page.isVisible(`#${id}`);
      for (const id of ["sheet-grid-box", "sheet-key-col", "sheet-key", "sheet-series"])
        assert.equal(await shown(id), false, `${id} hidden on the notes sheet`);
      assert.equal(await page.inputValue("#s-title"), "", "no title suggested by Table 1");
      await page.keyboard.press("ArrowDown");
      assert.equal(await page.inputValue("#sheet-name"), "1");
      for (const id of ["sheet-grid-box", "sheet-key-col", "sheet-key", "sheet-series"])
        assert.equal(await shown(id), true, `${id} shown on Table 1`);
      assert.equal((await focused(page)).id, "sheet-name", "the focus stays on the menu");
      assert.equal(await page.textContent("#sheet-status"), table1);
      assert.equal(await page.textContent("#sheet-pick-error"), trendGuess);
      await makeRate(page);
      // The grid: from A1 down past the title row, the blank row and the heading to "Grooming",
      // then "Categories are in column A".
      const roles = await categoriesInColumnA(page, 3);
      // Picking the categories keeps the columns' roles their headings give (Recorded, Detected;
      // no rate column); the menus show them.
      assert.deepEqual(roles, ["1", "2", "-1"]);
      await chooseIn(page, "sheet-recorded", "1");
      assert.equal(await menuText(page, "sheet-recorded"), "column B: Recorded");
      await chooseIn(page, "sheet-detected", "2");
      assert.equal(await menuText(page, "sheet-detected"), "column C: Detected");
      assert.equal(await page.inputValue("#sheet-rate"), "-1", "no published rates");
      assert.equal(await page.textContent("#sheet-pick-error"), "");
      // The source's name, typed.
      await tabTo(page, "the source name", byId("s-source"));
      await page.keyboard.insertText("Police Scotland");
      await page.waitForFunction(() =>
        document.getElementById("spec").value.includes('"name": "Police Scotland"'),
      );
      assert.deepEqual(await spec(page), {
        version: 1,
        kind: "rate",
        title: RATES_TITLE,
        sources: [
          { name: "Police Scotland", file: "online-csa-detection.xlsx", table: RATES_TITLE },
        ],
        categories: [
          {
            label: "Grooming",
            recorded: { value: 98, source: 0, cell: "Table 1!B4" },
            detected: { value: 86, source: 0, cell: "Table 1!C4" },
          },
          {
            label: "All online child sexual abuse",
            recorded: { value: 1573, source: 0, cell: "Table 1!B5" },
            detected: { missing: "suppressed", source: 0, cell: "Table 1!C5" },
          },
        ],
      });
      assert.deepEqual(await oddities(page), [
        "Title rows above the table (row 1): the first is the title suggestion and the source's table title",
        "1 cell marked [c]: shown as suppressed (C5)",
      ]);
      assert.equal(await page.isVisible("#sheet-oddities-head"), true, "the oddities' heading");
      // The preview draws it: grooming's rate, the suppressed count's category as n/a, the key
      // line, the source typed.
      await previewed(page);
      await previewSays(page, [
        `Chart: ${RATES_TITLE}. `,
        "Grooming: 87.8 % detected (86 of 98 detected).",
        "All online child sexual abuse: no rate (1,573 recorded, detected count suppressed).",
        "n/a: figure suppressed.",
        "Source: Police Scotland.",
      ]);
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });

  test("words typed while a notes sheet is shown make no chart from it; the table takes them", async () => {
    const { page, g, context } = await openWithFile("online-csa-detection.xlsx", RATES_XLSX);
    try {
      await makeRate(page);
      await page.waitForFunction(
        () => document.getElementById("sheet-pick-error").textContent === "",
      );
      // The notes sheet chosen, a title typed: the sheet still has no figures, and nothing is
      // made from Table 1's picks on it (nor when the builder comes back to the sheet step).
      await page.selectOption("#sheet-name", "0");
      const notes = "Sheet “Notes” has no figures: choose another sheet.";
      const waitWhy = "Choose a sheet with a table: “Notes” has no figures.";
      const unchanged = async (when) => {
        assert.equal(await page.textContent("#sheet-pick-error"), notes, when);
        assert.equal(await page.inputValue("#code-iframe"), waitWhy, when);
        assert.equal(await page.isVisible("#sheet-grid-box"), false, when);
      };
      await unchanged("the notes sheet chosen");
      await page.focus("#s-title");
      await page.keyboard.insertText("Detection rates");
      await page.waitForTimeout(600); // three times the typing pause the builder waits for
      await unchanged("a title typed");
      await page.selectOption("#start", "table");
      await page.selectOption("#start", "sheet");
      await unchanged("back at the sheet step");
      // Table 1 chosen: its chart, with the title typed.
      await page.selectOption("#sheet-name", "1");
      await page.waitForFunction(() => document.getElementById("spec").value.includes("Grooming"));
      const made = await spec(page);
      assert.equal(made.kind, "rate");
      assert.equal(made.title, "Detection rates");
      assert.equal(await page.textContent("#sheet-pick-error"), "");
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });

  test("a title row and a named heading cell are not categories", async () => {
    const { page, g, context } = await openWithFile("rates.csv", TITLED_CSV);
    try {
      await makeRate(page);
      await page.waitForFunction(
        () => JSON.parse(document.getElementById("spec").value).kind === "rate",
      );
      const made = await spec(page);
      // Rows 4–6 here (a title row and a blank row above the heading).
      const moved = EXPECTED_CATEGORIES.map((c) => {
        const out = { label: c.label };
        for (const role of ["recorded", "detected", "rate"])
          out[role] = { ...c[role], cell: c[role].cell.replace(/\d$/, (d) => `${+d + 2}`) };
        return out;
      });
      assert.deepEqual(made.categories, moved);
      assert.equal(made.title, "Online child sexual abuse, detection rates (synthetic)");
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The reader
// ---------------------------------------------------------------------------------------------

const RATE = {
  version: 1,
  kind: "rate",
  title: "Online child sexual abuse detection rates (synthetic)",
  sources: [{ name: "Test statistics office" }],
  categories: [
    { label: "Grooming", recorded: 98, detected: 86 },
    { label: "Indecent images", recorded: { missing: "suppressed" }, detected: 12 },
    { label: "Sextortion", recorded: 40, detected: 10 },
  ],
};
/** The control: the same with every count known. */
const RATE_PLAIN = {
  ...RATE,
  categories: RATE.categories.map((c, i) => (i === 1 ? { ...c, recorded: 20 } : c)),
};

const P = (value) => ({ value, status: "provisional" });
const TWO = {
  version: 1,
  kind: "trend",
  title: "Crimes recorded, two series (synthetic)",
  unit: "crimes",
  mark: "bar",
  sources: [{ name: "Test statistics office" }],
  periods: [{ label: "2021-22" }, { label: "2022-23" }, { label: "2023-24" }],
  series: [
    { name: "Grooming", values: [100, 110, P(120)] },
    { name: "Sextortion", values: [60, 70, P(80)] },
  ],
};
/** The control: no statuses. */
const TWO_PLAIN = {
  ...TWO,
  series: TWO.series.map((s) => ({ ...s, values: [s.values[0], s.values[1], s.values[2].value] })),
};

/** The embed page of `spec`, its chart drawn. */
async function embed(spec, options = {}) {
  const url = srv.url(`/embed.html#spec=${encodeURIComponent(JSON.stringify(spec))}`);
  const o = await e2e.open(url, { viewport: { width: 800, height: 800 }, ...options }, [
    srv.origin,
  ]);
  assert.deepEqual(await waitForCharts(o.page, 1), ["ready"]);
  return o;
}

/** The live region's and the tooltip's text after each key of `keys` on the focused chart. */
async function steps(page, keys) {
  const live = page.locator("figure.oc-chart .oc-live");
  const tip = page.locator("figure.oc-chart .oc-tip");
  const out = [];
  for (const key of keys) {
    await page.keyboard.press(key);
    out.push({
      live: await live.textContent(),
      tip: await tip.evaluate((t) => [...t.children].map((c) => c.textContent).join(". ")),
    });
  }
  return out;
}

/** Tab from the top of the page until the chart's canvas has the focus. */
async function tabToChart(page) {
  for (let n = 0; n < 20; n++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.classList.contains("oc-canvas"))) return;
  }
  throw new Error("Tab never reached the chart");
}

const tableRows = (page) =>
  page
    .locator("details.oc-data")
    .evaluate((d) =>
      [...d.querySelectorAll("tbody tr")].map((tr) => [...tr.cells].map((c) => c.textContent)),
    );

describe("the reader: a rate chart with a suppressed count", () => {
  test("the keyboard reaches it; tooltip, live text, data table and text alternative say why", async () => {
    const { context, page, g } = await embed(RATE);
    try {
      await tabToChart(page);
      const live = page.locator("figure.oc-chart .oc-live");
      const first = await live.textContent();
      assert.match(first, /^Grooming\. Detection rate: 87\.8 %/, first);
      const [second] = await steps(page, ["ArrowDown"]);
      for (const said of [second.live, second.tip]) {
        assert.match(said, /^Indecent images\. /, said);
        assert.ok(said.includes("Detection rate: n/a"), said);
        // The count there and why the other is missing (not "12 of n/a detected").
        assert.ok(said.includes("recorded count suppressed, 12 detected"), said);
      }
      // The others say nothing of it.
      const [third] = await steps(page, ["ArrowDown"]);
      assert.match(third.live, /^Sextortion\. Detection rate: 25\.0 %/, third.live);
      assert.ok(!third.live.includes("suppressed"), third.live);

      const label = await page
        .locator("figure.oc-chart canvas.oc-canvas")
        .getAttribute("aria-label");
      assert.ok(label.includes("n/a: figure suppressed."), label);
      const rows = await tableRows(page);
      assert.deepEqual(rows[1].slice(0, 3), ["Indecent images", "n/a (suppressed)", "12"]);
      assert.deepEqual(rows[0].slice(0, 4), ["Grooming", "98", "86", "87.8 %"]);
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });

  test("the control: every count known, nothing said suppressed", async () => {
    const { context, page, g } = await embed(RATE_PLAIN);
    try {
      await tabToChart(page);
      const [second] = await steps(page, ["ArrowDown"]);
      assert.ok(!second.live.includes("n/a") && !second.live.includes("suppressed"), second.live);
      const label = await page
        .locator("figure.oc-chart canvas.oc-canvas")
        .getAttribute("aria-label");
      assert.ok(!label.includes("n/a: figure suppressed."), label);
      assert.ok(!(await tableRows(page)).flat().includes("n/a (suppressed)"));
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });
});

/** By keyboard: from the grid's A1 down `down` rows to "Grooming", then "Categories are in
 * column A"; resolves to the recorded, detected and rate menus' values that picking guessed. */
async function categoriesInColumnA(page, down) {
  await tabTo(page, "the grid", (f) => f.tag === "TD");
  assert.deepEqual([(await focused(page)).r, (await focused(page)).c], ["0", "0"]);
  for (let n = 0; n < down; n++) await page.keyboard.press("ArrowDown");
  assert.equal((await focused(page)).text, "Grooming");
  assert.equal(await page.textContent("#sheet-cell"), `On cell A${down + 1}: “Grooming”.`);
  await tabTo(page, "Categories are in column A", byId("sheet-key-col"));
  assert.equal((await focused(page)).text, "Categories are in column A");
  await page.keyboard.press("Enter");
  assert.equal(await page.inputValue("#sheet-key"), "col:0");
  const roles = [];
  for (const id of ["sheet-recorded", "sheet-detected", "sheet-rate"])
    roles.push(await page.inputValue(`#${id}`));
  return roles;
}

/** The bars of colour `rgb` on the chart's canvas, left to right: `barMarks` with runs closer
 * than 4 CSS px joined (a textured bar's stripes); a hollow bar `empty` when the background
 * shows at its middle. Marks less than half the widest one's width (the legend's swatch) left
 * out. */
function bars(page, rgb) {
  return onCanvas(
    page,
    (px, width, height, { rgb, dpr }) => {
      const { marks } = barMarks(px, width, height, { colour: rgb, dpr, merge: 4 });
      const bg = px(2, 0);
      for (const m of marks)
        if (m.kind === "hollow") m.empty = m.inside.every((v, k) => v === bg[k]);
      const widest = Math.max(0, ...marks.map((m) => m.x1 - m.x0));
      return { marks: marks.filter((m) => m.x1 - m.x0 >= widest / 2) };
    },
    { rgb },
  ).then((found) => found.marks);
}

const SERIES1 = [178, 78, 0]; // the light theme's second series colour (src/paint/theme.rs)

describe("the reader: a two-series trend with a provisional figure in each", () => {
  for (const dpr of [1, 2]) {
    test(`DPR ${dpr}: both 2023-24 bars hollow in their series' colours; each one's tooltip names its status`, async () => {
      const { context, page, g } = await embed(TWO, { deviceScaleFactor: dpr });
      const plain = await embed(TWO_PLAIN, { deviceScaleFactor: dpr });
      try {
        // The first series' bars are solid, the second's striped (a texture, not colour alone).
        for (const [name, rgb, striped] of [
          ["Grooming", LIGHT.series0, false],
          ["Sextortion", SERIES1, true],
        ]) {
          const found = await bars(page, rgb);
          const why = `${name}: ${JSON.stringify(found)}`;
          for (const m of found.slice(0, 2))
            assert.equal(m.stripes > 1, striped, `${name}'s texture: ${why}`);
          assert.deepEqual(
            found.map((m) => m.kind),
            ["solid", "solid", "hollow"],
            `three bars, the last hollow: ${why}`,
          );
          assert.ok(found[2].empty, `the background inside: ${why}`);
          // The control: the same bars, all solid.
          const control = await bars(plain.page, rgb);
          assert.deepEqual(
            control.map((m) => m.kind),
            ["solid", "solid", "solid"],
            `${name}, control: ${JSON.stringify(control)}`,
          );
        }
        if (dpr === 1) {
          // A bar a figure: End is Sextortion's 2023-24 bar, ArrowLeft Grooming's; each names
          // its series and its status, in the tooltip and the live region.
          await tabToChart(page);
          const said = await steps(page, ["End", "ArrowLeft", "ArrowLeft"]);
          assert.deepEqual(
            said.map((s) => s.live),
            [
              "2023-24. Sextortion: 80 crimes. Figure provisional",
              "2023-24. Grooming: 120 crimes. Figure provisional",
              "2022-23. Sextortion: 70 crimes",
            ],
          );
          for (const s of said) assert.equal(s.tip, s.live);
          const label = await page
            .locator("figure.oc-chart canvas.oc-canvas")
            .getAttribute("aria-label");
          assert.ok(label.includes("Hollow marks: figures provisional."), label);
          assert.deepEqual((await tableRows(page))[2], [
            "2023-24",
            "120 (provisional)",
            "80 (provisional)",
          ]);
        }
        await clean(g, { page, foreign: true });
        await clean(plain.g, { page: plain.page });
      } finally {
        await context.close();
        await plain.context.close();
      }
    });
  }

  test("as lines: the period's tooltip names both series' statuses", async () => {
    const { context, page, g } = await embed({ ...TWO, mark: "line" });
    try {
      await tabToChart(page);
      const said = await steps(page, ["End", "ArrowLeft"]);
      assert.deepEqual(said, [
        {
          live: "2023-24. Grooming: 120 crimes. Figure provisional. Sextortion: 80 crimes. Figure provisional",
          tip: "2023-24. Grooming: 120 crimes. Figure provisional. Sextortion: 80 crimes. Figure provisional",
        },
        {
          live: "2022-23. Grooming: 110 crimes. Sextortion: 70 crimes",
          tip: "2022-23. Grooming: 110 crimes. Sextortion: 70 crimes",
        },
      ]);
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });
});
