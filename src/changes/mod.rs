//! What changed between two versions of a chart, worked out rather than typed: each figure whose
//! value or wording changed, each period, series or category added or removed, each change of
//! words. A change to a figure that was already published is a **correction**; new periods,
//! series, categories or figures only are an **update**; the rest are **words**.
//!
//! Periods are matched by label, series by name and categories by label and period (trimmed),
//! falling back to their place when one was renamed. The `revision` line is the store's, not the
//! journalist's, and is never compared. May use `text`, `spec` and `describe`.

use crate::describe::figure_text;
use crate::spec::{Category, Figure, Kind, Spec};

/// How much a change matters to a reader who saw the earlier version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weight {
    /// Words only: titles, notes, names, quotes, sources.
    Words,
    /// New figures beside the published ones.
    Update,
    /// A published figure changed or went.
    Correction,
}

impl Weight {
    /// `"words"`, `"update"`, `"correction"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Weight::Words => "words",
            Weight::Update => "update",
            Weight::Correction => "correction",
        }
    }
}

/// One change, in words a journalist and a reader understand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Correction, update or words.
    pub weight: Weight,
    /// "Recorded offences, April 2019–February 2020: 1,537 → 1,573".
    pub text: String,
}

/// The weight of a whole new version: that of its weightiest change (`None` if nothing changed).
pub fn weight(changes: &[Change]) -> Option<Weight> {
    changes.iter().map(|c| c.weight).max()
}

/// Every change from `old` to `new`, figures first.
pub fn between(old: &Spec, new: &Spec) -> Vec<Change> {
    let mut out = Vec::new();
    if old.kind != new.kind {
        out.push(change(
            Weight::Correction,
            cat!(
                "The chart is now a ",
                kind_name(new.kind),
                " chart (was a ",
                kind_name(old.kind),
                " chart): every published figure replaced"
            ),
        ));
    } else {
        match new.kind {
            Kind::Trend => trend(old, new, &mut out),
            Kind::Rate => rate(old, new, &mut out),
        }
    }
    words(old, new, &mut out);
    out
}

fn change(weight: Weight, text: String) -> Change {
    Change { weight, text }
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Trend => "trend",
        Kind::Rate => "rate",
    }
}

/// Whether a reader would see `a` and `b` differently: value, missing, status, approximate or
/// published wording.
fn differs(a: &Figure, b: &Figure) -> bool {
    a.known() != b.known()
        || a.missing != b.missing
        || a.status != b.status
        || a.approximate != b.approximate
        || a.published.as_deref().map(str::trim) != b.published.as_deref().map(str::trim)
}

/// Compares one figure at `place`: a correction if it reads differently, words if only its
/// provenance (quote, source) changed.
///
/// A provisional (revised, estimated, low-reliability) figure replaced, or a missing one given,
/// is an update: the source said it might change, or had none. Any other is a correction.
fn figure(place: &str, old: &Figure, new: &Figure, out: &mut Vec<Change>) {
    if differs(old, new) {
        let expected = old.status.is_some() && new.missing.is_none() || old.missing.is_some();
        out.push(change(
            if expected {
                Weight::Update
            } else {
                Weight::Correction
            },
            cat!(place, ": ", figure_text(old), " → ", figure_text(new)),
        ));
    } else if old.quote.as_deref().map(str::trim) != new.quote.as_deref().map(str::trim)
        || old.source != new.source
    {
        out.push(change(
            Weight::Words,
            cat!(place, ": its source or quote changed"),
        ));
    }
}

/// Index in `list` of the item keyed `key`, else the item at `fallback` if its key is not in
/// `others` (a renamed item in its place).
fn matched(list: &[String], key: &str, fallback: usize, others: &[String]) -> Option<usize> {
    list.iter().position(|k| k == key).or_else(|| {
        list.get(fallback)
            .filter(|k| !others.contains(k))
            .map(|_| fallback)
    })
}

