#!/usr/bin/env bash
# Scripted benchmark of the network diagnosis in the namespaced lab (tests/netlab): for every
# scenario, with and without 200 ms of added round-trip delay, how long `smtp-doctor check`
# takes on the PC from start to verdict, and which cause it names first. Speed is measured
# here, never asserted in tests. Needs root; run from the repository:
#   sudo bash benches/netlab_timing.sh [RUNS] [TIMEOUT_SECONDS]
# Brings the netlab up unless it is already up, and takes down only what it brought up.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
timeout=${2:-3}
[ "$runs" -ge 1 ] && [ "$runs" -le 20 ] || { echo "RUNS must be 1..20" >&2; exit 2; }
[ "$timeout" -ge 1 ] && [ "$timeout" -le 30 ] || { echo "TIMEOUT must be 1..30" >&2; exit 2; }
cargo build --release --quiet
bin=$PWD/target/release/smtp-doctor
netlab_sh=$PWD/tests/netlab/netlab.sh
state=${SMTP_DOCTOR_NETLAB:-/tmp/smtp-doctor-netlab}

brought_up=0
cleanup() {
  bash "$netlab_sh" delay off >/dev/null 2>&1 || true
  bash "$netlab_sh" clear >/dev/null 2>&1 || true
  if [ "$brought_up" -eq 1 ]; then bash "$netlab_sh" down >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
if [ ! -f "$state/ready" ]; then
  bash "$netlab_sh" up >/dev/null
  brought_up=1
fi

export SD_BENCH_PW="correct horse battery staple"
account=(--email alice@example.test --server smtp.example.test --security starttls)
common=(check --json --ca-file "$state/pki/ca.pem" --reference smtp.reference.test
  --public-ip-dns 203.0.113.54 --timeout "$timeout" --password-env SD_BENCH_PW "${account[@]}")

# scenario | configured port (the case tested in tests/netlab_engine.rs)
cases=(
  "none|587"
  "isp-block-25|25"
  "office-reset|587"
  "server-drop-client|587"
  "server-reject-client|587"
  "server-down|587"
  "postfix-stopped|587"
  "dns-down|587"
  "no-route|587"
  "isp-down|587"
)

# shellcheck source=benches/measure.sh
. "$PWD/benches/measure.sh"

echo "runs=$runs, --timeout $timeout (s per network step); times in ms, start to verdict"
printf '%-28s %8s %8s %8s  %s\n' "scenario (added delay)" min_ms med_ms max_ms "causes[0]"
for delay in 0 200; do
  for c in "${cases[@]}"; do
    scenario=${c%%|*}; port=${c#*|}
    bash "$netlab_sh" clear >/dev/null 2>&1
    if [ "$scenario" != none ]; then bash "$netlab_sh" set "$scenario" >/dev/null 2>&1; fi
    if [ "$delay" -gt 0 ]; then bash "$netlab_sh" delay "$delay" >/dev/null 2>&1; else bash "$netlab_sh" delay off >/dev/null 2>&1; fi
    measure "$scenario (${delay} ms)" ip netns exec sdl-pc "$bin" "${common[@]}" --port "$port"
  done
done
