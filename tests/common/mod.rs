//! Fixtures shared by the native test suites: two small valid specs, an editor for them, and
//! helpers that expect a spec to be refused or accepted.
#![allow(dead_code)] // each test crate uses a different part

use offence_charts::Chart;
use serde_json::Value;

/// A minimal valid trend: two periods, one series, on one line with its keys in a fixed order
/// (the positions in serde's messages depend on it).
pub const TREND: &str = concat!(
    r#"{"version":1,"kind":"trend","title":"T","sources":[{"name":"S"}],"#,
    r#""periods":[{"label":"a"},{"label":"b"}],"series":[{"name":"x","values":[1,2]}]}"#
);
/// A minimal valid rate chart: 86 of 98 detected.
pub const RATE: &str = concat!(
    r#"{"version":1,"kind":"rate","title":"T","sources":[{"name":"S"}],"#,
    r#""categories":[{"label":"c","recorded":98,"detected":86}]}"#
);

/// `base` with `edit` applied to its JSON value.
pub fn edited(base: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(base).expect("base spec is JSON");
    edit(&mut v);
    v.to_string()
}

/// The message `text` is refused with; fails the test if it is accepted.
pub fn refused(text: &str) -> String {
    match Chart::from_json(text) {
        Ok(_) => panic!("spec should be refused: {}", &text[..text.len().min(300)]),
        Err(e) => e.to_string(),
    }
}

/// The chart `text` makes; fails the test if it is refused.
pub fn accepted(text: &str) -> Chart {
    Chart::from_json(text).unwrap_or_else(|e| {
        panic!(
            "spec should be accepted, got: {e}\n{}",
            &text[..text.len().min(300)]
        )
    })
}
