//! Annotations on the chart: a numbered marker under the period (or range of periods) or beside
//! the category each marks, its text beside the marker where it fits and, where it does not
//! (phones, crowded periods), listed under the chart by number.

use crate::layout::frame::{line_height, Block, Frame, Sizes};
use crate::layout::measure::Font;
use crate::layout::scene::{Align, Ink, Marker, Shape};
use crate::spec::Spec;

/// Radius of a marker, CSS px.
const R: f64 = 7.0;

/// Where annotation `k` (0-based) goes: the span it marks, from `x0` to `x1` (equal for one
/// period or a category), and the row's top `y`.
pub struct Anchor {
    /// Which annotation.
    pub k: usize,
    /// Left end of what it marks.
    pub x0: f64,
    /// Right end of what it marks.
    pub x1: f64,
    /// Top of the marker's row.
    pub y: f64,
}

/// Draws the markers at `anchors` from the row at `top`: each whose text fits beside it on a row
/// of its own with that text, the others side by side on one row after them. Returns the y below
/// the rows and the annotations left to list under the chart.
pub fn markers(spec: &Spec, anchors: &[Anchor], top: f64, f: &mut Frame) -> (f64, Vec<usize>) {
    let (width, sz, m) = (f.width, f.sz, f.m);
    let shapes = &mut f.shapes;
    let text_of = |a: &Anchor| {
        spec.annotations
            .get(a.k)
            .map(|n| n.text.trim())
            .unwrap_or("")
    };
    let centre = |a: &Anchor| ((a.x0 + a.x1) / 2.0).clamp(R + 1.0, width - R - 1.0);
    let fits = |a: &Anchor| centre(a) + R + 5.0 + m.width(text_of(a), sz.small) <= width - 2.0;
    let mut y = top;
    for a in anchors.iter().filter(|a| fits(a)) {
        let cx = centre(a);
        marker(a.k, cx, y + R, sz, shapes);
        note_beside(cx, y + R, text_of(a), sz, shapes);
        y += ROW;
    }
    // Left to right (an insertion sort: at most ten, and no sort routine in the wasm).
    let mut rest: Vec<&Anchor> = Vec::new();
    for a in anchors.iter().filter(|a| !fits(a)) {
        let at = rest
            .iter()
            .position(|b| centre(b) > centre(a))
            .unwrap_or(rest.len());
        rest.insert(at, a);
    }
    let mut last_x = f64::NEG_INFINITY;
    for a in &rest {
        let cx = centre(a).max(last_x + 2.0 * R + 4.0).min(width - R - 1.0);
        last_x = cx;
        marker(a.k, cx, y + R, sz, shapes);
    }
    if !rest.is_empty() {
        y += ROW;
    }
    (
        y,
        anchors.iter().filter(|a| !fits(a)).map(|a| a.k).collect(),
    )
}

/// Draws the markers at their own `anchors` (a rate chart's, after each category's label), side
/// by side where several mark one category, each with its text where it fits before the next
/// and the right edge; returns the annotations left to list under the chart.
pub fn inline(spec: &Spec, anchors: &[Anchor], f: &mut Frame) -> Vec<usize> {
    let (width, sz, m) = (f.width, f.sz, f.m);
    let shapes = &mut f.shapes;
    let mut listed = Vec::new();
    let mut last = (f64::NEG_INFINITY, f64::NAN); // (x, y) of the last marker
    for (i, a) in anchors.iter().enumerate() {
        let x = if a.y == last.1 {
            last.0 + 2.0 * R + 4.0
        } else {
            a.x0
        };
        let cx = x.min(width - R - 1.0);
        last = (cx, a.y);
        marker(a.k, cx, a.y + R, sz, shapes);
        let text = spec
            .annotations
            .get(a.k)
            .map(|n| n.text.trim())
            .unwrap_or("");
        let next_on_row = anchors.get(i + 1).is_some_and(|n| n.y == a.y);
        let room = width - 2.0 - (cx + R + 5.0);
        if !next_on_row && m.width(text, sz.small) <= room {
            note_beside(cx, a.y + R, text, sz, shapes);
        } else {
            listed.push(a.k);
        }
    }
    listed
}

/// An annotation's `text` beside its marker centred on (`x`, `y`).
fn note_beside(x: f64, y: f64, text: &str, sz: Sizes, shapes: &mut Vec<Shape>) {
    shapes.push(Shape::Text {
        x: x + R + 5.0,
        y: y - sz.small.size * 0.6,
        text: text.to_owned(),
        font: sz.small,
        ink: Ink::Text,
        align: Align::Left,
    });
}

/// Marker `k` (shown as `k + 1`) centred on (`x`, `y`).
fn marker(k: usize, x: f64, y: f64, sz: Sizes, shapes: &mut Vec<Shape>) {
    let font = Font {
        bold: true,
        ..sz.small
    };
    shapes.push(Shape::Dot {
        at: (x, y),
        radius: R,
        ink: Ink::Text,
        marker: Marker::Circle,
    });
    shapes.push(Shape::Text {
        x,
        y: y - font.size * 0.55,
        text: cat!(k + 1),
        font,
        ink: Ink::Background,
        align: Align::Center,
    });
}

/// Height of a row of markers.
pub const ROW: f64 = 2.0 * R + 6.0;

/// Lists annotations `listed` under the chart from `y`, "1  text" each; returns the y below.
pub fn list(spec: &Spec, listed: &[usize], y: f64, f: &mut Frame) -> f64 {
    let sz = f.sz;
    let mut y = y;
    for &k in listed {
        let Some(a) = spec.annotations.get(k) else {
            continue;
        };
        let font = Font {
            bold: true,
            ..sz.small
        };
        f.shapes.push(Shape::Text {
            x: 0.0,
            y,
            text: cat!(k + 1),
            font,
            ink: Ink::Text,
            align: Align::Left,
        });
        let note = Block {
            font: sz.small,
            ink: Ink::Text,
            x: 16.0,
            width: f.width - 16.0,
            max_lines: 4,
        };
        y = f
            .text(a.text.trim(), note, y)
            .max(y + line_height(sz.small))
            + 2.0;
    }
    y
}
