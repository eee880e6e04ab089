//! A trend's bars.

use super::Plot;
use crate::describe::NOT_AVAILABLE;
use crate::describe::{figure_label, Focus};
use crate::layout::frame::{line_height, Frame};
use crate::layout::scene::{Align, Ink, MarkBox, Marks, Shape, Texture};
use crate::spec::Spec;

/// Widest bar, in CSS px.
const MAX_BAR: f64 = 96.0;

/// Bars, grouped by period with a texture per series when there are several, each labelled with
/// its value when every label fits its bar.
pub fn bar_marks(spec: &Spec, f: &mut Frame, plot: &Plot) -> Marks {
    let (sz, m) = (f.sz, f.m);
    let shapes = &mut f.shapes;
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
            if f.missing.is_some() {
                // No bar: a small "n/a" on the baseline says the figure is missing, not zero.
                shapes.push(Shape::Text {
                    x: left + bar / 2.0,
                    y: bottom - line_height(sz.small),
                    text: NOT_AVAILABLE.into(),
                    font: sz.small,
                    ink: Ink::Muted,
                    align: Align::Center,
                });
            } else {
                let texture = if ns > 1.0 {
                    Texture::for_series(j)
                } else {
                    Texture::None
                };
                shapes.push(Shape::Rect {
                    rect,
                    ink: Ink::Series(j),
                    hatched: f.approximate,
                    texture,
                });
                // A provisional (revised, …) figure: hollow, its outline in the series colour.
                let [l, t, r, b] = rect;
                if f.status.is_some() && !f.approximate && r - l > 6.0 && b - t > 6.0 {
                    shapes.push(Shape::Rect {
                        rect: [l + 2.0, t + 2.0, r - 2.0, b],
                        ink: Ink::Background,
                        hatched: false,
                        texture: Texture::None,
                    });
                }
            }
            if labelled && f.missing.is_none() {
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
