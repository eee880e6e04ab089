// The builder's three snippets in WordPress (Debian's 6.1, tests/e2e/wordpress/): an Editor and an
// Author publish them (a Contributor submits them) through WordPress's REST API, in a Custom HTML
// block and as classic content (which WordPress runs through wpautop and wptexturize), and a
// reader opens each post in Chromium at 1280 and 360 px, with dist/ served from another origin as
// a CDN would. An Editor's charts draw, fit, tip and tabulate; of an Author's, kses leaves the
// chart's summary and a link to its page, which draws it.
// A published chart (issue 20), served with its store by `offence-charts serve`: an Editor posts
// the builder's iframe code for it (its address, no spec) and a reader sees it drawn; once a
// correction is published by the command, the same post shows the corrected figure, the
// correction line and a Changes link, with no edit. Of an Author's, kses leaves its title,
// version and a link to its page.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  addCredential,
  analyseCanvas,
  clean,
  DIST,
  fixture,
  LIGHT,
  publishSpec,
  requireCli,
  requireDist,
  storedRecord,
  PUBLISHED as TEST_CHART,
  trendSpec,
  waitForCharts,
} from "./helpers.mjs";
import { fitted, read, works } from "./wordpress/reader.mjs";
import { startWordPress } from "./wordpress/site.mjs";

const KINDS = ["iframe", "script", "component"];
const WIDTHS = [1280, 360];
const SUMMARY = /^Chart: Online child sexual abuse offences .* rose from 1,573 .* to 1,694/;

const e2e = fixture({ requires: [requireDist, requireCli] });
let charts, wp, published, store;
const snippets = {};
const PUBLISHED = { ...TEST_CHART.v1, title: "Online abuse offences, published" };
const NOTE = TEST_CHART.note;
const posts = {}; // "editor iframe block" -> {id, link, raw}

/** The post's content: the snippet in a Custom HTML block, or as classic content. */
function content(snippet, form) {
  if (form === "classic") return `<p>Before the chart.</p>\n\n${snippet}\n\n<p>After it.</p>`;
  const p = (text) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`;
  const html = `<!-- wp:html -->\n${snippet}\n<!-- /wp:html -->`;
  return [p("Before the chart."), html, p("After it.")].join("\n\n");
}

before(async () => {
  store = e2e.folder({}, { withDist: false });
  const keys = e2e.folder({}, { withDist: false }); // not in the store, which is served
  publishSpec(store, "online-abuse", PUBLISHED, { by: "Ann Editor" });
  const { file } = addCredential(keys);
  [charts, wp, published] = await Promise.all([
    e2e.serve(DIST),
    startWordPress(),
    e2e.chartServer({ store, credentials: file }),
  ]);
  const { context, page: builder } = await e2e.open(
    charts.url("/builder.html"),
    { viewport: { width: 1200, height: 1000 } },
    [charts.origin, published.origin],
  );
  await builder.waitForFunction(() => !document.getElementById("copy-component")?.disabled, null, {
    timeout: 10000,
  });
  for (const kind of KINDS) snippets[kind] = await builder.inputValue(`#code-${kind}`);
  // The published chart's iframe code, from the builder of its chart server.
  await builder.goto(published.url("/builder.html"));
  await builder.waitForSelector("html[data-ready]");
  await builder.fill("#open-id", "online-abuse");
  await builder.press("#open-id", "Enter");
  await builder.waitForFunction(
    () => /embed\.html\?id=online-abuse"/.test(document.getElementById("code-iframe").value),
    null,
    { timeout: 10000 },
  );
  snippets.published = await builder.inputValue("#code-iframe");
  await context.close();
  const writes = [];
  for (const user of ["editor", "author", "contributor"]) {
    for (const kind of KINDS) {
      for (const form of ["block", "classic"]) {
        const title = `${user} ${kind} ${form}`;
        // A Contributor may not publish: theirs waits for review.
        const status = user === "contributor" ? "pending" : "publish";
        const body = { title, content: content(snippets[kind], form), status };
        writes.push(wp.post(user, body).then((p) => (posts[title] = p)));
      }
    }
  }
  // A spec written by hand over several lines, with a blank one, quotes and dashes, as classic
  // content: wpautop and wptexturize must leave a script's text alone.
  const spec = JSON.stringify(HAND_WRITTEN, null, 2).replace('"kind"', '\n  "kind"');
  const loader = `<script type="module" src="${charts.origin}/offence-charts.js"></script>`;
  const hand = `<div class="offence-chart"><script type="application/json" data-offence-chart>
${spec}
</script></div>
${loader}`;
  writes.push(
    wp.post("editor", { title: "hand", content: content(hand, "classic") }).then((p) => {
      posts.hand = p;
    }),
  );
  for (const user of ["editor", "author"]) {
    const body = { title: `${user} published`, content: content(snippets.published, "block") };
    writes.push(wp.post(user, body).then((p) => (posts[`${user} published`] = p)));
  }
  await Promise.all(writes);
});

