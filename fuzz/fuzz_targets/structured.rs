//! Structurally valid-ish specs from `arbitrary` (see `src/structured.rs`), written as JSON and
//! fed through the same pipeline as `spec_text`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use offence_charts_fuzz::structured::GenSpec;

fuzz_target!(|input: (GenSpec, u64)| {
    offence_charts_fuzz::report_classes_at_exit();
    let (spec, seed) = input;
    let text = spec.to_json();
    let _ = offence_charts_fuzz::exercise::text(&text, &seed.to_le_bytes());
});
