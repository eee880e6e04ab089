//! Text measurement and fitting: the [`Measure`] trait (canvas `measureText` in the browser, the
//! checked-in Liberation Sans natively), word wrapping and ellipsis.

/// A font as layout uses it: size in CSS pixels, and weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    /// Size in CSS pixels (the em).
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
}

impl Font {
    /// A regular font of `size` px.
    pub const fn regular(size: f64) -> Font {
        Font { size, bold: false }
    }
    /// A bold font of `size` px.
    pub const fn bold(size: f64) -> Font {
        Font { size, bold: true }
    }
}

/// The font stack the browser draws with; Liberation Sans (the native font) is metric-compatible
/// with Arial, so native and browser layouts agree.
pub const FONT_FAMILY: &str = "Helvetica, Arial, Liberation Sans, sans-serif";

/// Measures the advance width of text, in CSS pixels.
pub trait Measure {
    /// Width of `text` set in `font`.
    fn width(&self, text: &str, font: Font) -> f64;
}

/// A rough measure (0.55 em a character) for when no font is at hand.
#[derive(Debug, Clone, Copy, Default)]
pub struct Approximate;

impl Measure for Approximate {
    fn width(&self, text: &str, font: Font) -> f64 {
        let em = if font.bold { 0.6 } else { 0.55 };
        text.chars().count() as f64 * font.size * em
    }
}

/// Splits `text` into lines no wider than `max` (words longer than a line are cut by characters);
/// at most `max_lines`, the last ending in `…` if text was left over.
pub fn wrap(text: &str, font: Font, max: f64, max_lines: usize, m: &dyn Measure) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut overflow = false;
    'words: for word in words(text) {
        let word = word.as_str();
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            cat!(current, " ", word)
        };
        if m.width(&candidate, font) <= max {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            if lines.len() >= max_lines {
                overflow = true;
                break 'words;
            }
        }
        // The word alone: cut it by characters if it is wider than a line.
        for ch in word.chars() {
            current.push(ch);
            if m.width(&current, font) > max && current.chars().count() > 1 {
                current.pop();
                lines.push(std::mem::take(&mut current));
                if lines.len() >= max_lines {
                    overflow = true;
                    break 'words;
                }
                current.push(ch);
            }
        }
    }
    if !overflow && !current.is_empty() {
        if lines.len() < max_lines {
            lines.push(current);
        } else {
            overflow = true;
        }
    }
    if overflow {
        if let Some(last) = lines.pop() {
            lines.push(ellipsize(&cat!(last, "…"), font, max, m));
        }
    }
    lines
}

/// Splits on white space, keeping a unit sign with its number: `7.7 %` is one word.
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text.split_whitespace() {
        match out.last_mut() {
            Some(prev) if w.starts_with('%') => {
                prev.push(' ');
                prev.push_str(w);
            }
            _ => out.push(w.to_owned()),
        }
    }
    out
}

/// `text` cut to fit `max`, ending in `…` when cut.
pub fn ellipsize(text: &str, font: Font, max: f64, m: &dyn Measure) -> String {
    if m.width(text, font) <= max {
        return text.to_owned();
    }
    // Characters off the end, one at a time, until what is left and "…" fit.
    for (end, _) in text.char_indices().rev() {
        let s = cat!(text.get(..end).unwrap_or_default().trim_end(), "…");
        if m.width(&s, font) <= max || end == 0 {
            return s;
        }
    }
    "…".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_and_cuts_long_words() {
        let m = Approximate; // 5.5 px a character at 10 px
        let f = Font::regular(10.0);
        assert_eq!(
            wrap("one two three", f, 40.0, 5, &m),
            vec!["one two", "three"]
        );
        let long = wrap(&"x".repeat(30), f, 56.0, 5, &m);
        assert_eq!(long.len(), 3);
        assert!(long.iter().all(|l| m.width(l, f) <= 56.0));
        let capped = wrap("a b c d e f g h", f, 12.0, 2, &m);
        assert_eq!(capped.len(), 2);
        assert!(capped[1].ends_with('…'), "{capped:?}");
        assert!(wrap("", f, 10.0, 3, &m).is_empty());
        assert_eq!(
            wrap("rose by 7.7 %", f, 50.0, 3, &m),
            vec!["rose by", "7.7 %"]
        );
    }

    #[test]
    fn ellipsis_fits() {
        let m = Approximate;
        let f = Font::regular(10.0);
        let s = ellipsize("April 2018 to February 2019", f, 60.0, &m);
        assert!(s.ends_with('…') && m.width(&s, f) <= 60.0, "{s}");
        assert_eq!(ellipsize("short", f, 60.0, &m), "short");
        assert_eq!(ellipsize("long text", f, 1.0, &m), "…");
    }
}
