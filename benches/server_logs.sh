#!/usr/bin/env bash
# Server mode's log scan against `zgrep -F` on the same files: a 1 GB plain mail.log and three
# rotated .gz files (about 2.4 GB uncompressed, a few hundred MB compressed), realistic
# Postfix and Dovecot lines from many addresses over 28 days, a few hundred of them about the
# client 198.51.100.7 (and lines of its neighbours 198.51.100.70-79, which must not count).
#
#   bash benches/server_logs.sh [FOLDER]
#
# FOLDER (default /tmp/smtp-doctor-bench-logs) is filled once and reused. Root is not needed.
# Environment: BIN (default target/release/smtp-doctor; built with `cargo build --release`),
# RUNS (default 5), PLAIN_MB (1000), GZ_FILES (3), GZ_MB (800, uncompressed, each).
# Needs python3, gzip, zgrep and hyperfine (`apt-get install hyperfine`).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DIR=${1:-/tmp/smtp-doctor-bench-logs}
BIN=${BIN:-$HERE/../target/release/smtp-doctor}
RUNS=${RUNS:-5}
PLAIN_MB=${PLAIN_MB:-1000}
GZ_FILES=${GZ_FILES:-3}
GZ_MB=${GZ_MB:-800}
IP=198.51.100.7

command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
mkdir -p "$DIR"

# generate FILE MEGABYTES FIRST_DAY LAST_DAY: days counted back from now (28 = four weeks ago).
generate() {
  python3 - "$@" <<'EOF'
import os, random, sys, time
path, mb, first_day, last_day = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(path)
now = int(time.time())
start, end = now - first_day * 86400, now - last_day * 86400
target = mb * 1_000_000
# ~900 bytes a session; time advances with the bytes written, so the file spans its days.
sessions = target // 900
pool = [f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}" for _ in range(40000)]
pool += [f"203.0.113.{i}" for i in range(1, 255)] + [f"198.51.100.{i}" for i in range(70, 80)]
pool += [f"2001:db8:{rng.randrange(65536):x}::{rng.randrange(65536):x}" for _ in range(2000)]
users = [f"user{i}@example{i % 50}.test" for i in range(3000)]
hexd = "0123456789ABCDEF"
def qid(): return "".join(rng.choice(hexd) for _ in range(11))
def sess(): return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/") for _ in range(16))
def session(ts, ip, user):
    pid = rng.randrange(1000, 99999)
    host = "unknown" if rng.random() < 0.6 else f"host-{pid}.dyn.example.net"
    c = f"{host}[{ip}]"
    kind = rng.random()
    s = f"{ts} mail postfix/submission/smtpd[{pid}]: "
    out = [s + f"connect from {c}",
           s + f"Anonymous TLS connection established from {c}: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256"]
    if kind < 0.55:
        q = qid()
        out += [s + f"{q}: client={c}, sasl_method=PLAIN, sasl_username={user}",
                f"{ts} mail postfix/cleanup[{pid + 7}]: {q}: message-id=<{sess()}@example.test>",
                f"{ts} mail postfix/qmgr[812]: {q}: from=<{user}>, size={rng.randrange(900, 90000)}, nrcpt=1 (queue active)",
                f"{ts} mail postfix/smtp[{pid + 11}]: {q}: to=<rcpt{rng.randrange(9999)}@elsewhere.test>, relay=mx.elsewhere.test[{rng.choice(pool)}]:25, delay=0.62, delays=0.01/0/0.21/0.4, dsn=2.0.0, status=sent (250 2.0.0 OK {sess()})",
                f"{ts} mail postfix/qmgr[812]: {q}: removed",
                s + f"disconnect from {c} ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8"]
    elif kind < 0.75:
        out += [f"{ts} mail dovecot: auth: passwd-file({user},{ip}): Password mismatch",
                s + f"warning: {c}: SASL PLAIN authentication failed: (reason unavailable), sasl_username={user}",
                s + f"disconnect from {c} ehlo=2 starttls=1 auth=0/1 quit=1 commands=4/5"]
    elif kind < 0.9:
        out += [f"{ts} mail dovecot: imap-login: Login: user=<{user}>, method=PLAIN, rip={ip}, lip=203.0.113.25, mpid={pid}, TLS, session=<{sess()}>",
                f"{ts} mail dovecot: imap({user})<{pid}><{sess()}>: Disconnected: Logged out in=120 out=4312 deleted=0 expunged=0 trashed=0 hdr_count=0 hdr_bytes=0 body_count=0 body_bytes=0",
                s + f"disconnect from {c} ehlo=1 quit=1 commands=2"]
    else:
        port = rng.randrange(1024, 65535)
        out = [f"{ts} mail postfix/postscreen[{pid}]: CONNECT from [{ip}]:{port} to [203.0.113.25]:25",
               f"{ts} mail postfix/postscreen[{pid}]: PASS OLD [{ip}]:{port}",
               f"{ts} mail postfix/smtpd[{pid + 1}]: connect from {c}",
               f"{ts} mail postfix/smtpd[{pid + 1}]: NOQUEUE: reject: RCPT from {c}: 554 5.7.1 <x@elsewhere.test>: Relay access denied; from=<{user}> to=<x@elsewhere.test> proto=ESMTP helo=<pc>",
               f"{ts} mail postfix/smtpd[{pid + 1}]: disconnect from {c} ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4"]
    return out
client_every = max(1, sessions // 60)  # ~60 client sessions (a few hundred lines) per file
written, i, second, prefix = 0, 0, -1, ""
with open(path, "w", buffering=1 << 22) as f:
    batch = []
    while written < target:
        t = start + (end - start) * written / target
        sec = int(t)
        if sec != second:
            second = sec
            prefix = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(sec))
        ts = f"{prefix}.{int((t - sec) * 1e6):06d}+00:00"
        ip = "198.51.100.7" if i % client_every == 0 else rng.choice(pool)
        for line in session(ts, ip, rng.choice(users)):
            batch.append(line)
            written += len(line) + 1
        i += 1
        if len(batch) > 20000:
            f.write("\n".join(batch) + "\n")
            batch = []
    if batch:
        f.write("\n".join(batch) + "\n")
# A log file was last written when its last line was.
os.utime(path, (t, t))
EOF
}

