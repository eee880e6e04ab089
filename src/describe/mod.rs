//! Words for a chart: the screen-reader summary, tooltip text for each figure, the data table,
//! and detection rates worked out from counts.

#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
mod claims;
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub use claims::{check as check_claims, Claim, Verdict};

use crate::spec::{Annotation, Category, Figure, Kind, Missing, Spec, Status};
use crate::text::{change, count, flagged, percent};

/// Which figure of the spec a mark stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A trend figure: period index and, for a single bar, the series; `None` means all series.
    Trend {
        /// Period index.
        period: usize,
        /// Series index, or all series at that period.
        series: Option<usize>,
    },
    /// A rate-chart category.
    Category(usize),
}

/// "Source: Police Scotland (April 2020); …" for the foot of the chart.
pub fn source_line(spec: &Spec) -> String {
    let mut out = cat!(
        if spec.sources.len() > 1 {
            "Sources"
        } else {
            "Source"
        },
        ": "
    );
    for (i, s) in spec.sources.iter().enumerate() {
        put!(&mut out; if i > 0 { "; " } else { "" }, s.name.trim());
        if let Some(d) = s.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            put!(&mut out; " (", d, ")");
        }
    }
    out
}

/// Most rows in the data table; longer trends give their first rows and say how many are left out.
pub const MAX_TABLE_ROWS: usize = 1000;

/// A detection rate and how it was obtained.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    /// Per cent, 0–100.
    pub value: f64,
    /// Any figure it rests on is approximate.
    pub approximate: bool,
    /// Worked out from recorded and detected counts (shown with one decimal); otherwise published.
    pub computed: bool,
}

impl Rate {
    /// `87.8 %` when computed, the published precision (`≈70 %`) otherwise.
    pub fn label(&self) -> String {
        let whole_published = !self.computed && self.value.fract() == 0.0;
        let text = if whole_published {
            crate::text::percent_tick(self.value)
        } else {
            percent(self.value)
        };
        flagged(text, self.approximate)
    }
}

/// The category's detection rate: from counts where both exist, else the published rate.
pub fn rate_of(c: &Category) -> Option<Rate> {
    let known = |f: &Option<Figure>| f.as_ref().and_then(Figure::known);
    let approx = |f: &Option<Figure>| f.as_ref().is_some_and(|f| f.approximate);
    match (known(&c.recorded), known(&c.detected), known(&c.rate)) {
        (Some(r), Some(d), _) if r > 0.0 => Some(Rate {
            value: (d / r * 100.0).clamp(0.0, 100.0),
            approximate: approx(&c.recorded) || approx(&c.detected),
            computed: true,
        }),
        (_, _, Some(p)) => Some(Rate {
            value: p.clamp(0.0, 100.0),
            approximate: approx(&c.rate),
            computed: false,
        }),
        _ => None,
    }
}

/// What stands for a missing figure: on the chart, in tooltips and in the data table.
pub const NOT_AVAILABLE: &str = "n/a";

/// A figure as a count label: `1,694`, `≈1,600`, or `n/a` when it is missing.
pub fn figure_label(f: &Figure) -> String {
    match f.missing {
        Some(_) => NOT_AVAILABLE.into(),
        None => flagged(count(f.value), f.approximate),
    }
}

/// A rate category's counts: `86 of 98 detected`, `≈1,600 recorded` (no detected count given); a
/// missing count is said with why: `1,573 recorded, detected count suppressed`. Empty when it
/// has neither.
pub fn category_counts(c: &Category) -> String {
    counts(c, "")
}

