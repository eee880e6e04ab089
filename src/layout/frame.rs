//! The frame of every chart: its width limits, the font sizes for a width (and the phone
//! breakpoint), line heights, and blocks of wrapped text (title, subtitle, notes, source line).

use crate::layout::measure::{wrap, Font, Measure};
use crate::layout::scene::{Align, Ink, Shape};

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
        for f in [
            self.title,
            self.subtitle,
            self.label,
            self.value,
            self.small,
        ] {
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

/// What the parts of one layout share: the chart's width, the sizes for it, the measure, and
/// the shapes laid out so far (in painting order).
pub struct Frame<'a> {
    /// The chart's width, CSS px.
    pub width: f64,
    /// Font sizes for that width.
    pub sz: Sizes,
    /// How wide text is.
    pub m: &'a dyn Measure,
    /// The shapes so far.
    pub shapes: &'a mut Vec<Shape>,
}

/// How a block of wrapped text is set.
#[derive(Debug, Clone, Copy)]
pub struct Block {
    /// Size and weight.
    pub font: Font,
    /// Colour role.
    pub ink: Ink,
    /// Left edge, CSS px.
    pub x: f64,
    /// Width it wraps to.
    pub width: f64,
    /// Most lines (the last ends in "…" if the text is longer).
    pub max_lines: usize,
}

impl Frame<'_> {
    /// A block the chart's whole width.
    pub fn full(&self, font: Font, ink: Ink, max_lines: usize) -> Block {
        Block {
            font,
            ink,
            x: 0.0,
            width: self.width,
            max_lines,
        }
    }

    /// Wraps `text` as `block` says, its first line's top at `y`; returns the y below it.
    pub fn text(&mut self, text: &str, block: Block, mut y: f64) -> f64 {
        let Block {
            font,
            ink,
            x,
            width,
            max_lines,
        } = block;
        for line in wrap(text, font, width, max_lines, self.m) {
            self.shapes.push(Shape::Text {
                x,
                y,
                text: line,
                font,
                ink,
                align: Align::Left,
            });
            y += line_height(font);
        }
        y
    }
}
