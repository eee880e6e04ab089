//! The builder's own wasm (cargo feature `builder`): the release layer read in the browser as it
//! is natively. The corpus of real releases (`tests/fixtures/releases/`, embedded) gives every
//! listed figure and nothing else, as `release_figures.rs` checks natively; and a headline's
//! claims are checked against a chart's figures.
//!
//! Run: `wasm-pack test --headless --chrome -- --features builder --test builder_wasm`.
#![cfg(all(target_arch = "wasm32", feature = "builder"))]

mod release_corpus;

use offence_charts::find_figures;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_corpus_reads_the_same_in_the_builders_wasm() {
    let releases = release_corpus::corpus();
    assert_eq!(releases.len(), release_corpus::RELEASES.len());
    let mut wrong = Vec::new();
    let (mut marked, mut right) = (0, 0);
    for r in &releases {
        let s = release_corpus::score(r, &find_figures(&r.text));
        marked += s.marked;
        right += s.right;
        wrong.extend(s.wrong);
    }
    console_log!("builder's wasm: {right} of {marked} figures marked are listed");
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[wasm_bindgen_test]
fn a_figure_in_words_and_one_after_a_multibyte_dash() {
    // Byte spans, as natively (the export turns them into JS string indexes).
    let text = "Offences rose — nine in ten were detected, 1,694 in all.";
    let found = find_figures(text);
    let spans: Vec<&str> = found.iter().map(|f| &text[f.span.0..f.span.1]).collect();
    assert_eq!(spans, ["nine in ten", "1,694"]);
    assert_eq!(found[0].value, 90.0);
}
