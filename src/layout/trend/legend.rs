//! A trend's legend, for two or more series.

use crate::layout::frame::{line_height, Frame};
use crate::layout::measure::ellipsize;
use crate::layout::scene::{Align, Ink, Marker, Shape, Texture};
use crate::spec::Spec;

/// The legend (two or more series) from `top`, its keys wrapping to more rows as needed: a
/// textured swatch for bars, a line with its marker for lines. Returns the y below it.
pub fn legend(spec: &Spec, f: &mut Frame, top: f64, bars: bool) -> f64 {
    let (width, font, m) = (f.width, f.sz.label, f.m);
    let shapes = &mut f.shapes;
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
