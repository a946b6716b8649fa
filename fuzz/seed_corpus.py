#!/usr/bin/env python3
"""Writes fuzz seeds from the project's real inputs into DIR/<target>/ (default fuzz/seeds):
replies and EHLO answers recorded from the lab servers (tests/scenarios), the shipped tree,
profiles and reply rules, pasted error messages from tests/error_text.rs, the server-mode log
fixtures (tests/fixtures/server/logs) and certificates. `cargo fuzz cmin` then keeps the
inputs that add coverage in fuzz/corpus/<target>/ (see README, "Fuzzing")."""

import glob
import hashlib
import os
import re
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "fuzz", "seeds")


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def walk(v, found):
    """Every table of a recorded scenario that is a reply (code, lines) or an EHLO answer."""
    if isinstance(v, dict):
        if isinstance(v.get("code"), int) and isinstance(v.get("lines"), list):
            found.append(("reply", v))
        if "domain" in v and "extensions" in v:
            found.append(("ehlo", v))
        for x in v.values():
            walk(x, found)
    elif isinstance(v, list):
        for x in v:
            walk(x, found)


def as_reply(code, lines):
    lines = lines or [""]
    return "".join(
        f"{code}{' ' if i + 1 == len(lines) else '-'}{l}\r\n" for i, l in enumerate(lines)
    )


for path in sorted(glob.glob(os.path.join(ROOT, "tests/scenarios/*.toml"))):
    with open(path, "rb") as f:
        try:
            doc = tomllib.load(f)
        except tomllib.TOMLDecodeError:
            continue
    found = []
    walk(doc, found)
    for kind, t in found:
        if kind == "reply":
            put("reply", as_reply(t["code"], [str(l) for l in t["lines"]]))
        else:
            first = " ".join(x for x in [t["domain"], t.get("greeting_rest", "")] if x)
            lines = [first] + [str(e) for e in t["extensions"]]
            put("ehlo", "\n".join(lines))
            put("reply", as_reply(250, lines))

# Replies no lab server sends on its own: continuation, enhanced codes, bare LF, a trickle.
for r in [
    "535 5.7.8 Error: authentication failed\r\n",
    "220-mx.example.com ESMTP\r\n220-second line\r\n220 ready\n",
    "421 4.7.0 Too many connections\r\n",
    "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n",
    "354 End data with <CR><LF>.<CR><LF>\r\n",
    "334 VXNlcm5hbWU6\r\n",
]:
    put("reply", r)

put("tree", read("assets/tree.toml"))
put("tree", 'start = "a"\n[node.a]\nkind = "end"\nstep = "settings"\ntitle = "Done"\n')
for p in sorted(glob.glob(os.path.join(ROOT, "profiles/*.toml"))):
    put("profile", read(os.path.relpath(p, ROOT)))
put("replies", read("assets/replies.toml"))
put("replies", '[[reply]]\ncode = "5xx"\ncontains = ["bad password"]\ncause = "auth.wrong_password"\n')

text = read("tests/error_text.rs").decode()
for s in re.findall(r'"((?:[^"\\]|\\.){12,})"', text):
    put("error_text", s.encode().decode("unicode_escape", errors="ignore").encode("utf-8", "surrogatepass"))

logs = "tests/fixtures/server/logs"
for name in ["postfix-maillog.log", "dovecot.log", "exim-mainlog", "exim-rejectlog"]:
    lines = read(f"{logs}/{name}").splitlines(keepends=True)
    for i in range(0, len(lines), 8):
        put("server_logs", b"".join(lines[i : i + 8]))
put("server_logs", read("tests/fixtures/server/fail2ban/mail.log"))
put("server_logs", "2026-12-01T09:00:00.123456+01:00 mail postfix/smtpd[1]: warning: unknown[198.51.100.7]: SASL LOGIN authentication failed\n")

records = read(f"{logs}/journal.json").splitlines(keepends=True)
for i in range(0, len(records), 10):
    put("journal", b"".join(records[i : i + 10]))
put("journal", "systemd 252 (252.38-1~deb12u1)\n+PAM +AUDIT +SELINUX -APPARMOR +IMA +PCRE2 default-hierarchy=unified\n")

# Certificates: DER files given after DIR (made with `openssl req -x509 ... -outform DER`).
for p in sys.argv[2:]:
    with open(p, "rb") as f:
        put("cert", f.read())
