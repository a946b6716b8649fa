#!/usr/bin/env python3
"""Checks that the running test lab behaves as tests/lab/lab.sh describes.

    python3 tests/lab/selftest.py        (after `sudo bash tests/lab/lab.sh up`)

Standard library only; every network step has a short time-out; loopback addresses only.
Exit 0 when every check passes; prints one line per check.
"""

import os
import random
import smtplib
import socket
import ssl
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dns_client  # noqa: E402  (the labs' shared DNS client, next to this file)

LAB = os.environ.get("SMTP_DOCTOR_LAB", "/tmp/smtp-doctor-lab")
CA = os.path.join(LAB, "pki", "ca.pem")
DNS = ("127.0.53.1", 53)
USER = "alice@example.test"
EXIM_USER = "alice@exim.test"
PASSWORD = "correct horse battery staple"
TIMEOUT = 5

failures = []


def check(name, fn):
    try:
        detail = fn()
        print(f"ok    {name}{': ' + detail if detail else ''}")
    except Exception as e:  # noqa: BLE001 - report every failure the same way
        failures.append(name)
        print(f"FAIL  {name}: {type(e).__name__}: {e}")


def dns_query(name, qtype):
    """Returns (rcode, [answer strings])."""
    return dns_client.query(DNS, name, qtype)


def expect_dns(name, qtype, want):
    def run():
        rcode, answers = dns_query(name, qtype)
        assert rcode == 0, f"rcode {rcode}"
        assert answers == want, f"got {answers}, want {want}"
        return ", ".join(answers) if answers else "no data (NOERROR)"

    return run


def expect_nxdomain(name, qtype="A"):
    def run():
        rcode, answers = dns_query(name, qtype)
        assert rcode == 3, f"rcode {rcode}, answers {answers}"
        return "NXDOMAIN"

    return run


# ------------------------------------------------------------------------------------------
# SMTP
# ------------------------------------------------------------------------------------------
def ctx():
    return ssl.create_default_context(cafile=CA)


def submission(ip, host, port=587):
    """EHLO, STARTTLS (verified against the lab CA for host), EHLO again."""
    s = smtplib.SMTP(timeout=TIMEOUT)
    s._host = host  # server_hostname for the certificate check
    code, _ = s.connect(ip, port)
    assert code == 220, f"greeting {code}"
    s.ehlo("client.test")
    return s


def good_587_no_auth_before_tls():
    s = submission("127.0.10.1", "smtp.example.test")
    try:
        assert s.has_extn("starttls"), "no STARTTLS offered"
        assert not s.has_extn("auth"), f"AUTH offered before STARTTLS: {s.esmtp_features.get('auth')}"
        return "EHLO offers STARTTLS, no AUTH"
    finally:
        s.quit()


def good_587_auth_after_tls():
    s = submission("127.0.10.1", "smtp.example.test")
    try:
        s.starttls(context=ctx())
        s.ehlo("client.test")
        assert "PLAIN" in s.esmtp_features.get("auth", ""), s.esmtp_features
        code, msg = s.docmd("AUTH", "PLAIN " + plain_token(USER, PASSWORD))
        assert code == 235, f"{code} {msg}"
        code, msg = s.mail(USER)
        assert code == 250, f"MAIL {code} {msg}"
        code, msg = s.rcpt(USER)
        assert code == 250, f"RCPT {code} {msg}"
        s.rset()
        code, msg = s.mail("bob@bare.test")
        if code == 250:
            code, msg = s.rcpt(USER)
        assert code == 553, f"sending as bob@bare.test: {code} {msg}"
        return "TLS verified for smtp.example.test, AUTH PLAIN 235, MAIL/RCPT 250, other sender 553"
    finally:
        s.quit()


def plain_token(user, password):
    import base64

    return base64.b64encode(f"\0{user}\0{password}".encode()).decode()


def good_587_wrong_password():
    s = submission("127.0.10.1", "smtp.example.test")
    try:
        s.starttls(context=ctx())
        s.ehlo("client.test")
        code, msg = s.docmd("AUTH", "PLAIN " + plain_token(USER, "wrong password"))
        assert code == 535, f"{code} {msg}"
        return f"{code} {msg.decode()}"
    finally:
        s.quit()


