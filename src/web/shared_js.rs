//! The values the site's JavaScript shares with the core, written out as an ES module
//! (`www/shared.js`). Rust owns each value; the JavaScript imports it from that module and never
//! keeps a copy. `tests/shared_js.rs` fails when the checked-in module is stale and rewrites it
//! with `UPDATE_SHARED_JS=1`. Native only: the wasm never carries the generator.

use super::font::css_font;
use crate::describe::MAX_TABLE_ROWS;
use crate::describe::{NOT_AVAILABLE, PERIOD_HEADING, RATE_HEADINGS};
use crate::layout::FONT_FAMILY;
use crate::layout::{Sizes, PHONE_BELOW};
use crate::paint::{css_color, Theme};
use crate::sheet::{MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS};
use crate::spec::fields;
use crate::spec::NAMED_CHARTS;
use crate::spec::{Missing, Status};
use crate::spec::{
    MAX_BREAKS, MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_NOTES, MAX_NOTE_CHARS, MAX_SOURCES,
    MAX_TEXT_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS,
};
use crate::spec::{URL_FORBIDDEN, URL_SCHEMES};
use crate::text::css_number;
use crate::text::APPROX;

/// A JS string literal (JSON's, which JS reads alike).
fn string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let digit = |d: u32| char::from_digit(d, 16).unwrap_or('0');
                out.push_str("\\u00");
                out.push(digit(c as u32 >> 4));
                out.push(digit(c as u32 & 15));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JS array of `items` (already written as JS) on one line, or one item a line indented by
/// `indent` spaces when that line would pass 70 characters.
fn list(items: impl IntoIterator<Item = String>, indent: usize) -> String {
    let items: Vec<String> = items.into_iter().collect();
    let one_line = cat!("[", crate::text::join(&items, ", "), "]");
    if one_line.len() <= 70 && !one_line.contains('\n') {
        return one_line;
    }
    let pad = " ".repeat(indent + 2);
    let mut out = String::from("[\n");
    for item in items {
        out.push_str(&cat!(pad, item, ",\n"));
    }
    out.push_str(&" ".repeat(indent));
    out.push(']');
    out
}

fn theme(t: &Theme) -> String {
    let color = |c| string(&css_color(c, 1.0));
    cat!(
        "{\n    background: ",
        color(t.background),
        ",\n    text: ",
        color(t.text),
        ",\n    muted: ",
        color(t.muted),
        ",\n    focus: ",
        color(t.series[0]),
        ",\n  }"
    )
}

