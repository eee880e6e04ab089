// Reading a chart's marks from its pixels, for the end-to-end tests: bars found as runs of
// columns in a series' colour, on the canvas (in the page) or on a printed page's raster (in
// Node). `barMarks` is self-contained (no imports, no closures over this module) because
// `onCanvas` hands its source text to the page.

/**
 * The bar-like marks of colour `colour` (within `tol`) in pixels `px(x, y) → [r, g, b]` (`width`
 * × `height`, `dpr` pixels a CSS px): runs of columns holding the colour over at least 10 CSS px,
 * runs closer than `merge` CSS px joined into one (a textured bar's stripes; 0 joins none). A
 * run wider than 4 CSS px is a `solid` bar (`stripes`: the runs joined in it); two narrow runs
 * more than 6 CSS px apart are a `hollow` bar's left and right sides (`inside`: the pixel at its
 * middle; `edge`: the pixel on its top edge; `sides`: the two runs' widths); any other narrow run
 * is `narrow`. Also `perColumn`: the pixels of the colour in each column.
 */
export function barMarks(px, width, height, { colour, dpr, tol = 6, merge = 0 }) {
  const near = (p) => Math.hypot(p[0] - colour[0], p[1] - colour[1], p[2] - colour[2]) <= tol;
  const perColumn = [];
  const runs = [];
  let run = null;
  for (let x = 0; x < width; x++) {
    let count = 0;
    let top = -1;
    let bottom = -1;
    for (let y = 0; y < height; y++) {
      if (near(px(x, y))) {
        count++;
        if (top < 0) top = y;
        bottom = y;
      }
    }
    perColumn.push(count);
    const last = runs.at(-1);
    if (count < 10 * dpr) run = null;
    else if (run) {
      run.x1 = x;
      run.top = Math.min(run.top, top);
      run.bottom = Math.max(run.bottom, bottom);
    } else if (last && x - last.x1 <= merge * dpr) {
      run = last;
      run.x1 = x;
      run.top = Math.min(run.top, top);
      run.bottom = Math.max(run.bottom, bottom);
      run.stripes++;
    } else {
      run = { x0: x, x1: x, top, bottom, stripes: 1 };
      runs.push(run);
    }
  }
  const marks = [];
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    if (r.x1 - r.x0 + 1 > 4 * dpr) {
      marks.push({ kind: "solid", ...r });
      continue;
    }
    const s = runs[i + 1];
    if (s && s.x1 - s.x0 + 1 <= 4 * dpr && s.x0 - r.x1 > 6 * dpr) {
      const mid = Math.round((r.x1 + s.x0) / 2);
      const top = Math.min(r.top, s.top);
      const bottom = Math.max(r.bottom, s.bottom);
      marks.push({
        kind: "hollow",
        x0: r.x0,
        x1: s.x1,
        top,
        bottom,
        inside: px(mid, Math.round((top + bottom) / 2)).slice(0, 3),
        edge: px(mid, top + Math.floor(dpr / 2)).slice(0, 3),
        sides: [r.x1 - r.x0 + 1, s.x1 - s.x0 + 1],
      });
      i++;
    } else marks.push({ kind: "narrow", x0: r.x0, x1: r.x1, top: r.top, bottom: r.bottom });
  }
  return { marks, perColumn };
}

/**
 * Runs `scan(px, width, height, options)` in `page` on the pixels of its (first) chart's canvas,
 * read back with getImageData; `options` gains the page's `dpr`. `scan` must be self-contained
 * but for `barMarks`, which it may call. Resolves to `{width, height, dpr, ...what scan returns}`.
 */
export function onCanvas(page, scan, options) {
  return page.evaluate(`(() => {
    const barMarks = ${barMarks};
    const canvas = document.querySelector("figure.oc-chart canvas.oc-canvas");
    const { width, height } = canvas;
    const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
    const px = (x, y) => {
      const i = (y * width + x) * 4;
      return [data[i], data[i + 1], data[i + 2]];
    };
    const options = { ...${JSON.stringify(options)}, dpr: devicePixelRatio };
    return { width, height, dpr: devicePixelRatio, ...(${scan})(px, width, height, options) };
  })()`);
}