fn trend(old: &Spec, new: &Spec, out: &mut Vec<Change>) {
    let labels = |s: &Spec| -> Vec<String> {
        s.periods
            .iter()
            .map(|p| p.label.trim().to_owned())
            .collect()
    };
    let names =
        |s: &Spec| -> Vec<String> { s.series.iter().map(|x| x.name.trim().to_owned()).collect() };
    let (old_periods, new_periods) = (labels(old), labels(new));
    let (old_names, new_names) = (names(old), names(new));
    for (j, ns) in new.series.iter().enumerate() {
        let name = ns.name.trim();
        let Some(oj) = matched(&old_names, name, j, &new_names) else {
            out.push(change(Weight::Update, cat!("Added the series ", name)));
            continue;
        };
        let Some(os) = old.series.get(oj) else {
            continue;
        };
        if os.name.trim() != name {
            out.push(change(
                Weight::Words,
                cat!("The series ", os.name.trim(), " is now called ", name),
            ));
        }
        for (i, p) in new.periods.iter().enumerate() {
            let Some(nf) = ns.values.get(i) else { continue };
            let place = cat!(name, ", ", p.full_name().trim());
            let old_figure = old_periods
                .iter()
                .position(|l| l == p.label.trim())
                .and_then(|oi| os.values.get(oi));
            match old_figure {
                Some(of) => figure(&place, of, nf, out),
                None => out.push(change(
                    Weight::Update,
                    cat!(place, ": ", figure_text(nf), " (new)"),
                )),
            }
        }
        for (oi, op) in old.periods.iter().enumerate() {
            if new_periods.iter().any(|l| l == op.label.trim()) {
                continue;
            }
            if let Some(of) = os.values.get(oi) {
                out.push(change(
                    Weight::Correction,
                    cat!(
                        name,
                        ", ",
                        op.full_name().trim(),
                        ": ",
                        figure_text(of),
                        " removed"
                    ),
                ));
            }
        }
    }
    for (oj, os) in old.series.iter().enumerate() {
        if matched(&new_names, os.name.trim(), oj, &old_names).is_none() {
            out.push(change(
                Weight::Correction,
                cat!("Removed the series ", os.name.trim(), " and its figures"),
            ));
        }
    }
    for p in &new.periods {
        let Some(op) = old
            .periods
            .iter()
            .find(|o| o.label.trim() == p.label.trim())
        else {
            continue;
        };
        if op.brk.as_deref().map(str::trim) != p.brk.as_deref().map(str::trim) {
            out.push(change(
                Weight::Words,
                cat!(
                    "The break in series before ",
                    p.label.trim(),
                    " and its note"
                ),
            ));
        }
        if op.full_name().trim() != p.full_name().trim() {
            out.push(change(
                Weight::Words,
                cat!(
                    "The period ",
                    op.full_name().trim(),
                    " is now called ",
                    p.full_name().trim()
                ),
            ));
        }
    }
    if old.mark != new.mark {
        out.push(change(
            Weight::Words,
            "How the figures are drawn (bars or lines)".into(),
        ));
    }
}

fn category_key(c: &Category) -> String {
    match c.period.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => cat!(c.label.trim(), " (", p, ")"),
        None => c.label.trim().to_owned(),
    }
}

fn rate(old: &Spec, new: &Spec, out: &mut Vec<Change>) {
    let keys = |s: &Spec| -> Vec<String> { s.categories.iter().map(category_key).collect() };
    let (old_keys, new_keys) = (keys(old), keys(new));
    for (i, nc) in new.categories.iter().enumerate() {
        let key = category_key(nc);
        let Some(oc) = matched(&old_keys, &key, i, &new_keys).and_then(|oi| old.categories.get(oi))
        else {
            out.push(change(Weight::Update, cat!("Added ", key)));
            continue;
        };
        let old_key = category_key(oc);
        if old_key != key {
            out.push(change(Weight::Words, cat!(old_key, " is now called ", key)));
        }
        for (what, o, n) in [
            ("recorded", &oc.recorded, &nc.recorded),
            ("detected", &oc.detected, &nc.detected),
            ("published rate", &oc.rate, &nc.rate),
        ] {
            let place = cat!(key, ", ", what);
            match (o, n) {
                (Some(o), Some(n)) => figure(&place, o, n, out),
                (None, Some(n)) => out.push(change(
                    Weight::Update,
                    cat!(place, ": ", figure_text(n), " (new)"),
                )),
                (Some(o), None) => out.push(change(
                    Weight::Correction,
                    cat!(place, ": ", figure_text(o), " removed"),
                )),
                (None, None) => {}
            }
        }
    }
    for (oi, oc) in old.categories.iter().enumerate() {
        let key = category_key(oc);
        if matched(&new_keys, &key, oi, &old_keys).is_none() {
            out.push(change(
                Weight::Correction,
                cat!("Removed ", key, " and its figures"),
            ));
        }
    }
}

