// builder.html, the journalists' chart builder, from dist/ under the strict CSP: it loads cleanly,
// turns a pasted spreadsheet table into a trend spec and draws it, shows the chart's own validation
// message, escapes every typed value in both embed snippets (and the snippets really draw the chart
// with the hostile title as text), copies, downloads a PNG, and works at 320 px by keyboard.

import assert from "node:assert/strict";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { LIMITS } from "../../www/shared.js";
import {
  analyseCanvas,
  clean,
  fixture,
  page as html,
  LIGHT,
  ROOT,
  waitForCharts,
} from "./helpers.mjs";

const HOSTILE = `<script>alert(1)</script>"'&`;
// What a spreadsheet puts on the clipboard: tabs between cells; a cell with a comma quoted.
const TSV =
  'Period\tRecorded\tDetected\n2018/19\t"1,573"\t1,101\n' +
  "2019/20\t1,694\t1 183\n2020/21\t1,802\t~1,250\n";

const e2e = fixture();
let srv;
let dir;
before(async () => {
  dir = e2e.folder();
  // The iframe snippet names embed-host.js under its stable name; see iframe.test.mjs.
  if (!existsSync(join(dir, "embed-host.js")))
    copyFileSync(join(ROOT, "www/embed-host.js"), join(dir, "embed-host.js"));
  assert.ok(
    existsSync(join(dir, "builder.html")),
    "dist/ has no builder.html: run scripts/dist.sh",
  );
  srv = await e2e.serve(dir);
});

async function openBuilder({
  viewport = { width: 1280, height: 900 },
  clipboard = true,
  init,
} = {}) {
  const { context, page, g } = await e2e.context({ viewport, acceptDownloads: true }, [srv.origin]);
  if (clipboard)
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: srv.origin });
  if (init) await context.addInitScript(init);
  await page.goto(srv.url("/builder.html"));
  await page.waitForSelector("html[data-ready]");
  return { context, page, g };
}

/** Waits until the preview shows a valid spec whose title is `title` and the snippets are ready. */
async function waitForSpec(page, title) {
  await page.waitForFunction(
    (title) => {
      const code = document.getElementById("code-script").value;
      return (
        !document.getElementById("copy-script").disabled &&
        code.includes("data-offence-chart") &&
        (title === undefined ||
          document
            .getElementById("canvas")
            .getAttribute("aria-label")
            ?.startsWith(`Chart: ${title}`))
      );
    },
    title,
    { timeout: 10000 },
  );
}

async function useTable(page, table, fields = {}) {
  await page.selectOption("#start", "table");
  await page.waitForSelector("#table-step:not([hidden])");
  for (const [id, value] of Object.entries(fields)) await page.fill(`#${id}`, value);
  await page.fill("#table", table);
}

/** Clean (clean()'s every check) and private: no cookie, nothing stored. */
const cleanAndPrivate = async (page, g, context) => {
  await clean(g, { page, foreign: true, dialogs: true });
  assert.deepEqual(await context.cookies(), [], "cookies");
  assert.deepEqual(
    await page.evaluate(() => [localStorage.length, sessionStorage.length]),
    [0, 0],
    "storage",
  );
};

