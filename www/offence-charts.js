// offence-charts loader. Import it as <script type="module" src=".../offence-charts.js">: it finds
// every <script type="application/json" data-offence-chart> on the page and draws each chart as it
// nears the viewport, fetching and instantiating the WebAssembly once for all of them.
// If the WebAssembly ever traps (a bug of ours), the chart that hit it shows the message and every
// other chart moves to a fresh instance. It sets no cookies, uses no storage and requests nothing
// but its own files.

// The wasm's JS glue, and the hashed names of the files beside this one: both provided by
// scripts/build-site.mjs. GLUE is the glue's file, imported again for a fresh instance after a
// trap (see restart): a new URL is a new module.
import { GLUE, SPECS as NAMED, WASM } from "oc:files";
import * as glue from "oc:glue";

const SELECTOR = 'script[type="application/json"][data-offence-chart]';
// The fonts a chart draws with (src/layout.rs, Sizes::for_width; tests/loader_fonts.rs keeps
// them in step): narrower than 480 px, then wider.
const FAMILY = " Helvetica, Arial, Liberation Sans, sans-serif";
const FONTS = [["bold 17px", "normal 14px", "normal 12px", "bold 12px"], ["bold 20px", "normal 15px", "normal 13px", "bold 14px", "normal 12px"]];
const charts = new Set(); // every live chart: { m, view, figure, canvas, source, redraw }
let instance = null; // Promise of the current module instance
let fetched = null; // Promise of the first instance's wasm response: compiling starts once it settles
let generation = 0;

/** Fetches and instantiates the WebAssembly once; later calls share it. */
export function load() {
  if (!instance) {
    if (generation) {
      // After a trap: the glue imported afresh, a new instance.
      instance = import(GLUE + "?instance=" + generation).then(async (m) => {
        await m.default();
        return m;
      });
    } else {
      // The glue imported above (bundled into the embed page's script), given the response to
      // compile as it streams in.
      fetched = fetch(new URL(WASM, import.meta.url));
      instance = glue.default({ module_or_path: fetched }).then(() => glue);
    }
    instance.catch(() => { instance = null; }); // a later call may try again
  }
  return instance;
}

/** The spec text of the named chart `name` (`offence-trend`, `detection-rate`). */
export async function namedSpec(name) {
  const file = Object.hasOwn(NAMED, name) ? NAMED[name] : null;
  if (!file) throw new Error(`no chart is called "${String(name).slice(0, 60)}" (the named charts are: ${Object.keys(NAMED).join(", ")})`);
  const response = await fetch(new URL(file, import.meta.url));
  if (!response.ok) throw new Error(`the chart "${name}" could not be loaded (HTTP ${response.status})`);
  return response.text();
}

/** Draws `spec` (JSON text, object or default chart name) on `canvas`; throws an Error if bad. */
export async function renderChart(canvas, spec) {
  const text = typeof spec === "string" && !spec.trim().startsWith("{") ? namedSpec(spec.trim()) : spec;
  const [m, s] = await Promise.all([load(), text]);
  return m.renderChart(canvas, s);
}

/** Mounts every chart spec under `root` now (not lazily); resolves to the number drawn. */
export async function mountAll(root = document) {
  const views = await Promise.all([...root.querySelectorAll(SELECTOR)].map(mountOne));
  return views.filter(Boolean).length;
}

async function mountOne(script) {
  if (!script.isConnected) return null; // mounted already by another call
  const source = { body: script.textContent, name: script.dataset.offenceChart || "", theme: script.dataset.theme || "" };
  // The spec's fetch and the program's start come first, then what can be done while they are on
  // their way: the figure put in place and measured (the page's one forced layout for it) and the
  // chart's fonts looked up (a few ms each in a new renderer), so that once both arrive the chart
  // is drawn straight away.
  // A body is always the spec (even if it is not JSON); the attribute's name counts only without one.
  const text = source.body.trim() ? Promise.resolve(source.body) : namedSpec(source.name);
  text.catch(() => {}); // reported below, once the program has loaded or failed to
  const program = load();
  program.catch(() => {});
  const slot = slotFor(script);
  // The work below waits for the wasm's response, so that its compiling (on another thread) has
  // begun: the glue's handler for that response was registered first and runs first.
  if (fetched) await fetched.catch(() => {});
  if (!script.isConnected) return null; // mounted already by another call
  const fig = figure(source.theme);
  script.replaceWith(fig.el);
  const width = Math.round(fig.el.clientWidth);
  const ctx = fig.canvas.getContext("2d");
  for (const font of FONTS[+(width >= 480)]) {
    ctx.font = font + FAMILY;
    ctx.measureText("0");
  }
  let m;
  try {
    m = await program;
  } catch (e) {
    return unloaded(slot, fig.el, e, await text.catch(() => ""));
  }
  let view;
  try {
    source.text = await text;
    if (!fig.el.isConnected) return null; // taken out of the page meanwhile
    view = m.openChart(fig.canvas, source.text);
    view.keepBitmap();
  } catch (e) {
    const message = e instanceof WebAssembly.RuntimeError ? panicMessage(e) : e.message;
    release(slot);
    fig.el.replaceWith(errorBox(message));
    if (e instanceof WebAssembly.RuntimeError) restart(m);
    return null;
  }
  const chart = { m, view, figure: fig.el, canvas: fig.canvas, frame: fig.frame, source };
  charts.add(chart);
  wire(chart); // draws it
  release(slot);
  if (!charts.has(chart)) return null; // its first draw failed: wire put the message in its place
  dataTable(fig.el, view);
  fig.el.dataset.ocState = "ready";
  fig.el.dispatchEvent(new CustomEvent("offence-charts:drawn", { bubbles: true }));
  return chart;
}

