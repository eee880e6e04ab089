// Bad specs on a page: each shows its own message where the chart would be, the others still draw,
// nothing is thrown at the page, and text from a spec is never treated as HTML. Also the JS API
// (renderChart, mountAll, load) from a page module under the strict CSP.

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import {
  clean,
  fixture,
  page as html,
  scrollThrough,
  specScript,
  trendSpec,
  waitForCharts,
} from "./helpers.mjs";

const XSS = "<img src=x onerror=alert(1)>";
const PREFIX = "This chart could not be drawn: ";

const mixed = html({
  title: "good, bad, good",
  head: '<script type="module" src="offence-charts.js"></script>',
  body: [
    specScript("offence-trend"),
    specScript(
      trendSpec({ title: "Bad values", series: [{ name: "Recorded", values: [100, -5, 120] }] }),
    ),
    specScript(trendSpec({ title: "Second good chart" })),
  ].join("\n<p>Between the charts.</p>\n"),
});

const malformed = html({
  title: "malformed",
  head: '<script type="module" src="offence-charts.js"></script>',
  body: [
    specScript('{"version": 1, "kind": "trend", "title": '),
    specScript("no-such-chart"),
    specScript(trendSpec({ version: 2 })),
    specScript(trendSpec({ series: [{ name: "Recorded", values: [1, 2] }] })),
    specScript("offence-trend"),
  ].join("\n"),
});

// docs/spec.md: "Unknown fields are refused everywhere, at every level" (a typo must not be
// ignored).
const typos = html({
  title: "unknown fields",
  head: '<script type="module" src="offence-charts.js"></script>',
  body: [
    specScript(trendSpec({ subtitel: "A typo of subtitle" })),
    specScript(trendSpec({ sources: [{ name: "Test source", link: "https://example.org/" }] })),
    specScript(
      trendSpec({ periods: [{ label: "2018", nmae: "x" }, { label: "2019" }, { label: "2020" }] }),
    ),
    specScript(
      trendSpec({ series: [{ name: "Recorded", values: [100, { value: 150, sauce: 0 }, 120] }] }),
    ),
  ].join("\n"),
});

// Shape errors (serde) should read as in docs/spec.md, less the "at line L column C" JSON.parse
// cannot give.
const { title: _omit, ...untitled } = trendSpec();
const shapes = html({
  title: "shape errors",
  head: '<script type="module" src="offence-charts.js"></script>',
  body: [
    specScript(trendSpec({ title: null })),
    specScript(untitled),
    specScript(trendSpec({ series: [{ name: "Recorded", values: ["12", 2, 3] }] })),
    specScript(trendSpec({ kind: "pie" })),
  ].join("\n"),
});

const xss = html({
  title: "markup in a spec",
  head: '<script type="module" src="offence-charts.js"></script>',
  body: [
    specScript(
      trendSpec({
        title: `Title ${XSS}`,
        subtitle: `<b>bold?</b> ${XSS}`,
        unit: "<i>units</i>",
        notes: [`Note ${XSS}`],
        sources: [{ name: `Source ${XSS}` }],
        periods: [
          { label: "<img src=x>" },
          { label: "2019", name: `<script>alert(3)</script>` },
          { label: "2020" },
        ],
        series: [{ name: `<svg onload=alert(4)>`, values: [1, 2, 3] }],
      }),
    ),
    // A bad spec whose message repeats the author's text.
    specScript(
      trendSpec({
        periods: [
          { label: "<img src=y onerror=alert(2)>" },
          { label: "<img src=y onerror=alert(2)>" },
          { label: "3" },
        ],
      }),
    ),
    '<script type="application/json" ' +
      'data-offence-chart="&lt;img src=z onerror=alert(5)&gt;"></script>',
  ].join("\n"),
});

const api = html({
  title: "JS API",
  head: '<script type="module" src="api-test.js"></script>',
  body:
    '<canvas id="a" width="600" ' +
    'height="300"></canvas>\n<canvas id="b" width="600" ' +
    'height="300"></canvas>\n<canvas id="c" width="500" ' +
    'height="300"></canvas>\n<section id="later"></section>',
});

