// What statistics tables say besides numbers (issue 22), as a reader gets it in Chromium: a
// missing figure leaves no bar (and no line across it), a provisional one is drawn hollow, a break
// in series is a dashed rule, read back from the canvas's pixels in the light, dark and forced
// colours at DPR 1 and 2; the keyboard steps every period (a 53-year and a 120-month series too)
// and the tooltip and live region say "Figure suppressed", "Figure provisional", "Break in series:
// …"; the canvas's text alternative and the data table carry the key lines; a printed page shows
// the hollow bar (or the line's gap, break and ring) and the key lines; with no program the plain
// table says "n/a (suppressed)"; long series thin their period labels without overlaps at 360 and
// 1280 px; axe finds nothing.
//
// Every spec here is SYNTHETIC: invented labels and figures to exercise the format, not published
// statistics.
//
// Positions are never hard-coded: bars and lines are found by scanning the pixels for the series
// colour, and period labels (with their widths) by recording the canvas's fillText calls.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import {
  clean,
  DARK,
  fixture,
  page as html,
  LIGHT,
  requireDist,
  specScript,
  waitForCharts,
} from "./helpers.mjs";
import { barMarks, onCanvas } from "./pixels.mjs";

const LOADER = '<script type="module" src="offence-charts.js"></script>';
const BREAK_2022 = "Counting rules changed in April 2022";
const BREAK_2013 = "Counting rules changed in April 2013";
const BREAK_2019 = "New recording system from January 2019";

const base = {
  version: 1,
  kind: "trend",
  title: "Crimes recorded (synthetic test figures)",
  unit: "crimes",
  sources: [{ name: "Test statistics office", file: "tables.xlsx", table: "Table 1: Crimes" }],
};
/** Five years: 2021-22 suppressed, a break before 2022-23, 2023-24 provisional (`mark`). */
const five = (mark, values = [100, 110, { missing: "suppressed" }, 120, PROVISIONAL_130]) => ({
  ...base,
  mark,
  periods: [
    { label: "2019-20" },
    { label: "2020-21" },
    { label: "2021-22" },
    { label: "2022-23", break: BREAK_2022 },
    { label: "2023-24" },
  ],
  series: [{ name: "Crimes", values }],
});
const PROVISIONAL_130 = { value: 130, status: "provisional", cell: "Table 1!F5" };
const BAR = five("bar");
const LINE = five("line");
/** The control: the same table with nothing missing, provisional or broken. Every detector below
 * must find nothing on it, so each can fail. */
const PLAIN_BAR = {
  ...five("bar", [100, 110, 115, 120, 130]),
  periods: five("bar").periods.map(({ label }) => ({ label })),
};
const PLAIN_LINE = { ...PLAIN_BAR, mark: "line" };
/** The fallback's figures: a bare null (not available) too. */
const FALLBACK = five("bar", [100, null, { missing: "suppressed" }, 120, PROVISIONAL_130]);

const YEARS = Array.from({ length: 53 }, (_, i) => 1971 + i);
const YEAR_GAPS = { 1980: null, 1995: { missing: "suppressed" }, 1996: { missing: "suppressed" } };
/** 1971 … 2023: 1980 not available, 1995-96 suppressed, a break before 2013, 2022-23 provisional. */
const LONG = {
  ...base,
  title: "Crimes recorded, 1971 to 2023 (synthetic)",
  mark: "line",
  periods: YEARS.map((y) => ({ label: `${y}`, ...(y === 2013 ? { break: BREAK_2013 } : {}) })),
  series: [
    {
      name: "Crimes",
      values: YEARS.map((y, i) => {
        if (y in YEAR_GAPS) return YEAR_GAPS[y];
        const v = 300000 + Math.round(100000 * Math.sin(i / 6));
        return y >= 2022 ? { value: v, status: "provisional" } : v;
      }),
    },
  ],
};
const MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_LABELS = Array.from(
  { length: 120 },
  (_, i) => `${MON[i % 12]} ${2014 + Math.floor(i / 12)}`,
);
/** 120 months from Jan 2014: Jul–Aug 2016 not available, a break before Jan 2019, the last three
 * provisional. */
const MONTHS = {
  ...base,
  title: "Crimes recorded by month (synthetic)",
  mark: "line",
  periods: MONTH_LABELS.map((label, i) => ({ label, ...(i === 60 ? { break: BREAK_2019 } : {}) })),
  series: [
    {
      name: "Crimes",
      values: MONTH_LABELS.map((_, i) => {
        if (i === 30 || i === 31) return null;
        const v = 25000 + Math.round(3000 * Math.sin(i / 3));
        return i >= 117 ? { value: v, status: "provisional" } : v;
      }),
    },
  ],
};

const KEY = {
  hollow: "Hollow marks: figures provisional.",
  suppressed: "n/a: figure suppressed.",
  break: `Break in series before 2022-23 (dashed line): ${BREAK_2022}.`,
};

