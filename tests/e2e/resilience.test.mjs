// Failing gracefully: a trap inside the WebAssembly breaks only the chart that hit it (the others
// move to a fresh instance and keep redrawing); a WebAssembly that cannot load (404, blocked by the
// page's policy) leaves a message and a table of the chart's figures (named charts' specs are files
// of their own, so they are listed too).

import assert from "node:assert/strict";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import {
  DIST_HOOKS,
  fixture,
  page as html,
  nextFrames,
  specScript,
  trendSpec,
  waitForCharts,
} from "./helpers.mjs";

const three = html({
  title: "three charts",
  head: '<script type="module" src="offence-charts.js"></script>',
  body: [
    specScript("offence-trend"),
    specScript(trendSpec({ title: "Inline trend" })),
    specScript("detection-rate"),
  ].join("\n"),
});
// The test build's hook makes the next tooltip asked of any chart trap the instance, as a bug of
// ours would; focusing the second chart asks it for one.
const CRASH = `import { load } from "./offence-charts.js";
document.addEventListener("click", async () => {
  (await load()).armTrapForTests();
  document.querySelectorAll("figure.oc-chart canvas")[1].focus();
});`;
const crashPage = three.replace(
  "</head>",
  '<script type="module" src="crash.js"></script>\n</head>',
);

const e2e = fixture();

const open = (srv, path, viewport = { width: 700, height: 2400 }) =>
  e2e.open(srv.url(path), { viewport });

const states = (page) => page.$$eval("figure.oc-chart", (fs) => fs.map((f) => f.dataset.ocState));