describe("builder.html", () => {
  test("loads the default chart with no console errors under the strict CSP", async () => {
    const { context, page, g } = await openBuilder();
    try {
      await waitForSpec(page, "Online child sexual abuse offences");
      // The starter specs are the named charts' files, fetched from dist/ (built from data/*.json).
      const data = (name) => JSON.parse(readFileSync(join(ROOT, "data", `${name}.json`), "utf8"));
      assert.deepEqual(
        JSON.parse(await page.inputValue("#spec")),
        data("offence-trend"),
        "the builder's offence-trend differs from data/",
      );
      const a = await analyseCanvas(page, "#canvas", { rgb: LIGHT.series0 });
      assert.equal(a.runs.length, 2, "two bars drawn in the preview");
      assert.equal(await page.textContent("#spec-error"), "");
      const iframe = await page.inputValue("#code-iframe");
      assert.ok(
        iframe.startsWith(`<iframe src="${srv.origin}/embed.html#spec=%7B`),
        iframe.slice(0, 80),
      );
      assert.ok(iframe.includes(`<script src="${srv.origin}/embed-host.js" defer></script>`));
      assert.match(iframe, /sandbox="allow-scripts allow-same-origin"/);
      assert.match(iframe, /style="width:100%;border:0;height:\d+px"/);
      // The other default chart.
      await page.selectOption("#start", "detection-rate");
      await waitForSpec(page, "Nearly nine in ten grooming reports were detected");
      assert.deepEqual(
        JSON.parse(await page.inputValue("#spec")),
        data("detection-rate"),
        "the builder's detection-rate differs from data/",
      );
      // Only the page, its script and style, the loader, the glue, the wasm and the two specs.
      assert.ok(g.requests.length <= 10, g.requests.join("\n"));
      assert.equal(g.count(/^\/offence-trend-[0-9a-f]{10}\.json$/), 1);
      assert.equal(g.count(/\.wasm$/), 1);
      await cleanAndPrivate(page, g, context);
    } finally {
      await context.close();
    }
  });

  test("each field takes at most its spec field's limit (shared.js's LIMITS, built in)", async () => {
    // www/builder.html names each limit (maxlength="LIMITS.title"; tests/builder-limits.mjs);
    // the built page holds its number.
    const source = readFileSync(join(ROOT, "www/builder.html"), "utf8");
    const named = [...source.matchAll(/\bid="([^"]*)"[^>]*\bmaxlength="LIMITS\.([^"]*)"/g)];
    assert.ok(named.length >= 12, `fields naming a limit: ${named.length}`);
    const { context, page } = await openBuilder();
    try {
      const built = await page.evaluate(
        (ids) => ids.map((id) => document.getElementById(id).maxLength),
        named.map(([, id]) => id),
      );
      assert.deepEqual(
        Object.fromEntries(named.map(([, id], i) => [id, built[i]])),
        Object.fromEntries(named.map(([, id, key]) => [id, LIMITS[key]])),
      );
    } finally {
      await context.close();
    }
  });

  test("a pasted TSV table becomes a trend spec and the preview draws it", async () => {
    const { context, page, g } = await openBuilder();
    try {
      await useTable(page, TSV, {
        "f-title": "Pasted table",
        "f-subtitle": "Three years",
        "f-unit": "offences",
        "f-source": "Test release",
        "f-date": "May 2021",
        "f-url": "https://example.org/release",
      });
      await waitForSpec(page, "Pasted table");
      const spec = JSON.parse(await page.inputValue("#spec"));
      assert.deepEqual(spec, {
        version: 1,
        kind: "trend",
        title: "Pasted table",
        subtitle: "Three years",
        unit: "offences",
        sources: [{ name: "Test release", date: "May 2021", url: "https://example.org/release" }],
        periods: [{ label: "2018/19" }, { label: "2019/20" }, { label: "2020/21" }],
        series: [
          { name: "Recorded", values: [1573, 1694, 1802] },
          {
            name: "Detected",
            values: [1101, 1183, { value: 1250, approximate: true, published: "~1,250" }],
          },
        ],
      });
      const a = await analyseCanvas(page, "#canvas", { rgb: LIGHT.series0 });
      assert.ok(
        a.background.slice(0, 3).every((v) => v === 255),
        "white background",
      );
      const bars = a.runs.filter((r) => r.height > 40 * a.dpr); // not the legend's swatch
      assert.equal(bars.length, 3, "three bars of the first series");
      assert.ok(a.colourPixels > 1000, "the bars have area");
      // Comma-separated with quotes works too, and so does a line chart.
      await page.fill("#table", 'Period,"Offences, recorded"\n2019,"1,573"\n2020,"1,694"\n');
      await page.selectOption("#f-mark", "line");
      await page.waitForFunction(() =>
        document.getElementById("spec").value.includes('"mark": "line"'),
      );
      await waitForSpec(page);
      const csv = JSON.parse(await page.inputValue("#spec"));
      assert.deepEqual(csv.series, [{ name: "Offences, recorded", values: [1573, 1694] }]);
      // A cell that is not a number is named by row and column.
      await page.fill("#table", "Period\tRecorded\n2019\t1,573\n2020\tn/a\n");
      await page.waitForFunction(() => document.getElementById("table-error").textContent !== "");
      assert.equal(
        await page.textContent("#table-error"),
        "Row 3 (“2020”), “Recorded”: “n/a” is not a number.",
      );
      assert.ok(await page.isDisabled("#copy-iframe"), "no snippet while the table is wrong");
      await cleanAndPrivate(page, g, context);
    } finally {
      await context.close();
    }
  });

  test("an invalid edit shows the chart's message with the field path", async () => {
    const { context, page, g } = await openBuilder();
    try {
      await waitForSpec(page);
      const spec = JSON.parse(await page.inputValue("#spec"));
      spec.series[0].values[1] = -5;
      await page.fill("#spec", JSON.stringify(spec, null, 2));
      const alert = page.locator("#spec-error[role=alert]").filter({ hasText: "series[0]" });
      await alert.waitFor();
      assert.equal(await alert.textContent(), "series[0].values[1]: must be a non-negative number");
      assert.equal(await page.getAttribute("#spec", "aria-invalid"), "true");
      assert.ok(await page.isDisabled("#copy-iframe"));
      assert.ok(await page.isDisabled("#copy-script"));
      assert.match(
        await page.inputValue("#code-iframe"),
        /^Fix the spec first: series\[0\]\.values\[1\]/,
      );
      // A redraw of the last good preview (the window resized) brings no snippet back.
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.waitForFunction(() => document.getElementById("canvas").clientWidth < 560);
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      assert.ok(await page.isDisabled("#copy-iframe"), "still no snippet after a resize");
      assert.match(await page.inputValue("#code-script"), /^Fix the spec first/);
      // A JSON syntax error.
      await page.fill("#spec", '{ "version": 1,');
      await page.waitForFunction(() =>
        document.getElementById("spec-error").textContent.startsWith("spec is not valid JSON"),
      );
      // A source URL that is not http(s).
      spec.series[0].values[1] = 5;
      spec.sources[0].url = "javascript:alert(1)";
      await page.fill("#spec", JSON.stringify(spec));
      await page.waitForFunction(
        () =>
          document.getElementById("spec-error").textContent ===
          "sources[0].url: must be an http:// or https:// address",
      );
      // Fixed: the message goes and the snippets come back.
      spec.sources[0].url = "https://example.org/";
      await page.fill("#spec", JSON.stringify(spec));
      await waitForSpec(page);
      assert.equal(await page.textContent("#spec-error"), "");
      assert.equal(await page.getAttribute("#spec", "aria-invalid"), null);
      // In the table form, the message also says where in the table.
      await useTable(page, "Period\tRecorded\n2019\t10\n2020\t-5\n", {
        "f-title": "T",
        "f-source": "S",
      });
      await page.waitForFunction(() =>
        document.getElementById("spec-error").textContent.startsWith("series[0].values[1]"),
      );
      assert.equal(
        await page.textContent("#spec-error"),
        "series[0].values[1]: must be a non-negative number (in " +
          "your table form: row 3 of the table, column “Recorded”)",
      );
      assert.equal(
        await page.textContent("#table-error"),
        "Row 3 of the table, column “Recorded”: must be a non-negative number",
      );
      // An empty title is named as the form's field.
      await page.fill("#table", "Period\tRecorded\n2019\t10\n2020\t5\n");
      await page.fill("#f-title", " ");
      await page.waitForFunction(() =>
        document.getElementById("table-error").textContent.startsWith("The Title field: "),
      );
      await page.fill("#f-title", "T");
      await waitForSpec(page, "T");
      assert.equal(await page.textContent("#table-error"), "");
      await cleanAndPrivate(page, g, context);
    } finally {
      await context.close();
    }
  });

  test("both snippets escape a hostile title, and each draws it as text", async () => {
    const { context, page, g } = await openBuilder();
    try {
      await useTable(page, "Period\tRecorded\n2019\t100\n2020\t120\n", {
        "f-title": HOSTILE,
        "f-source": `Source ${HOSTILE}`,
        "f-url": "https://example.org/?a=1&b='2'",
      });
      await waitForSpec(page, HOSTILE);
      const iframe = await page.inputValue("#code-iframe");
      const script = await page.inputValue("#code-script");
      const component = await page.inputValue("#code-component");
      assert.match(component, /^<offence-chart>Chart: &lt;script&gt;/);
      for (const code of [iframe, script, component]) {
        assert.ok(!code.includes("<script>alert"), code);
        assert.ok(!/<\/script>"/.test(code), code);
      }
      assert.ok(
        iframe.includes(`title="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"`),
        iframe,
      );
      assert.ok(
        iframe.includes(
          "<noscript>Chart: " + "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;. ",
        ),
        iframe,
      );
      for (const code of [iframe, script, component]) {
        assert.ok(code.includes(" Source: Source &lt;script&gt;"), code);
      }
      assert.ok(
        script.startsWith(
          '<p class="offence-chart" data-offence-chart>Chart: ' +
            "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;. ",
        ),
        script,
      );
      // Parsed as HTML, each snippet is exactly the elements it should be, holding the title as
      // text.
      // (On a blank page: parsing under the builder's CSP would report the snippet's style
      // attribute.)
      const blank = await e2e.browser.newPage();
      const parsed = await blank.evaluate(
        ([iframe, script]) => {
          const read = (code) => {
            const doc = new DOMParser().parseFromString(`<body>${code}</body>`, "text/html");
            return {
              tags: [...doc.body.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()),
              doc,
            };
          };
          const a = read(iframe);
          const b = read(script);
          const frame = a.doc.querySelector("iframe");
          const specOf = (url) =>
            JSON.parse(decodeURIComponent(new URL(url).hash.slice("#spec=".length)));
          const spec = specOf(frame.src);
          return {
            iframeTags: a.tags,
            scriptTags: b.tags,
            frameTitle: frame.title,
            frameSrc: frame.src,
            frameSpecTitle: spec.title,
            frameUrl: spec.sources[0].url,
            noscript: a.doc.querySelector("noscript").textContent,
            inlineTitle: specOf(b.doc.querySelector("p[data-offence-chart] a").href).title,
            links: [a.doc.querySelector("noscript a").href, b.doc.querySelector("a").href],
          };
        },
        [iframe, script],
      );
      await blank.close();
      // (DOMParser runs no scripts, so it reads inside <noscript> as markup.)
      assert.deepEqual(parsed.iframeTags, ["iframe", "script", "noscript", "a"]);
      assert.deepEqual(parsed.scriptTags, ["p", "a", "script"]);
      // Their links open the chart's page, the iframe's own address.
      assert.deepEqual(parsed.links, [parsed.frameSrc, parsed.frameSrc]);
      assert.equal(parsed.frameTitle, HOSTILE);
      assert.equal(parsed.frameSpecTitle, HOSTILE);
      assert.equal(parsed.frameUrl, "https://example.org/?a=1&b='2'");
      assert.equal(parsed.inlineTitle, HOSTILE);
      // Pasted into real pages, both draw the chart with the title as text and run nothing.
      for (const [name, code] of [
        ["pasted-script.html", script],
        ["pasted-iframe.html", iframe],
      ]) {
        writeFileSync(
          join(dir, name),
          html({ title: "CMS", body: `<main><h1>Article</h1>${code}</main>` }),
        );
      }
      // (A reader's browser, not the builder's: this server's CSP refuses the snippet's style
      // attribute, which a CMS usually allows; the width and height attributes stand in for it.)
      const {
        context: readers,
        page: reader,
        g: seen,
      } = await e2e.context({ viewport: { width: 800, height: 900 } }, [srv.origin]);
      try {
        await reader.goto(srv.url("/pasted-script.html"));
        await waitForCharts(reader, 1);
        assert.equal(await reader.$eval("figure.oc-chart", (f) => f.dataset.ocState), "ready");
        assert.ok(
          (await reader.$eval("canvas.oc-canvas", (c) => c.getAttribute("aria-label"))).startsWith(
            `Chart: ${HOSTILE}.`,
          ),
        );
        await reader.goto(srv.url("/pasted-iframe.html"));
        const frame = await (await reader.waitForSelector("iframe")).contentFrame();
        await waitForCharts(frame, 1);
        assert.ok(
          (await frame.$eval("canvas.oc-canvas", (c) => c.getAttribute("aria-label"))).startsWith(
            `Chart: ${HOSTILE}.`,
          ),
        );
        assert.equal(
          await reader.evaluate(() => document.querySelectorAll("script").length),
          1,
          "only the host script",
        );
        assert.deepEqual(seen.dialogs, [], "no alert ran");
      } finally {
        await readers.close();
      }
      await cleanAndPrivate(page, g, context);
    } finally {
      await context.close();
    }
  });

  test("copy buttons use the clipboard, or select the code when it is refused", async () => {
    const { context, page, g } = await openBuilder();
    try {
      await waitForSpec(page);
      await page.click("#copy-iframe");
      await page.waitForFunction(() =>
        document.getElementById("copy-note").textContent.startsWith("Copied the iframe code"),
      );
      assert.equal(
        await page.evaluate(() => navigator.clipboard.readText()),
        await page.inputValue("#code-iframe"),
      );
      await page.click("#copy-script");
      await page.waitForFunction(() =>
        document.getElementById("copy-note").textContent.startsWith("Copied the script code"),
      );
      assert.equal(
        await page.evaluate(() => navigator.clipboard.readText()),
        await page.inputValue("#code-script"),
      );
      await page.click("#copy-component");
      await page.waitForFunction(() =>
        document
          .getElementById("copy-note")
          .textContent.startsWith("Copied the web component code"),
      );
      assert.equal(
        await page.evaluate(() => navigator.clipboard.readText()),
        await page.inputValue("#code-component"),
      );
      await cleanAndPrivate(page, g, context);
    } finally {
      await context.close();
    }
    const refused = await openBuilder({
      clipboard: false,
      init: () => {
        Object.defineProperty(Navigator.prototype, "clipboard", {
          get: () => ({
            writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")),
          }),
        });
        document.execCommand = () => false;
      },
    });
    try {
      await waitForSpec(refused.page);
      await refused.page.click("#copy-script");
      await refused.page.waitForFunction(
        () => document.getElementById("copy-note").textContent !== "",
      );
      assert.equal(
        await refused.page.textContent("#copy-note"),
        "The script code is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
      );
      const sel = await refused.page.evaluate(() => {
        const t = document.activeElement;
        return {
          id: t.id,
          start: t.selectionStart,
          end: t.selectionEnd,
          length: t.value.length,
          readOnly: t.readOnly,
        };
      });
      assert.deepEqual(sel, {
        id: "code-script",
        start: 0,
        end: sel.length,
        length: sel.length,
        readOnly: true,
      });
      assert.deepEqual(refused.g.pageErrors, []);
    } finally {
      await refused.context.close();
    }
  });

  test("Download image gives a PNG of the preview", async () => {
    const { context, page, g } = await openBuilder();
    try {
      await waitForSpec(page);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click("#download"),
      ]);
      assert.equal(
        download.suggestedFilename(),
        "online-child-sexual-abuse-offences-recorded-in-scotland-rose.png",
      );
      const bytes = readFileSync(await download.path());
      assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // IHDR: the canvas's backing size.
      const size = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
      assert.deepEqual(size, await page.$eval("#canvas", (c) => [c.width, c.height]));
      assert.ok(bytes.length > 5000, `${bytes.length} bytes`);
      await cleanAndPrivate(page, g, context);
    } finally {
      await context.close();
    }
  });

  test(
    "at 320 px: nothing scrolls sideways, every " + "control is labelled, the keyboard does it all",
    async () => {
      const { context, page, g } = await openBuilder({ viewport: { width: 320, height: 640 } });
      try {
        await waitForSpec(page);
        await page.selectOption("#start", "table");
        await waitForSpec(page);
        assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320);
        const unlabelled = await page.evaluate(() =>
          [...document.querySelectorAll("input, select, textarea, button")]
            .filter((e) => !e.hidden && !e.closest("[hidden]"))
            .filter((e) => (e.tagName === "BUTTON" ? !e.textContent.trim() : e.labels.length === 0))
            .map((e) => e.id),
        );
        assert.deepEqual(unlabelled, []);
        const a = await analyseCanvas(page, "#canvas", { rgb: LIGHT.series0 });
        assert.ok(
          a.cssWidth <= 300 && a.runs.length === 2,
          JSON.stringify({ w: a.cssWidth, runs: a.runs.length }),
        );
        // Keyboard: back to a default chart from the select, then Tab to the copy button and press
        // it.
        await page.focus("#start");
        await page.keyboard.press("Home");
        await page.waitForFunction(
          () => document.getElementById("start").value === "offence-trend",
        );
        await waitForSpec(page, "Online child sexual abuse offences");
        const order = [];
        for (let i = 0; i < 12 && order.at(-1) !== "copy-iframe"; i++) {
          await page.keyboard.press("Tab");
          order.push(await page.evaluate(() => document.activeElement.id));
        }
        assert.deepEqual(order, [
          "spec",
          "width",
          "theme",
          "download",
          "download-spec", // served as plain files: publishing's step offers the spec as a file
          "code-iframe",
          "copy-iframe",
        ]);
        await page.keyboard.press("Enter");
        await page.waitForFunction(() =>
          document.getElementById("copy-note").textContent.startsWith("Copied the iframe code"),
        );
        await cleanAndPrivate(page, g, context);
      } finally {
        await context.close();
      }
    },
  );
});