const chartPage = (spec, body = "") =>
  html({
    title: "a chart with gaps",
    head: LOADER,
    body: `<main><p><a href="#end">Before the chart</a></p>${body}${specScript(spec)}<p id="end">After</p></main>`,
  });
const PAGES = {
  "bar.html": chartPage(BAR),
  "line.html": chartPage(LINE),
  "plain-bar.html": chartPage(PLAIN_BAR),
  "plain-line.html": chartPage(PLAIN_LINE),
  "long.html": chartPage(LONG),
  "months.html": chartPage(MONTHS),
  "fallback.html": chartPage(FALLBACK),
};

// poppler-utils reads the printed PDF.
const poppler = () => execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
const e2e = fixture({ requires: [requireDist, poppler] });
let srv;
let tmp;
before(async () => {
  tmp = e2e.folder({}, { withDist: false });
  srv = await e2e.serve(e2e.folder(PAGES));
});

/** Records, per canvas, the text of its latest drawing: each fillText with its position and
 * measured width (backing px). A drawing starts with the background filling the whole canvas. */
function recordTexts() {
  window.__ocTexts = new WeakMap();
  window.__ocLast = null;
  const P = CanvasRenderingContext2D.prototype;
  const { fillRect, fillText } = P;
  P.fillRect = function (x, y, w, h) {
    if (x <= 0 && y <= 0 && w >= this.canvas.width - 1 && h >= this.canvas.height - 1)
      window.__ocTexts.set(this.canvas, []);
    return fillRect.call(this, x, y, w, h);
  };
  P.fillText = function (text, x, y, ...rest) {
    const list = window.__ocTexts.get(this.canvas) || [];
    window.__ocTexts.set(this.canvas, list);
    const t = this.getTransform();
    list.push({
      text: String(text),
      x: t.a * x + t.c * y + t.e,
      y: t.b * x + t.d * y + t.f,
      w: this.measureText(text).width * Math.hypot(t.a, t.b),
      align: this.textAlign,
      rotated: t.b !== 0 || t.c !== 0,
    });
    return fillText.call(this, text, x, y, ...rest);
  };
}

/** Opens `path` in a fresh context (`options`), with fillText recorded; waits for its chart. */
async function open(path, options = {}) {
  const o = await e2e.context({ viewport: { width: 800, height: 900 }, ...options }, [srv.origin]);
  await o.context.addInitScript(recordTexts);
  await o.page.goto(srv.url(path));
  assert.deepEqual(await waitForCharts(o.page, 1), ["ready"]);
  return o;
}

/** With OC_SHOT_DIR=…, a screenshot of the chart there as `name`, to look at. */
async function shot(page, name) {
  if (!process.env.OC_SHOT_DIR) return;
  await page.locator("figure.oc-chart").screenshot({ path: join(process.env.OC_SHOT_DIR, name) });
}

/** The system colours as the page resolves them: {Canvas: [r, g, b], …}. */
const system = (page) =>
  page.evaluate(() => {
    const probe = document.createElement("span");
    document.body.append(probe);
    const out = {};
    for (const c of ["Canvas", "CanvasText", "GrayText", "Highlight"]) {
      probe.style.color = c;
      out[c] = getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).map(Number);
    }
    probe.remove();
    return out;
  });

/** What scanMarks looks for in theme `t` (LIGHT or DARK): its series, background and muted inks. */
const inks = (t) => ({ series: t.series0, background: t.background, muted: t.muted });

/**
 * The marks of a bar chart in pixels `px(x, y) → [r, g, b]` (`width` × `height`, `dpr` pixels a
 * CSS px): `barMarks` of the series colour (within `tol`) and its `perColumn`. Then dashed rules
 * in muted ink: columns with at least 10 dashes 2.5–5.5 CSS px long. Runs in the page (by
 * `onCanvas`) and in Node (the printed page).
 */
function scanMarks(px, width, height, { series, background, muted, dpr, tol = 6 }) {
  const { marks, perColumn } = barMarks(px, width, height, { colour: series, dpr, tol });
  const dist = (p, c) => Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]);
  const rules = [];
  const isMuted = (p) => dist(p, muted) < dist(p, background) && dist(p, muted) < 60;
  for (let x = 0; x < width; x++) {
    let dashes = 0;
    let len = 0;
    for (let y = 0; y <= height; y++) {
      if (y < height && isMuted(px(x, y))) len++;
      else {
        if (len >= 2.5 * dpr && len <= 5.5 * dpr) dashes++;
        len = 0;
      }
    }
    if (dashes >= 10) rules.push({ x, dashes });
  }
  return { marks, rules, perColumn, dpr };
}

/** scanMarks on the chart's canvas. */
const canvasMarks = (page, colours) => onCanvas(page, scanMarks, colours);

