//! Layout: a validated spec and a width become a [`Scene`] of shapes in CSS pixels and colour
//! roles, with the boxes a pointer or key can select.
//!
//! Holds: text measuring and wrapping ([`measure`]), scales from zero with round ticks
//! ([`scale`]), thinning a long series to the pixels it covers ([`columns`]), the frame of every
//! chart ([`frame`]), the plot of each kind ([`trend`], [`rate`]) and the scene they fill
//! ([`scene`]). May use `text`, `spec` and `describe`; never `paint` or `web`.

mod annotate;
mod columns;
mod frame;
mod measure;
mod rate;
mod scale;
mod scene;
mod trend;

pub use frame::{Sizes, PHONE_BELOW};
pub use measure::{Approximate, Font, Measure, FONT_FAMILY};
pub use scene::{Align, Ink, MarkBox, Marker, Marks, Scene, Shape, Texture};
pub use trend::{prepare, Prepared, PLOT_HEIGHT_RATIO};

use crate::describe::source_line;
use crate::spec::{Kind, Spec};
use frame::{Frame, MAX_WIDTH, MIN_WIDTH};

/// Lays out `spec` (already validated) at `width` CSS px, with the trend's figures prepared once
/// beforehand (see [`trend::prepare`]). The height follows from the content.
pub fn layout(spec: &Spec, prep: &trend::Prepared, width: f64, m: &dyn Measure) -> Scene {
    let width = if width.is_finite() {
        width.clamp(MIN_WIDTH, MAX_WIDTH)
    } else {
        MIN_WIDTH
    };
    let mut shapes = Vec::new();
    let mut f = Frame {
        width,
        sz: Sizes::for_width(width),
        m,
        shapes: &mut shapes,
    };
    let sz = f.sz;
    let mut y = f.text(&spec.title, f.full(sz.title, Ink::Text, 4), 2.0);
    if let Some(sub) = spec.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        y = f.text(sub, f.full(sz.subtitle, Ink::Muted, 4), y + 2.0);
    }
    y += 14.0;
    let (bottom, marks, listed) = match spec.kind {
        Kind::Trend => trend::layout(spec, prep, &mut f, y),
        Kind::Rate => rate::layout(spec, &mut f, y),
    };
    y = bottom + 12.0;
    if !listed.is_empty() {
        y = annotate::list(spec, &listed, y, &mut f) + 6.0;
    }
    if let Some(revision) = spec.revision.as_deref().filter(|r| !r.trim().is_empty()) {
        // In the text's colour, not muted: a correction is shown with due prominence.
        y = f.text(revision, f.full(sz.small, Ink::Text, 6), y) + 4.0;
    }
    for key in &prep.keys {
        y = f.text(key, f.full(sz.small, Ink::Muted, 6), y) + 2.0;
    }
    for note in &spec.notes {
        y = f.text(note, f.full(sz.small, Ink::Muted, 6), y) + 2.0;
    }
    y = f.text(&source_line(spec), f.full(sz.small, Ink::Muted, 4), y);
    Scene {
        width,
        height: (y + 4.0).ceil(),
        shapes,
        marks,
    }
}