describe("a trap inside the WebAssembly", () => {
  let srv;
  before(async () => {
    srv = await e2e.serve(
      e2e.folder({ "crash.html": crashPage, "crash.js": CRASH }, { from: DIST_HOOKS }),
    );
  });

  test("breaks only its chart; the others move to a fresh instance and still redraw", async () => {
    const { context, page, g } = await open(srv, "/crash.html");
    try {
      await waitForCharts(page, 3);
      assert.deepEqual(await states(page), ["ready", "ready", "ready"]);
      await page.mouse.click(5, 5);
      await page.waitForFunction(() => document.querySelectorAll("figure.oc-error").length === 1);
      const message = await page.textContent("figure.oc-error");
      assert.match(
        message,
        new RegExp(
          "This chart could not be drawn: internal error \\(unreachable\\)\\. " +
            "The other charts on this page are unaffected\\.",
        ),
      );
      assert.deepEqual(await states(page), ["ready", "error", "ready"]);
      // A second instance was started: the glue module was imported again under a new URL.
      await page.waitForFunction(() =>
        performance.getEntriesByType("resource").some((r) => r.name.includes("?instance=1")),
      );
      // The survivors live in the new instance: they redraw at a new width.
      const before = await page.$$eval("figure[data-oc-state=ready]", (fs) =>
        fs.map((f) => f.dataset.ocWidth),
      );
      await page.setViewportSize({ width: 420, height: 2400 });
      await nextFrames(page, 3);
      await page.waitForFunction(
        (old) =>
          [...document.querySelectorAll("figure[data-oc-state=ready]")].every(
            (f, i) => f.dataset.ocWidth !== old[i],
          ),
        before,
      );
      const after = await page.$$eval("figure[data-oc-state=ready]", (fs) =>
        fs.map((f) => Number(f.dataset.ocWidth)),
      );
      assert.ok(
        after.every((w) => w <= 420),
        `redrawn at the new width: ${after}`,
      );
      // Tooltips work in the new instance too.
      await page.focus("figure[data-oc-state=ready] canvas");
      await page.waitForFunction(() =>
        document.querySelector(".oc-live").textContent.includes("1,573"),
      );
      assert.deepEqual(g.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe("a trap inside the WebAssembly while the data table is made", () => {
  let srv;
  before(async () => {
    // The trap hook makes the next tooltip trap; this page's script (run before the loader) makes
    // the inline chart's table() ask for one first, so the instance traps inside the call the
    // data table makes, as a bug of ours in ChartView::table would.
    const glue = readdirSync(DIST_HOOKS).find((f) => /^oc-[0-9a-f]{10}\.js$/.test(f));
    const tableTrap = `import { ChartView, armTrapForTests } from "./${glue}";
const table = ChartView.prototype.table;
ChartView.prototype.table = function () {
  if (this.summary().startsWith("Chart: Inline trend.")) {
    armTrapForTests();
    this.tip(0);
  }
  return table.call(this);
};`;
    const page = three.replace(
      '<script type="module" src="offence-charts.js">',
      '<script type="module" src="table-trap.js"></script>\n$&',
    );
    srv = await e2e.serve(
      e2e.folder({ "table-trap.html": page, "table-trap.js": tableTrap }, { from: DIST_HOOKS }),
    );
  });

  test("breaks only its chart; the others move to a fresh instance", async () => {
    const { context, page, g } = await open(srv, "/table-trap.html");
    try {
      await page
        .waitForFunction(() => document.querySelectorAll("figure.oc-error").length === 1, null, {
          timeout: 5000,
        })
        .catch(() => {}); // what happened instead is asserted below
      const seen = {
        states: await states(page),
        tables: await page.$$eval("figure.oc-chart", (fs) =>
          fs.map((f) => f.querySelectorAll("details.oc-data table").length),
        ),
        pageErrors: g.pageErrors,
      };
      assert.deepEqual(
        seen,
        { states: ["ready", "error", "ready"], tables: [1, 0, 1], pageErrors: [] },
        JSON.stringify(seen),
      );
      assert.match(
        await page.textContent("figure.oc-error"),
        /^This chart could not be drawn: internal error \(unreachable\)\./,
      );
      // The survivors were moved to a fresh instance.
      await page.waitForFunction(() =>
        performance.getEntriesByType("resource").some((r) => r.name.includes("?instance=1")),
      );
    } finally {
      await context.close();
    }
  });
});

describe("a WebAssembly that cannot load", () => {
  test(
    "404: each chart says so, and its figures " + "are listed in a table, named or inline",
    async () => {
      const dir = e2e.folder({ "three.html": three });
      for (const f of readdirSync(dir)) if (f.endsWith(".wasm")) rmSync(join(dir, f));
      const srv = await e2e.serve(dir);
      const { context, page, g } = await open(srv, "/three.html");
      try {
        await page.waitForFunction(() => document.querySelectorAll("figure.oc-error").length === 3);
        const texts = await page.$$eval("figure.oc-error", (fs) => fs.map((f) => f.textContent));
        for (const t of texts)
          assert.match(t, /This chart could not be drawn: the chart program could not be loaded/);
        const tables = await page.$$eval("figure.oc-error table", (ts) =>
          ts.map((t) => [...t.rows].map((tr) => [...tr.cells].map((c) => c.textContent))),
        );
        assert.equal(tables.length, 3, "one table per chart");
        assert.deepEqual(
          tables[1].map((r) => r.join("|")),
          ["Period|Recorded", "2018|100", "2019|150", "2020|120"],
        );
        // The named charts' figures, from their spec files, with the approximate one flagged. The
        // headings are the data table's; the detection rate is the program's to work out.
        assert.deepEqual(
          tables[0].slice(1).map((r) => r[1]),
          ["1,573", "1,694"],
        );
        assert.deepEqual(tables[2][0], [
          "Category",
          "Recorded",
          "Detected",
          "Detection rate",
          "Published rate",
        ]);
        assert.deepEqual(
          tables[2].slice(1).map((r) => r.slice(1).join("|")),
          ["≈1,600|–|–|≈70 %", "98|86|–|90 %"],
        );
        assert.deepEqual(g.pageErrors, []);
      } finally {
        await context.close();
      }
    },
  );

  test(
    "blocked by a policy without 'wasm-unsafe-eval': " + "the page is told, nothing throws",
    async () => {
      const dir = e2e.folder({ "three.html": three });
      const srv = await e2e.serve(dir, {
        csp: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:",
      });
      const { context, page, g } = await open(srv, "/three.html");
      try {
        await page.waitForFunction(() => document.querySelectorAll("figure.oc-error").length === 3);
        const text = await page.textContent("figure.oc-error");
        assert.match(text, /could not be loaded/);
        assert.equal(
          await page.$$eval("figure.oc-error table", (t) => t.length),
          3,
          "a table for each chart",
        );
        assert.deepEqual(g.pageErrors, []);
      } finally {
        await context.close();
      }
    },
  );
});

describe("a named chart's spec file that cannot load", () => {
  test(
    "404: that chart says which and why; the " + "inline and the other named chart draw",
    async () => {
      const dir = e2e.folder({ "three.html": three });
      for (const f of readdirSync(dir))
        if (/^offence-trend-[0-9a-f]{10}\.json$/.test(f)) rmSync(join(dir, f));
      const srv = await e2e.serve(dir);
      const { context, page, g } = await open(srv, "/three.html");
      try {
        await page.waitForFunction(
          () => document.querySelectorAll("figure.oc-chart[data-oc-state]").length === 3,
        );
        assert.deepEqual(await states(page), ["error", "ready", "ready"]);
        assert.match(
          await page.textContent("figure.oc-error"),
          new RegExp(
            '^This chart could not be drawn: the chart "offence-trend" ' +
              "could not be loaded \\(HTTP 404\\)$",
          ),
        );
        assert.deepEqual(g.pageErrors, []);
      } finally {
        await context.close();
      }
    },
  );
});
