//! offence-charts: newsroom offence-trend and detection-rate charts from embedded JSON.
//!
//! The pure core (spec model, validation, scales, layout, drawing generic over plotters'
//! `DrawingBackend`) is plain Rust, tested with `cargo test`. The browser boundary is [`web`],
//! compiled only for `wasm32`.

#[macro_use]
mod text;

pub mod chart;
pub mod columns;
pub mod describe;
pub mod draw;
pub mod error;
pub mod format;
pub mod json;
pub mod layout;
pub mod limits;
pub mod measure;
pub mod path;
pub mod rate;
pub mod read;
pub mod scale;
pub mod scene;
pub mod spec;
pub mod theme;
pub mod trend;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub mod render;

pub mod web;

pub use chart::Chart;
pub use error::ChartError;