const sameRgb = (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
const centre = (m) => (m.x0 + m.x1) / 2;
const seriesIn = (perColumn, x0, x1) => {
  let n = 0;
  for (let x = Math.max(0, Math.ceil(x0)); x <= Math.min(perColumn.length - 1, x1); x++)
    n += perColumn[x];
  return n;
};

/** The bar chart's gap, hollow bar and break as `scanMarks` found them; fails with the scan. */
function assertBarGaps(scan, colours, what) {
  const why = `${what}: ${JSON.stringify({ marks: scan.marks, rules: scan.rules })}`;
  const { marks } = scan;
  // Rules within the plot (in forced colours the axis labels share the muted ink).
  const rules = scan.rules.filter((r) => r.x > marks[0]?.x0 && r.x < marks.at(-1)?.x1);
  assert.deepEqual(
    marks.map((m) => m.kind),
    ["solid", "solid", "solid", "hollow"],
    `four bars, the last hollow, none for the suppressed figure: ${why}`,
  );
  // The hollow bar: the background inside, the series colour on its outline (2 px a side).
  const hollow = marks[3];
  assert.ok(sameRgb(hollow.inside, colours.background), `inside the hollow bar: ${why}`);
  assert.ok(sameRgb(hollow.edge, colours.series), `the hollow bar's top edge: ${why}`);
  for (const side of hollow.sides) assert.ok(side <= 2 * scan.dpr + 1, `outline ${side}: ${why}`);
  // The same width as a solid bar, and as tall as 130 against 120.
  const w = marks[0].x1 - marks[0].x0;
  assert.ok(Math.abs(hollow.x1 - hollow.x0 - w) <= 1, `hollow bar width: ${why}`);
  // No bar where 2021-22 is: one slot's pitch between the bars either side of it is twice the rest.
  const pitch = centre(marks[1]) - centre(marks[0]);
  const across = centre(marks[2]) - centre(marks[1]);
  assert.ok(
    Math.abs(across - 2 * pitch) <= 2,
    `the gap is one slot (${across} vs ${pitch}): ${why}`,
  );
  const slot = centre(marks[1]) + pitch;
  assert.equal(
    seriesIn(scan.perColumn, slot - w / 2, slot + w / 2),
    0,
    `no series pixels in the suppressed slot: ${why}`,
  );
  // The break: one dashed column, between 2021-22's slot and 2022-23's bar.
  assert.ok(rules.length >= 1, `a dashed rule: ${why}`);
  for (const r of rules)
    assert.ok(r.x > slot && r.x < marks[2].x0, `the rule at ${r.x} lies between: ${why}`);
  assert.ok(rules.length <= 2 * scan.dpr, `one rule, ${rules.length} columns: ${why}`);
  return { slot, width: w };
}

describe("pixels: the gap, the hollow bar and the break", () => {
  const cases = [];
  for (const dpr of [1, 2]) {
    cases.push([`light, DPR ${dpr}`, { deviceScaleFactor: dpr, colorScheme: "light" }]);
    cases.push([`dark, DPR ${dpr}`, { deviceScaleFactor: dpr, colorScheme: "dark" }]);
    cases.push([
      `forced colours, DPR ${dpr}`,
      { deviceScaleFactor: dpr, colorScheme: "light", forcedColors: "active" },
    ]);
  }
  for (const [name, options] of cases) {
    test(name, async () => {
      const { context, page, g } = await open("/bar.html", options);
      try {
        let colours;
        if (options.forcedColors) {
          const c = await system(page);
          assert.equal(
            await page.locator("figure.oc-chart").getAttribute("data-oc-theme"),
            "forced",
          );
          colours = { series: c.Highlight, background: c.Canvas, muted: c.GrayText };
          // The system palette differs from the light theme, so this is the forced drawing.
          assert.ok(!sameRgb(c.Highlight, LIGHT.series0), `Highlight ${c.Highlight}`);
        } else {
          const t = options.colorScheme === "dark" ? DARK : LIGHT;
          colours = inks(t);
        }
        const scan = await canvasMarks(page, colours);
        await shot(page, `gaps-bar-${name.replace(/[^a-z0-9]+/gi, "-")}.png`);
        const { slot, width } = assertBarGaps(scan, colours, name);
        // The small "n/a" drawn in the suppressed figure's slot, on the baseline.
        const na = await periodLabels(page, ["n/a"]);
        assert.equal(na.length, 1, JSON.stringify(na));
        assert.ok(Math.abs(na[0].x - slot) <= width / 2, `n/a at ${na[0].x}, the slot at ${slot}`);
        const above = scan.marks[0].bottom - na[0].y; // just above the baseline
        assert.ok(
          above > 0 && above <= 20 * scan.dpr,
          `n/a ${above} px above: ${JSON.stringify(na)}`,
        );
        await clean(g, { page, foreign: true });
      } finally {
        await context.close();
      }
    });
  }

  test("the control: with nothing missing, provisional or broken, nothing is found", async () => {
    const { context, page, g } = await open("/plain-bar.html", { deviceScaleFactor: 1 });
    try {
      const colours = inks(LIGHT);
      const scan = await canvasMarks(page, colours);
      assert.deepEqual(
        scan.marks.map((m) => m.kind),
        ["solid", "solid", "solid", "solid", "solid"],
      );
      assert.deepEqual(scan.rules, []);
      assert.throws(() => assertBarGaps(scan, colours, "control"));
      await clean(g, { page });
    } finally {
      await context.close();
    }
  });
});

/** The columns holding the series colour in the plot of a line chart: [x0, x1] runs. */
const columnRuns = (perColumn) => {
  const runs = [];
  perColumn.forEach((n, x) => {
    if (!n) return;
    const last = runs.at(-1);
    if (last && last[1] === x - 1) last[1] = x;
    else runs.push([x, x]);
  });
  return runs;
};

/** The columns between `x0` and `x1` of pixels `px(x, y) → [r, g, b]` (`width` × `height`, `dpr`
 * pixels a CSS px) where a line's marker is a ring: series ink, then background, then series ink
 * again; a solid dot or a line never has it. Runs in the page (as a string) and in Node. */
function ringsIn(px, width, height, { series, background, dpr }, x0, x1) {
  const d = (p, c) => Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]);
  // Each pixel is series ink (S), background (B) or a blend of the two (ignored): a ring's
  // column reads S … B … S within a marker's height; a dot's or a line's never has the B.
  const found = [];
  for (let x = Math.max(0, Math.round(x0)); x <= Math.min(width - 1, x1); x++) {
    let firstS = -1;
    let bAfter = -1;
    for (let y = 0; y < height; y++) {
      const p = px(x, y);
      const s = d(p, series) <= 40;
      const b = d(p, background) <= 40;
      if (s && firstS >= 0 && bAfter > firstS && y - firstS <= 12 * dpr) {
        found.push(x);
        break;
      }
      if (s && (firstS < 0 || bAfter > firstS)) firstS = y;
      if (b && firstS >= 0 && bAfter < firstS) bAfter = y;
    }
  }
  return found;
}

