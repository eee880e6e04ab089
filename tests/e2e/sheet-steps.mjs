// What a journalist does on the builder's spreadsheet route, by keyboard, for the e2e tests of
// that route (builder-sheet.test.mjs, builder-sheet-rate.test.mjs): open the builder, choose
// where to start, choose a file, and read the spec and the oddity list back (Tab and the focus:
// keyboard.mjs).

import assert from "node:assert/strict";
import { byId, focused, tabTo } from "./keyboard.mjs";

/** builder.html from server `srv` in a fresh context of fixture `e2e`, once the page is ready. */
export async function openBuilder(e2e, srv) {
  const opened = await e2e.context({ viewport: { width: 1280, height: 900 } }, [srv.origin]);
  await opened.page.goto(srv.url("/builder.html"));
  await opened.page.waitForSelector("html[data-ready]");
  return opened;
}

const TYPES = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The builder (as `openBuilder`) started from a spreadsheet, with file `name` (a .csv or .xlsx)
 * of contents `body` (a string or Buffer) chosen and read. */
export async function openWithFile(e2e, srv, name, body) {
  const opened = await openBuilder(e2e, srv);
  try {
    await startFrom(opened.page, "sheet");
    const mimeType = TYPES[name.split(".").pop()];
    await chooseFile(opened.page, { name, mimeType, buffer: Buffer.from(body) });
  } catch (e) {
    await opened.context.close();
    throw e;
  }
  return opened;
}

/** Chooses start `value` in the start menu with the arrow keys. */
export async function startFrom(page, value) {
  await tabTo(page, "the start menu", byId("start"));
  for (let n = 0; n < 10 && (await page.inputValue("#start")) !== value; n++)
    await page.keyboard.press("ArrowDown");
  assert.equal(await page.inputValue("#start"), value);
}

/** Tabs to the file input, presses Space and chooses `file` ({name, mimeType, buffer}, or a path)
 * in the chooser that opens; resolves once the builder has read it (or said why not). */
export async function chooseFile(page, file) {
  // Each attempt, read or refused, ends with the page's data-sheet-tried naming it.
  const tried = await page.evaluate(() => document.documentElement.dataset.sheetTried ?? "0");
  // Space on the focused input opens the chooser; on a loaded machine headless Chromium now and
  // then opens none for a key press right after the last chooser closed: the key is pressed again.
  let chooser = null;
  for (let n = 0; !chooser; n++) {
    if ((await focused(page)).id !== "sheet-file")
      await tabTo(page, "the file input", byId("sheet-file"));
    [chooser] = await Promise.all([
      page.waitForEvent("filechooser", { timeout: 5000 }).catch((e) => {
        if (n >= 2) throw e;
        return null;
      }),
      page.keyboard.press("Space"),
    ]);
  }
  await chooser.setFiles(file);
  await page.waitForFunction(
    (before) => (document.documentElement.dataset.sheetTried ?? "0") !== before,
    tried,
  );
}

/** The spec in the builder's editor. */
export const spec = async (page) => JSON.parse(await page.inputValue("#spec"));
/** What the builder says it did with the table's oddities. */
export const oddities = (page) =>
  page.$$eval("#sheet-oddities li", (lis) => lis.map((li) => li.textContent));

/** Waits for the preview to have drawn the spec now in the editor, without an error. */
export async function previewed(page) {
  await page.waitForFunction(() => !document.getElementById("download").disabled);
  assert.equal(await page.textContent("#spec-error"), "");
}
