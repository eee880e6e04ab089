//! A trend's lines.

use super::{Plot, Prepared};
use crate::describe::figure_label;
use crate::layout::columns::{reduce, x_at};
use crate::layout::frame::{line_height, Frame};
use crate::layout::measure::{Font, Measure};
use crate::layout::scene::{Align, Ink, Marker, Marks, Shape};
use crate::spec::Spec;

/// A line per series, thinned to the pixels it covers; a marker on each point while they are
/// few and at least 4 px apart; each series' last value beside its end when there is room.
pub fn line_marks(spec: &Spec, prep: &Prepared, f: &mut Frame, plot: &Plot) -> Marks {
    let sz = f.sz;
    let shapes = &mut f.shapes;
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
    let dense = n > 40 || (x1 - x0) < 4.0 * n.saturating_sub(1) as f64;
    for (j, s) in spec.series.iter().enumerate() {
        let values = prep.values.get(j).map(Vec::as_slice).unwrap_or(&[]);
        // A line in runs between missing figures and breaks in series; the summary of the whole
        // series serves when there is a single run.
        let whole = !prep.gaps && prep.breaks.is_empty();
        // Half-pixel columns already drawn: a run (or a marker) within one adds nothing, and
        // bounds the shapes of a million figures with gaps between them.
        let column = |i: usize| (x_of(i) * 2.0).floor();
        let mut drawn = f64::NEG_INFINITY;
        let mut start = 0;
        while start < n {
            if values.get(start).is_some_and(|v| v.is_nan()) {
                start += 1;
                continue;
            }
            let mut end = if whole { n } else { start + 1 };
            while end < n
                && !values.get(end).is_some_and(|v| v.is_nan())
                && !prep.breaks.contains(&end)
            {
                end += 1;
            }
            if column(end - 1) <= drawn {
                start = end;
                continue;
            }
            drawn = column(end - 1);
            let run = values.get(start..end).unwrap_or(&[]);
            let ext = prep.extremes.get(j).filter(|_| whole);
            let points = reduce(run, ext, x_of(start), x_of(end - 1), y_of);
            shapes.push(Shape::Path {
                points,
                ink: Ink::Series(j),
                width: 2.5,
            });
            start = end;
        }
        if dense && !prep.gaps && !prep.hollow {
            continue;
        }
        let mut dotted = f64::NEG_INFINITY;
        for (i, f) in s.values.iter().enumerate() {
            let Some(v) = f.known() else { continue };
            // Markers on a dense line (over a point per 4 px) would make it look jagged; a point
            // alone between gaps, and a figure with a status (hollow), always has one.
            let alone = prep.gaps
                && values.get(i.wrapping_sub(1)).is_none_or(|v| v.is_nan())
                && values.get(i + 1).is_none_or(|v| v.is_nan());
            // On a dense line, a marker only clear of the last one drawn (its width and a pixel:
            // 18 half-pixel columns), so hollow rings never run together into a chain.
            if dense && (!alone && f.status.is_none() || column(i) < dotted + 18.0) {
                continue;
            }
            dotted = column(i);
            let at = (x_of(i), y_of(v));
            let marker = Marker::for_series(j);
            shapes.push(Shape::Dot {
                at,
                radius: 3.5,
                ink: Ink::Series(j),
                marker,
            });
            if f.status.is_some() {
                shapes.push(Shape::Dot {
                    at,
                    radius: 2.0,
                    ink: Ink::Background,
                    marker,
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
                let f = s.values.last().filter(|f| f.missing.is_none())?;
                Some((y_of(f.value) - sz.value.size * 0.55, figure_label(f), j))
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
pub fn end_label_room(spec: &Spec, font: Font, width: f64, m: &dyn Measure) -> f64 {
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
