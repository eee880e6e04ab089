// embed.html: chart by ?chart=, spec by #spec=, theme by ?theme=, and the height message to a
// CMS page on another origin that frames it (that page has its own CSP allowing only our frame).

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import {
  analyseCanvas,
  clean,
  DARK,
  DIST,
  fixture,
  page as html,
  LIGHT,
  trendSpec,
  waitForCharts,
} from "./helpers.mjs";

const CANVAS = "figure.oc-chart canvas.oc-canvas";

const hostScript = `
const params = new URLSearchParams(location.search);
const iframe = document.createElement("iframe");
iframe.src = params.get("src");
iframe.title = "Chart";
iframe.className = "chart-frame";
window.__heights = [];
addEventListener("message", (e) => {
  if (e.source !== iframe.contentWindow) return;
  if (e.data && e.data.type === "offence-charts:height" && typeof e.data.height === "number") {
    window.__heights.push({ origin: e.origin, height: e.data.height });
    iframe.style.height = e.data.height + "px";
  }
});
document.getElementById("slot").append(iframe);
`;
const hostCss = `body { margin: 0; font: 16px sans-serif; }
main { max-width: 700px; margin: 0 auto; padding: 0 10px; }
.chart-frame { display: block; width: 100%; height: 150px; border: 0; }`;
const host = html({
  title: "A CMS article on another origin",
  head: '<link rel="stylesheet" href="host.css">\n<script type="module" src="host.js"></script>',
  body:
    "<main><h1>CMS article</h1><p>Some text before the " +
    'chart.</p><div id="slot"></div><p>Text ' +
    "after.</p></main>",
});

const e2e = fixture();
let srv;
let cms;
before(async () => {
  const dir = e2e.folder(
    { "host.html": host, "host.js": hostScript, "host.css": hostCss },
    { withDist: false },
  );
  srv = await e2e.serve(DIST);
  // The CMS page may only frame our origin: its CSP is as strict as ours otherwise.
  cms = await e2e.serve(dir, {
    csp: `default-src 'self'; img-src 'self' data:; frame-src ${srv.origin}`,
  });
});

async function openEmbed(path, options = {}) {
  const { context, page, g } = await e2e.open(srv.url(path), {
    viewport: { width: 640, height: 600 },
    ...options,
  });
  const states = await waitForCharts(page, 1);
  return { context, page, g, states };
}

