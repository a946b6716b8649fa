#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each, on the stable toolchain:
#   bash fuzz/smoke.sh [SECONDS] [TARGET...]      (default 15 s: the test command's short run)
#   bash fuzz/smoke.sh 3600                       (the long run: an hour per target)
# cargo-fuzz (from crates.io) drives libFuzzer; `--sanitizer none` needs no nightly compiler.
# New inputs go to a scratch folder, so the committed corpus (fuzz/corpus/<target>) is only
# read; a failing input is copied to $FUZZ_FAILURES (default /tmp/smtp-doctor-fuzz-failures).
# Exit status 0 when no target failed; else 1, naming the input that broke a parser.
set -euo pipefail

cd "$(dirname "$0")"
seconds=${1:-15}
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(reply ehlo tree profile replies error_text cert server_logs journal)
fi
say() { printf 'fuzz: %s\n' "$*" >&2; }

if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz from crates.io"
  cargo install cargo-fuzz --locked --quiet
fi

say "building the fuzz targets (stable, --sanitizer none)"
if ! cargo fuzz build --sanitizer none >"${TMPDIR:-/tmp}/fuzz-build.log" 2>&1; then
  tail -n 40 "${TMPDIR:-/tmp}/fuzz-build.log" >&2
  say "FAILED: the fuzz targets do not build"
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()
for t in "${targets[@]}"; do
  mkdir -p "$work/$t" "$work/artifacts/$t"
  log="$work/$t.log"
  if cargo fuzz run --sanitizer none "$t" "$work/$t" "corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$t/" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    say "$t: ${runs:-?} inputs in ${seconds} s (${rate:-?}/s), no failure"
  else
    failed+=("$t")
    grep -E -A 3 'panicked at|ERROR: libFuzzer|SUMMARY' "$log" | head -n 20 >&2 || tail -n 20 "$log" >&2
    keep=${FUZZ_FAILURES:-/tmp/smtp-doctor-fuzz-failures}
    for a in "$work/artifacts/$t"/*; do
      [ -e "$a" ] || continue
      mkdir -p "$keep/$t"
      cp "$a" "$keep/$t/"
      say "$t: the failing input is kept at $keep/$t/$(basename "$a"); fix the parser, then add it to fuzz/regressions/$t/"
    done
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  say "FAILED: ${failed[*]} (a parser panicked or broke a promise checked in src/fuzzing/)"
  exit 1
fi
say "all ${#targets[@]} fuzz targets ran ${seconds} s each without a failure"
