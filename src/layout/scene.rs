//! What layout produces and drawing consumes: shapes in CSS pixels, in painting order, with the
//! colour role of each ([`Ink`]) rather than a colour, so one scene draws in any theme.

use crate::describe::Focus;
use crate::layout::measure::Font;

/// The colour role of a shape; the painter's theme turns it into a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// Titles, values, labels.
    Text,
    /// Subtitle, notes, source, axis labels.
    Muted,
    /// Gridlines.
    Grid,
    /// The zero baseline.
    Axis,
    /// The 0–100 % track behind a rate bar.
    Track,
    /// Series `n` of the palette.
    Series(usize),
    /// Text drawn on top of a bar of the series colour.
    OnSeries,
    /// The background: text on a marker of [`Ink::Text`].
    Background,
}

/// A marker shape; series `n` uses [`Marker::for_series`]`(n)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// ●
    Circle,
    /// ■
    Square,
    /// ◆
    Diamond,
    /// ▲
    Triangle,
}

impl Marker {
    /// The marker of series `n`, cycling through the four shapes.
    pub fn for_series(n: usize) -> Marker {
        [
            Marker::Circle,
            Marker::Square,
            Marker::Diamond,
            Marker::Triangle,
        ][n % 4]
    }
}

/// Lines over a solid bar, in the background colour, that tell the series of grouped bars apart
/// without colour (on screen, in print and in the fallback images); series `n` uses
/// [`Texture::for_series`]`(n)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texture {
    /// A plain fill.
    None,
    /// Vertical stripes.
    Vertical,
    /// Horizontal stripes.
    Horizontal,
    /// Both: a grid.
    Grid,
}

impl Texture {
    /// The texture of series `n` of grouped bars, cycling through the four.
    pub fn for_series(n: usize) -> Texture {
        [
            Texture::None,
            Texture::Vertical,
            Texture::Horizontal,
            Texture::Grid,
        ][n % 4]
    }
}

/// Horizontal anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `x` is the left edge.
    Left,
    /// `x` is the centre.
    Center,
    /// `x` is the right edge.
    Right,
}

/// One thing to paint.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A line of text; `y` is the top of the em box.
    Text {
        /// Anchor point x.
        x: f64,
        /// Top of the text.
        y: f64,
        /// The text, never interpreted as markup.
        text: String,
        /// Size and weight.
        font: Font,
        /// Colour role.
        ink: Ink,
        /// Which side of the text `x` is.
        align: Align,
    },
    /// A filled rectangle; `hatched` marks an approximate figure with diagonal stripes.
    Rect {
        /// Left, top, right, bottom.
        rect: [f64; 4],
        /// Colour role.
        ink: Ink,
        /// Draw a light fill with stripes of the ink instead of a solid fill.
        hatched: bool,
        /// Lines over a solid fill that tell its series apart (grouped bars and their legend).
        texture: Texture,
    },
    /// A straight line `width` CSS pixels wide.
    Line {
        /// From.
        from: (f64, f64),
        /// To.
        to: (f64, f64),
        /// Colour role.
        ink: Ink,
        /// Width in CSS px.
        width: f64,
    },
    /// A polyline (a series).
    Path {
        /// The points, left to right.
        points: Vec<(f64, f64)>,
        /// Colour role.
        ink: Ink,
        /// Width in CSS px.
        width: f64,
    },
    /// A filled marker on a data point; its shape tells series apart without colour.
    Dot {
        /// Centre.
        at: (f64, f64),
        /// Radius in CSS px.
        radius: f64,
        /// Colour role.
        ink: Ink,
        /// Circle, square, diamond or triangle.
        marker: Marker,
    },
}

/// A laid-out chart: its size, its shapes, and where each figure is for hit-testing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    /// Width in CSS px.
    pub width: f64,
    /// Height in CSS px (the chart's natural height at this width).
    pub height: f64,
    /// Shapes in painting order.
    pub shapes: Vec<Shape>,
    /// The figures a reader can point at or step through, in reading order.
    pub marks: Marks,
}

/// Where the figures are, for hover, tap and arrow keys.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Marks {
    /// Nothing to point at.
    #[default]
    None,
    /// A few boxes (bars, rate rows); `anchor` is where a tooltip points.
    Boxes(Vec<MarkBox>),
    /// A line chart over many periods: the period under x is found by arithmetic, not a list.
    Columns {
        /// x of the first period.
        x0: f64,
        /// x of the last period.
        x1: f64,
        /// Top of the plot.
        top: f64,
        /// Bottom of the plot.
        bottom: f64,
        /// Number of periods.
        count: usize,
    },
}

