// A reader of the test site's posts: opens a post with no cookies, and checks that a chart in it
// draws, tips and tabulates, and that an iframe fits its chart (the WordPress tests share these).
import assert from "node:assert/strict";
import { analyseCanvas, LIGHT, scrollThrough } from "../helpers.mjs";

/**
 * Opens `link` as a reader (a new context of fixture `e2e`, no cookies) at `width`, scrolled
 * through; `{context, page, g}`, `g` the guard of requests outside `origins`, page errors, dialogs
 * and console errors but for the favicon's, which WordPress asks `link`'s server for and neither
 * server has. `contextOptions` are added to the new context's.
 */
export async function read(e2e, link, width, origins, contextOptions = {}) {
  const favicon = `${new URL(link).origin}/favicon.ico`;
  const opened = await e2e.open(
    link,
    { viewport: { width, height: 900 }, ...contextOptions },
    origins,
    { ignore: (m) => m.type() === "error" && m.location().url === favicon },
  );
  await scrollThrough(opened.page, { back: false });
  return opened;
}

/** In `doc` (page or frame), the chart drawn (two bars in the first series' colour, its summary
 * matching `summary`), its tooltip on hover and on focus, and its data table. */
export async function works(doc, summary) {
  const [label, width] = await doc.$eval("canvas.oc-canvas", (c) => [
    c.getAttribute("aria-label"),
    c.getBoundingClientRect().width,
  ]);
  assert.match(label, summary);
  const view = await doc.evaluate(() => document.documentElement.clientWidth);
  assert.ok(width > 200 && width <= view, `canvas ${width} px in a ${view} px page`);
  const a = await analyseCanvas(doc, "canvas.oc-canvas", { rgb: LIGHT.series0 });
  assert.equal(a.runs.length, 2, `two bars drawn, found ${JSON.stringify(a.runs)}`);
  const tip = doc.locator(".oc-tip");
  assert.equal(await tip.isHidden(), true);
  // The pointer over each bar, then the keyboard.
  for (const [bar, figure] of [
    [a.runs[1], /1,694/],
    [a.runs[0], /1,573/],
  ]) {
    const position = { x: (bar.x0 + bar.x1) / 2 / a.dpr, y: (bar.top + bar.bottom) / 2 / a.dpr };
    await doc.locator("canvas.oc-canvas").hover({ position });
    assert.equal(await tip.isVisible(), true, "tooltip on hover");
    assert.match(await tip.textContent(), figure);
  }
  await doc.locator("canvas.oc-canvas").focus();
  assert.equal(await tip.isVisible(), true, "tooltip on focus");
  assert.match(await tip.textContent(), /1,573/);
  await doc.locator("canvas.oc-canvas").press("ArrowRight");
  assert.match(await tip.textContent(), /1,694/);
  await doc.locator("details.oc-data > summary").click();
  const rows = await doc.$$eval("details.oc-data tbody tr", (trs) =>
    trs.map((tr) => tr.textContent.replace(/\s+/g, " ").trim()),
  );
  assert.equal(rows.length, 2, rows.join(" | "));
  assert.match(rows[0], /1,573/);
  assert.match(rows[1], /1,694/);
}

/** Waits until the height of the iframe `selector` of `page` is its chart page's height (within
 * 2 px); returns both. */
export async function fitted(page, frame, selector = "iframe") {
  const heights = async () => [
    await page.$eval(selector, (f) => f.getBoundingClientRect().height),
    await frame.evaluate(() => document.documentElement.getBoundingClientRect().height),
  ];
  for (let i = 0; i < 100; i++) {
    const [outer, inner] = await heights();
    if (Math.abs(outer - inner) <= 2) return [outer, inner];
    await page.waitForTimeout(50);
  }
  return heights();
}
