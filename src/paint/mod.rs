//! Painting: a [`Scene`](crate::layout::scene::Scene) onto any plotters `DrawingBackend` in a
//! theme's colours.
//!
//! Holds: the painter ([`draw`]), the light and dark palettes ([`theme`]) and, natively, the SVG
//! and PNG renderer for fallback images ([`render`]). May use every layer below it (`text`,
//! `spec`, `describe`, `layout`) and the [`Chart`](crate::Chart); never `web`.

pub mod draw;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
pub mod theme;
