//! Painting a [`Scene`] on any plotters [`DrawingBackend`]: the canvas in the browser, SVG
//! natively.

use super::geometry::{dashes, hatch_lines, marker_polygon, texture_lines};
use super::theme::{dash_pattern, Rgb, Theme};
use crate::layout::FONT_FAMILY;
use crate::layout::{Align, Ink, Scene, Shape};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBColor, ShapeStyle, TextStyle};
use plotters_backend::{BackendCoord, DrawingBackend, DrawingErrorKind};

/// How scene pixels map to the backend's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Surface {
    /// Backend pixels per CSS pixel (the device pixel ratio on a canvas).
    pub scale: f64,
    /// Factor applied to font sizes: 1 for the canvas, 1.24 for plotters' SVG backend, which
    /// divides the size it is given by 1.24.
    pub text_scale: f64,
    /// Draw horizontal and vertical lines as filled rectangles on whole backend pixels. For
    /// plotters-canvas, which moves every such line half a pixel (right for odd widths, a blur
    /// across three rows for even ones: a 1 CSS px gridline at DPR 2).
    pub snap_rules: bool,
}

impl Surface {
    /// A canvas at `dpr` backing pixels per CSS pixel.
    pub fn canvas(dpr: f64) -> Surface {
        Surface {
            scale: dpr,
            text_scale: 1.0,
            snap_rules: true,
        }
    }
    /// plotters' SVG backend at `scale`.
    pub fn svg(scale: f64) -> Surface {
        Surface {
            scale,
            text_scale: 1.24,
            snap_rules: false,
        }
    }
}

/// Paints `scene` in `theme`: background first, then the shapes in order.
pub fn draw<DB: DrawingBackend>(
    db: &mut DB,
    scene: &Scene,
    theme: &Theme,
    surface: Surface,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let k = if surface.scale.is_finite() && surface.scale > 0.0 {
        surface.scale
    } else {
        1.0
    };
    let px = |v: f64| (v * k).round() as i32;
    let pt = |(x, y): (f64, f64)| -> BackendCoord { (px(x), px(y)) };
    let stroke = |w: f64| ((w * k).round() as u32).max(1);
    // A series line, cut into dashes where the theme dashes its series.
    let polyline = |db: &mut DB, points: &[(f64, f64)], ink: Ink, width: f64| {
        let style = line(theme.color(ink), stroke(width));
        let pattern = dash_of(theme, ink);
        if pattern.is_empty() {
            return db.draw_path(points.iter().map(|p| pt(*p)), &style);
        }
        let mut result = Ok(());
        dashes(points, pattern, &mut |a, b| {
            if result.is_ok() {
                result = db.draw_line(pt(a), pt(b), &style);
            }
        });
        result
    };
    let rule = |db: &mut DB, a: BackendCoord, b: BackendCoord, c: Rgb, width: u32| match snapped(
        a, b, width,
    ) {
        Some((ul, br)) if surface.snap_rules => db.draw_rect(ul, br, &fill(c), true),
        _ => db.draw_line(a, b, &line(c, width)),
    };
    let (w, h) = db.get_size();
    db.draw_rect((0, 0), (w as i32, h as i32), &fill(theme.background), true)?;
    for shape in &scene.shapes {
        match shape {
            Shape::Rect {
                rect: [l, t, r, b],
                ink,
                hatched,
                texture,
            } => {
                let c = theme.color(*ink);
                if *hatched {
                    db.draw_rect(
                        (px(*l), px(*t)),
                        (px(*r), px(*b)),
                        &fill(mix(c, theme.background, 0.25)),
                        true,
                    )?;
                    for (a, z) in hatch_lines([*l, *t, *r, *b], 5.0) {
                        db.draw_line(pt(a), pt(z), &line(c, stroke(1.5)))?;
                    }
                    rule(db, (px(*l), px(*t)), (px(*r), px(*t)), c, stroke(2.0))?;
                } else {
                    db.draw_rect((px(*l), px(*t)), (px(*r), px(*b)), &fill(c), true)?;
                    for (a, z) in texture_lines(*texture, [*l, *t, *r, *b]) {
                        rule(db, pt(a), pt(z), theme.background, stroke(1.0))?;
                    }
                }
            }
            Shape::Line {
                from,
                to,
                ink,
                width,
            } if !dash_of(theme, *ink).is_empty() => polyline(db, &[*from, *to], *ink, *width)?,
            Shape::Line {
                from,
                to,
                ink,
                width,
            } => rule(db, pt(*from), pt(*to), theme.color(*ink), stroke(*width))?,
            Shape::Path { points, ink, width } => polyline(db, points, *ink, *width)?,
            Shape::Dot {
                at,
                radius,
                ink,
                marker,
            } => {
                let corners = marker_polygon(*marker, *at, *radius);
                if corners.is_empty() {
                    db.draw_circle(pt(*at), stroke(*radius), &fill(theme.color(*ink)), true)?;
                } else {
                    db.fill_polygon(corners.into_iter().map(pt), &fill(theme.color(*ink)))?;
                }
            }
            Shape::Text {
                x,
                y,
                text,
                font,
                ink,
                align,
            } => {
                let h = match align {
                    Align::Left => HPos::Left,
                    Align::Center => HPos::Center,
                    Align::Right => HPos::Right,
                };
                let weight = if font.bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Normal
                };
                let size = font.size * k * surface.text_scale;
                let desc = FontDesc::new(FontFamily::Name(FONT_FAMILY), size, weight);
                let (r, g, b) = theme.color(*ink);
                let color = RGBColor(r, g, b);
                let style = TextStyle::from(desc)
                    .color(&color)
                    .pos(Pos::new(h, VPos::Top));
                db.draw_text(text, &style, (px(*x), px(*y)))?;
            }
        }
    }
    db.present()
}

