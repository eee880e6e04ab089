// The WordPress plugin (wordpress-plugin/offence-charts, issue 21) through the editors a journalist
// uses. WordPress (Debian's 6.1) is served by Apache with mod_php and MariaDB on loopback
// (tests/e2e/wordpress/); the chart is published by the command (`offence-charts publish
// data/offence-trend.json`) and served by `offence-charts serve`, behind HTTPS as a newsroom's
// chart host is (the block editor embeds only https:// links on paste).
//
// An Administrator activates the plugin and sets the chart host on Settings > Offence charts
// (bad addresses refused, an Editor kept out, the form's nonce required). Then each role
// (Administrator, Editor, Author, Contributor) pastes the chart's link on its own line in the block
// editor (it becomes an Embed block whose preview is the plugin's iframe) and types a chart link
// on its own line in the classic editor (Text tab), and publishes (the Contributor submits for
// review, and an Editor takes the post over and publishes it unchanged); a reader opens each post
// at 1280 and 360 px: one iframe, with the chart's title and tallest height; the chart draws, the
// iframe fits it (embed-host.js, once, in the footer), it tips and tabulates, with no console error
// and no request but to WordPress and the chart host. The shortcode pins a version; the feed has
// links. A Contributor's hostile links stay text or links: no iframe, no markup. Deleting the
// plugin removes its option and its cache; PHP logs nothing about it.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { clean, fixture, oc, ROOT, requireCli, requireDist, waitForCharts } from "./helpers.mjs";
import { fitted, read, works } from "./wordpress/reader.mjs";
import { startWordPress } from "./wordpress/site.mjs";
import { makeCertificate, startTlsProxy } from "./wordpress/tls.mjs";

const PLUGIN = join(ROOT, "wordpress-plugin/offence-charts");
const SITE = join(ROOT, "tests/e2e/wordpress");
const ID = "offence-trend";
const SPEC = JSON.parse(readFileSync(join(ROOT, "data/offence-trend.json"), "utf8"));
const SUMMARY = /^Chart: Online child sexual abuse offences .* rose from 1,573 .* to 1,694/;
const ROLES = ["admin", "editor", "author", "contributor"];
const NAMES = {
  admin: "An Administrator",
  editor: "An Editor",
  author: "An Author",
  contributor: "A Contributor",
};
const WIDTHS = [1280, 360];

const e2e = fixture({ requires: [requireDist, requireCli] });
let plain, charts, tls, wp, store;
const sessions = {}; // role -> page, logged in
const posts = {}; // "role block" -> {id, link, pasted, src}

/** The chart links a post can hold, on the chart host, and the iframe address each becomes. */
const links = () => {
  const at = `${charts.origin}/`;
  return {
    page: [`${at}charts/${ID}/`, `${at}embed.html?id=${ID}`],
    index: [`${at}charts/${ID}/index.html`, `${at}embed.html?id=${ID}`],
    embed: [`${at}embed.html?id=${ID}`, `${at}embed.html?id=${ID}`],
    pinned: [`${at}embed.html?id=${ID}&v=1`, `${at}embed.html?id=${ID}&v=1`],
  };
};
// Each role pastes the chart's page in the block editor, and one of the shapes in the classic
// editor.
const CLASSIC_LINK = {
  admin: "index",
  editor: "embed",
  author: "pinned",
  contributor: "page",
};

before(async () => {
  store = e2e.folder({}, { withDist: false });
  const published = oc(
    "publish",
    join(ROOT, "data/offence-trend.json"),
    "--id",
    ID,
    "--store",
    store,
  );
  assert.equal(published.status, 0, published.stderr);
  tls = makeCertificate();
  plain = await e2e.chartServer({ store });
  [charts, wp] = await Promise.all([
    startTlsProxy(plain.origin, tls),
    startWordPress({
      server: "apache",
      cache: join(ROOT, "target/wordpress-plugin"),
      plugins: [PLUGIN],
      muPlugins: [join(SITE, "classic-editor.php"), join(SITE, "test-ca.php")],
      env: { OC_WP_TEST_CA: tls.cert },
    }),
  ]);
});

after(async () => {
  await wp?.stop();
  await charts?.close();
  tls?.remove();
});

