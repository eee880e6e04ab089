// axe-core (WCAG 2.x A and AA, and its best practices) finds nothing on the article, the embed
// page and the builder (also from a release, a figure's form open, and its sources listed with
// their form open and a refusal said), each with its charts drawn; nor, with a published chart
// (served by `offence-charts serve` from a temporary store), on its history page (changes.html),
// its embed page by address (corrected, and version 1 pinned) and the builder publishing it (the
// correction listed, its note asked for).
// axe runs in the page through the DevTools protocol (page.evaluate), which the pages' strict CSP
// does not govern; an injected <script> (page.addScriptTag) would be refused by it, as it should.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  addCredential,
  clean,
  DIST,
  fixture,
  PUBLISHED,
  publishSpec,
  ROOT,
  requireCli,
  requireDist,
  scrollThrough,
  trendSpec,
  waitForCharts,
} from "./helpers.mjs";

const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const e2e = fixture({ requires: [requireDist, requireCli] });
let srv;
let charts; // offence-charts serve, with a published chart corrected once

before(async () => {
  const store = e2e.folder({}, { withDist: false });
  publishSpec(store, PUBLISHED.id, PUBLISHED.v1, { by: "Ann Editor" });
  publishSpec(store, PUBLISHED.id, PUBLISHED.v2, { note: PUBLISHED.note, by: "Ann Editor" });
  // The credentials file's folder is not the store, which is served.
  const { file } = addCredential(e2e.folder({}, { withDist: false }), "Bo Reporter");
  [srv, charts] = await Promise.all([
    e2e.serve(DIST),
    e2e.chartServer({ store, credentials: file }),
  ]);
});

/** axe's violations on `page`: "rule: target (summary)" for each node. */
async function violations(page) {
  await page.evaluate(AXE);
  const found = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
    TAGS,
  );
  return found.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${n.failureSummary})`),
  );
}

for (const scheme of ["light", "dark"]) {
  describe(`axe, ${scheme} theme`, () => {
    let context;
    let page;
    let g;
    before(async () => {
      ({ context, page, g } = await e2e.context(
        { viewport: { width: 1000, height: 800 }, colorScheme: scheme },
        [srv.origin],
      ));
    });
    after(() => context?.close());

    test("the article: a main landmark, no violations", async () => {
      await page.goto(srv.url("/"));
      await scrollThrough(page);
      assert.deepEqual(await waitForCharts(page, 2), ["ready", "ready"]);
      assert.equal(await page.locator("main").count(), 1);
      assert.deepEqual(await violations(page), []);
    });

    test("an embed page: a heading with its chart's title, no violations", async () => {
      await page.goto(srv.url("/embed.html?chart=detection-rate"));
      await waitForCharts(page, 1);
      assert.equal(
        await page.locator("h1").textContent(),
        "Nearly nine in ten grooming reports were detected",
      );
      assert.deepEqual(await violations(page), []);
    });

    test("an embed page's heading is the title as text, markup and all", async () => {
      const title = "Rates <img src=x onerror=alert(1)> & more";
      const spec = trendSpec({ title });
      await page.goto(srv.url(`/embed.html#spec=${encodeURIComponent(JSON.stringify(spec))}`));
      assert.deepEqual(await waitForCharts(page, 1), ["ready"]);
      const h1 = await page.locator("h1").evaluate((h) => [h.textContent, h.childElementCount]);
      assert.deepEqual(h1, [title, 0]);
      assert.equal(await page.locator("img").count(), 0);
      assert.deepEqual(g.dialogs, []);
    });

    test("an embed page with a bad spec: still a heading, no violations", async () => {
      await page.goto(srv.url("/embed.html#spec=%7B%7D"));
      assert.deepEqual(await waitForCharts(page, 1), ["error"]);
      assert.equal(await page.locator("h1").count(), 1);
      assert.deepEqual(await violations(page), []);
    });

    test("the builder: no violations", async () => {
      await page.goto(srv.url("/builder.html"));
      await page.waitForSelector("html[data-ready]");
      assert.deepEqual(await violations(page), []);
      await clean(g);
    });

    test("the builder from a release, a figure's rate form open: no violations", async () => {
      await page.goto(srv.url("/builder.html"));
      await page.waitForSelector("html[data-ready]");
      await page.selectOption("#start", "release");
      await page.fill("#release", "Of 98 reports, 90 per cent of which (86) were detected.");
      await page.check('input[name="r-kind"][value="rate"]');
      await page.click("#release-text button.figure >> nth=0");
      await page.waitForSelector("#figure-form");
      assert.deepEqual(await violations(page), []);
      await clean(g);
    });

    test("the builder from a release, its sources listed and their form open: no violations", async () => {
      await page.goto(srv.url("/builder.html"));
      await page.waitForSelector("html[data-ready]");
      await page.selectOption("#start", "release");
      await page.fill("#release", "Offences rose to 1694.");
      await page.fill("#r-source", "Police Scotland");
      await page.click("#release-text button.figure >> nth=0");
      await page.fill("#ff-label", "2019/20");
      await page.keyboard.press("Enter");
      await page.waitForSelector("#r-source-list li");
      await page.click("#r-source-add");
      await page.click("#r-source-list button");
      await page.waitForSelector("#r-sources-error:not(:empty)");
      assert.deepEqual(await violations(page), []);
      await clean(g);
    });

    test("a published chart's history page: no violations", async () => {
      await page.goto(charts.url("/charts/online-abuse/changes.html"));
      assert.match(await page.locator("h1").textContent(), /Online child sexual abuse/);
      assert.match(await page.locator("main").textContent(), /1,537 → 1,573/);
      assert.deepEqual(await violations(page), []);
    });

    test("a published chart's embed page, corrected and pinned: no violations", async () => {
      await page.goto(charts.url("/embed.html?id=online-abuse"));
      assert.deepEqual(await waitForCharts(page, 1), ["ready"]);
      assert.equal(await page.locator(".oc-published a").textContent(), "Changes");
      assert.deepEqual(await violations(page), []);
      await page.goto(charts.url("/embed.html?id=online-abuse&v=1"));
      assert.deepEqual(await waitForCharts(page, 1), ["ready"]);
      assert.match(await page.locator(".oc-published").textContent(), /An updated version/);
      assert.deepEqual(await violations(page), []);
    });

    test("the builder publishing a correction, its note asked for: no violations", async () => {
      await page.goto(charts.url("/builder.html"));
      await page.waitForSelector("html[data-ready]");
      await page.fill("#open-id", "online-abuse");
      await page.press("#open-id", "Enter");
      await page.waitForFunction(() => document.getElementById("start").value === "published");
      const spec = JSON.parse(await page.inputValue("#spec"));
      spec.series[0].values[0] = 1421;
      await page.fill("#spec", JSON.stringify(spec, null, 2));
      await page.waitForSelector("#p-changes li");
      await page.click("#p-publish");
      await page.waitForSelector("#p-error:not(:empty)");
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(g.pageErrors, []);
    });
  });
}
