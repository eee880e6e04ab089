//! The `#[wasm_bindgen]` exports: short functions that convert inputs, call the pure core and turn
//! [`ChartError`]s into JS `Error`s.

use super::canvas::{paint, Bitmap, CanvasMeasure, Widths};
use crate::chart::{check_text, Chart};
use crate::describe::source_line;
use crate::describe::{summary, table, tip};
use crate::layout::Scene;
use crate::paint::Theme;
use crate::spec::{ChartError, Problem};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

#[cfg(feature = "test-hooks")]
thread_local! {
    /// Set by [`arm_trap_for_tests`]: the next [`ChartView::tip`] call panics.
    static TRAP_ARMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Test builds only (cargo feature `test-hooks`, never in `dist/`): the next tooltip asked of any
/// chart in this instance panics, trapping the instance, as a bug of ours would. Lets the
/// end-to-end tests prove that the loader recovers and the page's other charts live on.
///
/// A panic carries no message to JavaScript: the wasm is built with panics that trap at once (see
/// `scripts/dist.sh`). The loader reports a trap as an internal error.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = armTrapForTests)]
pub fn arm_trap_for_tests() {
    TRAP_ARMED.with(|t| t.set(true));
}

/// A [`ChartError`] as a JS `Error` whose `message` is what readers are shown, with `kind`
/// (`"json"`, `"spec"`, `"draw"`), `path` (the field, as `series[0].values[1]`; empty for the
/// whole spec) and `rule` (what is wrong there, without the path).
fn js(e: ChartError) -> JsValue {
    let error = js_sys::Error::new(&e.message());
    let (kind, path, rule) = match e.problem() {
        Problem::Json(m) => ("json", "", cat!("is not valid JSON: ", m)),
        Problem::Spec { path, message } => ("spec", path.as_str(), message.clone()),
        Problem::UnknownChart(_) => ("spec", "", e.message()),
        Problem::Draw(m) => ("draw", "", m.clone()),
    };
    set(&error, "kind", &kind.into());
    set(&error, "path", &path.into());
    set(&error, "rule", &rule.into());
    error.into()
}

/// Sets `obj[key] = value` (a plain data property; setting one on a fresh object cannot fail).
pub(super) fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn dom_error(e: JsValue) -> ChartError {
    ChartError::draw(
        e.as_string()
            .unwrap_or_else(|| "the page refused a change".into()),
    )
}

/// Reads a spec given as JSON text or as a JS object. (Named charts are files the loader fetches:
/// their data is not compiled into the wasm, so a data fix does not change the program.)
fn chart_from(value: &JsValue) -> Result<Chart, ChartError> {
    match value.as_string() {
        Some(text) => chart_from_json(&text),
        None => chart_from_object(value.clone()),
    }
}

/// Parses JSON text with the browser's `JSON.parse`, then reads it as a spec.
fn chart_from_json(text: &str) -> Result<Chart, ChartError> {
    check_text(text)?;
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let msg = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "unreadable".into());
        ChartError::json(msg)
    })?;
    chart_from_object(value)
}

/// Brings a JS value into the core through serde-wasm-bindgen, which fills the core's [`Json`]
/// value; the core then reads it with the same paths and messages as natively.
///
/// [`Json`]: crate::spec::Json
fn chart_from_object(value: JsValue) -> Result<Chart, ChartError> {
    Chart::from_deserializer(serde_wasm_bindgen::Deserializer::from(value))
}

#[wasm_bindgen]
extern "C" {
    /// The page's `devicePixelRatio`, read as a global (not through `web_sys::window()`, whose
    /// search for the global object costs about 0.6 KB of wasm and glue).
    #[wasm_bindgen(thread_local_v2, js_name = devicePixelRatio)]
    static DEVICE_PIXEL_RATIO: Option<f64>;
}

fn device_pixel_ratio() -> f64 {
    DEVICE_PIXEL_RATIO.with(|r| r.filter(|r| *r > 0.0).unwrap_or(1.0))
}

/// A chart drawn on a canvas: redraw it at a new size or theme, and ask it about its figures.
#[wasm_bindgen]
pub struct ChartView {
    pub(super) chart: Chart,
    canvas: HtmlCanvasElement,
    scene: Scene,
    /// The width the scene was laid out for: a redraw at the same width only repaints.
    laid_out_for: Option<f64>,
    /// Text widths measured so far.
    widths: Widths,
    /// Keep a large enough backing store when the chart shrinks (see [`canvas::paint`]).
    keep_bitmap: bool,
    /// The pixel ratio the canvas's backing store was made for.
    bitmap_dpr: f64,
    /// Text size relative to the default (the reader's root font size / 16 px): the chart is laid
    /// out `1 / zoom` as wide and drawn `zoom` times larger, so text grows and wraps like the
    /// page's and the plot grows with it, nothing overlapping.
    zoom: f64,
    /// The reader's forced system colours, for the theme `"forced"`.
    forced: Option<Theme>,
}

