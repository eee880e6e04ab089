//! What layout produces and drawing consumes: shapes in CSS pixels, in painting order, with the
//! colour role of each ([`Ink`]) rather than a colour, so one scene draws in any theme.

use crate::describe::Focus;
use crate::layout::measure::Font;

/// The colour role of a shape; [`crate::paint::theme::Theme`] turns it into a colour.
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

    /// The corners of the filled polygon for this marker of radius `r` at `(x, y)`; empty for a
    /// circle.
    pub fn polygon(self, (x, y): (f64, f64), r: f64) -> Vec<(f64, f64)> {
        match self {
            Marker::Circle => Vec::new(),
            Marker::Square => {
                let h = r * 0.9;
                vec![
                    (x - h, y - h),
                    (x + h, y - h),
                    (x + h, y + h),
                    (x - h, y + h),
                ]
            }
            Marker::Diamond => {
                let d = r * 1.25;
                vec![(x, y - d), (x + d, y), (x, y + d), (x - d, y)]
            }
            Marker::Triangle => {
                let d = r * 1.3;
                vec![
                    (x, y - d),
                    (x + d * 0.87, y + d * 0.5),
                    (x - d * 0.87, y + d * 0.5),
                ]
            }
        }
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
    /// Space between a texture's lines, CSS px.
    pub const GAP: f64 = 6.0;

    /// The texture of series `n` of grouped bars, cycling through the four.
    pub fn for_series(n: usize) -> Texture {
        [
            Texture::None,
            Texture::Vertical,
            Texture::Horizontal,
            Texture::Grid,
        ][n % 4]
    }

    /// The lines of this texture over `rect` (left, top, right, bottom), [`Texture::GAP`] apart
    /// and clear of the edges.
    pub fn lines(self, [l, t, r, b]: [f64; 4]) -> Vec<((f64, f64), (f64, f64))> {
        let mut out = Vec::new();
        if matches!(self, Texture::Vertical | Texture::Grid) {
            let mut x = l + Texture::GAP / 2.0;
            while x < r - 1.0 && out.len() < 400 {
                out.push(((x, t + 1.0), (x, b)));
                x += Texture::GAP;
            }
        }
        if matches!(self, Texture::Horizontal | Texture::Grid) {
            let mut y = b - Texture::GAP / 2.0;
            while y > t + 1.0 && out.len() < 800 {
                out.push(((l, y), (r, y)));
                y -= Texture::GAP;
            }
        }
        out
    }
}

/// The dashes of `pattern` (lengths on, off, on, off …, repeating) along the polyline `points`,
/// each piece handed to `dash` as (from, to); a dash that turns a corner comes as two pieces. An
/// empty pattern, or one that is not positive, hands over the whole line.
pub fn dashes(
    points: &[(f64, f64)],
    pattern: &[f64],
    dash: &mut dyn FnMut((f64, f64), (f64, f64)),
) {
    let total: f64 = pattern.iter().sum();
    let usable = total > 0.0 && pattern.iter().all(|p| *p >= 0.0);
    let (mut k, mut left) = (0, pattern.first().copied().unwrap_or(0.0));
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !usable {
            dash(a, b);
            continue;
        }
        let len = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).sqrt();
        if !len.is_finite() || len <= 0.0 {
            continue;
        }
        let at = |d: f64| (a.0 + (b.0 - a.0) * d / len, a.1 + (b.1 - a.1) * d / len);
        let mut done = 0.0;
        // At most 10,000 dashes a segment (a pattern far finer than the line is drawn whole).
        for _ in 0..10_000 {
            if len - done <= left {
                break;
            }
            if k % 2 == 0 && left > 0.0 {
                dash(at(done), at(done + left));
            }
            done += left;
            k = (k + 1) % pattern.len();
            left = pattern.get(k).copied().unwrap_or(0.0);
        }
        if k % 2 == 0 && len > done {
            dash(at(done), b);
        }
        left -= len - done;
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

/// The stripes that hatch the rectangle `[l, t, r, b]`: 45° segments `gap` apart, clipped to it.
pub fn hatch_lines(rect: [f64; 4], gap: f64) -> Vec<((f64, f64), (f64, f64))> {
    let [l, t, r, b] = rect;
    let (w, h) = (r - l, b - t);
    if !(w > 0.0 && h > 0.0 && gap > 0.0) || (w + h) / gap > 10_000.0 {
        return Vec::new();
    }
    // Lines x - l + (y - t) = c for c in (0, w + h): from the top/left edge to the bottom/right
    // edge.
    let mut out = Vec::new();
    let mut c = gap;
    while c < w + h {
        let start = if c <= w { (l + c, t) } else { (r, t + (c - w)) };
        let end = if c <= h { (l, t + c) } else { (l + (c - h), b) };
        out.push((start, end));
        c += gap;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_cut_a_line_into_its_pattern() {
        let run = |points: &[(f64, f64)], pattern: &[f64]| {
            let mut out = Vec::new();
            dashes(points, pattern, &mut |a, b| out.push((a, b)));
            out
        };
        let d = run(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], &[4.0, 2.0]);
        assert_eq!(
            d,
            vec![
                ((0.0, 0.0), (4.0, 0.0)),
                ((6.0, 0.0), (10.0, 0.0)),
                ((10.0, 0.0), (10.0, 0.0)),
                ((10.0, 2.0), (10.0, 6.0)),
                ((10.0, 8.0), (10.0, 10.0)),
            ]
            .into_iter()
            .filter(|(a, b)| a != b)
            .collect::<Vec<_>>()
        );
        let whole = vec![((0.0, 0.0), (5.0, 0.0))];
        assert_eq!(run(&[(0.0, 0.0), (5.0, 0.0)], &[]), whole);
        assert_eq!(run(&[(0.0, 0.0), (5.0, 0.0)], &[0.0, 0.0]), whole);
        assert_eq!(run(&[(0.0, 0.0), (5.0, 0.0)], &[f64::NAN, 1.0]), whole);
    }

    #[test]
    fn hatch_stays_inside() {
        let r = [10.0, 20.0, 50.0, 120.0];
        let lines = hatch_lines(r, 6.0);
        assert!(lines.len() > 10);
        for (a, b) in lines {
            for (x, y) in [a, b] {
                assert!(
                    x >= r[0] - 1e-9 && x <= r[2] + 1e-9 && y >= r[1] - 1e-9 && y <= r[3] + 1e-9
                );
            }
        }
        assert!(hatch_lines([0.0, 0.0, 0.0, 5.0], 4.0).is_empty());
    }

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
