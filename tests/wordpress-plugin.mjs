// The WordPress plugin's PHP without WordPress (wordpress-plugin/offence-charts): every PHP file of
// the plugin and of the WordPress test site passes `php -l`; the plugin's header is what WordPress
// and its directory read; each file refuses to run outside WordPress; and its address checks (run
// by PHP itself, tests/wordpress-plugin/links.php) take exactly the chart links of the configured
// host and the chart host addresses they should, and nothing else. The plugin in WordPress is
// tests/e2e/wordpress-plugin.test.mjs.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PLUGIN = join(ROOT, "wordpress-plugin/offence-charts");

/** The PHP files under `dir`, recursively. */
function phpFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".php"))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

function php(args, input) {
  const r = spawnSync("php", args, { input, encoding: "utf8", timeout: 30_000 });
  if (r.error) throw new Error(`php: ${r.error.message} (scripts/setup.sh installs php-cli)`);
  return r;
}

test("every PHP file of the plugin and of the WordPress test site passes php -l", () => {
  const files = [
    ...phpFiles(PLUGIN),
    ...phpFiles(join(ROOT, "tests/e2e/wordpress")),
    ...phpFiles(join(ROOT, "tests/wordpress-plugin")),
  ];
  assert.ok(files.length >= 10, `${files.length} files`);
  for (const file of files) {
    const r = php(["-l", file]);
    assert.equal(r.status, 0, `${relative(ROOT, file)}: ${r.stdout}${r.stderr}`);
  }
});