def good_587_relay_denied():
    s = submission("127.0.10.1", "smtp.example.test")
    try:
        code, msg = s.mail("bob@bare.test")
        assert code == 250, f"MAIL {code} {msg}"
        code, msg = s.rcpt("bob@elsewhere.test")
        assert code == 554 and b"5.7.1" in msg, f"{code} {msg}"
        return f"{code} {msg.decode()}"
    finally:
        s.quit()


def implicit_tls(ip, host, user=USER):
    def run():
        s = smtplib.SMTP_SSL(host=None, timeout=TIMEOUT, context=ctx())
        s._host = host
        code, _ = s.connect(ip, 465)
        assert code == 220, f"greeting {code}"
        try:
            s.ehlo("client.test")
            code, msg = s.docmd("AUTH", "PLAIN " + plain_token(user, PASSWORD))
            assert code == 235, f"{code} {msg}"
            return f"TLS verified for {host}, AUTH 235, {s.sock.version()}"
        finally:
            s.quit()

    return run


def starttls_verified(ip, host):
    def run():
        s = submission(ip, host)
        try:
            s.starttls(context=ctx())
            return f"verified as {host}, {s.sock.version()}"
        finally:
            s.quit()

    return run


def cert_rejected(ip, host, port, want):
    def run():
        try:
            if port == 465:
                with socket.create_connection((ip, port), timeout=TIMEOUT) as raw:
                    ctx().wrap_socket(raw, server_hostname=host).close()
            else:
                s = submission(ip, host, port)
                try:
                    s.starttls(context=ctx())
                finally:
                    s.close()
        except ssl.SSLCertVerificationError as e:
            assert want in e.verify_message, f"verify error '{e.verify_message}', want '{want}'"
            return f"{e.verify_message} (code {e.verify_code})"
        raise AssertionError("certificate was accepted")

    return run


def nochain_complete_with_intermediate():
    """The leaf is sound: with the intermediate added on the client side it verifies."""
    c = ctx()
    c.load_verify_locations(os.path.join(LAB, "pki", "inter", "ca.pem"))
    with socket.create_connection(("127.0.10.7", 465), timeout=TIMEOUT) as raw:
        with c.wrap_socket(raw, server_hostname="nochain.example.test") as tls:
            return f"issuer {dict(x[0] for x in tls.getpeercert()['issuer'])['commonName']}"


def sent_chains():
    """How many certificates each server sends (openssl s_client -showcerts)."""
    got = {}
    for ip, host in [("127.0.10.7", "nochain.example.test"), ("127.0.10.8", "privateca.example.test")]:
        out = subprocess.run(
            ["openssl", "s_client", "-connect", f"{ip}:465", "-servername", host, "-showcerts"],
            input=b"", capture_output=True, timeout=TIMEOUT, check=False,
        ).stdout.decode(errors="replace")
        got[host] = out.count("-----BEGIN CERTIFICATE-----")
    assert got == {"nochain.example.test": 1, "privateca.example.test": 2}, got
    return ", ".join(f"{h}: {n}" for h, n in got.items())


# ------------------------------------------------------------------------------------------
# Exim (tests/lab/exim.sh)
# ------------------------------------------------------------------------------------------
EXIM = "127.0.10.21"
EXIM_EXPIRED = "127.0.10.22"
EXIM_BUSY = "127.0.10.23"


def exim_587_before_tls():
    s = submission(EXIM, "smtp.exim.test")
    try:
        banner = s.ehlo_resp or b""
        assert s.has_extn("starttls"), "no STARTTLS offered"
        assert not s.has_extn("auth"), f"AUTH offered before STARTTLS: {s.esmtp_features.get('auth')}"
        return f"EHLO offers STARTTLS, no AUTH ({banner.splitlines()[0].decode(errors='replace')})"
    finally:
        s.quit()


def exim_greets_as_exim():
    with socket.create_connection((EXIM, 587), timeout=TIMEOUT) as raw:
        line = raw.makefile("rb").readline().decode(errors="replace").strip()
    assert line.startswith("220 smtp.exim.test ESMTP Exim 4.96"), line
    return line


