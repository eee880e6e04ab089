// Published charts end to end (issue 20): version 1 published by the command `offence-charts
// publish` into a temporary store, served with dist/ by `offence-charts serve`; an article on
// another origin (under the README's CSP for each code) embeds it three ways, by its address
// only: the iframe (embed.html?id=…), the script snippet (data-chart) and <offence-chart chart>,
// as the builder writes them. A correction is published (a changed figure, with its note) and the
// article, not edited, is reloaded: each chart has the new figure (tooltip, the summary a screen
// reader gets, the data table), the correction line and a Changes link to the chart's history.
// A pinned version (&v=1, data-version, version=) still shows the old figure, with a line saying
// that an updated version exists. Bad addresses and versions show their message in the chart's
// place, and a chart no one published says so.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { componentSnippet, iframeSnippet, scriptSnippet } from "../../www/lib/builder/snippets.js";
import {
  analyseCanvas,
  clean,
  fixture,
  page as html,
  LIGHT,
  PUBLISHED,
  publishSpec,
  requireCli,
  requireDist,
  storedRecord,
  waitForCharts,
} from "./helpers.mjs";

const { id: ID, note: NOTE, v1: V1, v2: V2 } = PUBLISHED;

const e2e = fixture({ requires: [requireDist, requireCli] });
let charts, cms, store;

/** The builder's three codes for the published chart (version 1, pinned or not). */
function codes(at, pin) {
  const address = { id: ID, version: 1, date: "4 December 2026", title: V1.title, pin };
  const summary = "";
  return [
    iframeSnippet(V1, { height: 520, summary, at, address }),
    scriptSnippet(V1, { summary, at, address }),
    componentSnippet(V1, { summary, at, address }),
  ];
}

before(async () => {
  store = e2e.folder({}, { withDist: false });
  publishSpec(store, ID, V1, { by: "Ann Editor" });
  charts = await e2e.chartServer({ store });
  const at = `${charts.origin}/`;
  const article = (body) =>
    html({ title: "CMS article", body: `<main style="max-width:700px">${body}</main>` });
  const block = (code) => `<div class="embed">${code}</div>`;
  const cmsDir = e2e.folder(
    {
      "article.html": article(`<h1>Article</h1>${codes(at, false).map(block).join("\n")}`),
      "pinned.html": article(`<h1>Archive</h1>${codes(at, true).map(block).join("\n")}`),
      // Far below the fold: drawn only when printed (or scrolled to).
      "print.html": article(`<h1>Long read</h1><div style="height:4000px"></div>
${codes(at, false)[1]}`),
      "bad.html": article(`<p data-offence-chart data-chart="../x">Bad address.</p>
<p data-offence-chart data-chart="no-such-chart">Nobody published it.</p>
<offence-chart chart="${ID}" version="0"></offence-chart>
<offence-chart chart="Online-Abuse"></offence-chart>
<offence-chart chart="${ID}" version="9"></offence-chart>
<script type="module" src="${at}offence-charts.js"></script>`),
    },
    { withDist: false },
  );
  // The README's directives for the three codes, and nothing else from the chart host.
  const csp =
    `default-src 'self'; script-src 'self' ${charts.origin} 'wasm-unsafe-eval'; ` +
    `connect-src ${charts.origin}; frame-src ${charts.origin}; ` +
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:";
  cms = await e2e.serve(cmsDir, { csp });
});

const open = (path) =>
  e2e.open(cms.url(path), { viewport: { width: 800, height: 3000 } }, [charts.origin, cms.origin]);

/** The three charts of an article: the iframe's document, then the page (script, component). */
async function drawn(page) {
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  assert.deepEqual(await waitForCharts(frame, 1), ["ready"]);
  assert.deepEqual(await waitForCharts(page, 2), ["ready", "ready"]);
  return [
    { doc: frame, index: 0 },
    { doc: page, index: 0 },
    { doc: page, index: 1 },
  ];
}

/** What chart `index` of `doc` gives a reader: the summary a screen reader gets (the canvas's
 * label), the tooltip of its last figure (by keyboard), its data table's text, the lines under
 * it and their links, and how many bars of the series colour it drew. */
async function read({ doc, index }) {
  const fig = doc.locator("figure.oc-chart").nth(index);
  const canvas = fig.locator("canvas");
  const summary = await canvas.getAttribute("aria-label");
  await canvas.focus();
  await canvas.press("End");
  const tip = await fig.locator(".oc-tip").textContent();
  await canvas.press("Escape");
  const table = await fig.locator("details.oc-data").evaluate((d) => d.textContent);
  const notes = await fig
    .locator(".oc-published")
    .evaluateAll((ps) => ps.map((p) => p.textContent));
  const links = await fig
    .locator(".oc-published a")
    .evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: a.href, target: a.target })));
  const a = await analyseCanvas(doc, "figure.oc-chart canvas", { index, rgb: LIGHT.series0 });
  return { summary, tip, table, notes, links, bars: a.runs.length };
}

