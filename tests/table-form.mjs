// The builder's pasted-table parser (www/lib/builder/table-form.js, parseTable): what Excel,
// Google Sheets and CSV files put on the clipboard, split into rows of trimmed cells. The builder's
// end-to-end tests paste tables through the page; these pin the parser's own rules.
// Run: node --test tests/table-form.mjs

import assert from "node:assert/strict";
import { test } from "node:test";
import { parseTable } from "../www/lib/builder/table-form.js";

test("tab-separated, as a spreadsheet copies cells: commas stay in the cells", () => {
  assert.deepEqual(parseTable("Period\tRecorded\tDetected\n2018/19\t1,573\t1 101\n"), [
    ["Period", "Recorded", "Detected"],
    ["2018/19", "1,573", "1 101"],
  ]);
});

test("a spreadsheet's quoted cell: the quotes go, a doubled quote is one, a line break stays", () => {
  assert.deepEqual(parseTable('Period\tNote\n2019\t"said ""about"" this"\n2020\t"two\nlines"'), [
    ["Period", "Note"],
    ["2019", 'said "about" this'],
    ["2020", "two\nlines"],
  ]);
});

test("CSV by commas, quoted cells holding commas", () => {
  assert.deepEqual(parseTable('Period,"Offences, recorded"\n2019,"1,573"\n2020,"1,694"\n'), [
    ["Period", "Offences, recorded"],
    ["2019", "1,573"],
    ["2020", "1,694"],
  ]);
});

test("CSV by semicolons when the first line has more of them than commas", () => {
  assert.deepEqual(parseTable("Period;Rate\n2019;12,5\n2020;13,1"), [
    ["Period", "Rate"],
    ["2019", "12,5"],
    ["2020", "13,1"],
  ]);
  // Commas win a tie, and a delimiter inside quotes does not count.
  assert.deepEqual(parseTable('"a;b;c",x\n1,2'), [
    ["a;b;c", "x"],
    ["1", "2"],
  ]);
  assert.deepEqual(parseTable("a;b,c\n1;2,3"), [
    ["a;b", "c"],
    ["1;2", "3"],
  ]);
});

test("the first non-blank line decides the delimiter; a tab anywhere in it wins", () => {
  assert.deepEqual(parseTable("\n\nPeriod\tA, B\n2019\t1"), [
    ["Period", "A, B"],
    ["2019", "1"],
  ]);
});

test("Windows and old Mac line ends; blank and empty rows dropped; cells trimmed", () => {
  assert.deepEqual(parseTable("Period,Recorded\r\n 2019 , 1573 \r\n\r\n,\r2020,1694\r\n  \n"), [
    ["Period", "Recorded"],
    ["2019", "1573"],
    ["2020", "1694"],
  ]);
});

test("short rows stay short and empty cells stay empty (tableToSpec names what is missing)", () => {
  assert.deepEqual(parseTable("Period\tA\tB\n2019\t1\n2020\t\t2"), [
    ["Period", "A", "B"],
    ["2019", "1"],
    ["2020", "", "2"],
  ]);
});

test("a quote inside a cell is text; a quoted cell opens only at its start", () => {
  assert.deepEqual(
    parseTable('Period,Label\n2019,the "new" rules\n2020,  "quoted, after spaces"'),
    [
      ["Period", "Label"],
      ["2019", 'the "new" rules'],
      ["2020", "quoted, after spaces"],
    ],
  );
});

test("nothing pasted, or only blank lines: no rows", () => {
  assert.deepEqual(parseTable(""), []);
  assert.deepEqual(parseTable(" \n\t\n"), []);
});

test("an unclosed quote takes the rest of the text into its cell", () => {
  assert.deepEqual(parseTable('Period,Note\n2019,"open\n2020,1'), [
    ["Period", "Note"],
    ["2019", "open\n2020,1"],
  ]);
});
