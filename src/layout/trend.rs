//! The trend plot: counts over periods as bars (grouped by series) or lines, with round ticks from
//! zero, light horizontal gridlines, direct value labels where they fit and period labels that
//! wrap or thin out on narrow screens.

use crate::describe::figure_label;
use crate::describe::Focus;
use crate::layout::annotate::{markers, Anchor};
use crate::layout::columns::{reduce, x_at, Extremes};
use crate::layout::frame::{line_height, Sizes};
use crate::layout::measure::{ellipsize, wrap, Font, Measure};
use crate::layout::scale::Scale;
use crate::layout::scene::{Align, Ink, MarkBox, Marker, Marks, Shape, Texture};
use crate::spec::{Annotation, Mark, Spec};
use crate::text::count_tick;

/// Most periods drawn as bars under `mark: auto`.
pub const AUTO_BAR_LIMIT: usize = 24;
/// The plot's height as a share of the chart's width (between 150 and 320 px).
pub const PLOT_HEIGHT_RATIO: f64 = 0.42;
/// Widest bar, in CSS px.
const MAX_BAR: f64 = 96.0;

/// What a trend's layout needs from its figures at any width, worked out once per chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prepared {
    /// The largest figure of all series (0 if none).
    pub max: f64,
    /// Each series' values as plain numbers.
    pub values: Vec<Vec<f64>>,
    /// Each series' min/max summaries (empty for short series).
    pub extremes: Vec<Extremes>,
}

/// Prepares `spec` (a trend) for layout at any width.
pub fn prepare(spec: &Spec) -> Prepared {
    let values: Vec<Vec<f64>> = spec
        .series
        .iter()
        .map(|s| s.values.iter().map(|f| f.value).collect())
        .collect();
    let max = values.iter().flatten().copied().fold(0.0, f64::max);
    let extremes = values.iter().map(|v| Extremes::new(v)).collect();
    Prepared {
        max,
        values,
        extremes,
    }
}

/// Lays out the trend plot from `top`; returns the y below it, the marks for hit-testing and the
/// annotations to list under the chart.
#[allow(clippy::too_many_arguments)]
pub fn layout(
    spec: &Spec,
    prep: &Prepared,
    shapes: &mut Vec<Shape>,
    top: f64,
    width: f64,
    sz: Sizes,
    m: &dyn Measure,
) -> (f64, Marks, Vec<usize>) {
    let n = spec.periods.len();
    let bars = match spec.mark {
        Mark::Bar => true,
        Mark::Line => false,
        Mark::Auto => n <= AUTO_BAR_LIMIT,
    };
    let mut y = top;
    if spec.series.len() > 1 {
        y = legend(spec, shapes, y, width, sz.label, bars, m) + 10.0;
    }
    let plot_h = (width * PLOT_HEIGHT_RATIO).clamp(150.0, 320.0);
    let scale = Scale::from_zero(prep.max, (plot_h / 55.0).round() as usize);
    let ticks: Vec<String> = scale.ticks.iter().map(|&t| count_tick(t)).collect();
    let gutter = ticks
        .iter()
        .map(|t| m.width(t, sz.label))
        .fold(0.0, f64::max)
        .ceil()
        + 8.0;
    let value_room = line_height(sz.value) + 2.0;
    let plot_top = y + value_room;
    let bottom = plot_top + plot_h;
    let x0 = gutter;
    let end_room = if bars {
        0.0
    } else {
        end_label_room(spec, sz.value, width, m)
    };
    let x1 = (width - 2.0 - end_room).max(x0 + 10.0);
    let y_of = |v: f64| bottom - scale.fraction(v) * plot_h;

    bands(
        spec,
        shapes,
        bars,
        (x0, x1),
        (plot_top - value_room, bottom),
    );
    for (t, label) in scale.ticks.iter().zip(&ticks) {
        let ty = y_of(*t);
        let ink = if *t == 0.0 { Ink::Axis } else { Ink::Grid };
        shapes.push(Shape::Line {
            from: (x0, ty),
            to: (width - 2.0, ty),
            ink,
            width: 1.0,
        });
        let text = label.clone();
        shapes.push(Shape::Text {
            x: x0 - 8.0,
            y: ty - sz.label.size * 0.55,
            text,
            font: sz.label,
            ink: Ink::Muted,
            align: Align::Right,
        });
    }
    // The zero line sits on top of the bars' feet, so draw it again after them (below).
    let plot = Plot {
        x0,
        x1,
        top: plot_top,
        bottom,
        y_of: &y_of,
        end_labels: end_room > 0.0,
    };
    let marks = if bars {
        bar_marks(spec, shapes, &plot, sz, m)
    } else {
        line_marks(spec, prep, shapes, &plot, sz)
    };
    shapes.push(Shape::Line {
        from: (x0, bottom),
        to: (width - 2.0, bottom),
        ink: Ink::Axis,
        width: 1.0,
    });
    let below = period_labels(spec, shapes, (x0, x1), bottom + 6.0, bars, sz.label, m);
    if spec.annotations.is_empty() {
        return (below, marks, Vec::new());
    }
    // Annotations: a marker under the period it marks (the middle of a range).
    let span = |a: &Annotation| annotated_span(spec, a, bars, x0, x1);
    let anchors: Vec<Anchor> = spec
        .annotations
        .iter()
        .enumerate()
        .filter_map(|(k, a)| {
            let (l, r) = span(a)?;
            Some(Anchor {
                k,
                x0: l,
                x1: r,
                y: 0.0,
            })
        })
        .collect();
    let (below, listed) = markers(spec, &anchors, below + 4.0, width, sz, shapes, m);
    (below, marks, listed)
}