/** Publishes the correction (version 2) with the command, once; returns what it printed. */
function corrected() {
  if (storedRecord(store, ID).version === 1) return publishSpec(store, ID, V2, { note: NOTE });
  return "";
}

describe("a published chart", () => {
  test("version 1, by its address: the iframe, the script and the component draw it", async () => {
    const { context, g, page } = await open("/article.html");
    try {
      for (const chart of await drawn(page)) {
        const r = await read(chart);
        assert.equal(r.bars, 2, "two bars drawn");
        assert.match(r.summary, /^Chart: Online child sexual abuse offences/);
        assert.match(r.summary, /1,537/);
        assert.doesNotMatch(r.summary, /Corrected/);
        assert.match(r.tip, /1,537/);
        assert.match(r.table, /1,537/);
        assert.deepEqual(r.notes, [], "version 1: no Changes link, no newer version");
      }
      // Each asked the store for the current version; nothing holds a spec.
      assert.equal(g.count(/^\/charts\/online-abuse\/current\.json$/) >= 2, true);
      assert.equal(g.count(/^\/charts\/online-abuse\/1\.json$/), 0);
      assert.doesNotMatch(await page.content(), /#spec=|"periods"/);
      // The embed page's script loads the published charts' code as a chunk of its own (a named
      // chart's embed never asks for it: embed.test.mjs counts its four files): once, here.
      assert.equal(g.count(/^\/published-[0-9a-f]{10}\.js$/), 1);
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });

  test("a correction reaches the article on its next load, its line and changes", async () => {
    const { context, g, page } = await open("/article.html");
    try {
      await drawn(page);
      assert.match(corrected(), /1,537 → 1,573/);
      const record = storedRecord(store, ID);
      assert.equal(record.version, 2);
      const line = `Corrected ${record.date}: ${NOTE}`;
      await page.reload(); // the article itself is not edited
      for (const chart of await drawn(page)) {
        const r = await read(chart);
        assert.equal(r.bars, 2, "two bars drawn");
        assert.match(r.summary, /1,573/);
        assert.doesNotMatch(
          r.summary.replace(line, ""),
          /1,537/,
          "the old figure only in the line",
        );
        assert.ok(r.summary.includes(line), `the summary says the correction: ${r.summary}`);
        assert.match(r.tip, /1,573/);
        assert.match(r.table, /1,573/);
        assert.ok(r.table.includes(line), `the data table says it: ${r.table}`);
        assert.equal(r.notes.length, 1, r.notes.join(" | "));
        assert.equal(r.notes[0], `Version 2, ${record.date}. Changes`);
        assert.deepEqual(
          r.links.map((l) => [l.text, l.href]),
          [["Changes", `${charts.origin}/charts/${ID}/changes.html`]],
        );
      }
      await clean(g, { page, foreign: true });
      // In the iframe the link opens a new tab (its sandbox allows it): the frame stays.
      const frame = page.frames().find((f) => f.url().includes("embed.html"));
      assert.equal(await frame.locator(".oc-published a").getAttribute("target"), "_blank");
      const [tab] = await Promise.all([
        context.waitForEvent("page"),
        frame.locator(".oc-published a").click(),
      ]);
      await tab.waitForLoadState();
      assert.equal(tab.url(), `${charts.origin}/charts/${ID}/changes.html`);
      const history = await tab.locator("main").textContent();
      assert.ok(history.includes(NOTE), history);
      assert.match(history, /1,537 → 1,573/);
      // The script snippet's link opens in the article's own tab.
      await page.locator(".embed .oc-published a").first().click();
      await page.waitForURL(`${charts.origin}/charts/${ID}/changes.html`);
    } finally {
      await context.close();
    }
  });

  test("version 1 pinned still shows the old figure, and says a later version exists", async () => {
    const { context, g, page } = await open("/pinned.html");
    try {
      corrected(); // if the test before did not run

      for (const chart of await drawn(page)) {
        const r = await read(chart);
        assert.match(r.summary, /1,537/);
        assert.doesNotMatch(r.summary, /Corrected|1,573/);
        assert.match(r.tip, /1,537/);
        assert.deepEqual(r.notes, [
          "An updated version of this chart exists. See the latest version",
        ]);
        assert.deepEqual(
          r.links.map((l) => [l.text, l.href]),
          [["See the latest version", `${charts.origin}/embed.html?id=${ID}`]],
        );
      }
      // Version 1's record is immutable: fetched with the current one, at once.
      assert.ok(g.count(/^\/charts\/online-abuse\/1\.json$/) >= 2);
      // The iframe's link to the latest version: a new tab with the corrected chart.
      const frame = page.frames().find((f) => f.url().includes("embed.html"));
      const [tab] = await Promise.all([
        context.waitForEvent("page"),
        frame.locator(".oc-published a").click(),
      ]);
      assert.deepEqual(await waitForCharts(tab, 1), ["ready"]);
      assert.match(await tab.locator("canvas").getAttribute("aria-label"), /1,573/);
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });

  test("the embed page by address: heading, bad id or version, a chart not published", async () => {
    const { context, page, g } = await e2e.open(charts.url(`/embed.html?id=${ID}`), {
      viewport: { width: 700, height: 900 },
    });
    try {
      assert.deepEqual(await waitForCharts(page, 1), ["ready"]);
      assert.equal(await page.locator("h1").textContent(), V1.title);
      // The record was asked for once: preloaded by the page's script while the published
      // charts' chunk loaded, and that response taken by the chunk's fetch (an unused preload
      // would be a second request and a console warning, which clean() below refuses).
      assert.equal(g.count(/^\/charts\/online-abuse\/current\.json$/), 1);
      // Opened on its own (not in a frame), its links stay in the tab.
      assert.equal(await page.locator(".oc-published a").getAttribute("target"), null);
      const cases = [
        ["?id=..%2Fx", /^This chart could not be drawn: id: "\.\.\/x" is not a chart's address/],
        ["?id=", /id: "" is not a chart's address/],
        ["?id=Online-Abuse", /id: "Online-Abuse" is not a chart's address/],
        [`?id=${"a".repeat(81)}`, /is not a chart's address/],
        [`?id=${ID}&v=0`, /version: "0" is not a version number/],
        [`?id=${ID}&v=1.5`, /version: "1\.5" is not a version number/],
        [`?id=${ID}&v=7`, /the chart "online-abuse" has no version 7/],
        ["?id=no-such-chart", /no chart is published at the address "no-such-chart"/],
      ];
      for (const [query, message] of cases) {
        await page.goto(charts.url(`/embed.html${query}`));
        assert.deepEqual(await waitForCharts(page, 1), ["error"], query);
        assert.match(await page.locator(".oc-error").textContent(), message, query);
      }
      // A bad address or version is refused before any URL is made of it: the store is asked
      // only for the good ones.
      const paths = g.requests.map((u) => new URL(u).pathname);
      const asked = [...new Set(paths.filter((p) => p.startsWith("/charts/")))].sort();
      assert.deepEqual(asked, [
        "/charts/no-such-chart/current.json",
        `/charts/${ID}/7.json`,
        `/charts/${ID}/current.json`,
      ]);
      assert.deepEqual(g.foreign(), []);
      assert.deepEqual(g.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("printed before it was scrolled to, the chart is in the PDF with its lines", async () => {
    corrected();
    const { context, page } = await open("/print.html");
    try {
      await page.waitForLoadState("networkidle");
      assert.equal(await page.locator("figure.oc-chart").count(), 0, "not mounted yet");
      const file = join(e2e.folder({}, { withDist: false }), `${ID}-print.pdf`);
      await page.pdf({ path: file, format: "A4" });
      const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
      assert.match(text, /Version 2, .*Changes/, "mounted within beforeprint, its lines under it");
    } finally {
      await context.close();
    }
  });

  test("the loader's bad addresses and versions: each message in its chart's place", async () => {
    const { context, g, page } = await open("/bad.html");
    try {
      assert.deepEqual(await waitForCharts(page, 5), ["error", "error", "error", "error", "error"]);
      const errors = await page.locator(".oc-error").allTextContents();
      assert.match(errors[0], /id: "\.\.\/x" is not a chart's address/);
      assert.match(errors[1], /no chart is published at the address "no-such-chart"/);
      assert.match(errors[2], /version: "0" is not a version number/);
      assert.match(errors[3], /id: "Online-Abuse" is not a chart's address/);
      assert.match(errors[4], /the chart "online-abuse" has no version 9/);
      assert.ok(!g.requests.some((u) => u.includes("..") || /Online-Abuse/.test(u)));
      assert.deepEqual(g.foreign(), []);
      assert.deepEqual(g.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
