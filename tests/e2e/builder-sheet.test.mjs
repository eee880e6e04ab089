// Starting from a spreadsheet or CSV file (issue 22, parts 2 and 4), by keyboard alone: the start
// menu's "A spreadsheet or CSV file" chosen with the arrow keys, the file chosen through the file
// input's own chooser (Space on it), the sheet picked from its menu, the grid walked with the
// arrow keys, the periods' line and the series picked with the buttons under it and the series'
// check boxes; the spec written (read from the spec editor) equal to the one expected, with the
// markers, footnote marks and notes of the table listed as the builder says it handled them.
// Bad files (too large, not a spreadsheet, damaged, empty, a CSV named .xlsx) each get a clear
// message and never a spec. The CSV files are written here; the workbook is the one tests/sheet.rs
// writes (tests/e2e/fixtures/recorded-crime.xlsx, the Scottish Government bulletin's shape).

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { clean, DIST, fixture, ROOT } from "./helpers.mjs";
import { byId, focused, tabTo } from "./keyboard.mjs";
import {
  chooseFile,
  oddities,
  openBuilder as openSheetBuilder,
  openWithFile as openSheetWithFile,
  previewed,
  spec,
  startFrom,
} from "./sheet-steps.mjs";

const XLSX = readFileSync(join(ROOT, "tests/e2e/fixtures/recorded-crime.xlsx"));
const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

// Police Scotland's online child sexual abuse counts as a small CSV table: a title row, a blank
// row, the header, two periods (the first with a footnote mark glued to it, its figure
// provisional), a blank row and a note.
const CSA_CSV = [
  "Police Scotland: online child sexual abuse offences recorded",
  ",",
  "Period,Recorded offences",
  `"Apr '18 to Feb '191","1,573[p]"`,
  `Apr '19 to Feb '20,"1,694"`,
  ",",
  `"1. April to February: 11 months, not full years."`,
  "",
].join("\r\n");

const e2e = fixture();
let srv;
let HUGE; // a 50 MB file's path (playwright hands over at most 50 MB as bytes)
before(async () => {
  srv = await e2e.serve(DIST);
  const dir = e2e.folder({}, { withDist: false });
  HUGE = join(dir, "huge.xlsx");
  writeFileSync(HUGE, Buffer.alloc(50 * 1024 * 1024, 65));
});

const openBuilder = () => openSheetBuilder(e2e, srv);
const openWithFile = (name, body) => openSheetWithFile(e2e, srv, name, body);

