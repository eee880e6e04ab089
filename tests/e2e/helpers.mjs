// Shared plumbing for the end-to-end tests. Every test file sets itself up with `fixture()`: one
// headless Chromium per file (launched with CHROMIUM_ARGS, which the benchmark uses too), the
// project's own static server (scripts/serve.mjs, strict CSP) or the chart server on free ports,
// fixture folders that combine dist/ with test pages, all closed or removed after the file's tests;
// fresh browser contexts under a guard that records console/page errors, CSP violations and every
// request, and `clean()`, the one clean-console check. Also in-page canvas pixel analysis, and the
// published-chart command's helpers.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// OC_E2E_DIST runs the suite against another build (e.g. a deliberately broken copy).
export const DIST = process.env.OC_E2E_DIST || join(ROOT, "dist");
// The same site built with the test hooks (OC_FEATURES=test-hooks OC_OUT=dist-hooks
// scripts/dist.sh):
// only the tests that make the WebAssembly trap use it.
export const DIST_HOOKS = process.env.OC_E2E_DIST_HOOKS || join(ROOT, "dist-hooks");

export const LIGHT = {
  background: [255, 255, 255],
  series0: [29, 90, 140],
  text: [26, 26, 26],
  muted: [92, 92, 92],
};
export const DARK = {
  background: [22, 24, 27],
  series0: [110, 176, 236],
  text: [238, 238, 238],
  muted: [176, 180, 186],
};

/** Fails early, with the fix, when dist/ has not been built. */
export function requireDist() {
  if (
    !existsSync(join(DIST, "index.html")) ||
    !readdirSync(DIST).some((f) => f.endsWith(".wasm"))
  ) {
    throw new Error("dist/ is missing or incomplete: run scripts/dist.sh (or make test-e2e) first");
  }
}

/** Chromium's flags for every run here, the benchmark's too (bench/run.mjs adds one): no sandbox
 * (root in a container), no network or updates of its own, no GPU. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
];

/** Launches headless Chromium (Debian's, or $CHROMIUM) with CHROMIUM_ARGS and `extraArgs`. */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * The set-up of an end-to-end file: call it once, at the file's top level. Before the file's tests
 * it runs `requires` (by default the check that dist/ is built) and launches one Chromium
 * (`browser`); after them it closes the browser (and so every context), every server it started
 * and removes every folder it made.
 *
 *   const e2e = fixture();
 *   let srv;
 *   before(async () => {
 *     srv = await e2e.serve(DIST);
 *   });
 *   test("…", async () => {
 *     const { context, page, g } = await e2e.open(srv.url("/"), { viewport });
 *     try {
 *       …
 *       await clean(g, { page, foreign: true });
 *     } finally {
 *       await context.close();
 *     }
 *   });
 */
export function fixture({ requires = [requireDist] } = {}) {
  const done = []; // what to close or remove after the file's tests
  // Node 20 runs a file's top-level before hooks at once, not one after the other: the file's own
  // may open a context while Chromium is still starting, so context() waits for it.
  let launching = null;
  const e2e = {
    browser: null,
    /** Serves `dir` as startServer does (`options` as serve()'s). */
    async serve(dir, options) {
      const server = await startServer(dir, options);
      done.push(() => server.close());
      return server;
    },
    /** `offence-charts serve`, as startChartServer starts it. */
    async chartServer(options) {
      const server = await startChartServer(options);
      done.push(() => server.close());
      return server;
    },
    /** A fixture folder, as fixtureDir makes it; returns its path. */
    folder(files, options) {
      const dir = fixtureDir(files, options);
      done.push(() => removeDir(dir));
      return dir;
    },
    /** A fresh context (`contextOptions`) under a guard (requests `allowed` to those origins;
     * `guardOptions` as guard()'s) and a page in it, not yet anywhere: {context, page, g}. */
    async context(contextOptions = {}, allowed = [], guardOptions = {}) {
      if (!launching) throw new Error("fixture: a context is opened in its hooks and tests only");
      const context = await (await launching).newContext(contextOptions);
      const g = await guard(context, allowed, guardOptions);
      const page = await context.newPage();
      return { context, page, g };
    },
    /** The same, with `url` opened in the page; requests are allowed to its origin unless
     * `allowed` says otherwise. */
    async open(url, contextOptions = {}, allowed = [new URL(url).origin], guardOptions = {}) {
      const opened = await e2e.context(contextOptions, allowed, guardOptions);
      await opened.page.goto(url);
      return opened;
    },
  };
  before(async () => {
    launching = (async () => {
      for (const check of requires) check();
      return launch();
    })();
    e2e.browser = await launching;
  });
  after(async () => {
    await e2e.browser?.close();
    for (const close of done.reverse()) await close();
  });
  return e2e;
}

