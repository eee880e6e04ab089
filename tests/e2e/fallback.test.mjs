// The static fallback carries what the canvas shows: every word the canvas draws (fillText,
// recorded
// in the page) is in the SVG that `offence-charts render` makes for the same chart at the same
// width,
// and the other way round; and the PNG made from that SVG has the bars' colour.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { DIST, fixture, ROOT } from "./helpers.mjs";

const e2e = fixture();
let srv, tmp;
before(async () => {
  tmp = e2e.folder({}, { withDist: false });
  execFileSync("cargo", ["build", "--quiet", "--bin", "offence-charts"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  srv = await e2e.serve(DIST);
});

const words = (texts) => texts.join(" ").split(/\s+/).filter(Boolean).sort();
const decode = (s) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

for (const chart of ["offence-trend", "detection-rate"]) {
  const name = `${chart}: the fallback SVG and PNG carry the canvas's title, labels and values`;
  test(name, async () => {
    const { context, page } = await e2e.context(
      { viewport: { width: 656, height: 900 }, deviceScaleFactor: 1 },
      [srv.origin],
    );
    await context.addInitScript(() => {
      window.__drawn = [];
      const fill = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
        window.__drawn.push(String(text));
        return fill.call(this, text, ...rest);
      };
    });
    try {
      await page.goto(srv.url(`/embed.html?chart=${chart}&theme=light`));
      await page.waitForSelector("figure[data-oc-state=ready]");
      const width = await page.$eval("canvas.oc-canvas", (c) => c.getBoundingClientRect().width);
      // Only the last drawing counts: take what was drawn since the last background fill.
      const drawn = await page.evaluate(() => window.__drawn);
      const title = drawn.findLastIndex((t) => t.startsWith("Online") || t.startsWith("Nearly"));
      const canvasTexts = drawn.slice(title);

      const svgPath = join(tmp, `${chart}.svg`);
      const pngPath = join(tmp, `${chart}.png`);
      const bin = join(ROOT, "target/debug/offence-charts");
      execFileSync(bin, ["render", chart, svgPath, "--width", String(width)]);
      execFileSync(bin, ["render", chart, pngPath, "--width", String(width), "--scale", "1"]);
      const svg = readFileSync(svgPath, "utf8");
      const svgTexts = [...svg.matchAll(/<text[^>]*>\s*([\s\S]*?)\s*<\/text>/g)].map((m) =>
        decode(m[1]),
      );

      assert.ok(canvasTexts.length >= 10, `canvas drew ${canvasTexts.length} texts`);
      assert.deepEqual(words(svgTexts), words(canvasTexts));
      for (const must of chart === "offence-trend"
        ? ["1,573", "1,694", "2,000"]
        : ["87.8 %", "≈70 %", "“90 per cent”"]) {
        assert.ok(svgTexts.join(" ").includes(must), `SVG has ${must}`);
      }
      // The PNG is that SVG rasterised: same size, and the first series' colour is present.
      const png = readFileSync(pngPath);
      assert.equal(png.readUInt32BE(16), Math.ceil(width));
      const { data } = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = new OffscreenCanvas(img.width, img.height);
        const ctx = c.getContext("2d");
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, img.width, img.height).data;
        let blue = 0;
        for (let i = 0; i < d.length; i += 4)
          if (d[i] === 29 && d[i + 1] === 90 && d[i + 2] === 140) blue++;
        return { data: blue };
      }, png.toString("base64"));
      assert.ok(data > 2000, `series-coloured pixels in the PNG: ${data}`);
    } finally {
      await context.close();
    }
  });
}