/// The x span an annotation marks: one period's centre, or for a range (`to`) from the first
/// period's slot to the last's.
fn annotated_span(spec: &Spec, a: &Annotation, bars: bool, x0: f64, x1: f64) -> Option<(f64, f64)> {
    let n = spec.periods.len();
    let (from, to) = spec.annotated_periods(a)?;
    let slot = (x1 - x0) / n.max(1) as f64;
    let centre = |i: usize| {
        if bars {
            x0 + slot * (i as f64 + 0.5)
        } else {
            x_at(i, n, x0, x1)
        }
    };
    Some(if to == from {
        (centre(from), centre(from))
    } else if bars {
        (x0 + slot * from as f64, x0 + slot * (to + 1) as f64)
    } else {
        (centre(from), centre(to))
    })
}

/// Light bands behind the plot over the ranges of periods that annotations mark.
fn bands(
    spec: &Spec,
    shapes: &mut Vec<Shape>,
    bars: bool,
    (x0, x1): (f64, f64),
    (top, bottom): (f64, f64),
) {
    for a in spec.annotations.iter().filter(|a| a.to.is_some()) {
        if let Some((l, r)) = annotated_span(spec, a, bars, x0, x1).filter(|(l, r)| r > l) {
            shapes.push(Shape::Rect {
                rect: [l, top, r, bottom],
                ink: Ink::Track,
                hatched: false,
                texture: Texture::None,
            });
        }
    }
}

/// The plot area (CSS px) and its vertical scale, as the marks see it.
struct Plot<'a> {
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
    y_of: &'a dyn Fn(f64) -> f64,
    /// Room was kept right of `x1` for each line's last value.
    end_labels: bool,
}

fn bar_marks(
    spec: &Spec,
    shapes: &mut Vec<Shape>,
    plot: &Plot,
    sz: Sizes,
    m: &dyn Measure,
) -> Marks {
    let Plot {
        x0,
        x1,
        top,
        bottom,
        y_of,
        ..
    } = *plot;
    let n = spec.periods.len().max(1) as f64;
    let ns = spec.series.len().max(1) as f64;
    let slot = (x1 - x0) / n;
    #[allow(clippy::manual_clamp)] // min/max, unlike clamp, never passes a NaN on
    let bar = ((slot * 0.7) / ns).min(MAX_BAR).max(1.0);
    let group = bar * ns;
    let gap = if bar > 6.0 { 1.0 } else { 0.0 };
    let room = if ns > 1.0 { bar + 2.0 } else { slot - 4.0 };
    // Values are labelled on every bar or on none (then the tooltip and table carry them):
    // labels on some bars only would look like the others have no value.
    let labelled = spec
        .series
        .iter()
        .flat_map(|s| s.values.iter())
        .all(|f| m.width(&figure_label(f), sz.value) <= room);
    let mut boxes = Vec::new();
    for p in 0..spec.periods.len() {
        let gx = x0 + slot * p as f64 + (slot - group) / 2.0;
        for (j, s) in spec.series.iter().enumerate() {
            let Some(f) = s.values.get(p) else { continue };
            let left = gx + bar * j as f64;
            let ty = y_of(f.value);
            let rect = [left + gap, ty, left + bar - gap, bottom];
            shapes.push(Shape::Rect {
                rect,
                ink: Ink::Series(j),
                hatched: f.approximate,
                texture: if ns > 1.0 {
                    Texture::for_series(j)
                } else {
                    Texture::None
                },
            });
            if labelled {
                let ly = ty - line_height(sz.value);
                shapes.push(Shape::Text {
                    x: left + bar / 2.0,
                    y: ly,
                    text: figure_label(f),
                    font: sz.value,
                    ink: Ink::Text,
                    align: Align::Center,
                });
            }
            boxes.push(MarkBox {
                hit: [left, top - line_height(sz.value), left + bar, bottom],
                // Above the value label, which the tooltip must not cover.
                anchor: (left + bar / 2.0, ty - line_height(sz.value)),
                focus: Focus::Trend {
                    period: p,
                    series: Some(j),
                },
            });
        }
    }
    Marks::Boxes(boxes)
}

