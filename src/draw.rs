//! Painting a [`Scene`] on any plotters [`DrawingBackend`]: the canvas in the browser, SVG natively.

use crate::measure::FONT_FAMILY;
use crate::scene::{hatch_lines, Align, Scene, Shape};
use crate::theme::{Rgb, Theme};
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
}

impl Surface {
    /// A canvas at `dpr` backing pixels per CSS pixel.
    pub fn canvas(dpr: f64) -> Surface {
        Surface { scale: dpr, text_scale: 1.0 }
    }
    /// plotters' SVG backend at `scale`.
    pub fn svg(scale: f64) -> Surface {
        Surface { scale, text_scale: 1.24 }
    }
}

/// Paints `scene` in `theme`: background first, then the shapes in order.
pub fn draw<DB: DrawingBackend>(db: &mut DB, scene: &Scene, theme: &Theme, surface: Surface) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let k = if surface.scale.is_finite() && surface.scale > 0.0 { surface.scale } else { 1.0 };
    let px = |v: f64| (v * k).round() as i32;
    let pt = |(x, y): (f64, f64)| -> BackendCoord { (px(x), px(y)) };
    let stroke = |w: f64| ((w * k).round() as u32).max(1);
    let (w, h) = db.get_size();
    db.draw_rect((0, 0), (w as i32, h as i32), &fill(theme.background), true)?;
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { rect: [l, t, r, b], ink, hatched } => {
                let c = theme.color(*ink);
                if *hatched {
                    db.draw_rect((px(*l), px(*t)), (px(*r), px(*b)), &fill(mix(c, theme.background, 0.25)), true)?;
                    for (a, z) in hatch_lines([*l, *t, *r, *b], 5.0) {
                        db.draw_line(pt(a), pt(z), &line(c, stroke(1.5)))?;
                    }
                    db.draw_line((px(*l), px(*t)), (px(*r), px(*t)), &line(c, stroke(2.0)))?;
                } else {
                    db.draw_rect((px(*l), px(*t)), (px(*r), px(*b)), &fill(c), true)?;
                }
            }
            Shape::Line { from, to, ink, width } => db.draw_line(pt(*from), pt(*to), &line(theme.color(*ink), stroke(*width)))?,
            Shape::Path { points, ink, width } => {
                db.draw_path(points.iter().map(|p| pt(*p)), &line(theme.color(*ink), stroke(*width)))?;
            }
            Shape::Dot { at, radius, ink, marker } => {
                let corners = marker.polygon(*at, *radius);
                if corners.is_empty() {
                    db.draw_circle(pt(*at), stroke(*radius), &fill(theme.color(*ink)), true)?;
                } else {
                    db.fill_polygon(corners.into_iter().map(pt), &fill(theme.color(*ink)))?;
                }
            }
            Shape::Text { x, y, text, font, ink, align } => {
                let h = match align {
                    Align::Left => HPos::Left,
                    Align::Center => HPos::Center,
                    Align::Right => HPos::Right,
                };
                let weight = if font.bold { FontStyle::Bold } else { FontStyle::Normal };
                let size = font.size * k * surface.text_scale;
                let desc = FontDesc::new(FontFamily::Name(FONT_FAMILY), size, weight);
                let (r, g, b) = theme.color(*ink);
                let color = RGBColor(r, g, b);
                let style = TextStyle::from(desc).color(&color).pos(Pos::new(h, VPos::Top));
                db.draw_text(text, &style, (px(*x), px(*y)))?;
            }
        }
    }
    db.present()
}

fn fill((r, g, b): Rgb) -> ShapeStyle {
    ShapeStyle { color: RGBColor(r, g, b).into(), filled: true, stroke_width: 0 }
}

fn line((r, g, b): Rgb, width: u32) -> ShapeStyle {
    ShapeStyle { color: RGBColor(r, g, b).into(), filled: false, stroke_width: width }
}

/// `a` weighted `t`, `b` weighted `1 - t`.
fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let m = |x: u8, y: u8| (f64::from(x) * t + f64::from(y) * (1.0 - t)).round() as u8;
    (m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}