/// The rectangle (upper left, lower right) that a horizontal or vertical line from `a` to `b`,
/// `width` px wide, covers on whole pixels; `None` for a slanted line. An odd width sits on the
/// pixels just above (left of) the line's coordinate, as a half-pixel-shifted line would.
fn snapped(a: BackendCoord, b: BackendCoord, width: u32) -> Option<(BackendCoord, BackendCoord)> {
    let w = i32::try_from(width).unwrap_or(i32::MAX);
    let before = w - w / 2; // pixels above or left of the coordinate
    if a.1 == b.1 {
        Some((
            (a.0.min(b.0), a.1.saturating_sub(before)),
            (a.0.max(b.0), a.1.saturating_sub(before).saturating_add(w)),
        ))
    } else if a.0 == b.0 {
        Some((
            (a.0.saturating_sub(before), a.1.min(b.1)),
            (a.0.saturating_sub(before).saturating_add(w), a.1.max(b.1)),
        ))
    } else {
        None
    }
}

/// The dash pattern of lines in `ink`: a series' own in a theme that dashes them, else none.
fn dash_of(theme: &Theme, ink: Ink) -> &'static [f64] {
    match ink {
        Ink::Series(n) if theme.dashed => dash_pattern(n),
        _ => &[],
    }
}

fn fill((r, g, b): Rgb) -> ShapeStyle {
    ShapeStyle {
        color: RGBColor(r, g, b).into(),
        filled: true,
        stroke_width: 0,
    }
}

fn line((r, g, b): Rgb, width: u32) -> ShapeStyle {
    ShapeStyle {
        color: RGBColor(r, g, b).into(),
        filled: false,
        stroke_width: width,
    }
}

/// `a` weighted `t`, `b` weighted `1 - t`.
fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let m = |x: u8, y: u8| (f64::from(x) * t + f64::from(y) * (1.0 - t)).round() as u8;
    (m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

#[cfg(test)]
mod tests {
    use super::snapped;

    #[test]
    fn rules_cover_whole_pixels_as_a_crisp_line_would() {
        // 1 px at y = 10 covers row 9 (a line at 9.5); 2 px covers rows 9 and 10 (a line at 10).
        assert_eq!(snapped((0, 10), (50, 10), 1), Some(((0, 9), (50, 10))));
        assert_eq!(snapped((0, 10), (50, 10), 2), Some(((0, 9), (50, 11))));
        assert_eq!(snapped((0, 10), (50, 10), 3), Some(((0, 8), (50, 11))));
        assert_eq!(snapped((7, 30), (7, 5), 1), Some(((6, 5), (7, 30))));
        assert_eq!(snapped((0, 0), (5, 5), 1), None);
    }
}