const HAND_WRITTEN = trendSpec({ title: `It's "quoted" -- and dashed...` });

after(async () => {
  await wp?.stop();
});

/** Opens `link` as a reader (no cookies) at `width`, scrolled through; `{context, page, g}`. */
const open = (link, width) => read(e2e, link, width, [charts.origin, wp.origin, published.origin]);

describe("WordPress", () => {
  test("gives an Editor unfiltered_html, an Author and a Contributor none", async () => {
    const caps = async (user) =>
      (await wp.rest(user, "/wp/v2/users/me&context=edit")).capabilities.unfiltered_html;
    assert.equal(await caps("editor"), true);
    assert.equal(await caps("author"), undefined);
    assert.equal(await caps("contributor"), undefined);
  });

  test("a Contributor's codes are saved as an Author's are", () => {
    for (const kind of KINDS) {
      for (const form of ["block", "classic"]) {
        const [theirs, authors] = ["contributor", "author"].map(
          (u) => posts[`${u} ${kind} ${form}`],
        );
        assert.equal(theirs.raw, authors.raw, `${kind} ${form}`);
      }
    }
  });

  for (const kind of KINDS) {
    for (const form of ["block", "classic"]) {
      test(`an Editor's ${kind} code (${form}) draws, fits, tips and tabulates`, async () => {
        const post = posts[`editor ${kind} ${form}`];
        assert.equal(post.raw, content(snippets[kind], form), "saved as pasted");
        for (const width of WIDTHS) {
          const { context, page, g } = await open(post.link, width);
          try {
            // wpautop adds no line break or empty paragraph around the chart.
            const around = await page.$eval(".wp-block-post-content", (c) => ({
              br: c.querySelectorAll("br").length,
              empty: [...c.querySelectorAll("p")].filter((p) => !p.textContent.trim()).length,
            }));
            assert.deepEqual(around, { br: 0, empty: 0 });
            if (kind === "iframe") {
              const frame = await (await page.waitForSelector("iframe")).contentFrame();
              assert.deepEqual(await waitForCharts(frame, 1), ["ready"]);
              const [outer, inner] = await fitted(page, frame);
              assert.ok(Math.abs(outer - inner) <= 2, `iframe ${outer} px, chart ${inner} px`);
              await works(frame, SUMMARY);
              const [open, table] = await fitted(page, frame);
              assert.ok(Math.abs(open - table) <= 2, `with its table: ${open} px, ${table} px`);
              assert.ok(open > outer, "the iframe grows with the open table");
            } else {
              assert.deepEqual(await waitForCharts(page, 1), ["ready"]);
              await works(page, SUMMARY);
            }
            await clean(g, { foreign: true });
          } finally {
            await context.close();
          }
        }
      });
    }
  }

  test("an Editor's hand-written spec script over several lines (classic) draws as written", async () => {
    const { context, page, g } = await open(posts.hand.link, 1280);
    try {
      assert.deepEqual(await waitForCharts(page, 1), ["ready"]);
      const label = await page.$eval("canvas.oc-canvas", (c) => c.getAttribute("aria-label"));
      assert.ok(label.startsWith(`Chart: ${HAND_WRITTEN.title}.`), label);
      await clean(g, { foreign: true });
    } finally {
      await context.close();
    }
  });

  for (const kind of KINDS) {
    for (const form of ["block", "classic"]) {
      test(`what kses leaves of an Author's ${kind} code (${form}): the summary, a link`, async () => {
        const post = posts[`author ${kind} ${form}`];
        assert.doesNotMatch(post.raw, /<(iframe|script|offence-chart)\b/i, "kses stripped them");
        const { context, page, g } = await open(post.link, 360);
        try {
          const text = await page.$eval(".wp-block-post-content", (c) => c.textContent);
          assert.match(text, /Chart: Online child sexual abuse offences .* rose from 1,573/);
          assert.doesNotMatch(text, /version|[{}]/, "no spec shown as text");
          const link = page.locator(`.wp-block-post-content a[href^="${charts.origin}/"]`);
          assert.equal(await link.textContent(), "Open the chart");
          // The link opens the chart's own page, which draws it.
          await link.click();
          await page.waitForURL(`${charts.origin}/embed.html**`);
          assert.deepEqual(await waitForCharts(page, 1), ["ready"]);
          assert.match(await page.$eval("canvas", (c) => c.getAttribute("aria-label")), SUMMARY);
          await clean(g, { foreign: true });
        } finally {
          await context.close();
        }
      });
    }
  }
  test("an Editor's iframe of a published chart draws it; a correction reaches the post", async () => {
    const post = posts["editor published"];
    assert.equal(post.raw, content(snippets.published, "block"), "saved as pasted");
    assert.doesNotMatch(post.raw, /#spec=/);
    const { context, page, g } = await open(post.link, 1280);
    try {
      const frame = await (await page.waitForSelector("iframe")).contentFrame();
      assert.deepEqual(await waitForCharts(frame, 1), ["ready"]);
      const label = () => frame.$eval("canvas.oc-canvas", (c) => c.getAttribute("aria-label"));
      assert.match(await label(), /^Chart: Online abuse offences, published\..*1,537/);
      const a = await analyseCanvas(frame, "canvas.oc-canvas", { rgb: LIGHT.series0 });
      assert.equal(a.runs.length, 2, `two bars drawn, found ${JSON.stringify(a.runs)}`);
      const [outer, inner] = await fitted(page, frame);
      assert.ok(Math.abs(outer - inner) <= 2, `iframe ${outer} px, chart ${inner} px`);
      await clean(g, { foreign: true });
      // A correction, by the command; the post is not edited.
      publishSpec(
        store,
        "online-abuse",
        { ...PUBLISHED, series: [{ name: "Recorded offences", values: [1420, 1573] }] },
        { note: NOTE },
      );
      const { date } = storedRecord(store, "online-abuse");
      await page.reload();
      const again = await (await page.waitForSelector("iframe")).contentFrame();
      assert.deepEqual(await waitForCharts(again, 1), ["ready"]);
      const now = await again.$eval("canvas.oc-canvas", (c) => c.getAttribute("aria-label"));
      assert.match(now, /1,573/);
      assert.ok(now.includes(`Corrected ${date}: ${NOTE}`), now);
      assert.equal(await again.locator(".oc-published a").textContent(), "Changes");
      const [fitOuter, fitInner] = await fitted(page, again);
      assert.ok(Math.abs(fitOuter - fitInner) <= 2, `${fitOuter} px, chart ${fitInner} px`);
      await clean(g, { foreign: true });
    } finally {
      await context.close();
    }
  });

  test("what kses leaves of an Author's published chart: its title, version and a link", async () => {
    const post = posts["author published"];
    assert.doesNotMatch(post.raw, /<(iframe|script)\b/i, "kses stripped them");
    const { context, page, g } = await open(post.link, 360);
    try {
      const text = await page.$eval(".wp-block-post-content", (c) => c.textContent);
      assert.match(text, /Chart: Online abuse offences, published \(version 1, /);
      assert.doesNotMatch(text, /1,537|1,573/, "no figure a correction could change");
      const link = page.locator(`.wp-block-post-content a[href^="${published.origin}/"]`);
      assert.equal(await link.textContent(), "Open the chart");
      await link.click();
      // The chart's own page, which always shows the latest version.
      await page.waitForURL(`${published.origin}/charts/online-abuse/`);
      assert.deepEqual(await waitForCharts(page, 1), ["ready"]);
      await clean(g, { foreign: true });
    } finally {
      await context.close();
    }
  });
});
