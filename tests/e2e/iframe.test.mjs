// The builder's iframe snippet pasted into a "CMS" page on another origin, twice (a trend and a
// rate chart), with embed-host.js fitting each iframe to its chart: heights follow the charts at
// 320 and 1280 px and through a resize; forged or malformed height messages change nothing; with
// the host script stripped the fallback height still shows the whole chart; and the sandbox flags.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  analyseCanvas,
  clean,
  DIST,
  fixture,
  page as html,
  LIGHT,
  scrollThrough,
  waitForCharts,
} from "./helpers.mjs";

const TYPE = "offence-charts:height";
const distHasHost = existsSync(join(DIST, "embed-host.js"));

// Records every message the CMS page receives, for the tests to wait on.
const cmsJs = `window.__seen = [];
addEventListener("message", (e) => {
  const d = e.data;
  const object = d && typeof d === "object";
  window.__seen.push({
    origin: e.origin, type: object ? d.type : typeof d, height: object ? d.height : undefined,
  });
});`;
const cmsCss = `body { margin: 0; font: 16px/1.5 Georgia, serif; }
main { max-width: 700px; margin: 0 auto; padding: 0 12px; }
.ad { display: block; width: 100%; height: 120px; border: 1px solid #ccc; }`;
// A page of a third origin, framed by the CMS (say an advert), that tries to resize things.
const evilJs = `let n = 0;
const send = () => {
  parent.postMessage({ type: "${TYPE}", height: 60 }, "*");
  if (++n < 40) setTimeout(send, 25);
};
send();`;

const e2e = fixture();
let srv; // the chart host (dist/)
let cms; // the CMS, another origin; inline style attributes allowed, as most CMSs do
let strictCms; // the same pages under a CSP that refuses style attributes too
let evil; // a third origin
let snippets; // { trend, rate }: the builder's iframe snippets
const measured = {}; // for the report

before(async () => {
  const chartDir = e2e.folder();
  // The snippet names embed-host.js under its stable name; until dist.sh ships it so, add it.
  const evilDir = e2e.folder(
    {
      "ad.html": html({
        title: "ad",
        head: '<script src="ad.js"></script>',
        body: "<p>Advert</p>",
      }),
      "ad.js": evilJs,
    },
    { withDist: false },
  );
  [srv, evil] = await Promise.all([e2e.serve(chartDir), e2e.serve(evilDir)]);

  // The snippets, as a journalist copies them from the builder.
  const { context, page: builder } = await e2e.open(srv.url("/builder.html"), {
    viewport: { width: 1280, height: 900 },
  });
  await builder.waitForSelector("html[data-ready]");
  const read = async (title) => {
    await builder.waitForFunction(
      (t) =>
        document.getElementById("canvas").getAttribute("aria-label")?.startsWith(`Chart: ${t}`) &&
        !document.getElementById("copy-iframe").disabled,
      title,
    );
    return builder.inputValue("#code-iframe");
  };
  snippets = { trend: await read("Online child sexual abuse offences") };
  await builder.selectOption("#start", "detection-rate");
  snippets.rate = await read("Nearly nine in ten");
  await context.close();

  const strip = (s) =>
    s
      .split("\n")
      .filter((l) => !l.includes("embed-host.js"))
      .join("\n");
  const article = (a, b, extra = "") =>
    html({
      title: "CMS article",
      head: '<link rel="stylesheet" href="cms.css">',
      body: `<script src="cms.js"></script>
<main><h1>CMS article</h1><p>Text before the first chart.</p>
${a}
<p>Text between the charts.</p>
${b}
<p>Text after.</p>${extra}</main>`,
    });
  const cmsDir = e2e.folder(
    {
      "cms.js": cmsJs,
      "cms.css": cmsCss,
      "article.html": article(
        snippets.trend,
        snippets.rate,
        `\n<iframe class="ad" title="Advert" src="${evil.origin}/ad.html"></iframe>`,
      ),
      "stripped.html": article(strip(snippets.trend), strip(snippets.rate)),
      // The host script arrives two seconds after the charts first reported their heights.
      "late.html": article(
        strip(snippets.trend),
        strip(snippets.rate),
        '\n<script src="late.js"></script>',
      ),
      "late.js": `setTimeout(() => {
  const s = document.createElement("script");
  s.src = "${srv.origin}/embed-host.js";
  document.body.append(s);
}, 2000);`,
      "sandbox.html": html({
        title: "sandbox flags",
        head: '<link rel="stylesheet" href="cms.css">',
        body: ["allow-scripts", "allow-scripts allow-same-origin"]
          .map(
            (flags, i) =>
              `<iframe id="s${i}" class="ad" title="chart" sandbox="${flags}" ` +
              `src="${srv.origin}/embed.html?chart=offence-trend"></iframe>`,
          )
          .join("\n"),
      }),
    },
    { withDist: false },
  );
  const base =
    `default-src 'self'; script-src 'self' ${srv.origin}; ` +
    `frame-src ${srv.origin} ${evil.origin}; img-src 'self' data:`;
  [cms, strictCms] = await Promise.all([
    e2e.serve(cmsDir, { csp: `${base}; style-src 'self'; style-src-attr 'unsafe-inline'` }),
    e2e.serve(cmsDir, { csp: `${base}; style-src 'self'` }),
  ]);
});

