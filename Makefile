# The README's two commands: `make serve` and `make test`. Each installs what is missing first.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
# make serve's store of published charts, and the newsroom's credentials file (publishing is on
# when it exists: `offence-charts credential add NAME --file credentials`).
STORE ?= store
CREDENTIALS ?= credentials

.PHONY: setup dist serve lint test test-native test-wasm test-e2e test-repro bench clean

setup:
	@scripts/setup.sh

dist: setup
	@scripts/dist.sh

serve: dist
	cargo build --quiet --bin offence-charts
	target/debug/offence-charts serve --dist dist --store $(STORE) --port $(PORT) \
	  $(if $(wildcard $(CREDENTIALS)),--credentials $(CREDENTIALS))

test: setup lint test-native test-wasm test-e2e test-repro

# Habits, checked without writing: Biome (biome.jsonc) formats and lints the JavaScript; rustfmt
# (rustfmt.toml) and clippy, natively and for both wasm programs (the readers' and the builder's,
# with the test hooks), the Rust.
lint: setup
	biome ci
	cargo fmt --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown --all-targets --features test-hooks -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown --all-targets --features sheet,test-hooks -- -D warnings

test-native:
	cargo test --quiet
	node --test tests/*.mjs

test-wasm:
	wasm-pack test --headless --chrome -- --test web
	wasm-pack test --headless --chrome -- --features builder --test builder_wasm

test-e2e:
	cargo build --quiet --bin offence-charts
	@scripts/dist.sh
	@OC_FEATURES=test-hooks OC_OUT=dist-hooks scripts/dist.sh
	node --test --test-concurrency=1 tests/e2e/

# A fresh clone builds a byte-identical dist/ (run after test-e2e, which builds ./dist).
test-repro:
	@scripts/repro.sh

bench: dist
	node bench/run.mjs

clean:
	rm -rf target pkg pkg-* dist dist-hooks
