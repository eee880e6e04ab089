// The builder publishes (issue 20), by keyboard only, against `offence-charts serve` with a
// credentials file and a temporary store holding version 1 of a chart (published by the command):
// it opens the chart by its address, a figure is changed in the spec, the change is listed as the
// server works it out (a correction) and a note asked for; without a credential, and with a wrong
// one (401), nothing is written; with one, version 2 is published with the note, and the embed
// codes name the chart's address (no spec in them). A colleague publishing meanwhile makes the
// next publish a 409: the chart moved on, what changed is said, nothing is overwritten. Served as
// plain files, the builder says publishing needs the chart server and offers the spec as a file.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import {
  addCredential,
  clean,
  DIST,
  fixture,
  PUBLISHED,
  publishSpec,
  requireCli,
  requireDist,
  storedRecord,
} from "./helpers.mjs";
import { byId, tabTo } from "./keyboard.mjs";

const { id: ID, note: NOTE, v1: V1 } = PUBLISHED;

const e2e = fixture({ requires: [requireDist, requireCli] });
let charts, plain, store, token;
before(async () => {
  store = e2e.folder({}, { withDist: false });
  const keys = e2e.folder({}, { withDist: false }); // not in the store, which is served
  publishSpec(store, ID, V1, { by: "Ann Editor" });
  let file;
  ({ file, token } = addCredential(keys, "Bo Reporter"));
  [charts, plain] = await Promise.all([
    e2e.chartServer({ store, credentials: file }),
    e2e.serve(DIST),
  ]);
});

/** The builder served by `srv`, ready; `guardOptions` as guard()'s. */
async function openBuilder(srv, guardOptions) {
  const opened = await e2e.open(
    srv.url("/builder.html"),
    { viewport: { width: 1280, height: 900 }, acceptDownloads: true },
    [srv.origin],
    guardOptions,
  );
  await opened.page.waitForSelector("html[data-ready]");
  return opened;
}

const text = (page, id) => page.locator(`#${id}`).textContent();
const waitText = (page, id, re) =>
  page.waitForFunction(
    ([id, source]) => new RegExp(source).test(document.getElementById(id).textContent),
    [id, re.source],
    { timeout: 30000 }, // a server round trip after debounces, on a loaded machine
  );
const versions = () => storedRecord(store, ID).version;

