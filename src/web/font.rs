//! The chart fonts as CSS, for the canvas (and for `www/shared.js`).

use crate::layout::{Font, FONT_FAMILY};
use crate::text::css_number;

/// The CSS `font` shorthand for `font` in [`FONT_FAMILY`], as the canvas is given it.
pub fn css_font(font: Font) -> String {
    cat!(
        if font.bold { "bold" } else { "normal" },
        " ",
        css_number(font.size),
        "px ",
        FONT_FAMILY
    )
}
