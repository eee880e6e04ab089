//! Every rule of `docs/spec.md` that types alone cannot express, each failing with the field's
//! path.

use crate::spec::At;
use crate::spec::ChartError;
use crate::spec::*;
use crate::spec::{Category, Figure, Kind, Spec};
use crate::text::{plain, shortened};

type Checked = Result<(), ChartError>;

/// Checks `spec` against every rule; the first rule broken is returned with its path.
pub fn validate(spec: &Spec) -> Checked {
    if spec.version != 1 {
        return Err(ChartError::spec(
            "version",
            cat!(
                "must be 1 (this build reads version 1 specs), not ",
                spec.version
            ),
        ));
    }
    text(&At::Root.field("title"), &spec.title, MAX_TITLE_CHARS, true)?;
    opt_text(&At::Root.field("subtitle"), &spec.subtitle, MAX_TEXT_CHARS)?;
    opt_text(&At::Root.field("unit"), &spec.unit, MAX_LABEL_CHARS)?;
    count_between("sources", spec.sources.len(), 1, MAX_SOURCES)?;
    let sources = At::Root.field("sources");
    for (i, s) in spec.sources.iter().enumerate() {
        let at = sources.index(i);
        text(&at.field("name"), &s.name, MAX_TEXT_CHARS, true)?;
        opt_text(&at.field("date"), &s.date, MAX_LABEL_CHARS)?;
        opt_text(&at.field("file"), &s.file, MAX_LABEL_CHARS)?;
        opt_text(&at.field("table"), &s.table, MAX_TEXT_CHARS)?;
        if let Some(url) = &s.url {
            check_url(&at.field("url"), url)?;
        }
    }
    count_between("notes", spec.notes.len(), 0, MAX_NOTES)?;
    let notes = At::Root.field("notes");
    for (i, n) in spec.notes.iter().enumerate() {
        text(&notes.index(i), n, MAX_TEXT_CHARS, true)?;
    }
    opt_text(
        &At::Root.field("revision"),
        &spec.revision,
        MAX_REVISION_CHARS,
    )?;
    match spec.kind {
        Kind::Trend => validate_trend(spec)?,
        Kind::Rate => validate_rate(spec)?,
    }
    annotations(spec)
}

/// Each annotation has its text and marks something the chart has: a period (or a range of
/// periods, in order) and perhaps a series of a trend; a category of a rate chart.
fn annotations(spec: &Spec) -> Checked {
    count_between("annotations", spec.annotations.len(), 0, MAX_ANNOTATIONS)?;
    let list = At::Root.field("annotations");
    for (i, a) in spec.annotations.iter().enumerate() {
        let at = list.index(i);
        text(&at.field("text"), &a.text, MAX_TEXT_CHARS, true)?;
        let wrong_kind = |field: &str, kind: &str| {
            ChartError::spec(
                at.field(field).text(),
                cat!("belongs to annotations of a ", kind),
            )
        };
        match spec.kind {
            Kind::Trend => {
                if a.category.is_some() {
                    return Err(wrong_kind("category", "rate chart"));
                }
                let Some(label) = &a.period else {
                    return Err(ChartError::spec(
                        at.text(),
                        "missing field `period`: the label of the period it marks",
                    ));
                };
                let from = spec.period_index(label).ok_or_else(|| {
                    ChartError::spec(
                        at.field("period").text(),
                        cat!(
                            "\"",
                            shortened(label, 40),
                            "\" is not the label of any period"
                        ),
                    )
                })?;
                if let Some(to) = &a.to {
                    match spec.period_index(to) {
                        None => {
                            return Err(ChartError::spec(
                                at.field("to").text(),
                                cat!("\"", shortened(to, 40), "\" is not the label of any period"),
                            ))
                        }
                        Some(end) if end < from => {
                            return Err(ChartError::spec(
                                at.field("to").text(),
                                "must be a period at or after `period`",
                            ))
                        }
                        Some(_) => {}
                    }
                }
                if a.series.is_some_and(|s| s >= spec.series.len()) {
                    return Err(ChartError::spec(
                        at.field("series").text(),
                        cat!("is not a series: there are ", spec.series.len()),
                    ));
                }
            }
            Kind::Rate => {
                for (field, given) in [
                    ("period", a.period.is_some()),
                    ("to", a.to.is_some()),
                    ("series", a.series.is_some()),
                ] {
                    if given {
                        return Err(wrong_kind(field, "trend"));
                    }
                }
                match a.category {
                    None => {
                        return Err(ChartError::spec(
                            at.text(),
                            "missing field `category`: the index of the category it marks",
                        ))
                    }
                    Some(c) if c >= spec.categories.len() => {
                        return Err(ChartError::spec(
                            at.field("category").text(),
                            cat!("is not a category: there are ", spec.categories.len()),
                        ))
                    }
                    Some(_) => {}
                }
            }
        }
    }
    Ok(())
}