/** ringsIn on the chart's canvas, read back with getImageData. */
function ringColumns(page, colours, x0, x1) {
  return page.evaluate(`(() => {
    const canvas = document.querySelector("figure.oc-chart canvas.oc-canvas");
    const { width, height } = canvas;
    const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
    const px = (x, y) => { const i = (y * width + x) * 4; return [data[i], data[i + 1], data[i + 2]]; };
    const opts = { ...${JSON.stringify(colours)}, dpr: devicePixelRatio };
    return (${ringsIn})(px, width, height, opts, ${x0}, ${x1});
  })()`);
}

/**
 * The line chart's gap, break and provisional point as `scan` (scanMarks with a tolerance that
 * takes in the line's anti-aliased edge) and `rings(x0, x1)` (ringColumns or ringsIn) find them:
 * the series' columns in two runs (2019-20 to 2020-21; 2022-23 to 2023-24), the gap between them
 * wider than a step; the dashed rule in the gap and nowhere else between the runs' ends (in forced
 * colours the axis labels share the muted ink, so only the plot counts); a ring in 2023-24's
 * marker at the second run's end, none in 2019-20's at the first run's start. Fails with the scan;
 * returns the first run.
 */
async function assertLineGaps(scan, rings, what) {
  const runs = columnRuns(scan.perColumn);
  const why = `${what}: ${JSON.stringify({ runs, rules: scan.rules })}`;
  assert.ok(runs.length >= 2, `two runs: ${why}`);
  const [a, b] = runs;
  const step = a[1] - a[0];
  assert.ok(b[0] - a[1] > 1.5 * step, `the gap spans 2021-22, more than a step: ${why}`);
  assert.ok(
    Math.abs(b[1] - b[0] - step) <= 4 * scan.dpr,
    `the second run a step wide, as the first: ${why}`,
  );
  const rules = scan.rules.filter((r) => r.x > a[0] && r.x < b[1]);
  assert.ok(rules.length >= 1, `a dashed rule: ${why}`);
  for (const r of rules)
    assert.ok(r.x > a[1] && r.x < b[0], `the rule at ${r.x} in the gap: ${why}`);
  assert.ok(rules.length <= 2 * scan.dpr, `one rule, ${rules.length} columns: ${why}`);
  const m = 8 * scan.dpr;
  assert.ok((await rings(b[1] - m, b[1])).length >= 1, `a hollow marker at 2023-24: ${why}`);
  assert.deepEqual(await rings(a[0], a[0] + m), [], `a solid dot at 2019-20: ${why}`);
  return a;
}

/** The control's line as `assertLineGaps` reads it: no dashed rule between the series' first and
 * last columns; one run of them, more than three of `first`'s steps wide; no ring at its end. */