/// [`category_counts`], with `of` before a recorded count that stands alone (`of ≈1,600
/// recorded`, under the rate it is the count of).
fn counts(c: &Category, of: &str) -> String {
    let said = |f: &Figure, role| match f.missing {
        Some(m) => cat!(role, " count ", m.words()),
        None => cat!(figure_label(f), " ", role),
    };
    match (&c.recorded, &c.detected) {
        (Some(r), Some(d)) if r.missing.is_none() && d.missing.is_none() => {
            cat!(figure_label(d), " of ", figure_label(r), " detected")
        }
        (Some(r), Some(d)) => cat!(said(r, "recorded"), ", ", said(d, "detected")),
        (Some(r), None) if r.missing.is_none() => cat!(of, figure_label(r), " recorded"),
        (Some(r), None) => said(r, "recorded"),
        _ => String::new(),
    }
}

/// The short line under a rate bar: [`category_counts`] and the source's wording of the rate,
/// `86 of 98 detected · published as “90 per cent”`, `of ≈1,600 recorded · published as …`.
pub fn category_detail(c: &Category) -> String {
    let mut out = counts(c, "of ");
    if let Some(p) = c.rate.as_ref().and_then(Figure::wording) {
        let sep = if out.is_empty() { "" } else { " · " };
        put!(&mut out; sep, "published as “", p, "”");
    }
    out
}

/// Text for a tooltip: a heading and lines under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    /// The period or category.
    pub heading: String,
    /// The figures and their flags.
    pub lines: Vec<String>,
}

impl Tip {
    /// The whole tip as one sentence for a live region.
    pub fn sentence(&self) -> String {
        let mut s = self.heading.clone();
        for l in &self.lines {
            s.push_str(". ");
            s.push_str(l);
        }
        s
    }
}

fn unit(spec: &Spec) -> String {
    spec.unit
        .as_deref()
        .map(|u| cat!(" ", u.trim()))
        .unwrap_or_default()
}

/// "1,694 offences", or why the figure is missing: "Not available".
fn figure_line(spec: &Spec, f: &Figure) -> String {
    match f.missing {
        Some(m) => cat!("Figure ", m.words()),
        None => cat!(figure_label(f), unit(spec)),
    }
}

/// What the source says about `f` beyond its number: its status, its rounding, its wording.
fn flag_lines(f: &Figure, lines: &mut Vec<String>) {
    if let Some(s) = f.status {
        lines.push(cat!("Figure ", s.words()));
    }
    lines.extend(match (f.approximate, f.wording()) {
        (true, Some(p)) => Some(cat!("Approximate: the source says “", p, "”")),
        (true, None) => Some("Approximate figure".to_owned()),
        (false, Some(p)) => Some(cat!("The source says “", p, "”")),
        (false, None) => None,
    });
}

/// Pushes `lead` and the `words` whose bits are set, "a, b or c.", if any bit is; a lead starting
/// with `:` follows [`NOT_AVAILABLE`].
fn said(out: &mut Vec<String>, bits: u8, words: &[&str], lead: &str) {
    if bits == 0 {
        return;
    }
    let mut text = String::new();
    if lead.starts_with(':') {
        text.push_str(NOT_AVAILABLE);
    }
    text.push_str(lead);
    for (i, w) in words
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
    {
        let sep = match (bits >> (i + 1)).count_ones() {
            _ if text.ends_with(' ') => "",
            0 => " or ",
            _ => ", ",
        };
        put!(&mut text; sep, w);
    }
    text.push('.');
    out.push(text);
}

/// The lines that explain the chart's marks: hollow figures, "n/a" and breaks in series, each
/// only when the chart has them ("Hollow marks: figures provisional or revised.").
pub fn key_lines(spec: &Spec) -> Vec<String> {
    let mut out = Vec::new();
    // Which statuses and reasons the chart has, as bits in the order of the variants.
    let (mut statuses, mut missing) = (0u8, 0u8);
    let mut note = |f: &Figure| match (f.missing, f.status) {
        (Some(m), _) => missing |= 1 << m as u8,
        (None, Some(s)) => statuses |= 1 << s as u8,
        _ => {}
    };
    for s in &spec.series {
        s.values.iter().for_each(&mut note);
    }
    for c in &spec.categories {
        c.figures().for_each(&mut note);
    }
    said(
        &mut out,
        statuses,
        &Status::ALL.map(Status::words),
        "Hollow marks: figures ",
    );
    said(
        &mut out,
        missing,
        &Missing::ALL.map(Missing::words),
        ": figure ",
    );
    for p in spec.periods.iter() {
        if let Some(b) = p.brk.as_deref() {
            let b = b.trim().trim_end_matches('.');
            out.push(cat!(
                "Break in series before ",
                p.label.trim(),
                " (dashed line): ",
                b,
                "."
            ));
        }
    }
    out
}