def exim_587_auth_after_tls():
    s = submission(EXIM, "smtp.exim.test")
    try:
        s.starttls(context=ctx())
        s.ehlo("client.test")
        assert "PLAIN" in s.esmtp_features.get("auth", ""), s.esmtp_features
        code, msg = s.docmd("AUTH", "PLAIN " + plain_token(EXIM_USER, PASSWORD))
        assert code == 235, f"{code} {msg}"
        code, msg = s.mail(EXIM_USER)
        assert code == 250, f"MAIL {code} {msg}"
        code, msg = s.rcpt("bob@elsewhere.test")
        assert code == 250, f"RCPT {code} {msg}"
        s.rset()
        code, msg = s.mail("bob@exim.test")
        assert code == 250, f"MAIL as bob {code} {msg}"
        code, msg = s.rcpt("bob@exim.test")
        assert code == 550 and b"must match your authenticated email" in msg, f"RCPT as bob: {code} {msg}"
        return "TLS verified, AUTH PLAIN 235 (Dovecot), relay 250, other sender refused at RCPT (550, cPanel words)"
    finally:
        s.quit()


def exim_587_wrong_password():
    s = submission(EXIM, "smtp.exim.test")
    try:
        s.starttls(context=ctx())
        s.ehlo("client.test")
        code, msg = s.docmd("AUTH", "PLAIN " + plain_token(EXIM_USER, "wrong password"))
        assert code == 535, f"{code} {msg}"
        return f"{code} {msg.decode()}"
    finally:
        s.quit()


def exim_25_relay_denied():
    s = submission(EXIM, "smtp.exim.test", 25)
    try:
        code, msg = s.mail(EXIM_USER)
        assert code == 250, f"MAIL {code} {msg}"
        code, msg = s.rcpt("bob@elsewhere.test")
        assert code == 550 and msg == b"relay not permitted", f"{code} {msg}"
        return f"{code} {msg.decode()}"
    finally:
        s.quit()


def read_reply(f):
    """The lines of one SMTP reply from a file object."""
    lines = []
    while True:
        line = f.readline().decode(errors="replace").rstrip("\r\n")
        assert line, f"connection closed after {lines}"
        lines.append(line)
        if len(line) < 4 or line[3] != "-":
            return lines


def busy_greeting(port):
    def run():
        with socket.create_connection((EXIM_BUSY, port), timeout=TIMEOUT) as raw:
            if port == 465:
                sock = ctx().wrap_socket(raw, server_hostname="busy.exim.test")
            else:
                sock = raw
            lines = read_reply(sock.makefile("rb"))
        assert len(lines) == 2 and lines[0].startswith("451-Too many connections") and lines[1] == "451 Please try again later.", lines
        return " | ".join(lines) + (" (inside verified TLS)" if port == 465 else "")

    return run


# ------------------------------------------------------------------------------------------
# Exchange emulator (tests/lab/exchange.sh, tests/lab/exchange_emulator.py)
# ------------------------------------------------------------------------------------------
EXCHANGE = "127.0.10.31"
EXCHANGE_BUSY = "127.0.10.32"
EXCHANGE_USER = "alice@exchange.test"


def exchange_greets_as_exchange():
    with socket.create_connection((EXCHANGE, 587), timeout=TIMEOUT) as raw:
        line = raw.makefile("rb").readline().decode(errors="replace").strip()
    assert line.startswith("220 smtp.exchange.test Microsoft ESMTP MAIL Service ready at "), line
    return line


