#!/usr/bin/env python3
"""Checks that the running serverlab behaves as tests/serverlab/serverlab.sh describes.

    sudo bash tests/serverlab/serverlab.sh selftest
    (= ip netns exec sdv-cli python3 tests/serverlab/selftest.py, as root, after `serverlab.sh up`)

Runs inside sdv-cli (the customers' network) and checks every piece from a customer's side:
a clean address logs in over STARTTLS and implicit TLS (IPv4 and IPv6), every blocked address
meets silence, the suspended one gets the access map's 554, and fail2ban really bans (and
unbans) the selftest's own address 198.51.100.18 after three failed logins. Standard library
only; every network step has a short time-out and every wait is bounded. Prints one line per
check and the measured times; exit 0 when every check passes. The lab is left as it was found
(198.51.100.18 is unbanned again).
"""

import base64
import concurrent.futures
import errno
import os
import smtplib
import socket
import ssl
import subprocess
import sys
import time

STATE = os.environ.get("SMTP_DOCTOR_SERVERLAB", "/tmp/smtp-doctor-serverlab")
CA = os.path.join(STATE, "pki", "ca.pem")
F2B_SOCK = os.path.join(STATE, "fail2ban-run", "fail2ban.sock")
MAIL_LOG = os.path.join(STATE, "log", "mail.log")
DOVECOT_LOG = os.path.join(STATE, "log", "dovecot.log")
JAIL = "postfix-sasl"
USER = "alice@example.test"
PASSWORD = "correct horse battery staple"
HOST = "smtp.example.test"

MAIL4 = "203.0.113.25"
MAIL6 = "2001:db8:203::25"
CLEAN4 = "198.51.100.10"
CLEAN6 = "2001:db8:100::10"
DROP4 = "198.51.100.11"
DROP6 = "2001:db8:100::11"
NFT = "198.51.100.12"
CSF_DENY = "198.51.100.13"
ACCESS = "198.51.100.14"
CSF_TEMP = "198.51.100.16"
IPSET = "198.51.100.17"
SELFTEST_BAN = "198.51.100.18"
CSF_ALLOW = "198.51.100.19"
OUTSIDE = "142.250.1.1"
ACCESS_TEXT = "Customer suspended: see billing"

failures = []
measured = []
started = time.monotonic()


def check(name, fn):
    try:
        detail = fn()
        print(f"ok    {name}{': ' + detail if detail else ''}", flush=True)
    except Exception as e:  # noqa: BLE001 - report every failure the same way
        failures.append(name)
        print(f"FAIL  {name}: {type(e).__name__}: {e}", flush=True)


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def family(ip):
    return socket.AF_INET6 if ":" in ip else socket.AF_INET


