//! The chart spec (version 1): the model of the JSON documented in `docs/spec.md`.
//!
//! [`crate::spec::read`] fills it from JSON, checking shapes and types; [`crate::spec::rules`]
//! checks every rule on values.

/// The names of the default charts, which a snippet may name instead of giving a spec; each
/// one's spec is `data/<name>.json`.
pub const NAMED_CHARTS: [&str; 2] = ["offence-trend", "detection-rate"];

/// Field names of each object in a spec: the keys [`crate::spec::read`] accepts, in the order its
/// messages list them.
pub mod fields {
    /// [`super::Spec`].
    pub const SPEC: &[&str] = &[
        "version",
        "kind",
        "title",
        "subtitle",
        "unit",
        "sources",
        "notes",
        "revision",
        "periods",
        "series",
        "mark",
        "categories",
        "annotations",
    ];
    /// [`super::Source`].
    pub const SOURCE: &[&str] = &["name", "url", "date", "file", "table"];
    /// [`super::Period`].
    pub const PERIOD: &[&str] = &["label", "name", "break"];
    /// [`super::Series`].
    pub const SERIES: &[&str] = &["name", "values"];
    /// [`super::Category`].
    pub const CATEGORY: &[&str] = &["label", "period", "recorded", "detected", "rate"];
    /// [`super::Annotation`].
    pub const ANNOTATION: &[&str] = &["text", "period", "to", "series", "category"];
    /// [`super::Figure`] in its object form.
    pub const FIGURE: &[&str] = &[
        "value",
        "approximate",
        "published",
        "quote",
        "source",
        "missing",
        "status",
        "cell",
    ];
}

/// A chart spec as written by a journalist or shipped in `data/`.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// Format version; only `1` exists.
    pub version: u32,
    /// Which chart to draw.
    pub kind: Kind,
    /// Headline above the chart.
    pub title: String,
    /// Line under the title, giving the unit and the period.
    pub subtitle: Option<String>,
    /// What a trend counts, plural (`"offences"`); shown in tooltips and the data table.
    pub unit: Option<String>,
    /// Where the figures come from; figures point into this list by index.
    pub sources: Vec<Source>,
    /// Footnotes shown under the chart, above the source line.
    pub notes: Vec<String>,
    /// The chart's latest correction or update as one line ("Corrected 4 December 2026: …"),
    /// drawn under the chart above the notes: written by `offence-charts publish` into the
    /// versions it serves, never typed.
    pub revision: Option<String>,
    /// `trend` only: the periods along the x axis, oldest first.
    pub periods: Vec<Period>,
    /// `trend` only: one or more series, each with one figure per period.
    pub series: Vec<Series>,
    /// `trend` only: bars or lines; `auto` draws bars up to 24 periods and lines beyond.
    pub mark: Mark,
    /// `rate` only: the categories, each with counts or a published rate.
    pub categories: Vec<Category>,
    /// Notes tied to a period, a range of periods, a figure or a category, drawn with a numbered
    /// marker on the chart.
    pub annotations: Vec<Annotation>,
}

impl Spec {
    /// The index of the period labelled `label` (labels compared trimmed).
    pub fn period_index(&self, label: &str) -> Option<usize> {
        self.periods
            .iter()
            .position(|p| p.label.trim() == label.trim())
    }

    /// The first and last period (indexes, first ≤ last) that annotation `a` marks; `None` for a
    /// rate chart's annotation or a label no period has.
    pub fn annotated_periods(&self, a: &Annotation) -> Option<(usize, usize)> {
        let from = self.period_index(a.period.as_deref()?)?;
        let to =
            a.to.as_deref()
                .and_then(|t| self.period_index(t))
                .unwrap_or(from);
        Some((from, to.max(from)))
    }
}

/// A note tied to part of the chart: "#GetHelpOrGetCaught campaign launched" at a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// The note.
    pub text: String,
    /// `trend`: the label of the period it marks, or the first of a range.
    pub period: Option<String>,
    /// `trend`: the label of the last period of a range.
    pub to: Option<String>,
    /// `trend`: the series (index) whose figure at `period` it marks; all series if left out.
    pub series: Option<usize>,
    /// `rate`: the category (index) it marks.
    pub category: Option<usize>,
}

/// The two kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Counts over periods.
    Trend,
    /// Detection rates per category.
    Rate,
}

/// How a trend is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mark {
    /// Bars for up to 24 periods, lines beyond.
    #[default]
    Auto,
    /// Vertical bars, grouped when there are several series.
    Bar,
    /// One line per series.
    Line,
}

/// A publication the figures come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Who published it, e.g. `"Police Scotland"`.
    pub name: String,
    /// Where to read it; `http` or `https` only.
    pub url: Option<String>,
    /// When it was published, as text (`"April 2020"`).
    pub date: Option<String>,
    /// The spreadsheet or CSV file the figures were read from (`"tables-2023-24.xlsx"`).
    pub file: Option<String>,
    /// The table's own title in that file (`"Table 4: Crimes recorded, 2014-15 to 2023-24"`).
    pub table: Option<String>,
}

