#!/usr/bin/env python3
"""Checks that the running netlab behaves as tests/netlab/netlab.sh describes.

    sudo bash tests/netlab/netlab.sh selftest
    (= ip netns exec sdl-pc python3 tests/netlab/selftest.py, as root, after `netlab.sh up`)

Runs inside sdl-pc (the person's PC), switches scenarios with `netlab.sh set/delay/clear`,
and checks the socket-level symptom of each. Standard library only; every network step has a
short time-out and the whole run stays well under 90 s. Prints one line per check and the
measured times; exit 0 when every check passes. The netlab is left in its normal state
(`clear`) whatever happens.
"""

import base64
import errno
import os
import random
import select
import smtplib
import socket
import ssl
import statistics
import struct
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lab"))
import dns_client  # noqa: E402  (the labs' shared DNS client)

NETLAB = os.environ.get("SMTP_DOCTOR_NETLAB", "/tmp/smtp-doctor-netlab")
NETLAB_SH = os.environ.get("NETLAB_SH", os.path.join(os.path.dirname(os.path.abspath(__file__)), "netlab.sh"))
CA = os.path.join(NETLAB, "pki", "ca.pem")
OS_STORE_WITH_SHIELD = os.path.join(NETLAB, "pki", "os-store-with-shield.pem")
USER = "alice@example.test"
PASSWORD = "correct horse battery staple"

PC = "198.51.100.130"
LAN_GW = "198.51.100.129"
PUBLIC = "203.0.113.7"
MAIL = "203.0.113.25"
SHIELD = "203.0.113.26"
DNS = "203.0.113.53"
WHOAMI = "203.0.113.54"
REF = "203.0.113.80"
OUTSIDE = "142.250.1.1"
# IPv6: routed without NAT; only the mail host and the DNS server have an address.
PC6 = "2001:db8:100::130"
LAN_GW6 = "2001:db8:100::129"
MAIL6 = "2001:db8:203::25"
DNS6 = "2001:db8:203::53"

failures = []
measured = []  # lines for the summary
started = time.monotonic()


def check(name, fn):
    try:
        detail = fn()
        print(f"ok    {name}{': ' + detail if detail else ''}", flush=True)
    except Exception as e:  # noqa: BLE001 - report every failure the same way
        failures.append(name)
        print(f"FAIL  {name}: {type(e).__name__}: {e}", flush=True)


