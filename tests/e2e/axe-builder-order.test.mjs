// axe-core (WCAG 2.x A and AA, and its best practices; set up as in axe.test.mjs) finds nothing on
// the builder started from a release with the controls of issue 23, part 3: a trend's periods
// listed with their Move up and Move down buttons (a period moved, its move said, the first's
// Move up disabled), each figure's menu of sources (one changed, the change said), in the light
// and dark themes and under forced colours; and a rate chart's figures with their menus.
// axe runs in the page through the DevTools protocol (page.evaluate), which the page's strict CSP
// does not govern.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { clean, DIST, fixture, ROOT } from "./helpers.mjs";

const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const RELEASE =
  "Offences rose to 1694 between April 2019 and February 2020, from 1573 in 2018/19. " +
  "Of 98 reports, 90 per cent of which (86) were detected.";

const e2e = fixture();
let srv;
before(async () => {
  srv = await e2e.serve(DIST);
});

/** axe's violations on `page`: "rule: target (summary)" for each node. */
async function violations(page) {
  await page.evaluate(AXE);
  const found = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
    TAGS,
  );
  return found.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${n.failureSummary})`),
  );
}

/** Adds the release's figure `text` to the chart chosen, as `label` (a period or category). */
async function add(page, text, label) {
  await page.click(`#release-text button.figure:text-is("${text}")`);
  await page.waitForSelector("#figure-form");
  const field = (await page.$("#ff-label")) ? "#ff-label" : "#ff-category";
  await page.fill(field, label);
  await page.press("#figure-form input[type=text]", "Enter");
  await page.waitForSelector("#figure-form", { state: "detached" });
}

for (const [name, media] of [
  ["light", { colorScheme: "light" }],
  ["dark", { colorScheme: "dark" }],
  ["forced colours", { colorScheme: "light", forcedColors: "active" }],
]) {
  describe(`axe, the builder's periods and figures' sources, ${name}`, () => {
    test("a trend's periods, one moved, and its figures' menus, one changed", async () => {
      const { context, page, g } = await e2e.open(srv.url("/builder.html"), {
        viewport: { width: 1000, height: 800 },
      });
      try {
        await page.emulateMedia(media);
        await page.waitForSelector("html[data-ready]");
        await page.selectOption("#start", "release");
        await page.fill("#release", RELEASE);
        await page.fill("#r-source", "Police Scotland");
        await page.waitForSelector("#release-text button.figure");
        await add(page, "1694", "2019/20");
        await add(page, "1573", "2018/19");
        await page.click("#r-source-add");
        await page.fill("#rs-name", "Another release");
        await page.press("#rs-name", "Enter");
        await page.waitForSelector("#r-cite-1 option:nth-child(2)", { state: "attached" });
        await page.click('[aria-label="Move up, 2018/19"]');
        await page.waitForSelector("#r-periods-status:not(:empty)");
        await page.selectOption("#r-cite-0", "1");
        await page.waitForSelector("#r-cites-status:not(:empty)");
        assert.equal(
          await page.getAttribute('[aria-label="Move up, 2018/19"]', "aria-disabled"),
          "true",
        );
        assert.deepEqual(await violations(page), []);

        // The rate chart: its figures listed by category and role.
        await page.check('input[name="r-kind"][value="rate"]');
        await page.waitForSelector("#r-periods", { state: "hidden" });
        await add(page, "98", "Grooming");
        await page.waitForSelector("#r-cite-0");
        assert.deepEqual(await violations(page), []);
        await clean(g, { page });
      } finally {
        await context.close();
      }
    });
  });
}
