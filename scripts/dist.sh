#!/usr/bin/env bash
# Builds the deployable static site into dist/: the pages and the loader (offence-charts.js) under
# stable names, everything they load (wasm, its JS glue, page scripts, styles) under content-hashed
# names, so a CDN may cache those forever.
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
features=${OC_FEATURES:-}
out=${OC_OUT:-dist}
pkg=pkg${features:+-$features}
mkdir -p target
log=target/size-build${features:+-$features}.log
if ! RUSTC_BOOTSTRAP=1 \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none --remap-path-prefix=$PWD=/oc --remap-path-prefix=$HOME=/home" \
    CARGO_TARGET_DIR=target/size \
    wasm-pack --quiet build --release --target web --out-dir "$pkg" --out-name offence_charts --no-typescript --no-pack . \
    -- ${features:+--features "$features"} -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size >/dev/null 2>"$log"; then
  echo "dist: the wasm build failed; its log ($log) ends:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
rm -rf "$out" && mkdir -p "$out"
hash() { sha256sum "$1" | cut -c1-10; }
# Minifies a .js or .css file in place (esbuild; syntax kept as written, names of exports kept).
minify() { esbuild "$1" --minify --log-level=warning --outfile="$1.min" && mv "$1.min" "$1"; }

# The wasm, then the glue that names it, then the loader that names both. Import and export
# names between the two shortened first (scripts/short-names.mjs).
cp "$pkg/offence_charts_bg.wasm" $out/wasm.tmp && cp "$pkg/offence_charts.js" $out/glue.tmp.js
node scripts/short-names.mjs $out/wasm.tmp $out/glue.tmp.js
wasm="oc-$(hash $out/wasm.tmp).wasm"
mv $out/wasm.tmp "$out/$wasm"
sed -i "s/offence_charts_bg\.wasm/$wasm/g" $out/glue.tmp.js
minify $out/glue.tmp.js
glue="oc-$(hash $out/glue.tmp.js).js"
mv $out/glue.tmp.js "$out/$glue"
# The named charts' specs (data/*.json, minified), fetched by the loader when a snippet names one.
named=()
for f in data/*.json; do
  base=$(basename "$f" .json)
  node -e 'process.stdout.write(JSON.stringify(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))))' "$f" > "$out/$base.json"
  hashed="$base-$(hash "$out/$base.json").json"
  mv "$out/$base.json" "$out/$hashed"
  named+=(-e "s|\"\./$base\.json\"|\"./$hashed\"|g")
done
sed -e "s|\"\./offence_charts\.js\"|\"./$glue\"|" -e "s|\"\./offence_charts_bg\.wasm\"|\"./$wasm\"|" "${named[@]}" www/offence-charts.js > $out/offence-charts.js
minify $out/offence-charts.js
for f in "$glue" "$wasm"; do grep -q "$f" $out/offence-charts.js || { echo "dist: the loader does not name $f" >&2; exit 1; }; done

# Files that journalists' snippets name keep stable names (the pages, the loader, the iframe host
# script); page scripts and styles get hashed names and the pages are rewritten to name them.
cp www/embed-host.js $out/embed-host.js
minify $out/embed-host.js
rewrite=(-e "s|\"offence_charts\.js\"|\"$glue\"|g" -e "s|\"offence_charts_bg\.wasm\"|\"$wasm\"|g")
for f in www/*.js www/*.css; do
  base=$(basename "$f")
  case "$base" in offence-charts.js|embed-host.js) continue ;; esac
  cp "$f" "$out/$base"
  if [ "$base" = embed.js ]; then
    # The embed page's script with the loader (./offence-charts.js, as rewritten above) and the glue
    # it imports bundled in.
    esbuild $out/embed.js --bundle --format=esm --minify --log-level=warning --outfile=$out/embed.js.min && mv $out/embed.js.min $out/embed.js
  else
    minify "$out/$base"
  fi
  hashed="${base%.*}-$(hash "$out/$base").${base##*.}"
  mv "$out/$base" "$out/$hashed"
  rewrite+=(-e "s|\"$base\"|\"$hashed\"|g" -e "s|\"\./$base\"|\"./$hashed\"|g")
done
for page in www/*.html; do
  sed "${rewrite[@]}" "$page" > "$out/$(basename "$page")"
done
echo "dist: $(ls "$out" | tr '\n' ' ')"