fn line_marks(
    spec: &Spec,
    prep: &Prepared,
    shapes: &mut Vec<Shape>,
    plot: &Plot,
    sz: Sizes,
) -> Marks {
    let Plot {
        x0,
        x1,
        top,
        bottom,
        y_of,
        end_labels,
    } = *plot;
    let n = spec.periods.len();
    let x_of = |i: usize| x_at(i, n, x0, x1);
    for (j, s) in spec.series.iter().enumerate() {
        let values = prep.values.get(j).map(Vec::as_slice).unwrap_or(&[]);
        let points = reduce(values, prep.extremes.get(j), x0, x1, y_of);
        shapes.push(Shape::Path {
            points,
            ink: Ink::Series(j),
            width: 2.5,
        });
        if n <= 40 {
            for (i, f) in s.values.iter().enumerate() {
                shapes.push(Shape::Dot {
                    at: (x_of(i), y_of(f.value)),
                    radius: 3.5,
                    ink: Ink::Series(j),
                    marker: Marker::for_series(j),
                });
            }
        }
    }
    // The last value of each series beside its line's end, pushed apart where they would overlap.
    if end_labels {
        let mut ends: Vec<(f64, String, usize)> = spec
            .series
            .iter()
            .enumerate()
            .filter_map(|(j, s)| {
                s.values
                    .last()
                    .map(|f| (y_of(f.value) - sz.value.size * 0.55, figure_label(f), j))
            })
            .collect();
        // At most 12 series: an insertion sort, rather than linking a general sort into the wasm.
        for i in 1..ends.len() {
            let mut j = i;
            while j > 0
                && ends
                    .get(j - 1)
                    .zip(ends.get(j))
                    .is_some_and(|(a, b)| a.0.total_cmp(&b.0).is_gt())
            {
                ends.swap(j - 1, j);
                j -= 1;
            }
        }
        let lh = line_height(sz.value);
        let mut floor = f64::NEG_INFINITY;
        for end in ends.iter_mut() {
            end.0 = end.0.max(floor);
            floor = end.0 + lh;
        }
        for (y, text, j) in ends {
            shapes.push(Shape::Text {
                x: x1 + 6.0,
                y,
                text,
                font: sz.value,
                ink: Ink::Series(j),
                align: Align::Left,
            });
        }
    }
    Marks::Columns {
        x0,
        x1,
        top,
        bottom,
        count: n,
    }
}

/// Room kept right of a line chart for the last values, or 0 when they would take over a quarter.
fn end_label_room(spec: &Spec, font: Font, width: f64, m: &dyn Measure) -> f64 {
    let w = spec
        .series
        .iter()
        .filter_map(|s| s.values.last())
        .map(|f| m.width(&figure_label(f), font))
        .fold(0.0, f64::max);
    if w + 8.0 <= width * 0.25 {
        w + 8.0
    } else {
        0.0
    }
}

fn legend(
    spec: &Spec,
    shapes: &mut Vec<Shape>,
    top: f64,
    width: f64,
    font: Font,
    bars: bool,
    m: &dyn Measure,
) -> f64 {
    let (mut x, mut y) = (0.0, top);
    let lh = line_height(font);
    for (j, s) in spec.series.iter().enumerate() {
        let name = ellipsize(s.name.trim(), font, width - 20.0, m);
        let w = 18.0 + m.width(&name, font) + 16.0;
        if x > 0.0 && x + w > width {
            x = 0.0;
            y += lh + 4.0;
        }
        let mid = y + lh / 2.0;
        if bars {
            shapes.push(Shape::Rect {
                rect: [x, mid - 6.0, x + 12.0, mid + 6.0],
                ink: Ink::Series(j),
                hatched: false,
                texture: Texture::for_series(j),
            });
        } else {
            shapes.push(Shape::Line {
                from: (x, mid),
                to: (x + 14.0, mid),
                ink: Ink::Series(j),
                width: 2.5,
            });
            shapes.push(Shape::Dot {
                at: (x + 7.0, mid),
                radius: 3.5,
                ink: Ink::Series(j),
                marker: Marker::for_series(j),
            });
        }
        shapes.push(Shape::Text {
            x: x + 18.0,
            y: mid - font.size * 0.55,
            text: name,
            font,
            ink: Ink::Text,
            align: Align::Left,
        });
        x += w;
    }
    y + lh
}