def connect_from(src, dst, port, timeout):
    """A TCP connection from source address `src`; returns (socket, seconds)."""
    s = socket.socket(family(dst), socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.bind((src, 0))
    t = time.monotonic()
    try:
        s.connect((dst, port))
    except BaseException:
        s.close()
        raise
    return s, time.monotonic() - t


class NamedSMTPSSL(smtplib.SMTP_SSL):
    """Implicit TLS to an address, checking the certificate against the server's name."""

    def _get_socket(self, host, port, timeout):
        sock = socket.create_connection((host, port), timeout, self.source_address)
        return self.context.wrap_socket(sock, server_hostname=HOST)


def smtp_from(src, dst, port, timeout=5.0, tls_wrapped=False):
    if tls_wrapped:
        s = NamedSMTPSSL(timeout=timeout, source_address=(src, 0), context=ctx())
    else:
        s = smtplib.SMTP(timeout=timeout, source_address=(src, 0))
    code, msg = s.connect(dst, port)
    if code != 220:
        raise AssertionError(f"greeting {code} {msg!r}")
    # STARTTLS checks the certificate against _host: the server's name, not its address.
    s._host = HOST
    return s


def ctx():
    c = ssl.create_default_context(cafile=CA)
    return c


def plain_token(user, password):
    return base64.b64encode(f"\0{user}\0{password}".encode()).decode()


def greets(src, dst, port):
    def run():
        s, took = connect_from(src, dst, port, 3.0)
        with s:
            line = s.recv(200).decode(errors="replace").strip()
        if not line.startswith("220 "):
            raise AssertionError(f"no 220 greeting: {line!r}")
        return f"{line[:40]} (connect {ms(took)})"

    return run


def starttls_auth(src, dst, port=587):
    def run():
        t = time.monotonic()
        s = smtp_from(src, dst, port)
        try:
            s.ehlo("client.example.test")
            if s.has_extn("auth"):
                raise AssertionError("AUTH offered before TLS")
            s.starttls(context=ctx())
            s.ehlo("client.example.test")
            code, msg = s.docmd("AUTH", "PLAIN " + plain_token(USER, PASSWORD))
            if code != 235:
                raise AssertionError(f"AUTH answered {code} {msg!r}")
            # Postfix logs the login (client=..., sasl_username=) when the first recipient
            # opens a queue file; RSET throws it away (and delivery would discard it anyway).
            code, msg = s.mail(USER)
            if code != 250:
                raise AssertionError(f"MAIL FROM answered {code} {msg!r}")
            code, msg = s.rcpt("bob@elsewhere.test")
            if code != 250:
                raise AssertionError(f"RCPT TO after AUTH answered {code} {msg!r}")
            s.rset()
        finally:
            s.close()
        took = time.monotonic() - t
        measured.append(f"STARTTLS + AUTH on {port} from {src}: {ms(took)}")
        return f"235 ({ms(took)})"

    return run


def implicit_tls_auth(src, dst):
    def run():
        s = smtp_from(src, dst, 465, tls_wrapped=True)
        try:
            s.ehlo("client.example.test")
            code, msg = s.docmd("AUTH", "PLAIN " + plain_token(USER, PASSWORD))
            if code != 235:
                raise AssertionError(f"AUTH answered {code} {msg!r}")
            version = s.sock.version()
        finally:
            s.close()
        return f"235 over {version}"

    return run


def relay_denied(src, dst):
    def run():
        s = smtp_from(src, dst, 25)
        try:
            s.ehlo("client.example.test")
            s.mail("someone@elsewhere.test")
            code, msg = s.rcpt("bob@elsewhere.test")
        finally:
            s.close()
        if code != 554 or b"Relay access denied" not in msg:
            raise AssertionError(f"RCPT answered {code} {msg!r}")
        return f"{code} {msg.decode()}"

    return run


def unknown_recipient(src, dst):
    def run():
        s = smtp_from(src, dst, 587)
        try:
            s.ehlo("client.example.test")
            s.starttls(context=ctx())
            s.ehlo("client.example.test")
            code, msg = s.docmd("AUTH", "PLAIN " + plain_token(USER, PASSWORD))
            if code != 235:
                raise AssertionError(f"AUTH answered {code} {msg!r}")
            s.mail(USER)
            code, msg = s.rcpt("nobody@example.test")
            s.rset()
        finally:
            s.close()
        if code != 550 or b"User unknown" not in msg:
            raise AssertionError(f"RCPT answered {code} {msg!r}")
        return f"{code} {msg.decode()}"

    return run


def access_map_refuses(src, dst, port):
    def run():
        s = smtp_from(src, dst, port)
        try:
            s.ehlo("client.example.test")
            code, msg = s.mail("alice@example.test")
            if code == 250:
                code, msg = s.rcpt("bob@elsewhere.test")
        finally:
            s.close()
        got = f"{code} {msg.decode(errors='replace')}"
        # Postfix puts the client and "Client host rejected:" between the code and the text.
        if code != 554 or not got.startswith("554 5.7.1 ") or not got.endswith(ACCESS_TEXT):
            raise AssertionError(f"got {got!r}, want 554 5.7.1 ... {ACCESS_TEXT!r}")
        return got

    return run


def probe_silence(src, dst, port, timeout=1.0):
    """A DROP: the connection attempt meets silence until the time-out. Returns a message."""
    t = time.monotonic()
    try:
        s, _ = connect_from(src, dst, port, timeout)
    except socket.timeout:
        return f"silence for {ms(time.monotonic() - t)}"
    except OSError as e:
        raise AssertionError(f"{dst}:{port} gave {e!r} to {src}, want silence")
    s.close()
    raise AssertionError(f"{dst}:{port} answered {src}")


class Silences:
    """Every silence probe at once (each waits its whole time-out), reported one by one."""

    def __init__(self, probes):
        self.results = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(probes)) as pool:
            futures = {p: pool.submit(probe_silence, *p) for p in probes}
        for p, f in futures.items():
            self.results[p] = f

    def check(self, src, dst, port):
        return lambda: self.results[(src, dst, port)].result()


