//! The builder's exports (cargo feature `builder`, built into the builder page's own wasm; the
//! readers' wasm does not carry them): the figures of a press release, and the headline's claims
//! checked against the chart's figures.

use super::exports::ChartView;
use crate::describe::{check_claims as check, Verdict};
use crate::release::find;
use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let out = Object::new();
    for (key, value) in fields {
        super::exports::set(&out, key, value);
    }
    out.into()
}

fn text_or_null(s: Option<&str>) -> JsValue {
    s.map(JsValue::from_str).unwrap_or(JsValue::NULL)
}

/// The UTF-16 offset (a JS string index) of byte offset `byte` of `text`.
fn utf16_at(text: &str, byte: usize) -> f64 {
    let head = text.get(..byte).unwrap_or(text);
    head.encode_utf16().count() as f64
}

/// Every figure in the release `text`, in reading order: `[{text, value, kind, unit, range,
/// hedge, bound, start, end, sentence, period, group}]`. `kind` is `"count"`, `"percent"`,
/// `"money"`, `"change"` or `"duration"`; `unit` what a change or duration is in (`"per cent"`,
/// `"percentage points"`, `"seconds"`, …) or `null`; `range` `[low, high]` for "between 10 and
/// 20 per cent" (`value` is its middle) or `null`; `bound` `"exact"`, `"approximate"`,
/// `"atLeast"` or `"atMost"`; `start` and `end` are JS string indexes of `text`
/// (`text.slice(start, end)` is the figure as written); `hedge`, `period` and `group` (the index
/// of the first figure of its group) may be `null`.
#[wasm_bindgen(js_name = findFigures)]
pub fn find_figures(text: &str) -> Array {
    find(text)
        .into_iter()
        .map(|f| {
            let range = match f.range {
                Some((low, high)) => {
                    Array::of2(&JsValue::from_f64(low), &JsValue::from_f64(high)).into()
                }
                None => JsValue::NULL,
            };
            object(&[
                ("text", JsValue::from_str(&f.text)),
                ("value", JsValue::from_f64(f.value)),
                ("kind", JsValue::from_str(f.kind.name())),
                ("unit", text_or_null(f.unit.name())),
                ("range", range),
                ("hedge", text_or_null(f.hedge.as_deref())),
                ("bound", JsValue::from_str(f.bound.name())),
                ("start", JsValue::from_f64(utf16_at(text, f.span.0))),
                ("end", JsValue::from_f64(utf16_at(text, f.span.1))),
                ("sentence", JsValue::from_str(&f.sentence)),
                ("period", text_or_null(f.period.as_deref())),
                (
                    "group",
                    f.group
                        .map(|g| JsValue::from_f64(g as f64))
                        .unwrap_or(JsValue::NULL),
                ),
            ])
        })
        .collect()
}

#[wasm_bindgen]
impl ChartView {
    /// The claims of the chart's title and subtitle, checked against its figures: `[{field,
    /// words, figures, verdict}]`, `field` `"title"` or `"subtitle"`, `verdict` `"holds"` or
    /// `"contradicted"`.
    pub fn claims(&self) -> Array {
        check(self.chart.spec())
            .into_iter()
            .map(|c| {
                let verdict = match c.verdict {
                    Verdict::Holds => "holds",
                    Verdict::Contradicted => "contradicted",
                };
                object(&[
                    ("field", JsValue::from_str(c.field)),
                    ("words", JsValue::from_str(&c.words)),
                    ("figures", JsValue::from_str(&c.figures)),
                    ("verdict", JsValue::from_str(verdict)),
                ])
            })
            .collect()
    }
}
