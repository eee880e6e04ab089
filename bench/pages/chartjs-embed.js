// The benchmark's Chart.js baseline: the same figures as our two default charts (filled in from
// data/*.json by bench/run.mjs where FIGURES is), as a bar chart (trend) and a horizontal bar chart
// (rate), animation off, 640 × 400 CSS px. On chartjs-embed.html it draws ?chart=… at once and
// records performance.now() right after `new Chart(…)`; bench pages (<html data-bench>) only use
// window.ocChartjs.
(() => {
  const FIGURES = /*FIGURES*/ null;
  const THEMES = {
    light: { text: "#1a1a1a", muted: "#5c5c5c", grid: "#e2e2e2", series: "#1d5a8c" },
    dark: { text: "#eeeeee", muted: "#b0b4ba", grid: "#3a3e44", series: "#6eb0ec" },
  };
  const FONT = "Helvetica, Arial, Liberation Sans, sans-serif";

  function config(name, theme) {
    const f = FIGURES[name];
    const c = THEMES[theme];
    const rate = f.kind === "rate";
    const axis = (extra) => ({ ticks: { color: c.muted }, grid: { color: c.grid }, ...extra });
    return {
      type: "bar",
      data: {
        labels: f.labels,
        datasets: f.series.map((s) => ({
          label: s.name,
          data: s.values,
          backgroundColor: c.series,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: "en-GB",
        indexAxis: rate ? "y" : "x",
        font: { family: FONT },
        plugins: {
          title: {
            display: true,
            text: f.title,
            align: "start",
            color: c.text,
            font: { family: FONT, size: 20, weight: "bold" },
          },
          subtitle: {
            display: !!f.subtitle,
            text: f.subtitle || "",
            align: "start",
            color: c.muted,
            font: { family: FONT, size: 15 },
          },
          legend: { display: false },
        },
        scales: rate
          ? { x: axis({ min: 0, max: 100 }), y: axis({}) }
          : { x: axis({}), y: axis({ beginAtZero: true }) },
      },
    };
  }

  /** Recolours `chart` for `theme` (options and dataset colours); the caller redraws it. */
  function setTheme(chart, theme) {
    const c = THEMES[theme];
    const o = chart.options;
    o.plugins.title.color = c.text;
    o.plugins.subtitle.color = c.muted;
    for (const id of Object.keys(o.scales)) {
      o.scales[id].ticks.color = c.muted;
      o.scales[id].grid.color = c.grid;
    }
    for (const d of chart.data.datasets) d.backgroundColor = c.series;
  }

  window.ocChartjs = { FIGURES, config, setTheme };
  if (document.documentElement.dataset.bench !== undefined) return;
  const name = new URLSearchParams(location.search).get("chart") || "offence-trend";
  const chart = new Chart(document.getElementById("chart"), config(name, "light"));
  window.__benchDrawn = performance.now();
  window.__benchChart = chart;
})();
