#!/usr/bin/env python3
"""A user-space packet delayer over NFQUEUE, for smtp-doctor's network-namespace lab.

    python3 nfq_delay.py --queue 7 --delay-ms 100 [--max-queue 2048] [--pid-file F] [--log F]

This kernel has no `tc netem`, so netlab.sh sends the router's forwarded packets, IPv4 and IPv6,
to an NFQUEUE (`iptables`/`ip6tables -t mangle ... -j NFQUEUE --queue-num 7 --queue-bypass`)
and this program,
run inside the router's namespace, gives each packet its ACCEPT verdict DELAY ms after it
arrived. The delay is the same for every packet, so a first-in first-out list is already in
time order: packets leave in the order they came (nothing of one flow is reordered).

Bounds: at most MAX-QUEUE packets are held (the kernel queue is capped at the same number;
a packet beyond it is dropped, like a full router buffer), the main loop wakes at least every
50 ms, and SIGTERM/SIGINT release every held packet at once, unbind and exit. If the program
dies, `--queue-bypass` lets traffic pass undelayed.

Uses Debian's libnetfilter-queue1 through ctypes; standard library otherwise.
"""

import argparse
import collections
import ctypes
import ctypes.util
import errno
import os
import select
import signal
import socket
import sys
import time

NF_DROP, NF_ACCEPT = 0, 1
NFQNL_COPY_META = 1
MSG_DONTWAIT = 0x40
SOL_NETLINK, NETLINK_NO_ENOBUFS = 270, 5


class PacketHdr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("packet_id", ctypes.c_uint32), ("hw_protocol", ctypes.c_uint16), ("hook", ctypes.c_uint8)]


CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)


