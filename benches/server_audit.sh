#!/usr/bin/env bash
# `smtp-doctor server --audit` on a week of generated mail logs and thousands of banned
# addresses, timed with hyperfine, beside `zgrep -F -f` (every banned address as a fixed
# string) over the same files as a yardstick for one pass over the logs.
#
#   bash benches/server_audit.sh [FOLDER]
#
# FOLDER (default /tmp/smtp-doctor-bench-audit) is filled once and reused:
#   - a week of Postfix and Dovecot lines (RFC 3339 stamps, as rsyslog writes them):
#     mail.log and mail.log.1 plain, mail.log.2.gz ... mail.log.7.gz compressed
#     (PLAIN_MB and GZ_MB megabytes each before compression: 2 x 700 + 6 x 500 MB by default,
#     4.4 GB in all), lines from about 40,000 addresses;
#   - csf.deny with N_DENY lfd entries, csf.tempban with N_TEMP temporary bans, and a
#     fail2ban database (fail2ban's own schema) with N_F2B current bans and N_F2B/2 earlier
#     ones, all from 172.16.0.0/12 (the logs' other clients are in 10.0.0.0/8): N_CUSTOMERS of the banned addresses also sign in successfully in the logs,
#     N_ATTACKERS only fail, the rest never show up;
#   - rules.v4: a DENYIN rule per csf.deny entry, as csf makes them. Run as root, the audit
#     runs in a new, empty network namespace (`unshare -n`) with these rules loaded (the
#     load is timed too); otherwise the packet-filter tools stand in with an empty ruleset.
# Environment: BIN (default target/release/smtp-doctor; `cargo build --release`), RUNS (3),
# PLAIN_MB (700), GZ_MB (500), N_DENY (3000), N_TEMP (500), N_F2B (2000), N_CUSTOMERS (50),
# N_ATTACKERS (500). Needs python3 (with its sqlite3 module), gzip, zgrep and hyperfine.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DIR=${1:-/tmp/smtp-doctor-bench-audit}
BIN=${BIN:-$HERE/../target/release/smtp-doctor}
RUNS=${RUNS:-3}
PLAIN_MB=${PLAIN_MB:-700}
GZ_MB=${GZ_MB:-500}
N_DENY=${N_DENY:-3000}
N_TEMP=${N_TEMP:-500}
N_F2B=${N_F2B:-2000}
N_CUSTOMERS=${N_CUSTOMERS:-50}
N_ATTACKERS=${N_ATTACKERS:-500}

command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "no binary at $BIN (cargo build --release)" >&2; exit 1; }
mkdir -p "$DIR"

# The banned addresses, the ban lists and the firewall rules (once).
if [ ! -s "$DIR/banned.txt" ]; then
  echo "generating the ban lists in $DIR" >&2
  python3 - "$DIR" "$N_DENY" "$N_TEMP" "$N_F2B" "$N_CUSTOMERS" "$N_ATTACKERS" <<'EOF'
import json, os, random, sqlite3, sys, time
d, n_deny, n_temp, n_f2b, n_cust, n_att = sys.argv[1], *map(int, sys.argv[2:])
rng = random.Random(4711)
now = int(time.time())
total = n_deny + n_temp + n_f2b
seen = set()
banned = []
while len(banned) < total:
    ip = f"172.{rng.randrange(16, 32)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    if ip not in seen:
        seen.add(ip)
        banned.append(ip)
deny, temp, f2b = banned[:n_deny], banned[n_deny:n_deny + n_temp], banned[n_deny + n_temp:]
os.makedirs(f"{d}/csf/etc", exist_ok=True)
os.makedirs(f"{d}/csf/state", exist_ok=True)
with open(f"{d}/csf/etc/csf.conf", "w") as f:
    f.write('TESTING = "0"\nLF_SMTPAUTH = "5"\nLF_INTERVAL = "3600"\nLF_PERMBLOCK_COUNT = "4"\n')
stamp = time.strftime("%a %b %d %H:%M:%S %Y", time.gmtime(now - 3600))
with open(f"{d}/csf/etc/csf.deny", "w") as f:
    for ip in deny:
        f.write(f"{ip} # lfd: (smtpauth) Failed SMTP AUTH login from {ip} (XX/Country/-): 5 in the last 3600 secs - {stamp}\n")
with open(f"{d}/csf/state/csf.tempban", "w") as f:
    for ip in temp:
        f.write(f"{now - 600}|{ip}||inout|86400|lfd - (smtpauth) Failed SMTP AUTH login from {ip} (XX/Country/-): 5 in the last 3600 secs\n")
