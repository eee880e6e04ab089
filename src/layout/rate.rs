//! The detection-rate plot: one horizontal bar a category on a light 0–100 % track, the rate
//! labelled at the bar's end, and under it the counts and the source's own rounding.

use crate::describe::Focus;
use crate::describe::NOT_AVAILABLE;
use crate::describe::{category_detail, rate_of};
use crate::layout::annotate::{inline, Anchor, ROW};
use crate::layout::frame::{line_height, Block, Frame};
use crate::layout::measure::wrap;
use crate::layout::scene::{Align, Ink, MarkBox, Marks, Shape, Texture};
use crate::spec::Spec;

const BAR_H: f64 = 26.0;

/// Lays out the rate plot from `top`; returns the y below it, a mark per category and the
/// annotations to list under the chart.
pub fn layout(spec: &Spec, f: &mut Frame, top: f64) -> (f64, Marks, Vec<usize>) {
    let (width, sz, m) = (f.width, f.sz, f.m);
    let (x0, x1) = (0.0, width - 2.0);
    let span = x1 - x0;
    let mut y = top;
    let mut boxes = Vec::new();
    let label_font = crate::layout::measure::Font {
        bold: true,
        ..sz.label
    };
    let mut anchors = Vec::new();
    for (i, c) in spec.categories.iter().enumerate() {
        let row_top = y;
        // Annotations of this category: markers after the label's last line.
        if spec.annotations.iter().any(|a| a.category == Some(i)) {
            let lines = wrap(c.label.trim(), label_font, width, 3, m);
            let last = lines.last().map(|l| m.width(l, label_font)).unwrap_or(0.0);
            let line_top = row_top + line_height(label_font) * (lines.len().max(1) - 1) as f64;
            for (k, a) in spec.annotations.iter().enumerate() {
                if a.category == Some(i) {
                    let x = (last + 16.0).min(width - 20.0);
                    let y = line_top + (line_height(label_font) - ROW + 6.0) / 2.0;
                    anchors.push(Anchor { k, x0: x, x1: x, y });
                }
            }
        }
        let label = Block {
            font: label_font,
            ink: Ink::Text,
            x: x0,
            width,
            max_lines: 3,
        };
        y = f.text(c.label.trim(), label, y) + 3.0;
        let bar_top = y;
        f.shapes.push(Shape::Rect {
            rect: [x0, bar_top, x1, bar_top + BAR_H],
            ink: Ink::Track,
            hatched: false,
            texture: Texture::None,
        });
        f.shapes.push(Shape::Line {
            from: (x0 + 0.5, bar_top - 3.0),
            to: (x0 + 0.5, bar_top + BAR_H + 3.0),
            ink: Ink::Axis,
            width: 1.0,
        });
        let rate = rate_of(c);
        let value = rate.as_ref().map(|r| r.value).unwrap_or(0.0);
        let end = x0 + span * (value / 100.0).clamp(0.0, 1.0);
        // A rate resting on a provisional (revised, …) figure: hollow.
        let status = c
            .figures()
            .any(|f| f.status.is_some() && f.missing.is_none());
        if end > x0 {
            let approx = rate.as_ref().map(|r| r.approximate).unwrap_or(false);
            f.shapes.push(Shape::Rect {
                rect: [x0, bar_top, end, bar_top + BAR_H],
                ink: Ink::Series(0),
                hatched: approx,
                texture: Texture::None,
            });
            if status && !approx && end - x0 > 6.0 {
                f.shapes.push(Shape::Rect {
                    rect: [x0 + 2.0, bar_top + 2.0, end - 2.0, bar_top + BAR_H - 2.0],
                    ink: Ink::Background,
                    hatched: false,
                    texture: Texture::None,
                });
            }
        }
        // No rate: "n/a" in the track (the key line under the chart says why).
        let shown = rate.clone().map(|r| (r.label(), r.approximate));
        if let Some((text, approximate)) = shown.or(Some((NOT_AVAILABLE.into(), true))) {
            let tw = m.width(&text, sz.value);
            let ty = bar_top + (BAR_H - sz.value.size) / 2.0;
            let inside = tw + 16.0 <= end - x0 && !approximate && !status;
            let (x, ink, align) = if inside {
                (end - 8.0, Ink::OnSeries, Align::Right)
            } else if end + 8.0 + tw <= x1 {
                (end + 8.0, Ink::Text, Align::Left)
            } else {
                (x1 - 8.0, Ink::Text, Align::Right)
            };
            f.shapes.push(Shape::Text {
                x,
                y: ty,
                text,
                font: sz.value,
                ink,
                align,
            });
        }
        y = bar_top + BAR_H + 4.0;
        let detail = category_detail(c);
        if !detail.is_empty() {
            let small = Block {
                font: sz.small,
                ink: Ink::Muted,
                x: x0,
                width,
                max_lines: 3,
            };
            y = f.text(&detail, small, y);
        }
        boxes.push(MarkBox {
            hit: [x0, row_top, x1, y],
            anchor: (end.max(x0 + 4.0), bar_top),
            focus: Focus::Category(i),
        });
        y += 14.0;
    }
    // The scale's ends under the bars (each track is the full 0–100 %).
    let ty = y - 8.0;
    f.shapes.push(Shape::Text {
        x: x0,
        y: ty,
        text: "0 %".into(),
        font: sz.small,
        ink: Ink::Muted,
        align: Align::Left,
    });
    f.shapes.push(Shape::Text {
        x: x1,
        y: ty,
        text: "100 %".into(),
        font: sz.small,
        ink: Ink::Muted,
        align: Align::Right,
    });
    let listed = inline(spec, &anchors, f);
    (ty + line_height(sz.small), Marks::Boxes(boxes), listed)
}