const FONT = "Helvetica,Arial,sans-serif";

// `<tag class=…>` with inline styles set through the CSSOM (allowed under style-src 'self').
function el(tag, className, css, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (css) e.style.cssText = css;
  if (text !== undefined) e.textContent = text;
  return e;
}

// The figure around a chart: the frame (canvas, tooltip) and a live region for screen readers.
function figure(theme) {
  const fig = el("figure", "oc-chart", "margin:1.5em 0;padding:0;position:relative;max-width:100%;min-width:0");
  if (theme) fig.dataset.theme = theme;
  // The frame clips the canvas to the chart: the canvas keeps a larger backing store (and its CSS
  // size) when the chart narrows, so that a redraw at a smaller size allocates no new pixels.
  const frame = el("div", "oc-frame", "position:relative;width:100%;overflow:hidden;border-radius:2px");
  const canvas = el("canvas", "oc-canvas", "display:block;touch-action:pan-y");
  const tip = el("div", "oc-tip", "position:absolute;z-index:2;pointer-events:none;max-width:16em;padding:6px 9px;border-radius:3px;font:13px/1.35 " + FONT + ";background:#1a1a1a;color:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3)");
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  frame.append(canvas);
  const live = el("div", "oc-live", "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0");
  live.setAttribute("aria-live", "polite");
  fig.append(frame, tip, live); // the tip outside the clipping frame, at the same origin
  return { el: fig, canvas, frame };
}

// "Show data": the chart's figures as a table, with its flags, notes and sources under it.
function dataTable(fig, view) {
  const details = el("details", "oc-data", "font:13px/1.4 " + FONT + ";margin-top:.4em");
  details.append(el("summary", "", "cursor:pointer;width:max-content", "Show data"));
  const { caption, head, rows, foot } = view.table(); // see ChartView::table in src/web/mod.rs
  const table = el("table", "", "border-collapse:collapse;margin-top:.5em;max-width:100%");
  table.createCaption().textContent = caption;
  const th = (text, scope, css) => {
    const c = el("th", "", css, text);
    c.scope = scope;
    return c;
  };
  table.createTHead().insertRow().append(...head.map((h) => th(h, "col", "text-align:left;padding:2px 10px 2px 0;border-bottom:1px solid currentColor")));
  const body = table.createTBody();
  for (const [first, ...cells] of rows) {
    body.insertRow().append(th(first, "row", "text-align:left;font-weight:normal;padding:2px 10px 2px 0"), ...cells.map((c) => el("td", "", "text-align:right;padding:2px 10px 2px 0;white-space:nowrap", c)));
  }
  details.append(table, ...foot.map((line) => el("p", "", "margin:.3em 0;font-size:12px", line)));
  fig.append(details);
}

// Calls into the chart's WebAssembly; a trap there breaks only this chart, the rest move on.
function call(chart, fn, fallback) {
  try {
    return fn(chart.view);
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    broken(chart, panicMessage(e));
    restart(chart.m);
    return fallback;
  }
}

// A trap is a bug of ours (a panic, which carries no message in the release build): say so.
function panicMessage(e) {
  return "internal error (" + e.message + "). The other charts on this page are unaffected.";
}

// Starts a fresh instance once the `dead` one trapped, and moves its charts there.
async function restart(dead) {
  if (instance && (await instance.catch(() => null)) === dead) {
    generation += 1;
    instance = null;
  }
  const m = await load();
  for (const chart of charts) {
    if (chart.m !== dead) continue;
    try {
      chart.view = m.renderChart(chart.canvas, chart.source.text);
      chart.view.keepBitmap();
      chart.m = m;
      chart.redraw(true);
    } catch (e) {
      broken(chart, e.message);
    }
  }
}