/** A page of `role`'s own browser context, logged in (once) with the login form. */
async function session(role) {
  if (sessions[role]) return sessions[role];
  const context = await e2e.browser.newContext({
    viewport: { width: 1400, height: 1000 },
    ignoreHTTPSErrors: true,
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: wp.origin });
  const page = await context.newPage();
  await page.goto(`${wp.origin}/wp-login.php`);
  // wp-login.php focuses and selects the user name 200 ms after it loads: if that happens while
  // the password is being filled, the password goes into the user name field and WordPress says
  // "The password field is empty" (CI failed so once). Fill only after it has happened.
  await page.waitForFunction(() => document.activeElement?.id === "user_login");
  await page.fill("#user_login", role);
  await page.fill("#user_pass", wp.users[role].login);
  assert.equal(await page.inputValue("#user_login"), role, "the user name as filled");
  await page.click("#wp-submit");
  await page.waitForLoadState();
  assert.match(page.url(), /\/wp-admin\/$/, `${role} logged in: ${await page.textContent("body")}`);
  sessions[role] = page;
  return page;
}

/** Opens the block editor at `path`; takes the post over if WordPress says that someone else is
 * editing it, and closes the welcome guide if it shows. */
async function blockEditor(page, path) {
  await page.goto(wp.origin + path);
  await page.waitForSelector(".editor-post-title__input");
  if (await page.evaluate(() => window.wp.data.select("core/editor").isPostLocked())) {
    await takeOver(page);
    await page.waitForSelector(".editor-post-title__input");
  }
  const guide = await page.evaluate(() =>
    window.wp.data.select("core/edit-post").isFeatureActive("welcomeGuide"),
  );
  if (guide) await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
}

/** Opens the classic editor for post `id`, taking the post over if need be. */
async function classicEditor(page, id) {
  const url = `${wp.origin}/wp-admin/post.php?post=${id}&action=edit&oc-classic=1`;
  await page.goto(url);
  // Taking over opens the post in the block editor: back to the classic one.
  if (await takeOver(page)) await page.goto(url);
}

/**
 * Takes over the post open in `page` if WordPress says that someone else is editing it, as an
 * Editor does who publishes a Contributor's post just submitted: the writer's lock outlives their
 * leaving the editor (Chromium no longer runs the unload handler that would release it). Resolves
 * to whether it did (the page reloads).
 */
async function takeOver(page) {
  const take = page.getByText("Take over", { exact: true });
  if (!(await take.isVisible())) return false;
  await Promise.all([page.waitForEvent("load"), take.click()]);
  return true;
}

/** Publishes the post open in the block editor (a Contributor: submits it for review); resolves
 * to {id, link} once saved with that status. */
async function publishInBlockEditor(page, status) {
  await page.locator(".editor-post-publish-panel__toggle").click();
  await page.locator(".editor-post-publish-panel .editor-post-publish-button").click();
  await page.waitForFunction(
    (status) => {
      const editor = window.wp.data.select("core/editor");
      return editor.getCurrentPost().status === status && !editor.isSavingPost();
    },
    status,
    { timeout: 15000 },
  );
  return page.evaluate(() => {
    const { id, link } = window.wp.data.select("core/editor").getCurrentPost();
    return { id, link };
  });
}

/** Saves the post open in the classic editor with its Publish (or Submit for Review) button;
 * resolves to its ID. */