/// The tooltip for `focus`, or `None` if it points outside the spec.
pub fn tip(spec: &Spec, focus: Focus) -> Option<Tip> {
    match focus {
        Focus::Trend { period, series } => {
            let p = spec.periods.get(period)?;
            let chosen: Vec<_> = match series {
                Some(j) => vec![spec.series.get(j)?],
                None => spec.series.iter().collect(),
            };
            let mut lines = Vec::new();
            let named = spec.series.len() > 1;
            for s in chosen {
                let f = s.values.get(period)?;
                // One series: "1,694 offences"; several: "Grooming: 98 offences".
                let figure = figure_line(spec, f);
                lines.push(if named {
                    cat!(s.name.trim(), ": ", figure)
                } else {
                    figure
                });
                flag_lines(f, &mut lines);
            }
            if let Some(b) = p.brk.as_deref() {
                lines.push(cat!("Break in series: ", b.trim()));
            }
            lines.extend(notes_on(spec, |a| marks_period(spec, a, period, series)));
            Some(Tip {
                heading: p.full_name().trim().to_owned(),
                lines,
            })
        }
        Focus::Category(i) => {
            let c = spec.categories.get(i)?;
            let mut lines = Vec::new();
            match rate_of(c) {
                Some(r) => {
                    let how = if r.computed { "" } else { " (as published)" };
                    lines.push(cat!("Detection rate: ", r.label(), how));
                }
                None => lines.push(cat!("Detection rate: ", NOT_AVAILABLE)),
            }
            // "86 of 98 detected"; with a count missing, the other and why that one is missing
            // ("1,573 recorded, detected count suppressed").
            let counts = category_counts(c);
            if !counts.is_empty() {
                lines.push(counts);
            }
            // The counts' statuses (a missing count is said above), then the published rate's:
            // why it is missing, or its status.
            if let Some(f) = &c.recorded {
                flag_lines(f, &mut lines);
            }
            if let Some(f) = &c.detected {
                flag_lines(f, &mut lines);
            }
            if let Some(r) = &c.rate {
                if let Some(m) = r.missing {
                    lines.push(cat!("Published rate: ", m.words()));
                }
                flag_lines(r, &mut lines);
            }
            let heading = match c.period.as_deref() {
                Some(p) => cat!(c.label.trim(), ", ", p.trim()),
                None => c.label.trim().to_owned(),
            };
            lines.extend(notes_on(spec, |a| a.category == Some(i)));
            Some(Tip { heading, lines })
        }
    }
}

/// "Note 1: …" for each annotation that `marks`.
fn notes_on(spec: &Spec, marks: impl Fn(&Annotation) -> bool) -> Vec<String> {
    spec.annotations
        .iter()
        .enumerate()
        .filter(|(_, a)| marks(a))
        .map(|(k, a)| cat!("Note ", k + 1, ": ", a.text.trim()))
        .collect()
}

/// Whether annotation `a` marks period `period` (and `series`, or all series).
fn marks_period(spec: &Spec, a: &Annotation, period: usize, series: Option<usize>) -> bool {
    let Some((from, to)) = spec.annotated_periods(a) else {
        return false;
    };
    let series_ok = match (a.series, series) {
        (Some(a), Some(s)) => a == s,
        _ => true,
    };
    (from..=to).contains(&period) && series_ok
}