def exchange_587_session():
    s = submission(EXCHANGE, "smtp.exchange.test")
    try:
        assert s.has_extn("starttls") and not s.has_extn("auth"), s.esmtp_features
        code, msg = s.mail(EXCHANGE_USER)
        assert code == 530 and msg.startswith(b"5.7.57 Client not authenticated to send mail."), f"{code} {msg}"
        code, msg = s.docmd("AUTH", "LOGIN")
        assert (code, msg) == (504, b"5.7.4 Unrecognized authentication type"), f"{code} {msg}"
        s.starttls(context=ctx())
        s.ehlo("client.test")
        assert s.esmtp_features.get("auth", "").split() == ["NTLM", "LOGIN"], s.esmtp_features
        s.user, s.password = EXCHANGE_USER, "wrong password"
        code, msg = s.auth("LOGIN", s.auth_login, initial_response_ok=False)
        raise AssertionError(f"wrong password accepted: {code} {msg}")
    except smtplib.SMTPAuthenticationError as e:
        assert (e.smtp_code, e.smtp_error) == (535, b"5.7.3 Authentication unsuccessful"), e
    finally:
        s.close()
    s = submission(EXCHANGE, "smtp.exchange.test")
    try:
        s.starttls(context=ctx())
        s.ehlo("client.test")
        s.user, s.password = EXCHANGE_USER, PASSWORD
        code, msg = s.auth("LOGIN", s.auth_login, initial_response_ok=False)
        assert code == 235, f"{code} {msg}"
        code, msg = s.mail("bob@exchange.test")
        assert code == 550 and msg == b"5.7.60 SMTP; Client does not have permissions to send as this sender", f"{code} {msg}"
        code, msg = s.mail(EXCHANGE_USER)
        assert code == 250, f"MAIL {code} {msg}"
        code, msg = s.rcpt("bob@elsewhere.test")
        assert code == 250, f"RCPT {code} {msg}"
        return "530 5.7.57 and 504 5.7.4 before TLS; AUTH NTLM LOGIN after it; 535 5.7.3; 235; 550 5.7.60"
    finally:
        s.quit()


def exchange_busy_greeting(port):
    def run():
        with socket.create_connection((EXCHANGE_BUSY, port), timeout=TIMEOUT) as raw:
            if port == 465:
                sock = ctx().wrap_socket(raw, server_hostname="busy.exchange.test")
            else:
                sock = raw
            lines = read_reply(sock.makefile("rb"))
        want = (
            "421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, "
            "closing transmission channel"
        )
        assert lines == [want], lines
        return lines[0] + (" (inside verified TLS)" if port == 465 else "")

    return run


def refused(ip, port):
    def run():
        try:
            socket.create_connection((ip, port), timeout=TIMEOUT).close()
        except ConnectionRefusedError:
            return "connection refused"
        raise AssertionError("something accepts the connection")

    return run


