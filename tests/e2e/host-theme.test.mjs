// The article's theme reaches its chart iframes: embed-host.js tells each chart the host page's
// colour scheme (data-theme on its script tag, <html> or <body>; else the page's color-scheme,
// CSS or <meta>; else nothing, and the chart follows the reader's setting), again when it
// changes; the chart page takes it only from its parent window, in the exact shape, and a theme
// in the chart's own URL wins. Forged messages change nothing.

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
  waitForCharts,
} from "./helpers.mjs";

const TYPE = "offence-charts:theme";

const e2e = fixture();
let srv; // the chart host (dist/)
let cms; // the article's origin
let evil; // a third origin, framed by the article

/** An article of the CMS with one chart iframe (`query` after embed.html) and the host script;
 * `htmlAttrs` on its <html>, `scriptAttrs` on the host script, `head` and `body` extra. */
function article({ htmlAttrs = "", scriptAttrs = "", head = "", body = "", query = "" }) {
  const page = html({
    title: "CMS article",
    head,
    body: `<main><h1>CMS article</h1>
<iframe id="chart" src="${srv.origin}/embed.html?chart=offence-trend${query}" title="Chart"
  width="100%" height="600" sandbox="allow-scripts allow-same-origin"></iframe>
<script src="${srv.origin}/embed-host.js"${scriptAttrs} defer></script>${body}</main>`,
  });
  return page.replace('<html lang="en-GB">', `<html lang="en-GB"${htmlAttrs}>`);
}

// Sent into the chart's window from a sibling iframe of another origin, over and over.
const forgerJs = `let n = 0;
const send = () => {
  const chart = parent.frames[0];
  chart.postMessage({ type: "${TYPE}", theme: "dark" }, "*");
  chart.postMessage({ type: "${TYPE}", theme: "" }, "*");
  if (++n < 40) setTimeout(send, 25);
};
send();`;

before(async () => {
  const forger = e2e.folder(
    {
      "forger.html": html({ title: "ad", head: '<script src="forger.js"></script>' }),
      "forger.js": forgerJs,
    },
    { withDist: false },
  );
  [srv, evil] = await Promise.all([e2e.serve(DIST), e2e.serve(forger)]);
  const cmsDir = e2e.folder(
    {
      "dark.html": article({ htmlAttrs: ' data-theme="dark"' }),
      "body-dark.html": article({}).replace("<body>", '<body data-theme="dark">'),
      "script-dark.html": article({
        htmlAttrs: ' data-theme="light"',
        scriptAttrs: ' data-theme="dark"',
      }),
      "meta-dark.html": article({ head: '<meta name="color-scheme" content="dark">' }),
      "css-dark.html": article({ head: '<link rel="stylesheet" href="dark.css">' }),
      "dark.css": ":root { color-scheme: dark; }",
      "both.html": article({ head: '<meta name="color-scheme" content="light dark">' }),
      "plain.html": article({}),
      "fixed.html": article({ htmlAttrs: ' data-theme="dark"', query: "&theme=light" }),
      "forged.html": article({
        htmlAttrs: ' data-theme="light"',
        body: `\n<iframe id="ad" title="Advert" src="${evil.origin}/forger.html"></iframe>`,
      }),
    },
    { withDist: false },
  );
  cms = await e2e.serve(cmsDir, {
    csp:
      `default-src 'self'; script-src 'self' ${srv.origin}; ` +
      `frame-src ${srv.origin} ${evil.origin}; style-src 'self'; img-src 'self' data:`,
  });
});

/** Opens `path` of the CMS in a fresh context (the reader's setting `scheme`); resolves to its
 * page and the chart's frame once the chart is drawn. */
async function open(path, scheme = "light") {
  const { context, g, page } = await e2e.open(
    cms.url(path),
    { viewport: { width: 900, height: 900 }, colorScheme: scheme },
    [srv.origin, cms.origin, evil.origin],
  );
  const frame = await (await page.$("#chart")).contentFrame();
  await waitForCharts(frame, 1);
  return { context, g, page, frame };
}

/** Waits until the chart is drawn in `theme`; checks its canvas's background and bars. */
async function drawnIn(frame, theme) {
  await frame.waitForFunction(
    (t) => document.querySelector("figure.oc-chart")?.dataset.ocTheme === t,
    theme,
    { timeout: 5000 },
  );
  const colours = theme === "dark" ? DARK : LIGHT;
  const a = await analyseCanvas(frame, "canvas.oc-canvas", { rgb: colours.series0 });
  assert.deepEqual(a.background.slice(0, 3), colours.background, `${theme} background`);
  assert.equal(a.runs.length, 2, `two bars in the ${theme} series colour`);
  // The embed page's own paper matches.
  const paper = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(paper, `rgb(${colours.background.join(", ")})`);
}

describe("the article's theme in its chart iframes", () => {
  const name = 'data-theme="dark" on the article\'s <html> in a light OS draws the chart dark, ';
  test(`${name}and follows the attribute`, async () => {
    const { context, g, page, frame } = await open("/dark.html");
    try {
      await drawnIn(frame, "dark");
      await page.evaluate(() => {
        document.documentElement.dataset.theme = "light";
      });
      await drawnIn(frame, "light");
      await page.evaluate(() => {
        document.documentElement.dataset.theme = "dark";
      });
      await drawnIn(frame, "dark");
      // No data-theme: the chart follows the reader's setting (light) again.
      await page.evaluate(() => {
        delete document.documentElement.dataset.theme;
      });
      await drawnIn(frame, "light");
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });

  for (const [path, what] of [
    ["/body-dark.html", 'data-theme="dark" on <body>'],
    ["/script-dark.html", 'data-theme="dark" on the host script (over <html>\'s "light")'],
    ["/meta-dark.html", '<meta name="color-scheme" content="dark">'],
    ["/css-dark.html", "color-scheme: dark on :root"],
  ]) {
    test(`${what} draws the chart dark in a light OS`, async () => {
      const { context, frame } = await open(path);
      try {
        await drawnIn(frame, "dark");
      } finally {
        await context.close();
      }
    });
  }

  test("an article following the OS (light dark, or nothing) leaves it to the chart", async () => {
    for (const [path, scheme] of [
      ["/both.html", "dark"],
      ["/plain.html", "dark"],
      ["/both.html", "light"],
    ]) {
      const { context, frame } = await open(path, scheme);
      try {
        await drawnIn(frame, scheme);
      } finally {
        await context.close();
      }
    }
  });

  test("the chart's own ?theme= wins over the article's", async () => {
    const { context, frame } = await open("/fixed.html");
    try {
      await drawnIn(frame, "light");
      await frame.waitForTimeout(300);
      await drawnIn(frame, "light");
    } finally {
      await context.close();
    }
  });

  test("forged or malformed theme messages change nothing", async () => {
    const { context, g, page, frame } = await open("/forged.html");
    try {
      await drawnIn(frame, "light");
      // From the article itself (the chart's parent), in the wrong shapes.
      await page.evaluate((type) => {
        const chart = document.getElementById("chart").contentWindow;
        const bad = [
          { type, theme: "blue" },
          { type, theme: "DARK" },
          { type, theme: "dark", extra: 1 },
          { type, theme: ["dark"] },
          { type },
          { type: "offence-charts:Theme", theme: "dark" },
          `${type}:dark`,
          ["dark"],
          null,
        ];
        for (const m of bad) chart.postMessage(m, "*");
      }, TYPE);
      // The advert of another origin posts well-shaped ones for a second.
      await page.waitForTimeout(1200);
      await drawnIn(frame, "light");
      assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), "light");
      assert.deepEqual(g.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
