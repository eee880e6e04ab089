//! The browser boundary: the only code that knows about JavaScript.
//!
//! In the wasm: the `#[wasm_bindgen]` exports ([`exports`]) and every canvas call ([`canvas`]).
//! The page around a chart (figure, tooltip, data table, error box) is built by the loader
//! (`www/offence-charts.js`) from what the exports return: DOM building is far smaller in
//! JavaScript than through web-sys. On both targets: [`shared_js`], the values the site's
//! JavaScript shares with the core, written out as the module `www/shared.js`.
//!
//! May use every layer below; nothing below uses it.

#[cfg(all(target_arch = "wasm32", feature = "builder"))]
mod builder;
#[cfg(target_arch = "wasm32")]
mod canvas;
#[cfg(target_arch = "wasm32")]
mod exports;
mod font;
#[cfg(not(target_arch = "wasm32"))]
mod shared_js;
#[cfg(all(target_arch = "wasm32", feature = "sheet"))]
mod sheet;

#[cfg(target_arch = "wasm32")]
pub use exports::{open_chart, render_chart, ChartView};
#[cfg(not(target_arch = "wasm32"))]
pub use shared_js::module as shared_js_module;
