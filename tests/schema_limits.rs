//! `docs/spec.schema.json` against the crate's limits (`spec::limits`): the schema's numbers are
//! typed by hand, so each is checked here against the one home of that limit. Change a limit in
//! `src/spec/limits.rs` and this fails until the schema says the same.
#![cfg(not(target_arch = "wasm32"))]

use offence_charts::limits::*;
use serde_json::Value;

#[test]
fn every_limit_in_the_schema_is_the_crates() {
    let schema: Value = serde_json::from_str(include_str!("../docs/spec.schema.json")).unwrap();
    let text = MAX_TEXT_CHARS as f64;
    let label = MAX_LABEL_CHARS as f64;
    let expected: Vec<(&str, f64)> = vec![
        ("/properties/title/maxLength", MAX_TITLE_CHARS as f64),
        ("/properties/subtitle/maxLength", text),
        ("/properties/unit/maxLength", label),
        ("/properties/sources/maxItems", MAX_SOURCES as f64),
        ("/properties/notes/maxItems", MAX_NOTES as f64),
        ("/properties/notes/items/maxLength", text),
        ("/properties/revision/maxLength", MAX_REVISION_CHARS as f64),
        ("/properties/periods/maxItems", MAX_PERIODS as f64),
        ("/properties/series/maxItems", MAX_SERIES as f64),
        ("/properties/categories/maxItems", MAX_CATEGORIES as f64),
        ("/properties/annotations/maxItems", MAX_ANNOTATIONS as f64),
        ("/$defs/annotation/properties/text/maxLength", text),
        ("/$defs/annotation/properties/period/maxLength", label),
        ("/$defs/annotation/properties/to/maxLength", label),
        ("/$defs/source/properties/name/maxLength", text),
        (
            "/$defs/source/properties/url/maxLength",
            MAX_URL_CHARS as f64,
        ),
        ("/$defs/source/properties/date/maxLength", label),
        ("/$defs/period/properties/label/maxLength", label),
        ("/$defs/period/properties/name/maxLength", label),
        ("/$defs/series/properties/name/maxLength", label),
        (
            "/$defs/series/properties/values/maxItems",
            MAX_POINTS as f64,
        ),
        ("/$defs/figure/oneOf/0/maximum", MAX_VALUE),
        ("/$defs/figure/oneOf/2/properties/value/maximum", MAX_VALUE),
        (
            "/$defs/figure/oneOf/2/properties/published/maxLength",
            label,
        ),
        ("/$defs/figure/oneOf/2/properties/quote/maxLength", text),
        (
            "/$defs/figure/oneOf/2/properties/source/maximum",
            (MAX_SOURCES - 1) as f64,
        ),
        ("/$defs/figure/oneOf/2/properties/cell/maxLength", label),
        ("/$defs/source/properties/file/maxLength", label),
        ("/$defs/source/properties/table/maxLength", text),
        ("/$defs/period/properties/break/anyOf/1/maxLength", text),
        ("/$defs/category/properties/label/maxLength", label),
        ("/$defs/category/properties/period/maxLength", label),
    ];
    for (pointer, want) in expected {
        let got = schema.pointer(pointer).and_then(Value::as_f64);
        assert_eq!(got, Some(want), "docs/spec.schema.json {pointer}");
    }
}
