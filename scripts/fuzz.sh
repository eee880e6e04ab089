#!/usr/bin/env bash
# Fuzzing campaign for offence-charts (cargo-fuzz / libFuzzer). See fuzz/README.md.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 60 seconds each, targets spec_text structured
#
# Installs cargo-fuzz if it is missing, builds the targets on the stable toolchain
# (RUSTC_BOOTSTRAP=1 lets stable accept cargo-fuzz's -Z flags; no sanitizer: the crate is safe Rust,
# and a panic is what we look for), runs each target for SECONDS with one worker, and prints a table
# of executions and panics per target, plus the executions per input class.
#
# Each target fuzzes a working corpus in fuzz/work/TARGET (not committed), seeded from the committed
# fuzz/corpus/TARGET (and, for spec_text, fuzz/seeds and fuzz/corpus/structured-json). Crashing inputs
# land in fuzz/artifacts/TARGET/. A run that finds a panic is restarted for the time left (at most
# 5 times), so one panic does not end the campaign.
#
# Environment:
#   FUZZ_SANITIZER=address   build with AddressSanitizer instead of none
#   FUZZ_UPDATE_CORPUS=1     afterwards, minimise fuzz/work/TARGET into fuzz/corpus/TARGET
#                            (libFuzzer -merge=1) and regenerate fuzz/corpus/structured-json
#   FUZZ_ARGS="..."          extra libFuzzer flags
#
# Exit status: 0 when no target panicked, 1 when one did, 2 on a setup error.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1

SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(spec_text structured)
SAN=${FUZZ_SANITIZER:-none}

if ! [[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || [ "$SECONDS_EACH" -lt 1 ]; then
  echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
  exit 2
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked || { echo "cargo-fuzz could not be installed" >&2; exit 2; }
fi

echo "== building fuzz targets (sanitizer: $SAN)"
cargo fuzz build -s "$SAN" -O >fuzz/build.log 2>&1 || { tail -30 fuzz/build.log >&2; echo "build failed (fuzz/build.log)" >&2; exit 2; }

declare -A EXECS PANICS RATE DONE CLASSES
status=0
for t in "${TARGETS[@]}"; do
  work=fuzz/work/$t
  arts=fuzz/artifacts/$t
  mkdir -p "$work" "$arts" "fuzz/corpus/$t" fuzz/corpus/structured-json
  seeds=("fuzz/corpus/$t")
  args=(-max_len=4096 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 -workers=1)
  if [ "$t" = spec_text ]; then
    seeds+=(fuzz/seeds fuzz/corpus/structured-json)
    args=(-max_len=16384 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 -workers=1 -dict=fuzz/spec.dict)
  fi
  # shellcheck disable=SC2206
  args+=(${FUZZ_ARGS:-})
  before=$(ls "$arts" | wc -l)
  left=$SECONDS_EACH
  total=0
  restarts=0
  : >"$work.log"
  echo "== $t: ${SECONDS_EACH}s"
  while [ "$left" -gt 0 ] && [ "$restarts" -le 5 ]; do
    start=$(date +%s)
    cargo fuzz run -s "$SAN" -O "$t" "$work" "${seeds[@]}" -- "${args[@]}" -max_total_time="$left" >>"$work.log" 2>&1
    rc=$?
    end=$(date +%s)
    n=$(grep -a 'stat::number_of_executed_units' "$work.log" | tail -1 | awk '{print $2}')
    total=$((total + ${n:-0}))
    # Only the last segment's stats line is new: blank it so the next segment is not counted twice.
    sed -i 's/stat::number_of_executed_units/stat::counted_executed_units/' "$work.log"
    [ "$rc" -eq 0 ] && break
    restarts=$((restarts + 1))
    left=$((left - (end - start)))
    echo "   $t stopped (exit $rc): $(grep -a -m1 -E "panicked at|ERROR: libFuzzer" "$work.log" | tail -1)"
  done
  after=$(ls "$arts" | wc -l)
  EXECS[$t]=$total
  PANICS[$t]=$((after - before))
  RATE[$t]=$(grep -a 'stat::average_exec_per_sec' "$work.log" | tail -1 | awk '{print $2}')
  DONE[$t]=$(grep -a -E '^#[0-9]+[[:space:]]+DONE' "$work.log" | tail -1)
  CLASSES[$t]=$(grep -a '^CLASSES ' "$work.log" | tail -1)
  [ "${PANICS[$t]}" -gt 0 ] && status=1

  if [ "${FUZZ_UPDATE_CORPUS:-0}" = 1 ]; then
    # Minimise into the committed corpus: edges only (-use_counters=0: libFuzzer's default merge
    # keeps every hit-count bucket, thousands of files), inputs small enough to replay quickly in
    # a debug `cargo test` (structured: specs of at most 8 KiB; spec_text: inputs of at most 8 KiB).
    echo "   minimising $work into fuzz/corpus/$t"
    all=$(mktemp -d)
    min=$(mktemp -d)
    cp "fuzz/corpus/$t"/* "$work"/* "$all"/ 2>/dev/null
    if [ "$t" = structured ]; then
      cargo run -q --release --manifest-path fuzz/Cargo.toml --example structured_to_json "$all" - --max-bytes 8192 --prune
    else
      find "$all" -type f -size +8k -delete
    fi
    cargo fuzz run -s "$SAN" -O "$t" "$min" "$all" -- -merge=1 -use_counters=0 "${args[@]}" >"$work.merge.log" 2>&1
    grep -a 'MERGE-OUTER: .* new files' "$work.merge.log" | tail -1 | sed 's/^/   /'
    rm -rf "fuzz/corpus/$t" "$all" && mv "$min" "fuzz/corpus/$t"
    if [ "$t" = structured ]; then
      rm -rf fuzz/corpus/structured-json
      cargo run -q --release --manifest-path fuzz/Cargo.toml --example structured_to_json fuzz/corpus/structured fuzz/corpus/structured-json
    fi
    du -sh --apparent-size "fuzz/corpus/$t" | sed 's/^/   committed corpus: /'
  fi
done

echo
printf '%-12s %14s %10s %8s  %s\n' target executions exec/s panics "libFuzzer's last stats line"
for t in "${TARGETS[@]}"; do
  printf '%-12s %14s %10s %8s  %s\n' "$t" "${EXECS[$t]}" "${RATE[$t]:--}" "${PANICS[$t]}" "${DONE[$t]:-(no DONE line: the run stopped on a crash)}"
done
echo
echo "Executions per input class (a run counts every execution whose input belongs to the class):"
for t in "${TARGETS[@]}"; do
  echo "  $t: ${CLASSES[$t]:-(none printed)}"
done
if [ "$status" -ne 0 ]; then
  echo
  echo "Crashing inputs:"
  for t in "${TARGETS[@]}"; do ls -1 "fuzz/artifacts/$t" 2>/dev/null | sed "s|^|  fuzz/artifacts/$t/|"; done
fi
exit "$status"
