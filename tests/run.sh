#!/usr/bin/env bash
# The test command of smtp-doctor:   sudo bash tests/run.sh
#
# Installs what is missing (Debian packages; the Rust toolchain must already be there), builds
# the tests, brings the lab of real mail servers up (tests/lab/lab.sh: loopback addresses only),
# the network-namespace lab (tests/netlab/netlab.sh: a PC behind a router, servers on a lab
# internet, network fault scenarios) and the server lab (tests/serverlab/serverlab.sh: a mail
# server with fail2ban, CSF, iptables/nftables/ipset blocks and an access map, for
# `smtp-doctor server`), checks every lab, runs `cargo test --all-targets`, and always takes
# the labs down again.
# Exit status: 0 when every test binary passed, else 1 (also when the set-up failed).
# Extra arguments pick targets for `cargo test`, and what follows `--` goes to every test
# binary (e.g. `sudo bash tests/run.sh --test lab_engine -- --nocapture`).
#
# The build runs as the invoking user (under sudo), so target/ stays theirs; the test
# binaries run as root, since the namespaced lab's tests enter network namespaces.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
LAB_SH=$ROOT/tests/lab/lab.sh
NETLAB_SH=$ROOT/tests/netlab/netlab.sh
SERVERLAB_SH=$ROOT/tests/serverlab/serverlab.sh
export SMTP_DOCTOR_LAB=${SMTP_DOCTOR_LAB:-/tmp/smtp-doctor-lab}
export SMTP_DOCTOR_NETLAB=${SMTP_DOCTOR_NETLAB:-/tmp/smtp-doctor-netlab}
export SMTP_DOCTOR_SERVERLAB=${SMTP_DOCTOR_SERVERLAB:-/tmp/smtp-doctor-serverlab}
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
started=$SECONDS

say() { printf 'run.sh: %s\n' "$*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "the lab starts mail servers on loopback addresses and needs root: run 'sudo bash tests/run.sh'"
  exit 1
fi

# Under sudo, build and test as the invoking user so target/ stays theirs; otherwise as root.
as_user=()
if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ] && [ "$(stat -c %U "$ROOT")" = "$SUDO_USER" ]; then
  user_home=$(getent passwd "$SUDO_USER" | cut -d: -f6)
  as_user=(runuser -u "$SUDO_USER" -- env HOME="$user_home" PATH="$user_home/.cargo/bin:$PATH")
fi
run_cargo() { "${as_user[@]}" env SMTP_DOCTOR_LAB="$SMTP_DOCTOR_LAB" SMTP_DOCTOR_NETLAB="$SMTP_DOCTOR_NETLAB" SMTP_DOCTOR_SERVERLAB="$SMTP_DOCTOR_SERVERLAB" cargo "$@"; }

if ! "${as_user[@]}" sh -c 'command -v cargo' >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
fi
if ! "${as_user[@]}" sh -c 'command -v cargo' >/dev/null 2>&1; then
  say "cargo is not on PATH: install the Rust toolchain (https://rustup.rs), then run this again"
  exit 1
fi

# Everything from Debian in one go (one apt-get update at most; nothing when all is there):
# the build's, the loopback lab's (found by lab.sh), the netlab's (namespaces, firewall, the
# NFQUEUE delayer's library) and the server lab's (fail2ban, nftables, ipset; their services
# are kept from starting on this host).
bash "$LAB_SH" deps pkg-config libssl-dev tmux python3 ca-certificates iproute2 iptables libnetfilter-queue1 \
  fail2ban nftables ipset

# Every test target unless the arguments pick targets themselves (--test NAME, --lib, ...);
# what follows `--` is for the test binaries.
cargo_args=()
test_args=()
pick_targets=0
seen_dashes=0
for a in "$@"; do
  if [ "$seen_dashes" -eq 1 ]; then test_args+=("$a"); continue; fi
  if [ "$a" = -- ]; then seen_dashes=1; continue; fi
  cargo_args+=("$a")
  case "$a" in --lib | --bin* | --test | --test=* | --tests | --example* | --bench* | --doc | --all-targets) pick_targets=1 ;; esac
done
if [ "$pick_targets" -eq 0 ]; then cargo_args+=(--all-targets); fi
if [ -f Cargo.lock ]; then cargo_args+=(--locked); fi

say "building the tests"
exes_file=$(mktemp)
if ! run_cargo test "${cargo_args[@]}" --no-run --message-format=json-render-diagnostics >"$exes_file.json"; then
  rm -f "$exes_file" "$exes_file.json"
  say "the build failed: no test ran"
  exit 1
fi
python3 -c '
import json, sys
for line in open(sys.argv[1]):
    try:
        m = json.loads(line)
    except ValueError:
        continue
    if m.get("reason") == "compiler-artifact" and m.get("profile", {}).get("test") and m.get("executable"):
        print(m["target"]["name"] + " " + m["target"]["kind"][0] + "\t" + m["executable"])