def netlab(*args):
    t = time.monotonic()
    r = subprocess.run(["bash", NETLAB_SH, *args], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError(f"netlab.sh {' '.join(args)} failed: {r.stderr.strip()}")
    return time.monotonic() - t


def ms(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 0.01 else f"{seconds * 1000:.0f} ms"


RCODES = dns_client.RCODES


def dns_query(server, name, qtype, timeout=2.0):
    """Returns (rcode word, [answer strings])."""
    rcode, answers = dns_client.query(server, name, qtype, timeout)
    return RCODES.get(rcode, str(rcode)), answers


def expect_dns(server, name, qtype, want_rcode, want=None):
    def run():
        rcode, answers = dns_query(server, name, qtype)
        assert rcode == want_rcode, f"{rcode} {answers}, want {want_rcode}"
        if want is not None:
            assert answers == want, f"got {answers}, want {want}"
        return f"{rcode} {', '.join(answers)}".strip()

    return run


# ------------------------------------------------------------------------------------------
# TCP connect with the kernel's ICMP report (IP_RECVERR, as smtp-doctor reads it)
# ------------------------------------------------------------------------------------------
IP_RECVERR = 11
MSG_ERRQUEUE = 0x2000
ICMP_NAMES = {
    (3, 0): "net unreachable",
    (3, 1): "host unreachable",
    (3, 3): "port unreachable",
    (3, 13): "administratively prohibited",
}


def icmp_report(sock):
    """'ICMP type/code from ADDR' out of the socket's error queue, or ''."""
    try:
        _, anc, _, _ = sock.recvmsg(1, 512, MSG_ERRQUEUE | socket.MSG_DONTWAIT)
    except OSError:
        return ""
    for level, kind, data in anc:
        if level == socket.SOL_IP and kind == IP_RECVERR and len(data) >= 16:
            ee_errno, origin, icmp_type, code = struct.unpack("=IBBB", data[:7])
            offender = ""
            if len(data) >= 16 + 8 and struct.unpack("=H", data[16:18])[0] == socket.AF_INET:
                offender = socket.inet_ntoa(data[20:24])
            if origin == 2:  # SO_EE_ORIGIN_ICMP
                name = ICMP_NAMES.get((icmp_type, code), "")
                return f"ICMP {icmp_type}/{code}{' ' + name if name else ''} from {offender}"
            return f"local error {errno.errorcode.get(ee_errno, ee_errno)}"
    return ""


def connect(ip, port, timeout):
    """(outcome, seconds, icmp): outcome 'connected', 'timeout' or an errno name."""
    v6 = ":" in ip
    s = socket.socket(socket.AF_INET6 if v6 else socket.AF_INET, socket.SOCK_STREAM)
    try:
        if not v6:  # the ICMP report is read for IPv4 only
            s.setsockopt(socket.SOL_IP, IP_RECVERR, 1)
        s.setblocking(False)
        t = time.monotonic()
        rc = s.connect_ex((ip, port))
        if rc not in (0, errno.EINPROGRESS):
            return errno.errorcode.get(rc, str(rc)), time.monotonic() - t, icmp_report(s)
        p = select.poll()
        p.register(s, select.POLLOUT)
        if not p.poll(timeout * 1000):
            return "timeout", time.monotonic() - t, icmp_report(s)
        rc = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        elapsed = time.monotonic() - t
        if rc:
            return errno.errorcode.get(rc, str(rc)), elapsed, icmp_report(s)
        return "connected", elapsed, ""
    finally:
        s.close()


def expect_connect(ip, port, want, timeout=2.0, min_s=None, max_s=None, label=None):
    """A check that connecting to ip:port gives `want` (errno name or 'timeout'), in time."""

    def run():
        outcome, elapsed, icmp = connect(ip, port, timeout)
        assert outcome == want, f"{outcome} after {ms(elapsed)}{' (' + icmp + ')' if icmp else ''}, want {want}"
        if min_s is not None:
            assert elapsed >= min_s, f"{want} already after {ms(elapsed)} (expected >= {ms(min_s)})"
        if max_s is not None:
            assert elapsed <= max_s, f"{want} only after {ms(elapsed)} (expected <= {ms(max_s)})"
        detail = f"{want} after {ms(elapsed)}{', ' + icmp if icmp else ''}"
        if label:
            measured.append(f"{label}: {ip}:{port} {detail}")
        return detail

    return run


def greets(ip, port, timeout=5.0):
    def run():
        t = time.monotonic()
        with socket.create_connection((ip, port), timeout=timeout) as s:
            s.settimeout(timeout)
            line = s.recv(512).decode(errors="replace").strip()
            s.sendall(b"QUIT\r\n")
        assert line.startswith("220"), f"greeting {line!r}"
        return f"{line} ({ms(time.monotonic() - t)})"

    return run


# ------------------------------------------------------------------------------------------
# SMTP
# ------------------------------------------------------------------------------------------
def ctx(cafile=CA):
    return ssl.create_default_context(cafile=cafile)


def plain_token(user, password):
    return base64.b64encode(f"\0{user}\0{password}".encode()).decode()


def starttls_auth(ip, host, password=PASSWORD, want=235):
    def run():
        t = time.monotonic()
        s = smtplib.SMTP(timeout=8)
        s._host = host  # server_hostname for the certificate check
        code, _ = s.connect(ip, 587)
        assert code == 220, f"greeting {code}"
        try:
            s.ehlo("pc.test")
            assert s.has_extn("starttls"), "no STARTTLS offered"
            assert not s.has_extn("auth"), "AUTH offered before STARTTLS"
            s.starttls(context=ctx())
            s.ehlo("pc.test")
            code, msg = s.docmd("AUTH", "PLAIN " + plain_token(USER, password))
            assert code == want, f"AUTH {code} {msg}"
            auth = code
            if want == 235:
                code, msg = s.mail(USER)
                assert code == 250, f"MAIL {code} {msg}"
                code, msg = s.rcpt("bob@elsewhere.test")
                assert code == 250, f"RCPT (relay after AUTH) {code} {msg}"
            relay = ", relay after AUTH 250" if want == 235 else ""
            return f"{host}: TLS verified ({s.sock.version()}), AUTH {auth}{relay}, in {ms(time.monotonic() - t)}"
        finally:
            s.close()

    return run


def rcpt_blocklisted(ip, host, zone):
    """After STARTTLS and AUTH, RCPT is refused naming the blocklist zone (reject_rbl_client)."""
    def run():
        s = smtplib.SMTP(timeout=8)
        s._host = host
        code, _ = s.connect(ip, 587)
        assert code == 220, f"greeting {code}"
        try:
            s.ehlo("pc.test")
            s.starttls(context=ctx())
            s.ehlo("pc.test")
            code, msg = s.docmd("AUTH", "PLAIN " + plain_token(USER, PASSWORD))
            assert code == 235, f"AUTH {code} {msg}"
            code, msg = s.mail(USER)
            assert code == 250, f"MAIL {code} {msg}"
            code, msg = s.rcpt("bob@elsewhere.test")
            text = msg.decode(errors="replace")
            assert code == 554 and f"blocked using {zone}" in text, f"RCPT {code} {text}"
            return f"RCPT {code} {text}"
        finally:
            s.close()

    return run


def relay_denied(ip):
    def run():
        s = smtplib.SMTP(ip, 587, timeout=5)
        try:
            code, msg = s.mail("bob@elsewhere.test")
            assert code == 250, f"MAIL {code} {msg}"
            code, msg = s.rcpt("carol@elsewhere.test")
            assert code == 554 and b"5.7.1" in msg, f"{code} {msg}"
            return f"{code} {msg.decode()}"
        finally:
            s.close()

    return run


def implicit_tls(ip, host, cafile=CA, want_issuer=None):
    def run():
        with socket.create_connection((ip, 465), timeout=5) as raw:
            with ctx(cafile).wrap_socket(raw, server_hostname=host) as tls:
                tls.settimeout(5)
                line = tls.recv(512).decode(errors="replace").strip()
                issuer = dict(x[0] for x in tls.getpeercert()["issuer"])
                tls.sendall(b"QUIT\r\n")
        assert line.startswith("220"), f"greeting {line!r}"
        if want_issuer:
            assert issuer.get("commonName") == want_issuer, f"issuer {issuer}"
        return f"{host}: {line[:40]}, issuer {issuer.get('commonName')}"

    return run


def shield_untrusted():
    try:
        with socket.create_connection((SHIELD, 465), timeout=5) as raw:
            ctx(CA).wrap_socket(raw, server_hostname="smtp.shielded.test").close()
    except ssl.SSLCertVerificationError as e:
        assert "unable to get local issuer certificate" in e.verify_message, e.verify_message
        return f"with the netlab CA only: {e.verify_message}"
    raise AssertionError("the shield's certificate was trusted by the netlab CA alone")


def shield_issuer_subject():
    out = subprocess.run(
        ["openssl", "x509", "-noout", "-subject", "-nameopt", "RFC2253", "-in", os.path.join(NETLAB, "pki", "shield-ca.pem")],
        capture_output=True, text=True, timeout=10, check=True,
    ).stdout.strip()
    want = "subject=CN=Avast Web/Mail Shield Root,O=Avast Web/Mail Shield,OU=generated by Avast Antivirus for SSL/TLS scanning"
    assert out == want, out
    return out


# ------------------------------------------------------------------------------------------
# Other checks
# ------------------------------------------------------------------------------------------
def resolv_conf():
    with open("/etc/resolv.conf") as f:
        servers = [line.split()[1] for line in f if line.startswith("nameserver")]
    assert servers == [DNS], servers
    return f"nameserver {DNS}"


def system_resolver(name, want):
    def run():
        t = time.monotonic()
        addrs = sorted({ai[4][0] for ai in socket.getaddrinfo(name, 25, socket.AF_INET, socket.SOCK_STREAM)})
        assert addrs == [want], addrs
        return f"getaddrinfo {name} -> {want} ({ms(time.monotonic() - t)})"

    return run


def whoami_robust():
    junk = [b"", b"\x00", b"\xff" * 11, os.urandom(12), os.urandom(300),
            struct.pack(">HHHHHH", 1, 0x0100, 1, 0, 0, 0) + b"\x3f" + b"a" * 10,
            struct.pack(">HHHHHH", 2, 0x0100, 1, 0, 0, 0) + b"\xc0\x0c\x00\x01\x00\x01",
            struct.pack(">HHHHHH", 3, 0x8100, 1, 0, 0, 0) + dns_client.encode_name("myip.opendns.com") + b"\x00\x01\x00\x01"]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for j in junk:
            s.sendto(j, (WHOAMI, 53))
    rcode, answers = dns_query(WHOAMI, "MyIP.OpenDNS.com", "A")
    assert rcode == "NOERROR" and answers == [PUBLIC], (rcode, answers)
    return f"{len(junk)} malformed datagrams, then still {answers[0]}"


def from_ref_greets(ip):
    """From sdl-ref (another host on the lab internet): ip:25 greets."""

    def run():
        code = f"import socket;s=socket.create_connection(('{ip}',25),timeout=3);s.settimeout(3);print(s.recv(100).decode().strip())"
        r = subprocess.run(["ip", "netns", "exec", "sdl-ref", "python3", "-c", code], capture_output=True, text=True, timeout=10)
        assert r.returncode == 0 and r.stdout.startswith("220"), f"{r.stdout.strip()} {r.stderr.strip()[-200:]}"
        return f"from sdl-ref: {r.stdout.strip()}"

    return run


def resolver_times_out():
    """getaddrinfo through /etc/resolv.conf while 203.0.113.53 drops DNS (bounded by a thread)."""
    result = {}

    def lookup():
        t = time.monotonic()
        try:
            result["addrs"] = socket.getaddrinfo("smtp.example.test", 25, socket.AF_INET)
        except socket.gaierror as e:
            result["error"] = e
        result["elapsed"] = time.monotonic() - t

    th = threading.Thread(target=lookup, daemon=True)
    th.start()
    th.join(25)
    assert not th.is_alive(), "getaddrinfo still waiting after 25 s"
    e = result.get("error")
    assert e is not None, f"resolved: {result.get('addrs')}"
    assert e.errno == socket.EAI_AGAIN, f"{e} (errno {e.errno}), want EAI_AGAIN"
    detail = f"getaddrinfo EAI_AGAIN ({e.strerror}) after {ms(result['elapsed'])}"
    measured.append(f"dns-down: {detail}")
    return detail


def dns_udp_timeout():
    t = time.monotonic()
    try:
        dns_query(DNS, "smtp.example.test", "A", timeout=2)
    except socket.timeout:
        detail = f"no answer from {DNS}:53 within {ms(time.monotonic() - t)} (silence)"
        measured.append(f"dns-down: {detail}")
        return detail
    except ConnectionRefusedError:
        raise AssertionError("ICMP port unreachable (dnsmasq stopped?), want silence")
    raise AssertionError("the DNS server answered")


def dns_udp_refused():
    """A query on a connected UDP socket: the stopped service's machine says port unreachable."""
    t = time.monotonic()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(2)
        s.connect((DNS, 53))
        s.send(struct.pack(">HHHHHH", 7, 0x0100, 1, 0, 0, 0) + dns_client.encode_name("smtp.example.test") + b"\x00\x01\x00\x01")
        try:
            s.recv(512)
        except ConnectionRefusedError:
            detail = f"ICMP port unreachable from {DNS}:53 after {ms(time.monotonic() - t)}"
            measured.append(f"dns-refuse: {detail}")
            return detail
        except socket.timeout:
            raise AssertionError("silence, want port unreachable (dnsmasq still behind a DROP?)")
    raise AssertionError("the DNS server answered")


def system_resolver_any(name, want):
    """getaddrinfo over both families gives exactly `want`."""
    def run():
        addrs = sorted({ai[4][0] for ai in socket.getaddrinfo(name, 25, socket.AF_UNSPEC, socket.SOCK_STREAM)})
        assert addrs == sorted(want), addrs
        return f"getaddrinfo {name} -> {', '.join(addrs)}"

    return run


def dig_over_ipv6(name, want):
    def run():
        out = subprocess.run(["dig", "+short", "+time=1", "+tries=1", f"@{DNS6}", name, "AAAA"],
                             capture_output=True, text=True, timeout=5, check=False).stdout.split()
        assert out == [want], out
        return f"AAAA {name} from [{DNS6}]:53 -> {want}"

    return run


def connect_times(ip, port, n=7):
    times = []
    for _ in range(n):
        outcome, elapsed, _ = connect(ip, port, 5)
        assert outcome == "connected", outcome
        times.append(elapsed)
    return statistics.median(times), times


def delay_grows(base_holder, ip=MAIL):
    def run():
        med, times = connect_times(ip, 25)
        base = base_holder["median"]
        grow = med - base
        detail = (f"connect median {ms(med)} (min {ms(min(times))}, max {ms(max(times))}) vs {ms(base)} "
                  f"without delay: +{grow * 1000:.0f} ms")
        measured.append(f"delay 200: TCP {ip} {detail}")
        assert 0.150 <= grow <= 0.300, detail
        return detail

    return run


def baseline_connect(holder, ip=MAIL):
    def run():
        med, times = connect_times(ip, 25)
        holder["median"] = med
        measured.append(f"no delay: TCP connect {ip} median {ms(med)} (max {ms(max(times))})")
        return f"median {ms(med)}"

    return run


def back_to_normal(base_holder):
    def run():
        med, _ = connect_times(MAIL, 25)
        assert med < base_holder["median"] + 0.05, f"median {ms(med)}, {ms(base_holder['median'])} before the delay"
        return f"median {ms(med)}"

    return run


def timed_scenario(name, *args):
    def run():
        return f"set in {ms(netlab('set', name, *args))}"

    return run


def main():
    if not os.path.exists(os.path.join(NETLAB, "ready")):
        print(f"the netlab is not running ({NETLAB}/ready is missing): run `sudo bash tests/netlab/netlab.sh up`")
        return 2
    if not os.path.exists("/run/netns/sdl-pc"):
        print("no namespace sdl-pc")
        return 2
    try:
        run_checks()
    finally:
        try:
            netlab("clear")
        except Exception as e:  # noqa: BLE001
            failures.append("final clear")
            print(f"FAIL  final clear: {e}")
    print("measured:")
    for line in measured:
        print(f"  {line}")
    total = time.monotonic() - started
    print(f"netlab selftest: {len(failures)} failed in {total:.1f} s" + (f": {', '.join(failures)}" if failures else ""))
    return 1 if failures else 0


def run_checks():
    # --- the normal state ----------------------------------------------------------------
    check("clear (start from the normal state)", lambda: f"in {ms(netlab('clear'))}")
    check("resolv.conf in sdl-pc", resolv_conf)
    check("system resolver smtp.example.test", system_resolver("smtp.example.test", MAIL))
    for name, ip in [("smtp.example.test", MAIL), ("mail.example.test", MAIL),
                     ("smtp.shielded.test", SHIELD), ("smtp.reference.test", REF)]:
        check(f"dns A {name}", expect_dns(DNS, name, "A", "NOERROR", [ip]))
    check("dns MX example.test", expect_dns(DNS, "example.test", "MX", "NOERROR", ["10 mail.example.test"]))
    check("dns TXT example.test", expect_dns(DNS, "example.test", "TXT", "NOERROR", ["v=spf1 mx -all"]))
    check("dns TXT _dmarc.example.test", expect_dns(DNS, "_dmarc.example.test", "TXT", "NOERROR", ["v=DMARC1; p=none"]))
    check("dns MX shielded.test", expect_dns(DNS, "shielded.test", "MX", "NOERROR", ["10 smtp.shielded.test"]))
    check("dns A nothing.example.test", expect_dns(DNS, "nothing.example.test", "A", "NXDOMAIN"))
    check("dns A gmail.com (no upstream)", expect_dns(DNS, "gmail.com", "A", "REFUSED"))
    check("who-am-I myip.opendns.com", expect_dns(WHOAMI, "myip.opendns.com", "A", "NOERROR", [PUBLIC]))
    check("who-am-I other name", expect_dns(WHOAMI, "example.test", "A", "REFUSED"))
    check("who-am-I survives garbage", whoami_robust)
    # The blocklist zones (RFC 5782 test entries, the listings, the refusing zone).
    for zone in ("bl", "pbl", "srvbl"):
        check(f"blocklist {zone} test entry 127.0.0.2", expect_dns(DNS, f"2.0.0.127.{zone}.netlab.test", "A", "NOERROR", ["127.0.0.2"]))
        check(f"blocklist {zone} test entry 127.0.0.1", expect_dns(DNS, f"1.0.0.127.{zone}.netlab.test", "A", "NXDOMAIN"))
    check("blocklist bl lists the public address", expect_dns(DNS, "7.113.0.203.bl.netlab.test", "A", "NOERROR", ["127.0.0.2"]))
    check("blocklist pbl lists it as a home connection", expect_dns(DNS, "7.113.0.203.pbl.netlab.test", "A", "NOERROR", ["127.0.0.11"]))
    check("blocklist srvbl lists the mail server", expect_dns(DNS, "25.113.0.203.srvbl.netlab.test", "A", "NOERROR", ["127.0.0.2"]))
    check("blocklist srvbl does not list the public address", expect_dns(DNS, "7.113.0.203.srvbl.netlab.test", "A", "NXDOMAIN"))
    check("blocklist refusing answers 127.255.255.254", expect_dns(DNS, "2.0.0.127.refusing.netlab.test", "A", "NOERROR", ["127.255.255.254"]))
    for ip in (MAIL, SHIELD, REF):
        for port in (25, 587):
            check(f"greeting {ip}:{port}", greets(ip, port))
    check("465 smtp.example.test (netlab CA)", implicit_tls(MAIL, "smtp.example.test", want_issuer="smtp-doctor Netlab CA"))
    check("465 mail.example.test (same certificate)", implicit_tls(MAIL, "mail.example.test"))
    check("465 smtp.reference.test (netlab CA)", implicit_tls(REF, "smtp.reference.test"))
    check("465 smtp.shielded.test with the OS store that trusts the shield",
          implicit_tls(SHIELD, "smtp.shielded.test", OS_STORE_WITH_SHIELD, want_issuer="Avast Web/Mail Shield Root"))
    check("465 smtp.shielded.test with the netlab CA only", shield_untrusted)
    check("shield CA subject", shield_issuer_subject)
    check("587 STARTTLS + AUTH PLAIN", starttls_auth(MAIL, "smtp.example.test"))
    check("587 wrong password", starttls_auth(MAIL, "smtp.example.test", "wrong password", 535))
    check("587 relay without AUTH", relay_denied(MAIL))
    # --- IPv6: new names only; the old ones stay IPv4-only ----------------------------------
    check("getaddrinfo smtp.example.test: IPv4 only", system_resolver_any("smtp.example.test", [MAIL]))
    check("getaddrinfo dual.example.test: IPv4 and IPv6", system_resolver_any("dual.example.test", [MAIL, MAIL6]))
    check("getaddrinfo v6only.example.test: IPv6 only", system_resolver_any("v6only.example.test", [MAIL6]))
    check("dnsmasq answers over IPv6", dig_over_ipv6("v6only.example.test", MAIL6))
    check("IPv6 25 greets", greets(MAIL6, 25))
    check("IPv6 465 dual.example.test (netlab CA)", implicit_tls(MAIL6, "dual.example.test"))
    check("IPv6 587 STARTTLS + AUTH PLAIN", starttls_auth(MAIL6, "v6only.example.test"))
    check("outside the lab (142.250.1.1:443)",
          expect_connect(OUTSIDE, 443, "ENETUNREACH", max_s=0.5, label="no route beyond the router"))
    base = {"median": 0.0}
    check("TCP connect time without delay", baseline_connect(base))
    base6 = {}
    check("IPv6 TCP connect time without delay", baseline_connect(base6, MAIL6))

    # --- scenarios -------------------------------------------------------------------------
    check("set isp-block-25", timed_scenario("isp-block-25"))
    check("isp-block-25: mail 25 silent", expect_connect(MAIL, 25, "timeout", 2.0, label="isp-block-25"))
    check("isp-block-25: ref 25 silent", expect_connect(REF, 25, "timeout", 2.0, label="isp-block-25"))
    check("isp-block-25: 587 passes", greets(MAIL, 587))
    check("isp-block-25: 465 passes", implicit_tls(MAIL, "smtp.example.test"))

    check("set office-reset", timed_scenario("office-reset"))
    check("office-reset: 587 reset", expect_connect(MAIL, 587, "ECONNREFUSED", max_s=0.5, label="office-reset"))
    check("office-reset: 465 reset", expect_connect(MAIL, 465, "ECONNREFUSED", max_s=0.5, label="office-reset"))
    check("office-reset: ref 587 reset", expect_connect(REF, 587, "ECONNREFUSED", max_s=0.5))
    check("office-reset: 25 passes", greets(MAIL, 25))

    check("set server-drop-client", timed_scenario("server-drop-client"))
    check("server-drop-client: mail 587 silent", expect_connect(MAIL, 587, "timeout", 2.0, label="server-drop-client"))
    check("server-drop-client: ref 587 answers", greets(REF, 587))
    check("server-drop-client: other hosts reach mail", from_ref_greets(MAIL))

    check("set server-reject-client", timed_scenario("server-reject-client"))
    check("server-reject-client: 587", expect_connect(MAIL, 587, "EHOSTUNREACH", 3.0, max_s=0.5, label="server-reject-client"))
    check("server-reject-client: ref answers", greets(REF, 25))

    check("set server-down", timed_scenario("server-down"))
    check("server-down: 587", expect_connect(MAIL, 587, "EHOSTUNREACH", 8.0, min_s=2.0, max_s=5.0, label="server-down"))
    check("server-down: ref answers", greets(REF, 25))

    check("set postfix-stopped", timed_scenario("postfix-stopped"))
    for port in (25, 465, 587):
        check(f"postfix-stopped: {port}", expect_connect(MAIL, port, "ECONNREFUSED", max_s=0.5, label="postfix-stopped"))
    check("postfix-stopped: shield (other instance) answers", greets(SHIELD, 587))

    check("set dns-down", timed_scenario("dns-down"))
    check("dns-down: raw query", dns_udp_timeout)
    check("dns-down: system resolver", resolver_times_out)
    check("dns-down: who-am-I still answers", expect_dns(WHOAMI, "myip.opendns.com", "A", "NOERROR", [PUBLIC]))

    check("set dns-refuse", timed_scenario("dns-refuse"))
    check("dns-refuse: raw query", dns_udp_refused)
    check("dns-refuse: TCP 53 reset", expect_connect(DNS, 53, "ECONNREFUSED", max_s=0.5, label="dns-refuse"))
    check("dns-refuse: who-am-I still answers", expect_dns(WHOAMI, "myip.opendns.com", "A", "NOERROR", [PUBLIC]))
    check("clear after dns-refuse", lambda: f"in {ms(netlab('clear'))}")
    check("after dns-refuse: DNS answers again", expect_dns(DNS, "smtp.example.test", "A", "NOERROR", [MAIL]))

    check("set no-route", timed_scenario("no-route"))
    check("no-route: mail 587", expect_connect(MAIL, 587, "ENETUNREACH", max_s=0.1, label="no-route"))
    check("no-route: the LAN still answers (router 25: RST)", expect_connect(LAN_GW, 25, "ECONNREFUSED", max_s=0.5))
    check("no-route: IPv6 mail 587", expect_connect(MAIL6, 587, "ENETUNREACH", max_s=0.1, label="no-route"))

    check("set ipv6-drop", timed_scenario("ipv6-drop"))
    check("ipv6-drop: IPv6 587 silent", expect_connect(MAIL6, 587, "timeout", 2.0, label="ipv6-drop"))
    check("ipv6-drop: IPv4 587 greets", greets(MAIL, 587))
    check("ipv6-drop: the router still answers over IPv6 (25: RST)",
          expect_connect(LAN_GW6, 25, "ECONNREFUSED", max_s=0.5))

    check("clear after ipv6-drop", lambda: f"in {ms(netlab('clear'))}")
    check("delay 200", lambda: f"in {ms(netlab('delay', '200'))}")
    check("delay 200: connect time", delay_grows(base))
    check("delay 200: IPv6 connect time (ip6tables NFQUEUE)", delay_grows(base6, MAIL6))
    check("delay 200: STARTTLS + AUTH still work", starttls_auth(MAIL, "smtp.example.test"))
    check("delay 200 stacks with a scenario (server-reject-client)", timed_scenario("server-reject-client"))
    check("delay 200 + server-reject-client", expect_connect(MAIL, 587, "EHOSTUNREACH", 3.0, min_s=0.15, max_s=0.8,
                                                             label="delay 200 + server-reject-client"))
    check("delay off", lambda: f"in {ms(netlab('delay', 'off'))}")

    # --- back to normal ------------------------------------------------------------------
    check("set client-blocklisted", timed_scenario("client-blocklisted"))
    check("client-blocklisted: RCPT refused through bl.netlab.test",
          rcpt_blocklisted(MAIL, "smtp.example.test", "bl.netlab.test"))
    check("set client-pbl-listed", timed_scenario("client-pbl-listed"))
    check("client-pbl-listed: RCPT refused through pbl.netlab.test",
          rcpt_blocklisted(MAIL, "smtp.example.test", "pbl.netlab.test"))

    check("clear", lambda: f"in {ms(netlab('clear'))}")
    for ip in (MAIL, SHIELD, REF):
        check(f"after clear: greeting {ip}:25", greets(ip, 25))
    check("after clear: 587 STARTTLS + AUTH", starttls_auth(MAIL, "smtp.example.test"))
    check("after clear: DNS", expect_dns(DNS, "smtp.example.test", "A", "NOERROR", [MAIL]))
    check("after clear: IPv6 587 STARTTLS + AUTH (server-down took the link)", starttls_auth(MAIL6, "dual.example.test"))
    check("after clear: connect time back to normal", back_to_normal(base))


if __name__ == "__main__":
    sys.exit(main())