fn words(old: &Spec, new: &Spec, out: &mut Vec<Change>) {
    let text = |o: &Option<String>| o.as_deref().map(str::trim).unwrap_or("").to_owned();
    let mut field = |name: &str, a: &str, b: &str| {
        if a != b {
            let said = if b.is_empty() {
                "removed".to_owned()
            } else {
                cat!("“", b, "”")
            };
            out.push(change(Weight::Words, cat!(name, ": ", said)));
        }
    };
    field("Title", old.title.trim(), new.title.trim());
    field("Subtitle", &text(&old.subtitle), &text(&new.subtitle));
    field("Unit", &text(&old.unit), &text(&new.unit));
    let trimmed = |v: &[String]| -> Vec<String> { v.iter().map(|s| s.trim().to_owned()).collect() };
    let (old_notes, new_notes) = (trimmed(&old.notes), trimmed(&new.notes));
    for n in new_notes.iter().filter(|n| !old_notes.contains(n)) {
        out.push(change(Weight::Words, cat!("Note added: “", n, "”")));
    }
    for n in old_notes.iter().filter(|n| !new_notes.contains(n)) {
        out.push(change(Weight::Words, cat!("Note removed: “", n, "”")));
    }
    if old.sources != new.sources {
        out.push(change(Weight::Words, "The sources changed".into()));
    }
    if old.annotations != new.annotations {
        out.push(change(
            Weight::Words,
            "The notes on the chart changed".into(),
        ));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::spec::{Missing, Period, Status};

    fn spec(name: &str) -> Spec {
        let text = match name {
            "offence-trend" => include_str!("../../data/offence-trend.json"),
            _ => include_str!("../../data/detection-rate.json"),
        };
        let value: crate::spec::Json = serde_json::from_str(text).unwrap();
        crate::spec::read_spec(value).unwrap()
    }

    fn texts(c: &[Change]) -> Vec<(Weight, &str)> {
        c.iter().map(|c| (c.weight, c.text.as_str())).collect()
    }

    #[test]
    fn nothing_changed_is_no_change_and_the_revision_line_is_not_compared() {
        let old = spec("offence-trend");
        let mut new = old.clone();
        new.revision = Some("Corrected 4 December 2026: x".into());
        assert_eq!(between(&old, &new), vec![]);
        assert_eq!(weight(&[]), None);
    }

    #[test]
    fn a_changed_figure_is_a_correction_old_to_new() {
        let old = spec("offence-trend");
        let mut new = old.clone();
        new.series[0].values[0].value = 1537.0;
        let c = between(&old, &new);
        assert_eq!(
            texts(&c),
            vec![(
                Weight::Correction,
                "Recorded offences, April 2018–February 2019: 1,573 → 1,537"
            )]
        );
        assert_eq!(weight(&c), Some(Weight::Correction));
    }

    #[test]
    fn wording_and_approximation_are_corrections_quotes_are_words() {
        let old = spec("offence-trend");
        let mut new = old.clone();
        new.series[0].values[0].approximate = true;
        new.series[0].values[0].published = Some("nearly 1600".into());
        new.series[0].values[1].quote = Some("Another sentence.".into());
        assert_eq!(
            texts(&between(&old, &new)),
            vec![
                (
                    Weight::Correction,
                    "Recorded offences, April 2018–February 2019: 1,573 → ≈1,573 (“nearly 1600”)"
                ),
                (
                    Weight::Words,
                    "Recorded offences, April 2019–February 2020: its source or quote changed"
                ),
            ]
        );
    }

    #[test]
    fn a_provisional_figure_revised_or_a_missing_one_given_is_an_update() {
        let mut old = spec("offence-trend");
        old.series[0].values[1].status = Some(Status::Provisional);
        old.series[0].values[0].missing = Some(Missing::Suppressed);
        let mut new = old.clone();
        new.series[0].values[1].status = None;
        new.series[0].values[1].value = 1700.0;
        new.series[0].values[0].missing = None;
        let c = between(&old, &new);
        assert_eq!(weight(&c), Some(Weight::Update), "{c:?}");
        assert!(
            texts(&c)
                .iter()
                .any(|(_, t)| t.ends_with("1,694 (provisional) → 1,700")),
            "{c:?}"
        );
        assert!(
            texts(&c)
                .iter()
                .any(|(_, t)| t.ends_with("n/a (suppressed) → 1,573")),
            "{c:?}"
        );
        // A figure that was final and is now missing is a correction.
        let mut gone = spec("offence-trend");
        gone.series[0].values[1].missing = Some(Missing::Suppressed);
        let c = between(&spec("offence-trend"), &gone);
        assert_eq!(weight(&c), Some(Weight::Correction), "{c:?}");
    }

    #[test]
    fn a_new_period_is_an_update_and_a_removed_one_a_correction() {
        let old = spec("offence-trend");
        let mut new = old.clone();
        new.periods.push(Period {
            label: "Apr 2020–Feb 2021".into(),
            name: Some("April 2020–February 2021".into()),
            brk: None,
        });
        new.series[0].values.push(Figure::exact(1800.0));
        let c = between(&old, &new);
        assert_eq!(
            texts(&c),
            vec![(
                Weight::Update,
                "Recorded offences, April 2020–February 2021: 1,800 (new)"
            )]
        );
        assert_eq!(weight(&c), Some(Weight::Update));
        let back = between(&new, &old);
        assert_eq!(
            texts(&back),
            vec![(
                Weight::Correction,
                "Recorded offences, April 2020–February 2021: 1,800 removed"
            )]
        );
    }

    #[test]
    fn words_only() {
        let old = spec("offence-trend");
        let mut new = old.clone();
        new.title = "A new title".into();
        new.notes.clear();
        new.subtitle = None;
        let c = between(&old, &new);
        assert_eq!(weight(&c), Some(Weight::Words));
        assert_eq!(c[0].text, "Title: “A new title”");
        assert_eq!(c[1].text, "Subtitle: removed");
        assert!(c[2].text.starts_with("Note removed: “The March 2019"));
    }

    #[test]
    fn a_renamed_series_keeps_its_figures() {
        let old = spec("offence-trend");
        let mut new = old.clone();
        new.series[0].name = "Offences".into();
        assert_eq!(
            texts(&between(&old, &new)),
            vec![(
                Weight::Words,
                "The series Recorded offences is now called Offences"
            )]
        );
    }

    #[test]
    fn rate_categories_figures_added_changed_removed() {
        let old = spec("detection-rate");
        let mut new = old.clone();
        let key = category_key(&old.categories[1]);
        new.categories[1].detected.as_mut().unwrap().value = 85.0;
        let c = between(&old, &new);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].weight, Weight::Correction);
        assert_eq!(c[0].text, cat!(key, ", detected: 86 → 85"));
        let mut fewer = old.clone();
        fewer.categories.remove(0);
        let c = between(&old, &fewer);
        assert!(
            c.iter()
                .any(|c| c.weight == Weight::Correction && c.text.starts_with("Removed ")),
            "{c:?}"
        );
        assert_eq!(weight(&between(&fewer, &old)), Some(Weight::Update));
    }

    #[test]
    fn another_kind_is_a_correction() {
        let c = between(&spec("offence-trend"), &spec("detection-rate"));
        assert_eq!(c[0].weight, Weight::Correction);
    }
}
