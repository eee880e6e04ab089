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
use frame::{text_block, MAX_WIDTH, MIN_WIDTH};

/// Lays out `spec` (already validated) at `width` CSS px, with the trend's figures prepared once
/// beforehand (see [`trend::prepare`]). The height follows from the content.
pub fn layout(spec: &Spec, prep: &trend::Prepared, width: f64, m: &dyn Measure) -> Scene {
    let width = if width.is_finite() {
        width.clamp(MIN_WIDTH, MAX_WIDTH)
    } else {
        MIN_WIDTH
    };
    let sz = Sizes::for_width(width);
    let mut scene = Scene {
        width,
        ..Scene::default()
    };
    let mut y = 2.0;
    y = text_block(
        &mut scene.shapes,
        &spec.title,
        sz.title,
        Ink::Text,
        0.0,
        y,
        width,
        4,
        m,
    );
    if let Some(sub) = spec.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        y = text_block(
            &mut scene.shapes,
            sub,
            sz.subtitle,
            Ink::Muted,
            0.0,
            y + 2.0,
            width,
            4,
            m,
        );
    }
    y += 14.0;
    let (bottom, marks, listed) = match spec.kind {
        Kind::Trend => trend::layout(spec, prep, &mut scene.shapes, y, width, sz, m),
        Kind::Rate => rate::layout(spec, &mut scene.shapes, y, width, sz, m),
    };
    scene.marks = marks;
    y = bottom + 12.0;
    if !listed.is_empty() {
        y = annotate::list(spec, &listed, y, width, sz, &mut scene.shapes, m) + 6.0;
    }
    if let Some(revision) = spec.revision.as_deref().filter(|r| !r.trim().is_empty()) {
        // In the text's colour, not muted: a correction is shown with due prominence.
        y = text_block(
            &mut scene.shapes,
            revision,
            sz.small,
            Ink::Text,
            0.0,
            y,
            width,
            6,
            m,
        ) + 4.0;
    }
    for note in &spec.notes {
        y = text_block(
            &mut scene.shapes,
            note,
            sz.small,
            Ink::Muted,
            0.0,
            y,
            width,
            6,
            m,
        ) + 2.0;
    }
    y = text_block(
        &mut scene.shapes,
        &source_line(spec),
        sz.small,
        Ink::Muted,
        0.0,
        y,
        width,
        4,
        m,
    );
    scene.height = (y + 4.0).ceil();
    scene
}
