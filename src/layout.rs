//! Layout: turns a validated spec and a width into a [`Scene`]. The frame (title, subtitle, notes,
//! source line) lives here; the plot of each kind in [`crate::trend`] and [`crate::rate`].

use crate::measure::{wrap, Font, Measure};
use crate::scene::{Align, Ink, Scene, Shape};
use crate::spec::{Kind, Spec};

/// Narrowest width laid out; narrower canvases are drawn at this width and scaled by the browser.
pub const MIN_WIDTH: f64 = 240.0;
/// Widest width laid out.
pub const MAX_WIDTH: f64 = 4000.0;

/// Charts narrower than this, CSS px, are laid out with the phone sizes.
pub const PHONE_BELOW: f64 = 480.0;

/// Font sizes for one width: smaller on phones.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    /// Chart title.
    pub title: Font,
    /// Subtitle under it.
    pub subtitle: Font,
    /// Axis and category labels.
    pub label: Font,
    /// Direct value labels.
    pub value: Font,
    /// Notes and source line.
    pub small: Font,
}

impl Sizes {
    /// The sizes for a chart `width` CSS px wide.
    pub fn for_width(width: f64) -> Sizes {
        let phone = width < PHONE_BELOW;
        Sizes {
            title: Font::bold(if phone { 17.0 } else { 20.0 }),
            subtitle: Font::regular(if phone { 14.0 } else { 15.0 }),
            label: Font::regular(if phone { 12.0 } else { 13.0 }),
            value: Font::bold(if phone { 12.0 } else { 14.0 }),
            small: Font::regular(12.0),
        }
    }

    /// Every font of these sizes, each once, in the order title, subtitle, label, value, small.
    pub fn distinct(&self) -> Vec<Font> {
        let mut fonts: Vec<Font> = Vec::new();
        for f in [self.title, self.subtitle, self.label, self.value, self.small] {
            if !fonts.contains(&f) {
                fonts.push(f);
            }
        }
        fonts
    }
}

/// Line height for `font`.
pub fn line_height(font: Font) -> f64 {
    (font.size * 1.3).round()
}

/// Lays out `spec` (already validated) at `width` CSS px. The height follows from the content.
pub fn layout(spec: &Spec, width: f64, m: &dyn Measure) -> Scene {
    layout_prepared(spec, &crate::trend::prepare(spec), width, m)
}

/// As [`layout`], with the trend's figures prepared once beforehand (see [`crate::trend::prepare`]).
pub fn layout_prepared(spec: &Spec, prep: &crate::trend::Prepared, width: f64, m: &dyn Measure) -> Scene {
    let width = if width.is_finite() { width.clamp(MIN_WIDTH, MAX_WIDTH) } else { MIN_WIDTH };
    let sz = Sizes::for_width(width);
    let mut scene = Scene { width, ..Scene::default() };
    let mut y = 2.0;
    y = text_block(&mut scene.shapes, &spec.title, sz.title, Ink::Text, 0.0, y, width, 4, m);
    if let Some(sub) = spec.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        y = text_block(&mut scene.shapes, sub, sz.subtitle, Ink::Muted, 0.0, y + 2.0, width, 4, m);
    }
    y += 14.0;
    let (bottom, marks) = match spec.kind {
        Kind::Trend => crate::trend::layout(spec, prep, &mut scene.shapes, y, width, sz, m),
        Kind::Rate => crate::rate::layout(spec, &mut scene.shapes, y, width, sz, m),
    };
    scene.marks = marks;
    y = bottom + 12.0;
    for note in &spec.notes {
        y = text_block(&mut scene.shapes, note, sz.small, Ink::Muted, 0.0, y, width, 6, m) + 2.0;
    }
    y = text_block(&mut scene.shapes, &source_line(spec), sz.small, Ink::Muted, 0.0, y, width, 4, m);
    scene.height = (y + 4.0).ceil();
    scene
}

/// "Source: Police Scotland (April 2020); …" for the foot of the chart.
pub fn source_line(spec: &Spec) -> String {
    let names: Vec<String> = spec
        .sources
        .iter()
        .map(|s| match &s.date {
            Some(d) if !d.trim().is_empty() => cat!(s.name.trim(), " (", d.trim(), ")"),
            _ => s.name.trim().to_owned(),
        })
        .collect();
    cat!(if names.len() > 1 { "Sources" } else { "Source" }, ": ", crate::text::join(&names, "; "))
}

/// Wraps `text` into at most `max_lines` lines of `width` at (`x`, `y`); returns the y below it.
#[allow(clippy::too_many_arguments)]
pub fn text_block(
    shapes: &mut Vec<Shape>,
    text: &str,
    font: Font,
    ink: Ink,
    x: f64,
    mut y: f64,
    width: f64,
    max_lines: usize,
    m: &dyn Measure,
) -> f64 {
    for line in wrap(text, font, width, max_lines, m) {
        shapes.push(Shape::Text { x, y, text: line, font, ink, align: Align::Left });
        y += line_height(font);
    }
    y
}
