#!/usr/bin/env bash
# Scripted lab benchmark: how long each diagnosis takes against the real servers of the test
# lab, and how long a silently dropped server takes (in a throwaway network namespace).
# Speed is measured here, never asserted in tests. Needs root (the lab); run from the repo:
#   sudo bash benches/lab_timing.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
[ "$runs" -ge 1 ] && [ "$runs" -le 50 ] || { echo "RUNS must be 1..50" >&2; exit 2; }
cargo build --release --quiet
bin=$PWD/target/release/smtp-doctor
lab=${SMTP_DOCTOR_LAB:-/tmp/smtp-doctor-lab}
ns=sd-bench-$$
cleanup() { ip netns del "$ns" 2>/dev/null || true; bash tests/lab/lab.sh down >/dev/null 2>&1 || true; }
trap cleanup EXIT
bash tests/lab/lab.sh up >/dev/null
export SD_BENCH_PW="correct horse battery staple"
common=(check --json --dns-server 127.0.53.1 --ca-file "$lab/pki/ca.pem" --timeout 3)

# name | arguments after the common ones
cases=(
  "works|--email alice@example.test --server smtp.example.test --port 587 --security starttls --password-env SD_BENCH_PW"
  "tls_on_587|--email alice@example.test --server smtp.example.test --port 587 --security tls --password-env SD_BENCH_PW"
  "nothing_on_2525|--email alice@example.test --server smtp.example.test --port 2525 --security starttls"
  "service_down|--email alice@bare.test --server stopped.example.test --port 587 --security starttls"
  "cert_expired|--email alice@bare.test --server expired.example.test --port 587 --security starttls"
  "typo|--email alice@example.test --server smtp.exmaple.test"
)
printf '%-28s %8s %8s %8s  %s\n' case min_ms med_ms max_ms cause
# shellcheck source=benches/measure.sh
. "$PWD/benches/measure.sh"
for c in "${cases[@]}"; do
  name=${c%%|*}; args=${c#*|}
  # shellcheck disable=SC2086
  measure "$name" "$bin" "${common[@]}" $args
done

# A server whose firewall drops everything: the budget is one time-out per step, run at once.
ip netns add "$ns"
ip -n "$ns" link set lo up
ip netns exec "$ns" iptables -A INPUT -p tcp -d 127.0.0.9 -j DROP
for t in 1 3; do
  measure "dropped_t$t" ip netns exec "$ns" "$bin" check --json --email a@b.test --server 127.0.0.9 --timeout "$t" --dns-server 127.0.0.1:1
done
