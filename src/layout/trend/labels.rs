//! A trend's period labels under the axis.

use crate::layout::columns::x_at;
use crate::layout::frame::{line_height, Frame};
use crate::layout::measure::{ellipsize, wrap};
use crate::layout::scene::{Align, Ink, Shape};
use crate::spec::Spec;

/// Period labels under the axis: all of them when they fit, wrapped to two lines when that helps,
/// otherwise every k-th one. Returns the y below them.
pub fn period_labels(
    spec: &Spec,
    f: &mut Frame,
    (x0, x1): (f64, f64),
    top: f64,
    bars: bool,
) -> f64 {
    let (font, m, right) = (f.sz.label, f.m, f.width - 2.0);
    let shapes = &mut f.shapes;
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
            // Centred under its period, moved inward where it would leave the chart (a line
            // chart's labels may reach into the room kept for its last values, above them).
            let (x, align) = inside(x_of(i), Align::Center, m.width(&line, font), right);
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