describe("the builder starts from a spreadsheet or CSV file", () => {
  test("a CSV file, keyboard only: periods and series picked on the grid, the spec expected", async () => {
    const { page, g, context } = await openWithFile("csa.csv", CSA_CSV);
    try {
      assert.match(
        await page.textContent("#sheet-status"),
        /^csa\.csv \(CSV\), sheet “csa”: 7 rows × 2 columns\./,
      );
      // Into the grid: the first cell, then down to row 3 and "Periods are in row 3", which
      // names no period: said, and no spec written from it.
      const before = await page.inputValue("#spec");
      await tabTo(page, "the grid", (f) => f.tag === "TD");
      assert.deepEqual([(await focused(page)).r, (await focused(page)).c], ["0", "0"]);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      assert.equal((await focused(page)).text, "Period");
      assert.equal(await page.textContent("#sheet-cell"), "On cell A3: “Period”.");
      await tabTo(page, "Periods are in row 3", byId("sheet-key-row"));
      assert.equal((await focused(page)).text, "Periods are in row 3");
      await page.keyboard.press("Enter");
      assert.match(await page.textContent("#sheet-pick-error"), /^row 3 names no period/);
      assert.equal(await page.inputValue("#spec"), before, "no half-made spec");
      // Back to the grid (Shift+Tab to it), then "Periods are in column A".
      await tabTo(page, "Periods are in column A", byId("sheet-key-col"));
      assert.equal((await focused(page)).text, "Periods are in column A");
      await page.keyboard.press("Enter");
      assert.equal(await page.textContent("#sheet-pick-error"), "");
      // Column B is the series, found at once; removed and added back with its check box.
      await tabTo(page, "the series' check box", byId("sheet-series-1"));
      await page.keyboard.press("Space");
      assert.equal(
        await page.textContent("#sheet-pick-error"),
        "Choose at least one series: a row or column of figures.",
      );
      assert.equal((await focused(page)).id, "sheet-series-1", "the focus stays on the box");
      await page.keyboard.press("Space");
      // The source's name, typed.
      await tabTo(page, "the source name", byId("s-source"));
      await page.keyboard.insertText("Police Scotland");
      await page.waitForFunction(() =>
        document.getElementById("spec").value.includes('"name": "Police Scotland"'),
      );
      assert.deepEqual(await spec(page), {
        version: 1,
        kind: "trend",
        title: "Police Scotland: online child sexual abuse offences recorded",
        sources: [
          {
            name: "Police Scotland",
            file: "csa.csv",
            table: "Police Scotland: online child sexual abuse offences recorded",
          },
        ],
        notes: ["1. April to February: 11 months, not full years."],
        periods: [
          { label: "Apr 2018–Feb 2019", name: "April 2018–February 2019" },
          { label: "Apr 2019–Feb 2020", name: "April 2019–February 2020" },
        ],
        series: [
          {
            name: "Recorded offences",
            values: [
              { value: 1573, status: "provisional", source: 0, cell: "csa!B4" },
              { value: 1694, source: 0, cell: "csa!B5" },
            ],
          },
        ],
      });
      assert.deepEqual(await oddities(page), [
        "Title rows above the table (row 1): the first is the title suggestion and the source's table title",
        "1 note under the table (row 7): suggested as the chart's notes",
        "Row 4's heading had a footnote marker 1: removed (“Apr '18 to Feb '191”)",
        "1 figure marked [p]: shown as provisional (B4)",
        "1 figure with thousands separators: read as numbers (B5)",
        "Periods named in full (Apr 2018–Feb 2019: April 2018–February 2019)",
      ]);
      await previewed(page);
      // Read off the page's thread: the reader's worker was fetched once, and its program is
      // the builder's (a second instance of the same file, from the HTTP cache or not).
      assert.equal(g.count(/^\/sheet-worker-[0-9a-f]{10}\.js$/), 1);
      assert.ok(page.workers().some((w) => /\/sheet-worker-[0-9a-f]{10}\.js$/.test(w.url())));
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });

  test("a workbook: its sheet chosen, one series kept, markers and footnotes listed", async () => {
    const { page, g, context } = await openWithFile("recorded-crime-2023-24-tables.xlsx", XLSX);
    try {
      // The sheets, by their menu: the empty one says so.
      await tabTo(page, "the sheet menu", byId("sheet-name"));
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      assert.equal(await page.inputValue("#sheet-name"), "2");
      assert.equal(
        await page.textContent("#sheet-pick-error"),
        "Sheet “Empty” is empty: choose another sheet.",
      );
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowUp");
      assert.equal(await page.inputValue("#sheet-name"), "0");
      // Guessed: the periods in row 4 (2022-23, 2023-24 [p]), every crime group a series.
      assert.equal(await page.inputValue("#sheet-key"), "row:3");
      const all = await oddities(page);
      for (const line of [
        "Title rows above the table (rows 1–2): the first is the title suggestion and the source's table title",
        "1 note under the table (row 11): suggested as the chart's notes",
        "Row 5's heading had a footnote marker 1: removed (“Non-sexual crimes of violence1”)",
        "1 cell marked [c]: shown as suppressed (C6)",
        "1 cell with the formula error #DIV/0!: shown as not available (C8)",
        "3 figures stored as text: read as numbers (C5, C7, C9)",
      ])
        assert.ok(
          all.some((l) => l === line || l.startsWith(line.replace(/ \(.*$/, ""))),
          `${line} in ${all}`,
        );
      assert.ok(
        all.includes(
          "Column C's heading is marked [p]: its figures shown as provisional (“2023-24 [p]”)",
        ),
        String(all),
      );
      // Keep only the total: uncheck the four crime groups (Tab, Space each).
      for (const row of [4, 5, 6, 7]) {
        await tabTo(page, `row ${row + 1}'s box`, byId(`sheet-series-${row}`));
        await page.keyboard.press("Space");
      }
      await page.waitForFunction(
        () => JSON.parse(document.getElementById("spec").value).series?.length === 1,
      );
      const made = await spec(page);
      assert.deepEqual(made.periods, [
        { label: "2022-23", name: "April 2022–March 2023" },
        { label: "2023-24", name: "April 2023–March 2024" },
      ]);
      assert.deepEqual(made.series, [
        {
          name: "Total crimes",
          values: [
            { value: 289362, source: 0, cell: "Table 1!B9" },
            { value: 299780, status: "provisional", source: 0, cell: "Table 1!C9" },
          ],
        },
      ]);
      assert.deepEqual(made.sources, [
        {
          name: "recorded-crime-2023-24-tables.xlsx",
          file: "recorded-crime-2023-24-tables.xlsx",
          table:
            "Table 1: Crimes recorded by the police, by crime group, Scotland, 2022-23 and 2023-24",
        },
      ]);
      assert.equal(
        made.title,
        "Table 1: Crimes recorded by the police, by crime group, Scotland, 2022-23 and 2023-24",
      );
      await previewed(page);
      // The grid, its row and column headings, its picked lines' words: axe finds nothing.
      await page.evaluate(AXE);
      const found = await page.evaluate(
        (tags) =>
          window.axe.run(document.getElementById("sheet-step"), {
            runOnly: { type: "tag", values: tags },
          }),
        TAGS,
      );
      assert.deepEqual(
        found.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`)),
        [],
      );
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });

  test("bad files: a clear message each, never a spec", async () => {
    const { page, g, context } = await openBuilder();
    try {
      await startFrom(page, "sheet");
      const specBefore = await page.inputValue("#spec");
      const cases = [
        [
          HUGE,
          "This file is 50.0 MB: the builder opens files up to 20.0 MB. Save the sheet you need on its own (or as CSV) and open that.",
        ],
        [
          { name: "chart.xlsx", buffer: Buffer.from("\x89PNG\r\n\x1a\n0000", "latin1") },
          "This file is not a spreadsheet or CSV file: it looks like a PNG image. Open an .xlsx, .xls, .ods, .csv or .tsv file.",
        ],
        [
          { name: "cut.xlsx", buffer: XLSX.subarray(0, XLSX.length >> 1) },
          /^This \.xlsx workbook could not be read: it seems damaged \(.+\)\. Open it in your spreadsheet program and save it again\.$/,
        ],
        [
          { name: "empty.csv", buffer: Buffer.from(",,\r\n\r\n") },
          "This file has no cells with anything in them.",
        ],
      ];
      for (const [file, message] of cases) {
        await chooseFile(
          page,
          file.buffer ? { mimeType: "application/octet-stream", ...file } : file,
        );
        const said = await page.textContent("#sheet-error");
        if (typeof message === "string") assert.equal(said, message);
        else assert.match(said, message);
        assert.equal(await page.inputValue("#spec"), specBefore, `${file.name ?? file}: no spec`);
        await page.keyboard.press("Shift+Tab"); // chooseFile tabs on to the input again
      }
      // A CSV named .xlsx: read as what it is, and said.
      await chooseFile(page, {
        name: "tables.xlsx",
        mimeType: "application/octet-stream",
        buffer: Buffer.from("Year,Total crimes\n2022-23,289362\n2023-24,299780\n"),
      });
      assert.equal(await page.textContent("#sheet-error"), "");
      assert.match(
        await page.textContent("#sheet-status"),
        /This file is named \.xlsx but it is text with comma-separated cells \(CSV\): read as that\.$/,
      );
      assert.equal((await spec(page)).series[0].values[1].value, 299780);
      await previewed(page);
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });
});