impl ChartView {
    fn new(chart: Chart, canvas: HtmlCanvasElement) -> ChartView {
        ChartView {
            chart,
            canvas,
            scene: Scene::default(),
            laid_out_for: None,
            widths: Widths::default(),
            keep_bitmap: false,
            bitmap_dpr: 0.0,
            zoom: 1.0,
            forced: None,
        }
    }

    fn redraw(&mut self, width: f64, dpr: f64, theme: &str) -> Result<f64, ChartError> {
        // Layout is in CSS pixels and colour roles, so a new theme or pixel ratio needs none.
        if self.laid_out_for != Some(width) {
            let m = CanvasMeasure::new(&self.canvas, &self.widths)?;
            self.scene = self.chart.layout(width / self.zoom, &m);
            self.laid_out_for = Some(width);
        }
        let theme = match (theme, &self.forced) {
            ("forced", Some(forced)) => forced,
            _ => Theme::named(theme),
        };
        let bitmap = Bitmap {
            dpr,
            zoom: self.zoom,
            keep: self.keep_bitmap,
        };
        paint(
            &self.canvas,
            &self.scene,
            theme,
            bitmap,
            &mut self.bitmap_dpr,
        )?;
        Ok(self.height())
    }

    /// Width of the last layout, CSS px.
    pub fn width(&self) -> f64 {
        self.scene.width * self.zoom
    }

    /// The canvas drawn on.
    pub fn canvas(&self) -> HtmlCanvasElement {
        self.canvas.clone()
    }
}

#[wasm_bindgen]
impl ChartView {
    /// Lays the chart out `width` CSS px wide and draws it at `dpr` backing pixels per CSS pixel
    /// in theme `"light"`, `"dark"` or `"forced"` (see `setForcedColors`). Returns the chart's
    /// height in CSS px.
    pub fn draw(&mut self, width: f64, dpr: f64, theme: &str) -> Result<f64, JsValue> {
        self.redraw(width, dpr, theme).map_err(js)
    }

    /// From now on, keep the canvas's backing store when the chart narrows or shortens, sizing the
    /// canvas element to the store: for a canvas in a frame that clips it to the chart's width and
    /// [`height`](ChartView::height), as the loader's are. Redraws at a smaller size then need no
    /// new pixels from the browser.
    #[wasm_bindgen(js_name = keepBitmap)]
    pub fn keep_bitmap(&mut self) {
        self.keep_bitmap = true;
    }

    /// Height of the last layout, CSS px.
    #[wasm_bindgen(getter)]
    pub fn height(&self) -> f64 {
        self.scene.height * self.zoom
    }

    /// Sets the text size relative to the default, `scale` (the reader's root font size / 16 px,
    /// 1 to 3): the next draw lays the chart out for larger text. See `zoom`.
    #[wasm_bindgen(js_name = setTextScale)]
    pub fn set_text_scale(&mut self, scale: f64) {
        let zoom = if scale.is_finite() {
            scale.clamp(1.0, 3.0)
        } else {
            1.0
        };
        if zoom != self.zoom {
            self.zoom = zoom;
            self.laid_out_for = None;
        }
    }

    /// Sets the reader's forced system colours, drawn with the theme `"forced"`: 18 bytes, the
    /// RGB of `Canvas`, `CanvasText`, `GrayText`, `Highlight`, `HighlightText` and `LinkText` as
    /// the page resolves them. Fewer bytes clear them (`"forced"` then draws light).
    #[wasm_bindgen(js_name = setForcedColors)]
    pub fn set_forced_colors(&mut self, rgb: &[u8]) {
        let six = rgb.get(..18).and_then(|s| <[u8; 18]>::try_from(s).ok());
        self.forced = six.map(
            |[r0, g0, b0, r1, g1, b1, r2, g2, b2, r3, g3, b3, r4, g4, b4, r5, g5, b5]| {
                Theme::forced(
                    (r0, g0, b0),
                    (r1, g1, b1),
                    (r2, g2, b2),
                    (r3, g3, b3),
                    (r4, g4, b4),
                    (r5, g5, b5),
                )
            },
        );
    }

    /// How many figures the arrow keys step through.
    #[wasm_bindgen(js_name = markCount)]
    pub fn mark_count(&self) -> usize {
        self.scene.mark_count()
    }

    /// The index of the figure under CSS-px point (`x`, `y`) of the canvas, or -1.
    #[wasm_bindgen(js_name = markAt)]
    pub fn mark_at(&self, x: f64, y: f64) -> i32 {
        self.scene
            .hit(x / self.zoom, y / self.zoom)
            .and_then(|i| i32::try_from(i).ok())
            .unwrap_or(-1)
    }