after(() => {
  if (Object.keys(measured).length)
    console.log(`# measured iframe heights ${JSON.stringify(measured)}`);
});

const fallbackOf = (snippet) => Number(/ height="(\d+)"/.exec(snippet)[1]);

/** The chart iframes on `page` (in page order) with their frames, once each chart is drawn. */
async function chartFrames(page) {
  await scrollThrough(page);
  const handles = await page.$$(`iframe[src^="${srv.origin}/embed.html"]`);
  const frames = [];
  for (const h of handles) {
    // (Off-screen cross-origin frames are throttled: bring each into view to let it draw.)
    await h.scrollIntoViewIfNeeded();
    const frame = await h.contentFrame();
    await waitForCharts(frame, 1);
    frames.push({ handle: h, frame });
  }
  return frames;
}

/** Each chart iframe's height, its embed document's height and what of the chart it shows. */
async function measure(frames) {
  return Promise.all(
    frames.map(async ({ handle, frame }) => {
      const outer = await handle.evaluate((f) => ({
        height: f.clientHeight,
        width: f.getBoundingClientRect().width,
        style: f.style.height,
      }));
      const inner = await frame.evaluate(() => {
        const figure = document.querySelector("figure.oc-chart");
        const fig = figure.getBoundingClientRect();
        return {
          // The chart has been redrawn for its figure's current width.
          redrawn:
            Math.abs(Number(figure.dataset.ocWidth) - Math.max(240, figure.clientWidth)) <= 1,
          doc: Math.ceil(document.documentElement.getBoundingClientRect().height),
          // the chart's part of the canvas
          canvas: document.querySelector(".oc-frame").getBoundingClientRect().height,
          figureBottom: fig.bottom,
          scrollH: document.documentElement.scrollHeight,
          clientH: document.documentElement.clientHeight,
          state: document.querySelector("figure.oc-chart").dataset.ocState,
        };
      });
      return { ...outer, ...inner };
    }),
  );
}

/** Waits until every chart is drawn at its width and its iframe's inside is as tall as its embed
 * document (±2 px); returns measure(). */
async function fitted(frames, timeout = 8000) {
  const end = Date.now() + timeout;
  let m;
  for (;;) {
    m = await measure(frames);
    const ok = m.map((x) => x.state === "ready" && x.redrawn && Math.abs(x.height - x.doc) <= 2);
    if (ok.every(Boolean)) return m;
    if (Date.now() > end)
      throw new Error(`iframes not fitted to their charts: ${JSON.stringify(m)}`);
    // Chromium does not run frames of an off-screen cross-origin iframe: it redraws once seen.
    for (const [i, good] of ok.entries())
      if (!good) await frames[i].handle.scrollIntoViewIfNeeded();
    await new Promise((r) => setTimeout(r, 50));
  }
}

