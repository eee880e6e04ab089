//! offence-charts: newsroom offence-trend and detection-rate charts from embedded JSON, drawn with
//! plotters on an HTML canvas (plotters-canvas) or, natively, as SVG and PNG fallback images.
//!
//! The crate is in layers, each a folder, each using only the layers above it in this list:
//!
//! | layer | holds |
//! | --- | --- |
//! | `text` | strings without `core::fmt`; en-GB number formats |
//! | `release` | figures found in a press release's prose (native, and the builder's wasm) |
//! | `spec` | the JSON value, reading it into the spec model with paths, the rules, limits, errors
//! |
//! | `sheet` | spreadsheets and CSV files read into cells, figures, markers and periods (native, and the builder's wasm) |
//! | `describe` | words about a spec: summary, tooltips, data table, rates, the source line |
//! | `changes` | what changed between two versions: corrections, updates, words (native) |
//! | `layout` | text measuring, scales, the frame and each chart kind's plot, the scene |
//! | `chart` | parse + validate + lay out: the core's entry point ([`Chart`]) |
//! | `paint` | a scene on any plotters `DrawingBackend`, themes, the native SVG/PNG renderer |
//! | `web` | the only code that knows JavaScript: wasm exports, the canvas, `www/shared.js` |
//! | `store` | published charts: numbered versions as static files, the revision line (native) |
//! | `serve` | the site, the store and the publishing API over HTTP (native) |
//!
//! Everything but `web` is plain Rust, tested with `cargo test`; `tests/layers.rs` keeps imports
//! running downwards. Modules are private: what other crates use is re-exported here.

#[macro_use]
mod text;

#[cfg(not(target_arch = "wasm32"))]
mod changes;
mod chart;
mod describe;
mod layout;
mod paint;
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
mod release;
#[cfg(not(target_arch = "wasm32"))]
pub mod serve;
#[cfg(any(feature = "sheet", not(target_arch = "wasm32")))]
pub mod sheet;
mod spec;
#[cfg(not(target_arch = "wasm32"))]
pub mod store;
mod web;

pub use chart::Chart;
pub use describe::{source_line, summary, table, tip, Focus, Table, Tip, MAX_TABLE_ROWS};
pub use layout::{
    Align, Approximate, Font, Ink, MarkBox, Marks, Measure, Scene, Shape, Sizes, FONT_FAMILY,
    PHONE_BELOW,
};
pub use paint::{draw, Surface, Theme};
pub use spec::{
    Category, Figure, Kind, Mark, Missing, Period, Series, Source, Spec, Status, NAMED_CHARTS,
};
pub use spec::{ChartError, Problem};

#[cfg(not(target_arch = "wasm32"))]
pub use changes::{between as changes_between, Change, Weight};
#[cfg(not(target_arch = "wasm32"))]
pub use chart::{named_spec, NAMED};
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub use describe::{check_claims, Claim, Verdict};
#[cfg(not(target_arch = "wasm32"))]
pub use paint::FontMeasure;
#[cfg(not(target_arch = "wasm32"))]
pub use paint::{svg_to_png, to_svg, to_svg_sized, MAX_PNG_PIXELS};
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub use release::{find as find_figures, periods, Bound, FigureKind, Found};

#[cfg(target_arch = "wasm32")]
pub use web::{open_chart, render_chart, ChartView};

/// The documented limits on a spec (`docs/spec.md`): past any of them a spec is refused.
pub mod limits {
    pub use crate::spec::{
        MAX_ANNOTATIONS, MAX_BREAKS, MAX_CATEGORIES, MAX_LABEL_CHARS, MAX_NOTES, MAX_PERIODS,
        MAX_POINTS, MAX_REVISION_CHARS, MAX_SERIES, MAX_SOURCES, MAX_SPEC_BYTES, MAX_TEXT_CHARS,
        MAX_TITLE_CHARS, MAX_URL_CHARS, MAX_VALUE,
    };
}

/// `www/shared.js`, the values the site's JavaScript shares with the core, as Rust writes it.
#[cfg(not(target_arch = "wasm32"))]
pub mod shared_js {
    pub use crate::web::shared_js_module as module;
}
