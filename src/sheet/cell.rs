//! What a cell's text says as a figure: a number (thousands separators, stored as text, a `%`
//! or `£`), the government shorthand markers (`[x]`, `[c]`, `[z]`, `[u]`, `[p]`, `[r]`, `[e]`,
//! `[b]`, older `..`, `-`, `*`), alone or glued to a number (`1,573[p]`), footnote marks
//! (`[note 1]`), and formula errors (`#DIV/0!`); and a heading's text with its footnote mark
//! taken off (`Apr '11 to Mar '121` → `Apr '11 to Mar '12`).

use super::period::period;

pub use crate::spec::{Missing, Status};

/// A cell read as a figure.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figure {
    /// Its value; `None` when it is missing.
    pub value: Option<f64>,
    /// Why it is missing, when it is.
    pub missing: Option<Missing>,
    /// Provisional, revised, estimated or of low reliability.
    pub status: Option<Status>,
    /// Marked `[b]`: a break in series at its period.
    pub brk: bool,
    /// The markers as written, in order: `[p]`, `..`, `#DIV/0!`, `[note 1]`.
    pub markers: Vec<String>,
    /// Whether it was written with thousands separators, a `%` or a currency sign.
    pub dressed: bool,
}

/// What one marker means.
enum Mark {
    Missing(Missing),
    Status(Status),
    Break,
    Footnote,
}

/// The meaning of marker `m` (in brackets or alone); `None` for text that is no marker.
fn mark(m: &str) -> Option<Mark> {
    let lower = m.trim().to_ascii_lowercase();
    let inner = lower
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .map(str::trim);
    Some(match inner {
        Some("x") => Mark::Missing(Missing::NotAvailable),
        Some("c") => Mark::Missing(Missing::Suppressed),
        Some("z") => Mark::Missing(Missing::NotApplicable),
        Some("u") => Mark::Status(Status::LowReliability),
        Some("p") => Mark::Status(Status::Provisional),
        Some("r") => Mark::Status(Status::Revised),
        Some("e") => Mark::Status(Status::Estimated),
        Some("b") => Mark::Break,
        Some(s) if is_footnote(s) => Mark::Footnote,
        Some(_) => return None,
        None => match lower.as_str() {
            ".." | "…" | ":" | "n/a" | "na" | "x" => Mark::Missing(Missing::NotAvailable),
            "-" | "–" | "—" | "z" => Mark::Missing(Missing::NotApplicable),
            "*" | "c" => Mark::Missing(Missing::Suppressed),
            _ => return None,
        },
    })
}

/// `note 1`, `1`, `12a`: a footnote's mark inside brackets.
fn is_footnote(s: &str) -> bool {
    let s = s.strip_prefix("note").map(str::trim).unwrap_or(s);
    !s.is_empty()
        && s.len() <= 4
        && s.chars().next().is_some_and(|c| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Whether `s` is a spreadsheet's formula error: `#DIV/0!`, `#N/A`, `#VALUE!`, `#REF!`…
pub fn is_formula_error(s: &str) -> bool {
    matches!(
        s.trim().to_ascii_uppercase().as_str(),
        "#DIV/0!"
            | "#N/A"
            | "#VALUE!"
            | "#REF!"
            | "#NAME?"
            | "#NUM!"
            | "#NULL!"
            | "#DATA!"
            | "#GETTING_DATA"
            | "#SPILL!"
            | "#CALC!"
    )
}

/// The number `s` writes, with thousands separators, spaces, a sign, a `%` after it or a currency
/// sign before it: (value, whether it was so dressed).
pub fn number(s: &str) -> Option<(f64, bool)> {
    let s = s.trim();
    let mut dressed = false;
    let s = match s.strip_suffix('%') {
        Some(rest) => {
            dressed = true;
            rest.trim_end()
        }
        None => s,
    };
    let (negative, s) = match s.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let s = match s.strip_prefix(['£', '$', '€']) {
        Some(rest) => {
            dressed = true;
            rest
        }
        None => s,
    };
    let mut plain = String::with_capacity(s.len());
    let mut seen_point = false;
    let mut digits_since_sep: Option<usize> = None;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                plain.push(c);
                if let Some(n) = digits_since_sep.as_mut() {
                    *n += 1;
                }
            }
            '.' if !seen_point => {
                if digits_since_sep.is_some_and(|n| n != 3) {
                    return None;
                }
                digits_since_sep = None;
                seen_point = true;
                plain.push('.');
            }
            ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' if !seen_point && !plain.is_empty() => {
                if digits_since_sep.is_some_and(|n| n != 3) {
                    return None;
                }
                digits_since_sep = Some(0);
                dressed = true;
            }
            _ => return None,
        }
    }
    if digits_since_sep.is_some_and(|n| n != 3) || plain.is_empty() || plain == "." {
        return None;
    }
    let v: f64 = plain.parse().ok()?;
    let v = if negative { -v } else { v };
    v.is_finite().then_some((v, dressed))
}

