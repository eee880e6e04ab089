// The script snippet pasted into a "CMS" article on another origin: the loader, glue, wasm and the
// named chart's spec come from the chart host, under the CMS's own strict CSP with exactly the
// directives the README gives. Module scripts and fetches across origins are CORS requests, so this
// fails unless the chart host answers with Access-Control-Allow-Origin. Charts given as links to
// their page (the builder's codes, lib/linked.js) become charts in their paragraphs' places.

import assert from "node:assert/strict";
import { before, test } from "node:test";
import {
  analyseCanvas,
  clean,
  DARK,
  fixture,
  page as html,
  LIGHT,
  specScript,
  trendSpec,
  waitForCharts,
} from "./helpers.mjs";

const e2e = fixture();
let charts, cms;
before(async () => {
  charts = await e2e.serve(e2e.folder());
  const article = html({
    title: "CMS article",
    body: `<main style="max-width:700px">
<p>Text before the charts.</p>
<div class="offence-chart">${specScript("offence-trend")}</div>
<p>Text between.</p>
<div class="offence-chart">${specScript(trendSpec({ title: "Inline on the CMS" }))}</div>
<script type="module" src="${charts.origin}/offence-charts.js"></script>
</main>`,
  });
  // Charts given as a link to their page (the builder's codes), with a dark theme, by name, and
  // with a fragment that is not URI-encoded.
  const link = (spec) =>
    `Chart: its summary. <a href="${charts.origin}/embed.html#spec=` +
    `${encodeURIComponent(JSON.stringify(spec))}">Open the chart</a>`;
  const linked = html({
    title: "CMS article",
    body: `<main style="max-width:700px">
<p class="offence-chart" data-offence-chart>${link(trendSpec({ title: "Linked" }))}</p>
<p data-offence-chart data-theme="dark">${link(trendSpec({ title: "Linked dark" }))}</p>
<p data-offence-chart="detection-rate">The detection rate.</p>
<p data-offence-chart><a href="${charts.origin}/embed.html#spec=%E0%A4%A">Open</a></p>
<script type="module" src="${charts.origin}/offence-charts.js"></script>
</main>`,
  });
  const cmsDir = e2e.folder(
    { "article.html": article, "linked.html": linked },
    { withDist: false },
  );
  // The README's directives for the script embed, and nothing else from the chart host.
  const csp =
    `default-src 'self'; script-src 'self' ${charts.origin} 'wasm-unsafe-eval'; ` +
    `connect-src ${charts.origin}; style-src 'self' 'unsafe-inline'; img-src 'self' data:`;
  cms = await e2e.serve(cmsDir, { csp });
});

test("a named and an inline chart draw on a page of another origin, under its CSP", async () => {
  const { context, page, g } = await e2e.open(
    cms.url("/article.html"),
    { viewport: { width: 800, height: 1400 } },
    [charts.origin, cms.origin],
  );
  try {
    assert.deepEqual(await waitForCharts(page, 2), ["ready", "ready"]);
    for (const i of [0, 1]) {
      const a = await analyseCanvas(page, "canvas", { index: i, rgb: LIGHT.series0 });
      assert.ok(
        a.runs.length >= 2,
        `chart ${i}: bars of the series colour, found ${JSON.stringify(a.runs)}`,
      );
    }
    const labels = await page.$$eval("canvas", (cs) => cs.map((c) => c.getAttribute("aria-label")));
    assert.match(labels[0], /rose from 1,573/);
    assert.match(labels[1], /^Chart: Inline on the CMS/);
    // Everything came from the chart host: the loader, the glue, the wasm and the named spec.
    const fromCharts = g.requests
      .filter((u) => u.startsWith(charts.origin))
      .map((u) => new URL(u).pathname);
    assert.ok(
      fromCharts.some((p) => /^\/offence-trend-[0-9a-f]{10}\.json$/.test(p)),
      fromCharts.join(" "),
    );
    assert.equal(g.count(/\.wasm$/), 1);
    await clean(g, { page, foreign: true });
  } finally {
    await context.close();
  }
});

test("charts given as links: each paragraph gives way to its chart, with its theme", async () => {
  const { context, page, g } = await e2e.open(
    cms.url("/linked.html"),
    { viewport: { width: 800, height: 3000 } },
    [charts.origin, cms.origin],
  );
  try {
    assert.deepEqual(await waitForCharts(page, 4), ["ready", "ready", "ready", "error"]);
    const labels = await page.$$eval("canvas", (cs) => cs.map((c) => c.getAttribute("aria-label")));
    assert.match(labels[0], /^Chart: Linked\./);
    assert.match(labels[1], /^Chart: Linked dark\./);
    assert.match(labels[2], /^Chart: Nearly nine in ten grooming reports were detected/);
    assert.match(await page.textContent(".oc-error"), /json/i);
    // The paragraphs, their summaries and links are gone; the figures are in their places.
    assert.equal(await page.locator('main > p, a[href*="embed.html#spec="]').count(), 0);
    const dark = await analyseCanvas(page, "canvas", { index: 1, rgb: DARK.series0 });
    assert.deepEqual(dark.background.slice(0, 3), DARK.background);
    assert.ok(dark.runs.length >= 2, JSON.stringify(dark.runs));
    const light = await analyseCanvas(page, "canvas", { index: 0, rgb: LIGHT.series0 });
    assert.deepEqual(light.background.slice(0, 3), LIGHT.background);
    assert.deepEqual(g.foreign(), []);
    assert.deepEqual(g.pageErrors, []);
    assert.deepEqual(await g.violations(page), []);
  } finally {
    await context.close();
  }
});
