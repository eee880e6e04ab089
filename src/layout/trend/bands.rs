//! Where annotations of a trend sit: the span of periods each marks, and the light bands behind
//! the plot over ranges.

use crate::layout::columns::x_at;
use crate::layout::scene::{Ink, Shape, Texture};
use crate::spec::{Annotation, Spec};

/// The x span an annotation marks: one period's centre, or for a range (`to`) from the first
/// period's slot to the last's.
pub fn annotated_span(
    spec: &Spec,
    a: &Annotation,
    bars: bool,
    x0: f64,
    x1: f64,
) -> Option<(f64, f64)> {
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
pub fn bands(
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