async function assertOneLine(scan, rings, first, what) {
  const runs = columnRuns(scan.perColumn);
  const why = `${what}: ${JSON.stringify({ runs, rules: scan.rules })}`;
  const inPlot = scan.rules.filter((x) => x.x > runs[0][0] && x.x < runs.at(-1)[1]);
  assert.deepEqual(inPlot, [], `no rule: ${why}`);
  const [r] = runs;
  assert.ok(r[1] - r[0] > 3 * (first[1] - first[0]), `one run: ${why}`);
  assert.deepEqual(await rings(r[1] - 8 * scan.dpr, r[1]), [], `no ring: ${why}`);
}

describe("pixels: a line chart breaks at the gap and the break; the provisional point is hollow", () => {
  const colours = inks(LIGHT);
  for (const dpr of [1, 2]) {
    test(`DPR ${dpr}`, async () => {
      const { context, page, g } = await open("/line.html", { deviceScaleFactor: dpr });
      const plain = await open("/plain-line.html", { deviceScaleFactor: dpr });
      try {
        const scan = await canvasMarks(page, { ...colours, tol: 40 });
        const runs = columnRuns(scan.perColumn);
        // 2019-20 to 2020-21; 2022-23 to 2023-24 (the value label "130" after it).
        assert.ok(runs.length >= 2, JSON.stringify(runs));
        const [a, b] = runs;
        const gap = b[0] - a[1];
        assert.ok(
          gap > 1.5 * (a[1] - a[0]),
          `the gap (${gap} px) spans 2021-22: more than a step (${a[1] - a[0]}): ${JSON.stringify(runs)}`,
        );
        // The dashed rule is in the gap.
        assert.ok(scan.rules.length >= 1, JSON.stringify(scan.rules));
        for (const r of scan.rules) assert.ok(r.x > a[1] && r.x < b[0], JSON.stringify(scan.rules));
        // 2023-24's point is a ring (the end of the second run); 2019-20's is a solid dot.
        const m = 8 * dpr;
        const rings = await ringColumns(page, colours, b[1] - m, b[1]);
        assert.ok(rings.length >= 1, "a hollow marker at 2023-24");
        assert.deepEqual(await ringColumns(page, colours, a[0], a[0] + m), [], "solid at 2019-20");

        // The control: one unbroken line from the first point to the last; no ring, no rule.
        const p = await canvasMarks(plain.page, { ...colours, tol: 40 });
        const pr = columnRuns(p.perColumn);
        assert.ok(pr[0][1] - pr[0][0] > 3 * (a[1] - a[0]), `one run: ${JSON.stringify(pr)}`);
        assert.deepEqual(p.rules, []);
        assert.deepEqual(await ringColumns(plain.page, colours, pr[0][1] - m, pr[0][1]), []);
        await clean(g, { page, foreign: true });
        await clean(plain.g, { page: plain.page });
      } finally {
        await context.close();
        await plain.context.close();
      }
    });
  }
});

/** The forced-colours palette of `page` as the bar test reads it (Highlight the series, Canvas the
 * background, GrayText the muted ink), once the chart says it drew in forced colours and the
 * palette is not the light theme's (so the drawing read back is the forced one). */
async function forcedColours(page) {
  assert.equal(await page.locator("figure.oc-chart").getAttribute("data-oc-theme"), "forced");
  const c = await system(page);
  assert.ok(!sameRgb(c.Highlight, LIGHT.series0), `Highlight ${c.Highlight}`);
  return { series: c.Highlight, background: c.Canvas, muted: c.GrayText };
}

describe("pixels: the line chart in forced colours", () => {
  for (const dpr of [1, 2]) {
    test(`DPR ${dpr}: breaks at the gap and the break, the provisional point hollow; the control one line`, async () => {
      const options = { deviceScaleFactor: dpr, colorScheme: "light", forcedColors: "active" };
      const { context, page, g } = await open("/line.html", options);
      const plain = await open("/plain-line.html", options);
      try {
        const colours = await forcedColours(page);
        assert.deepEqual(await forcedColours(plain.page), colours);
        const scan = await canvasMarks(page, { ...colours, tol: 40 });
        await shot(page, `gaps-line-forced-${dpr}.png`);
        const first = await assertLineGaps(
          scan,
          (x0, x1) => ringColumns(page, colours, x0, x1),
          `forced, DPR ${dpr}`,
        );
        const p = await canvasMarks(plain.page, { ...colours, tol: 40 });
        await shot(plain.page, `gaps-plain-line-forced-${dpr}.png`);
        await assertOneLine(
          p,
          (x0, x1) => ringColumns(plain.page, colours, x0, x1),
          first,
          `control, forced, DPR ${dpr}`,
        );
        await clean(g, { page, foreign: true });
        await clean(plain.g, { page: plain.page });
      } finally {
        await context.close();
        await plain.context.close();
      }
    });
  }
});

