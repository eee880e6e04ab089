#!/usr/bin/env bash
# Installs what building and testing need, from the package registries only, skipping whatever is
# already there: a second run takes seconds. Needs root for apt-get (as on the project's machines).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf 'setup: %s\n' "$*"; }

# Debian: Chromium and its driver for browser tests; Liberation Sans so the browser measures text
# with the same metrics as the checked-in font; poppler's pdftotext, pdftoppm and pdfimages to read
# what the print test prints.
pkgs=()
command -v chromium >/dev/null || pkgs+=(chromium)
command -v chromedriver >/dev/null || pkgs+=(chromium-driver)
command -v pdfimages >/dev/null || pkgs+=(poppler-utils)
[ -e /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || pkgs+=(fonts-liberation2)
if [ ${#pkgs[@]} -gt 0 ]; then
  say "apt-get install ${pkgs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
fi

# Rust: the toolchain pinned in rust-toolchain.toml, with the wasm target and the standard library's
# source (scripts/dist.sh rebuilds std for size), then wasm-pack and wasm-bindgen-cli at exactly the
# version in Cargo.lock.
if ! out=$(rustup toolchain install 2>&1); then echo "$out" >&2; exit 1; fi
command -v wasm-pack >/dev/null || { say "cargo install wasm-pack (about 6 minutes)"; cargo install wasm-pack; }
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  say "cargo install wasm-bindgen-cli --version $want (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# npm: a current wasm-opt (binaryen), the bundler and minifier (esbuild), the JS formatter and linter
# (Biome), the headless-Chromium driver, the schema checker, axe-core, Chart.js.
if ! [ -x node_modules/.bin/wasm-opt ] || ! [ -x node_modules/.bin/esbuild ] || ! [ -x node_modules/.bin/biome ] \
   || ! [ -d node_modules/playwright-core ] || ! [ -d node_modules/ajv ] || ! [ -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready"