const badValues = trendSpec({ series: [{ name: "Recorded", values: [100, -5, 120] }] });
const apiScript = `
import { renderChart, mountAll, load } from "/offence-charts.js";
const bad = ${JSON.stringify(badValues)};
const custom = ${JSON.stringify(trendSpec({ title: "From an object" }))};
window.__api = (async () => {
  const out = {};
  out.sameLoad = load() === load();
  const a = document.getElementById("a");
  const view = await renderChart(a, "offence-trend");
  out.a = {
    role: a.getAttribute("role"), label: a.getAttribute("aria-label"), width: a.width,
    marks: view.markCount(), tip: view.tip(1), height: view.height,
  };
  try {
    await renderChart(document.getElementById("b"), JSON.stringify(bad));
    out.bad = "no error";
  } catch (e) {
    out.bad = { isError: e instanceof Error, message: e.message };
  }
  out.empty = [];
  for (const text of ["", "  \\n "]) {
    try {
      await renderChart(document.getElementById("b"), text);
      out.empty.push("no error");
    } catch (e) {
      const { message, kind, path } = e;
      out.empty.push({ isError: e instanceof Error, message, kind, path });
    }
  }
  const c = document.getElementById("c");
  await renderChart(c, custom);
  out.c = { label: c.getAttribute("aria-label"), width: c.width };
  // Charts added after the loader ran are mounted by mountAll(root).
  const later = document.getElementById("later");
  later.innerHTML =
    '<script type="application/json" data-offence-chart="detection-rate"><\\/script>'
    + '<script type="application/json" data-offence-chart>' + JSON.stringify(bad) + '<\\/script>'
    + '<script type="application/json" data-offence-chart="offence-trend"><\\/script>';
  out.mounted = await mountAll(later);
  out.states = [...later.querySelectorAll("figure.oc-chart")].map((f) => f.dataset.ocState);
  out.again = await mountAll(later);
  return out;
})();
`;

// An empty or blank spec is an error, not a default chart (issue 14.6).
const EMPTY =
  "spec: is empty: give a chart spec (a JSON object) or the name of a default chart; " +
  "nothing is drawn rather than a chart the article did not ask for";
const empty = html({
  title: "empty specs",
  head: '<script type="module" src="offence-charts.js"></script>',
  body: [
    '<script type="application/json" data-offence-chart></script>',
    '<script type="application/json" data-offence-chart>  \n\t </script>',
    // A name with a blank body is that named chart, as before.
    '<script type="application/json" data-offence-chart="detection-rate">\n</script>',
  ].join("\n<p>Between the charts.</p>\n"),
});

const e2e = fixture();
let strict;
let open;
before(async () => {
  const dir = e2e.folder({
    "mixed.html": mixed,
    "malformed.html": malformed,
    "xss.html": xss,
    "typos.html": typos,
    "shapes.html": shapes,
    "empty.html": empty,
    "api.html": api,
    "api-test.js": apiScript,
  });
  [strict, open] = await Promise.all([e2e.serve(dir), e2e.serve(dir, { csp: null })]);
});

async function load(srv, path, n) {
  const { context, page, g } = await e2e.open(srv.url(path), {
    viewport: { width: 1000, height: 800 },
  });
  await scrollThrough(page);
  const states = n ? await waitForCharts(page, n) : null;
  return { context, page, g, states };
}

const alerts = (page) =>
  page.$$eval("figure.oc-chart.oc-error", (fs) =>
    fs.map((f) => f.querySelector('p[role="alert"]')?.textContent),
  );

