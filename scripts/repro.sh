#!/usr/bin/env bash
# Checks that the build is reproducible: builds dist/ again in a fresh clone of this checkout (its
# committed files plus any uncommitted changes to them, in another folder, with a cold cargo target)
# and requires it to be byte-identical to ./dist, which must have been built first (make test-e2e
# does). What a newcomer or CI builds is then what we measure and ship.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "repro: build dist/ first (scripts/dist.sh)" >&2; exit 1; }
tmp=$(mktemp -d /tmp/oc-repro.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# The tree as committed, with uncommitted edits to tracked files (untracked files are not in a
# clone either).
ref=$(git stash create)
mkdir "$tmp/clone"
git archive "${ref:-HEAD}" | tar -x -C "$tmp/clone"
ln -s "$PWD/node_modules" "$tmp/clone/node_modules" # the build tools, installed by setup.sh
echo "repro: building dist/ in a fresh clone ($tmp/clone)" >&2
(cd "$tmp/clone" && scripts/dist.sh >/dev/null)
if diff -r dist "$tmp/clone/dist" >"$tmp/diff"; then
  echo "repro: a fresh clone builds the same dist/ ($(ls dist | wc -l) files, wasm $(ls dist/*.wasm | xargs -n1 basename)): 1 passed, 0 failed"
else
  cat "$tmp/diff" >&2
  echo "repro: a fresh clone builds a different dist/: 0 passed, 1 failed" >&2
  exit 1
fi