fn validate_trend(spec: &Spec) -> Checked {
    if !spec.categories.is_empty() {
        return Err(ChartError::spec(
            "categories",
            "belongs to kind \"rate\"; a trend has periods and series",
        ));
    }
    count_between("periods", spec.periods.len(), 1, MAX_PERIODS)?;
    let periods = At::Root.field("periods");
    for (i, p) in spec.periods.iter().enumerate() {
        let at = periods.index(i);
        text(&at.field("label"), &p.label, MAX_LABEL_CHARS, true)?;
        opt_text(&at.field("name"), &p.name, MAX_LABEL_CHARS)?;
        if let Some(b) = &p.brk {
            text(&at.field("break"), b, MAX_TEXT_CHARS, true)?;
        }
    }
    let breaks = spec.periods.iter().filter(|p| p.brk.is_some()).count();
    if breaks > MAX_BREAKS {
        return Err(ChartError::spec(
            "periods",
            cat!(
                "has ",
                breaks,
                " breaks in series; at most ",
                MAX_BREAKS,
                " are allowed"
            ),
        ));
    }
    // Duplicate labels: sort indices by label, then index, so the first of equals comes first.
    // (Trimmed once: trimming inside the comparison cost a quarter of reading 100,000 periods.)
    let labels: Vec<&str> = spec.periods.iter().map(|p| p.label.trim()).collect();
    let label = |i: usize| labels.get(i).copied().unwrap_or("");
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order.sort_unstable_by(|&a, &b| label(a).cmp(label(b)).then(a.cmp(&b)));
    let dup = order
        .windows(2)
        .filter(|w| label(w[0]) == label(w[1]))
        .map(|w| (w[0].min(w[1]), w[0].max(w[1])))
        .min_by_key(|&(_, later)| later);
    if let Some((first, i)) = dup {
        return Err(ChartError::spec(
            cat!("periods[", i, "].label"),
            cat!(
                "\"",
                label(i),
                "\" is already the label of periods[",
                first,
                "]; each period needs its own label"
            ),
        ));
    }
    count_between("series", spec.series.len(), 1, MAX_SERIES)?;
    let total = spec
        .series
        .iter()
        .map(|s| s.values.len())
        .fold(0usize, usize::saturating_add);
    if total > MAX_POINTS {
        return Err(ChartError::spec(
            "series",
            cat!(
                "holds ",
                total,
                " figures; at most ",
                MAX_POINTS,
                " are drawn"
            ),
        ));
    }
    let series = At::Root.field("series");
    for (i, s) in spec.series.iter().enumerate() {
        let at = series.index(i);
        text(&at.field("name"), &s.name, MAX_LABEL_CHARS, true)?;
        if s.values.len() != spec.periods.len() {
            return Err(ChartError::spec(
                at.field("values").text(),
                cat!(
                    "has ",
                    plural(s.values.len(), "figure"),
                    " but there ",
                    if spec.periods.len() == 1 { "is" } else { "are" },
                    " ",
                    plural(spec.periods.len(), "period"),
                    "; give one figure per period"
                ),
            ));
        }
        let values = at.field("values");
        for (j, f) in s.values.iter().enumerate() {
            figure(&values.index(j), f, spec, false)?;
        }
    }
    Ok(())
}

fn validate_rate(spec: &Spec) -> Checked {
    if !spec.periods.is_empty() {
        return Err(ChartError::spec(
            "periods",
            "belongs to kind \"trend\"; a rate chart has categories",
        ));
    }
    if !spec.series.is_empty() {
        return Err(ChartError::spec(
            "series",
            "belongs to kind \"trend\"; a rate chart has categories",
        ));
    }
    count_between("categories", spec.categories.len(), 1, MAX_CATEGORIES)?;
    let categories = At::Root.field("categories");
    for (i, c) in spec.categories.iter().enumerate() {
        category(&categories.index(i), c, spec)?;
    }
    Ok(())
}

fn category(at: &At, c: &Category, spec: &Spec) -> Checked {
    text(&at.field("label"), &c.label, MAX_LABEL_CHARS, true)?;
    opt_text(&at.field("period"), &c.period, MAX_LABEL_CHARS)?;
    if let Some(r) = &c.recorded {
        figure(&at.field("recorded"), r, spec, true)?;
    }
    if let Some(d) = &c.detected {
        figure(&at.field("detected"), d, spec, true)?;
    }
    if let Some(r) = &c.rate {
        figure(&at.field("rate"), r, spec, false)?;
        if r.known().is_some_and(|v| v > 100.0) {
            return Err(ChartError::spec(
                at.field("rate").text(),
                cat!("must be a per cent from 0 to 100, not ", plain(r.value)),
            ));
        }
    }
    // A missing figure stands where the figure would: the category is drawn as "n/a".
    let known = |f: &Option<Figure>| f.as_ref().and_then(Figure::known);
    let any_missing = c.any_missing();
    match (known(&c.recorded), known(&c.detected), known(&c.rate)) {
        (Some(r), Some(d), _) => {
            if d > r {
                return Err(ChartError::spec(
                    at.field("detected").text(),
                    cat!(
                        plain(d),
                        " detected is more than the ",
                        plain(r),
                        " recorded; detected must be at most recorded"
                    ),
                ));
            }
            if r == 0.0 {
                return Err(ChartError::spec(
                    at.field("recorded").text(),
                    "must be more than 0 to compute a detection rate",
                ));
            }
            Ok(())
        }
        (_, _, Some(_)) => Ok(()),
        _ if any_missing => Ok(()),
        (None, Some(_), None) => Err(ChartError::spec(
            at.field("recorded").text(),
            "is required with detected, to compute the rate",
        )),
        _ => Err(ChartError::spec(
            at.text(),
            "needs recorded and detected counts, or a published rate",
        )),
    }
}

