#![cfg(not(target_arch = "wasm32"))]
//! Plain `cargo test` replay of the fuzzing campaign (fuzz/README.md): every seed, every input of
//! the minimised corpora, and every crashing or interesting input found, through the very same
//! harness the fuzz targets run (`fuzz/src/exercise.rs`: parse → validate → layout at 16 widths →
//! summary, table, every tip → hit-testing → drawing on a no-op backend and to SVG → `to_svg`).
//!
//! - `fuzz/seeds/`: the shipped specs (`data/*.json`) and the examples of `docs/spec.md`.
//! - `fuzz/corpus/spec_text/`: the `spec_text` target's minimised corpus (raw bytes).
//! - `fuzz/corpus/structured-json/`: what each input of the `structured` corpus generates (the
//!   `structured` corpus itself is `arbitrary` bytes that only the fuzz crate can decode;
//!   `fuzz/examples/structured_to_json.rs` writes these), with the seed the target drew beside it.
//! - `fuzz/regressions/`: inputs found by the campaign, each with its own test below.

#[path = "../fuzz/src/exercise.rs"]
mod exercise;

use exercise::Outcome;
use std::path::{Path, PathBuf};

fn dir(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The files of `rel`, sorted; an empty list if the folder is missing.
fn files(rel: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir(rel))
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Runs `each` over `items` on two threads (the corpus is large for a debug build), naming the
/// input that panicked.
fn replay<T: Sync>(
    items: &[T],
    each: impl Fn(&T) -> Outcome + Sync,
    name: impl Fn(&T) -> String + Sync,
) -> Vec<Outcome> {
    let half = items.len().div_ceil(2).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(half)
            .map(|chunk| {
                let (each, name) = (&each, &name);
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|item| {
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| each(item)))
                                .unwrap_or_else(|_| {
                                    panic!(
                                        "replaying {} panicked (see the message above)",
                                        name(item)
                                    )
                                })
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

fn replay_dir(rel: &str) -> Vec<Outcome> {
    let paths = files(rel);
    replay(
        &paths,
        |p| exercise::bytes(&std::fs::read(p).expect("corpus file reads")),
        |p| p.display().to_string(),
    )
}

#[test]
fn seeds_replay_and_all_draw() {
    let outcomes = replay_dir("fuzz/seeds");
    assert!(outcomes.len() >= 4, "seeds present: {}", outcomes.len());
    // data/*.json and the two full examples of docs/spec.md are valid charts.
    let drawn = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Drawn { .. }))
        .count();
    assert!(drawn >= 4, "{outcomes:?}");
}

#[test]
fn spec_text_corpus_replays_without_panic() {
    let outcomes = replay_dir("fuzz/corpus/spec_text");
    assert!(
        outcomes.len() >= 100,
        "the committed spec_text corpus is there: {} inputs",
        outcomes.len()
    );
    assert!(
        outcomes.iter().any(|o| matches!(o, Outcome::Drawn { .. })),
        "some corpus inputs are valid charts"
    );
    assert!(
        outcomes.iter().any(|o| matches!(o, Outcome::Refused(_))),
        "some are refused"
    );
}

#[test]
fn structured_corpus_replays_without_panic() {
    let specs: Vec<PathBuf> = files("fuzz/corpus/structured-json")
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    let outcomes = replay(
        &specs,
        |p| {
            let text = std::fs::read_to_string(p).expect("generated spec is UTF-8");
            let seed = std::fs::read(p.with_extension("seed")).unwrap_or_default();
            exercise::text(&text, &seed)
        },
        |p| p.display().to_string(),
    );
    assert!(
        outcomes.len() >= 100,
        "the committed structured corpus is there: {} specs",
        outcomes.len()
    );
    let drawn = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Drawn { .. }))
        .count();
    assert!(
        drawn * 4 >= outcomes.len(),
        "structured specs are mostly valid: {drawn} of {}",
        outcomes.len()
    );
}

