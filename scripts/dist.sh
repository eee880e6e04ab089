#!/usr/bin/env bash
# Builds the deployable static site into dist/: the wasm here (wasm-pack), then the site around it
# (scripts/build-site.mjs): the pages and the loader (offence-charts.js) under stable names,
# everything they load (wasm, its JS glue, page scripts, styles, specs) under content-hashed names,
# so a CDN may cache those forever.
#
# OC_FEATURES=test-hooks OC_OUT=dist-hooks scripts/dist.sh builds the same site with the cargo
# features named (the end-to-end tests' trap hook) into another folder; dist/ never has them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The wasm, built one way only: the standard library rebuilt with ours for size (-Zbuild-std,
# optimize_for_size) and panics that trap at once (-Cpanic=immediate-abort: no panic messages or
# formatting in the wasm; a trap is caught by the loader either way), no source locations or Debug
# output compiled in. These are unstable flags of the pinned stable toolchain (rust-toolchain.toml),
# enabled by RUSTC_BOOTSTRAP for this build only. If they are refused, the build stops here: it
# never ships another program after a warning. Paths are remapped so that any clone, in any folder,
# builds the same bytes.
#
# Three programs come of it: the readers' (embed and article pages, the loader), the builder's
# (builder.html only), which adds the cargo feature `builder` (release figures, headline claims),
# and the builder's spreadsheet reader's (its worker only, loaded when a journalist starts from a
# file), which adds `sheet` (calamine, csv): neither of the others grows with it.
features=${OC_FEATURES:-}
out=${OC_OUT:-dist}
mkdir -p target
wasm() { # FEATURES: builds pkg[-FEATURES]/
  local features=$1
  local pkg=pkg${features:+-${features//,/-}}
  local log=target/size-build${features:+-${features//,/-}}.log
  if ! RUSTC_BOOTSTRAP=1 \
      RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none --remap-path-prefix=$PWD=/oc --remap-path-prefix=$HOME=/home" \
      CARGO_TARGET_DIR=target/size \
      wasm-pack --quiet build --release --target web --out-dir "$pkg" --out-name offence_charts --no-typescript --no-pack . \
      -- ${features:+--features "$features"} -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size >/dev/null 2>"$log"; then
    echo "dist: the wasm build failed; its log ($log) ends:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  echo "$pkg"
}
pkg=$(wasm "$features")
builder_pkg=$(wasm "builder${features:+,$features}")
sheet_pkg=$(wasm "sheet${features:+,$features}")
# The site around them (scripts/build-site.mjs, esbuild): pages and loader under stable names,
# everything else content-hashed; the folder is replaced only once all of it is built.
node scripts/build-site.mjs "$pkg" "$out" "$builder_pkg" "$sheet_pkg"