/// Takes trailing bracketed markers (`[p]`, `[note 1]`) off `s`: (what is left, the markers in
/// the order written).
fn trailing_brackets(s: &str) -> (&str, Vec<String>) {
    let mut rest = s.trim_end();
    let mut found = Vec::new();
    while rest.ends_with(']') {
        let Some(open) = rest.rfind('[') else {
            break;
        };
        let m = rest.get(open..).unwrap_or("");
        if m.chars().count() > 12 || mark(m).is_none() {
            break;
        }
        found.push(m.to_owned());
        rest = rest.get(..open).unwrap_or("").trim_end();
    }
    found.reverse();
    (rest, found)
}

/// Cell text `text` read as a figure, or `None` when it is text (a heading, a note).
pub fn figure(text: &str) -> Option<Figure> {
    let s = text.trim();
    if s.is_empty() {
        return None;
    }
    if is_formula_error(s) {
        return Some(Figure {
            missing: Some(Missing::NotAvailable),
            markers: vec![s.to_owned()],
            ..Figure::default()
        });
    }
    let (rest, mut markers) = trailing_brackets(s);
    let mut out = Figure::default();
    if rest.is_empty() {
        // Markers alone: `[c]`, `[x][note 2]`.
    } else if let Some(Mark::Missing(_)) = mark(rest) {
        markers.insert(0, rest.to_owned());
    } else if let Some((v, dressed)) = number(rest) {
        out.value = Some(v);
        out.dressed = dressed;
    } else {
        // An older table's letter glued to a number: `1,573p`, `12r`.
        let letter = rest.chars().last().filter(|c| matches!(c, 'p' | 'r' | 'e'));
        let head = rest.get(..rest.len().saturating_sub(1)).unwrap_or("");
        match (letter, number(head)) {
            (Some(l), Some((v, dressed)))
                if head.ends_with(|c: char| c.is_ascii_digit()) && !rest.contains(' ') =>
            {
                out.value = Some(v);
                out.dressed = dressed;
                markers.insert(0, cat!('[', l, ']'));
            }
            _ => return None,
        }
    }
    if markers.is_empty() && out.value.is_none() {
        return None;
    }
    for m in &markers {
        match mark(m) {
            Some(Mark::Missing(why)) => {
                out.missing.get_or_insert(why);
            }
            Some(Mark::Status(s)) => {
                out.status.get_or_insert(s);
            }
            Some(Mark::Break) => out.brk = true,
            Some(Mark::Footnote) | None => {}
        }
    }
    if out.missing.is_some() {
        out.value = None;
    } else if out.value.is_none() {
        // Only statuses or footnotes, no number: nothing to show.
        out.missing = Some(Missing::NotAvailable);
    }
    out.markers = markers;
    Some(out)
}

/// A heading cleaned for a label.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Heading {
    /// The text without its footnote mark or markers: `Apr '11 to Mar '12`.
    pub text: String,
    /// The footnote mark taken off, as written: `1`, `[note 2]`, `²`.
    pub footnote: Option<String>,
    /// Markers that apply to its whole row or column: `[p]`, `[b]`.
    pub markers: Vec<String>,
}

