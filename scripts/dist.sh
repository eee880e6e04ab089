#!/usr/bin/env bash
# Builds the deployable static site into dist/: the pages and loader under stable names, and
# everything they load (wasm, its JS glue, styles) under content-hashed names.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack --quiet build --release --target web --out-dir pkg --out-name offence_charts --no-typescript --no-pack >/dev/null
rm -rf dist && mkdir -p dist
hash() { sha256sum "$1" | cut -c1-10; }
wasm="oc-$(hash pkg/offence_charts_bg.wasm).wasm"
cp pkg/offence_charts_bg.wasm "dist/$wasm"
sed "s/offence_charts_bg\.wasm/$wasm/g" pkg/offence_charts.js > dist/glue.tmp
glue="oc-$(hash dist/glue.tmp).js" && mv dist/glue.tmp "dist/$glue"
css="site-$(hash www/site.css).css" && cp www/site.css "dist/$css"
embed="embed-$(hash www/embed.js).js" && cp www/embed.js "dist/$embed"
sed "s|\"\./offence_charts\.js\"|\"./$glue\"|" www/offence-charts.js > dist/offence-charts.js
grep -q "$glue" dist/offence-charts.js || { echo "dist: the loader does not import $glue" >&2; exit 1; }
for page in www/*.html; do
  sed -e "s|href=\"site\.css\"|href=\"$css\"|" -e "s|src=\"embed\.js\"|src=\"$embed\"|" "$page" > "dist/$(basename "$page")"
done
echo "dist: $(ls dist | tr '\n' ' ')"