FILES=("$DIR/mail.log")
if [ ! -s "$DIR/mail.log" ]; then
  echo "generating $DIR/mail.log ($PLAIN_MB MB)" >&2
  generate "$DIR/mail.log.tmp" "$PLAIN_MB" 7 0
  mv "$DIR/mail.log.tmp" "$DIR/mail.log"
fi
for n in $(seq 2 $((GZ_FILES + 1))); do
  f=$DIR/mail.log.$n.gz
  FILES+=("$f")
  if [ ! -s "$f" ]; then
    echo "generating $f ($GZ_MB MB before compression)" >&2
    generate "$DIR/mail.log.$n.tmp" "$GZ_MB" $((7 * n)) $((7 * n - 7))
    gzip -6 -c "$DIR/mail.log.$n.tmp" >"$f.tmp"
    touch -r "$DIR/mail.log.$n.tmp" "$f.tmp"
    rm -f "$DIR/mail.log.$n.tmp"
    mv "$f.tmp" "$f"
  fi
done
ls -l "${FILES[@]}" >&2
[ -x "$BIN" ] || { echo "no binary at $BIN (cargo build --release)" >&2; exit 1; }

LOGS=()
for f in "${FILES[@]}"; do LOGS+=(--log "$f"); done
TOOL="$BIN server --client-ip $IP --since 30d ${LOGS[*]} --json"
ZGREP="zgrep -F $IP ${FILES[*]}"
echo "matching lines: zgrep $($ZGREP | wc -l) (neighbours included), smtp-doctor $($TOOL | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["log"]))')" >&2

OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
# --ignore-failure: the tool's exit status 1 means "a problem was found" (the generated log has
# failed sign-ins), which is what it should say here, not a failed run.
hyperfine --ignore-failure --warmup 1 --runs "$RUNS" --export-json "$OUT" --output=null \
  -n smtp-doctor "$TOOL" -n zgrep "$ZGREP" >&2
python3 - "$OUT" <<'EOF'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
tool, zg = r["smtp-doctor"]["median"], r["zgrep"]["median"]
print(f"median smtp-doctor {tool:.2f} s, zgrep -F {zg:.2f} s, ratio {tool / zg:.2f}")
EOF