def load_library():
    for name in ("libnetfilter_queue.so.1", ctypes.util.find_library("netfilter_queue")):
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name, use_errno=True)
            break
        except OSError:
            continue
    else:
        sys.exit("nfq_delay: libnetfilter_queue.so.1 not found (apt-get install libnetfilter-queue1)")
    vp = ctypes.c_void_p
    lib.nfq_open.restype = vp
    lib.nfq_close.argtypes = [vp]
    lib.nfq_unbind_pf.argtypes = [vp, ctypes.c_uint16]
    lib.nfq_bind_pf.argtypes = [vp, ctypes.c_uint16]
    lib.nfq_create_queue.restype = vp
    lib.nfq_create_queue.argtypes = [vp, ctypes.c_uint16, CALLBACK, vp]
    lib.nfq_destroy_queue.argtypes = [vp]
    lib.nfq_set_mode.argtypes = [vp, ctypes.c_uint8, ctypes.c_uint32]
    lib.nfq_set_queue_maxlen.argtypes = [vp, ctypes.c_uint32]
    lib.nfq_fd.argtypes = [vp]
    lib.nfq_handle_packet.argtypes = [vp, ctypes.c_char_p, ctypes.c_int]
    lib.nfq_get_msg_packet_hdr.restype = ctypes.POINTER(PacketHdr)
    lib.nfq_get_msg_packet_hdr.argtypes = [vp]
    lib.nfq_set_verdict.argtypes = [vp, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_char_p]
    return lib


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queue", type=int, default=7)
    ap.add_argument("--delay-ms", type=float, required=True, help="delay of every packet (one direction)")
    ap.add_argument("--max-queue", type=int, default=2048)
    ap.add_argument("--pid-file")
    ap.add_argument("--log")
    args = ap.parse_args()
    if not 0 <= args.delay_ms <= 60000:
        sys.exit("nfq_delay: --delay-ms must lie between 0 and 60000")
    if not 1 <= args.max_queue <= 65536:
        sys.exit("nfq_delay: --max-queue must lie between 1 and 65536")
    logf = open(args.log, "a", buffering=1) if args.log else sys.stderr
    delay = args.delay_ms / 1000.0

    lib = load_library()
    h = lib.nfq_open()
    if not h:
        sys.exit(f"nfq_delay: nfq_open failed: {os.strerror(ctypes.get_errno())}")
    # IPv4 and IPv6 share the queue (ip6tables NFQUEUE too); no-ops on current kernels.
    for family in (socket.AF_INET, socket.AF_INET6):
        lib.nfq_unbind_pf(h, family)
        lib.nfq_bind_pf(h, family)

    held = collections.deque()  # (due monotonic time, packet id), oldest first
    stats = {"held": 0, "dropped": 0, "max": 0}
    qh_box = []

    @CALLBACK
    def on_packet(qh, _nfmsg, nfad, _data):
        hdr = lib.nfq_get_msg_packet_hdr(nfad)
        if not hdr:
            return 0
        pid = socket.ntohl(hdr.contents.packet_id)
        if len(held) >= args.max_queue:
            lib.nfq_set_verdict(qh, pid, NF_DROP, 0, None)
            stats["dropped"] += 1
            return 0
        held.append((time.monotonic() + delay, pid))
        stats["held"] += 1
        stats["max"] = max(stats["max"], len(held))
        return 0

    qh = lib.nfq_create_queue(h, args.queue, on_packet, None)
    if not qh:
        lib.nfq_close(h)
        sys.exit(f"nfq_delay: cannot bind queue {args.queue} (another program on it?): {os.strerror(ctypes.get_errno())}")
    qh_box.append(qh)
    if lib.nfq_set_mode(qh, NFQNL_COPY_META, 0) < 0:
        sys.exit("nfq_delay: nfq_set_mode failed")
    lib.nfq_set_queue_maxlen(qh, args.max_queue)
    fd = lib.nfq_fd(h)
    # A lost netlink message would strand its packet without a verdict: ask for a large
    # buffer and for no ENOBUFS (the kernel then holds messages back instead of dropping them).
    s = socket.socket(fileno=os.dup(fd))
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        s.setsockopt(SOL_NETLINK, NETLINK_NO_ENOBUFS, 1)
    except OSError as e:
        print(f"nfq_delay: socket options: {e}", file=logf)
    finally:
        s.close()

    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    if args.pid_file:
        with open(args.pid_file + ".tmp", "w") as f:
            f.write(f"{os.getpid()}\n")
        os.replace(args.pid_file + ".tmp", args.pid_file)
    print(f"nfq_delay: queue {args.queue}, {args.delay_ms:g} ms per packet, at most {args.max_queue} held, pid {os.getpid()}", file=logf)

    libc = ctypes.CDLL(None, use_errno=True)
    libc.recv.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    libc.recv.restype = ctypes.c_ssize_t
    buf = ctypes.create_string_buffer(65536)
    poller = select.poll()
    poller.register(fd, select.POLLIN)

    while not stop:
        now = time.monotonic()
        while held and held[0][0] <= now:
            lib.nfq_set_verdict(qh, held.popleft()[1], NF_ACCEPT, 0, None)
        wait = 0.05 if not held else min(0.05, max(0.0, held[0][0] - now))
        try:
            ready = poller.poll(wait * 1000.0)
        except InterruptedError:
            continue
        if not ready:
            continue
        for _ in range(256):  # drain what is there, boundedly
            n = libc.recv(fd, buf, len(buf), MSG_DONTWAIT)
            if n < 0:
                err = ctypes.get_errno()
                if err in (errno.EAGAIN, errno.EINTR):
                    break
                if err == errno.ENOBUFS:
                    print("nfq_delay: ENOBUFS (netlink messages lost)", file=logf)
                    continue
                print(f"nfq_delay: recv: {os.strerror(err)}", file=logf)
                break
            if n == 0:
                break
            lib.nfq_handle_packet(h, buf, n)

    # Release what is held, in order, then unbind: --queue-bypass takes over.
    while held:
        lib.nfq_set_verdict(qh, held.popleft()[1], NF_ACCEPT, 0, None)
    lib.nfq_destroy_queue(qh)
    lib.nfq_close(h)
    print(f"nfq_delay: stopped; {stats['held']} packets delayed, {stats['dropped']} dropped, at most {stats['max']} held at once", file=logf)
    if args.pid_file:
        try:
            os.unlink(args.pid_file)
        except OSError:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
