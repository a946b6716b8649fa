"""A minimal UDP DNS client for the labs' self-checks (A, MX, TXT and SRV answers)."""

import random
import socket
import struct

QTYPES = {"A": 1, "MX": 15, "TXT": 16, "SRV": 33}
RCODES = {0: "NOERROR", 1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED"}


def encode_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def read_name(msg, off):
    labels, jumped, end = [], False, None
    for _ in range(64):
        n = msg[off]
        if n & 0xC0 == 0xC0:
            if not jumped:
                end = off + 2
            off, jumped = ((n & 0x3F) << 8) | msg[off + 1], True
            continue
        if n == 0:
            return ".".join(labels), (end if jumped else off + 1)
        labels.append(msg[off + 1 : off + 1 + n].decode())
        off += 1 + n
    raise ValueError("name compression loop")


def query(server, name, qtype, timeout=2.0):
    """Asks SERVER (an address, or an (address, port) pair) once; returns (rcode number,
    [answer strings]). Raises socket.timeout when nothing comes back within TIMEOUT."""
    if isinstance(server, str):
        server = (server, 53)
    qid = random.randrange(65536)
    msg = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0) + encode_name(name)
    msg += struct.pack(">HH", QTYPES[qtype], 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(timeout)
        s.sendto(msg, server)
        msg, _ = s.recvfrom(4096)
    rid, flags, qd, an, _, _ = struct.unpack(">HHHHHH", msg[:12])
    assert rid == qid, "reply id mismatch"
    off = 12
    for _ in range(qd):
        _, off = read_name(msg, off)
        off += 4
    answers = []
    for _ in range(an):
        _, off = read_name(msg, off)
        rtype, _, _, rdlen = struct.unpack(">HHIH", msg[off : off + 10])
        off += 10
        rdata = msg[off : off + rdlen]
        if rtype == 1:
            answers.append(socket.inet_ntoa(rdata))
        elif rtype == 15:
            answers.append(f"{struct.unpack('>H', rdata[:2])[0]} {read_name(msg, off + 2)[0]}")
        elif rtype == 16:
            parts, i = [], 0
            while i < len(rdata):
                parts.append(rdata[i + 1 : i + 1 + rdata[i]].decode())
                i += 1 + rdata[i]
            answers.append("".join(parts))
        elif rtype == 33:
            prio, weight, port = struct.unpack(">HHH", rdata[:6])
            answers.append(f"{prio} {weight} {port} {read_name(msg, off + 6)[0]}")
        off += rdlen
    return flags & 0xF, answers