' "$exes_file.json" | sort -u >"$exes_file"
rm -f "$exes_file.json"
mapfile -t test_binaries <"$exes_file"
rm -f "$exes_file"
if [ "${#test_binaries[@]}" -eq 0 ]; then
  say "the build produced no test binary"
  exit 1
fi

# The fuzz targets' short run (fuzz/smoke.sh: cargo-fuzz with libFuzzer on the stable
# toolchain, 15 s per target), in the full run only, before the labs come up (it needs none);
# SMTP_DOCTOR_FUZZ_SECONDS sets the seconds per target, 0 skips it.
fuzz_failed=0
fuzz_seconds=${SMTP_DOCTOR_FUZZ_SECONDS:-15}
if [ "$pick_targets" -eq 0 ] && [ "$fuzz_seconds" != 0 ]; then
  say "fuzzing every parser target for ${fuzz_seconds} s"
  if ! "${as_user[@]}" bash "$ROOT/fuzz/smoke.sh" "$fuzz_seconds"; then
    fuzz_failed=1
    say "the fuzz run failed (above); the test binaries run anyway"
  fi
fi

lab_up=0
netlab_up=0
serverlab_up=0
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ "$serverlab_up" -eq 1 ]; then bash "$SERVERLAB_SH" down || say "serverlab.sh down failed"; fi
  if [ "$netlab_up" -eq 1 ]; then bash "$NETLAB_SH" down || say "netlab.sh down failed"; fi
  if [ "$lab_up" -eq 1 ]; then bash "$LAB_SH" down || say "lab.sh down failed"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

lab_up=1
lab_started=$SECONDS
bash "$LAB_SH" up
lab_seconds=$((SECONDS - lab_started))

if ! python3 "$ROOT/tests/lab/selftest.py" >"$SMTP_DOCTOR_LAB/selftest.out" 2>&1; then
  cat "$SMTP_DOCTOR_LAB/selftest.out" >&2
  say "the lab does not behave as tests/lab/lab.sh describes (above): not running the tests"
  exit 1
fi
say "lab up in ${lab_seconds} s and self-checked ($(tail -n 1 "$SMTP_DOCTOR_LAB/selftest.out"))"

netlab_up=1
netlab_started=$SECONDS
bash "$NETLAB_SH" up
netlab_seconds=$((SECONDS - netlab_started))

if ! bash "$NETLAB_SH" selftest >"$SMTP_DOCTOR_NETLAB/selftest.out" 2>&1; then
  cat "$SMTP_DOCTOR_NETLAB/selftest.out" >&2
  say "the netlab does not behave as tests/netlab/netlab.sh describes (above): not running the tests"
  exit 1
fi
say "netlab up in ${netlab_seconds} s and self-checked ($(tail -n 1 "$SMTP_DOCTOR_NETLAB/selftest.out"))"

serverlab_up=1
serverlab_started=$SECONDS
bash "$SERVERLAB_SH" up
serverlab_seconds=$((SECONDS - serverlab_started))

if ! bash "$SERVERLAB_SH" selftest >"$SMTP_DOCTOR_SERVERLAB/selftest.out" 2>&1; then
  cat "$SMTP_DOCTOR_SERVERLAB/selftest.out" >&2
  say "the server lab does not behave as tests/serverlab/serverlab.sh describes (above): not running the tests"
  exit 1
fi
say "serverlab up in ${serverlab_seconds} s and self-checked ($(tail -n 1 "$SMTP_DOCTOR_SERVERLAB/selftest.out"))"

# Every binary, even after one fails (the labs are up anyway), from the package root as
# cargo would run them.
failed=()
for entry in "${test_binaries[@]}"; do
  name=${entry%%$'\t'*}
  exe=${entry#*$'\t'}
  printf '\n     Running %s (%s)\n' "$name" "${exe#"$ROOT"/}"
  if ! env SMTP_DOCTOR_LAB="$SMTP_DOCTOR_LAB" SMTP_DOCTOR_NETLAB="$SMTP_DOCTOR_NETLAB" \
    SMTP_DOCTOR_SERVERLAB="$SMTP_DOCTOR_SERVERLAB" CARGO_MANIFEST_DIR="$ROOT" "$exe" "${test_args[@]}"; then
    failed+=("$name")
  fi
done

if [ "$fuzz_failed" -eq 1 ]; then failed+=("fuzz/smoke.sh"); fi
total=$((SECONDS - started))
if [ "${#failed[@]}" -gt 0 ]; then
  say "FAILED: ${failed[*]} (${#failed[@]} of ${#test_binaries[@]} test binaries) after ${total} s in all (lab up in ${lab_seconds} s, netlab up in ${netlab_seconds} s, serverlab up in ${serverlab_seconds} s)"
  exit 1
fi
say "all ${#test_binaries[@]} test binaries passed after ${total} s in all (lab up in ${lab_seconds} s, netlab up in ${netlab_seconds} s, serverlab up in ${serverlab_seconds} s)"