describe("embed.html on its own", () => {
  test("?chart=detection-rate draws the rate chart", async () => {
    const { context, page, g, states } = await openEmbed("/embed.html?chart=detection-rate");
    try {
      assert.deepEqual(states, ["ready"]);
      const label = await page.$eval(CANVAS, (c) => c.getAttribute("aria-label"));
      assert.match(label, /^Chart: Nearly nine in ten grooming reports were detected\./);
      assert.ok(label.includes("87.8 %") && label.includes("≈70 %"), label);
      const a = await analyseCanvas(page, CANVAS, { rgb: LIGHT.series0 });
      assert.equal(a.width, Math.round(a.cssWidth));
      assert.ok(a.colourPixels > 500, "the rate bars are drawn in the first series colour");
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= 640, `scrollWidth ${sw}`);
      await clean(g, { page, foreign: true });
      assert.deepEqual(await context.cookies(), []);
    } finally {
      await context.close();
    }
  });

  test("no ?chart= draws the trend by default", async () => {
    const { context, page, g, states } = await openEmbed("/embed.html");
    try {
      assert.deepEqual(states, ["ready"]);
      assert.match(
        await page.$eval(CANVAS, (c) => c.getAttribute("aria-label")),
        /rose from 1,573/,
      );
      // Four files, each once: the page (which holds the named charts' specs), its stylesheet,
      // its script (the loader and the wasm's glue bundled in) and the wasm (preloaded by the
      // page, and that response used). The spec's file is not asked for.
      const files = g.requests.map((u) => new URL(u).pathname.replace(/-[0-9a-f]{10}\./, "-#."));
      assert.deepEqual(files.sort(), ["/embed-#.css", "/embed-#.js", "/embed.html", "/oc-#.wasm"]);
    } finally {
      await context.close();
    }
  });

  test("#spec=<URI-encoded JSON> draws that spec; a new #spec= redraws", async () => {
    const spec = trendSpec({ title: "Embedded custom chart – “quotes” & ünïcode" });
    const { context, page, g, states } = await openEmbed(
      `/embed.html#spec=${encodeURIComponent(JSON.stringify(spec))}`,
    );
    try {
      assert.deepEqual(states, ["ready"]);
      const label = await page.$eval(CANVAS, (c) => c.getAttribute("aria-label"));
      assert.ok(label.startsWith("Chart: Embedded custom chart – “quotes” & ünïcode."), label);
      assert.ok(label.includes("rose from 100 in 2018 to 120 in 2020"), label);
      // Changing the hash reloads with the new spec.
      const next = trendSpec({ title: "Second embedded spec" });
      await Promise.all([
        page.waitForEvent("load"),
        page.evaluate(
          (h) => {
            location.hash = h;
          },
          `#spec=${encodeURIComponent(JSON.stringify(next))}`,
        ),
      ]);
      await waitForCharts(page, 1);
      assert.match(
        await page.$eval(CANVAS, (c) => c.getAttribute("aria-label")),
        /^Chart: Second embedded spec\./,
      );
      await clean(g);
    } finally {
      await context.close();
    }
  });

  test("an approximate figure is drawn as a hatched bar, exact ones solid", async () => {
    const spec = trendSpec({
      series: [
        {
          name: "Recorded",
          values: [100, { value: 150, approximate: true, published: "about 150" }, 120],
        },
      ],
    });
    const { context, page, g, states } = await openEmbed(
      `/embed.html#spec=${encodeURIComponent(JSON.stringify(spec))}`,
      { deviceScaleFactor: 2 },
    );
    try {
      assert.deepEqual(states, ["ready"]);
      const a = await analyseCanvas(page, CANVAS, { rgb: LIGHT.series0 });
      assert.equal(a.runs.length, 3, JSON.stringify(a.runs));
      const fill = a.runs.map((r) => r.count / r.height);
      assert.ok(fill[0] > 0.95 && fill[2] > 0.95, `exact bars should be solid: ${fill}`);
      assert.ok(fill[1] < 0.7, `the approximate bar should be hatched, not solid: ${fill}`);
      // Its height still encodes 150 against the 100 of the first bar.
      assert.ok(
        Math.abs(a.runs[1].height / a.runs[0].height / 1.5 - 1) < 0.03,
        `${a.runs[1].height} / ${a.runs[0].height}`,
      );
      assert.match(
        await page.$eval(CANVAS, (c) => c.getAttribute("aria-label")),
        /≈ marks approximate figures/,
      );
      assert.deepEqual(g.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test("#spec= with malformed JSON shows the JSON error", async () => {
    const { context, page, g, states } = await openEmbed(
      `/embed.html#spec=${encodeURIComponent('{"version":1,')}`,
    );
    try {
      assert.deepEqual(states, ["error"]);
      assert.match(
        await page.$eval('.oc-error p[role="alert"]', (p) => p.textContent),
        /^This chart could not be drawn: spec is not valid JSON/,
      );
      assert.deepEqual(g.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  // embed.js: "shown as a JSON error where the chart would be" when the %-escapes cannot be
  // decoded.
  test(
    "#spec= with a broken %-escape is reported " + "as a bad spec, not as an unknown chart name",
    async () => {
      const { context, page, g, states } = await openEmbed(
        "/embed.html#spec=%7B%22title%22%3A%E0%A4%A",
      );
      try {
        assert.deepEqual(states, ["error"]);
        const text = await page.$eval('.oc-error p[role="alert"]', (p) => p.textContent);
        assert.match(text, /^This chart could not be drawn: spec is not valid JSON/, text);
        assert.deepEqual(g.pageErrors, []);
      } finally {
        await context.close();
      }
    },
  );

  test(
    "?theme=dark draws dark on a light system; " + "?theme=light draws light on a dark system",
    async () => {
      for (const [theme, scheme, want] of [
        ["dark", "light", DARK],
        ["light", "dark", LIGHT],
      ]) {
        const { context, page, states } = await openEmbed(
          `/embed.html?chart=offence-trend&theme=${theme}`,
          { colorScheme: scheme, deviceScaleFactor: 2 },
        );
        try {
          assert.deepEqual(states, ["ready"]);
          assert.equal(await page.$eval("figure.oc-chart", (f) => f.dataset.ocTheme), theme);
          const a = await analyseCanvas(page, CANVAS, { rgb: want.series0 });
          assert.deepEqual(
            a.background.slice(0, 3),
            want.background,
            `${theme}: background at (2,2)`,
          );
          assert.equal(a.runs.length, 2, `${theme}: two bars in the theme's series colour`);
          assert.equal(a.width, Math.round(a.cssWidth * 2));
          // The page around the chart matches it.
          const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          assert.equal(bg, `rgb(${want.background.join(", ")})`);
        } finally {
          await context.close();
        }
      }
    },
  );

  test(
    "while the wasm is on its way the chart's place is held; " +
      "the chart's fonts are looked up before its text is " +
      "measured",
    async () => {
      for (const [width, fonts] of [
        [640, ["bold 20px", "15px", "13px", "bold 14px", "12px"]],
        [360, ["bold 17px", "14px", "12px", "bold 12px"]],
      ]) {
        const context = await e2e.browser.newContext({ viewport: { width, height: 600 } });
        let release;
        const held = new Promise((ok) => (release = ok));
        await context.route(/\.wasm$/, async (route) => {
          await held;
          await route.continue();
        });
        await context.addInitScript(() => {
          window.__measured = [];
          const measure = CanvasRenderingContext2D.prototype.measureText;
          CanvasRenderingContext2D.prototype.measureText = function (text) {
            window.__measured.push([this.font, text]);
            return measure.call(this, text);
          };
        });
        try {
          const page = await context.newPage();
          await page.goto(srv.url("/embed.html?chart=offence-trend"));
          await page.waitForTimeout(300);
          const waiting = await page.evaluate(() => ({
            reserved: document.querySelector(".oc-slot")?.getBoundingClientRect().height,
            figures: document.querySelectorAll("figure.oc-chart").length,
            focusable: document.querySelectorAll("[tabindex]").length,
          }));
          assert.ok(waiting.reserved >= 300, `the slot holds ${waiting.reserved}px`);
          assert.deepEqual(
            [waiting.figures, waiting.focusable],
            [0, 0],
            "no chart, nothing to focus, before the program",
          );
          release();
          assert.deepEqual(await waitForCharts(page, 1), ["ready"]);
          const measured = await page.evaluate(() => window.__measured);
          const family = ' Helvetica, Arial, "Liberation Sans", sans-serif';
          assert.deepEqual(
            measured.slice(0, fonts.length),
            fonts.map((f) => [f + family, "0"]),
            `${width} px: the first measurements`,
          );
          assert.ok(measured.length > fonts.length + 10, "then the chart's own text");
          assert.deepEqual(
            new Set(measured.map(([f]) => f)),
            new Set(fonts.map((f) => f + family)),
            `${width} px: no other font`,
          );
          const held2 = await page.evaluate(() => document.querySelector(".oc-slot").style.cssText);
          assert.doesNotMatch(
            held2,
            /aspect-ratio|min-height|max-height/,
            "the slot lets go once drawn",
          );
        } finally {
          await context.close();
        }
      }
    },
  );
});

describe("embed.html in an iframe on another origin", () => {
  for (const vp of [
    { width: 1024, height: 800 },
    { width: 360, height: 640 },
  ]) {
    const at = `(${vp.width} px)`;
    const name = `posts its height to the parent, which fits the iframe to the chart ${at}`;
    test(name, async () => {
      const { context, page, g } = await e2e.context({ viewport: vp }, [srv.origin, cms.origin]);
      try {
        const src = srv.url("/embed.html?chart=offence-trend");
        await page.goto(cms.url(`/host.html?src=${encodeURIComponent(src)}`));
        const frame = await (await page.waitForSelector("iframe.chart-frame")).contentFrame();
        await waitForCharts(frame, 1);
        // Wait until the last height posted is the embed's real content height.
        await page.waitForFunction(
          () =>
            window.__heights.length > 0 &&
            document.querySelector("iframe").getBoundingClientRect().height ===
              window.__heights.at(-1).height,
        );
        const inner = await frame.evaluate(() => ({
          doc: Math.ceil(document.documentElement.getBoundingClientRect().height),
          figure: document.querySelector("figure.oc-chart").getBoundingClientRect().height,
          scrollH: document.documentElement.scrollHeight,
          clientH: document.documentElement.clientHeight,
          scrollW: document.documentElement.scrollWidth,
          clientW: document.documentElement.clientWidth,
          state: document.querySelector("figure.oc-chart").dataset.ocState,
        }));
        const heights = await page.evaluate(() => window.__heights);
        const last = heights.at(-1);
        assert.equal(inner.state, "ready");
        assert.ok(
          heights.every((h) => h.origin === srv.origin),
          JSON.stringify(heights),
        );
        assert.equal(
          last.height,
          inner.doc,
          "the last height posted is the embed's content height",
        );
        assert.ok(
          last.height >= inner.figure && last.height <= inner.figure + 100,
          `height ${last.height} vs figure ${inner.figure}`,
        );
        assert.ok(
          inner.scrollH <= inner.clientH,
          `the fitted iframe still scrolls vertically (${inner.scrollH} > ${inner.clientH})`,
        );
        assert.ok(
          inner.scrollW <= inner.clientW,
          `the iframe scrolls sideways (${inner.scrollW} > ${inner.clientW})`,
        );
        await clean(g, { page });
        assert.deepEqual(
          await frame.evaluate(() => window.__ocViolations),
          [],
          "CSP violations in the embed",
        );
        assert.deepEqual(g.foreign(), []);
      } finally {
        await context.close();
      }
    });
  }
});
