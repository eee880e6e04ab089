// The screenshots of docs/journalists.md: the builder in headless Chromium, served from dist/,
// driven from a release to an embed as the guide tells it, each step saved to docs/img/ (1000 px
// wide, DPR 1; column-wide crops, about 400 kB in all). Run after scripts/dist.sh:
// `node scripts/guide-shots.mjs`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT = join(ROOT, "docs/img");
const release = (name) => readFileSync(join(ROOT, "tests/fixtures", name), "utf8");
const TREND = JSON.parse(readFileSync(join(ROOT, "data/offence-trend.json"), "utf8"));

const server = await serve(join(ROOT, "dist"), 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
  await page.goto(`http://127.0.0.1:${server.address().port}/builder.html`);
  await page.waitForSelector("html[data-ready]");
  const shot = (selector, name) =>
    page.locator(selector).screenshot({ path: join(OUT, `${name}.png`) });
  const box = (selector) =>
    page.$eval(selector, (e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
    });
  /** The page from `above` px above the top of `from` to `below` px below the bottom of `to`,
   * across the column of `from`. */
  const around = async (name, from, to, above = 0, below = 0) => {
    const [a, b] = [await box(from), await box(to)];
    await page.screenshot({
      path: join(OUT, `${name}.png`),
      fullPage: true,
      clip: {
        x: a.x - 8,
        y: a.y - above,
        width: a.width + 16,
        height: b.y + b.height - a.y + above + below,
      },
    });
  };

  // 1. Start from a release: paste it and its source.
  await page.selectOption("#start", "release");
  await page.fill("#release", release("release-2020-gethelporgetcaught.txt"));
  await page.fill("#r-source", TREND.sources[0].name);
  await page.fill("#r-date", TREND.sources[0].date);
  await page.fill("#r-url", TREND.sources[0].url);
  await page.waitForSelector("#release-text button.figure");
  await page.evaluate(() => {
    document.getElementById("release").scrollTop = 0;
  });
  await around("1-release", "#release-step", "#release-count", 0, 8);

  // 2. A figure's form: 1573, its period typed.
  await page.focus("#release-text button.figure >> nth=1");
  await page.keyboard.press("Enter");
  await page.fill("#ff-label", "Apr 2018–Feb 2019");
  await page.fill("#ff-name", "April 2018–February 2019");
  await page.focus("#ff-name");
  await around("2-figure-form", "#figure-form", "#figure-form", 110, 40);
  await page.keyboard.press("Enter");
  await page.focus("#release-text button.figure >> nth=0");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("spec").value.includes("1694"));

  // 3. The rate chart: figures that belong together, added at once.
  await page.check('input[name="r-kind"][value="rate"]');
  await page.fill("#release", release("release-2019-stopitnow.txt"));
  await page.fill("#r-source", "Police Scotland, #StopItNow campaign release");
  await page.fill("#r-date", "March 2019");
  await page.fill("#r-url", "");
  await page.waitForSelector("#release-text button.figure >> text=98");
  await page.focus("#release-text button.figure >> nth=0");
  await page.keyboard.press("Enter");
  await page.fill("#ff-category", "All crimes of communicating with a child for sexual purposes");
  await page.keyboard.press("Enter");
  await page.focus("#release-text button.figure >> text=98");
  await page.keyboard.press("Enter");
  await page.fill("#ff-category", "Of which grooming or attempted grooming");
  await page.focus("#figure-form button.secondary >> nth=0");
  await around("3-together", "#figure-form", "#figure-form", 90, 10);

  // 4. The words and the preview: the trend's title, subtitle, unit, series name and note typed
  // into their fields.
  await page.keyboard.press("Escape");
  await page.check('input[name="r-kind"][value="trend"]');
  await page.fill("#r-title", TREND.title);
  await page.fill("#r-subtitle", TREND.subtitle);
  await page.fill("#r-unit", TREND.unit);
  await page.fill("#r-series", TREND.series[0].name);
  await page.fill("#r-notes", TREND.notes.join("\n"));
  await page.waitForFunction(
    (t) => document.getElementById("canvas").getAttribute("aria-label")?.startsWith(`Chart: ${t}`),
    TREND.title,
  );
  await page.waitForFunction(() => document.getElementById("spec").value.includes("notes"));
  await page.focus("#r-notes");
  await around("4-words", "#r-words", "#r-words", 0, 8);
  // The trend's second source, which only its note cites, added in the sources' form.
  await page.click("#r-source-add");
  await page.fill("#rs-name", TREND.sources[1].name);
  await page.fill("#rs-date", TREND.sources[1].date);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("#r-source-list li").length === 2);
  await around("4-sources", "#r-sources", "#r-sources", 0, 8);
  await page.setViewportSize({ width: 1000, height: 1400 });
  await shot('section[aria-labelledby="step-spec"]', "4-spec");
  await shot('section[aria-labelledby="step-preview"]', "5-preview");
  await shot('section[aria-labelledby="step-embed"]', "6-embed");
} finally {
  await browser.close();
  server.close();
}