function assertShowsChart(m, label) {
  for (const [i, x] of m.entries()) {
    assert.equal(x.state, "ready", `${label} chart ${i}`);
    assert.ok(
      Math.abs(x.height - x.doc) <= 2,
      `${label} chart ${i}: iframe ${x.height} px for a ${x.doc} px document`,
    );
    assert.ok(
      x.scrollH <= x.clientH + 1,
      `${label} chart ${i}: the embed scrolls (${x.scrollH} > ${x.clientH})`,
    );
    assert.ok(
      x.figureBottom <= x.clientH,
      `${label} chart ${i}: the chart is cut off (${x.figureBottom} > ${x.clientH})`,
    );
  }
}

const open = (path, viewport, server = cms) =>
  e2e.open(server.url(path), { viewport }, [srv.origin, server.origin, evil.origin]);

describe("the iframe snippet on a CMS page of another origin", () => {
  test("dist/ serves embed-host.js under the stable name the snippet uses", () => {
    assert.ok(
      distHasHost,
      "dist/embed-host.js is missing (dist.sh gives it a content-hashed name only)",
    );
  });

  test(
    "a host script that loads after the charts " + "reported still fits them: it asks them again",
    async () => {
      const { context, g, page } = await open("/late.html", { width: 1280, height: 900 });
      try {
        const frames = await chartFrames(page);
        await page.waitForTimeout(2200);
        const m = await fitted(frames);
        assertShowsChart(m, "late host script");
        // Without the question the iframes would have stayed at their (taller) fallback heights.
        assert.ok(
          m.every((x, i) => x.height < fallbackOf([snippets.trend, snippets.rate][i])),
          JSON.stringify(m.map((x) => x.height)),
        );
        await clean(g, { page, foreign: true });
      } finally {
        await context.close();
      }
    },
  );

  test("the snippet: embed page URL with the spec, fallback height, host script, sandbox", () => {
    for (const s of [snippets.trend, snippets.rate]) {
      // One line (WordPress turns line breaks into <br>), split here at its three elements.
      assert.ok(!s.includes("\n"), s);
      const lines = s.replace(/<\/iframe>|<\/script>/g, "$&\n").split("\n");
      assert.equal(lines.length, 3);
      assert.match(
        lines[0],
        new RegExp(
          `^<iframe src="${srv.origin}/embed\\.html#spec=%7B[^"]+" title="[^"]+" width="100%" ` +
            'height="\\d+" loading="lazy" referrerpolicy="no-referrer" ' +
            'sandbox="allow-scripts allow-same-origin" frameborder="0" ' +
            'style="width:100%;border:0;height:\\d+px"></iframe>$',
        ),
      );
      assert.equal(lines[1], `<script src="${srv.origin}/embed-host.js" defer></script>`);
      // Without scripts (or where a CMS strips them), the chart as text and a link to its page.
      const src = /src="([^"]+)"/.exec(lines[0])[1];
      assert.ok(
        lines[2].endsWith(` <a href="${src}">Open the chart</a></noscript>`),
        lines[2].slice(-200),
      );
      assert.match(lines[2], /^<noscript>Chart: [^<]+ Sources?: [^<]+ <a /);
      assert.equal(/height:(\d+)px/.exec(lines[0])[1], String(fallbackOf(s)));
    }
  });

  for (const viewport of [
    { width: 320, height: 640 },
    { width: 1280, height: 800 },
  ]) {
    test(`each iframe follows its chart's height (${viewport.width} px)`, async () => {
      const { context, g, page } = await open("/article.html", viewport);
      try {
        const frames = await chartFrames(page);
        assert.equal(frames.length, 2);
        const m = await fitted(frames);
        assertShowsChart(m, `${viewport.width} px`);
        measured[viewport.width] = m.map((x) => ({
          iframe: x.height,
          embedDoc: x.doc,
          canvas: x.canvas,
          width: x.width,
        }));
        const main = await page.$eval("main", (e) => e.clientWidth - 24);
        for (const x of m)
          assert.ok(
            Math.abs(x.width - main) <= 1,
            `iframe ${x.width} px wide in a ${main} px column`,
          );
        for (const { frame } of frames) {
          const a = await analyseCanvas(frame, "canvas.oc-canvas", { rgb: LIGHT.series0 });
          assert.ok(a.colourPixels > 500, "the chart is drawn");
          assert.equal(
            await frame.evaluate(
              () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
            ),
            true,
            "no sideways scroll in the embed",
          );
        }
        // The host script was pasted twice: one listener.
        assert.equal(
          await page.evaluate(
            () => document.querySelectorAll('script[src$="/embed-host.js"]').length,
          ),
          2,
        );
        assert.deepEqual(await page.evaluate(() => Object.keys(window.__offenceChartsHost)), [
          `${srv.origin}/`,
        ]);
        assert.ok(
          (await page.evaluate(() => document.documentElement.scrollWidth)) <= viewport.width,
          "the CMS page scrolls sideways",
        );
        await clean(g, { page, foreign: true });
      } finally {
        await context.close();
      }
    });
  }

  test(
    "forged messages change nothing: from the " + "page itself, from another origin's iframe",
    async () => {
      const { context, g, page } = await open("/article.html", { width: 1280, height: 800 });
      try {
        const frames = await chartFrames(page);
        const before = await fitted(frames);
        const ad = await page.$eval("iframe.ad", (f) => f.getBoundingClientRect().height);
        // The advert's 40 messages of height 60 all arrive…
        await page.waitForFunction(
          (o) => window.__seen.filter((m) => m.origin === o).length >= 40,
          evil.origin,
        );
        // …and so does the page's own.
        await page.evaluate((type) => {
          window.postMessage({ type, height: 9999 }, "*");
          window.postMessage({ type, height: 300 }, "*");
        }, TYPE);
        await page.waitForFunction(
          (o) => window.__seen.filter((m) => m.origin === o && m.height === 300).length === 1,
          cms.origin,
        );
        const after = await measure(frames);
        assert.deepEqual(
          after.map((x) => x.height),
          before.map((x) => x.height),
        );
        assert.equal(
          await page.$eval("iframe.ad", (f) => f.getBoundingClientRect().height),
          ad,
          "the advert's own iframe keeps its height",
        );
        assert.equal(await page.$eval("iframe.ad", (f) => f.style.height), "");
        await clean(g, { page, foreign: true });
      } finally {
        await context.close();
      }
    },
  );

  test(
    "heights that are not numbers from 50 to 5000 are " +
      "ignored, even from the chart's own frame",
    async () => {
      const { context, g, page } = await open("/article.html", { width: 1280, height: 800 });
      try {
        const frames = await chartFrames(page);
        const before = await fitted(frames);
        const { frame } = frames[0];
        const count = () =>
          page.evaluate((o) => window.__seen.filter((m) => m.origin === o).length, srv.origin);
        const n = await count();
        const sent = await frame.evaluate((type) => {
          const bad = [
            1e9,
            -5,
            NaN,
            "400",
            Infinity,
            49,
            5001,
            null,
            undefined,
            { valueOf: () => 400 },
          ];
          let k = 0;
          for (const height of bad) {
            try {
              parent.postMessage({ type, height }, "*");
              k++;
            } catch {
              // an object with a function cannot be cloned
            }
          }
          parent.postMessage({ type: "other", height: 400 }, "*");
          parent.postMessage(type, "*");
          parent.postMessage([type, 400], "*");
          return k + 3;
        }, TYPE);
        await page.waitForFunction(
          ([o, want]) => window.__seen.filter((m) => m.origin === o).length >= want,
          [srv.origin, n + sent],
        );
        assert.deepEqual(
          (await measure(frames)).map((x) => x.height),
          before.map((x) => x.height),
        );
        // A good height from the same frame is taken (rounded up), which shows the channel works…
        await frame.evaluate((type) => parent.postMessage({ type, height: 400.2 }, "*"), TYPE);
        await page.waitForFunction(() => document.querySelector("iframe").style.height === "401px");
        assert.equal(
          (await measure(frames))[1].height,
          before[1].height,
          "only that chart's iframe",
        );
        // …and the chart's next real report (after a width change) puts it right again.
        await page.setViewportSize({ width: 500, height: 800 });
        await fitted(frames);
        await clean(g, { page, foreign: true });
      } finally {
        await context.close();
      }
    },
  );

  test(
    "resizing the window from 1280 to 320 px " + "grows the iframes, and back shrinks them",
    async () => {
      const { context, g, page } = await open("/article.html", { width: 1280, height: 800 });
      try {
        const frames = await chartFrames(page);
        const wide = await fitted(frames);
        await page.setViewportSize({ width: 320, height: 640 });
        const narrow = await fitted(frames);
        await page.setViewportSize({ width: 1280, height: 800 });
        const back = await fitted(frames);
        measured.resize = {
          wide: wide.map((x) => x.height),
          narrow: narrow.map((x) => x.height),
          back: back.map((x) => x.height),
        };
        assertShowsChart(narrow, "320 px");
        assertShowsChart(back, "1280 px again");
        // The rate chart's labels wrap at 320 px: taller. (The trend's plot shrinks as its title
        // wraps, so its height changes less; it follows its document either way.)
        assert.ok(
          narrow[1].height > wide[1].height + 50,
          `rate chart: ${wide[1].height} → ${narrow[1].height}`,
        );
        assert.ok(
          back[1].height < narrow[1].height - 50,
          `rate chart: ${narrow[1].height} → ${back[1].height}`,
        );
        for (const i of [0, 1])
          assert.ok(
            Math.abs(back[i].height - wide[i].height) <= 1,
            `chart ${i}: ${wide[i].height} → ${back[i].height}`,
          );
        await clean(g, { page, foreign: true });
      } finally {
        await context.close();
      }
    },
  );

  for (const viewport of [
    { width: 320, height: 640 },
    { width: 1280, height: 800 },
  ]) {
    const at = `(${viewport.width} px)`;
    const name = `without the host script, the fallback height shows the whole chart ${at}`;
    test(name, async () => {
      const { context, g, page } = await open("/stripped.html", viewport);
      try {
        assert.equal(
          await page.evaluate(() => document.querySelectorAll("script[src]").length),
          1,
          "only cms.js",
        );
        const frames = await chartFrames(page);
        await page.waitForTimeout(300);
        const m = await measure(frames);
        const want = [fallbackOf(snippets.trend), fallbackOf(snippets.rate)];
        measured[`fallback${viewport.width}`] = m.map((x, i) => ({
          iframe: x.height,
          fallback: want[i],
          embedDoc: x.doc,
        }));
        for (const [i, x] of m.entries()) {
          assert.equal(x.height, want[i], "the snippet's height");
          assert.ok(x.height >= x.doc, `chart ${i}: ${x.height} px iframe, ${x.doc} px document`);
          assert.ok(
            x.figureBottom <= x.clientH && x.scrollH <= x.clientH + 1,
            `chart ${i} is cut off: ${JSON.stringify(x)}`,
          );
        }
        await clean(g, { page, foreign: true });
      } finally {
        await context.close();
      }
    });
  }

  test(
    "on a CMS whose CSP refuses style attributes, the width " +
      "and height attributes and the host script still fit it",
    async () => {
      const { context, page } = await e2e.open(strictCms.url("/article.html"), {
        viewport: { width: 800, height: 800 },
      });
      try {
        const frames = await chartFrames(page);
        const m = await fitted(frames);
        const main = await page.$eval("main", (e) => e.clientWidth - 24);
        for (const x of m)
          assert.ok(
            Math.abs(x.width - main) <= 1,
            `iframe ${x.width} px wide in a ${main} px column`,
          );
      } finally {
        await context.close();
      }
    },
  );

  test(
    'sandbox: with "allow-scripts" alone (an opaque origin) ' +
      'and with "allow-same-origin", it draws',
    async () => {
      // Without allow-same-origin the embed page has an opaque origin ("null"): its module scripts,
      // WebAssembly and spec files are cross-origin requests, which the chart host's
      // Access-Control-Allow-Origin: * allows (as the script snippet on another origin needs).
      const { context, page } = await e2e.open(cms.url("/sandbox.html"), {
        viewport: { width: 800, height: 800 },
      });
      try {
        const [opaque, same] = await Promise.all(
          ["#s0", "#s1"].map(async (id) => (await page.waitForSelector(id)).contentFrame()),
        );
        await waitForCharts(same, 1);
        assert.equal(await same.$eval("figure.oc-chart", (f) => f.dataset.ocState), "ready");
        await waitForCharts(opaque, 1);
        assert.equal(await opaque.$eval("figure.oc-chart", (f) => f.dataset.ocState), "ready");
        assert.equal(await opaque.evaluate(() => origin), "null");
      } finally {
        await context.close();
      }
    },
  );
});