def refused(src, dst, port):
    """fail2ban's REJECT (icmp-port-unreachable): refused at once."""
    t = time.monotonic()
    try:
        s, _ = connect_from(src, dst, port, 2.0)
    except ConnectionRefusedError:
        return time.monotonic() - t
    except socket.timeout:
        raise AssertionError(f"{dst}:{port} is silent for {src}, want a refusal")
    s.close()
    raise AssertionError(f"{dst}:{port} answered {src}")


def no_route_out():
    try:
        connect_from(CLEAN4, OUTSIDE, 443, 2.0)
    except OSError as e:
        if e.errno == errno.ENETUNREACH:
            return "ENETUNREACH"
        raise AssertionError(f"{OUTSIDE}:443 gave {e!r}, want ENETUNREACH")
    raise AssertionError(f"{OUTSIDE}:443 answered")


def f2b(*args):
    out = subprocess.run(
        ["fail2ban-client", "-s", F2B_SOCK, *args],
        capture_output=True,
        text=True,
        timeout=10,
    )
    if out.returncode != 0:
        raise AssertionError(f"fail2ban-client {' '.join(args)}: exit {out.returncode}: {out.stderr.strip()}")
    return out.stdout


def banned_ips():
    for line in f2b("status", JAIL).splitlines():
        if "Banned IP list:" in line:
            return line.split("Banned IP list:", 1)[1].split()
    raise AssertionError("no 'Banned IP list' in fail2ban-client status")


def fail2ban_answers():
    pong = f2b("ping").strip()
    if "pong" not in pong:
        raise AssertionError(f"ping answered {pong!r}")
    jails = f2b("status")
    if JAIL not in jails:
        raise AssertionError(f"jail {JAIL} not running: {jails!r}")
    return f"{pong}; jail {JAIL} running"


def wrong_logins(src, n):
    s = smtp_from(src, MAIL4, 587)
    try:
        s.ehlo("client.example.test")
        s.starttls(context=ctx())
        s.ehlo("client.example.test")
        for _ in range(n):
            code, msg = s.docmd("AUTH", "PLAIN " + plain_token(USER, "wrong password"))
            if code != 535:
                raise AssertionError(f"a wrong password got {code} {msg!r}, want 535")
    finally:
        s.close()


def fail2ban_bans_and_unbans():
    if SELFTEST_BAN in banned_ips():
        f2b("set", JAIL, "unbanip", SELFTEST_BAN)
    t = time.monotonic()
    wrong_logins(SELFTEST_BAN, 3)
    deadline = time.monotonic() + 15
    while SELFTEST_BAN not in banned_ips():
        if time.monotonic() > deadline:
            raise AssertionError(f"{SELFTEST_BAN} not banned 15 s after 3 failed logins")
        time.sleep(0.1)
    ban_took = time.monotonic() - t
    # fail2ban lists the ban before its action has put the rule in the kernel (slower on a
    # busy machine): wait for the refusal, bounded.
    deadline = time.monotonic() + 10
    while True:
        try:
            refused_took = refused(SELFTEST_BAN, MAIL4, 587)
            break
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    # Other ports than the jail's are not covered by the ban.
    f2b("set", JAIL, "unbanip", SELFTEST_BAN)
    if SELFTEST_BAN in banned_ips():
        raise AssertionError("still banned after unbanip")
    greets(SELFTEST_BAN, MAIL4, 587)()
    measured.append(f"3 failed logins to fail2ban's ban: {ms(ban_took)}")
    return f"banned {ms(ban_took)} after the logins, then refused ({ms(refused_took)}); unbanned, greets again"


def logs_name_the_failures():
    with open(MAIL_LOG, encoding="utf-8", errors="replace") as f:
        mail = f.read()
    with open(DOVECOT_LOG, encoding="utf-8", errors="replace") as f:
        dovecot = f.read()
    want_mail = [
        f"[{SELFTEST_BAN}]: SASL PLAIN authentication failed",
        "sasl_method=PLAIN, sasl_username=alice@example.test",
        f"NOQUEUE: reject: RCPT from unknown[{ACCESS}]: 554 5.7.1 <unknown[{ACCESS}]>: Client host rejected: {ACCESS_TEXT};",
    ]
    for w in want_mail:
        if w not in mail:
            raise AssertionError(f"{MAIL_LOG} has no line with {w!r}")
    if f"{SELFTEST_BAN}" not in dovecot or "assword mismatch" not in dovecot:
        raise AssertionError(f"{DOVECOT_LOG} names no password mismatch from {SELFTEST_BAN}")
    return "Postfix: AUTH failure, login and the 554; Dovecot: the mismatch with the address"


