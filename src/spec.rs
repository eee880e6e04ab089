//! The chart spec (version 1): a plain serde model of the JSON documented in `docs/spec.md`.
//!
//! Deserialising only checks shapes and types; [`crate::validate`] checks every rule on values.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// Field names of each object in a spec, for checking inputs whose deserializer cannot see unknown
/// fields (serde-wasm-bindgen reads only the declared ones). Kept equal to the structs below by a test.
pub mod fields {
    /// [`super::Spec`].
    pub const SPEC: &[&str] = &["version", "kind", "title", "subtitle", "unit", "sources", "notes", "periods", "series", "mark", "categories"];
    /// [`super::Source`].
    pub const SOURCE: &[&str] = &["name", "url", "date"];
    /// [`super::Period`].
    pub const PERIOD: &[&str] = &["label", "name"];
    /// [`super::Series`].
    pub const SERIES: &[&str] = &["name", "values"];
    /// [`super::Category`].
    pub const CATEGORY: &[&str] = &["label", "period", "recorded", "detected", "rate"];
    /// [`super::Figure`] in its object form.
    pub const FIGURE: &[&str] = &["value", "approximate", "published", "quote", "source"];
}

/// A chart spec as written by a journalist or shipped in `data/`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Spec {
    /// Format version; only `1` exists.
    pub version: u32,
    /// Which chart to draw.
    pub kind: Kind,
    /// Headline above the chart.
    pub title: String,
    /// Line under the title, giving the unit and the period.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// What a trend counts, plural (`"offences"`); shown in tooltips and the data table.
    #[serde(default)]
    pub unit: Option<String>,
    /// Where the figures come from; figures point into this list by index.
    pub sources: Vec<Source>,
    /// Footnotes shown under the chart, above the source line.
    #[serde(default)]
    pub notes: Vec<String>,
    /// `trend` only: the periods along the x axis, oldest first.
    #[serde(default)]
    pub periods: Vec<Period>,
    /// `trend` only: one or more series, each with one figure per period.
    #[serde(default)]
    pub series: Vec<Series>,
    /// `trend` only: bars or lines; `auto` draws bars up to 24 periods and lines beyond.
    #[serde(default)]
    pub mark: Mark,
    /// `rate` only: the categories, each with counts or a published rate.
    #[serde(default)]
    pub categories: Vec<Category>,
}

/// The two kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    /// Counts over periods.
    Trend,
    /// Detection rates per category.
    Rate,
}

/// How a trend is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    /// Who published it, e.g. `"Police Scotland"`.
    pub name: String,
    /// Where to read it; `http` or `https` only.
    #[serde(default)]
    pub url: Option<String>,
    /// When it was published, as text (`"April 2020"`).
    #[serde(default)]
    pub date: Option<String>,
}

/// One period on a trend's x axis.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Period {
    /// Short label under the axis (`"2018/19"`).
    pub label: String,
    /// Full name for tooltips, summaries and the table (`"April 2018–February 2019"`).
    #[serde(default)]
    pub name: Option<String>,
}

impl Period {
    /// The full name, or the label where there is none.
    pub fn full_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.label)
    }
}

/// A named run of figures, one per period.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Series {
    /// Series name for the legend and direct labels.
    pub name: String,
    /// One figure per period, in the order of `periods`.
    pub values: Vec<Figure>,
}

/// A rate-chart category: counts, a published rate, or both.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Category {
    /// What was counted (`"Grooming"`).
    pub label: String,
    /// The period the figures cover.
    #[serde(default)]
    pub period: Option<String>,
    /// Offences recorded.
    #[serde(default)]
    pub recorded: Option<Figure>,
    /// Offences detected (a suspect identified and charged), at most `recorded`.
    #[serde(default)]
    pub detected: Option<Figure>,
    /// Detection rate in per cent as published; drawn only when the counts cannot give it.
    #[serde(default)]
    pub rate: Option<Figure>,
}

/// One number with what is known about it. In JSON either a bare number or an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The number.
    pub value: f64,
    /// The source gives it only roughly ("nearly 1600").
    pub approximate: bool,
    /// The source's own wording of the number ("nearly 1600", "90 per cent").
    pub published: Option<String>,
    /// The sentence of the source the figure comes from.
    pub quote: Option<String>,
    /// Index into `sources`; the first source when absent.
    pub source: usize,
}

impl Figure {
    /// An exact figure with nothing else known, from source 0.
    pub fn exact(value: f64) -> Self {
        Figure { value, approximate: false, published: None, quote: None, source: 0 }
    }
}

/// The object form of a figure; private so that [`Figure`] can also be a bare number.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FigureObject {
    value: f64,
    #[serde(default)]
    approximate: bool,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    quote: Option<String>,
    #[serde(default)]
    source: usize,
}

struct FigureVisitor;

impl<'de> Visitor<'de> for FigureVisitor {
    type Value = Figure;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number or an object with a \"value\"")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Figure, E> {
        Ok(Figure::exact(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Figure, E> {
        Ok(Figure::exact(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Figure, E> {
        Ok(Figure::exact(v as f64))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Figure, A::Error> {
        let o = FigureObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Figure {
            value: o.value,
            approximate: o.approximate,
            published: o.published,
            quote: o.quote,
            source: o.source,
        })
    }
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FigureVisitor)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// serde's own error for an unknown field lists the declared ones: they must equal `fields`.
    fn declared<T: for<'de> Deserialize<'de> + std::fmt::Debug>(json: &str) -> Vec<String> {
        let e = serde_json::from_str::<T>(json).unwrap_err().to_string();
        // "expected one of `a`, `b`, `c`" or, for two fields, "expected `a` or `b`".
        let list = e.split("expected ").nth(1).unwrap_or_else(|| panic!("{e}"));
        let list = list.split(" at line").next().unwrap_or("").trim_start_matches("one of ");
        list.split(", ").flat_map(|f| f.split(" or ")).map(|f| f.trim_matches('`').to_owned()).collect()
    }

    #[test]
    fn field_lists_match_the_structs() {
        let sorted = |v: &[&str]| {
            let mut v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
            v.sort();
            v
        };
        let check = |got: Vec<String>, want: &[&str]| {
            let mut got = got;
            got.sort();
            assert_eq!(got, sorted(want));
        };
        check(declared::<Spec>(r#"{"zzz":1}"#), fields::SPEC);
        check(declared::<Source>(r#"{"zzz":1}"#), fields::SOURCE);
        check(declared::<Period>(r#"{"zzz":1}"#), fields::PERIOD);
        check(declared::<Series>(r#"{"zzz":1}"#), fields::SERIES);
        check(declared::<Category>(r#"{"zzz":1}"#), fields::CATEGORY);
        check(declared::<Figure>(r#"{"zzz":1}"#), fields::FIGURE);
    }
}