function broken(chart, message) {
  charts.delete(chart);
  if (chart.figure.isConnected) chart.figure.replaceWith(errorBox(message));
}

function errorBox(message) {
  const box = el("figure", "oc-chart oc-error", "margin:1.5em 0;padding:12px 14px;border:1px solid #b00020;border-left-width:4px;border-radius:2px;font:14px/1.4 " + FONT + ";overflow-wrap:anywhere");
  box.dataset.ocState = "error";
  const p = el("p", "", "margin:0", "This chart could not be drawn: ");
  p.setAttribute("role", "alert");
  p.append(el("code", "", "font:inherit;font-weight:bold", message));
  box.append(p);
  return box;
}

// Without the WebAssembly (blocked, 404, wrong MIME type) the box says so and, for a spec written
// into the page, lists its figures in a plain table.
function unloaded(slot, fig, e, text) {
  const box = errorBox("the chart program could not be loaded (" + (e && e.message ? e.message : String(e)) + ").");
  const table = plainTable(text);
  if (table) box.append(table);
  release(slot);
  fig.replaceWith(box);
  return null;
}

function plainTable(text) {
  let spec;
  try {
    spec = JSON.parse(text);
  } catch {
    return null;
  }
  if (!spec || typeof spec !== "object") return null;
  const num = (f) => {
    const v = f && typeof f === "object" ? f.value : f;
    if (typeof v !== "number") return "–";
    return (f && f.approximate ? "≈" : "") + v.toLocaleString("en-GB");
  };
  const table = document.createElement("table");
  table.style.cssText = "border-collapse:collapse;margin-top:.6em";
  const row = (cells, tag) => {
    const tr = table.insertRow();
    for (const c of cells) {
      const td = document.createElement(tag);
      td.textContent = String(c);
      td.style.cssText = "padding:2px 12px 2px 0;text-align:left";
      tr.append(td);
    }
  };
  table.createCaption().textContent = String(spec.title || "");
  const label = (x) => (x && typeof x === "object" ? x.name || x.label : x) || "";
  if (Array.isArray(spec.periods) && Array.isArray(spec.series)) {
    row(["Period", ...spec.series.map((s) => (s && s.name) || "")], "th");
    spec.periods.slice(0, 1000).forEach((p, i) => row([label(p), ...spec.series.map((s) => num(s && Array.isArray(s.values) ? s.values[i] : null))], "td"));
  } else if (Array.isArray(spec.categories)) {
    row(["Category", "Recorded", "Detected", "Published rate (%)"], "th");
    for (const c of spec.categories) row([label(c && c.label), num(c && c.recorded), num(c && c.detected), num(c && c.rate)], "td");
  } else {
    return null;
  }
  return table;
}

// A wrapper that reserves the chart's space before it is drawn, so nothing below it jumps: 0.7 of
// its width, 300 to 560 px (CSS works it out: no layout is forced to measure it).
function slotFor(script) {
  const parent = script.parentElement;
  if (parent && parent.classList.contains("oc-slot")) return parent;
  const slot = document.createElement("div");
  slot.className = "oc-slot";
  slot.style.cssText = "display:block;width:100%;aspect-ratio:10/7;min-height:300px;max-height:560px";
  script.replaceWith(slot);
  slot.append(script);
  return slot;
}

// The chart is in place (or the message is): the slot no longer reserves space.
function release(slot) {
  slot.style.aspectRatio = slot.style.minHeight = slot.style.maxHeight = "";
}

