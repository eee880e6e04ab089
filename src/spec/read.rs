//! Reading a [`Json`] value into a [`Spec`]: shapes and types only, each problem named by its path
//! (`series[0].values[1]`). [`crate::spec::rules`] then checks the rules on values.
//!
//! Written out per struct instead of derived: serde's derives with path tracking were most of the
//! wasm's size, and this gives the same messages in the browser and natively.

use crate::spec::ChartError;
use crate::spec::Json;
use crate::spec::{cut, At};
use crate::spec::{
    fields, Annotation, Category, Figure, Kind, Mark, Missing, Period, Series, Source, Spec, Status,
};

type Read<T> = Result<T, ChartError>;

/// Reads a whole spec, taking the value apart: strings move into the spec rather than being
/// copied, and each part of the value is freed as soon as it has been read.
pub fn spec(v: Json) -> Read<Spec> {
    let Json::Object(_) = v else {
        return Err(ChartError::spec("", "must be a JSON object ({ … })"));
    };
    let mut o = object(v, &At::Root, fields::SPEC, "")?;
    let (v, at) = o.required("version")?;
    let version = version(&v, &at)?;
    let (v, at) = o.required("kind")?;
    let kind = match variant(&v, &at, &["trend", "rate"])? {
        0 => Kind::Trend,
        _ => Kind::Rate,
    };
    // Fields are read, and problems reported, in the order of the model.
    let title = o.string("title")?;
    let subtitle = o.nullable_string("subtitle")?;
    let unit = o.nullable_string("unit")?;
    let (v, at) = o.required("sources")?;
    let sources = list(v, &at, source)?;
    let notes = o.list("notes", string)?;
    let revision = o.nullable_string("revision")?;
    let periods = o.list("periods", period)?;
    let series = o.list("series", series)?;
    let mark = match o.optional("mark") {
        Some((v, at)) => match variant(&v, &at, &["auto", "bar", "line"])? {
            1 => Mark::Bar,
            2 => Mark::Line,
            _ => Mark::Auto,
        },
        None => Mark::Auto,
    };
    let categories = o.list("categories", category)?;
    let annotations = o.list("annotations", annotation)?;
    Ok(Spec {
        version,
        kind,
        title,
        subtitle,
        unit,
        sources,
        notes,
        revision,
        periods,
        series,
        mark,
        categories,
        annotations,
    })
}

fn annotation(v: Json, at: &At) -> Read<Annotation> {
    let mut o = object(v, at, fields::ANNOTATION, "an object with a \"text\"")?;
    let text = o.string("text")?;
    let period = o.nullable_string("period")?;
    let to = o.nullable_string("to")?;
    let series = o.index("series", "a series in `series`")?;
    let category = o.index("category", "a category in `categories`")?;
    Ok(Annotation {
        text,
        period,
        to,
        series,
        category,
    })
}

fn source(v: Json, at: &At) -> Read<Source> {
    let mut o = object(v, at, fields::SOURCE, "an object with a \"name\"")?;
    Ok(Source {
        name: o.string("name")?,
        url: o.nullable_string("url")?,
        date: o.nullable_string("date")?,
        file: o.nullable_string("file")?,
        table: o.nullable_string("table")?,
    })
}

fn period(v: Json, at: &At) -> Read<Period> {
    let mut o = object(v, at, fields::PERIOD, "an object with a \"label\"")?;
    Ok(Period {
        label: o.string("label")?,
        name: o.nullable_string("name")?,
        brk: o.nullable_string("break")?,
    })
}

fn series(v: Json, at: &At) -> Read<Series> {
    let mut o = object(
        v,
        at,
        fields::SERIES,
        "an object with a \"name\" and \"values\"",
    )?;
    let name = o.string("name")?;
    let (v, at) = o.required("values")?;
    Ok(Series {
        name,
        values: list(v, &at, figure)?,
    })
}

fn category(v: Json, at: &At) -> Read<Category> {
    let mut o = object(v, at, fields::CATEGORY, "an object with a \"label\"")?;
    Ok(Category {
        label: o.string("label")?,
        period: o.nullable_string("period")?,
        recorded: o.nullable_figure("recorded")?,
        detected: o.nullable_figure("detected")?,
        rate: o.nullable_figure("rate")?,
    })
}

const FIGURE: &str = "a number, null or an object with a \"value\" or \"missing\"";

