//! Native rendering to SVG (and PNG) for tests, `<noscript>` fallbacks and social cards.

use crate::chart::Chart;
use crate::draw::{draw, Surface};
use crate::error::ChartError;
use crate::measure::native::FontMeasure;
use crate::theme::Theme;
use plotters_svg::SVGBackend;

/// Renders `chart` as an SVG document `width` CSS px wide, at its natural height.
pub fn to_svg(chart: &Chart, width: f64, theme: &Theme) -> Result<String, ChartError> {
    let m = FontMeasure::new().ok_or_else(|| ChartError::Draw("the built-in font is unreadable".into()))?;
    let scene = chart.layout(width, &m);
    let mut out = String::new();
    {
        let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
        let mut backend = SVGBackend::with_string(&mut out, size);
        draw(&mut backend, &scene, theme, Surface::svg(1.0)).map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    Ok(out)
}
