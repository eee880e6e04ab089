//! Native rendering to SVG (and PNG) for tests, `<noscript>` fallbacks and social cards.

use super::FontMeasure;
use super::Theme;
use super::{draw, Surface};
use crate::chart::Chart;
use crate::spec::ChartError;
use plotters_svg::SVGBackend;

/// Renders `chart` as an SVG document `width` CSS px wide, at its natural height.
pub fn to_svg(chart: &Chart, width: f64, theme: &Theme) -> Result<String, ChartError> {
    to_svg_sized(chart, width, None, theme)
}

/// Renders `chart` `width` CSS px wide; with `height`, on a canvas of that height (a social card,
/// 1200×630) with the chart centred vertically, else at its natural height.
pub fn to_svg_sized(
    chart: &Chart,
    width: f64,
    height: Option<f64>,
    theme: &Theme,
) -> Result<String, ChartError> {
    let m =
        FontMeasure::new().ok_or_else(|| ChartError::draw("the built-in font is unreadable"))?;
    let pad = if height.is_some() { 24.0 } else { 0.0 };
    let mut scene = chart.layout(width - 2.0 * pad, &m);
    let natural = scene.height;
    let total = height
        .filter(|h| h.is_finite() && *h > 0.0)
        .map(|h| h.max(natural + 2.0 * pad))
        .unwrap_or(natural);
    let (dx, dy) = (pad, ((total - natural) / 2.0).max(0.0));
    scene.translate(dx, dy);
    scene.width += 2.0 * pad;
    scene.height = total;
    let mut out = String::new();
    {
        let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
        let mut backend = SVGBackend::with_string(&mut out, size);
        draw(&mut backend, &scene, theme, Surface::svg(1.0))
            .map_err(|e| ChartError::draw(e.to_string()))?;
    }
    Ok(out)
}

/// Most pixels a PNG may have (8,000 × 8,000).
pub const MAX_PNG_PIXELS: u64 = 64_000_000;

/// Rasterises an SVG made by [`to_svg`] to PNG bytes at `scale` pixels per CSS px, with resvg and
/// the checked-in Liberation Sans (no system fonts), so output is the same on every machine.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, ChartError> {
    use resvg::{tiny_skia, usvg};
    let fail = |what: &str| ChartError::draw(format!("PNG: {what}"));
    let mut opt = usvg::Options {
        font_family: "Liberation Sans".into(),
        ..usvg::Options::default()
    };
    opt.fontdb_mut().load_font_data(super::REGULAR.to_vec());
    opt.fontdb_mut().load_font_data(super::BOLD.to_vec());
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| fail(&e.to_string()))?;
    let scale = if scale.is_finite() && scale > 0.0 {
        scale.min(8.0)
    } else {
        1.0
    };
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(|| fail("image too large"))?;
    // 64 megapixels (256 MB of pixels) at most: a bigger request is refused, not attempted.
    let pixels = u64::from(size.width()) * u64::from(size.height());
    if pixels > MAX_PNG_PIXELS {
        return Err(fail(&format!(
            "image too large: {}×{} pixels; at most {MAX_PNG_PIXELS} in all",
            size.width(),
            size.height()
        )));
    }
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| fail("image too large"))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| fail(&e.to_string()))
}