/**
 * The clean-console check of what guard `g` recorded: no uncaught page error and no console error;
 * with `page`, no CSP violation in it; with `foreign`, no request outside the guard's origins;
 * with `dialogs`, no dialog.
 */
export async function clean(g, { page, foreign = false, dialogs = false } = {}) {
  assert.deepEqual(g.pageErrors, [], "uncaught page errors");
  assert.deepEqual(g.console, [], "console errors");
  if (dialogs) assert.deepEqual(g.dialogs, [], "dialogs");
  if (page) assert.deepEqual(await g.violations(page), [], "CSP violations");
  if (foreign) assert.deepEqual(g.foreign(), [], "requests outside the allowed origins");
}

/** Serves `dir` on 127.0.0.1 at a free port with scripts/serve.mjs; `opts` as serve()'s. */
export async function startServer(dir, opts) {
  const server = await serve(dir, 0, opts);
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    server,
    origin,
    url: (path = "/") => origin + path,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/** A temp folder holding a copy of dist/ (or `from`) plus `files` ({name: text}); returns its
 * path. */
export function fixtureDir(files = {}, { withDist = true, from = DIST } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "oc-e2e-"));
  if (withDist) cpSync(from, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export function removeDir(dir) {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** A minimal HTML page (no inline script or style: the server's CSP forbids both). */
export function page({ title = "fixture", head = "", body = "" }) {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

/** `<script type="application/json" data-offence-chart…>` for a chart name or a spec. */
export function specScript(spec, { theme } = {}) {
  const t = theme ? ` data-theme="${theme}"` : "";
  if (typeof spec === "string" && !spec.trim().startsWith("{")) {
    return `<script type="application/json" data-offence-chart="${spec}"${t}></script>`;
  }
  const text = typeof spec === "string" ? spec : JSON.stringify(spec);
  // "</" would end the script element early; JSON allows "<\/".
  const escaped = text.replace(/<\//g, "<\\/");
  return `<script type="application/json" data-offence-chart${t}>${escaped}</script>`;
}

/** A small valid trend spec. */
export function trendSpec(overrides = {}) {
  return {
    version: 1,
    kind: "trend",
    title: "Test trend",
    unit: "offences",
    sources: [{ name: "Test source" }],
    periods: [{ label: "2018" }, { label: "2019" }, { label: "2020" }],
    series: [{ name: "Recorded", values: [100, 150, 120] }],
    ...overrides,
  };
}

/** The chart the published-chart tests publish as `id`: version 1, its correction (the second
 * figure 1,537 → 1,573) and the correction's note. */
export const PUBLISHED = (() => {
  const v1 = trendSpec({
    title: "Online child sexual abuse offences recorded in Scotland",
    periods: [{ label: "2018/19" }, { label: "2019/20" }],
    series: [{ name: "Recorded offences", values: [1420, 1537] }],
  });
  const v2 = { ...v1, series: [{ name: "Recorded offences", values: [1420, 1573] }] };
  return { id: "online-abuse", v1, v2, note: "The 2019-20 figure was 1,573, not 1,537" };
})();

const STATUS_404 = (m) =>
  /^Failed to load resource: .* 404\b/.test(m.text()) && /\/api\/status$/.test(m.location().url);

/**
 * Records what a page does: console errors and warnings, uncaught page errors, dialogs, CSP
 * violations and offence-charts:drawn events seen at the document (via an init script), and every
 * request of the context. `allowed` lists the origins requests may go to; `foreign()` gives the
 * others. A console message `ignore` (a function of Playwright's ConsoleMessage) returns true for
 * is not recorded.
 */
export async function guard(context, allowed, { ignore = () => false } = {}) {
  const g = { console: [], warnings: [], pageErrors: [], dialogs: [], requests: [] };
  await context.addInitScript(() => {
    window.__ocDrawn = [];
    document.addEventListener("offence-charts:drawn", (e) => {
      const t = e.target;
      window.__ocDrawn.push({
        tag: t.tagName,
        cls: t.className,
        state: t.dataset.ocState,
        bubbles: e.bubbles,
        label: t.querySelector("canvas")?.getAttribute("aria-label"),
      });
    });
    window.__ocViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__ocViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  context.on("request", (r) => g.requests.push(r.url()));
  const watchPage = (p) => {
    p.on("console", (m) => {
      // The builder asks the chart server whether it publishes (GET api/status); a static host
      // answers 404, which the browser reports, and the builder says publishing needs the server.
      if ((m.type() === "error" && STATUS_404(m)) || ignore(m)) return;
      if (m.type() === "error") g.console.push(m.text());
      if (m.type() === "warning") g.warnings.push(m.text());
    });
    p.on("pageerror", (e) => g.pageErrors.push(e.message));
    p.on("dialog", (d) => {
      g.dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
  };
  context.on("page", watchPage);
  for (const p of context.pages()) watchPage(p);
  g.foreign = () =>
    g.requests.filter((u) => {
      if (u.startsWith("data:") || u.startsWith("blob:")) return false;
      try {
        return !allowed.includes(new URL(u).origin);
      } catch {
        return true;
      }
    });
  g.count = (re) => g.requests.filter((u) => re.test(new URL(u).pathname)).length;
  g.violations = async (p) => p.evaluate(() => window.__ocViolations || []);
  g.drawn = async (p) => p.evaluate(() => window.__ocDrawn || []);
  return g;
}

/** Scrolls `page` to the bottom in viewport steps (so lazy charts mount), then back to the top. */
export async function scrollThrough(page, { back = true } = {}) {
  for (let i = 0; i < 200; i++) {
    const done = await page.evaluate(async () => {
      const before = scrollY;
      scrollBy(0, innerHeight * 0.8);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return scrollY === before;
    });
    if (done) break;
  }
  if (back) await page.evaluate(() => scrollTo(0, 0));
}

/** Waits until `n` chart figures have a final state (ready or error); returns their states. */
export async function waitForCharts(page, n, timeout = 10000) {
  await page.waitForFunction(
    (n) => document.querySelectorAll("figure.oc-chart[data-oc-state]").length >= n,
    n,
    { timeout, polling: 50 },
  );
  return page.evaluate(() =>
    [...document.querySelectorAll("figure.oc-chart")].map((f) => f.dataset.ocState),
  );
}

export function nextFrames(page, n = 2) {
  return page.evaluate(
    (n) =>
      new Promise((ok) => {
        const step = (k) => (k === 0 ? ok() : requestAnimationFrame(() => step(k - 1)));
        step(n);
      }),
    n,
  );
}

/**
 * Reads the canvas matched by `selector` (the `index`th) with getImageData in the page and
 * summarises it: backing and CSS size, the pixel ratio, the colour at (2,2), runs of columns
 * holding colour `rgb` (bars) with their top and bottom rows, and the highest-contrast pixel in the
 * top `topRows` CSS px against the background.
 */
export function analyseCanvas(
  pageOrFrame,
  selector,
  { rgb, index = 0, tolerance = 3, topRows = 24 } = {},
) {
  return pageOrFrame.evaluate(
    ({ selector, rgb, index, tolerance, topRows }) => {
      const canvas = document.querySelectorAll(selector)[index];
      if (!canvas) return null;
      const { width, height } = canvas;
      const rect = canvas.getBoundingClientRect();
      const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
      const at = (x, y) => {
        const i = (y * width + x) * 4;
        return [data[i], data[i + 1], data[i + 2], data[i + 3]];
      };
      const background = at(2, 2);
      const result = {
        width,
        height,
        cssWidth: rect.width,
        cssHeight: rect.height,
        dpr: devicePixelRatio,
        background,
        runs: [],
      };
      if (rgb) {
        const near = (i) =>
          Math.abs(data[i] - rgb[0]) <= tolerance &&
          Math.abs(data[i + 1] - rgb[1]) <= tolerance &&
          Math.abs(data[i + 2] - rgb[2]) <= tolerance &&
          data[i + 3] === 255;
        const minCount = Math.max(4, Math.round(10 * devicePixelRatio));
        let run = null;
        let total = 0;
        for (let x = 0; x < width; x++) {
          let count = 0;
          let top = -1;
          let bottom = -1;
          for (let y = 0; y < height; y++) {
            if (near((y * width + x) * 4)) {
              count++;
              if (top < 0) top = y;
              bottom = y;
            }
          }
          total += count;
          if (count >= minCount) {
            if (!run) run = { x0: x, x1: x, top, bottom, count };
            else {
              run.x1 = x;
              run.top = Math.min(run.top, top);
              run.bottom = Math.max(run.bottom, bottom);
              run.count = Math.max(run.count, count);
            }
          } else if (run) {
            result.runs.push(run);
            run = null;
          }
        }
        if (run) result.runs.push(run);
        for (const r of result.runs) r.height = r.bottom - r.top + 1;
        result.colourPixels = total;
      }
      // WCAG relative luminance and the pixel in the title band that contrasts most with the
      // background.
      const lum = ([r, g, b]) => {
        const c = (v) =>
          v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4;
        return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
      };
      const contrast = (a, b) => {
        const [x, y] = [lum(a), lum(b)];
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
      };
      let best = { ratio: 1, pixel: background, inked: 0 };
      const rows = Math.min(height, Math.round(topRows * devicePixelRatio));
      for (let y = 0; y < rows; y++) {
        for (let x = 0; x < width; x++) {
          const p = at(x, y);
          if (p[0] !== background[0] || p[1] !== background[1] || p[2] !== background[2])
            best.inked++;
          const ratio = contrast(p, background);
          if (ratio > best.ratio) best = { ...best, ratio, pixel: p };
        }
      }
      result.title = best;
      return result;
    },
    { selector, rgb, index, tolerance, topRows },
  );
}

export const sameRgb = (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** Opens `path` (the article by default) of server `srv` in a fresh context of fixture `e2e`,
 * scrolls it through so every chart mounts, and waits for `charts` of them; returns the context,
 * page, guard record and chart states. */
export async function openAndMount(e2e, srv, contextOptions, { path = "/", charts = 2 } = {}) {
  const { context, page, g } = await e2e.open(srv.url(path), contextOptions);
  await scrollThrough(page);
  const states = await waitForCharts(page, charts);
  return { context, page, g, states };
}

// Published charts (issue 20): the native command `offence-charts` (cargo build --bin
// offence-charts) publishes versions into a store folder and serves dist/ and the store.
export const OC_BIN = process.env.OC_BIN || join(ROOT, "target/debug/offence-charts");

/** Fails early, with the fix, when the command has not been built. */
export function requireCli() {
  if (!existsSync(OC_BIN)) {
    throw new Error(`${OC_BIN} is missing: run cargo build --bin offence-charts first`);
  }
}

/** Runs `offence-charts ARGS…`; resolves to {status, stdout, stderr}. */
export function oc(...args) {
  const r = spawnSync(OC_BIN, args, { encoding: "utf8", timeout: 30_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Publishes `spec` as the next version of chart `id` in `store` with the command (`note`, `by`
 * if given); returns its output, or throws with it if the command refuses. */
export function publishSpec(store, id, spec, { note, by } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "oc-spec-"));
  try {
    const file = join(dir, "spec.json");
    writeFileSync(file, JSON.stringify(spec));
    const args = ["publish", file, "--id", id, "--store", store];
    if (note !== undefined) args.push("--note", note);
    if (by !== undefined) args.push("--by", by);
    const r = oc(...args);
    if (r.status !== 0) throw new Error(`publish refused (${r.status}): ${r.stderr}${r.stdout}`);
    return r.stdout;
  } finally {
    removeDir(dir);
  }
}

/** A record of chart `id` in `store` as the command wrote it ("current", or a version). */
export function storedRecord(store, id, version = "current") {
  return JSON.parse(readFileSync(join(store, id, `${version}.json`), "utf8"));
}

/** A credentials file in `dir` with one publisher, `name`; returns {file, token}. */
export function addCredential(dir, name = "Ann Editor") {
  const file = join(dir, "credentials");
  const r = oc("credential", "add", name, "--file", file);
  if (r.status !== 0) throw new Error(`credential add failed: ${r.stderr}`);
  return { file, token: r.stdout.trim().split(/\s+/)[0] };
}

/** Starts `offence-charts serve` for `dist` and `store` on a free port (publishing on with
 * `credentials`); resolves to {origin, url(path), close()} once it listens. */
export function startChartServer({ dist = DIST, store, credentials } = {}) {
  const args = ["serve", "--dist", dist, "--store", store, "--port", "0"];
  if (credentials) args.push("--credentials", credentials);
  const child = spawn(OC_BIN, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  let origin = "";
  return new Promise((ok, fail) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill();
      fail(new Error(`offence-charts serve did not start: ${stderr}`));
    }, 15_000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const why = new Error(`offence-charts serve exited (${code ?? signal}): ${stderr}`);
      if (origin) console.error(why.message); // after it started: said, for the failing test
      fail(why);
    });
    child.stdout.on("data", (d) => {
      out += d;
      const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)\/\n/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      origin = m[1];
      ok({
        origin,
        url: (path = "/") => origin + path,
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done(); // gone
            child.removeAllListeners("exit");
            child.on("exit", () => done());
            child.kill();
          }),
      });
    });
  });
}
