#!/usr/bin/env python3
"""An SMTP server that answers in Microsoft Exchange Server 2019's words, for smtp-doctor's
loopback lab only (tests/lab/exchange.sh starts and stops it).

No Exchange runs on Linux, and the lab's other servers (Postfix, Exim) never produce Exchange's
replies, so this hand-written server reproduces them: the greeting, the EHLO keywords of the
Default Frontend (25) and Client Frontend (587) receive connectors, and the refusals a mail
client meets. Where the wording comes from:

- Greeting "220 NAME Microsoft ESMTP MAIL Service ready at <RFC 5322 date>" and the EHLO
  keywords (SIZE 37748736, PIPELINING, DSN, ENHANCEDSTATUSCODES, STARTTLS, X-ANONYMOUSTLS,
  AUTH NTLM, X-EXPS GSSAPI NTLM, 8BITMIME, BINARYMIME, CHUNKING; "AUTH NTLM LOGIN" once TLS is
  up, since Basic authentication requires TLS): Exchange's receive connectors as described on
  Microsoft Learn, "Receive connectors in Exchange Server" (AuthMechanism Tls, Integrated,
  BasicAuth, BasicAuthRequireTLS) and transcripts of Exchange sessions ("250-AUTH NTLM LOGIN"
  after STARTTLS, "235 2.7.0 Authentication successful", "250 2.1.0 Sender OK",
  "250 2.1.5 Recipient OK"). The Client Frontend here has Integrated (NTLM) sign-in switched
  off before TLS, so it offers no AUTH until STARTTLS.
- "535 5.7.3 Authentication unsuccessful": Microsoft Learn, [MS-SMTPNTLM] 2.2.1.4
  SMTP_AUTH_Fail_Response ("535 5.7.3 <human-readable-string>").
- "504 5.7.4 Unrecognized authentication type": Exchange's answer to an AUTH mechanism the
  connector does not offer (e.g. AUTH LOGIN before STARTTLS).
- "530 5.7.57 Client not authenticated to send mail. [NAME]": MAIL FROM without a sign-in
  (Microsoft Learn, "How to set up a multifunction device or application to send email using
  Microsoft 365 or Office 365": 5.7.57; the bracket holds the answering server's name).
- "550 5.7.60 SMTP; Client does not have permissions to send as this sender": a sender the
  signed-in account may not send as (Exchange's NDR code 5.7.60, "Fix NDR error 550 5.7.60";
  Exchange 2019 on premises words the same sentence with 5.7.1, SmtpResponse.SendAsDenied).
- "421 4.3.2 The maximum number of concurrent server connections has exceeded a limit,
  closing transmission channel": a receive connector over MaxInboundConnection (Microsoft Q&A
  407670 quotes the per-source variant). Exchange sends it in place of the greeting and
  hangs up. Every connection to --busy-address gets it, and so does any connection beyond
  --max-connections.

Exchange itself has no implicit TLS; hosts that offer 465 put a TLS front end before it, which
passes Exchange's replies through: port 465 here is that.

Bounded: every read has a time-out (Exchange's "451 4.7.0 Timeout waiting for client input"),
lines and messages have size limits, and the number of connections is capped.
"""

import argparse
import asyncio
import base64
import email.utils
import os
import signal
import ssl
import sys

IDLE_SECONDS = 30
TLS_HANDSHAKE_SECONDS = 10
MAX_LINE = 4096
MAX_MESSAGE = 1 << 20
MAX_COMMANDS = 200

LIMIT_REPLY = (
    "421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, "
    "closing transmission channel"
)


class Closed(Exception):
    """The client went away, idled too long or sent too much."""


