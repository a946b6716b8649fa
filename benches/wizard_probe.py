#!/usr/bin/env python3
"""The wizard's start-up figures, measured on the real binary in a pseudo-terminal:
time to first frame (until the start screen's question is on screen), CPU used while idle
on the start screen, and peak memory. Prints one JSON object.

    python3 benches/wizard_probe.py BINARY [--idle SECONDS] [--runs N]

Stdlib only (pty, select, /proc). The terminal is 80x24; nothing is typed but the final
quit keys. Every wait is bounded.
"""

import argparse
import fcntl
import json
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time

# Text the start screen shows once it is drawn (assets/ui.toml's start question).
MARKER = b"Why can"
FIRST_FRAME_LIMIT_S = 10.0


def clock_ticks():
    return os.sysconf(os.sysconf_names["SC_CLK_TCK"])


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat", "rb") as f:
        fields = f.read().rsplit(b")", 1)[1].split()
    # utime and stime are fields 14 and 15 of stat; after "comm)" they are at 11 and 12.
    return (int(fields[11]) + int(fields[12])) / clock_ticks()


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return None


def drain(fd, seconds):
    """Reads whatever the program prints for `seconds` (it must not block on a full pty)."""
    end = time.monotonic() + seconds
    out = b""
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return out
        r, _, _ = select.select([fd], [], [], min(left, 0.2))
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return out
            if not chunk:
                return out
            out += chunk


def one_run(binary, idle):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.monotonic()
    seen = b""
    answered = 0
    first_frame = None
    try:
        while time.monotonic() - start < FIRST_FRAME_LIMIT_S:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
                # Answer "where is the cursor?" as a terminal does (the TUI asks at start).
                for _ in range(seen.count(b"\x1b[6n") - answered):
                    os.write(fd, b"\x1b[1;1R")
                    answered += 1
                if MARKER in seen:
                    first_frame = time.monotonic() - start
                    break
        if first_frame is None:
            raise RuntimeError("the start screen did not appear within %.0f s" % FIRST_FRAME_LIMIT_S)
        drain(fd, 0.5)  # let start-up settle before the idle window
        cpu0 = cpu_seconds(pid)
        drain(fd, idle)
        cpu1 = cpu_seconds(pid)
        peak = peak_rss_kib(pid)
        return {
            "first_frame_ms": round(first_frame * 1000, 1),
            "idle_cpu_percent": round(100.0 * (cpu1 - cpu0) / idle, 2),
            "peak_rss_kib": peak,
        }
    finally:
        # Ctrl-C opens the quit question, y confirms; then make sure it is gone.
        for keys in (b"\x03", b"y"):
            try:
                os.write(fd, keys)
            except OSError:
                pass
            drain(fd, 0.2)
        for _ in range(20):
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--idle", type=float, default=10.0)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    if not 1 <= a.runs <= 50 or not 1 <= a.idle <= 120:
        sys.exit("runs must be 1..50 and idle 1..120 s")
    runs = [one_run(os.path.abspath(a.binary), a.idle if i == 0 else 1.0) for i in range(a.runs)]
    frames = [r["first_frame_ms"] for r in runs]
    print(json.dumps({
        "runs": a.runs,
        "first_frame_ms": {"min": min(frames), "median": statistics.median(frames), "max": max(frames)},
        "idle_seconds": a.idle,
        "idle_cpu_percent": runs[0]["idle_cpu_percent"],
        "peak_rss_kib": max(r["peak_rss_kib"] or 0 for r in runs),
    }))


if __name__ == "__main__":
    main()