/// The text of `www/shared.js`.
pub fn module() -> String {
    let fonts = |width: f64| {
        list(
            Sizes::for_width(width)
                .distinct()
                .into_iter()
                .map(|f| string(&css_font(f))),
            2,
        )
    };
    let named = list(NAMED_CHARTS.iter().map(|n| string(n)), 0);
    let mut out = String::new();
    for line in [
        "// Generated from the Rust core (src/web/shared_js.rs): do not edit. Rewrite it with",
        "// `UPDATE_SHARED_JS=1 cargo test --test shared_js`; that test fails while it is stale.",
        "",
        "/** The font stack charts draw with. */",
        &cat!("export const FONT_FAMILY = ", string(FONT_FAMILY), ";"),
        "/** Charts narrower than this, CSS px, use the phone sizes. */",
        &cat!("export const PHONE_BELOW = ", css_number(PHONE_BELOW), ";"),
        "/** The canvas fonts a chart draws with: [narrower than PHONE_BELOW, wider]. */",
        &cat!(
            "export const FONTS = ",
            list([fonts(0.0), fonts(PHONE_BELOW)], 0),
            ";"
        ),
        "/** The default charts a snippet may name; each one's spec is data/<name>.json. */",
        &cat!("export const NAMED_CHARTS = ", named, ";"),
        "/** Each theme's page colours: background, text, muted text, focus ring (the first \
            series). */",
        &cat!(
            "export const THEMES = {\n  light: ",
            theme(&Theme::light()),
            ",\n  dark: \
            ",
            theme(&Theme::dark()),
            ",\n};"
        ),
        "/** The spec's limits (docs/spec.md), in characters: the longest title; subtitle, note,",
        " * source name or quote (`text`); period label or name, category label or period, unit,",
        " * series name, `published` or a source's date (`label`); a source's address (`url`); the",
        " * most sources, notes and breaks in series; a published chart's ID (`id`) and a",
        " * version's note (`note`). */",
        &cat!(
            "export const LIMITS = {\n  title: ",
            css_number(MAX_TITLE_CHARS as f64),
            ", text: ",
            css_number(MAX_TEXT_CHARS as f64),
            ", label: ",
            css_number(MAX_LABEL_CHARS as f64),
            ", url: ",
            css_number(MAX_URL_CHARS as f64),
            ", sources: ",
            css_number(MAX_SOURCES as f64),
            ", notes: ",
            css_number(MAX_NOTES as f64),
            ", breaks: ",
            css_number(MAX_BREAKS as f64),
            ",\n  id: ",
            css_number(MAX_ID_CHARS as f64),
            ", note: ",
            css_number(MAX_NOTE_CHARS as f64),
            ",\n};"
        ),
        "/** The one rule for a source's address (spec::url_problem): one of `schemes` (any case)",
        " * with something after it, at most `maxLength` characters, no white space, control",
        " * character or any of `forbidden`. */",
        &cat!(
            "export const URL_RULE = { schemes: ",
            list(URL_SCHEMES.iter().map(|s| string(s)), 0),
            ", maxLength: ",
            css_number(MAX_URL_CHARS as f64),
            ", forbidden: ",
            string(&URL_FORBIDDEN.iter().collect::<String>()),
            " };"
        ),
        "/** The data table's most rows; the mark of an approximate figure. */",
        &cat!(
            "export const MAX_TABLE_ROWS = ",
            css_number(MAX_TABLE_ROWS as f64),
            ";"
        ),
        &cat!("export const APPROX = ", string(APPROX), ";"),
        "/** A missing figure's mark, and the words for why it is missing or what it is. */",
        &cat!("export const NOT_AVAILABLE = ", string(NOT_AVAILABLE), ";"),
        &cat!(
            "export const FIGURE_WORDS = {\n",
            Missing::NAMES
                .iter()
                .zip(Missing::ALL.map(Missing::words))
                .chain(Status::NAMES.iter().zip(Status::ALL.map(Status::words)))
                .map(|(k, w)| {
                    // Quoted only where JS needs it, as the formatter writes them.
                    let key = if k.contains('-') {
                        string(k)
                    } else {
                        (*k).into()
                    };
                    cat!("  ", key, ": ", string(w), ",\n")
                })
                .collect::<String>(),
            "};"
        ),
        "/** The spreadsheet reader's largest file (bytes) and the rows and columns it reads. */",
        &cat!(
            "export const SHEET_LIMITS = { bytes: ",
            css_number(MAX_FILE_BYTES as f64),
            ", rows: ",
            css_number(MAX_ROWS as f64),
            ", columns: ",
            css_number(MAX_COLUMNS as f64),
            " };"
        ),
        "/** A spec's fields in the order the core reads and lists them (and docs/spec.md). */",
        &cat!(
            "export const SPEC_FIELDS = ",
            list(fields::SPEC.iter().map(|f| string(f)), 0),
            ";"
        ),
        "/** Data-table headings: a trend's first column; a rate chart's columns. */",
        &cat!(
            "export const PERIOD_HEADING = ",
            string(PERIOD_HEADING),
            ";"
        ),
        &cat!(
            "export const RATE_HEADINGS = \
            ",
            list(RATE_HEADINGS.iter().map(|h| string(h)), 0),
            ";"
        ),
    ] {
        out.push_str(line);
        out.push('\n');
    }
    out
}