# fail2ban's schema (server/database.py, version 4): only the tables the tool reads.
db = sqlite3.connect(f"{d}/fail2ban.sqlite3")
db.executescript("""
CREATE TABLE IF NOT EXISTS fail2banDb(version INTEGER);
CREATE TABLE IF NOT EXISTS jails(name TEXT NOT NULL UNIQUE, enabled INTEGER NOT NULL DEFAULT 1);
CREATE TABLE IF NOT EXISTS bans(jail TEXT NOT NULL, ip TEXT, timeofban INTEGER NOT NULL, bantime INTEGER NOT NULL, bancount INTEGER NOT NULL default 1, data JSON, FOREIGN KEY(jail) REFERENCES jails(name));
DELETE FROM bans;
""")
db.execute("INSERT OR IGNORE INTO jails(name) VALUES ('postfix-sasl')")
rows = []
for i, ip in enumerate(f2b):
    if i % 2 == 0:
        rows.append(("postfix-sasl", ip, now - 3 * 86400 - i, 3600, 1, json.dumps({"failures": 3})))
    line = f"mail postfix/submission/smtpd[4242]: warning: unknown[{ip}]: SASL PLAIN authentication failed: (reason unavailable), sasl_username=user{i}@example.test"
    rows.append(("postfix-sasl", ip, now - 300 - i, 86400, 2 if i % 2 == 0 else 1, json.dumps({"failures": 3, "matches": [line] * 3})))
db.executemany("INSERT INTO bans VALUES (?, ?, ?, ?, ?, ?)", rows)
db.commit()
with open(f"{d}/rules.v4", "w") as f:
    f.write("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:LOCALINPUT - [0:0]\n:DENYIN - [0:0]\n")
    f.write("-A INPUT ! -i lo -j LOCALINPUT\n-A LOCALINPUT ! -i lo -j DENYIN\n")
    for ip in deny:
        f.write(f"-A DENYIN -s {ip}/32 ! -i lo -j DROP\n")
    f.write("COMMIT\n")
# Who shows up in the logs: customers (sign in, then fail) and attackers (only fail).
shuffled = banned[:]
rng.shuffle(shuffled)
with open(f"{d}/customers.txt", "w") as f:
    f.write("\n".join(shuffled[:n_cust]) + "\n")
with open(f"{d}/attackers.txt", "w") as f:
    f.write("\n".join(shuffled[n_cust:n_cust + n_att]) + "\n")
with open(f"{d}/banned.txt", "w") as f:
    f.write("\n".join(banned) + "\n")
EOF
fi

# generate FILE MEGABYTES FIRST_DAY LAST_DAY: days counted back from now.
generate() {
  python3 - "$DIR" "$@" <<'EOF'
import os, random, sys, time
d, path, mb, first_day, last_day = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rng = random.Random(path)
now = int(time.time())
start, end = now - first_day * 86400, now - last_day * 86400
target = mb * 1_000_000
customers = open(f"{d}/customers.txt").read().split()
attackers = open(f"{d}/attackers.txt").read().split()
pool = [f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}" for _ in range(40000)]
users = [f"user{i}@example{i % 50}.test" for i in range(3000)]
def session(ts, ip, user, good):
    pid = rng.randrange(1000, 99999)
    c = f"unknown[{ip}]"
    s = f"{ts} mail postfix/submission/smtpd[{pid}]: "
    out = [s + f"connect from {c}",
           s + f"Anonymous TLS connection established from {c}: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)"]
    if good:
        q = "".join(rng.choice("0123456789ABCDEF") for _ in range(11))
        out += [s + f"{q}: client={c}, sasl_method=PLAIN, sasl_username={user}",
                f"{ts} mail postfix/cleanup[{pid + 7}]: {q}: message-id=<{q}@example.test>",
                f"{ts} mail postfix/qmgr[812]: {q}: from=<{user}>, size={rng.randrange(900, 90000)}, nrcpt=1 (queue active)",
                f"{ts} mail postfix/smtp[{pid + 11}]: {q}: to=<rcpt@elsewhere.test>, relay=mx.elsewhere.test[10.0.0.25]:25, delay=0.62, delays=0.01/0/0.21/0.4, dsn=2.0.0, status=sent (250 2.0.0 OK)",
                f"{ts} mail postfix/qmgr[812]: {q}: removed"]
    else:
        out += [f"{ts} mail dovecot: auth: passwd-file({user},{ip}): Password mismatch",
                s + f"warning: {c}: SASL PLAIN authentication failed: (reason unavailable), sasl_username={user}"]
    out.append(s + f"disconnect from {c} ehlo=2 starttls=1 auth=1 quit=1 commands=5")
    return out
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
        r = i % 1000
        if r < 2:
            ip = rng.choice(customers)
            lines = session(ts, ip, f"customer{customers.index(ip)}@example.test", r == 0)
        elif r < 12:
            ip = rng.choice(attackers)
            # Half the attackers guess one account's password, half spray many accounts.
            k = attackers.index(ip)
            user = users[k % len(users)] if k % 2 else rng.choice(users)
            lines = session(ts, ip, user, False)
        else:
            lines = session(ts, rng.choice(pool), rng.choice(users), rng.random() < 0.8)
        for line in lines:
            batch.append(line)
            written += len(line) + 1
        i += 1
        if len(batch) > 20000:
            f.write("\n".join(batch) + "\n")
            batch = []
    if batch:
        f.write("\n".join(batch) + "\n")
os.utime(path, (t, t))
EOF
}

