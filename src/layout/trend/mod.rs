//! The trend plot: counts over periods as bars (grouped by series) or lines, with round ticks from
//! zero, light horizontal gridlines, direct value labels where they fit and period labels that
//! wrap or thin out on narrow screens.
//!
//! Holds the plot's frame and axis ([`layout`]), the figures worked out once a chart
//! ([`prepare`]), the bars ([`bars`]), the lines ([`lines`]), the legend ([`legend`]), the period
//! labels ([`labels`]) and the bands and markers of annotations ([`bands`]).

mod bands;
mod bars;
mod labels;
mod legend;
mod lines;
mod prepare;

pub use prepare::{prepare, Prepared};

use crate::layout::annotate::{markers, Anchor};
use crate::layout::columns::x_at;
use crate::layout::frame::{line_height, Frame};
use crate::layout::scale::Scale;
use crate::layout::scene::{Align, Ink, Marks, Shape};
use crate::spec::{Annotation, Mark, Spec};
use crate::text::count_tick;
use bands::{annotated_span, bands};
use bars::bar_marks;
use labels::period_labels;
use legend::legend;
use lines::{end_label_room, line_marks};

/// Most periods drawn as bars under `mark: auto`.
pub const AUTO_BAR_LIMIT: usize = 24;
/// The plot's height as a share of the chart's width (between 150 and 320 px).
pub const PLOT_HEIGHT_RATIO: f64 = 0.42;

/// Lays out the trend plot from `top`; returns the y below it, the marks for hit-testing and the
/// annotations to list under the chart.
pub fn layout(spec: &Spec, prep: &Prepared, f: &mut Frame, top: f64) -> (f64, Marks, Vec<usize>) {
    let (width, sz, m) = (f.width, f.sz, f.m);
    let n = spec.periods.len();
    let bars = match spec.mark {
        Mark::Bar => true,
        Mark::Line => false,
        Mark::Auto => n <= AUTO_BAR_LIMIT,
    };
    let mut y = top;
    if spec.series.len() > 1 {
        y = legend(spec, f, y, bars) + 10.0;
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
        f.shapes,
        bars,
        (x0, x1),
        (plot_top - value_room, bottom),
    );
    for (t, label) in scale.ticks.iter().zip(&ticks) {
        let ty = y_of(*t);
        let ink = if *t == 0.0 { Ink::Axis } else { Ink::Grid };
        f.shapes.push(Shape::Line {
            from: (x0, ty),
            to: (width - 2.0, ty),
            ink,
            width: 1.0,
        });
        let text = label.clone();
        f.shapes.push(Shape::Text {
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
        bar_marks(spec, f, &plot)
    } else {
        line_marks(spec, prep, f, &plot)
    };
    f.shapes.push(Shape::Line {
        from: (x0, bottom),
        to: (width - 2.0, bottom),
        ink: Ink::Axis,
        width: 1.0,
    });
    // A break in series: a dashed rule between the periods either side of it.
    for &i in &prep.breaks {
        let slot = (x1 - x0) / n.max(1) as f64;
        let x = if bars {
            x0 + slot * i as f64
        } else {
            let (a, b) = (x_at(i.saturating_sub(1), n, x0, x1), x_at(i, n, x0, x1));
            (a + b) / 2.0
        };
        let mut y = plot_top - value_room;
        while y < bottom {
            f.shapes.push(Shape::Line {
                from: (x, y),
                to: (x, (y + 4.0).min(bottom)),
                ink: Ink::Muted,
                width: 1.0,
            });
            y += 7.0;
        }
    }
    let below = period_labels(spec, f, (x0, x1), bottom + 6.0, bars);
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
    let (below, listed) = markers(spec, &anchors, below + 4.0, f);
    (below, marks, listed)
}

/// The plot area (CSS px) and its vertical scale, as the marks see it.
pub struct Plot<'a> {
    /// Left edge of the marks.
    pub x0: f64,
    /// Right edge of the marks.
    pub x1: f64,
    /// Top of the plot.
    pub top: f64,
    /// The zero line.
    pub bottom: f64,
    /// A value's y.
    pub y_of: &'a dyn Fn(f64) -> f64,
    /// Room was kept right of `x1` for each line's last value.
    pub end_labels: bool,
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
                brk: None,
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
                file: None,
                table: None,
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