/** The live region's text after each key of `keys` on the focused chart. */
async function steps(page, keys) {
  const live = page.locator("figure.oc-chart .oc-live");
  const out = [];
  for (const key of keys) {
    await page.keyboard.press(key);
    out.push(await live.textContent());
  }
  return out;
}

describe("keyboard", () => {
  test("Tab reaches the chart; the arrows step every period, the missing one too", async () => {
    const { context, page, g } = await open("/bar.html");
    try {
      await page.locator("a").first().focus();
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.className), "oc-canvas");
      const tip = page.locator("figure.oc-chart .oc-tip");
      const live = page.locator("figure.oc-chart .oc-live");
      const said = [await live.textContent()];
      // The tooltip's lines (a heading, then a line each).
      const lines = () => tip.evaluate((t) => [...t.children].map((c) => c.textContent).join(". "));
      const tips = [await lines()];
      for (let i = 0; i < 4; i++) {
        said.push(...(await steps(page, ["ArrowRight"])));
        tips.push(await lines());
      }
      assert.deepEqual(said, [
        "2019-20. 100 crimes",
        "2020-21. 110 crimes",
        "2021-22. Figure suppressed",
        `2022-23. 120 crimes. Break in series: ${BREAK_2022}`,
        "2023-24. 130 crimes. Figure provisional",
      ]);
      // The tooltip shows the same lines.
      assert.deepEqual(tips, said);
      assert.deepEqual(await steps(page, ["ArrowRight", "Home", "End", "ArrowLeft"]), [
        said[4],
        said[0],
        said[4],
        said[3],
      ]);
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });

  for (const [name, path, spec, breakNote, breakAt] of [
    ["53 years", "/long.html", LONG, BREAK_2013, 42],
    ["120 months", "/months.html", MONTHS, BREAK_2019, 60],
  ]) {
    test(`${name}: the arrows reach every period, Home and End the ends`, async () => {
      const { context, page, g } = await open(path, { viewport: { width: 360, height: 800 } });
      try {
        await page.locator("figure.oc-chart canvas").focus();
        const live = page.locator("figure.oc-chart .oc-live");
        const n = spec.periods.length;
        const said = [await live.textContent()];
        for (let i = 1; i < n; i++) said.push(...(await steps(page, ["ArrowRight"])));
        said.forEach((s, i) => {
          const label = spec.periods[i].label;
          assert.ok(s.startsWith(`${label}. `), `step ${i}: ${s}`);
          const v = spec.series[0].values[i];
          if (v === null) assert.equal(s, `${label}. Figure not available`);
          else if (v.missing) assert.equal(s, `${label}. Figure suppressed`);
          else if (v.status) assert.match(s, /crimes\. Figure provisional$/, s);
          else if (i === breakAt) assert.ok(s.endsWith(`Break in series: ${breakNote}`), s);
          else assert.match(s, /^[^.]+\. [\d,]+ crimes$/, s);
        });
        assert.equal(said.length, n);
        const [first, last] = [spec.periods[0].label, spec.periods[n - 1].label];
        const ends = await steps(page, ["ArrowRight", "Home", "ArrowLeft", "End"]);
        assert.deepEqual(
          ends.map((s) => s.split(". ")[0]),
          [last, first, first, last],
        );
        await clean(g, { page, foreign: true });
      } finally {
        await context.close();
      }
    });
  }
});

