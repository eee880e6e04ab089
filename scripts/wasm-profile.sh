#!/usr/bin/env bash
# Where the readers' wasm bytes go: builds it as scripts/dist.sh does (same flags, its own target
# folder, so dist/ is untouched: wasm-bindgen, then wasm-opt with Cargo.toml's flags) but keeps
# the function names, then prints the largest functions and the bytes of each crate (code only,
# before gzip: shares, not the shipped size) with twiggy (`cargo install twiggy` if it is missing;
# about a minute).
# Usage: scripts/wasm-profile.sh [N]   (N largest functions; default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
top=${1:-30}
command -v twiggy >/dev/null || cargo install --quiet twiggy
RUSTC_BOOTSTRAP=1 \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
  CARGO_TARGET_DIR=target/profile \
  cargo build --quiet --release --target wasm32-unknown-unknown --lib \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
raw=target/profile/wasm32-unknown-unknown/release/offence_charts.wasm
# Then as wasm-pack does: wasm-bindgen, and wasm-opt with Cargo.toml's flags, keeping the names.
wasm-bindgen --target web --no-typescript --keep-debug --out-dir target/profile/bg "$raw"
flags=$(awk -F'[][]' '/^wasm-opt = / { gsub(/"|,/, ""); print $2 }' Cargo.toml)
wasm=target/profile/readers.wasm
# shellcheck disable=SC2086
wasm-opt $flags -g target/profile/bg/offence_charts_bg.wasm -o "$wasm"
echo "## The readers' wasm as built for dist/, names kept: $(stat -c %s "$wasm") bytes"
echo
twiggy top -n 1000000 -f json "$wasm" >target/profile/top.json
# Names without crate hashes; a function's crate is the first path segment of its name (of the
# type, for a method: `<offence_charts::chart::Chart>::layout` is ours).
node - "$top" <<'JS'
const { readFileSync } = require("node:fs");
const top = Number(process.argv[2]);
const items = JSON.parse(readFileSync("target/profile/top.json", "utf8"));
const code = items
  .filter((i) => !/^(custom section|"function names"|data segment|Σ|type\[|import |export |table|elem|global|memory)/.test(i.name))
  .map((i) => ({ ...i, name: i.name.replace(/\[[0-9a-f]+\]/g, "") }));
const total = code.reduce((t, i) => t + i.shallow_size, 0);
console.log("### Largest functions (bytes)");
for (const i of code.slice(0, top)) console.log(String(i.shallow_size).padStart(8), " ", i.name.slice(0, 110));
const crates = {};
for (const i of code) {
  const crate = (i.name.replace(/^[<&*( ]+|^(dyn |mut |const )/g, "").match(/^[A-Za-z_][A-Za-z0-9_]*/) || ["?"])[0];
  crates[crate] = (crates[crate] || 0) + i.shallow_size;
}
console.log("");
console.log(`### Code by crate (bytes, share of ${total} bytes of functions)`);
for (const [c, b] of Object.entries(crates).sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(String(b).padStart(8), `${((100 * b) / total).toFixed(1).padStart(6)} %  ${c}`);
JS