fn figure(at: &At, f: &Figure, spec: &Spec, whole: bool) -> Checked {
    opt_text(&at.field("cell"), &f.cell, MAX_LABEL_CHARS)?;
    if f.missing.is_some() {
        return source_of(at, f, spec);
    }
    if !f.value.is_finite() || f.value < 0.0 {
        return Err(ChartError::spec(at.text(), "must be a non-negative number"));
    }
    if f.value > MAX_VALUE {
        return Err(ChartError::spec(
            at.text(),
            "must be at most 9007199254740991 (2^53 − 1)",
        ));
    }
    if whole && f.value.fract() != 0.0 {
        return Err(ChartError::spec(
            at.text(),
            cat!("must be a whole number of offences, not ", plain(f.value)),
        ));
    }
    source_of(at, f, spec)
}

/// The figure's source is one of the spec's; its wording and quote fit.
fn source_of(at: &At, f: &Figure, spec: &Spec) -> Checked {
    if f.source >= spec.sources.len() {
        return Err(ChartError::spec(
            at.field("source").text(),
            cat!(
                "is ",
                f.source,
                " but there ",
                if spec.sources.len() == 1 { "is" } else { "are" },
                " only ",
                plural(spec.sources.len(), "source"),
                " (counting from 0)"
            ),
        ));
    }
    opt_text(&at.field("published"), &f.published, MAX_LABEL_CHARS)?;
    opt_text(&at.field("quote"), &f.quote, MAX_TEXT_CHARS)
}

/// The schemes a source's address may have (any case).
pub const URL_SCHEMES: [&str; 2] = ["http://", "https://"];
/// Characters an address may not hold, besides white space and control characters.
pub const URL_FORBIDDEN: [char; 3] = ['"', '<', '>'];

/// What is wrong with `url` as a source's address, if anything: the one rule for addresses, which
/// the builder's JavaScript applies too (`www/shared.js`'s `URL_RULE`).
pub fn url_problem(url: &str) -> Option<String> {
    let lower = url.trim_start().to_ascii_lowercase();
    let scheme_ok = URL_SCHEMES
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len());
    if !scheme_ok {
        return Some("must be an http:// or https:// address".into());
    }
    if url.chars().count() > MAX_URL_CHARS
        || url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || URL_FORBIDDEN.contains(&c))
    {
        return Some(cat!(
            "must be a single web address of at most ",
            MAX_URL_CHARS,
            " characters, without spaces, quotes or angle brackets"
        ));
    }
    None
}

fn check_url(at: &At, url: &str) -> Checked {
    match url_problem(url) {
        Some(m) => Err(ChartError::spec(at.text(), m)),
        None => Ok(()),
    }
}

fn text(at: &At, s: &str, max: usize, required: bool) -> Checked {
    if required && s.trim().is_empty() {
        return Err(ChartError::spec(at.text(), "must not be empty"));
    }
    let n = s.chars().count();
    if n > max {
        return Err(ChartError::spec(
            at.text(),
            cat!("is ", n, " characters long; at most ", max, " fit"),
        ));
    }
    if s.chars().any(|c| c.is_control() && c != '\n') {
        return Err(ChartError::spec(
            at.text(),
            "must not contain control characters",
        ));
    }
    Ok(())
}

fn opt_text(at: &At, s: &Option<String>, max: usize) -> Checked {
    match s {
        Some(s) => text(at, s, max, false),
        None => Ok(()),
    }
}

fn count_between(at: &str, n: usize, min: usize, max: usize) -> Checked {
    if n < min {
        return Err(ChartError::spec(
            at,
            cat!(
                "needs at least ",
                min,
                " ",
                if min == 1 { "entry" } else { "entries" }
            ),
        ));
    }
    if n > max {
        return Err(ChartError::spec(
            at,
            cat!("has ", n, " entries; at most ", max, " are allowed"),
        ));
    }
    Ok(())
}

/// `1 figure`, `2 figures`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        cat!("1 ", noun)
    } else {
        cat!(n, " ", noun, "s")
    }
}
