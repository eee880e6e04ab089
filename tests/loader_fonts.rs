#![cfg(not(target_arch = "wasm32"))]
//! The loader looks up a chart's fonts while the wasm is on its way (`FONTS` and `FAMILY` in
//! `www/offence-charts.js`). That list must be the fonts layout draws with, or the lookups are
//! wasted and the first draw pays for them again.

use offence_charts::format::css_number;
use offence_charts::layout::Sizes;
use offence_charts::measure::{Font, FONT_FAMILY};

const LOADER: &str = include_str!("../www/offence-charts.js");

/// The text between `start` and the next `end` after it in the loader.
fn between<'a>(start: &str, end: &str) -> &'a str {
    let from = LOADER.find(start).map(|i| i + start.len()).unwrap_or_else(|| panic!("the loader has no {start}"));
    let len = LOADER[from..].find(end).unwrap_or_else(|| panic!("no {end} after {start}"));
    &LOADER[from..from + len]
}

/// The loader's font lists, narrow then wide, as ("bold"|"normal", size) pairs.
fn loader_fonts() -> Vec<Vec<String>> {
    between("const FONTS = [[", "]];")
        .split("], [")
        .map(|list| list.split(", ").map(|s| s.trim_matches('"').to_owned()).collect())
        .collect()
}

/// What the wasm sets as the canvas font for `f`, without the family (src/web/canvas.rs css_font).
fn css(f: Font) -> String {
    format!("{} {}px", if f.bold { "bold" } else { "normal" }, css_number(f.size))
}

fn layout_fonts(width: f64) -> Vec<String> {
    let s = Sizes::for_width(width);
    let mut out: Vec<String> = Vec::new();
    for f in [s.title, s.subtitle, s.label, s.value, s.small] {
        if !out.contains(&css(f)) {
            out.push(css(f));
        }
    }
    out
}

#[test]
fn the_loader_warms_the_fonts_layout_uses_at_either_size() {
    let lists = loader_fonts();
    assert_eq!(lists.len(), 2, "{lists:?}");
    assert_eq!(lists[0], layout_fonts(479.0), "narrow charts");
    assert_eq!(lists[1], layout_fonts(480.0), "wide charts");
    assert_ne!(layout_fonts(479.0), layout_fonts(480.0), "480 px is where the sizes change");
    assert!(LOADER.contains("FONTS[+(width >= 480)]"), "the loader picks the list at 480 px");
}

#[test]
fn the_loader_warms_the_family_the_wasm_draws_with() {
    assert_eq!(between("const FAMILY = \"", "\";"), format!(" {FONT_FAMILY}"));
}