def main():
    if not os.path.exists(os.path.join(LAB, "ready")):
        print(f"the test lab is not running ({LAB}/ready is missing): run `sudo bash tests/lab/lab.sh up`")
        return 2
    t = "example.test"
    for name, ip in [
        ("smtp.example.test", "127.0.10.1"),
        ("mx.example.test", "127.0.10.1"),
        ("expired.example.test", "127.0.10.2"),
        ("wrongname.example.test", "127.0.10.3"),
        ("selfsigned.example.test", "127.0.10.4"),
        ("stopped.example.test", "127.0.10.5"),
        ("old.example.test", "127.0.10.6"),
        ("nochain.example.test", "127.0.10.7"),
        ("privateca.example.test", "127.0.10.8"),
        ("mx.bare.test", "127.0.10.1"),
        ("www.hosting-company.test", "127.0.10.3"),
        ("mail.selfhosted.test", "127.0.10.4"),
    ]:
        check(f"dns A {name}", expect_dns(name, "A", [ip]))
    check(f"dns MX {t}", expect_dns(t, "MX", ["10 mx.example.test"]))
    check(f"dns TXT {t}", expect_dns(t, "TXT", ["v=spf1 mx a -all"]))
    check(f"dns TXT _dmarc.{t}", expect_dns(f"_dmarc.{t}", "TXT", ["v=DMARC1; p=none"]))
    check(f"dns SRV _submission._tcp.{t}", expect_dns(f"_submission._tcp.{t}", "SRV", ["0 1 587 smtp.example.test"]))
    check("dns MX bare.test", expect_dns("bare.test", "MX", ["10 mx.bare.test"]))
    check("dns TXT bare.test (no SPF)", expect_dns("bare.test", "TXT", []))
    check("dns TXT _dmarc.bare.test (no DMARC)", expect_nxdomain("_dmarc.bare.test", "TXT"))
    for name in ["smtp.exmaple.test", "smpt.example.test", "nothing.test"]:
        check(f"dns {name}", expect_nxdomain(name))

    check("good 587: EHLO before STARTTLS", good_587_no_auth_before_tls)
    check("good 587: STARTTLS + AUTH", good_587_auth_after_tls)
    check("good 587: wrong password", good_587_wrong_password)
    check("good 587: relay without auth", good_587_relay_denied)
    check("good 465: implicit TLS + AUTH", implicit_tls("127.0.10.1", "smtp.example.test"))
    check("good 2525: nothing listens", refused("127.0.10.1", 2525))
    check("old 587: STARTTLS", starttls_verified("127.0.10.6", "old.example.test"))
    check("old 465: implicit TLS + AUTH", implicit_tls("127.0.10.6", "old.example.test"))
    for port in (465, 587):
        check(f"expired {port}", cert_rejected("127.0.10.2", "expired.example.test", port, "expired"))
        check(f"wrongname {port}", cert_rejected("127.0.10.3", "wrongname.example.test", port, "Hostname mismatch"))
        check(f"selfsigned {port}", cert_rejected("127.0.10.4", "selfsigned.example.test", port, "self-signed"))
        check(f"nochain {port}", cert_rejected("127.0.10.7", "nochain.example.test", port, "unable to get local issuer"))
        check(f"privateca {port}", cert_rejected("127.0.10.8", "privateca.example.test", port, "self-signed certificate in certificate chain"))
    check("nochain 465: verified once the intermediate is known", nochain_complete_with_intermediate)
    check("nochain sends only its leaf, privateca its leaf and root", sent_chains)
    for port in (25, 465, 587):
        check(f"stopped {port}", refused("127.0.10.5", port))

    for name, ip in [
        ("smtp.exim.test", EXIM),
        ("mx.exim.test", EXIM),
        ("expired.exim.test", EXIM_EXPIRED),
        ("busy.exim.test", EXIM_BUSY),
    ]:
        check(f"dns A {name}", expect_dns(name, "A", [ip]))
    check("dns MX exim.test", expect_dns("exim.test", "MX", ["10 mx.exim.test"]))
    check("dns TXT exim.test", expect_dns("exim.test", "TXT", ["v=spf1 mx -all"]))
    check("dns TXT _dmarc.exim.test", expect_dns("_dmarc.exim.test", "TXT", ["v=DMARC1; p=none"]))
    check("dns SRV _submission._tcp.exim.test", expect_dns("_submission._tcp.exim.test", "SRV", ["0 1 587 smtp.exim.test"]))
    check("exim 587: greets as Exim 4.96", exim_greets_as_exim)
    check("exim 587: EHLO before STARTTLS", exim_587_before_tls)
    check("exim 587: STARTTLS + AUTH via Dovecot", exim_587_auth_after_tls)
    check("exim 587: wrong password", exim_587_wrong_password)
    check("exim 25: relay without auth", exim_25_relay_denied)
    check("exim 465: implicit TLS + AUTH", implicit_tls(EXIM, "smtp.exim.test", EXIM_USER))
    for port in (465, 587):
        check(f"eximexpired {port}", cert_rejected(EXIM_EXPIRED, "expired.exim.test", port, "expired"))
    for port in (25, 587, 465):
        check(f"eximbusy {port}: multi-line 451 greeting", busy_greeting(port))

    for name, ip in [
        ("smtp.exchange.test", EXCHANGE),
        ("mx.exchange.test", EXCHANGE),
        ("busy.exchange.test", EXCHANGE_BUSY),
    ]:
        check(f"dns A {name}", expect_dns(name, "A", [ip]))
    check("dns MX exchange.test", expect_dns("exchange.test", "MX", ["10 mx.exchange.test"]))
    check(
        "dns SRV _submission._tcp.exchange.test",
        expect_dns("_submission._tcp.exchange.test", "SRV", ["0 1 587 smtp.exchange.test"]),
    )
    check("exchange 587: greets as Exchange", exchange_greets_as_exchange)
    check("exchange 587: Exchange's replies", exchange_587_session)
    for port in (25, 587, 465):
        check(f"exchangebusy {port}: connection-limit 421 greeting", exchange_busy_greeting(port))

    print(f"lab selftest: {len(failures)} failed" + (f": {', '.join(failures)}" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