/// One period on a trend's x axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    /// Short label under the axis (`"2018/19"`).
    pub label: String,
    /// Full name for tooltips, summaries and the table (`"April 2018–February 2019"`).
    pub name: Option<String>,
    /// A break in series before this period (the figures before it are not comparable with it
    /// and after): why, in a note (`"Counting rules changed in April 2013"`). JSON `"break"`.
    pub brk: Option<String>,
}

impl Period {
    /// The full name, or the label where there is none.
    pub fn full_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.label)
    }
}

/// A named run of figures, one per period.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Series name for the legend and direct labels.
    pub name: String,
    /// One figure per period, in the order of `periods`.
    pub values: Vec<Figure>,
}

/// A rate-chart category: counts, a published rate, or both.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    /// What was counted (`"Grooming"`).
    pub label: String,
    /// The period the figures cover.
    pub period: Option<String>,
    /// Offences recorded.
    pub recorded: Option<Figure>,
    /// Offences detected (a suspect identified and charged), at most `recorded`.
    pub detected: Option<Figure>,
    /// Detection rate in per cent as published; drawn only when the counts cannot give it.
    pub rate: Option<Figure>,
}

impl Category {
    /// The figures given: recorded, detected and rate, in that order.
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        [&self.recorded, &self.detected, &self.rate]
            .into_iter()
            .flatten()
    }

    /// Whether a figure given is missing: the category's rate is then "n/a".
    pub fn any_missing(&self) -> bool {
        self.figures().any(|f| f.missing.is_some())
    }
}

/// Why a figure is missing (the statistics offices' `[x]`, `[c]`, `[z]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// `"not-available"` (`[x]`, `..`): not collected or not published.
    NotAvailable,
    /// `"suppressed"` (`[c]`): withheld to protect confidentiality.
    Suppressed,
    /// `"not-applicable"` (`[z]`).
    NotApplicable,
}

impl Missing {
    /// The variants, in the order of [`Missing::NAMES`].
    pub const ALL: [Missing; 3] = [
        Missing::NotAvailable,
        Missing::Suppressed,
        Missing::NotApplicable,
    ];
    /// The JSON names.
    pub const NAMES: [&'static str; 3] = ["not-available", "suppressed", "not-applicable"];
    /// The JSON name: `"not-available"`.
    pub fn name(self) -> &'static str {
        Missing::NAMES
            .get(self as usize)
            .copied()
            .unwrap_or_default()
    }
    /// Words for a reader: "not available".
    pub fn words(self) -> &'static str {
        match self {
            Missing::NotAvailable => "not available",
            Missing::Suppressed => "suppressed",
            Missing::NotApplicable => "not applicable",
        }
    }
}

/// What the source says about a figure's standing (the statistics offices' `[p]`, `[r]`, `[e]`,
/// `[u]`); drawn as a hollow mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// `"provisional"` (`[p]`): may change.
    Provisional,
    /// `"revised"` (`[r]`): changed since first published.
    Revised,
    /// `"estimated"` (`[e]`).
    Estimated,
    /// `"low-reliability"` (`[u]`).
    LowReliability,
}

impl Status {
    /// The variants, in the order of [`Status::NAMES`].
    pub const ALL: [Status; 4] = [
        Status::Provisional,
        Status::Revised,
        Status::Estimated,
        Status::LowReliability,
    ];
    /// The JSON names.
    pub const NAMES: [&'static str; 4] = ["provisional", "revised", "estimated", "low-reliability"];
    /// The JSON name: `"provisional"`.
    pub fn name(self) -> &'static str {
        Status::NAMES
            .get(self as usize)
            .copied()
            .unwrap_or_default()
    }
    /// Words for a reader: "provisional".
    pub fn words(self) -> &'static str {
        match self {
            Status::Provisional => "provisional",
            Status::Revised => "revised",
            Status::Estimated => "estimated",
            Status::LowReliability => "of low reliability",
        }
    }
}

/// One number with what is known about it. In JSON either a bare number, `null` (missing, not
/// available) or an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The number; 0 when the figure is [`Figure::missing`].
    pub value: f64,
    /// The source gives it only roughly ("nearly 1600").
    pub approximate: bool,
    /// The source's own wording of the number ("nearly 1600", "90 per cent").
    pub published: Option<String>,
    /// The sentence of the source the figure comes from.
    pub quote: Option<String>,
    /// Index into `sources`; the first source when absent.
    pub source: usize,
    /// The figure is missing, and why: no value, no mark drawn, "n/a" on the chart.
    pub missing: Option<Missing>,
    /// Provisional, revised, estimated or of low reliability.
    pub status: Option<Status>,
    /// The spreadsheet cell it was read from, `"Table 4!C12"` (file and table in its source).
    pub cell: Option<String>,
}

impl Figure {
    /// An exact figure with nothing else known, from source 0.
    pub fn exact(value: f64) -> Self {
        Figure {
            value,
            approximate: false,
            published: None,
            quote: None,
            source: 0,
            missing: None,
            status: None,
            cell: None,
        }
    }

    /// The value, unless the figure is missing.
    pub fn known(&self) -> Option<f64> {
        match self.missing {
            None => Some(self.value),
            Some(_) => None,
        }
    }

    /// The source's own wording of the figure (`"nearly 1600"`), trimmed; `None` if it gave none
    /// or only blanks.
    pub fn wording(&self) -> Option<&str> {
        self.published
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }
}
