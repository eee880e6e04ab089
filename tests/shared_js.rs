//! `www/shared.js` is the Rust core's values written out for the site's JavaScript: this fails
//! while the checked-in file differs from what the core generates, and rewrites it when run with
//! `UPDATE_SHARED_JS=1`.

#![cfg(not(target_arch = "wasm32"))]

use offence_charts::shared_js::module;
use std::path::Path;

#[test]
fn www_shared_js_is_what_the_core_generates() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/shared.js");
    let want = module();
    if std::env::var_os("UPDATE_SHARED_JS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "www/shared.js is stale: run `UPDATE_SHARED_JS=1 cargo test --test \
        shared_js`\n--- generated:\n{want}"
    );
}

#[test]
fn the_module_carries_the_layout_fonts_and_the_named_charts() {
    let js = module();
    assert!(
        js.contains(
            "export const FONTS = [\n  [\n    \"bold 17px Helvetica, Arial, \
        Liberation Sans, sans-serif\",\n"
        ),
        "{js}"
    );
    assert!(
        js.contains(r#"export const NAMED_CHARTS = ["offence-trend", "detection-rate"];"#),
        "{js}"
    );
    assert!(js.contains(r#"export const PHONE_BELOW = 480;"#), "{js}");
    assert!(
        js.contains("background: \"#ffffff\",\n    text: \"#1a1a1a\""),
        "{js}"
    );
    assert!(js.contains("focus: \"#1d5a8c\""), "{js}");
    assert!(
        js.lines().all(|l| l.chars().count() <= 100),
        "lines of at most 100 characters"
    );
}
