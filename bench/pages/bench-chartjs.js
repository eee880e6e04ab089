// Bench harness for the Chart.js baseline (driven by bench/run.mjs through window.bench): the same
// chart as chartjs-embed.html, redrawn by chart.resize(w, 400) at 640/600 px, recoloured for the
// other theme every other redraw, like our redraw benchmark.
(() => {
  const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));

  async function redraw(name, n, warm) {
    const box = document.getElementById("box");
    box.replaceChildren();
    const canvas = document.createElement("canvas");
    box.append(canvas);
    const chart = new Chart(canvas, window.ocChartjs.config(name, "light"));
    let theme = "light";
    const times = [];
    for (let i = 0; i < warm + n; i++) {
      const width = i % 2 ? 600 : 640;
      const next = (i >> 1) % 2 ? "dark" : "light";
      await frame();
      const t0 = performance.now();
      if (next !== theme) {
        window.ocChartjs.setTheme(chart, next);
        theme = next;
      }
      chart.resize(width, 400);
      const t1 = performance.now();
      if (i >= warm) times.push(t1 - t0);
    }
    const result = { times, width: canvas.width, height: canvas.height };
    chart.destroy();
    return result;
  }

  window.bench = { ready: Promise.resolve(true), redraw };
})();