test("the plugin's header: its name, licence (GPL-2.0-or-later), text domain and requirements", () => {
  const main = readFileSync(join(PLUGIN, "offence-charts.php"), "utf8");
  const header = Object.fromEntries(
    [...main.matchAll(/^ \* ([A-Z][A-Za-z ]+):\s+(.+)$/gm)].map((m) => [m[1], m[2].trim()]),
  );
  assert.equal(header["Plugin Name"], "Offence charts");
  assert.equal(header.License, "GPL-2.0-or-later");
  assert.equal(header["License URI"], "https://www.gnu.org/licenses/gpl-2.0.html");
  assert.equal(header["Text Domain"], "offence-charts");
  assert.match(header.Version, /^\d+\.\d+\.\d+$/);
  assert.match(header["Requires at least"], /^\d+\.\d+$/);
  assert.match(header["Requires PHP"], /^\d+\.\d+$/);
  assert.match(
    readFileSync(join(PLUGIN, "LICENSE"), "utf8"),
    /GNU GENERAL PUBLIC LICENSE\s+Version 2/,
  );
  // Every file refuses to run outside WordPress; uninstall.php outside an uninstall.
  for (const file of phpFiles(PLUGIN)) {
    const guard = file.endsWith("uninstall.php") ? "WP_UNINSTALL_PLUGIN" : "ABSPATH";
    assert.match(
      readFileSync(file, "utf8"),
      new RegExp(`^defined\\( '${guard}' \\) \\|\\| exit;$`, "m"),
      relative(ROOT, file),
    );
    const r = php([file]);
    assert.equal(r.stdout, "", `${relative(ROOT, file)} run on its own prints nothing`);
  }
  // Each string is translated in the plugin's own text domain.
  for (const file of phpFiles(PLUGIN)) {
    for (const m of readFileSync(file, "utf8").matchAll(
      /\b(?:__|esc_html__|esc_attr__)\(\s*'(?:[^'\\]|\\.)*',\s*'([^']*)'/g,
    ))
      assert.equal(m[1], "offence-charts", `${relative(ROOT, file)}: ${m[0]}`);
  }
});

const HOST = "https://charts.example.org/oc/";
const ID = "offence-trend";
const chart = (id, version = 0) => ({ id, version });

/** What the plugin's PHP makes of `links`, `hosts` and `charts` with HOST set. */
function check({ links = [], hosts = [], charts = [] }) {
  const r = php(
    [join(ROOT, "tests/wordpress-plugin/links.php")],
    JSON.stringify({ host: HOST, links, hosts, charts }),
  );
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.equal(r.stderr, "");
  return JSON.parse(r.stdout);
}

test("a chart link on the chart host: its page (two shapes) and its embed page, pinned or not, as WordPress stores them", () => {
  const cases = [
    [`${HOST}charts/${ID}/`, chart(ID)],
    [`${HOST}charts/${ID}/index.html`, chart(ID)],
    [`${HOST}embed.html?id=${ID}`, chart(ID)],
    [`${HOST}embed.html?id=${ID}&v=2`, chart(ID, 2)],
    [`${HOST}embed.html?id=${ID}&amp;v=2`, chart(ID, 2)],
    [`${HOST}embed.html?id=${ID}&#038;v=2`, chart(ID, 2)],
    [`${HOST}embed.html?id=${ID}&v=999999999`, chart(ID, 999999999)],
    [`${HOST}charts/a/`, chart("a")],
    [`${HOST}charts/0-9-/`, chart("0-9-")],
    [`${HOST}charts/${"a".repeat(80)}/`, chart("a".repeat(80))],
    [` ${HOST}charts/${ID}/\n`, chart(ID)],
  ];
  const { links } = check({ links: cases.map((c) => c[0]) });
  for (const [i, [link, want]] of cases.entries()) assert.deepEqual(links[i], want, link);
});

test("anything else is not a chart link: other hosts, schemes, IDs that are not slugs, bad versions, more in the address, tricks", () => {
  const bad = [
    `https://evil.example/oc/charts/${ID}/`,
    `http://charts.example.org/oc/charts/${ID}/`,
    `https://charts.example.org/charts/${ID}/`,
    `https://charts.example.org/ocx/charts/${ID}/`,
    `https://charts.example.org.evil.example/oc/charts/${ID}/`,
    `https://evil.example@charts.example.org/oc/charts/${ID}/`,
    `https://charts.example.org:443/oc/charts/${ID}/`,
    `//charts.example.org/oc/charts/${ID}/`,
    `javascript:alert(1)//${HOST}charts/${ID}/`,
    `data:text/html,${HOST}charts/${ID}/`,
    `${HOST}../oc/charts/${ID}/`,
    `${HOST}charts/../${ID}/`,
    `${HOST}charts/${ID}/../x/`,
    `${HOST}embed.html?id=../${ID}`,
    `${HOST}charts/Offence-Trend/`,
    `${HOST}charts/-x/`,
    `${HOST}charts/x_y/`,
    `${HOST}charts/x.y/`,
    `${HOST}charts/x/y/`,
    `${HOST}charts/ö/`,
    `${HOST}charts//`,
    `${HOST}charts/${"a".repeat(81)}/`,
    `${HOST}charts/${ID}%2F/`,
    `${HOST}charts/${ID}%22/`,
    `${HOST}charts/${ID}"onload="alert(1)/`,
    `${HOST}embed.html?id=${ID}'onload='alert(1)`,
    `${HOST}embed.html?id=${ID}"><script>alert(1)</script>`,
    `${HOST}embed.html?id=${ID}%22%3E`,
    `${HOST}embed.html?id=${ID}%26v%3D1`,
    `${HOST}embed.html?id=${ID}&v=0`,
    `${HOST}embed.html?id=${ID}&v=01`,
    `${HOST}embed.html?id=${ID}&v=-1`,
    `${HOST}embed.html?id=${ID}&v=1e3`,
    `${HOST}embed.html?id=${ID}&v=1000000000`,
    `${HOST}embed.html?id=${ID}&v=1&x=1`,
    `${HOST}embed.html?v=1&id=${ID}`,
    `${HOST}embed.html?id=${ID}#x`,
    `${HOST}embed.html?id=${ID}&amp;amp;v=1`,
    `${HOST}embed.html?id=${ID}\nx`,
    `${HOST}charts/${ID}/\n${HOST}charts/x/`,
    `${HOST}charts/${ID}/?v=1#x`,
    `${HOST}charts/${ID}/?v=3`,
    `${HOST}charts/${ID}/index.html?v=12`,
    `${HOST}charts/${ID}/?x=1`,
    `${HOST}charts/${ID}`,
    `${HOST}charts/${ID}/index.htm`,
    `${HOST}EMBED.html?id=${ID}`,
    `${HOST}embed.html?id=${ID}${"a".repeat(400)}`,
    "",
  ];
  const { links } = check({ links: [...bad, 42, null, ["x"]] });
  for (const [i, got] of links.entries())
    assert.equal(got, null, JSON.stringify(bad[i] ?? "not a string"));
});

test("the chart host's address: http(s), ending in /, no user, query or fragment; stored lower-cased and trimmed", () => {
  const good = [
    [HOST, HOST],
    ["HTTPS://Charts.Example.ORG/oc/", HOST],
    [" http://127.0.0.1:8080/ ", "http://127.0.0.1:8080/"],
    ["http://[::1]:8080/", "http://[::1]:8080/"],
    ["https://charts.example.org/", "https://charts.example.org/"],
    ["https://charts.example.org/a/b-c/d_e.f~/", "https://charts.example.org/a/b-c/d_e.f~/"],
  ];
  const bad = [
    "ftp://charts.example.org/",
    "https://charts.example.org",
    "https://charts.example.org/oc",
    "https://charts.example.org/?a=/",
    "https://charts.example.org/#/",
    "https://u:p@charts.example.org/",
    "https://charts.example.org/../",
    "https://charts.example.org/./",
    "https://charts.example.org/a b/",
    "https://charts.example.org/%2e%2e/",
    "https://charts.example.org/a//",
    "https://-charts.example.org/",
    "https://charts..example.org/",
    "https://charts.example.org:0/",
    "https://charts.example.org:65536/",
    'https://charts.example.org/"onload="/',
    "javascript:alert(1)//",
    "//charts.example.org/",
    "https:///",
    `https://charts.example.org/${"a/".repeat(200)}`,
    "",
  ];
  const { hosts } = check({ hosts: [...good.map((g) => g[0]), ...bad, null, 42] });
  for (const [i, [host, want]] of good.entries()) assert.equal(hosts[i], want, host);
  for (const [i, got] of hosts.slice(good.length).entries()) assert.equal(got, "", String(bad[i]));
});

test("the shortcode's id and version", () => {
  const cases = [
    [[ID, ""], chart(ID)],
    [[ID, "7"], chart(ID, 7)],
    [[ID, 0], chart(ID)],
    [[ID, 3], chart(ID, 3)],
    [[ID, "0"], null],
    [[ID, "07"], null],
    [[ID, "1 "], null],
    [[ID, "1 onload=x"], null],
    [[ID, null], null],
    [["Offence-Trend", ""], null],
    [[`${ID}" onload="x`, ""], null],
    [["../x", ""], null],
    [["", ""], null],
    [[null, ""], null],
  ];
  const { charts } = check({ charts: cases.map((c) => c[0]) });
  for (const [i, [args, want]] of cases.entries())
    assert.deepEqual(charts[i], want, JSON.stringify(args));
});