const SUPERSCRIPTS: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/// Heading `text` with its footnote mark and markers taken off: a bracketed `[note 1]` or `[1]`,
/// superscript digits, or one or two digits glued to the end when what is left is a period and
/// the whole is not (`2023-241`, `Apr '11 to Mar '121`), or glued to a word of three or more
/// letters (`Total crimes3`).
pub fn heading(text: &str) -> Heading {
    let s = text.trim();
    let (rest, brackets) = trailing_brackets(s);
    let mut footnote = None;
    let mut markers = Vec::new();
    for m in brackets {
        match mark(&m) {
            Some(Mark::Footnote) => {
                footnote.get_or_insert(m);
            }
            _ => markers.push(m),
        }
    }
    let mut rest = rest.to_owned();
    let sup: String = rest
        .chars()
        .rev()
        .take_while(|c| SUPERSCRIPTS.contains(*c))
        .collect();
    if !sup.is_empty() && sup.len() < rest.len() {
        rest.truncate(rest.len() - sup.len());
        footnote.get_or_insert(sup.chars().rev().collect());
    } else if footnote.is_none() && period(&rest).is_none() {
        let digits = rest
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        for k in 1..=digits.min(2) {
            let head = rest.get(..rest.len() - k).unwrap_or("");
            let word: String = head
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let glued_word = word.chars().count() >= 3 && word.chars().all(char::is_lowercase);
            if period(head).is_some() || (glued_word && k == digits) {
                footnote = Some(rest.get(head.len()..).unwrap_or("").to_owned());
                rest.truncate(head.len());
                break;
            }
        }
    }
    Heading {
        text: rest.trim_end().to_owned(),
        footnote,
        markers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (value, missing, status, break).
    type Read = (
        Option<f64>,
        Option<&'static str>,
        Option<&'static str>,
        bool,
    );

    fn f(text: &str) -> Option<Read> {
        figure(text).map(|f| {
            (
                f.value,
                f.missing.map(Missing::name),
                f.status.map(Status::name),
                f.brk,
            )
        })
    }

    #[test]
    fn numbers_with_separators_signs_and_units() {
        assert_eq!(number("299,780"), Some((299_780.0, true)));
        assert_eq!(number("1 573"), Some((1573.0, true)));
        assert_eq!(number("87.8%"), Some((87.8, true)));
        assert_eq!(number("−2.5"), Some((-2.5, false)));
        assert_eq!(number("£1,500,000"), Some((1.5e6, true)));
        assert_eq!(number("12"), Some((12.0, false)));
        assert_eq!(number("1,57"), None);
        assert_eq!(number("2023-24"), None);
        assert_eq!(number("1.2.3"), None);
        assert_eq!(number(""), None);
        assert_eq!(number("."), None);
        assert_eq!(number("abc"), None);
    }

    #[test]
    fn markers_alone_and_glued() {
        assert_eq!(f("[c]"), Some((None, Some("suppressed"), None, false)));
        assert_eq!(f("[x]"), Some((None, Some("not-available"), None, false)));
        assert_eq!(f("[z]"), Some((None, Some("not-applicable"), None, false)));
        assert_eq!(f(".."), Some((None, Some("not-available"), None, false)));
        assert_eq!(f("-"), Some((None, Some("not-applicable"), None, false)));
        assert_eq!(f("*"), Some((None, Some("suppressed"), None, false)));
        assert_eq!(
            f("1,573[p]"),
            Some((Some(1573.0), None, Some("provisional"), false))
        );
        assert_eq!(
            f("1694 [r]"),
            Some((Some(1694.0), None, Some("revised"), false))
        );
        assert_eq!(
            f("12[u]"),
            Some((Some(12.0), None, Some("low-reliability"), false))
        );
        assert_eq!(
            f("40[e][b]"),
            Some((Some(40.0), None, Some("estimated"), true))
        );
        assert_eq!(
            f("1,573p"),
            Some((Some(1573.0), None, Some("provisional"), false))
        );
        assert_eq!(f("12[c]"), Some((None, Some("suppressed"), None, false)));
        assert_eq!(f("55 [note 3]"), Some((Some(55.0), None, None, false)));
        assert_eq!(
            f("#DIV/0!"),
            Some((None, Some("not-available"), None, false))
        );
        assert_eq!(figure("#DIV/0!").unwrap().markers, ["#DIV/0!"]);
        assert_eq!(f("Total crimes"), None);
        assert_eq!(f("2023-24"), None);
        assert_eq!(f("[w]"), None);
        assert_eq!(f("Group 1"), None);
        assert_eq!(f(""), None);
    }

    fn h(text: &str) -> (String, Option<String>, Vec<String>) {
        let h = heading(text);
        (h.text, h.footnote, h.markers)
    }

    #[test]
    fn footnotes_come_off_headings() {
        assert_eq!(
            h("Apr '11 to Mar '121"),
            ("Apr '11 to Mar '12".into(), Some("1".into()), vec![])
        );
        assert_eq!(h("2023-241"), ("2023-24".into(), Some("1".into()), vec![]));
        assert_eq!(h("19712"), ("1971".into(), Some("2".into()), vec![]));
        assert_eq!(
            h("Total crimes3"),
            ("Total crimes".into(), Some("3".into()), vec![])
        );
        assert_eq!(
            h("Crime group [note 2]"),
            ("Crime group".into(), Some("[note 2]".into()), vec![])
        );
        assert_eq!(
            h("Sexual crimes²"),
            ("Sexual crimes".into(), Some("²".into()), vec![])
        );
        assert_eq!(
            h("2023-24 [p]"),
            ("2023-24".into(), None, vec!["[p]".to_owned()])
        );
        // Not footnotes.
        assert_eq!(h("2023-24"), ("2023-24".into(), None, vec![]));
        assert_eq!(h("Q3"), ("Q3".into(), None, vec![]));
        assert_eq!(h("Group 1"), ("Group 1".into(), None, vec![]));
        assert_eq!(h("COVID-19"), ("COVID-19".into(), None, vec![]));
        assert_eq!(h("1971"), ("1971".into(), None, vec![]));
    }
}
