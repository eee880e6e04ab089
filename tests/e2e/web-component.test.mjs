// The web-component embed: <offence-chart name="…"> and <offence-chart> holding its spec in a
// <script type="application/json">, defined by the loader (offence-charts.js) loaded as a module
// from the chart host on an article of another origin, under the README's CSP for the script
// embed. Each element becomes a spec script inside itself and is drawn as the script embed's are:
// lazily (or at once for print), with its errors in its place, its theme, its keyboard tooltips;
// one added later mounts too. The builder's third snippet, pasted into a page, draws.

import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import {
  analyseCanvas,
  clean,
  DARK,
  fixture,
  guard,
  page as html,
  LIGHT,
  sameRgb,
  trendSpec,
  waitForCharts,
} from "./helpers.mjs";

const e2e = fixture();
let charts, cms, cmsDir;

const child = (spec) =>
  `<offence-chart><script type="application/json">${JSON.stringify(spec)}</script></offence-chart>`;

before(async () => {
  charts = await e2e.serve(e2e.folder());
  const loader = `<script type="module" src="${charts.origin}/offence-charts.js"></script>`;
  const article = (body, attrs = "") =>
    html({ title: "CMS article", body: `<main style="max-width:700px"${attrs}>${body}</main>` });
  const files = {
    "both.html": article(`<p>Before.</p>
<offence-chart name="offence-trend"></offence-chart>
<p>Between.</p>
${child(trendSpec({ title: "Inline component" }))}
<p>Bad ones.</p>
<offence-chart><script type="application/json">{"version":1,"kind":"trend",</script></offence-chart>
<offence-chart name="no-such-chart"></offence-chart>
<offence-chart></offence-chart>
${loader}`),
    "lazy.html": article(`<p>Top.</p>
<div style="height:3000px"></div>
<offence-chart name="offence-trend"></offence-chart>
${loader}`),
    "dark.html": article(`<offence-chart name="offence-trend" theme="dark"></offence-chart>
<div data-theme="dark">${child(trendSpec({ title: "Dark page" }))}</div>
<offence-chart name="offence-trend"></offence-chart>
${loader}`),
    "later.html": article(`<p>The CMS adds its charts later.</p>${loader}`),
  };
  cmsDir = e2e.folder(files, { withDist: false });
  // The README's directives for the script embed (the same for the component), nothing else.
  const csp =
    `default-src 'self'; script-src 'self' ${charts.origin} 'wasm-unsafe-eval'; ` +
    `connect-src ${charts.origin}; style-src 'self' 'unsafe-inline'; img-src 'self' data:`;
  cms = await e2e.serve(cmsDir, { csp });
});

const open = (path, viewport = { width: 800, height: 2400 }) =>
  e2e.open(cms.url(path), { viewport }, [charts.origin, cms.origin]);

test("by name and with a child spec on another origin; bad ones show their message", async () => {
  const { context, g, page } = await open("/both.html");
  try {
    assert.deepEqual(await waitForCharts(page, 5), ["ready", "ready", "error", "error", "error"]);
    // Each figure is inside its own element, in the light DOM.
    const where = await page.$$eval("offence-chart", (els) =>
      els.map((e) => ({
        state: e.querySelector("figure.oc-chart")?.dataset.ocState,
        label: e.querySelector("canvas")?.getAttribute("aria-label") ?? "",
        error: e.querySelector(".oc-error")?.textContent ?? "",
      })),
    );
    assert.match(where[0].label, /rose from 1,573/);
    assert.match(where[1].label, /^Chart: Inline component/);
    assert.match(where[2].error, /^This chart could not be drawn: .*json/i);
    assert.match(where[3].error, /no chart is called "no-such-chart"/);
    assert.match(where[4].error, /spec: is empty/);
    for (const i of [0, 1]) {
      const a = await analyseCanvas(page, "canvas", { index: i, rgb: LIGHT.series0 });
      assert.ok(a.runs.length >= 2, `chart ${i}: bars, found ${JSON.stringify(a.runs)}`);
    }
    // Its data table is there too.
    assert.equal(await page.locator("offence-chart").nth(0).locator("table").count(), 1);
    assert.equal(g.count(/\.wasm$/), 1);
    await clean(g, { page, foreign: true });
  } finally {
    await context.close();
  }
});