/// What annotation `a` marks, in words: "2019/20", "2019/20 to 2020/21", "Grooming, 2019/20",
/// a category's label.
pub fn annotation_place(spec: &Spec, a: &Annotation) -> String {
    if let Some(c) = a.category.and_then(|i| spec.categories.get(i)) {
        return c.label.trim().to_owned();
    }
    let mut out = a.period.as_deref().unwrap_or("").trim().to_owned();
    if let Some(to) = a.to.as_deref().filter(|t| t.trim() != out) {
        out = cat!(out, " to ", to.trim());
    }
    match a.series.and_then(|s| spec.series.get(s)) {
        Some(s) if spec.series.len() > 1 => cat!(s.name.trim(), ", ", out),
        _ => out,
    }
}

/// The sentence a screen reader hears for the chart (the canvas's `aria-label`).
pub fn summary(spec: &Spec) -> String {
    let mut out = cat!("Chart: ", spec.title.trim(), ".");
    match spec.kind {
        Kind::Trend => {
            for s in &spec.series {
                // The first and last figures known (gaps are said in the key lines).
                fn known((i, f): (usize, &Figure)) -> Option<(&Figure, usize)> {
                    f.missing.is_none().then_some((f, i))
                }
                let (Some((first, i0)), Some((last, i1))) = (
                    s.values.iter().enumerate().find_map(known),
                    s.values.iter().enumerate().rev().find_map(known),
                ) else {
                    continue;
                };
                let (Some(p0), Some(pn)) = (spec.periods.get(i0), spec.periods.get(i1)) else {
                    continue;
                };
                if i0 == i1 {
                    put!(&mut out;
                        " ",
                        s.name.trim(),
                        ": ",
                        figure_label(first),
                        " in ",
                        p0.full_name(),
                        "."
                    );
                    continue;
                }
                let verb = if last.value > first.value {
                    "rose"
                } else if last.value < first.value {
                    "fell"
                } else {
                    "stayed"
                };
                let moved = change(first.value, last.value)
                    .map(|c| cat!(", ", c))
                    .unwrap_or_default();
                put!(&mut out;
                    " ",
                    s.name.trim(),
                    " ",
                    verb,
                    " from ",
                    figure_label(first),
                    " in ",
                    p0.full_name(),
                    " to ",
                    figure_label(last),
                    " in ",
                    pn.full_name(),
                    moved,
                    "."
                );
            }
        }
        Kind::Rate => {
            for c in &spec.categories {
                // A category without a rate (a count missing) is said too: "no rate".
                put!(&mut out; " ", c.label.trim(), ": ");
                match rate_of(c) {
                    Some(r) => put!(&mut out; r.label(), " detected"),
                    None => out.push_str("no rate"),
                }
                let detail = category_detail(c);
                if !detail.is_empty() {
                    put!(&mut out; " (", detail, ")");
                }
                out.push('.');
            }
        }
    }
    if any_approximate(spec) {
        out.push_str(" ≈ marks approximate figures.");
    }
    for k in key_lines(spec) {
        put!(&mut out; " ", k);
    }
    for (k, a) in spec.annotations.iter().enumerate() {
        let text = a.text.trim().trim_end_matches('.');
        put!(&mut out; " Note ", k + 1, ", ", annotation_place(spec, a), ": ", text, ".");
    }
    if let Some(r) = revision(spec) {
        put!(&mut out; " ", r.trim_end_matches('.'), ".");
    }
    out.push(' ');
    out.push_str(&source_line(spec));
    out.push('.');
    out
}

/// The chart's revision line, trimmed, if it has one.
fn revision(spec: &Spec) -> Option<&str> {
    spec.revision
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
}

fn any_approximate(spec: &Spec) -> bool {
    spec.series
        .iter()
        .flat_map(|s| s.values.iter())
        .any(|f| f.approximate)
        || spec
            .categories
            .iter()
            .any(|c| rate_of(c).map(|r| r.approximate).unwrap_or(false))
}