def server_trusts_its_chain():
    """Inside sdv-mail the served chain (leaf + issuing CA) verifies against the system store."""
    mail_pem = os.path.join(STATE, "pki", "mail.pem")
    issuing = os.path.join(STATE, "pki", "issuing", "ca.pem")
    out = subprocess.run(
        ["ip", "netns", "exec", "sdv-mail", "openssl", "verify",
         "-CAfile", "/etc/ssl/certs/ca-certificates.crt", "-untrusted", issuing, mail_pem],
        capture_output=True, text=True, timeout=10,
    )
    if out.returncode != 0:
        raise AssertionError(f"openssl verify in sdv-mail: {out.stdout.strip()} {out.stderr.strip()}")
    with open(mail_pem, encoding="ascii") as f:
        n = f.read().count("BEGIN CERTIFICATE")
    if n != 2:
        raise AssertionError(f"{mail_pem} holds {n} certificates, want the leaf and the issuing CA")
    return "leaf + issuing CA, verified against sdv-mail's /etc/ssl/certs/ca-certificates.crt"


def main():
    if not os.path.exists(os.path.join(STATE, "ready")):
        print(f"the serverlab is not running ({STATE}/ready is missing): run `sudo bash tests/serverlab/serverlab.sh up`")
        return 1
    check("clean 198.51.100.10 greets on 25", greets(CLEAN4, MAIL4, 25))
    check("clean 198.51.100.10: STARTTLS + AUTH on 587", starttls_auth(CLEAN4, MAIL4))
    check("clean 198.51.100.10: implicit TLS + AUTH on 465", implicit_tls_auth(CLEAN4, MAIL4))
    check("clean 2001:db8:100::10: STARTTLS + AUTH on 587 (IPv6)", starttls_auth(CLEAN6, MAIL6))
    # Not from .10: the tests expect nothing but good sessions from the clean address.
    check("198.51.100.19: relaying without AUTH refused", relay_denied(CSF_ALLOW, MAIL4))
    check("clean 198.51.100.10: an unknown recipient refused after AUTH", unknown_recipient(CLEAN4, MAIL4))
    check("csf.allow 198.51.100.19 greets on 587", greets(CSF_ALLOW, MAIL4, 587))
    silences = Silences(
        [
            (DROP4, MAIL4, 587),
            (DROP6, MAIL6, 587),
            (NFT, MAIL4, 587),
            (CSF_DENY, MAIL4, 587),
            (CSF_TEMP, MAIL4, 465),
            (IPSET, MAIL4, 25),
        ]
    )
    check("iptables DROP 198.51.100.11: silence on 587", silences.check(DROP4, MAIL4, 587))
    check("ip6tables DROP 2001:db8:100::11: silence on 587", silences.check(DROP6, MAIL6, 587))
    check("nftables set 198.51.100.12: silence on 587", silences.check(NFT, MAIL4, 587))
    check("CSF deny 198.51.100.13: silence on 587", silences.check(CSF_DENY, MAIL4, 587))
    check("CSF temp ban 198.51.100.16: silence on 465", silences.check(CSF_TEMP, MAIL4, 465))
    check("ipset 198.51.100.17: silence on 25", silences.check(IPSET, MAIL4, 25))
    check("access map 198.51.100.14: 554 on 25", access_map_refuses(ACCESS, MAIL4, 25))
    check("access map 198.51.100.14: 554 on 587 too", access_map_refuses(ACCESS, MAIL4, 587))
    check("the server's certificate chain is complete and trusted inside sdv-mail", server_trusts_its_chain)
    check("fail2ban answers on its socket", fail2ban_answers)
    check("fail2ban bans 198.51.100.18 after 3 failed logins, unbanip lifts it", fail2ban_bans_and_unbans)
    check("the logs name the logins, failures and refusals", logs_name_the_failures)
    check(f"nothing routes out ({OUTSIDE})", no_route_out)
    print("measured:")
    for line in measured:
        print(f"  {line}")
    total = time.monotonic() - started
    print(f"serverlab selftest: {len(failures)} failed in {total:.1f} s" + (f": {', '.join(failures)}" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