test("lazy: a component below the fold is drawn only once scrolled near", async () => {
  const { context, g, page } = await open("/lazy.html", { width: 800, height: 700 });
  try {
    await page.waitForFunction(() => customElements.get("offence-chart"));
    await page.waitForFunction(() => document.querySelector("offence-chart .oc-slot"));
    await page.waitForTimeout(800);
    assert.equal(await page.locator("figure.oc-chart").count(), 0, "not drawn above the fold");
    await page.locator("offence-chart").scrollIntoViewIfNeeded();
    assert.deepEqual(await waitForCharts(page, 1), ["ready"]);
    await clean(g, { page, foreign: true });
  } finally {
    await context.close();
  }
});

test("printing mounts a component not yet scrolled to", async () => {
  const { context, g, page } = await open("/lazy.html", { width: 800, height: 700 });
  try {
    await page.waitForFunction(() => document.querySelector("offence-chart .oc-slot"));
    await page.waitForLoadState("networkidle");
    assert.equal(await page.locator("figure.oc-chart").count(), 0, "not drawn before print");
    await page.emulateMedia({ media: "print" });
    assert.deepEqual(await waitForCharts(page, 1), ["ready"]);
    await clean(g, { page, foreign: true });
  } finally {
    await context.close();
  }
});

test("a component added later by the page's script mounts", async () => {
  const { context, g, page } = await open("/later.html");
  try {
    await page.waitForFunction(() => customElements.get("offence-chart"));
    await page.evaluate(
      (spec) => {
        const a = document.createElement("offence-chart");
        a.setAttribute("name", "detection-rate");
        document.querySelector("main").append(a);
        const b = document.createElement("div");
        const json = `<script type="application/json">${spec}</script>`;
        b.innerHTML = `<offence-chart>${json}</offence-chart>`;
        document.querySelector("main").append(b);
      },
      JSON.stringify(trendSpec({ title: "Added later" })),
    );
    assert.deepEqual(await waitForCharts(page, 2), ["ready", "ready"]);
    const labels = await page.$$eval("canvas", (cs) => cs.map((c) => c.getAttribute("aria-label")));
    assert.match(labels[1], /^Chart: Added later/);
    await clean(g, { page, foreign: true });
  } finally {
    await context.close();
  }
});

test("theme=dark and the page's data-theme draw dark; without them light", async () => {
  const { context, g, page } = await open("/dark.html");
  try {
    assert.deepEqual(await waitForCharts(page, 3), ["ready", "ready", "ready"]);
    for (const [i, colours] of [
      [0, DARK],
      [1, DARK],
      [2, LIGHT],
    ]) {
      const a = await analyseCanvas(page, "canvas", { index: i, rgb: colours.series0 });
      assert.ok(sameRgb(a.background, colours.background), `chart ${i}: ${a.background}`);
      assert.ok(a.runs.length >= 2, `chart ${i}: bars, found ${JSON.stringify(a.runs)}`);
    }
    await clean(g, { page, foreign: true });
  } finally {
    await context.close();
  }
});

test("keyboard: Tab focuses the component's chart and shows its tooltip", async () => {
  const { context, page } = await open("/both.html");
  try {
    await waitForCharts(page, 5);
    const tip = page.locator("offence-chart").nth(0).locator(".oc-tip");
    assert.equal(await tip.isHidden(), true);
    await page.click("main p");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.className), "oc-canvas");
    assert.equal(await tip.isVisible(), true, "tooltip visible on focus");
    assert.match(await tip.textContent(), /1,573/);
    await page.keyboard.press("ArrowRight");
    assert.match(await tip.textContent(), /1,694/);
  } finally {
    await context.close();
  }
});

test("the builder's web-component snippet, pasted into a page, draws", async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 1200, height: 1000 } });
  try {
    const builder = await context.newPage();
    await builder.goto(charts.url("/builder.html"));
    await builder.waitForSelector("html[data-ready]");
    await builder.waitForFunction(
      () => !document.getElementById("copy-component")?.disabled,
      null,
      { timeout: 10000 },
    );
    const code = await builder.inputValue("#code-component");
    assert.match(code, /^<offence-chart>Chart: Online child .* <a href="[^"]+#spec=%7B[^"]+">/);
    assert.ok(code.includes(`${charts.origin}/offence-charts.js`), code);
    writeFileSync(
      join(cmsDir, "pasted.html"),
      html({ title: "CMS", body: `<main>${code}</main>` }),
    );
    const g = await guard(context, [charts.origin, cms.origin]);
    const page = await context.newPage();
    await page.goto(cms.url("/pasted.html"));
    assert.deepEqual(await waitForCharts(page, 1), ["ready"]);
    assert.match(
      await page.$eval("offence-chart canvas", (c) => c.getAttribute("aria-label")),
      /rose from 1,573/,
    );
    await clean(g, { page, foreign: true });
  } finally {
    await context.close();
  }
});