/// The first column's heading in a trend's data table (then one column a series).
pub const PERIOD_HEADING: &str = "Period";
/// The column headings of a rate chart's data table.
pub const RATE_HEADINGS: [&str; 5] = [
    "Category",
    "Recorded",
    "Detected",
    "Detection rate",
    "Published rate",
];

/// The chart's figures as a table for readers who cannot see the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Caption (the chart title).
    pub caption: String,
    /// Column headings.
    pub head: Vec<String>,
    /// Rows of cells, as text.
    pub rows: Vec<Vec<String>>,
    /// Lines under the table: flags explained, notes, sources, rows left out.
    pub foot: Vec<String>,
}

/// Builds the data table of `spec`.
pub fn table(spec: &Spec) -> Table {
    let mut foot = Vec::new();
    let (head, rows) = match spec.kind {
        Kind::Trend => {
            let mut head = vec![PERIOD_HEADING.to_owned()];
            head.extend(spec.series.iter().map(|s| s.name.trim().to_owned()));
            let rows = spec
                .periods
                .iter()
                .enumerate()
                .take(MAX_TABLE_ROWS)
                .map(|(i, p)| {
                    let mut row = vec![p.full_name().trim().to_owned()];
                    row.extend(
                        spec.series
                            .iter()
                            .map(|s| s.values.get(i).map(figure_text).unwrap_or_default()),
                    );
                    row
                })
                .collect();
            if spec.periods.len() > MAX_TABLE_ROWS {
                foot.push(cat!(
                    "First ",
                    MAX_TABLE_ROWS,
                    " of ",
                    count(spec.periods.len() as f64),
                    " periods shown."
                ));
            }
            (head, rows)
        }
        Kind::Rate => {
            let head = RATE_HEADINGS.map(String::from).to_vec();
            let rows = spec
                .categories
                .iter()
                .map(|c| {
                    let label = match c.period.as_deref() {
                        Some(p) => cat!(c.label.trim(), " (", p.trim(), ")"),
                        None => c.label.trim().to_owned(),
                    };
                    vec![
                        label,
                        c.recorded
                            .as_ref()
                            .map(figure_text)
                            .unwrap_or_else(|| "–".into()),
                        c.detected
                            .as_ref()
                            .map(figure_text)
                            .unwrap_or_else(|| "–".into()),
                        rate_of(c).map(|r| r.label()).unwrap_or_else(|| {
                            // "n/a" where figures are missing; "–" where none was given.
                            if c.any_missing() {
                                NOT_AVAILABLE
                            } else {
                                "–"
                            }
                            .into()
                        }),
                        c.rate
                            .as_ref()
                            .and_then(Figure::wording)
                            .map(str::to_owned)
                            .unwrap_or_else(|| "–".into()),
                    ]
                })
                .collect();
            (head, rows)
        }
    };
    if any_approximate(spec) {
        foot.push("≈ approximate: the source gives this figure only roughly.".to_owned());
    }
    foot.extend(key_lines(spec));
    foot.extend(revision(spec).map(str::to_owned));
    foot.extend(spec.notes.iter().map(|n| n.trim().to_owned()));
    for (k, a) in spec.annotations.iter().enumerate() {
        foot.push(cat!(
            "Note ",
            k + 1,
            " (",
            annotation_place(spec, a),
            "): ",
            a.text.trim()
        ));
    }
    foot.push(source_line(spec));
    Table {
        caption: spec.title.trim().to_owned(),
        head,
        rows,
        foot,
    }
}

/// A figure as the data table and the list of changes show it: `≈1,600 (“nearly 1600”)`,
/// `1,573 (provisional)`, `n/a (suppressed)`: with its status or why it is missing, and the
/// source's wording.
pub fn figure_text(f: &Figure) -> String {
    let mut out = figure_label(f);
    if let Some(w) = f
        .missing
        .map(Missing::words)
        .or(f.status.map(Status::words))
    {
        put!(&mut out; " (", w, ")");
    }
    if let Some(p) = f.wording() {
        put!(&mut out; " (“", p, "”)");
    }
    out
}