class Session:
    def __init__(self, cfg, reader, writer, port, tls):
        self.cfg = cfg
        self.reader = reader
        self.writer = writer
        self.port = port
        self.tls = tls
        self.helo = None
        self.user = None
        self.sender = None
        self.recipients = 0
        peer = writer.get_extra_info("peername") or ("unknown", 0)
        self.peer = peer[0]

    async def send(self, *lines):
        data = "".join(
            f"{line[:3]}{'-' if i < len(lines) - 1 else ' '}{line[4:]}\r\n"
            for i, line in enumerate(lines)
        )
        self.writer.write(data.encode())
        await self.writer.drain()

    async def read_line(self):
        try:
            line = await asyncio.wait_for(self.reader.readline(), IDLE_SECONDS)
        except asyncio.TimeoutError:
            await self.send("451 4.7.0 Timeout waiting for client input")
            raise Closed()
        except (ValueError, asyncio.LimitOverrunError):
            raise Closed()
        if not line:
            raise Closed()
        return line.decode("utf-8", "replace").rstrip("\r\n")

    def keywords(self):
        kw = ["SIZE 37748736", "PIPELINING", "DSN", "ENHANCEDSTATUSCODES"]
        if not self.tls:
            kw.append("STARTTLS")
        if self.port == 25:
            if not self.tls:
                kw.append("X-ANONYMOUSTLS")
            kw.append("AUTH NTLM LOGIN" if self.tls else "AUTH NTLM")
            kw.append("X-EXPS GSSAPI NTLM")
        elif self.tls:
            kw.append("AUTH NTLM LOGIN")
        kw += ["8BITMIME", "BINARYMIME", "CHUNKING"]
        return kw

    def offers(self, mechanism):
        for k in self.keywords():
            if k.startswith("AUTH ") and mechanism in k.split()[1:]:
                return True
        return False

    async def run(self):
        now = email.utils.format_datetime(email.utils.localtime())
        await self.send(f"220 {self.cfg.name} Microsoft ESMTP MAIL Service ready at {now}")
        for _ in range(MAX_COMMANDS):
            line = await self.read_line()
            verb, _, arg = line.partition(" ")
            verb = verb.upper()
            if verb == "QUIT":
                await self.send("221 2.0.0 Service closing transmission channel")
                return
            handler = getattr(self, "cmd_" + verb.replace("-", "_"), None) if verb.isalpha() else None
            if handler is None:
                await self.send(f"500 5.3.3 Unrecognized command '{verb[:32] or 'unknown'}'")
                continue
            if await handler(arg.strip()) is False:
                return
        await self.send("421 4.7.0 Too many errors on this connection, closing transmission channel")

    async def cmd_EHLO(self, arg):
        if not arg:
            await self.send("501 5.5.4 Invalid domain name")
            return
        self.helo, self.sender, self.recipients = arg, None, 0
        lines = [f"250 {self.cfg.name} Hello [{self.peer}]"]
        lines += ["250 " + k for k in self.keywords()]
        await self.send(*lines)

    async def cmd_HELO(self, arg):
        if not arg:
            await self.send("501 5.5.4 Invalid domain name")
            return
        self.helo, self.sender, self.recipients = arg, None, 0
        await self.send(f"250 {self.cfg.name} Hello [{self.peer}]")

    async def cmd_STARTTLS(self, arg):
        if self.tls or self.helo is None:
            await self.send("503 5.5.2 Send hello first" if self.helo is None else "503 5.5.1 Bad sequence of commands")
            return
        await self.send("220 2.0.0 SMTP server ready")
        try:
            await asyncio.wait_for(
                self.writer.start_tls(self.cfg.tls, ssl_handshake_timeout=TLS_HANDSHAKE_SECONDS),
                TLS_HANDSHAKE_SECONDS + 1,
            )
        except (OSError, ssl.SSLError, asyncio.TimeoutError):
            return False
        # RFC 3207: the session starts afresh.
        self.tls, self.helo, self.user, self.sender, self.recipients = True, None, None, None, 0

    async def cmd_AUTH(self, arg):
        parts = arg.split()
        mechanism = parts[0].upper() if parts else ""
        if self.helo is None:
            await self.send("503 5.5.2 Send hello first")
            return
        if self.user is not None:
            await self.send("503 5.5.2 Already authenticated")
            return
        if not self.offers(mechanism):
            await self.send("504 5.7.4 Unrecognized authentication type")
            return
        if mechanism == "NTLM":
            # NTLM needs a Windows domain: whatever the client sends, it does not sign in here.
            if len(parts) < 2:
                await self.send("334 NTLM supported")
                await self.read_line()
            await self.send("535 5.7.3 Authentication unsuccessful")
            return
        user = parts[1] if len(parts) > 1 else None
        if user is None:
            await self.send("334 VXNlcm5hbWU6")
            user = await self.read_line()
        if user == "*":
            await self.send("501 5.7.0 Authentication cancelled")
            return
        await self.send("334 UGFzc3dvcmQ6")
        password = await self.read_line()
        if password == "*":
            await self.send("501 5.7.0 Authentication cancelled")
            return
        name, secret = decode(user), decode(password)
        if name is not None and name.lower() == self.cfg.account.lower() and secret == self.cfg.password:
            self.user = name
            await self.send("235 2.7.0 Authentication successful")
        else:
            await self.send("535 5.7.3 Authentication unsuccessful")

    async def cmd_MAIL(self, arg):
        if self.helo is None:
            await self.send("503 5.5.2 Send hello first")
            return
        if self.sender is not None:
            await self.send("503 5.5.2 Sender already specified")
            return
        address = envelope_address(arg, "FROM:")
        if address is None:
            await self.send("501 5.5.4 Invalid arguments")
            return
        if self.user is None:
            await self.send(f"530 5.7.57 Client not authenticated to send mail. [{self.cfg.name}]")
            return
        if address.lower() != self.user.lower():
            await self.send("550 5.7.60 SMTP; Client does not have permissions to send as this sender")
            return
        self.sender = address
        await self.send("250 2.1.0 Sender OK")

    async def cmd_RCPT(self, arg):
        if self.sender is None:
            await self.send("503 5.5.2 Need mail command")
            return
        if envelope_address(arg, "TO:") is None:
            await self.send("501 5.5.4 Invalid arguments")
            return
        self.recipients += 1
        await self.send("250 2.1.5 Recipient OK")

    async def cmd_DATA(self, arg):
        if self.sender is None:
            await self.send("503 5.5.2 Need mail command")
            return
        if self.recipients == 0:
            await self.send("503 5.5.2 Need rcpt command")
            return
        await self.send("354 Start mail input; end with <CRLF>.<CRLF>")
        size = 0
        while True:
            line = await self.read_line()
            if line == ".":
                break
            size += len(line) + 2
            if size > MAX_MESSAGE:
                await self.send("552 5.3.4 Message size exceeds fixed maximum message size")
                return False
        # The lab delivers nothing: the message is accepted and dropped.
        self.sender, self.recipients = None, 0
        await self.send("250 2.6.0 Queued mail for delivery")

    async def cmd_RSET(self, arg):
        self.sender, self.recipients = None, 0
        await self.send("250 2.0.0 Resetting")

    async def cmd_NOOP(self, arg):
        await self.send("250 2.0.0 OK")