FILES=("$DIR/mail.log" "$DIR/mail.log.1")
for n in 0 1; do
  f=${FILES[$n]}
  if [ ! -s "$f" ]; then
    echo "generating $f ($PLAIN_MB MB)" >&2
    generate "$f.tmp" "$PLAIN_MB" $((n + 1)) "$n"
    mv "$f.tmp" "$f"
  fi
done
for n in 2 3 4 5 6 7; do
  f=$DIR/mail.log.$n.gz
  FILES+=("$f")
  if [ ! -s "$f" ]; then
    echo "generating $f ($GZ_MB MB before compression)" >&2
    generate "$DIR/mail.log.$n.tmp" "$GZ_MB" $((n + 1)) "$n"
    gzip -6 -c "$DIR/mail.log.$n.tmp" >"$f.tmp"
    touch -r "$DIR/mail.log.$n.tmp" "$f.tmp"
    rm -f "$DIR/mail.log.$n.tmp"
    mv "$f.tmp" "$f"
  fi
done
ls -l "${FILES[@]}" >&2
echo "banned: $(wc -l <"$DIR/banned.txt") addresses ($N_DENY csf.deny, $N_TEMP csf.tempban, $N_F2B fail2ban)" >&2

LOGS=""
for f in "${FILES[@]}"; do LOGS="$LOGS --log $f"; done
AUDIT="$BIN server --audit --since 8d --json $LOGS --csf-dir $DIR/csf/etc --csf-state-dir $DIR/csf/state --fail2ban-socket $DIR/no-fail2ban.sock --fail2ban-db $DIR/fail2ban.sqlite3"
if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null && command -v iptables-restore >/dev/null; then
  # A new network namespace of its own (gone when the command ends) with csf's rules.
  TOOL="unshare -n sh -c 'iptables-restore < $DIR/rules.v4 && exec $AUDIT'"
  echo "the audit runs in an empty network namespace with $N_DENY DENYIN rules loaded" >&2
else
  STANDIN=$DIR/standin
  mkdir -p "$STANDIN"
  for t in iptables-save ip6tables-save ipset nft; do printf '#!/bin/sh\nexit 0\n' >"$STANDIN/$t"; chmod 755 "$STANDIN/$t"; done
  TOOL="env PATH=$STANDIN:/usr/bin:/bin $AUDIT"
  echo "not root: the packet-filter tools stand in with an empty ruleset" >&2
fi
ZGREP="zgrep -c -F -w -f $DIR/banned.txt ${FILES[*]}"

OUT=$(mktemp)
JSON=$(mktemp)
trap 'rm -f "$OUT" "$JSON"' EXIT
sh -c "$TOOL" >"$JSON" || true
python3 - "$JSON" <<'EOF' >&2
import json, sys
d = json.load(open(sys.argv[1]))
s = d["summary"]
print(f"audit: {s['blocked']} blocked, {s['customer']} customers, {s['failed_only']} failed only, "
      f"{s['spraying']} spraying, {s['no_sign_ins']} without sign-ins, {s['repeat']} banned repeatedly; "
      f"{len(d['advice'])} advice")
EOF
hyperfine --ignore-failure --warmup 1 --runs "$RUNS" --export-json "$OUT" --output=null \
  -n smtp-doctor "$TOOL" -n zgrep "$ZGREP" >&2
python3 - "$OUT" <<'EOF'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
tool, zg = r["smtp-doctor"]["median"], r["zgrep"]["median"]
print(f"median smtp-doctor --audit {tool:.2f} s, zgrep -F -w -f {zg:.2f} s, ratio {tool / zg:.2f}")
EOF