/// Every file in fuzz/regressions/ goes through the harness (the named tests below say more).
#[test]
fn every_regression_input_replays_without_panic() {
    // (`.bin` files are `structured` target inputs, kept for `cargo fuzz run`; their spec is the
    // `.json` of the same name.)
    let paths: Vec<PathBuf> = files("fuzz/regressions")
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    replay(
        &paths,
        |p| exercise::bytes(&std::fs::read(p).expect("reads")),
        |p| p.display().to_string(),
    );
}

fn regression(name: &str) -> Outcome {
    exercise::bytes(
        &std::fs::read(dir("fuzz/regressions").join(name)).expect("regression input exists"),
    )
}

/// Interesting (not a panic): a 120-character period label on a two-period trend runs off a
/// phone-width chart (see tests/hostile_inputs.rs, near_size_cap_label_…); the harness draws it.
#[test]
fn long_period_label_on_a_phone_draws() {
    assert!(matches!(
        regression("long-period-label-phone.json"),
        Outcome::Drawn { marks: 2, .. }
    ));
}

/// PANIC found by `spec_text` (2026-11-23, after the reader was rewritten, though the bug was in
/// `scale::Scale::from_zero`): three subnormal figures (5e-324, 5e-324, 5e-323) made the tick
/// step's power of ten underflow, and the scale asked for `usize::MAX` ticks ("capacity overflow"
/// in `Vec::from_iter`, src/scale.rs). In the browser that panic is a trap. Now: even steps.
#[test]
fn subnormal_figures_draw() {
    assert!(matches!(
        regression("subnormal-figures-scale.json"),
        Outcome::Drawn { marks: 3, .. }
    ));
}

/// Interesting (not a panic): NaN pointer coordinates on a line chart's columns.
#[test]
fn line_chart_hit_with_nan_does_not_panic() {
    assert!(matches!(
        regression("line-chart-100-periods.json"),
        Outcome::Drawn { marks: 100, .. }
    ));
}

/// Interesting: 100 000-deep brackets as the whole spec, balanced or not, built here rather than
/// stored (200 KB). Reading stops at the 33rd bracket (`json::MAX_DEPTH`), with no stack overflow;
/// the unbalanced one used to get serde's "wrong type: sequence, expected u32".
#[test]
fn deep_brackets_are_refused() {
    let too_deep =
        "spec: arrays and objects are nested more than 32 deep; a spec needs 5 at line 1 column 33";
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        exercise::bytes(deep.as_bytes()),
        Outcome::Refused(too_deep.into())
    );
    let open = "[".repeat(100_000);
    assert_eq!(
        exercise::bytes(open.as_bytes()),
        Outcome::Refused(too_deep.into())
    );
}

/// CRASH (abort, not a panic) found by the `structured` target: `render::svg_to_png` of a card made
/// by `render::to_svg_sized(chart, w, Some(1e9), …)` asks tiny-skia for a `w × 1e9 × 4`-byte
/// pixmap; the allocation fails and the process aborts ("memory allocation of 2560000000000 bytes
/// failed", SIGABRT, from `tiny_skia::Pixmap::new` at src/render.rs:47). Any valid chart does;
/// reachable from the native CLI as `offence-charts render SPEC out.png --height 1e9`. Not in the
/// wasm build. An abort cannot be caught in-process, so this runs the CLI as a child process.
#[test]
fn png_of_a_1e9_px_tall_card_is_refused_not_an_abort() {
    let out = std::env::temp_dir().join("offence-charts-fuzz-tall-card.png");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_offence-charts"))
        .arg("render")
        .arg(dir("fuzz/regressions/png-tall-card.json"))
        .arg(&out)
        .args(["--height", "1e9", "--scale", "1"])
        .output()
        .expect("the CLI runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        run.status.code(),
        Some(1),
        "an error exit, not a signal: {:?}\n{stderr}",
        run.status
    );
    assert!(stderr.contains("too large"), "{stderr}");
}