def decode(b64):
    try:
        return base64.b64decode(b64, validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None


def envelope_address(arg, prefix):
    if not arg.upper().startswith(prefix):
        return None
    rest = arg[len(prefix):].strip()
    if not rest.startswith("<") or ">" not in rest:
        return None
    return rest[1 : rest.index(">")]


class Server:
    def __init__(self, cfg):
        self.cfg = cfg
        self.active = 0

    def handler(self, port, tls, busy):
        async def handle(reader, writer):
            self.active += 1
            try:
                if busy or self.active > self.cfg.max_connections:
                    writer.write((LIMIT_REPLY + "\r\n").encode())
                    await asyncio.wait_for(writer.drain(), IDLE_SECONDS)
                else:
                    await Session(self.cfg, reader, writer, port, tls).run()
            except (Closed, OSError, ssl.SSLError, asyncio.TimeoutError):
                pass
            finally:
                self.active -= 1
                writer.close()
                try:
                    await asyncio.wait_for(writer.wait_closed(), 2)
                except (OSError, ssl.SSLError, asyncio.TimeoutError):
                    pass

        return handle


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--address", required=True, help="the working server's loopback address")
    p.add_argument("--busy-address", help="an address where every connection is over the limit")
    p.add_argument("--name", required=True, help="the server's host name (greeting, EHLO)")
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--account", required=True, help="the one account that may sign in")
    p.add_argument("--password-file", required=True, help="a file holding its password")
    p.add_argument("--pid-file", required=True, help="written once every port listens")
    p.add_argument("--max-connections", type=int, default=20)
    cfg = p.parse_args(argv)
    for addr in filter(None, [cfg.address, cfg.busy_address]):
        if not addr.startswith("127."):
            p.error(f"{addr}: the lab serves loopback addresses only")
    with open(cfg.password_file, encoding="utf-8") as f:
        cfg.password = f.read().rstrip("\n")
    cfg.tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cfg.tls.load_cert_chain(cfg.cert, cfg.key)
    return cfg


async def main(argv):
    cfg = parse_args(argv)
    server = Server(cfg)
    servers = []
    for addr, busy in [(cfg.address, False), (cfg.busy_address, True)]:
        if addr is None:
            continue
        for port in (25, 587, 465):
            tls = cfg.tls if port == 465 else None
            servers.append(
                await asyncio.start_server(
                    server.handler(port, tls is not None, busy),
                    addr,
                    port,
                    ssl=tls,
                    ssl_handshake_timeout=TLS_HANDSHAKE_SECONDS if tls else None,
                    limit=MAX_LINE,
                    reuse_address=True,
                )
            )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    with open(cfg.pid_file, "w", encoding="utf-8") as f:
        f.write(f"{os.getpid()}\n")
    print(f"listening on {cfg.address} and {cfg.busy_address} ports 25, 587, 465", flush=True)
    await stop.wait()
    for s in servers:
        s.close()
    os.unlink(cfg.pid_file)


if __name__ == "__main__":
    try:
        asyncio.run(main(sys.argv[1:]))
    except (OSError, ssl.SSLError) as e:
        print(f"exchange_emulator: {e}", file=sys.stderr)
        sys.exit(1)
