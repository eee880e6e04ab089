// offence-charts loader. Import it as <script type="module" src=".../offence-charts.js">: it finds
// every <script type="application/json" data-offence-chart> on the page and draws each chart as it
// nears the viewport, fetching and instantiating the WebAssembly once for all of them.
// It sets no cookies, uses no storage and requests nothing but its own two files.
import init, { mountScript, renderChart as renderOnCanvas } from "./offence_charts.js";

const SELECTOR = 'script[type="application/json"][data-offence-chart]';
let ready = null;

/** Fetches and instantiates the WebAssembly once; later calls share the same promise. */
export function load() {
  ready ??= init();
  return ready;
}

/** Draws `spec` (JSON text, object or default chart name) on `canvas`; throws an Error if bad. */
export async function renderChart(canvas, spec) {
  await load();
  return renderOnCanvas(canvas, spec);
}

/** Mounts every chart spec under `root` now (not lazily); resolves to the number drawn. */
export async function mountAll(root = document) {
  const scripts = [...root.querySelectorAll(SELECTOR)];
  const views = await Promise.all(scripts.map(mountOne));
  return views.filter(Boolean).length;
}

async function mountOne(script) {
  const slot = slotFor(script);
  try {
    await load();
  } catch (e) {
    return failed(slot, script, "the chart program could not be loaded (" + (e && e.message ? e.message : e) + ")");
  }
  if (!script.isConnected) return null; // mounted already by another call
  let view = null;
  try {
    view = mountScript(script);
  } catch (e) {
    // mountScript has already put the message where the chart would be.
    slot.style.minHeight = "";
    return null;
  }
  slot.style.minHeight = "";
  wire(view);
  view.figure.dispatchEvent(new CustomEvent("offence-charts:drawn", { bubbles: true }));
  return view;
}

// A wrapper that reserves the chart's space before it is drawn, so nothing below it jumps.
function slotFor(script) {
  const parent = script.parentElement;
  if (parent && parent.classList.contains("oc-slot")) return parent;
  const slot = document.createElement("div");
  slot.className = "oc-slot";
  slot.style.cssText = "display:block;width:100%;min-height:" + Math.round(Math.max(300, Math.min(560, (script.parentElement?.clientWidth || 600) * 0.7))) + "px";
  script.replaceWith(slot);
  slot.append(script);
  return slot;
}

function failed(slot, script, message) {
  const box = document.createElement("figure");
  box.className = "oc-chart oc-error";
  box.dataset.ocState = "error";
  box.style.cssText = "margin:1.5em 0;padding:12px 14px;border:1px solid #b00020;border-left-width:4px;font:14px/1.4 Helvetica,Arial,sans-serif";
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.style.margin = "0";
  p.textContent = "This chart could not be drawn: " + message;
  box.append(p);
  slot.style.minHeight = "";
  script.replaceWith(box);
  return null;
}

// Redraws on resize, zoom and theme change; tooltips on hover, tap and keyboard focus.
function wire(view) {
  const fig = view.figure;
  const canvas = view.canvas;
  const tip = fig.querySelector(".oc-tip");
  const live = fig.querySelector(".oc-live");
  const forced = fig.dataset.theme === "dark" || fig.dataset.theme === "light" ? fig.dataset.theme : null;
  const dark = matchMedia("(prefers-color-scheme: dark)");
  let drawn = "";
  let current = -1;
  let frame = 0;

  const redraw = () => {
    frame = 0;
    const width = Math.round(fig.clientWidth);
    const theme = forced || (dark.matches ? "dark" : "light");
    const key = width + "/" + devicePixelRatio + "/" + theme;
    if (width <= 0 || key === drawn) return;
    drawn = key;
    try {
      view.draw(width, devicePixelRatio || 1, theme);
      fig.dataset.ocTheme = theme;
      tip.style.background = theme === "dark" ? "#f2f2f2" : "#1a1a1a";
      tip.style.color = theme === "dark" ? "#111" : "#fff";
    } catch (e) {
      console.warn("offence-charts:", e.message);
    }
    if (current >= 0) show(current, false);
  };
  const schedule = () => { frame ||= requestAnimationFrame(redraw); };
  redraw();
  new ResizeObserver(schedule).observe(fig);
  dark.addEventListener("change", schedule);
  // devicePixelRatio changes (zoom, another screen): a media query on the current ratio fires once.
  const watchRatio = () => {
    matchMedia("(resolution: " + devicePixelRatio + "dppx)").addEventListener("change", () => { schedule(); watchRatio(); }, { once: true });
  };
  watchRatio();
  addEventListener("beforeprint", () => { drawn = ""; view.draw(Math.round(fig.clientWidth), Math.max(2, devicePixelRatio), "light"); });
  addEventListener("afterprint", () => { drawn = ""; schedule(); });

  function show(i, announce) {
    const lines = view.tip(i);
    if (!lines.length) return hide();
    current = i;
    const head = document.createElement("strong");
    head.textContent = lines[0];
    tip.replaceChildren(head, ...lines.slice(1).map((l) => { const d = document.createElement("div"); d.textContent = l; return d; }));
    tip.hidden = false;
    const [x, y] = view.anchor(i);
    const box = fig.clientWidth;
    const left = Math.max(0, Math.min(x - tip.offsetWidth / 2, box - tip.offsetWidth));
    const top = y - tip.offsetHeight - 10 >= 0 ? y - tip.offsetHeight - 10 : y + 12;
    tip.style.left = left + "px";
    tip.style.top = top + "px";
    if (announce) live.textContent = lines.join(". ");
  }
  function hide() {
    tip.hidden = true;
    current = -1;
  }
  const point = (e) => {
    const r = canvas.getBoundingClientRect();
    const i = view.markAt(e.clientX - r.left, e.clientY - r.top);
    if (i >= 0) show(i, e.pointerType !== "mouse");
    else if (document.activeElement !== canvas) hide();
  };
  canvas.addEventListener("pointermove", point);
  canvas.addEventListener("pointerdown", point);
  canvas.addEventListener("pointerleave", () => { if (document.activeElement !== canvas) hide(); });
  canvas.addEventListener("focus", () => {
    if (canvas.matches(":focus-visible")) canvas.style.outline = "3px solid #1d5a8c";
    canvas.style.outlineOffset = "2px";
    show(current >= 0 ? current : 0, true);
  });
  canvas.addEventListener("blur", () => { canvas.style.outline = ""; hide(); });
  canvas.addEventListener("keydown", (e) => {
    const n = view.markCount();
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

// Draw each chart on the page as it comes within 300 px of the viewport.
function auto() {
  const scripts = [...document.querySelectorAll(SELECTOR)];
  if (!("IntersectionObserver" in window)) return scripts.forEach(mountOne);
  const io = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      io.unobserve(entry.target);
      const script = entry.target.querySelector(SELECTOR);
      if (script) mountOne(script);
    }
  }, { rootMargin: "300px 0px" });
  for (const s of scripts) io.observe(slotFor(s));
}

auto();