/// A figure's box on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkBox {
    /// Area that answers to a pointer: left, top, right, bottom.
    pub hit: [f64; 4],
    /// Where the tooltip points.
    pub anchor: (f64, f64),
    /// Which figure.
    pub focus: Focus,
}

impl Scene {
    /// How many figures can be stepped through with the arrow keys.
    pub fn mark_count(&self) -> usize {
        match &self.marks {
            Marks::None => 0,
            Marks::Boxes(b) => b.len(),
            Marks::Columns { count, .. } => *count,
        }
    }

    /// The figure at step `i` of the arrow-key order and where its tooltip points.
    pub fn mark(&self, i: usize) -> Option<(Focus, (f64, f64))> {
        match &self.marks {
            Marks::None => None,
            Marks::Boxes(b) => b.get(i).map(|m| (m.focus, m.anchor)),
            Marks::Columns {
                x0, x1, top, count, ..
            } => {
                if i >= *count {
                    return None;
                }
                let x = crate::layout::columns::x_at(i, *count, *x0, *x1);
                Some((
                    Focus::Trend {
                        period: i,
                        series: None,
                    },
                    (x, *top),
                ))
            }
        }
    }

    /// Moves every shape and mark by (`dx`, `dy`), e.g. to centre the chart on a larger image.
    pub fn translate(&mut self, dx: f64, dy: f64) {
        let mv = |p: &mut (f64, f64)| {
            p.0 += dx;
            p.1 += dy;
        };
        for s in &mut self.shapes {
            match s {
                Shape::Text { x, y, .. } => {
                    *x += dx;
                    *y += dy;
                }
                Shape::Rect { rect, .. } => {
                    rect[0] += dx;
                    rect[1] += dy;
                    rect[2] += dx;
                    rect[3] += dy;
                }
                Shape::Line { from, to, .. } => {
                    mv(from);
                    mv(to);
                }
                Shape::Path { points, .. } => points.iter_mut().for_each(mv),
                Shape::Dot { at, .. } => mv(at),
            }
        }
        match &mut self.marks {
            Marks::None => {}
            Marks::Boxes(boxes) => {
                for b in boxes {
                    b.hit = [b.hit[0] + dx, b.hit[1] + dy, b.hit[2] + dx, b.hit[3] + dy];
                    mv(&mut b.anchor);
                }
            }
            Marks::Columns {
                x0,
                x1,
                top,
                bottom,
                ..
            } => {
                *x0 += dx;
                *x1 += dx;
                *top += dy;
                *bottom += dy;
            }
        }
    }

    /// The step index of the figure under the point `(x, y)`, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        match &self.marks {
            Marks::None => None,
            Marks::Boxes(b) => b
                .iter()
                .position(|m| x >= m.hit[0] && x <= m.hit[2] && y >= m.hit[1] && y <= m.hit[3]),
            Marks::Columns {
                x0,
                x1,
                top,
                bottom,
                count,
                ..
            } => {
                let pad = 8.0;
                if *count == 0 || y < top - pad || y > bottom + pad || x < x0 - pad || x > x1 + pad
                {
                    return None;
                }
                if *count == 1 || x1 <= x0 {
                    return Some(0);
                }
                let t = ((x - x0) / (x1 - x0)).clamp(0.0, 1.0);
                Some(((t * (*count - 1) as f64).round() as usize).min(*count - 1))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_hit_nearest_period() {
        let s = Scene {
            marks: Marks::Columns {
                x0: 0.0,
                x1: 100.0,
                top: 0.0,
                bottom: 50.0,
                count: 11,
            },
            ..Scene::default()
        };
        assert_eq!(s.hit(49.0, 10.0), Some(5));
        assert_eq!(s.hit(100.0, 10.0), Some(10));
        assert_eq!(s.hit(50.0, 500.0), None);
        assert_eq!(s.hit(f64::NAN, 10.0), None);
        assert_eq!(s.hit(50.0, f64::NAN), None);
        assert_eq!(s.mark(10).map(|m| m.1 .0), Some(100.0));
        assert_eq!(s.mark(11), None);
    }
}