fn figure(v: Json, at: &At) -> Read<Figure> {
    match v {
        Json::Number(n) => return Ok(Figure::exact(n)),
        Json::Null => {
            return Ok(Figure {
                missing: Some(Missing::NotAvailable),
                ..Figure::exact(0.0)
            })
        }
        _ => {}
    }
    let mut o = object(v, at, fields::FIGURE, FIGURE)?;
    let missing = match o.optional("missing") {
        Some((v, at)) => Missing::ALL
            .get(variant(&v, &at, &Missing::NAMES)?)
            .copied(),
        None => None,
    };
    // A missing figure has no value; any other has one.
    let value = match (o.optional("value"), missing) {
        (Some((Json::Number(n), _)), None) => n,
        (None, Some(_)) => 0.0,
        (Some((_, at)), Some(_)) => {
            return Err(ChartError::spec(
                at.text(),
                "must be left out: the figure is `missing`",
            ))
        }
        (Some((v, at)), None) => return Err(wrong(&v, &at, "a number")),
        (None, None) => {
            return Err(ChartError::spec(
                o.at.text(),
                "missing required field `value` (or `missing`, saying why there is none)",
            ))
        }
    };
    let approximate = match o.optional("approximate") {
        Some((Json::Bool(b), _)) => b,
        Some((v, at)) => return Err(wrong(&v, &at, "true or false")),
        None => false,
    };
    let source = o.index("source", "a source in `sources`")?.unwrap_or(0);
    let status = match o.optional("status") {
        Some((v, at)) => Status::ALL.get(variant(&v, &at, &Status::NAMES)?).copied(),
        None => None,
    };
    Ok(Figure {
        value,
        approximate,
        published: o.nullable_string("published")?,
        quote: o.nullable_string("quote")?,
        source,
        missing,
        status,
        cell: o.nullable_string("cell")?,
    })
}

/// The fields of one object, checked for unknown and duplicate keys, taken out one by one.
struct Object<'a> {
    entries: Vec<(String, Json)>,
    at: &'a At<'a>,
}

/// `v` as an object with only `allowed` keys, each at most once; `what` words the expected type.
fn object<'a>(v: Json, at: &'a At<'a>, allowed: &[&str], what: &str) -> Read<Object<'a>> {
    let entries = match v {
        Json::Object(entries) => entries,
        other => return Err(wrong(&other, at, what)),
    };
    let mut seen = vec![false; allowed.len()];
    for (key, _) in &entries {
        match allowed.iter().position(|f| f == key) {
            None => {
                return Err(ChartError::spec(
                    at.field(key).text(),
                    cat!(
                        "unknown field `",
                        cut(key),
                        "`, expected one of ",
                        ticked(allowed, ", ")
                    ),
                ));
            }
            Some(i) => match seen.get_mut(i) {
                Some(true) => {
                    return Err(ChartError::spec(
                        at.text(),
                        cat!("duplicate field `", key, "`"),
                    ))
                }
                Some(s) => *s = true,
                None => {}
            },
        }
    }
    Ok(Object { entries, at })
}

impl<'a> Object<'a> {
    /// A field that may be left out, but not given as `null`: its value and path.
    fn optional(&mut self, key: &'a str) -> Option<(Json, At<'a>)> {
        let (_, v) = self.entries.iter_mut().find(|(k, _)| k == key)?;
        Some((std::mem::replace(v, Json::Null), self.at.field(key)))
    }

    /// A field that must be present: its value and path.
    fn required(&mut self, key: &'a str) -> Read<(Json, At<'a>)> {
        match self.optional(key) {
            Some(found) => Ok(found),
            None => Err(ChartError::spec(
                self.at.text(),
                cat!("missing required field `", key, "`"),
            )),
        }
    }

    /// An index into a list (`of` says which) that may be left out.
    fn index(&mut self, key: &'a str, of: &str) -> Read<Option<usize>> {
        match self.optional(key) {
            Some((v, at)) => index(&v, &at, of).map(Some),
            None => Ok(None),
        }
    }

    /// A required string.
    fn string(&mut self, key: &'a str) -> Read<String> {
        let (v, at) = self.required(key)?;
        string(v, &at)
    }

    /// A string that may be left out or `null`.
    fn nullable_string(&mut self, key: &'a str) -> Read<Option<String>> {
        match self.optional(key) {
            None | Some((Json::Null, _)) => Ok(None),
            Some((v, at)) => string(v, &at).map(Some),
        }
    }

    /// A figure that may be left out or `null`.
    fn nullable_figure(&mut self, key: &'a str) -> Read<Option<Figure>> {
        match self.optional(key) {
            None | Some((Json::Null, _)) => Ok(None),
            Some((v, at)) => figure(v, &at).map(Some),
        }
    }

    /// A list that may be left out (then empty), but not given as `null`.
    fn list<T>(&mut self, key: &'a str, each: fn(Json, &At) -> Read<T>) -> Read<Vec<T>> {
        match self.optional(key) {
            Some((v, at)) => list(v, &at, each),
            None => Ok(Vec::new()),
        }
    }
}

fn wrong(v: &Json, at: &At, expected: &str) -> ChartError {
    ChartError::spec(
        at.text(),
        cat!("wrong type: ", v.kind(), ", expected ", expected),
    )
}

fn list<T>(v: Json, at: &At, each: fn(Json, &At) -> Read<T>) -> Read<Vec<T>> {
    let items = array(v, at)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        out.push(each(item, &at.index(i))?);
    }
    Ok(out)
}

/// `v`'s items if it is an array (the part of [`list`] that is the same for every item type).
fn array(v: Json, at: &At) -> Read<Vec<Json>> {
    match v {
        Json::Array(items) => Ok(items),
        other => Err(wrong(&other, at, "an array")),
    }
}

