#!/usr/bin/env python3
"""A tiny "who am I" DNS responder for smtp-doctor's network-namespace lab (netlab.sh).

    python3 whoami_dns.py --bind 203.0.113.54 [--port 53] [--pid-file F] [--log F]

Answers the three who-am-I forms with the source address of the query (UDP only), as the
internet's servers do: OpenDNS's `myip.opendns.com` A (class IN), Google's
`o-o.myaddr.l.google.com` TXT (class IN) and Cloudflare's `whoami.cloudflare` TXT (class CH).
For one of those names and any other type or class: NOERROR, no data. Any other name:
REFUSED. A query it cannot parse: FORMERR when the header is readable, nothing otherwise.
Standard library only.

Robustness: one datagram at a time, at most 512 bytes of it read, every name walk bounded,
every packet handled inside its own try block (a bad packet never stops the loop), and the
log holds at most LOG_LIMIT lines. SIGTERM/SIGINT end it cleanly.
"""

import argparse
import os
import signal
import socket
import struct
import sys

# name -> (record type, class) answered with the asker's address: A in IN, or TXT.
FORMS = {
    b"myip.opendns.com": (1, 1),
    b"o-o.myaddr.l.google.com": (16, 1),
    b"whoami.cloudflare": (16, 3),
}
MAX_QUERY = 512
LOG_LIMIT = 1000
RCODE_FORMERR, RCODE_REFUSED = 1, 5

log_lines = 0
log_file = None


def log(msg):
    global log_lines
    if log_file is None or log_lines >= LOG_LIMIT:
        return
    log_lines += 1
    try:
        log_file.write(msg + ("\n" if log_lines < LOG_LIMIT else " (log limit reached)\n"))
        log_file.flush()
    except OSError:
        pass


def parse_question(msg):
    """(qid, flags, qname bytes lower-case, qtype, qclass, end offset of the question).

    Raises ValueError for anything but a plain one-question query."""
    if len(msg) < 12:
        raise ValueError("short header")
    qid, flags, qd, an, ns, _ar = struct.unpack(">HHHHHH", msg[:12])
    if flags & 0x8000:
        raise ValueError("a response, not a query")
    if (flags >> 11) & 0xF != 0:
        raise ValueError("opcode is not QUERY")
    if qd != 1 or an != 0 or ns != 0:
        raise ValueError(f"{qd} questions, {an} answers, {ns} authority records")
    off, labels = 12, []
    for _ in range(128):  # at most 127 labels fit in a 255-byte name
        if off >= len(msg):
            raise ValueError("name runs past the end")
        n = msg[off]
        if n == 0:
            off += 1
            break
        if n & 0xC0:
            raise ValueError("compressed or extended label in a question")
        if off + 1 + n > len(msg):
            raise ValueError("label runs past the end")
        labels.append(msg[off + 1 : off + 1 + n])
        off += 1 + n
    else:
        raise ValueError("too many labels")
    if off + 4 > len(msg):
        raise ValueError("question without type and class")
    qtype, qclass = struct.unpack(">HH", msg[off : off + 4])
    return qid, flags, b".".join(labels).lower(), qtype, qclass, off + 4


def reply(msg, source_ip):
    try:
        qid, flags, qname, qtype, qclass, end = parse_question(msg)
    except ValueError as e:
        if len(msg) >= 12 and not msg[2] & 0x80:
            qid, flags = struct.unpack(">HH", msg[:4])
            log(f"FORMERR to {source_ip}: {e}")
            # Echo id, opcode and RD; QR=1; no question section.
            return struct.pack(">HHHHHH", qid, 0x8000 | (flags & 0x7900) | RCODE_FORMERR, 0, 0, 0, 0)
        log(f"ignored {len(msg)} bytes from {source_ip}: {e}")
        return None
    question = msg[12:end]
    rd = flags & 0x0100
    if qname not in FORMS:
        log(f"REFUSED {qname.decode('ascii', 'replace')} type {qtype} from {source_ip}")
        return struct.pack(">HHHHHH", qid, 0x8000 | rd | 0x0080 | RCODE_REFUSED, 1, 0, 0, 0) + question
    want_type, want_class = FORMS[qname]
    answers = b""
    count = 0
    if qtype in (want_type, 255) and qclass in (want_class, 255):
        if want_type == 1:
            rdata = socket.inet_aton(source_ip)
        else:
            text = source_ip.encode("ascii")
            rdata = bytes([len(text)]) + text  # one <character-string>
        # Name: pointer to the question's name at offset 12; TTL 0 as the real ones give.
        answers = struct.pack(">HHHIH", 0xC00C, want_type, want_class, 0, len(rdata)) + rdata
        count = 1
    form = "A" if want_type == 1 else "TXT"
    log(f"{form + ' ' + source_ip if count else 'no data (type %d class %d)' % (qtype, qclass)} to {source_ip}")
    # QR, AA, RD echoed, RA set (it poses as a resolver); NOERROR.
    return struct.pack(">HHHHHH", qid, 0x8400 | rd | 0x0080, 1, count, 0, 0) + question + answers


def main():
    global log_file
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bind", required=True)
    ap.add_argument("--port", type=int, default=53)
    ap.add_argument("--pid-file")
    ap.add_argument("--log")
    args = ap.parse_args()
    if args.log:
        log_file = open(args.log, "a", buffering=1)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((args.bind, args.port))
    sock.settimeout(0.5)  # so that a signal ends the loop promptly
    if args.pid_file:
        with open(args.pid_file + ".tmp", "w") as f:
            f.write(f"{os.getpid()}\n")
        os.replace(args.pid_file + ".tmp", args.pid_file)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    log(f"listening on {args.bind}:{args.port}/udp, pid {os.getpid()}")
    while not stop:
        try:
            msg, (ip, port) = sock.recvfrom(MAX_QUERY)
        except socket.timeout:
            continue
        except InterruptedError:
            continue
        except OSError as e:
            log(f"recvfrom: {e}")
            continue
        try:
            out = reply(msg, ip)
            if out is not None:
                sock.sendto(out, (ip, port))
        except Exception as e:  # noqa: BLE001 - one bad packet must never end the server
            log(f"error on {len(msg)} bytes from {ip}: {type(e).__name__}: {e}")
    log("stopped")
    if args.pid_file:
        try:
            os.unlink(args.pid_file)
        except OSError:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