describe("the builder, served by the chart server", () => {
  test("opens, checks, asks for a note, is refused without a credential, publishes", async () => {
    // The 401's "Failed to load resource" is the browser's report of the refusal, as expected.
    const { context, g, page } = await openBuilder(charts, {
      ignore: (m) => /status of 401/.test(m.text()),
    });
    try {
      assert.equal(await page.isVisible("#publish-form"), true);
      assert.equal(await page.isVisible("#publish-off"), false);
      // Keyboard only: from the start, Tab to the address field, type it, Enter.
      await page.focus("#start");
      await tabTo(page, "#open-id", byId("open-id"));
      await page.keyboard.type(`${charts.origin}/embed.html?id=${ID}`);
      await page.keyboard.press("Enter");
      await waitText(page, "open-status", /^Opened “Online child .*”, version 1 of online-abuse/);
      assert.equal(await page.inputValue("#start"), "published");
      assert.deepEqual(JSON.parse(await page.inputValue("#spec")), storedRecord(store, ID).spec);
      await waitText(page, "p-check", /^No changes against version 1: nothing to publish\.$/);
      assert.equal(await page.isDisabled("#p-publish"), true);
      // The embed codes name the address already.
      assert.match(await page.inputValue("#code-iframe"), /embed\.html\?id=online-abuse"/);
      // A figure changed in the spec, by keyboard.
      await tabTo(page, "#spec", byId("spec"));
      const spec = JSON.parse(await page.inputValue("#spec"));
      spec.series[0].values[1] = 1573;
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.insertText(JSON.stringify(spec, null, 2));
      await waitText(page, "p-check", /^A correction: a figure already published changed/);
      const listed = await page.locator("#p-changes li").allTextContents();
      assert.deepEqual(listed, ["Correction: Recorded offences, 2019/20: 1,537 → 1,573"]);
      assert.equal(await page.isVisible("#p-note"), true);
      assert.match(await text(page, "p-note-label"), /^Correction note \(required\)/);
      // Publish with no note: asked for one, the focus in its field.
      assert.equal(await page.isVisible("#p-reopen"), false, "the chart has not moved on");
      await tabTo(page, "#p-publish", byId("p-publish"));
      await page.keyboard.press("Enter");
      await waitText(page, "p-error", /^A correction needs a note/);
      assert.equal(await page.isVisible("#p-reopen"), false);
      assert.equal(await page.evaluate(() => document.activeElement.id), "p-note");
      assert.equal(await page.getAttribute("#p-error", "role"), "alert");
      await page.keyboard.type(NOTE);
      // No credential: asked for one; nothing was sent.
      await tabTo(page, "#p-publish", byId("p-publish"));
      await page.keyboard.press("Enter");
      await waitText(page, "p-error", /^Enter your newsroom credential/);
      assert.equal(await page.evaluate(() => document.activeElement.id), "p-credential");
      assert.equal(await page.getAttribute("#p-credential", "type"), "password");
      // A wrong credential: the server refuses (401) and writes nothing.
      await page.keyboard.type("not-a-token");
      await page.keyboard.press("Enter");
      await waitText(page, "p-error", /did not accept this credential.*Nothing was written\.$/);
      assert.equal(versions(), 1);
      assert.equal(existsSync(join(store, ID, "2.json")), false);
      // The right one: version 2, with the note, said in the status.
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type(token);
      await page.keyboard.press("Enter");
      await waitText(page, "p-status", /^Published version 2 of “online-abuse”/);
      assert.equal(await text(page, "p-error"), "");
      const v2 = storedRecord(store, ID);
      assert.equal(v2.version, 2);
      assert.equal(v2.kind, "correction");
      assert.equal(v2.note, NOTE);
      assert.equal(v2.by, "Bo Reporter");
      assert.deepEqual(v2.spec.series[0].values, [1420, 1573]);
      // Its embed codes: the address, no spec, the title and version for readers without scripts.
      await waitText(page, "p-check", /^No changes against version 2/);
      await page.waitForFunction(() =>
        document.getElementById("code-script").value.includes("(version 2"),
      );
      const codes = await Promise.all(
        ["iframe", "script", "component"].map((k) => page.inputValue(`#code-${k}`)),
      );
      for (const code of codes) {
        assert.doesNotMatch(code, /#spec=|"periods"|%22/);
        assert.ok(code.includes(`Chart: ${V1.title} (version 2, ${v2.date}).`), code);
        // Readers without scripts are sent to the chart's own page, which shows the latest.
        assert.ok(
          code.includes(`<a href="${charts.origin}/charts/${ID}/">Open the chart</a>`),
          code,
        );
        assert.doesNotMatch(code, /1,573|1,537/, "no figure a later correction could change");
      }
      assert.match(codes[0], /<iframe src="[^"]*embed\.html\?id=online-abuse"/);
      assert.match(
        codes[1],
        /<p class="offence-chart" data-offence-chart data-chart="online-abuse">/,
      );
      assert.match(codes[2], /^<offence-chart chart="online-abuse">/);
      // Pinned: the version in each code.
      await page.focus("#pin");
      await page.keyboard.press("Space");
      await page.waitForFunction(() =>
        document.getElementById("code-component").value.includes('version="2"'),
      );
      assert.match(await page.inputValue("#code-iframe"), /embed\.html\?id=online-abuse&amp;v=2"/);
      assert.match(
        await page.inputValue("#code-script"),
        /data-chart="online-abuse" data-version="2"/,
      );
      await clean(g, { foreign: true });
    } finally {
      await context.close();
    }
  });

  test("a colleague published meanwhile: the chart moved on, nothing is overwritten", async () => {
    const { context, g, page } = await openBuilder(charts);
    try {
      const before = versions();
      await page.fill("#open-id", ID);
      await page.press("#open-id", "Enter");
      await waitText(page, "open-status", new RegExp(`version ${before} of online-abuse`));
      const mine = JSON.parse(await page.inputValue("#spec"));
      mine.title = "Online child sexual abuse offences in Scotland";
      await page.fill("#spec", JSON.stringify(mine, null, 2));
      await waitText(page, "p-check", /^New words, no figure changed/);
      // Meanwhile, by the command: a new period (an update).
      const theirs = storedRecord(store, ID).spec;
      theirs.periods.push({ label: "2020/21" });
      theirs.series[0].values.push(1694);
      delete theirs.revision;
      publishSpec(store, ID, theirs, { note: "The 2020-21 figure added" });
      assert.equal(versions(), before + 1);
      await page.fill("#p-credential", token);
      await page.press("#p-credential", "Enter");
      await waitText(page, "p-error", /^Not published: the chart moved on\./);
      assert.match(await text(page, "p-error"), new RegExp(`Version ${before + 1} was published`));
      const changes = await page.locator("#p-error-changes li").allTextContents();
      assert.ok(
        changes.some((c) => /2020\/21/.test(c)),
        `what changed is listed: ${changes.join(" | ")}`,
      );
      assert.equal(versions(), before + 1, "nothing overwritten, nothing added");
      assert.equal(existsSync(join(store, ID, `${before + 2}.json`)), false);
      // Open the latest version, and carry on from it.
      assert.equal(await page.isVisible("#p-reopen"), true);
      await page.focus("#p-reopen");
      await page.keyboard.press("Enter");
      await waitText(page, "open-status", new RegExp(`version ${before + 1} of online-abuse`));
      assert.match(await page.inputValue("#spec"), /2020\/21/);
      assert.deepEqual(g.pageErrors, []);
    } finally {
      await context.close();
    }
  });
});

describe("the builder, served as plain files", () => {
  test("says publishing needs the chart server, and gives the spec as a file", async () => {
    const { context, g, page } = await openBuilder(plain);
    try {
      assert.equal(await page.isVisible("#publish-off"), true);
      assert.equal(await page.isVisible("#publish-form"), false);
      assert.equal(await page.isVisible("#open-form"), false);
      assert.match(await text(page, "publish-off"), /Publishing needs the chart server/);
      assert.equal(await page.isVisible("#publish-no-credentials"), false);
      assert.match(await text(page, "publish-command"), /offence-charts publish online-child-/);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click("#download-spec"),
      ]);
      assert.match(download.suggestedFilename(), /^online-child-sexual-abuse-.*\.json$/);
      const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
      assert.deepEqual(saved, JSON.parse(await page.inputValue("#spec")));
      await clean(g);
    } finally {
      await context.close();
    }
  });
});

describe("the builder, served by a chart server without credentials", () => {
  test("says publishing is off there (not that it is served as plain files)", async () => {
    const off = await e2e.chartServer({ store });
    const { context, g, page } = await openBuilder(off);
    try {
      assert.equal(await page.isVisible("#publish-off"), true);
      assert.equal(await page.isVisible("#publish-form"), false);
      assert.equal(await page.isVisible("#publish-static"), false);
      assert.equal(await page.isVisible("#publish-no-credentials"), true);
      assert.match(
        await text(page, "publish-no-credentials"),
        /Publishing is off on this chart server: it was started without the newsroom's credentials/,
      );
      await clean(g);
    } finally {
      await context.close();
    }
  });
});
