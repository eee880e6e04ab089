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
    let (step, mut i) = if fits_one || wrapped_fits {
        (1, 0)
    } else {
        calendar_step(
            spec,
            ((widest + 12.0) / slot.max(0.01)).ceil().max(1.0) as usize,
        )
    };
    let mut max_lines = 1;
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

/// Every how many periods a label is shown, at least every `k`-th, and the first one shown, so
/// that the labels shown fall on the calendar, by the years the labels name: periods within a year
/// (`Jan 2014` … `Dec 2014`: the year changes every 12) every divisor or multiple of a year from
/// the first period of a year (`Jan 2015`, every 3, 6 or 12 months, or every 24); years (`1971`,
/// `2004-05`) every 1, 2 or 5 × 10ⁿ from a year the step divides (1980, 1990). Labels without
/// years: every `k`-th from the first.
fn calendar_step(spec: &Spec, k: usize) -> (usize, usize) {
    let n = spec.periods.len();
    // The first two periods where the year changes (`a`, `b`): the periods in a year are between.
    let y0 = spec.periods.first().and_then(|p| year_in(&p.label));
    let (mut a, mut b, mut before) = (0, 0, y0);
    for (i, p) in spec.periods.iter().enumerate().take(400) {
        let year = year_in(&p.label);
        if year.is_some() && year != before {
            (a, b) = (b, i);
            if a > 0 {
                break;
            }
        }
        before = year;
    }
    let Some(y0) = y0.filter(|_| a > 0) else {
        return (k, 0);
    };
    let (step, start) = match b - a {
        1 => {
            // 1, 2, 5, 10, 20, 50, …
            let (mut step, mut base) = (1, 1);
            while step < k {
                step = match step / base {
                    1 => base.saturating_mul(2),
                    2 => base.saturating_mul(5),
                    _ => {
                        base = base.saturating_mul(10);
                        base
                    }
                };
            }
            (step, (step - y0 % step) % step)
        }
        c => {
            let mut step = k.div_ceil(c).saturating_mul(c);
            for d in (k..c).rev() {
                if c % d == 0 {
                    step = d;
                }
            }
            (step, a % c % step)
        }
    };
    (step, if start < n { start } else { 0 })
}

/// The first four digits in a row in `label`, as a year: 2014 of `Jan 2014` and of `Q1 2014`,
/// 2004 of `2004-05`.
fn year_in(label: &str) -> Option<usize> {
    let (mut year, mut digits) = (0, 0);
    for b in label.bytes() {
        if b.is_ascii_digit() {
            year = year * 10 + usize::from(b - b'0');
            digits += 1;
            if digits == 4 {
                return Some(year);
            }
        } else {
            (year, digits) = (0, 0);
        }
    }
    None
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