describe("error handling", () => {
  test("good, bad, good: two charts drawn, one message naming the field and the rule", async () => {
    const { context, page, g, states } = await load(strict, "/mixed.html", 3);
    try {
      assert.deepEqual(states, ["ready", "error", "ready"]);
      const messages = await alerts(page);
      assert.equal(messages.length, 1);
      assert.equal(messages[0], `${PREFIX}series[0].values[1]: must be a non-negative number`);
      // The error box replaced the spec script, and its slot no longer reserves chart space.
      const left = await page.evaluate(() => ({
        scripts: document.querySelectorAll("script[data-offence-chart]").length,
        minHeights: [...document.querySelectorAll(".oc-slot")].map((s) => s.style.minHeight),
        errorHeight: document.querySelector(".oc-error").getBoundingClientRect().height,
      }));
      assert.equal(left.scripts, 0);
      assert.deepEqual(left.minHeights, ["", "", ""]);
      assert.ok(left.errorHeight < 200, `error box ${left.errorHeight}px tall`);
      const labels = await page.$$eval("canvas.oc-canvas", (cs) =>
        cs.map((c) => c.getAttribute("aria-label")),
      );
      assert.equal(labels.length, 2);
      assert.match(labels[1], /^Chart: Second good chart\./);
      const drawn = await g.drawn(page);
      assert.deepEqual(
        drawn.map((d) => d.state),
        ["ready", "ready"],
        "offence-charts:drawn fires for the drawn charts only",
      );
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });

  test(
    "malformed JSON, an unknown name, a wrong version and a " +
      "short series each get their message",
    async () => {
      const { context, page, g, states } = await load(strict, "/malformed.html", 5);
      try {
        assert.deepEqual(states, ["error", "error", "error", "error", "ready"]);
        const m = await alerts(page);
        assert.ok(
          m.every((t) => t.startsWith(PREFIX)),
          JSON.stringify(m),
        );
        assert.match(m[0], /spec is not valid JSON/);
        assert.match(m[1], /no chart is called "no-such-chart"/);
        assert.match(m[2], /^This chart could not be drawn: version: must be 1/);
        assert.equal(
          m[3],
          PREFIX +
            "series[0].values: has 2 figures but there are 3 periods; give one figure per period",
        );
        await clean(g);
      } finally {
        await context.close();
      }
    },
  );

  test("an unknown field (a typo) is refused at every level, as docs/spec.md says", async () => {
    const { context, page, g, states } = await load(strict, "/typos.html", 4);
    try {
      const m = await alerts(page);
      assert.deepEqual(
        states,
        ["error", "error", "error", "error"],
        `unknown fields were accepted; messages: ${JSON.stringify(m)}`,
      );
      assert.match(m[0], /^This chart could not be drawn: subtitel: unknown field `subtitel`/);
      assert.match(
        m[1],
        /^This chart could not be drawn: sources\[0\]\.link: unknown field `link`/,
      );
      assert.match(
        m[2],
        /^This chart could not be drawn: periods\[0\]\.nmae: unknown field `nmae`/,
      );
      assert.match(
        m[3],
        /^This chart could not be drawn: series\[0\]\.values\[1\]\.sauce: unknown field `sauce`/,
      );
      assert.deepEqual(g.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test(
    "shape errors (wrong type, missing field, bad kind) name " +
      "the field as docs/spec.md shows, without a stray " +
      "'Error: '",
    async () => {
      const { context, page, g, states } = await load(strict, "/shapes.html", 4);
      try {
        assert.deepEqual(states, ["error", "error", "error", "error"]);
        const m = await alerts(page);
        assert.deepEqual(m, [
          `${PREFIX}title: wrong type: null, expected a string`,
          `${PREFIX}spec: missing required field \`title\``,
          PREFIX +
            'series[0].values[0]: wrong type: string "12", expected ' +
            'a number, null or an object with a "value" or "missing"',
          `${PREFIX}kind: unknown variant \`pie\`, expected \`trend\` or \`rate\``,
        ]);
        assert.deepEqual(g.pageErrors, []);
      } finally {
        await context.close();
      }
    },
  );

  test(
    "markup in a spec is drawn as text: no element, request " +
      "or script comes of it (page served without CSP)",
    async () => {
      const { context, page, g, states } = await load(open, "/xss.html", 3);
      try {
        assert.deepEqual(states, ["ready", "error", "error"]);
        const label = await page.$eval("canvas.oc-canvas", (c) => c.getAttribute("aria-label"));
        assert.ok(label.includes(`Chart: Title ${XSS}.`), label);
        const caption = await page.$eval("figure.oc-chart table caption", (c) => c.textContent);
        assert.equal(caption, `Title ${XSS}`);
        const found = await page.evaluate(() => ({
          img: document.querySelectorAll("img").length,
          svg: document.querySelectorAll("svg").length,
          b: document.querySelectorAll("figure b, figure i").length,
          scripts: [...document.querySelectorAll("script")].map(
            (s) => s.getAttribute("src") || s.type,
          ),
        }));
        assert.deepEqual(found, { img: 0, svg: 0, b: 0, scripts: ["offence-charts.js"] });
        const m = await alerts(page);
        assert.ok(m[0].includes("<img src=y onerror=alert(2)>"), m[0]);
        assert.ok(m[1].includes("<img src=z onerror=alert(5)>"), m[1]);
        // Tooltips are text too.
        await page.focus("canvas.oc-canvas");
        await page.keyboard.press("ArrowRight");
        const tip = await page.$eval(".oc-tip", (t) => ({
          text: t.textContent,
          elements: [...t.querySelectorAll("*")].map((e) => e.tagName),
        }));
        assert.ok(tip.text.includes("<script>alert(3)</script>"), tip.text);
        assert.ok(
          tip.elements.every((t) => t === "STRONG" || t === "DIV"),
          tip.elements.join(),
        );
        assert.deepEqual(g.dialogs, [], "a dialog opened");
        assert.deepEqual(
          g.requests.filter((u) => /\/(x|y|z)$/.test(new URL(u).pathname)),
          [],
          "an injected <img> was requested",
        );
        await clean(g);
      } finally {
        await context.close();
      }
    },
  );
});

describe("an empty or blank spec", () => {
  test("an empty or blank inline spec without a name shows that it is empty", async () => {
    const { context, page, g, states } = await load(strict, "/empty.html", 3);
    try {
      assert.deepEqual(states, ["error", "error", "ready"]);
      assert.deepEqual(await alerts(page), [PREFIX + EMPTY, PREFIX + EMPTY]);
      assert.match(
        await page.locator("canvas.oc-canvas").getAttribute("aria-label"),
        /^Chart: Nearly nine in ten/,
      );
      await clean(g);
    } finally {
      await context.close();
    }
  });

  for (const [what, hash] of [
    ["an empty", "#spec="],
    ["a blank", "#spec=%20%0A%09"],
    ["a chart named and an empty", "#spec="],
  ]) {
    test(`embed.html, ${what} #spec=: its message, not a default chart`, async () => {
      const query = what.includes("named") ? "?chart=detection-rate" : "";
      const { context, page, g, states } = await load(strict, `/embed.html${query}${hash}`, 1);
      try {
        assert.deepEqual(states, ["error"]);
        assert.deepEqual(await alerts(page), [PREFIX + EMPTY]);
        assert.equal(await page.locator("canvas").count(), 0);
        assert.equal(g.count(/\.json$/), 0, "a default chart's spec was fetched");
        assert.deepEqual(g.pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }
});

describe("JS API (renderChart, mountAll, load) under the strict CSP", () => {
  test(
    "draws by name and from an object, rejects a bad spec " +
      "with an Error naming the field, mounts added scripts",
    async () => {
      const { context, page, g } = await load(strict, "/api.html", 0);
      try {
        const out = await page.evaluate(() => window.__api);
        assert.equal(out.sameLoad, true, "load() should return one shared promise");
        assert.equal(out.a.role, "img");
        assert.match(out.a.label, /rose from 1,573/);
        assert.equal(out.a.width, 600, "drawn at the canvas's CSS width × DPR 1");
        assert.equal(out.a.marks, 2);
        assert.ok(out.a.tip.join(" ").includes("1,694"), JSON.stringify(out.a.tip));
        assert.ok(out.a.height > 150);
        assert.deepEqual(out.bad, {
          isError: true,
          message: "series[0].values[1]: must be a non-negative number",
        });
        for (const e of out.empty) {
          assert.deepEqual(e, { isError: true, message: EMPTY, kind: "spec", path: "" });
        }
        assert.match(out.c.label, /^Chart: From an object\./);
        assert.equal(out.c.width, 500);
        assert.equal(out.mounted, 2, "mountAll resolves to the number drawn");
        assert.deepEqual(out.states, ["ready", "error", "ready"]);
        assert.equal(out.again, 0, "a second mountAll finds nothing left to mount");
        assert.equal(g.count(/\.wasm$/), 1);
        await clean(g, { page });
      } finally {
        await context.close();
      }
    },
  );
});
