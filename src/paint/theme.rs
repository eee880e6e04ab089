//! Light and dark palettes: one restrained set of colours per theme, each text colour ≥ 4.5:1 and
//! each mark ≥ 3:1 against its background, series colours told apart under colour-vision
//! deficiency.

use crate::layout::Ink;

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);

/// The colours of one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Canvas background.
    pub background: Rgb,
    /// Main text.
    pub text: Rgb,
    /// Secondary text.
    pub muted: Rgb,
    /// Gridlines.
    pub grid: Rgb,
    /// Zero baseline.
    pub axis: Rgb,
    /// Track behind rate bars.
    pub track: Rgb,
    /// Series colours, in order (blue, orange, teal, purple, grey, red): a blue/orange pair first.
    pub series: [Rgb; 6],
    /// Text on a series-coloured bar.
    pub on_series: Rgb,
    /// Draw the lines of series 2 onwards dashed ([`dash_pattern`]): for palettes, such as a
    /// reader's forced system colours, whose series colours are too few or too alike.
    pub dashed: bool,
}

/// For light pages.
pub const LIGHT: Theme = Theme {
    background: (255, 255, 255),
    text: (26, 26, 26),
    muted: (92, 92, 92),
    grid: (226, 226, 226),
    axis: (51, 51, 51),
    track: (236, 238, 241),
    series: [
        (29, 90, 140),
        (178, 78, 0),
        (0, 117, 110),
        (112, 66, 150),
        (90, 90, 90),
        (176, 32, 48),
    ],
    on_series: (255, 255, 255),
    dashed: false,
};

/// For dark pages.
pub const DARK: Theme = Theme {
    background: (22, 24, 27),
    text: (238, 238, 238),
    muted: (176, 180, 186),
    grid: (58, 62, 68),
    axis: (200, 200, 200),
    track: (44, 48, 54),
    series: [
        (110, 176, 236),
        (240, 152, 72),
        (72, 196, 180),
        (190, 156, 230),
        (180, 180, 180),
        (240, 110, 120),
    ],
    on_series: (16, 18, 20),
    dashed: false,
};

impl Theme {
    /// For light pages ([`LIGHT`]).
    pub fn light() -> Theme {
        LIGHT
    }

    /// For dark pages ([`DARK`]).
    pub fn dark() -> Theme {
        DARK
    }

    /// The theme called `dark` or, for anything else, light: the constant itself, so that a
    /// redraw copies no palette (built anew each time, it cost the readers' wasm 0.15 KB gzip).
    pub fn named(name: &str) -> &'static Theme {
        if name.eq_ignore_ascii_case("dark") {
            &DARK
        } else {
            &LIGHT
        }
    }

    /// The reader's own system colours (Windows High Contrast, `forced-colors: active`), as the
    /// page resolves `Canvas`, `CanvasText`, `GrayText`, `Highlight`, `HighlightText` and
    /// `LinkText`. Series alternate Highlight, LinkText and CanvasText, and are told apart by
    /// marker, dash and texture as much as by colour.
    pub fn forced(
        canvas: Rgb,
        canvas_text: Rgb,
        gray_text: Rgb,
        highlight: Rgb,
        highlight_text: Rgb,
        link_text: Rgb,
    ) -> Theme {
        let track = {
            let m = |a: u8, b: u8| ((u16::from(a) + 2 * u16::from(b)) / 3) as u8;
            (
                m(gray_text.0, canvas.0),
                m(gray_text.1, canvas.1),
                m(gray_text.2, canvas.2),
            )
        };
        Theme {
            background: canvas,
            text: canvas_text,
            muted: gray_text,
            grid: gray_text,
            axis: canvas_text,
            track,
            series: [
                highlight,
                link_text,
                canvas_text,
                highlight,
                link_text,
                canvas_text,
            ],
            on_series: highlight_text,
            dashed: true,
        }
    }

    /// The colour for `ink`.
    pub fn color(&self, ink: Ink) -> Rgb {
        match ink {
            Ink::Text => self.text,
            Ink::Muted => self.muted,
            Ink::Grid => self.grid,
            Ink::Axis => self.axis,
            Ink::Track => self.track,
            Ink::Series(i) => self.series[i % self.series.len()],
            Ink::OnSeries => self.on_series,
            Ink::Background => self.background,
        }
    }
}

/// The dash pattern (on, off, on, off … in CSS px) of series `n`'s lines in a theme that dashes
/// them: none for the first series.
pub fn dash_pattern(n: usize) -> &'static [f64] {
    match n % 4 {
        0 => &[],
        1 => &[7.0, 4.0],
        2 => &[2.0, 3.0],
        _ => &[9.0, 3.0, 2.0, 3.0],
    }
}

/// WCAG 2 contrast ratio between two colours (1 to 21).
#[cfg(test)]
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
fn luminance((r, g, b): Rgb) -> f64 {
    let ch = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
}

/// `c` as a CSS colour: `#rrggbb` when opaque, else `rgba(r,g,b,a)` with two decimals of alpha.
#[cfg(not(target_arch = "wasm32"))]
pub fn css_color(c: Rgb, alpha: f64) -> String {
    let (r, g, b) = c;
    if alpha >= 1.0 {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(7);
        s.push('#');
        for v in [r, g, b] {
            s.push(char::from(HEX[usize::from(v >> 4)]));
            s.push(char::from(HEX[usize::from(v & 15)]));
        }
        s
    } else {
        cat!(
            "rgba(",
            r,
            ",",
            g,
            ",",
            b,
            ",",
            crate::text::css_number(alpha.max(0.0)),
            ")"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn css_colors() {
        assert_eq!(css_color((26, 26, 26), 1.0), "#1a1a1a");
        assert_eq!(css_color((0, 114, 178), 1.0), "#0072b2");
        assert_eq!(css_color((255, 0, 16), 0.5), "rgba(255,0,16,0.5)");
        assert_eq!(css_color((1, 2, 3), -1.0), "rgba(1,2,3,0)");
    }

    #[test]
    fn both_themes_meet_wcag_aa() {
        for t in [Theme::light(), Theme::dark()] {
            assert!(contrast(t.text, t.background) >= 4.5);
            assert!(
                contrast(t.muted, t.background) >= 4.5,
                "muted {:?}",
                t.muted
            );
            assert!(contrast(t.axis, t.background) >= 3.0);
            for s in t.series {
                assert!(contrast(s, t.background) >= 3.0, "series {s:?}");
            }
            // The first series carries values inside bars: they must be readable there too.
            assert!(contrast(t.on_series, t.series[0]) >= 4.5);
            // Muted text also sits on the rate track.
            assert!(contrast(t.text, t.track) >= 4.5);
        }
    }
}
