//! The native measure: advance widths from the checked-in Liberation Sans (OFL), so tests,
//! fallback images and share cards lay out the same on every machine. Not in the wasm build (the
//! browser measures with the canvas).

use crate::layout::{Font, Measure};
use ab_glyph::{Font as _, FontRef};

/// Liberation Sans Regular, as drawn into fallback images.
pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
/// Liberation Sans Bold.
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");

/// Measures with Liberation Sans' advance widths and kerning.
pub struct FontMeasure {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl FontMeasure {
    /// Loads the checked-in fonts; `None` only if the font files are corrupt.
    pub fn new() -> Option<FontMeasure> {
        Some(FontMeasure {
            regular: FontRef::try_from_slice(REGULAR).ok()?,
            bold: FontRef::try_from_slice(BOLD).ok()?,
        })
    }
}

impl Measure for FontMeasure {
    fn width(&self, text: &str, font: Font) -> f64 {
        let f = if font.bold { &self.bold } else { &self.regular };
        let upem = f64::from(f.units_per_em().unwrap_or(2048.0));
        let mut units = 0.0f64;
        let mut prev = None;
        for ch in text.chars() {
            let id = f.glyph_id(ch);
            if let Some(p) = prev {
                units += f64::from(f.kern_unscaled(p, id));
            }
            units += f64::from(f.h_advance_unscaled(id));
            prev = Some(id);
        }
        units * font.size / upem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn liberation_sans_matches_arial_metrics() {
        let m = FontMeasure::new().expect("checked-in font loads");
        // Arial's advance for digits is 0.556 em.
        let w = m.width("1694", Font::regular(100.0));
        assert!((w - 222.4).abs() < 1.0, "{w}");
        assert!(m.width("Title", Font::bold(16.0)) > m.width("Title", Font::regular(16.0)));
    }
}