/// Period labels under the axis: all of them when they fit, wrapped to two lines when that helps,
/// otherwise every k-th one. Returns the y below them.
fn period_labels(
    spec: &Spec,
    shapes: &mut Vec<Shape>,
    (x0, x1): (f64, f64),
    top: f64,
    bars: bool,
    font: Font,
    m: &dyn Measure,
) -> f64 {
    let n = spec.periods.len();
    if n == 0 {
        return top;
    }
    let lh = line_height(font);
    let slot = if bars {
        (x1 - x0) / n as f64
    } else if n > 1 {
        (x1 - x0) / (n - 1) as f64
    } else {
        x1 - x0
    };
    // Under the middle of a bar's slot, or under a line's point.
    let x_of = |i: usize| {
        if bars {
            x0 + slot * (i as f64 + 0.5)
        } else {
            x_at(i, n, x0, x1)
        }
    };
    // Only the labels of every `step`-th period are measured and wrapped: a million-period trend
    // must not measure a million labels.
    let sample = n.min(200);
    let widest = (0..sample)
        .filter_map(|i| spec.periods.get(i * n / sample))
        .map(|p| m.width(p.label.trim(), font))
        .fold(0.0, f64::max);
    let fits_one = widest + 8.0 <= slot;
    // Wrapping only at spaces (never inside "2019/20"), up to three lines under bars, two under
    // lines.
    let wrap_lines = if bars { 3 } else { 2 };
    let wrapped = |label: &str| wrap(label, font, slot - 6.0, wrap_lines, m);
    let wrapped_fits = !fits_one
        && n <= 48
        && spec.periods.iter().all(|p| {
            let label = p.label.trim();
            label
                .split_whitespace()
                .all(|w| m.width(w, font) <= slot - 6.0)
                && !wrapped(label).iter().any(|l| l.ends_with('…'))
        });
    let step = if fits_one || wrapped_fits {
        1
    } else {
        ((widest + 12.0) / slot.max(0.01)).ceil().max(1.0) as usize
    };
    let mut max_lines = 1;
    let mut i = 0;
    while i < n {
        let Some(p) = spec.periods.get(i) else { break };
        let lines = if wrapped_fits {
            wrapped(p.label.trim())
        } else {
            vec![ellipsize(
                p.label.trim(),
                font,
                ((slot * step as f64).min(x1) - 12.0).max(20.0),
                m,
            )]
        };
        max_lines = max_lines.max(lines.len());
        for (k, line) in lines.into_iter().enumerate() {
            // Centred under its period, moved inward where it would leave the chart.
            let (x, align) = inside(x_of(i), Align::Center, m.width(&line, font), x1 + 2.0);
            shapes.push(Shape::Text {
                x,
                y: top + lh * k as f64,
                text: line,
                font,
                ink: Ink::Muted,
                align,
            });
        }
        i += step;
    }
    top + lh * max_lines as f64
}

/// Moves a label of width `w` anchored at `x` so that it lies within 0..=`right`.
fn inside(x: f64, align: Align, w: f64, right: f64) -> (f64, Align) {
    let left_edge = match align {
        Align::Left => x,
        Align::Center => x - w / 2.0,
        Align::Right => x - w,
    };
    let shift = if left_edge < 0.0 {
        -left_edge
    } else if left_edge + w > right {
        right - (left_edge + w)
    } else {
        0.0
    };
    (x + shift, align)
}

#[cfg(test)]
mod tests {
    use crate::layout::measure::{Approximate, Measure};
    use crate::layout::scene::{Align, Shape};
    use crate::spec::{Figure, Kind, Mark, Period, Series, Source, Spec};

    /// A two-series line chart whose last values are very wide labels.
    fn wide_ends() -> Spec {
        let periods = (0..30)
            .map(|i| Period {
                label: format!("P{i}"),
                name: None,
            })
            .collect();
        let series = (0..2)
            .map(|j| Series {
                name: format!("S{j}"),
                values: (0..30)
                    .map(|i| Figure::exact(1e14 + (i * j) as f64))
                    .collect(),
            })
            .collect();
        Spec {
            version: 1,
            kind: Kind::Trend,
            title: "T".into(),
            subtitle: None,
            unit: None,
            sources: vec![Source {
                name: "S".into(),
                url: None,
                date: None,
            }],
            notes: vec![],
            revision: None,
            periods,
            series,
            mark: Mark::Line,
            categories: vec![],
            annotations: vec![],
        }
    }

    #[test]
    fn end_labels_never_run_past_the_chart() {
        let m = Approximate;
        for width in [240.0, 320.0, 640.0, 1280.0] {
            let spec = wide_ends();
            let scene = crate::layout::layout(&spec, &super::prepare(&spec), width, &m);
            for s in &scene.shapes {
                if let Shape::Text {
                    x,
                    text,
                    font,
                    align: Align::Left,
                    ..
                } = s
                {
                    let right = x + m.width(text, *font);
                    assert!(
                        right <= width + 0.5,
                        "{text:?} ends at {right} on a {width} px chart"
                    );
                }
            }
        }
    }
}
