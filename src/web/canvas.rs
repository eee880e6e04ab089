//! Every canvas call: measuring text with `measureText`, sizing the backing store to CSS size ×
//! devicePixelRatio, and drawing a scene through [`Canvas2d`], our plotters `DrawingBackend`.
//!
//! `Canvas2d` replaces plotters-canvas, which formats every colour and font as a new string with
//! float formatting (`rgba(r,g,b,1)`, `{size}px`) and sets every style on every call. Here a style
//! is set only when it changes, runs of lines in one style are stroked as one path, and numbers are
//! written with integer arithmetic: the wasm is 17 KB smaller and a redraw makes fewer calls.

use crate::draw::{draw, Surface};
use crate::error::ChartError;
use crate::format::css_number as decimal;
use crate::measure::{Font, Measure, FONT_FAMILY};
use crate::scene::Scene;
use crate::theme::{css_color, Theme};
use plotters_backend::text_anchor::HPos;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};
use std::cell::RefCell;
use std::f64::consts::TAU;
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
        for b in font.size.to_bits().to_le_bytes().into_iter().chain([u8::from(font.bold)]).chain(text.bytes()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
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
    pub fn new(canvas: &HtmlCanvasElement, cache: &'a Widths) -> Result<CanvasMeasure<'a>, ChartError> {
        Ok(CanvasMeasure { ctx: context(canvas)?, font: RefCell::new((0.0, false)), cache })
    }

    fn measure(&self, text: &str, font: Font) -> f64 {
        if let Ok(mut current) = self.font.try_borrow_mut() {
            if *current != (font.size, font.bold) {
                self.ctx.set_font(&css_font(font.size, font.bold));
                *current = (font.size, font.bold);
            }
        }
        self.ctx.measure_text(text).map(|m| m.width()).unwrap_or(text.chars().count() as f64 * font.size * 0.55)
    }
}

impl Measure for CanvasMeasure<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        let key = Widths::key(text, font);
        let Ok(mut known) = self.cache.known.try_borrow_mut() else { return self.measure(text, font) };
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

/// The CSS `font` shorthand for `size` px, bold or normal, in [`FONT_FAMILY`].
pub fn css_font(size: f64, bold: bool) -> String {
    cat!(if bold { "bold" } else { "normal" }, " ", decimal(size), "px ", FONT_FAMILY)
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
///
/// With `keep` (the loader's charts, whose canvas sits in a frame that clips it to the scene), a
/// backing store that is already large enough at this `dpr` is kept when the chart narrows or
/// shortens: the canvas element keeps the store's size and the frame shows the scene's part.
/// Resizing a canvas throws its pixels away and makes the browser allocate new ones, which is
/// most of the cost of a redraw at a new width. `bitmap_dpr` is the ratio the store was made for.
pub fn paint(canvas: &HtmlCanvasElement, scene: &Scene, theme: &Theme, dpr: f64, keep: bool, bitmap_dpr: &mut f64) -> Result<(), ChartError> {
    let dpr = if dpr.is_finite() && dpr > 0.0 { dpr.min(4.0) } else { 1.0 };
    let (w, h) = ((scene.width * dpr).round() as u32, (scene.height * dpr).round() as u32);
    let (cw, ch) = (canvas.width(), canvas.height());
    // A kept store holds at most twice the pixels needed.
    let modest = |a: u32, b: u32| u64::from(a) * u64::from(b) <= 2 * u64::from(w.max(1)) * u64::from(h.max(1));
    let same_ratio = *bitmap_dpr == dpr;
    if !(keep && same_ratio && cw >= w && ch >= h && modest(cw, ch)) {
        // A new store: when keeping, large enough for the old size too (a chart that gets taller
        // as it narrows then fits both ways), if that is modest.
        let (nw, nh) = if keep && same_ratio && modest(cw.max(w), ch.max(h)) { (cw.max(w), ch.max(h)) } else { (w, h) };
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
        let _ = style.set_property("height", &cat!(decimal(scene.height), "px"));
    }
    let mut surface = Canvas2d::new(context(canvas)?, (bw, bh));
    draw(&mut surface, scene, theme, Surface::canvas(dpr)).map_err(|e| {
        ChartError::Draw(match e {
            DrawingErrorKind::DrawingError(CanvasError(m)) => m,
            DrawingErrorKind::FontError(_) => "the browser could not measure text".into(),
        })
    })
}

/// A failed canvas call.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

/// The styles last set on the context, so that each is set again only when it changes.
#[derive(Default, PartialEq)]
struct State {
    fill: Option<(u8, u8, u8, u32)>,
    stroke: Option<(u8, u8, u8, u32, u32)>,
    font: Option<(i64, bool)>,
    align: Option<u8>,
}

/// A plotters `DrawingBackend` on a canvas 2D context, `size` backing pixels.
pub struct Canvas2d {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
    state: State,
    /// A path of lines begun but not yet stroked (all in the current stroke style).
    open_path: bool,
}

impl Canvas2d {
    /// A backend drawing on `ctx`, whose canvas is `size` backing pixels.
    pub fn new(ctx: CanvasRenderingContext2d, size: (u32, u32)) -> Canvas2d {
        // Scene text is positioned by its top edge; only the alignment varies.
        ctx.set_text_baseline("top");
        Canvas2d { ctx, size, state: State::default(), open_path: false }
    }

    fn flush(&mut self) {
        if self.open_path {
            self.ctx.stroke();
            self.open_path = false;
        }
    }

    fn fill_style(&mut self, c: BackendColor) {
        let key = (c.rgb.0, c.rgb.1, c.rgb.2, alpha_key(c.alpha));
        if self.state.fill != Some(key) {
            self.ctx.set_fill_style_str(&css_color(c.rgb, c.alpha));
            self.state.fill = Some(key);
        }
    }

    /// Begins a new path through `points`; false (and no path) when there are none.
    fn trace(&mut self, points: impl IntoIterator<Item = BackendCoord>) -> bool {
        let mut points = points.into_iter();
        let Some(p) = points.next() else { return false };
        self.ctx.begin_path();
        self.ctx.move_to(f64::from(p.0), f64::from(p.1));
        for p in points {
            self.ctx.line_to(f64::from(p.0), f64::from(p.1));
        }
        true
    }

    /// Sets the stroke style, first stroking any open path drawn in the previous one.
    fn stroke_style(&mut self, c: BackendColor, width: u32) {
        let key = (c.rgb.0, c.rgb.1, c.rgb.2, alpha_key(c.alpha), width);
        if self.state.stroke != Some(key) {
            self.flush();
            self.ctx.set_stroke_style_str(&css_color(c.rgb, c.alpha));
            self.ctx.set_line_width(f64::from(width));
            self.state.stroke = Some(key);
        }
    }
}

fn alpha_key(a: f64) -> u32 {
    (a.clamp(0.0, 1.0) * 1000.0) as u32
}

/// Where a line from `a` to `b`, `width` px wide, is drawn so that it covers whole pixels: a line
/// of odd width along a pixel row or column sits half a pixel off the grid.
fn crisp(a: BackendCoord, b: BackendCoord, width: u32) -> ((f64, f64), (f64, f64)) {
    let shift = if width % 2 == 1 { 0.5 } else { 0.0 };
    let (mut a, mut b) = ((f64::from(a.0), f64::from(a.1)), (f64::from(b.0), f64::from(b.1)));
    if a.0 == b.0 {
        a.0 -= shift;
        b.0 -= shift;
    }
    if a.1 == b.1 {
        a.1 -= shift;
        b.1 -= shift;
    }
    (a, b)
}

impl DrawingBackend for Canvas2d {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Drawn {
        self.flush();
        self.fill_style(c);
        self.ctx.fill_rect(f64::from(p.0), f64::from(p.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawn {
        let width = style.stroke_width();
        self.stroke_style(style.color(), width);
        if !self.open_path {
            self.ctx.begin_path();
            self.open_path = true;
        }
        let (a, b) = crisp(from, to, width);
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Drawn {
        self.flush();
        let (x, y, w, h) = (f64::from(ul.0), f64::from(ul.1), f64::from(br.0 - ul.0), f64::from(br.1 - ul.1));
        if fill {
            self.fill_style(style.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.stroke_style(style.color(), style.stroke_width());
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        self.stroke_style(style.color(), style.stroke_width());
        self.flush();
        if self.trace(path) {
            self.ctx.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        self.flush();
        self.fill_style(style.color());
        if self.trace(path) {
            self.ctx.close_path();
            self.ctx.fill();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, radius: u32, style: &S, fill: bool) -> Drawn {
        self.flush();
        if fill {
            self.fill_style(style.color());
        } else {
            self.stroke_style(style.color(), style.stroke_width());
        }
        self.ctx.begin_path();
        self.ctx.arc(f64::from(c.0), f64::from(c.1), f64::from(radius), 0.0, TAU).map_err(|_| DrawingErrorKind::DrawingError(CanvasError("arc refused".into())))?;
        if fill {
            self.ctx.fill();
        } else {
            self.ctx.stroke();
        }
        Ok(())
    }

    /// Draws `text` with its top edge at `pos`, aligned as the style's anchor says (scene text is
    /// never rotated).
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Drawn {
        self.flush();
        self.fill_style(style.color());
        let bold = matches!(style.style(), FontStyle::Bold);
        let key = ((style.size() * 100.0).round() as i64, bold);
        if self.state.font != Some(key) {
            self.ctx.set_font(&css_font(style.size(), bold));
            self.state.font = Some(key);
        }
        let (key, align) = match style.anchor().h_pos {
            HPos::Left => (0, "start"),
            HPos::Right => (1, "end"),
            HPos::Center => (2, "center"),
        };
        if self.state.align != Some(key) {
            self.ctx.set_text_align(align);
            self.state.align = Some(key);
        }
        self.ctx.fill_text(text, f64::from(pos.0), f64::from(pos.1)).map_err(|_| DrawingErrorKind::DrawingError(CanvasError("fillText refused".into())))
    }
}
