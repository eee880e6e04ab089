//! Every canvas call: measuring text with `measureText`, sizing the backing store to CSS size ×
//! devicePixelRatio, and painting a scene through plotters-canvas's `CanvasBackend`.
//!
//! The scene is painted in device pixels (the backing store's), not in CSS pixels on a scaled
//! context: plotters' coordinates and stroke widths are integers, so a scaled context would round
//! every position and width to whole CSS pixels. Layout measures text with the canvas's own
//! `measureText` (plotters' DOM-span measuring would force a page layout per label and is refused
//! by a strict `style-src`).

use super::font::css_font;
use crate::layout::Scene;
use crate::layout::{Font, Measure};
use crate::paint::Theme;
use crate::paint::{draw, Surface};
use crate::spec::ChartError;
use crate::text::css_number as decimal;
use plotters_backend::DrawingErrorKind;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Text widths already measured, kept by a chart across redraws: a layout at a new width measures
/// mostly the same strings (the title's candidate lines, ticks, labels), so most lookups need no
/// call into JavaScript.
#[derive(Default)]
pub struct Widths {
    /// (hash of font and text, text, width); at most [`Widths::MAX`] entries.
    known: RefCell<Vec<(u64, String, f64)>>,
}

impl Widths {
    /// Entries kept before the cache starts over.
    const MAX: usize = 1024;

    fn key(text: &str, font: Font) -> u64 {
        // FNV-1a over the font's size and weight, then the text.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut add = |b: u8| h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        font.size
            .to_bits()
            .to_le_bytes()
            .into_iter()
            .for_each(&mut add);
        add(u8::from(font.bold));
        text.bytes().for_each(add);
        h
    }
}

/// Measures text with the canvas's own `measureText`, so layout matches what is drawn; no DOM
/// element is created and no page layout is forced. Widths come from `cache` when known.
pub struct CanvasMeasure<'a> {
    ctx: CanvasRenderingContext2d,
    font: RefCell<(f64, bool)>,
    cache: &'a Widths,
}

impl<'a> CanvasMeasure<'a> {
    /// A measure using `canvas`'s 2D context, remembering widths in `cache`.
    pub fn new(
        canvas: &HtmlCanvasElement,
        cache: &'a Widths,
    ) -> Result<CanvasMeasure<'a>, ChartError> {
        Ok(CanvasMeasure {
            ctx: context(canvas)?,
            font: RefCell::new((0.0, false)),
            cache,
        })
    }

    fn measure(&self, text: &str, font: Font) -> f64 {
        if let Ok(mut current) = self.font.try_borrow_mut() {
            if *current != (font.size, font.bold) {
                self.ctx.set_font(&css_font(font));
                *current = (font.size, font.bold);
            }
        }
        self.ctx
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or(text.chars().count() as f64 * font.size * 0.55)
    }
}

impl Measure for CanvasMeasure<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        let key = Widths::key(text, font);
        let Ok(mut known) = self.cache.known.try_borrow_mut() else {
            return self.measure(text, font);
        };
        if let Some((_, _, w)) = known.iter().find(|(k, t, _)| *k == key && t == text) {
            return *w;
        }
        let w = self.measure(text, font);
        if known.len() >= Widths::MAX {
            known.clear();
        }
        known.push((key, text.to_owned(), w));
        w
    }
}

/// The 2D context of `canvas`.
pub fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, ChartError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| ChartError::draw("this browser gave no 2D canvas context"))
}

/// How a scene maps onto a canvas's backing store.
#[derive(Debug, Clone, Copy)]
pub struct Bitmap {
    /// Backing pixels per CSS pixel (the device pixel ratio).
    pub dpr: f64,
    /// CSS pixels per scene pixel (the text scale; 1 normally).
    pub zoom: f64,
    /// Keep a backing store that is large enough (see [`paint`]).
    pub keep: bool,
}

/// Sizes `canvas` to the scene (scene px × zoom = CSS px) with a backing store of that size ×
/// `dpr`, then draws.
///
/// With `keep` (the loader's charts, whose canvas sits in a frame that clips it to the scene), a
/// backing store that is already large enough at this `dpr` is kept when the chart narrows or
/// shortens: the canvas element keeps the store's size and the frame shows the scene's part.
/// Resizing a canvas throws its pixels away and makes the browser allocate new ones, which is
/// most of the cost of a redraw at a new width. `bitmap_dpr` is the ratio the store was made for.
pub fn paint(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    theme: &Theme,
    bitmap: Bitmap,
    bitmap_dpr: &mut f64,
) -> Result<(), ChartError> {
    let Bitmap { dpr, zoom, keep } = bitmap;
    let dpr = if dpr.is_finite() && dpr > 0.0 {
        dpr.min(4.0)
    } else {
        1.0
    };
    let zoom = if zoom.is_finite() && zoom > 0.0 {
        zoom
    } else {
        1.0
    };
    let (w, h) = (
        (scene.width * zoom * dpr).round() as u32,
        (scene.height * zoom * dpr).round() as u32,
    );
    let (cw, ch) = (canvas.width(), canvas.height());
    // A kept store holds at most twice the pixels needed.
    let modest = |a: u32, b: u32| {
        u64::from(a) * u64::from(b) <= 2 * u64::from(w.max(1)) * u64::from(h.max(1))
    };
    let same_ratio = *bitmap_dpr == dpr;
    if !(keep && same_ratio && cw >= w && ch >= h && modest(cw, ch)) {
        // A new store: when keeping, large enough for the old size too (a chart that gets taller
        // as it narrows then fits both ways), if that is modest.
        let (nw, nh) = if keep && same_ratio && modest(cw.max(w), ch.max(h)) {
            (cw.max(w), ch.max(h))
        } else {
            (w, h)
        };
        if cw != nw {
            canvas.set_width(nw);
        }
        if ch != nh {
            canvas.set_height(nh);
        }
        *bitmap_dpr = dpr;
    }
    let (bw, bh) = (canvas.width(), canvas.height());
    let style = canvas.style();
    if keep {
        // One store pixel per device pixel: the element is the store's size in CSS px.
        let _ = style.set_property("width", &cat!(decimal(f64::from(bw) / dpr), "px"));
        let _ = style.set_property("height", &cat!(decimal(f64::from(bh) / dpr), "px"));
    } else {
        // The CSS height is the layout's; the width follows the container.
        let _ = style.set_property("height", &cat!(decimal(scene.height * zoom), "px"));
    }
    let mut backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| ChartError::draw("this browser gave no 2D canvas context"))?;
    draw(&mut backend, scene, theme, Surface::canvas(dpr * zoom)).map_err(|e| {
        ChartError::draw(match e {
            DrawingErrorKind::DrawingError(e) => e.to_string(),
            DrawingErrorKind::FontError(_) => "the browser could not measure text".into(),
        })
    })
}
