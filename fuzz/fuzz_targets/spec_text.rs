//! Arbitrary bytes as spec text: parse → validate → layout at many widths → describe → tips → hit
//! → draw. See `src/exercise.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    offence_charts_fuzz::report_classes_at_exit();
    let _ = offence_charts_fuzz::exercise::bytes(data);
});
