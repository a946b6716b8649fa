#!/usr/bin/env bash
# How fast a verdict comes, against what the network allows. Brings the network lab
# (tests/netlab) up, and at 0, 50 and 200 ms of added round trip times with hyperfine, side by
# side in the same run:
#   - `check` on a healthy server (STARTTLS on 587, sign-in, envelope test) against swaks'
#     one STARTTLS + AUTH + MAIL/RCPT session to the same server (the ratio is the figure);
#   - the same with the who-am-I resolver silent (scenario whoami-silent);
#   - verdicts that need no full session: a typo in the host name, the ISP blocking port 25,
#     the wrong encryption (SSL/TLS set on 587), a refused port (Postfix stopped), an
#     ICMP-rejected one, and a silently dropped one (against --timeout);
# then, without the lab: the wizard's time to first frame, its CPU use while idle for 10 s
# and its peak memory (benches/wizard_probe.py, a pseudo-terminal), the peak memory of a
# healthy `check` (/usr/bin/time) and its CPU (hyperfine's user and system time), and the
# release binary's size.
# Needs root (namespaces), hyperfine and swaks (installed when missing). Run from the
# repository:
#   sudo bash benches/verdict.sh [RUNS] [TIMEOUT_SECONDS] > results.md
# Prints a Markdown report (the tables of docs/performance.md) on stdout; progress on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
timeout=${2:-3}
[ "$runs" -ge 2 ] && [ "$runs" -le 50 ] || { echo "RUNS must be 2..50" >&2; exit 2; }
[ "$timeout" -ge 1 ] && [ "$timeout" -le 30 ] || { echo "TIMEOUT must be 1..30" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "needs root (the lab's namespaces): sudo bash $0" >&2; exit 2; }
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v swaks >/dev/null || missing+=(swaks)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2
fi

# Build as the invoking user under sudo, so target/ stays theirs.
if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
  runuser -u "$SUDO_USER" -- cargo build --release --quiet
else
  cargo build --release --quiet
fi
bin=$PWD/target/release/smtp-doctor
netlab_sh=$PWD/tests/netlab/netlab.sh
state=${SMTP_DOCTOR_NETLAB:-/tmp/smtp-doctor-netlab}
work=$(mktemp -d)

brought_up=0
cleanup() {
  bash "$netlab_sh" delay off >/dev/null 2>&1 || true
  bash "$netlab_sh" clear >/dev/null 2>&1 || true
  if [ "$brought_up" -eq 1 ]; then bash "$netlab_sh" down >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ ! -f "$state/ready" ]; then
  bash "$netlab_sh" up >&2
  brought_up=1
fi

# The lab account's password, for both tools, from the environment (never argv).
export SD_BENCH_PW="correct horse battery staple"
export SWAKS_OPT_auth_password="$SD_BENCH_PW"
in_pc=(ip netns exec sdl-pc)
check_common="$bin check --json --ca-file $state/pki/ca.pem --reference smtp.reference.test --public-ip-dns 203.0.113.54 --timeout $timeout --password-env SD_BENCH_PW --email alice@example.test"
healthy="$check_common --server smtp.example.test --port 587 --security starttls"
swaks="swaks --server smtp.example.test --port 587 --tls --auth PLAIN --auth-user alice@example.test --from alice@example.test --to alice@example.test --quit-after RCPT --silent 2"

# What a command's JSON report names first, for the tables (a bench does not assert).
cause_of() {
  local out
  out=$("${in_pc[@]}" "$@" 2>/dev/null || true)
  printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["causes"][0]["code"])' 2>/dev/null || echo "?"
}

# hyperfine NAME COMMAND... : every command $runs times, JSON into $work/NAME.json.
bench() {
  local name=$1; shift
  local cmds=()
  for c in "$@"; do cmds+=("ip netns exec sdl-pc $c"); done
  hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$work/$name.json" "${cmds[@]}" >/dev/null 2>&1
}

# SCENARIO [DELAY_MS]: `clear` also takes the delay off, so it is set again after the scenario.
scenario() {
  bash "$netlab_sh" clear >/dev/null 2>&1
  if [ "$1" != none ]; then bash "$netlab_sh" set "$1" >/dev/null; fi
  if [ "${2:-0}" -gt 0 ]; then bash "$netlab_sh" delay "$2" >/dev/null; fi
}

delays=(0 50 200)
for delay in "${delays[@]}"; do
  echo "added round trip ${delay} ms" >&2
  scenario none "$delay"
  bench "healthy-$delay" "$healthy" "$swaks"
  bench "typo-$delay" "$check_common --server smtpp.example.test --port 587 --security starttls"
  bench "wrongsec-$delay" "$check_common --server smtp.example.test --port 587 --security tls"
  scenario whoami-silent "$delay"
  bench "whoami-$delay" "$healthy" "$swaks"
  scenario isp-block-25 "$delay"
  bench "isp25-$delay" "$check_common --server smtp.example.test --port 25 --security none"
  scenario postfix-stopped "$delay"
  bench "refused-$delay" "$healthy"
  scenario server-reject-client "$delay"
  bench "rejected-$delay" "$healthy"
  scenario server-drop-client "$delay"
  bench "dropped-$delay" "$healthy"
done

