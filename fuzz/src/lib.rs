//! The fuzzing harness of offence-charts: what each input goes through ([`exercise`]) and the
//! structured spec generator ([`structured`]). The fuzz targets in `fuzz_targets/` are thin
//! wrappers around these; `tests/fuzz_regressions.rs` in the main crate replays the corpus through
//! the same [`exercise`] module.

pub mod exercise;
pub mod structured;

/// Prints the per-class execution counts to stderr when the fuzzing process exits (libFuzzer ends
/// a `-max_total_time` run with `exit()`, which runs `atexit` handlers).
pub fn report_classes_at_exit() {
    use std::sync::Once;
    static ONCE: Once = Once::new();
    extern "C" fn print() {
        eprintln!("{}", exercise::class_line());
    }
    extern "C" {
        fn atexit(cb: extern "C" fn()) -> std::os::raw::c_int;
    }
    ONCE.call_once(|| unsafe {
        atexit(print);
    });
}
