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
# WordPress 6.1, MariaDB and PHP for the WordPress end-to-end test, which runs them itself on
# loopback (tests/e2e/wordpress/): installed without their recommends, and with their services
# kept from starting (policy-rc.d, as in Debian's container images) so that nothing keeps running.
wp=()
command -v mariadbd >/dev/null || wp+=(mariadb-server)
command -v php >/dev/null || wp+=(php-cli)
php -r 'exit(function_exists("mysqli_connect") ? 0 : 1);' 2>/dev/null || wp+=(php-mysql)
[ -e /usr/share/wordpress/wp-settings.php ] || wp+=(wordpress)
[ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] ||
  wp+=(wordpress-theme-twentytwentythree)
# Apache with mod_php serves the WordPress plugin's test as Debian serves WordPress (the wordpress
# package depends on both unless another web server is there), and openssl makes that test's
# certificate for the chart host's HTTPS.
[ -x /usr/sbin/apache2 ] || wp+=(apache2)
compgen -G '/usr/lib/apache2/modules/libphp*.so' >/dev/null || wp+=(libapache2-mod-php)
command -v openssl >/dev/null || wp+=(openssl)
if [ ${#pkgs[@]} -gt 0 ] || [ ${#wp[@]} -gt 0 ]; then
  apt-get update -qq
fi
if [ ${#pkgs[@]} -gt 0 ]; then
  say "apt-get install ${pkgs[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
fi
if [ ${#wp[@]} -gt 0 ]; then
  say "apt-get install ${wp[*]} (about a minute)"
  policy=/usr/sbin/policy-rc.d ours=
  if ! [ -e $policy ]; then
    ours=1
    trap 'rm -f $policy' EXIT
    printf '#!/bin/sh\nexit 101\n' >$policy
    chmod +x $policy
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${wp[@]}" >/dev/null
  if [ -n "$ours" ]; then rm -f $policy; trap - EXIT; fi
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
