//! `structured_to_json IN_DIR OUT_DIR [--max-bytes N] [--prune]`: writes the spec text that each
//! `structured` corpus entry in IN_DIR generates to OUT_DIR (same file name plus `.json`), so that
//! the main crate's plain `cargo test` (tests/fuzz_regressions.rs) can replay them without
//! `arbitrary`. The u64 seed that the target also draws is written beside it as `NAME.seed`
//! (8 bytes, little-endian). With `--max-bytes N`, specs longer than N bytes are not written;
//! with `--prune` as well, their inputs are deleted from IN_DIR (to keep the committed corpus small).
//! OUT_DIR `-` writes nothing (for pruning only).

use arbitrary::{Arbitrary, Unstructured};
use offence_charts_fuzz::structured::GenSpec;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: structured_to_json IN_DIR OUT_DIR|- [--max-bytes N] [--prune]");
        std::process::exit(2);
    };
    let max = args.iter().position(|a| a == "--max-bytes").and_then(|i| args.get(i + 1)).and_then(|n| n.parse::<usize>().ok()).unwrap_or(usize::MAX);
    let prune = args.iter().any(|a| a == "--prune");
    let write = output != "-";
    if write {
        std::fs::create_dir_all(output).expect("create OUT_DIR");
    }
    let (mut written, mut pruned) = (0, 0);
    let mut entries: Vec<_> = std::fs::read_dir(input).expect("read IN_DIR").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let Ok(bytes) = std::fs::read(&path) else { continue };
        // As libfuzzer-sys does for `fuzz_target!(|x: T| …)`: take_rest of the whole input.
        let Ok((spec, seed)) = <(GenSpec, u64)>::arbitrary_take_rest(Unstructured::new(&bytes)) else { continue };
        let text = spec.to_json();
        if text.len() > max {
            if prune && std::fs::remove_file(&path).is_ok() {
                pruned += 1;
            }
            continue;
        }
        if write {
            let name = path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            std::fs::write(format!("{output}/{name}.json"), text).expect("write json");
            std::fs::write(format!("{output}/{name}.seed"), seed.to_le_bytes()).expect("write seed");
            written += 1;
        }
    }
    println!("{written} specs written to {output}; {pruned} inputs over {max} bytes pruned from {input}");
}