async function publishInClassicEditor(page) {
  // A new post's autosave (WordPress starts one 200 ms after its title loses the focus) marks the
  // button disabled while it runs, and a click then does nothing: wait for the button, and click
  // again if no save followed. WordPress takes the message out of the address once loaded.
  for (let attempt = 1; ; attempt++) {
    await page.waitForSelector("#publish:not(.disabled)");
    try {
      await Promise.all([
        page.waitForURL(/[?&]message=\d+/, { waitUntil: "commit", timeout: 10000 }),
        page.click("#publish"),
      ]);
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  const id = Number(new URL(page.url()).searchParams.get("post"));
  await page.waitForLoadState();
  return id;
}

/** `role` writes a post in the block editor: a paragraph, then `link` pasted on a line of its
 * own. The paste becomes an Embed block whose preview is the plugin's iframe. */
async function writeInBlockEditor(role, title, [link, src]) {
  const page = await session(role);
  await blockEditor(page, "/wp-admin/post-new.php");
  await page.locator(".editor-post-title__input").click();
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await page.keyboard.type("Before the chart.");
  await page.keyboard.press("Enter");
  await page.evaluate((text) => navigator.clipboard.writeText(text), link);
  await page.keyboard.press("Control+V");
  const preview = page.locator(".wp-block-embed iframe").first();
  await preview.waitFor({ timeout: 15000 });
  const blocks = await page.evaluate(() =>
    window.wp.data
      .select("core/block-editor")
      .getBlocks()
      .map((b) => [b.name, b.attributes.url ?? b.attributes.content]),
  );
  assert.deepEqual(blocks, [
    ["core/paragraph", "Before the chart."],
    ["core/embed", link],
  ]);
  const frame = await (await preview.elementHandle()).contentFrame();
  const inPreview = await frame.waitForSelector("iframe.offence-chart");
  assert.equal(await inPreview.getAttribute("src"), src, "the preview is the reader's iframe");
  return page;
}

/** `role` writes a post in the classic editor's Text tab: `link` on a line of its own. */
async function writeInClassicEditor(role, title, [link]) {
  const page = await session(role);
  await page.goto(`${wp.origin}/wp-admin/post-new.php?oc-classic=1`);
  await page.fill("#title", title);
  await page.click("#content-html");
  await page.fill("#content", `Before the chart.\n\n${link}\n\nAfter it.`);
  return page;
}

/** The post's content as saved, read back through the REST API as `user`. */
const raw = async (user, id) =>
  (await wp.rest(user, `/wp/v2/posts/${id}&context=edit`)).content.raw;

/** `role` writes and publishes a post in `editor` holding `link`; a Contributor's is submitted,
 * saved as they wrote it, and published by an Editor without a change. Resolves to {id, link}. */
async function write(role, editor, link) {
  const title = `${role} ${editor}`;
  const status = role === "contributor" ? "pending" : "publish";
  let id;
  if (editor === "block") {
    const page = await writeInBlockEditor(role, title, link);
    ({ id } = await publishInBlockEditor(page, status));
  } else {
    id = await publishInClassicEditor(await writeInClassicEditor(role, title, link));
  }
  // Done, the writer leaves the editor (which releases the post's lock and stops its requests).
  await sessions[role].goto("about:blank");
  const saved = await raw(role, id);
  assert.ok(saved.includes(link[0].replace(/&/g, "&amp;")) || saved.includes(link[0]), saved);
  if (role === "contributor") {
    assert.equal((await wp.rest("contributor", `/wp/v2/posts/${id}`)).status, "pending");
    const page = await session("editor");
    if (editor === "block") {
      await blockEditor(page, `/wp-admin/post.php?post=${id}&action=edit`);
      await publishInBlockEditor(page, "publish");
    } else {
      await classicEditor(page, id);
      await publishInClassicEditor(page);
    }
    await page.goto("about:blank");
    assert.equal(await raw("editor", id), saved, "published as the Contributor wrote it");
  }
  const post = await wp.rest("admin", `/wp/v2/posts/${id}`);
  assert.equal(post.status, "publish");
  return { id, link: post.link };
}

/** A reader opens `link` at each width: one iframe, the plugin's, whose chart draws, fits, tips
 * and tabulates; embed-host.js once; the link itself gone from the text. */
async function readChart(link, src) {
  for (const width of WIDTHS) {
    const { context, page, g } = await read(e2e, link, width, [wp.origin, charts.origin], {
      ignoreHTTPSErrors: true,
    });
    try {
      assert.equal(await page.locator("iframe").count(), 1, "one iframe");
      const attrs = await page.$eval("iframe", (f) =>
        Object.fromEntries([...f.attributes].map((a) => [a.name, a.value])),
      );
      assert.deepEqual(
        { ...attrs, height: undefined, style: undefined },
        {
          class: "offence-chart",
          src,
          title: SPEC.title,
          width: "100%",
          height: undefined,
          loading: "lazy",
          referrerpolicy: "no-referrer",
          sandbox: "allow-scripts allow-same-origin",
          frameborder: "0",
          style: undefined,
        },
      );
      // The chart's tallest layout, from the chart host's oEmbed answer, until the script fits it.
      const answer = await (await fetch(`${plain.origin}/charts/${ID}/oembed.json`)).json();
      assert.equal(attrs.height, String(answer.height));
      const script = page.locator(`script[src="${charts.origin}/embed-host.js"]`);
      assert.equal(await script.count(), 1, "embed-host.js once");
      assert.equal(
        await script.evaluate((s) => !s.closest(".wp-site-blocks, head")),
        true,
        "in the footer",
      );
      const text = await page.$eval(".wp-block-post-content", (c) => c.textContent);
      assert.match(text, /Before the chart\./);
      assert.doesNotMatch(text, /https?:/, "the link is the chart now");
      const frame = await (await page.waitForSelector("iframe.offence-chart")).contentFrame();
      assert.deepEqual(await waitForCharts(frame, 1), ["ready"]);
      const [outer, inner] = await fitted(page, frame);
      assert.ok(Math.abs(outer - inner) <= 2, `iframe ${outer} px, chart ${inner} px`);
      await works(frame, SUMMARY);
      const [open, table] = await fitted(page, frame);
      assert.ok(Math.abs(open - table) <= 2, `with its table: ${open} px, ${table} px`);
      assert.ok(open > outer, "the iframe grows with the open table");
      await clean(g, { foreign: true, dialogs: true });
    } finally {
      await context.close();
    }
  }
}

describe("WordPress plugin", () => {
  test("an Administrator activates it and sets the chart host; the address is checked, the page is theirs alone, its form needs its nonce", async () => {
    const page = await session("admin");
    await page.goto(`${wp.origin}/wp-admin/plugins.php`);
    await page.getByRole("link", { name: "Activate Offence charts" }).click();
    await page.waitForSelector(`tr[data-slug="offence-charts"].active`);
    assert.match(
      await page.locator(".notice-warning").first().textContent(),
      /chart links stay links until the chart host is set/,
    );
    await page.locator(`tr[data-slug="offence-charts"] a`, { hasText: "Settings" }).click();
    await page.waitForURL(/options-general\.php\?page=offence-charts$/);
    const field = page.getByLabel("Chart host address");
    for (const bad of [
      "ftp://charts.example.org/",
      `${charts.origin}/oc`,
      `${charts.origin}/?q=/`,
      "javascript:alert(1)//",
      `https://user:pass@127.0.0.1/`,
      `${charts.origin}/../`,
    ]) {
      await field.fill(bad);
      await Promise.all([page.waitForURL(/settings-updated/), page.click("#submit")]);
      assert.match(
        await page.locator(".notice-error").textContent(),
        /must be an http:\/\/ or https:\/\/ address ending in \//,
        bad,
      );
      assert.equal(await field.inputValue(), "", `${bad}: nothing stored`);
    }
    await field.fill(`${charts.origin}/`);
    await Promise.all([page.waitForURL(/settings-updated/), page.click("#submit")]);
    assert.equal(await page.locator(".notice-error").count(), 0);
    assert.match(await page.locator(".notice-success").textContent(), /Settings saved/);
    assert.equal(await field.inputValue(), `${charts.origin}/`);
    assert.equal(await page.locator(".notice-warning").count(), 0);
    // Without the form's nonce, options.php refuses, and the option stays.
    const forged = await page.request.post(`${wp.origin}/wp-admin/options.php`, {
      form: {
        option_page: "offence_charts",
        action: "update",
        offence_charts_host: "https://evil.example/",
      },
    });
    assert.equal(forged.status(), 403);
    assert.equal(wp.php("echo get_option('offence_charts_host');"), `${charts.origin}/`);
    // An Editor has no such page.
    const editor = await session("editor");
    const denied = await editor.goto(
      `${wp.origin}/wp-admin/options-general.php?page=offence-charts`,
    );
    assert.equal(denied.status(), 403);
    assert.match(await editor.textContent("body"), /not allowed to access this page/);
  });

  for (const role of ROLES) {
    for (const editor of ["block", "classic"]) {
      const how = role === "contributor" ? "submits it, an Editor publishes it" : "publishes it";
      const shape = editor === "block" ? "page" : CLASSIC_LINK[role];
      test(`${NAMES[role]} puts the chart's link (${shape}) on its own line in the ${editor} editor and ${how}: a reader sees the chart at 1280 and 360 px`, async () => {
        const link = links()[shape];
        const post = await write(role, editor, link);
        await readChart(post.link, link[1]);
        posts[`${role} ${editor}`] = { ...post, pasted: link[0], src: link[1] };
      });
    }
  }

  test("the shortcode [offence-chart id version] draws the chart, pinned", async () => {
    const content = `<p>Before the chart.</p>\n\n[offence-chart id="${ID}" version="1"]`;
    const p = await wp.post("author", { title: "author shortcode", content });
    const src = `${charts.origin}/embed.html?id=${ID}&v=1`;
    await readChart(p.link, src);
    posts["author shortcode"] = { ...p, src };
  });

  test("in the feed, each chart is a link to its page, named by its title", async () => {
    const feed = await (await fetch(`${wp.origin}/?feed=rss2`)).text();
    assert.doesNotMatch(feed, /<iframe|embed-host/);
    const items = feed.split("<item>").slice(1);
    assert.equal(Object.keys(posts).length, 9);
    for (const [title, post] of Object.entries(posts)) {
      const item = items.find((i) => i.includes(`<title>${title}</title>`));
      assert.ok(item, `${title} in the feed`);
      // A pinned version's link is its embed page: the chart's page is always current.
      const page = post.src.endsWith("&v=1")
        ? `${charts.origin}/embed.html?id=${ID}&#038;v=1`
        : `${charts.origin}/charts/${ID}/`;
      assert.ok(item.includes(`<a href="${page}">${SPEC.title}</a>`), item);
    }
  });

  test("a Contributor's hostile links stay text or links: no iframe, no script, no markup injected", async () => {
    const at = `${charts.origin}/`;
    const long = "a".repeat(81);
    const hostile = [
      `http://evil.example/charts/${ID}/`,
      `${charts.origin}.evil.example/charts/${ID}/`,
      `https://evil.example@${charts.origin.slice(8)}/charts/${ID}/`,
      `${charts.origin.replace("https:", "http:")}/charts/${ID}/`,
      `javascript:alert(1)//${at}charts/${ID}/`,
      `${at}charts/${ID}/"onload="alert(1)`,
      `${at}embed.html?id=${ID}'onload='alert(2)`,
      `${at}charts/${ID}%22%20onload%3D%22alert(4)/`,
      `${at}embed.html?id=${ID}%22%3E%3Cscript%3Ealert(5)%3C/script%3E`,
      `${at}embed.html?id=${ID}"><script>alert(6)</script>`,
      `${at}charts/../${ID}/`,
      `${at}embed.html?id=../../${ID}`,
      `${at}charts/${ID}/../../x/`,
      `${at}charts/${long}/`,
      `${at}charts/Offence-Trend/`,
      `${at}charts/-x/`,
      `${at}embed.html?id=${ID}&v=0`,
      `${at}embed.html?id=${ID}&v=1&x=1`,
      `${at}embed.html?id=${ID}%26v%3D1`,
      `${at}embed.html?id=${ID}#"><svg onload=alert(7)>`,
      `${at}charts/${ID}/?v=1#x`,
    ];
    const shortcodes = [
      `[offence-chart id="${ID}&quot; onload=&quot;alert(8)"]`,
      `[offence-chart id="${ID}\\" onload=\\"alert(9)"]`,
      `[offence-chart id="../${ID}"]`,
      `[offence-chart id="${long}"]`,
      `[offence-chart id="${ID}" version="1 onload=alert(10)"]`,
      `[offence-chart id="${ID}" version="0"]`,
      `[offence-chart id="${ID}" version="-1"]`,
      `[offence-chart]`,
    ];
    const embedBlock = (url) =>
      `<!-- wp:embed {"url":${JSON.stringify(url)}} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n${url}\n</div></figure>\n<!-- /wp:embed -->`;
    const content = [
      ...hostile,
      ...shortcodes,
      ...hostile.slice(0, 6).map(embedBlock),
      `<p>${at}charts/${ID}/?v=1&amp;x=<b>1</b></p>`,
    ].join("\n\n");
    const p = await wp.post("contributor", { title: "hostile", content, status: "pending" });
    // What reached WordPress's renderer: kses took the tags, not the links' tricks.
    for (const kept of ["%22", "'onload='", "../", long, "Offence-Trend", "v=0", "evil.example@"])
      assert.ok(p.raw.includes(kept), `${kept} kept in the saved content`);
    // The control: the same plugin takes the chart's own link.
    const good = wp.php(`echo wp_json_encode(offence_charts_parse_link('${at}charts/${ID}/'));`);
    assert.deepEqual(JSON.parse(good), { id: ID, version: 0 });
    await wp.rest("editor", `/wp/v2/posts/${p.id}`, {
      method: "POST",
      body: { status: "publish" },
    });
    assert.equal(await raw("editor", p.id), p.raw, "published unchanged");
    const { context, page, g } = await read(e2e, p.link, 1280, [wp.origin], {
      ignoreHTTPSErrors: true,
    });
    try {
      const found = await page.evaluate(() => {
        const content = document.querySelector(".wp-block-post-content");
        const all = [...content.querySelectorAll("*")];
        return {
          iframes: document.querySelectorAll("iframe").length,
          tags: [...new Set(all.map((e) => e.tagName.toLowerCase()))].sort(),
          handlers: all.flatMap((e) =>
            [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
          ),
          hrefs: [...content.querySelectorAll("a")].map((a) => a.getAttribute("href")),
          hostScript: document.querySelectorAll('script[src*="embed-host"]').length,
          text: content.textContent,
        };
      });
      assert.equal(found.iframes, 0, "no iframe");
      assert.equal(found.hostScript, 0, "no embed-host.js");
      assert.deepEqual(found.handlers, [], "no event handler attributes");
      for (const tag of found.tags) assert.match(tag, /^(p|a|b|br|figure|div)$/, `<${tag}>`);
      for (const href of found.hrefs)
        assert.match(href, /^https?:\/\/[^"'<>\s]+$/, `a plain link: ${href}`);
      assert.deepEqual(
        found.hrefs.filter((h) => /^javascript:/i.test(h)),
        [],
      );
      for (const shown of hostile.filter((h) => /^[\w:/.@%-]+$/.test(h)))
        assert.ok(found.text.includes(shown), `${shown} shown as it was written`);
      await clean(g, { foreign: true, dialogs: true });
    } finally {
      await context.close();
    }
  });

  test("deleting the plugin (Plugins > Delete) removes its option and its cache: a chart link is its address again", async () => {
    const count = () =>
      wp.php(
        "global $wpdb; echo $wpdb->get_var(\"SELECT COUNT(*) FROM $wpdb->options WHERE option_name LIKE '%offence_charts%'\");",
      );
    assert.ok(Number(count()) >= 3, "the option and the charts' cached titles and heights");
    const page = await session("admin");
    await page.goto(`${wp.origin}/wp-admin/plugins.php`);
    await page.getByRole("link", { name: "Deactivate Offence charts" }).click();
    await page.waitForSelector(`tr[data-slug="offence-charts"].inactive`);
    page.once("dialog", (d) => d.accept());
    await page.getByRole("link", { name: "Delete Offence charts" }).click();
    await page.waitForSelector(`tr.plugin-deleted-tr`, { timeout: 15000 });
    assert.match(
      await page.textContent("tr.plugin-deleted-tr"),
      /Offence charts was successfully deleted/,
    );
    assert.equal(wp.php("echo get_option('offence_charts_host', 'none');"), "none");
    assert.equal(count(), "0");
    const post = posts["contributor block"] ?? Object.values(posts)[0];
    const { context, page: reader } = await read(e2e, post.link, 1280, [wp.origin]);
    try {
      assert.equal(await reader.locator("iframe").count(), 0);
      // WordPress's autoembed leaves a link it cannot embed as it was written.
      const text = await reader.$eval(".wp-block-post-content", (c) => c.textContent);
      assert.ok(text.includes(post.pasted), text);
    } finally {
      await context.close();
    }
  });

  test("PHP logged no warning or notice from the plugin", () => {
    const log = wp.log("php-error.log");
    assert.deepEqual(
      log.split("\n").filter((l) => /offence-charts|offence_charts/.test(l)),
      [],
    );
  });
});