// Redraws on resize, zoom, theme change and print; tooltips on hover, tap and keyboard focus.
function wire(chart) {
  const { figure: fig, canvas, frame: clip } = chart;
  const tip = fig.querySelector(".oc-tip");
  const live = fig.querySelector(".oc-live");
  const forced = chart.source.theme === "dark" || chart.source.theme === "light" ? chart.source.theme : null;
  const dark = matchMedia("(prefers-color-scheme: dark)");
  let drawn = "";
  let current = -1;
  let frame = 0;

  const now = () => {
    const width = Math.round(fig.clientWidth);
    const theme = forced || (dark.matches ? "dark" : "light");
    return { width, theme, key: width + "/" + devicePixelRatio + "/" + theme };
  };
  // Draws, then clips the frame to the chart (the canvas may be larger: see figure()).
  const paint = (width, dpr, theme) => {
    const height = call(chart, (v) => v.draw(width, dpr, theme));
    if (height > 0) clip.style.height = height + "px";
    fig.dataset.ocWidth = width;
  };
  const dress = (theme) => {
    fig.dataset.ocTheme = theme;
    tip.style.background = theme === "dark" ? "#f2f2f2" : "#1a1a1a";
    tip.style.color = theme === "dark" ? "#111" : "#fff";
  };
  chart.redraw = (force) => {
    frame = 0;
    if (force) drawn = "";
    const { width, theme, key } = now();
    if (width <= 0 || key === drawn || !charts.has(chart)) return;
    drawn = key;
    try {
      paint(width, devicePixelRatio || 1, theme);
    } catch (e) {
      return broken(chart, e.message);
    }
    dress(theme);
    if (current >= 0) show(current, false);
  };
  const schedule = () => { frame ||= requestAnimationFrame(() => chart.redraw(false)); };
  chart.redraw(true); // the first paint
  canvas.tabIndex = 0; // keyboard users reach the chart once there is one (the figure is placed before)
  new ResizeObserver(schedule).observe(fig);
  dark.addEventListener("change", schedule);
  // devicePixelRatio changes (zoom, another screen): a media query on the current ratio fires once.
  const watchRatio = () => {
    matchMedia("(resolution: " + devicePixelRatio + "dppx)").addEventListener("change", () => { schedule(); watchRatio(); }, { once: true });
  };
  watchRatio();
  // Print sharp and light, whatever the screen.
  addEventListener("beforeprint", () => {
    if (!charts.has(chart)) return;
    drawn = "";
    paint(Math.round(fig.clientWidth), Math.max(3, devicePixelRatio), "light");
  });
  addEventListener("afterprint", () => chart.redraw(true));

  function show(i, announce) {
    const lines = call(chart, (v) => v.tip(i), []);
    if (!lines.length) return hide();
    current = i;
    const head = document.createElement("strong");
    head.textContent = lines[0];
    tip.replaceChildren(head, ...lines.slice(1).map((l) => { const d = document.createElement("div"); d.textContent = l; return d; }));
    tip.hidden = false;
    const [x, y] = call(chart, (v) => v.anchor(i), [0, 0]);
    const box = fig.clientWidth;
    tip.style.left = Math.max(0, Math.min(x - tip.offsetWidth / 2, box - tip.offsetWidth)) + "px";
    tip.style.top = (y - tip.offsetHeight - 10 >= 0 ? y - tip.offsetHeight - 10 : y + 12) + "px";
    if (announce) live.textContent = lines.join(". ");
  }
  function hide() {
    tip.hidden = true;
    current = -1;
  }
  const point = (e) => {
    const r = canvas.getBoundingClientRect();
    const i = call(chart, (v) => v.markAt(e.clientX - r.left, e.clientY - r.top), -1);
    if (i >= 0) show(i, e.pointerType !== "mouse");
    else if (document.activeElement !== canvas) hide();
  };
  canvas.addEventListener("pointermove", point);
  canvas.addEventListener("pointerdown", point);
  canvas.addEventListener("pointerleave", () => { if (document.activeElement !== canvas) hide(); });
  canvas.addEventListener("focus", () => {
    // A ring of the theme's first series colour: at least 3:1 against either background.
    // On the frame: the canvas's own outline would be clipped by it.
    if (canvas.matches(":focus-visible")) clip.style.outline = "3px solid " + (fig.dataset.ocTheme === "dark" ? "#6eb0ec" : "#1d5a8c");
    clip.style.outlineOffset = "2px";
    show(current >= 0 ? current : 0, true);
  });
  canvas.addEventListener("blur", () => { clip.style.outline = ""; hide(); });
  canvas.addEventListener("keydown", (e) => {
    const n = call(chart, (v) => v.markCount(), 0);
    if (!n) return;
    let i = current < 0 ? 0 : current;
    switch (e.key) {
      case "ArrowRight": case "ArrowDown": i = Math.min(n - 1, i + 1); break;
      case "ArrowLeft": case "ArrowUp": i = Math.max(0, i - 1); break;
      case "Home": i = 0; break;
      case "End": i = n - 1; break;
      case "Escape": hide(); return;
      default: return;
    }
    e.preventDefault();
    show(i, true);
  });
}

// Draw each chart on the page as it comes within 300 px of the viewport. The WebAssembly starts
// loading at once if there is any chart, so that it compiles while the page settles; charts
// already within reach are mounted without waiting for an observer callback.
function auto() {
  const scripts = [...document.querySelectorAll(SELECTOR)];
  if (!scripts.length) return;
  load().catch(() => {}); // mountOne reports a failure where the chart would be
  if (!("IntersectionObserver" in window)) return scripts.forEach(mountOne);
  const io = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      io.unobserve(entry.target);
      const script = entry.target.querySelector(SELECTOR);
      if (script) mountOne(script);
    }
  }, { rootMargin: "300px 0px" });
  const slots = scripts.map(slotFor); // all slots first, then one layout to measure them
  slots.forEach((slot, i) => {
    const r = slot.getBoundingClientRect();
    if (r.top < innerHeight + 300 && r.bottom > -300) mountOne(scripts[i]);
    else io.observe(slot);
  });
}

auto();
