// Bench harness for the uPlot peer (driven by bench/run.mjs through window.bench): the same chart
// as uplot-embed.html, redrawn at 640/600 px by setSize inside uPlot's `batch` (so the draw runs
// within the call, not in a later microtask), recoloured for the other theme every other redraw,
// like our redraw benchmark. Trend chart only.
(() => {
  const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));

  async function redraw(name, n, warm) {
    const box = document.getElementById("box");
    box.replaceChildren();
    let drawn;
    const ready = new Promise((ok) => (drawn = ok));
    const chart = window.ocUplot.make(box, name, "light", () => drawn());
    await ready;
    const { u, plotHeight } = chart;
    let theme = "light";
    const times = [];
    for (let i = 0; i < warm + n; i++) {
      const width = i % 2 ? 600 : 640;
      const next = (i >> 1) % 2 ? "dark" : "light";
      await frame();
      const t0 = performance.now();
      if (next !== theme) {
        chart.setTheme(next);
        theme = next;
      }
      u.batch(() => u.setSize({ width, height: plotHeight }));
      const t1 = performance.now();
      if (i >= warm) times.push(t1 - t0);
    }
    const canvas = u.root.querySelector("canvas");
    const result = { times, width: canvas.width, height: canvas.height, plotHeight };
    u.destroy();
    return result;
  }

  window.bench = { ready: Promise.resolve(true), redraw };
})();
