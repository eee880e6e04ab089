// Bench harness for offence-charts (driven by bench/run.mjs through window.bench). Imports the
// wasm-bindgen glue directly (?glue=oc-<hash>.js): `init()` resolves to the wasm exports, so the
// memory can be read. Every task returns raw samples; run.mjs takes the medians.
const glue = new URLSearchParams(location.search).get("glue") || "";
if (!/^oc-[0-9a-f]{10}\.js$/.test(glue))
  throw new Error("bench-ours.html needs ?glue=oc-<hash>.js");
const box = document.getElementById("box");
const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));

const loaded = (async () => {
  const m = await import(`./${glue}`);
  const wasm = await m.default();
  // The wasm's memory: dist.sh shortens export names, so found by type rather than as `memory`.
  const exports = { memory: Object.values(wasm).find((v) => v instanceof WebAssembly.Memory) };
  // The named charts' spec files, found as the loader finds them (it mounts nothing on this page).
  const { namedSpec } = await import("./offence-charts.js");
  const specs = {};
  for (const name of ["offence-trend", "detection-rate"]) specs[name] = await namedSpec(name);
  return { m, exports, specs };
})();

function canvas() {
  box.replaceChildren();
  const c = document.createElement("canvas");
  c.className = "ours";
  box.append(c);
  return c;
}

/**
 * `n` timed redraws (after `warm` untimed) alternating 640/600 px and, every other one, the theme.
 * As the loader does for every chart it mounts: the canvas in a frame that clips it to the chart,
 * and `keepBitmap()`, so a narrower redraw reuses the backing store. With `?fresh`, not: each
 * width change gets a new store (what `renderChart` alone does), for comparison.
 */
async function redraw(name, n, warm, fresh = false) {
  const { m, specs } = await loaded;
  const c = canvas();
  const frameBox = document.createElement("div");
  frameBox.style.cssText = "overflow:hidden";
  c.replaceWith(frameBox);
  frameBox.append(c);
  const view = m.renderChart(c, specs[name]);
  if (!fresh) view.keepBitmap();
  const times = [];
  for (let i = 0; i < warm + n; i++) {
    const width = i % 2 ? 600 : 640;
    const theme = (i >> 1) % 2 ? "dark" : "light";
    await frame(); // one redraw per frame, as on a real resize; the canvas is presented in between
    const t0 = performance.now();
    const h = view.draw(width, 1, theme);
    const t1 = performance.now();
    frameBox.style.height = `${h}px`;
    if (i >= warm) times.push(t1 - t0);
  }
  return { times, marks: view.markCount(), height: view.height };
}

/**
 * Records every measureText call the first draw of `name` at 640 px makes (text and font; later
 * draws find most widths in the chart's cache), then times,
 * per round, measuring all of them (a) the way plotters' web font backend does (a <span> appended
 * to <body>, its width read, removed: a forced layout each) and (b) with measureText on a canvas
 * context, setting the font only when it changes (what src/web/canvas.rs does).
 */
async function text(name, rounds) {
  const { m, specs } = await loaded;
  const c = canvas();
  c.style.width = "640px";
  const calls = [];
  const proto = CanvasRenderingContext2D.prototype;
  const original = proto.measureText;
  proto.measureText = function (s) {
    calls.push({ text: String(s), font: this.font });
    return original.call(this, s);
  };
  try {
    m.renderChart(c, specs[name]); // a new chart: its first layout measures every string
  } finally {
    proto.measureText = original;
  }
  const ctx = document.createElement("canvas").getContext("2d");
  const dom = (list) => {
    let sum = 0;
    for (const { text, font } of list) {
      const span = document.createElement("span");
      span.textContent = text;
      span.style.cssText = `display:inline-block;position:fixed;top:100%;white-space:pre;font:${font}`;
      document.body.append(span);
      sum += span.getBoundingClientRect().width;
      span.remove();
    }
    return sum;
  };
  const canvasWay = (list) => {
    let sum = 0;
    let current = "";
    for (const { text, font } of list) {
      if (font !== current) {
        ctx.font = font;
        current = font;
      }
      sum += ctx.measureText(text).width;
    }
    return sum;
  };
  // The two agree on widths (a check that both measure the same thing).
  let maxDiff = 0;
  for (const call of calls) {
    ctx.font = call.font;
    maxDiff = Math.max(maxDiff, Math.abs(dom([call]) - ctx.measureText(call.text).width));
  }
  const before = [];
  const after = [];
  for (let r = 0; r < rounds; r++) {
    const first = r % 2 ? [dom, before] : [canvasWay, after];
    const second = r % 2 ? [canvasWay, after] : [dom, before];
    for (const [fn, out] of [first, second]) {
      const t0 = performance.now();
      fn(calls);
      out.push(performance.now() - t0);
    }
  }
  const unique = new Set(calls.map((c) => `${c.font}|${c.text}`)).size;
  return {
    calls: calls.length,
    unique,
    sample: calls.slice(0, 40),
    before,
    after,
    maxDiff,
    fonts: [...new Set(calls.map((c) => c.font))],
  };
}

/** A one-series line trend of `n` points labelled P1…Pn, as JSON text. */
function bigSpec(n) {
  const periods = new Array(n);
  const values = new Array(n);
  let v = 5000;
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    v = Math.max(0, v + ((seed >> 8) % 201) - 100);
    periods[i] = `{"label":"P${i + 1}"}`;
    values[i] = v;
  }
  return (
    '{"version":1,"kind":"trend","title":"Scale test: ' +
    n +
    ' points","unit":"offences","sources":[{"name":"Synthetic"}],"mark":"line","periods":[' +
    periods.join(",") +
    '],"series":[{"name":"Values","values":[' +
    values.join(",") +
    "]}]}"
  );
}

/** First renderChart of an `n`-point line (parse + validate + layout + draw), then `redraws` redraws. */
async function scale(n, redraws) {
  const { m, exports } = await loaded;
  const memoryBefore = exports.memory.buffer.byteLength;
  const spec = bigSpec(n);
  const c = canvas();
  await frame();
  const t0 = performance.now();
  const view = m.renderChart(c, spec);
  const first = performance.now() - t0;
  const memoryAfterFirst = exports.memory.buffer.byteLength;
  const times = [];
  for (let i = 0; i < redraws; i++) {
    await frame();
    // Alternating widths: every redraw lays out again (reduces the series at the new width).
    const t = performance.now();
    view.draw(i % 2 ? 600 : 640, 1, "light");
    times.push(performance.now() - t);
  }
  // For comparison: JSON.parse alone of the same text (renderChart parses it with JSON.parse too).
  const tp = performance.now();
  JSON.parse(spec);
  const parse = performance.now() - tp;
  return {
    n,
    specBytes: spec.length,
    first,
    parse,
    times,
    memoryBefore,
    memoryAfterFirst,
    memory: exports.memory.buffer.byteLength,
    marks: view.markCount(),
  };
}

window.bench = { ready: loaded.then(() => true), redraw, text, scale };