# The verdicts named in the tables, once each without delay.
declare -A verdict
scenario none
verdict[healthy]=$(cause_of $healthy)
verdict[typo]=$(cause_of $check_common --server smtpp.example.test --port 587 --security starttls)
verdict[wrongsec]=$(cause_of $check_common --server smtp.example.test --port 587 --security tls)
scenario whoami-silent
verdict[whoami]=$(cause_of $healthy)
scenario isp-block-25
verdict[isp25]=$(cause_of $check_common --server smtp.example.test --port 25 --security none)
scenario postfix-stopped
verdict[refused]=$(cause_of $healthy)
scenario server-reject-client
verdict[rejected]=$(cause_of $healthy)
scenario server-drop-client
verdict[dropped]=$(cause_of $healthy)
scenario none

# Peak memory of a healthy check, in KiB.
check_rss=$("${in_pc[@]}" /usr/bin/time -f '%M' $healthy 2>&1 >/dev/null | tail -n 1)
wizard=$(python3 benches/wizard_probe.py "$bin" --idle 10 --runs 5)
size=$(stat -c %s "$bin")

python3 - "$work" "$timeout" "$runs" "$check_rss" "$wizard" "$size" \
  "${verdict[healthy]}" "${verdict[whoami]}" "${verdict[typo]}" "${verdict[isp25]}" \
  "${verdict[wrongsec]}" "${verdict[refused]}" "${verdict[rejected]}" "${verdict[dropped]}" <<'PY'
import json, os, platform, sys
work, timeout, runs, check_rss, wizard, size = sys.argv[1:7]
v = dict(zip(["healthy", "whoami", "typo", "isp25", "wrongsec", "refused", "rejected", "dropped"], sys.argv[7:15]))
timeout, runs = int(timeout), int(runs)
wizard = json.loads(wizard)
delays = [0, 50, 200]

def load(name, delay, i=0):
    with open(os.path.join(work, f"{name}-{delay}.json")) as f:
        r = json.load(f)["results"][i]
    return r

def cell(r):
    return f"{r['median'] * 1000:.0f} ({r['min'] * 1000:.0f}-{r['max'] * 1000:.0f})"

cpu = platform.processor() or platform.machine()
print(f"Machine: {os.cpu_count()} cores ({cpu}), Linux {platform.release()}; {runs} runs per figure")
print(f"after one warm-up, `--timeout {timeout}`; times in ms: median (min-max).")
print()
print("### A healthy server: smtp-doctor check against swaks")
print()
print("| case | added RTT | smtp-doctor check | swaks | ratio | round trips (check, swaks) |")
print("|---|---:|---:|---:|---:|---|")
for name, label in [("healthy", "who-am-I resolver answers"), ("whoami", "who-am-I resolver silent")]:
    base = [load(name, 0, 0)["median"], load(name, 0, 1)["median"]]
    for d in delays:
        c, s = load(name, d, 0), load(name, d, 1)
        rt = "" if d == 0 else f"{(c['median'] - base[0]) / (d / 1000):.1f}, {(s['median'] - base[1]) / (d / 1000):.1f}"
        print(f"| {label} | {d} ms | {cell(c)} | {cell(s)} | {c['median'] / s['median']:.2f}x | {rt} |")
print()
print(f"Verdicts: {v['healthy']} (who-am-I answers), {v['whoami']} (silent).")
print()
print("### Verdicts without a full session")
print()
print("| case | causes[0] | 0 ms | 50 ms | 200 ms | round trips at 200 ms |")
print("|---|---|---:|---:|---:|---:|")
cases = [
    ("typo", "typo in the host name (NXDOMAIN)"),
    ("isp25", "ISP blocks port 25 (configured 25)"),
    ("wrongsec", "SSL/TLS set on port 587"),
    ("refused", "Postfix stopped (refused)"),
    ("rejected", "server firewall rejects (ICMP)"),
    ("dropped", f"server firewall drops (silent; --timeout {timeout})"),
]
for name, label in cases:
    r = [load(name, d) for d in delays]
    extra = (r[2]["median"] - r[0]["median"]) / 0.2
    print(f"| {label} | {v[name]} | {cell(r[0])} | {cell(r[1])} | {cell(r[2])} | {extra:.1f} |")
print()
print("### The wizard and the binary")
print()
ff = wizard["first_frame_ms"]
print("| figure | value |")
print("|---|---:|")
print(f"| wizard: time to first frame (80x24 pty, {wizard['runs']} runs) | {ff['median']:.1f} ms ({ff['min']:.1f}-{ff['max']:.1f}) |")
print(f"| wizard: CPU while idle on the start screen for {wizard['idle_seconds']:.0f} s | {wizard['idle_cpu_percent']:.2f} % |")
print(f"| wizard: peak memory (VmHWM) | {wizard['peak_rss_kib'] / 1024:.1f} MB |")
print(f"| check, healthy server: peak memory (max RSS) | {int(check_rss) / 1024:.1f} MB |")
h0 = load("healthy", 0)
print(f"| check, healthy server: CPU per run (user + system, hyperfine's mean at 0 ms; includes `ip netns exec`) | {(h0['user'] + h0['system']) * 1000:.0f} ms ({h0['user'] * 1000:.0f} + {h0['system'] * 1000:.0f}) |")
print(f"| release binary size | {int(size) / 1e6:.1f} MB |")
PY