describe("screen readers", () => {
  test("the canvas's text alternative and the data table say what is missing and why", async () => {
    const { context, page, g } = await open("/bar.html");
    try {
      const canvas = page.locator("figure.oc-chart canvas.oc-canvas");
      assert.equal(await canvas.getAttribute("role"), "img");
      const label = await canvas.getAttribute("aria-label");
      for (const line of Object.values(KEY)) assert.ok(label.includes(line), `${line} in ${label}`);
      const snap = await page.locator("figure.oc-chart").ariaSnapshot();
      assert.ok(snap.includes("Hollow marks: figures provisional."), snap);

      const t = await page.locator("details.oc-data").evaluate((d) => ({
        rows: [...d.querySelectorAll("tbody tr")].map((tr) =>
          [...tr.cells].map((c) => c.textContent),
        ),
        after: [...d.querySelectorAll(".oc-table ~ *")].map((e) => e.textContent),
      }));
      assert.deepEqual(t.rows, [
        ["2019-20", "100"],
        ["2020-21", "110"],
        ["2021-22", "n/a (suppressed)"],
        ["2022-23", "120"],
        ["2023-24", "130 (provisional)"],
      ]);
      // Under the table: the key lines.
      for (const line of Object.values(KEY))
        assert.ok(t.after.includes(line), `${line} under the table: ${JSON.stringify(t.after)}`);
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });
});

/** Page `n` of `file` rasterised at `dpi` as a pixel reader for scanMarks. */
function rasterise(file, dpi) {
  const out = join(tmp, `gaps-${dpi}`);
  execFileSync("pdftoppm", ["-r", `${dpi}`, "-f", "1", "-l", "1", "-singlefile", file, out]);
  const ppm = readFileSync(`${out}.ppm`);
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"));
  const [width, height, start] = [Number(head[1]), Number(head[2]), head[0].length];
  const px = (x, y) => {
    const i = start + (y * width + x) * 3;
    return [ppm[i], ppm[i + 1], ppm[i + 2]];
  };
  return { px, width, height };
}

/** `page` printed to an A4 PDF named `name`: its text (spaces collapsed), which must hold the key
 * lines, and its first page rasterised at 192 dpi (two pixels a CSS px). */
async function printed(page, name) {
  const file = join(tmp, `${name}.pdf`);
  await page.pdf({ path: file, format: "A4" });
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString().replace(/\s+/g, " ");
  for (const line of [KEY.hollow, KEY.suppressed, "Break in series before 2022-23"])
    assert.ok(text.includes(line), `${line} in the PDF: ${text}`);
  return { text, ...rasterise(file, 192) };
}

describe("print", () => {
  test("the printed chart has the hollow bar, the gap, the break and the key lines", async () => {
    // Dark on screen: printing draws it light anyway.
    const { context, page, g } = await open("/bar.html", { colorScheme: "dark" });
    try {
      const { text, px, width, height } = await printed(page, "gaps");
      for (const s of ["n/a", "130", "2021-22"]) assert.ok(text.includes(s), `${s}: ${text}`);
      const colours = { ...inks(LIGHT), dpr: 2, tol: 12 };
      const scan = scanMarks(px, width, height, colours);
      assertBarGaps(scan, colours, "printed");
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });
});

describe("print: the line chart", () => {
  test("the printed line breaks at the gap and the break, its provisional point a ring; the key lines", async () => {
    // Dark on screen: printing draws it light anyway.
    const { context, page, g } = await open("/line.html", { colorScheme: "dark" });
    try {
      const { px, width, height } = await printed(page, "gaps-line");
      const colours = { ...inks(LIGHT), dpr: 2, tol: 40 };
      const scan = scanMarks(px, width, height, colours);
      await assertLineGaps(
        scan,
        (x0, x1) => ringsIn(px, width, height, colours, x0, x1),
        "printed",
      );
      await clean(g, { page, foreign: true });
    } finally {
      await context.close();
    }
  });
});

describe("no program", () => {
  test("the plain table says n/a (suppressed), n/a (not available), 130 (provisional)", async () => {
    const dir = e2e.folder(PAGES);
    for (const f of readdirSync(dir)) if (f.endsWith(".wasm")) rmSync(join(dir, f));
    const s = await e2e.serve(dir);
    const { context, page, g } = await e2e.open(s.url("/fallback.html"), {
      viewport: { width: 700, height: 900 },
    });
    try {
      await page.waitForFunction(() => document.querySelector("figure.oc-error table"));
      const rows = await page.$$eval("figure.oc-error table tr", (trs) =>
        trs.map((tr) => [...tr.cells].map((c) => c.textContent).join("|")),
      );
      assert.deepEqual(rows, [
        "Period|Crimes",
        "2019-20|100",
        "2020-21|n/a (not available)",
        "2021-22|n/a (suppressed)",
        "2022-23|120",
        "2023-24|130 (provisional)",
      ]);
      assert.deepEqual(g.pageErrors, []);
      // The one console error is the missing program's 404.
      for (const m of g.console) assert.match(m, /404/);
    } finally {
      await context.close();
    }
  });
});

/** The period labels drawn (recorded fillText calls whose text is a period label), as boxes in
 * backing px, left to right. */
const periodLabels = (page, labels) =>
  page.evaluate((labels) => {
    const canvas = document.querySelector("figure.oc-chart canvas.oc-canvas");
    const set = new Set(labels);
    return (window.__ocTexts.get(canvas) || [])
      .filter((t) => set.has(t.text))
      .map((t) => {
        const left =
          t.align === "center"
            ? t.x - t.w / 2
            : t.align === "right" || t.align === "end"
              ? t.x - t.w
              : t.x;
        return { text: t.text, left, right: left + t.w, x: t.x, y: t.y, rotated: t.rotated };
      })
      .sort((a, b) => a.left - b.left);
  }, labels);

describe("long series at 360 and 1280 px", () => {
  for (const [name, path, spec, gaps] of [
    ["53 years", "/long.html", LONG, [[9], [24, 25]]],
    ["120 months", "/months.html", MONTHS, [[30, 31]]],
  ]) {
    for (const width of [360, 1280]) {
      for (const dpr of [1, 2]) {
        test(`${name}, ${width} px, DPR ${dpr}: thinned labels, gaps and the break visible`, async () => {
          const { context, page, g } = await open(path, {
            viewport: { width, height: 800 },
            deviceScaleFactor: dpr,
          });
          try {
            const all = spec.periods.map((p) => p.label);
            const boxes = await periodLabels(page, all);
            const canvasWidth = await page.evaluate(
              () => document.querySelector("figure.oc-chart canvas").getBoundingClientRect().width,
            );
            assert.ok(boxes.length >= 3, `labels: ${JSON.stringify(boxes)}`);
            assert.ok(boxes.length < all.length, `thinned: ${boxes.length} of ${all.length}`);
            for (const b of boxes) {
              assert.ok(!b.rotated, `${b.text} rotated`);
              assert.ok(
                b.left >= 0 && b.right <= canvasWidth * dpr,
                `${b.text} clipped: ${JSON.stringify(b)}`,
              );
            }
            for (let i = 1; i < boxes.length; i++)
              assert.ok(
                boxes[i].left >= boxes[i - 1].right + 2 * dpr,
                `${boxes[i - 1].text} and ${boxes[i].text} overlap or touch: ${JSON.stringify(boxes)}`,
              );
            // Labelled periods in order, every k-th one from within k of the start (the last may
            // be moved in from the edge), on the calendar: years the step divides (1975, 1980),
            // months every 12 × n from January, or a divisor of 12.
            const idx = boxes.map((b) => all.indexOf(b.text));
            const step = idx[1] - idx[0];
            assert.ok(idx[0] < step, `the first label within a step of the start: ${idx}`);
            for (const [i, k] of idx.entries())
              assert.equal(k, idx[0] + i * step, `label ${i}: ${JSON.stringify(idx)}`);
            const texts = boxes.map((b) => b.text);
            if (spec === LONG) {
              assert.ok([1, 2, 5, 10, 20, 50].includes(step), `a round step of years: ${step}`);
              for (const t of texts) assert.equal(Number(t) % step, 0, `${t}: ${texts}`);
            } else if (step % 12 === 0) {
              for (const t of texts) assert.match(t, /^Jan /, `every ${step} months: ${texts}`);
            } else assert.equal(12 % step, 0, `a divisor of a year: ${step}: ${texts}`);
            // Where a period is: from two labels well inside the chart (centred under points).
            const [p, q] = [boxes[1], boxes[boxes.length - 2]];
            const pitch = (q.x - p.x) / (all.indexOf(q.text) - all.indexOf(p.text));
            const xOf = (i) => p.x + (i - all.indexOf(p.text)) * pitch;
            const colours = { ...inks(LIGHT), tol: 40 };
            const scan = await canvasMarks(page, colours);
            // Gaps: no line pixel within 0.4 of a step of a missing period; a line elsewhere.
            for (const gap of gaps) {
              const [a, b] = [xOf(gap[0]) - 0.4 * pitch, xOf(gap.at(-1)) + 0.4 * pitch];
              assert.equal(seriesIn(scan.perColumn, a, b), 0, `line across ${all[gap[0]]}`);
              const c = xOf(gap[0] - 2);
              assert.ok(seriesIn(scan.perColumn, c - 0.4 * pitch, c + 0.4 * pitch) > 0, "a line");
            }
            // The break: a dashed rule between the two periods, and no line across it.
            const brk = spec.periods.findIndex((x) => x.break);
            const mid = (xOf(brk - 1) + xOf(brk)) / 2;
            assert.ok(
              scan.rules.some((r) => Math.abs(r.x - mid) <= pitch / 2 + dpr),
              `a dashed rule near ${mid}: ${JSON.stringify(scan.rules)}`,
            );
            assert.equal(
              seriesIn(scan.perColumn, mid - 0.25 * pitch, mid + 0.25 * pitch),
              0,
              "no line across the break",
            );
            await shot(page, `gaps-${path.slice(1, -5)}-${width}-${dpr}.png`);
            await clean(g, { page, foreign: true });
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});

describe("axe", () => {
  const AXE = readFileSync(
    new URL("../../node_modules/axe-core/axe.min.js", import.meta.url),
    "utf8",
  );
  const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
  for (const theme of ["light", "dark"]) {
    test(`the embed page of the gaps chart, ${theme}: no violations`, async () => {
      const url = `/embed.html?theme=${theme}#spec=${encodeURIComponent(JSON.stringify(BAR))}`;
      const { context, page, g } = await open(url, { viewport: { width: 700, height: 800 } });
      try {
        // The table open, its key lines shown.
        await page.locator("details.oc-data summary").click();
        await page.evaluate(AXE);
        const found = await page.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
          TAGS,
        );
        const v = found.violations.flatMap((x) =>
          x.nodes.map((n) => `${x.id}: ${n.target.join(" ")} (${n.failureSummary})`),
        );
        assert.deepEqual(v, []);
        await clean(g, { page, foreign: true });
      } finally {
        await context.close();
      }
    });
  }
});
