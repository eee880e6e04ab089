//! Every canvas call: measuring text with `measureText`, sizing the backing store to CSS size ×
//! devicePixelRatio, and drawing a scene through plotters-canvas.

use crate::draw::{draw, Surface};
use crate::error::ChartError;
use crate::measure::{Font, Measure, FONT_FAMILY};
use crate::scene::Scene;
use crate::theme::Theme;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Measures text with the canvas's own `measureText`, so layout matches what is drawn; no DOM
/// element is created and no page layout is forced.
pub struct CanvasMeasure {
    ctx: CanvasRenderingContext2d,
    font: RefCell<(f64, bool)>,
}

impl CanvasMeasure {
    /// A measure using `canvas`'s 2D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Result<CanvasMeasure, ChartError> {
        Ok(CanvasMeasure { ctx: context(canvas)?, font: RefCell::new((0.0, false)) })
    }
}

impl Measure for CanvasMeasure {
    fn width(&self, text: &str, font: Font) -> f64 {
        if let Ok(mut current) = self.font.try_borrow_mut() {
            if *current != (font.size, font.bold) {
                self.ctx.set_font(&css_font(font));
                *current = (font.size, font.bold);
            }
        }
        self.ctx.measure_text(text).map(|m| m.width()).unwrap_or(text.chars().count() as f64 * font.size * 0.55)
    }
}

/// The CSS `font` shorthand plotters-canvas sets for `font`.
pub fn css_font(font: Font) -> String {
    format!("{} {}px {}", if font.bold { "bold" } else { "normal" }, font.size, FONT_FAMILY)
}

/// The 2D context of `canvas`.
pub fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, ChartError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| ChartError::Draw("this browser gave no 2D canvas context".into()))
}

/// Sizes `canvas` to the scene (CSS px) with a backing store of that size × `dpr`, then draws.
pub fn paint(canvas: &HtmlCanvasElement, scene: &Scene, theme: &Theme, dpr: f64) -> Result<(), ChartError> {
    let dpr = if dpr.is_finite() && dpr > 0.0 { dpr.min(4.0) } else { 1.0 };
    let (w, h) = ((scene.width * dpr).round() as u32, (scene.height * dpr).round() as u32);
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let style = canvas.style();
    // The CSS height is the layout's; the width follows the container.
    let _ = style.set_property("height", &format!("{}px", scene.height));
    let mut backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| ChartError::Draw("no 2D canvas context".into()))?;
    draw(&mut backend, scene, theme, Surface::canvas(dpr)).map_err(|e| ChartError::Draw(e.to_string()))
}
