// The benchmark's uPlot peer (trend chart only): the same figures as our offence-trend chart
// (filled in from data/offence-trend.json by bench/run.mjs where FIGURES is), as bars drawn by
// uPlot.paths.bars, 640 × 400 CSS px in all: uPlot's own HTML title, a subtitle and a source line
// as HTML (uPlot has neither), the plot canvas in between. No legend (as the Chart.js page).
// On uplot-embed.html it draws ?chart=… at once and records performance.now() in uPlot's `ready`
// hook, which runs at the end of its first draw (uPlot draws in a microtask after `new uPlot`).
// Bench pages (<html data-bench>) only use window.ocUplot. Styles are set through CSSOM only
// (the page's CSP has no 'unsafe-inline'), as uPlot itself does.
(() => {
  const FIGURES = /*FIGURES*/ null;
  const THEMES = {
    light: { text: "#1a1a1a", muted: "#5c5c5c", grid: "#e2e2e2", series: "#1d5a8c" },
    dark: { text: "#eeeeee", muted: "#b0b4ba", grid: "#3a3e44", series: "#6eb0ec" },
  };
  const FONT = "12px Helvetica, Arial, Liberation Sans, sans-serif";
  const WIDTH = 640;
  const HEIGHT = 400;

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    e.className = cls;
    e.textContent = text;
    return e;
  };

  /**
   * Draws chart `name` into `box` (its plot sized so that title, subtitle, plot and source line
   * fill 640 × 400); `onReady` runs in uPlot's ready hook. Returns the chart, the plot's height and
   * `setTheme(theme)`, which recolours it (the next draw uses the new colours).
   */
  function make(box, name, theme, onReady) {
    const f = FIGURES[name];
    let c = THEMES[theme];
    const labels = f.labels;
    const data = [labels.map((_, i) => i), ...f.series.map((s) => s.values)];
    const axis = (extra) => ({
      font: FONT,
      stroke: () => c.muted,
      grid: { stroke: () => c.grid, width: 1 },
      ticks: { stroke: () => c.grid, width: 1 },
      ...extra,
    });
    const opts = {
      title: f.title,
      width: WIDTH,
      height: HEIGHT,
      legend: { show: false },
      scales: {
        x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
        y: { range: (_u, _min, max) => uPlot.rangeNum(0, max, 0.1, true) },
      },
      axes: [
        axis({
          splits: () => labels.map((_, i) => i),
          values: (_u, splits) => splits.map((i) => labels[i] || ""),
          grid: { show: false },
        }),
        axis({}),
      ],
      series: [
        {},
        ...f.series.map((s) => ({
          label: s.name,
          fill: () => c.series,
          stroke: () => c.series,
          width: 0,
          paths: uPlot.paths.bars({ size: [0.6, 100] }),
          points: { show: false },
        })),
      ],
      hooks: onReady ? { ready: [onReady] } : {},
    };
    let sub, source, plotHeight;
    const u = new uPlot(opts, data, (self, init) => {
      box.append(self.root);
      sub = el("div", "u-subtitle", f.subtitle);
      self.root.querySelector(".u-title").after(sub);
      source = el("p", "u-source", f.source);
      box.append(source);
      // One layout: what the title, subtitle and source line take leaves the plot's height.
      const top = box.getBoundingClientRect().top;
      plotHeight = Math.floor(
        HEIGHT - (sub.getBoundingClientRect().bottom - top) - source.offsetHeight,
      );
      init();
      self.setSize({ width: WIDTH, height: plotHeight }); // before uPlot's first draw (a microtask)
    });
    function setTheme(theme) {
      c = THEMES[theme];
      u.root.style.color = c.text;
      sub.style.color = c.muted;
      source.style.color = c.muted;
    }
    return { u, plotHeight, setTheme };
  }

  window.ocUplot = { FIGURES, make };
  if (document.documentElement.dataset.bench !== undefined) return;
  const name = new URLSearchParams(location.search).get("chart") || "offence-trend";
  const chart = make(document.getElementById("chart"), name, "light", () => {
    window.__benchDrawn = performance.now();
  });
  window.__benchChart = chart.u;
})();
