//! Painting: a [`Scene`](crate::layout::Scene) onto any plotters `DrawingBackend` in a
//! theme's colours.
//!
//! Holds: the painter ([`draw`]), the geometry only painting needs ([`geometry`]: markers,
//! textures, hatching, dashes), the light and dark palettes ([`theme`]) and, natively, the
//! checked-in fonts' measure ([`fonts`]) and the SVG and PNG renderer for fallback images and
//! share cards ([`render`]). May use every layer below it (`text`,
//! `spec`, `describe`, `layout`) and the [`Chart`](crate::Chart); never `web`.

mod draw;
#[cfg(not(target_arch = "wasm32"))]
mod fonts;
mod geometry;
#[cfg(not(target_arch = "wasm32"))]
mod render;
mod theme;

pub use draw::{draw, Surface};
#[cfg(not(target_arch = "wasm32"))]
pub use fonts::{FontMeasure, BOLD, REGULAR};
#[cfg(not(target_arch = "wasm32"))]
pub use render::{svg_to_png, to_svg, to_svg_sized, MAX_PNG_PIXELS};
#[cfg(not(target_arch = "wasm32"))]
pub use theme::css_color;
pub use theme::Theme;