fn string(v: Json, at: &At) -> Read<String> {
    match v {
        Json::String(s) => Ok(s),
        other => Err(wrong(&other, at, "a string")),
    }
}

fn version(v: &Json, at: &At) -> Read<u32> {
    match v {
        Json::Number(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n) => {
            Ok(*n as u32)
        }
        Json::Number(_) => Err(ChartError::spec(
            at.text(),
            "must be 1 (this build reads version 1 specs)",
        )),
        _ => Err(wrong(v, at, "the number 1")),
    }
}

/// A whole number from 0 that points into a list: `of` says which ("a source in `sources`").
fn index(v: &Json, at: &At, of: &str) -> Read<usize> {
    match v {
        Json::Number(n) if n.fract() == 0.0 && (0.0..=crate::spec::MAX_VALUE).contains(n) => {
            Ok(*n as usize)
        }
        Json::Number(_) => Err(ChartError::spec(
            at.text(),
            cat!("must be a whole number from 0: the index of ", of),
        )),
        _ => Err(wrong(v, at, "a whole number")),
    }
}

/// The index in `options` of the string `v` names.
fn variant(v: &Json, at: &At, options: &[&str]) -> Read<usize> {
    let Json::String(s) = v else {
        return Err(wrong(v, at, "a string"));
    };
    if let Some(i) = options.iter().position(|name| name == s) {
        return Ok(i);
    }
    let expected = match options.len() {
        ..=2 => ticked(options, " or "),
        _ => cat!("one of ", ticked(options, ", ")),
    };
    Err(ChartError::spec(
        at.text(),
        cat!("unknown variant `", cut(s), "`, expected ", expected),
    ))
}

/// `names` in backticks with `sep` between them: "`a`, `b`".
fn ticked(names: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        put!(&mut out; if i == 0 { "" } else { sep }, '`', name, '`');
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Spec, String> {
        spec(serde_json::from_str::<Json>(text).unwrap()).map_err(|e| e.to_string())
    }

    const MIN: &str = r#""version": 1, "kind": "trend", "title": "T", "sources": [{"name": "S"}]"#;

    #[test]
    fn paths_name_the_field() {
        let e = read(&format!(
            r#"{{{MIN}, "periods": [{{"label": "a"}}], "series": [{{"name": "x", "values": [1,
                {{"value": 2, "sauce": 1}}]}}]}}"#
        ));
        assert_eq!(
            e.unwrap_err(),
            "series[0].values[1].sauce: unknown field `sauce`, expected \
            one of `value`, `approximate`, `published`, `quote`, `source`, `missing`, `status`, \
            `cell`"
        );
        let e = read(&format!(r#"{{{MIN}, "periods": [{{"label": 5}}]}}"#));
        assert_eq!(
            e.unwrap_err(),
            "periods[0].label: wrong type: number, expected a string"
        );
    }

    #[test]
    fn null_is_absent_only_where_allowed() {
        let ok = read(&format!(r#"{{{MIN}, "subtitle": null, "unit": null}}"#)).unwrap();
        assert_eq!((ok.subtitle, ok.unit), (None, None));
        assert_eq!(
            read(&format!(r#"{{{MIN}, "notes": null}}"#)).unwrap_err(),
            "notes: wrong type: null, expected an array"
        );
    }

    #[test]
    fn duplicates_missing_fields_and_variants() {
        assert_eq!(
            read(&format!(r#"{{{MIN}, "title": "again"}}"#)).unwrap_err(),
            "spec: duplicate field `title`"
        );
        assert_eq!(
            read(r#"{"version": 1}"#).unwrap_err(),
            "spec: missing required field `kind`"
        );
        assert_eq!(
            read(r#"{"version": 1, "kind": "pie"}"#).unwrap_err(),
            "kind: unknown variant `pie`, expected `trend` or `rate`"
        );
        assert_eq!(
            read(&format!(r#"{{{MIN}, "mark": "pie"}}"#)).unwrap_err(),
            "mark: unknown variant `pie`, expected one of `auto`, `bar`, `line`"
        );
        assert_eq!(
            read(r#"{"version": 1.5}"#).unwrap_err(),
            "version: must be 1 (this build reads version 1 specs)"
        );
        assert_eq!(
            read("[1]").unwrap_err(),
            "spec: must be a JSON object ({ … })"
        );
    }

    #[test]
    fn problems_come_in_the_order_of_the_model() {
        assert_eq!(
            read(r#"{"version": 1, "kind": "trend", "title": null}"#).unwrap_err(),
            "title: wrong type: null, expected a string"
        );
        assert_eq!(
            read(r#"{"version": 1, "kind": "trend", "title": "T", "notes": 1}"#).unwrap_err(),
            "spec: missing required field `sources`"
        );
    }

    #[test]
    fn long_keys_are_cut_in_messages() {
        let key = "k".repeat(2000);
        let e = read(&format!(r#"{{"{key}": 1}}"#)).unwrap_err();
        assert!(e.len() < 400, "{} characters", e.len());
        assert!(
            e.starts_with(&format!(
                "{}…: unknown field `{}…`",
                "k".repeat(60),
                "k".repeat(60)
            )),
            "{e}"
        );
    }
}
