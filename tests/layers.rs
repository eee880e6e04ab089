//! The crate's layers (see `src/lib.rs`) as a test: a module may name only modules of its own
//! layer or the layers below it, another layer only through its front (what its `mod.rs`
//! exports, never a path into one of its files), and the modules' imports form no cycle. Reads `src/` as text:
//! every `crate::…` path outside comments counts, `use` lines and inline paths alike.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first.
const LAYERS: [&str; 12] = [
    "text", "release", "spec", "sheet", "describe", "changes", "layout", "chart", "paint", "web",
    "store", "serve",
];

fn rank(layer: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == layer)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/layout/trend.rs` → `layout::trend`; `src/layout/mod.rs` → `layout`; `src/chart.rs` →
/// `chart`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| p != "mod")
        .collect();
    parts.join("::")
}

/// The modules `text` names as `crate::a` or `crate::a::b` (the second part when it is a module
/// of `known`), outside comments.
fn named_modules(text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
        for (i, _) in line.match_indices("crate::") {
            if line[..i].ends_with('$') {
                continue; // `$crate::text::…` in a macro: the text layer, named by its own macros
            }
            let rest = &line[i + "crate::".len()..];
            let segs: Vec<&str> = rest
                .split("::")
                .map(|s| {
                    s.split(|c: char| !c.is_alphanumeric() && c != '_')
                        .next()
                        .unwrap_or("")
                })
                .collect();
            let first = segs[0];
            if first.is_empty() {
                continue;
            }
            let two = format!("{first}::{}", segs.get(1).copied().unwrap_or(""));
            out.insert(if known.contains(&two) {
                two
            } else {
                first.to_owned()
            });
        }
    }
    out
}

#[test]
fn imports_run_only_downwards_and_form_no_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.retain(|f| !f.starts_with(src.join("bin")) && f != &src.join("lib.rs"));
    let known: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut upward = Vec::new();
    let mut past_fronts = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        let layer = module.split("::").next().unwrap().to_owned();
        let own = rank(&layer).unwrap_or_else(|| panic!("{module} is in no layer of {LAYERS:?}"));
        let text = std::fs::read_to_string(file).unwrap();
        for target in named_modules(&text, &known) {
            let target_layer = target.split("::").next().unwrap();
            // Another layer is used through its front (its mod.rs): never a path into its files.
            if target_layer != layer && target.contains("::") {
                past_fronts.push(format!("{module} -> crate::{target}::…"));
            }
            match rank(target_layer) {
                Some(r) if r > own => upward.push(format!("{module} -> {target}")),
                Some(_) => {}
                None => panic!("{module} names crate::{target}, which is in no layer"),
            }
            // A module's own parent folder (`layout` for `layout::trend`) is its namespace.
            if target != module && !module.starts_with(&format!("{target}::")) {
                graph.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports from a lower layer to a higher one: {upward:#?}"
    );
    assert!(
        past_fronts.is_empty(),
        "paths into another layer's files (use what its mod.rs exports): {past_fronts:#?}"
    );
    // Depth-first search for a cycle.
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(n) {
            Some(1) => {
                return Some(
                    path.iter()
                        .skip_while(|p| *p != n)
                        .cloned()
                        .chain([n.to_owned()])
                        .collect(),
                )
            }
            Some(2) => return None,
            _ => {}
        }
        state.insert(n.to_owned(), 1);
        path.push(n.to_owned());
        for m in g.get(n).into_iter().flatten() {
            if let Some(cycle) = visit(m, g, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(n.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if let Some(cycle) = visit(n, &graph, &mut state, &mut Vec::new()) {
            panic!("an import cycle: {}", cycle.join(" -> "));
        }
    }
}