    /// `[x, y]` in CSS px where figure `i`'s tooltip points; empty if there is no such figure.
    pub fn anchor(&self, i: usize) -> Vec<f64> {
        self.scene
            .mark(i)
            .map(|(_, (x, y))| vec![x * self.zoom, y * self.zoom])
            .unwrap_or_default()
    }

    /// Figure `i`'s tooltip: its heading then its lines; empty if there is no such figure.
    pub fn tip(&self, i: usize) -> Vec<String> {
        #[cfg(feature = "test-hooks")]
        if TRAP_ARMED.with(|t| t.replace(false)) {
            std::panic::panic_any("test trap");
        }
        self.scene
            .mark(i)
            .and_then(|(focus, _)| tip(self.chart.spec(), focus))
            .map(|t| {
                let mut all = t.lines;
                all.insert(0, t.heading);
                all
            })
            .unwrap_or_default()
    }

    /// The data table: `{caption, head: [..], rows: [[..], ..], foot: [..]}`, all strings. `foot`
    /// is the lines under the table (flags, notes, sources).
    pub fn table(&self) -> JsValue {
        let t = table(self.chart.spec());
        let strings = |v: &[String]| v.iter().map(|s| JsValue::from_str(s)).collect::<Array>();
        let rows: Array = t.rows.iter().map(|r| JsValue::from(strings(r))).collect();
        let out = Object::new();
        set(&out, "caption", &t.caption.as_str().into());
        set(&out, "head", &strings(&t.head));
        set(&out, "rows", &rows);
        set(&out, "foot", &strings(&t.foot));
        out.into()
    }
}

/// What only the builder (and the tests) ask of a chart: exported to JavaScript by the builder's
/// wasm and the test hooks' build; in the readers' wasm, plain Rust methods that nothing calls,
/// left out (the summary reaches readers as the canvas's label, set when the chart is opened).
#[cfg_attr(any(feature = "builder", feature = "test-hooks"), wasm_bindgen)]
impl ChartView {
    /// The sentence a screen reader hears for the whole chart.
    pub fn summary(&self) -> String {
        summary(self.chart.spec())
    }

    /// The source line at the chart's foot ("Source: Police Scotland (April 2020)").
    #[cfg_attr(any(feature = "builder", feature = "test-hooks"), wasm_bindgen(js_name = sourceLine))]
    pub fn source_line(&self) -> String {
        source_line(self.chart.spec())
    }

    /// The height, CSS px, that shows the chart whole at every width from `narrowest` to
    /// `widest` (its tallest layout among them): an iframe's fallback height. Draws nothing.
    pub fn tallest(&self, narrowest: f64, widest: f64) -> Result<f64, JsValue> {
        let m = CanvasMeasure::new(&self.canvas, &self.widths).map_err(js)?;
        let z = self.zoom;
        Ok(self.chart.tallest(narrowest / z, widest / z, &m) * z)
    }
}

/// Draws `spec` (JSON text or an object) on `canvas` at its CSS width and
/// the screen's pixel ratio, in the light theme. Throws an `Error` naming the field and rule if the
/// spec is bad.
#[wasm_bindgen(js_name = renderChart)]
pub fn render_chart(canvas: HtmlCanvasElement, spec: JsValue) -> Result<ChartView, JsValue> {
    let mut view = open(canvas, chart_from(&spec).map_err(js)?).map_err(js)?;
    let width = match view.canvas.client_width() {
        w if w > 0 => f64::from(w),
        _ => f64::from(view.canvas.width()),
    };
    view.redraw(width, device_pixel_ratio(), "light")
        .map_err(js)?;
    Ok(view)
}

/// Reads `text` as a spec for `canvas`, which gets its
/// `role` and screen-reader summary, without drawing: the loader draws it at the width, ratio and
/// theme of its place. Throws an `Error` naming the field and rule if the spec is bad.
#[wasm_bindgen(js_name = openChart)]
pub fn open_chart(canvas: HtmlCanvasElement, text: &str) -> Result<ChartView, JsValue> {
    open(canvas, chart_from_json(text).map_err(js)?).map_err(js)
}

fn open(canvas: HtmlCanvasElement, chart: Chart) -> Result<ChartView, ChartError> {
    canvas.set_attribute("role", "img").map_err(dom_error)?;
    canvas
        .set_attribute("aria-label", &summary(chart.spec()))
        .map_err(dom_error)?;
    Ok(ChartView::new(chart, canvas))
}

/// The allocator: talc, which is about 5 KB smaller in the wasm than Rust's default dlmalloc.
// SAFETY: `new_global` is sound when this is the global allocator of a single-threaded wasm
// module, which it is (talc's documented use).
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
