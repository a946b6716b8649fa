//! The SMTP session's plain parts: connecting, the reply reader over a plain or TLS stream
//! (every read and write bounded by the time budget, every reply by the parser's limits,
//! everything said written to the transcript), pipelined commands (RFC 2920), EHLO and QUIT.

use std::net::{IpAddr, SocketAddr};
use std::os::fd::{AsRawFd, RawFd};
use std::time::Duration;

use futures::FutureExt as _;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use zeroize::Zeroizing;

use super::model::{ProbeConfig, SessionFault};
use crate::checks::tcp::{self, PortReach};
use crate::protocol::reply::{self, answers, Ehlo, Limits, Reply, ReplyError, Verb};
use crate::protocol::transcript::Transcript;

pub(super) trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}
pub(super) type BoxIo = Box<dyn Io>;

/// One SMTP connection: a buffered reader over a plain or TLS stream.
pub(super) struct Conn {
    io: BufReader<BoxIo>,
    pub(super) timeout: Duration,
    limits: Limits,
    /// The TCP socket under the stream (owned by `io`), for [`quick_ack`].
    socket: Option<RawFd>,
    /// The exchange under way, for evidence: `greeting` until the first command.
    during: &'static str,
    /// The first way the server broke the session, for the probe's facts.
    fault: Option<SessionFault>,
}

impl Conn {
    pub(super) fn new(io: BoxIo, timeout: Duration) -> Conn {
        Conn {
            io: BufReader::new(io),
            timeout,
            limits: Limits::default(),
            socket: None,
            during: "greeting",
            fault: None,
        }
    }

    /// A connection straight over a TCP stream.
    pub(super) fn tcp(stream: TcpStream, timeout: Duration) -> Conn {
        let socket = Some(stream.as_raw_fd());
        Conn {
            socket,
            ..Conn::new(Box::new(stream), timeout)
        }
    }

    /// The same connection continued over `io` (TLS over this connection's socket).
    pub(super) fn continued(io: BoxIo, timeout: Duration, socket: Option<RawFd>) -> Conn {
        Conn {
            socket,
            ..Conn::new(io, timeout)
        }
    }

    /// The first fault the server committed on this connection, handed over once.
    pub(super) fn take_fault(&mut self) -> Option<SessionFault> {
        self.fault.take()
    }

    /// Keeps the first fault: later ones usually follow from it.
    fn note_fault(&mut self, e: &ReplyError) {
        if self.fault.is_none() {
            self.fault = Some(SessionFault::from_error(self.during, e));
        }
    }

    /// `reply` as the answer to `verb`, or an error when its code cannot answer it.
    fn answering(
        &mut self,
        verb: Verb,
        reply: Reply,
        t: &mut Transcript,
    ) -> Result<Reply, ReplyError> {
        if answers(verb, reply.code) {
            return Ok(reply);
        }
        let e = ReplyError::Unexpected {
            command: verb.name().to_string(),
            reply: reply.to_string(),
        };
        t.note(&e.to_string());
        self.note_fault(&e);
        Err(e)
    }

    /// The TCP socket under this connection, when known.
    pub(super) fn socket(&self) -> Option<RawFd> {
        self.socket
    }

    pub(super) async fn read(&mut self, t: &mut Transcript) -> Result<Reply, ReplyError> {
        self.read_within(t, self.timeout).await
    }

    pub(super) async fn read_within(
        &mut self,
        t: &mut Transcript,
        timeout: Duration,
    ) -> Result<Reply, ReplyError> {
        if let Some(socket) = self.socket {
            quick_ack(socket);
        }
        // The transcript is where server text enters the results: it takes the run's
        // password out of the reply (or the error) before anything keeps it.
        match reply::read_reply(&mut self.io, &self.limits, timeout).await {
            Ok((reply, raw)) => Ok(t.server_reply(reply, raw)),
            Err(e) => {
                // Redacted first: the fault's evidence quotes the server.
                let e = t.server_error(e);
                self.note_fault(&e);
                Err(e)
            }
        }
    }

    async fn write(&mut self, line: &str) -> Result<(), ReplyError> {
        // The line may carry a credential: built without reallocating, wiped after sending.
        let mut data = Zeroizing::new(String::with_capacity(line.len() + 2));
        data.push_str(line);
        data.push_str("\r\n");
        self.send(&data, self.timeout).await
    }

    /// Writes `data` in one write (one TCP segment or TLS record when it fits), bounded.
    async fn send(&mut self, data: &str, within: Duration) -> Result<(), ReplyError> {
        let io = self.io.get_mut();
        match tokio::time::timeout(within, async {
            io.write_all(data.as_bytes()).await?;
            io.flush().await
        })
        .await
        {
            Err(_) => Err(ReplyError::Timeout(within)),
            Ok(Err(e)) => Err(ReplyError::Io(e.to_string())),
            Ok(Ok(())) => Ok(()),
        }
    }

    /// Whether the server has sent bytes that no read has taken yet. Never waits: only
    /// what has already arrived counts.
    fn has_unread(&mut self) -> bool {
        if !self.io.buffer().is_empty() {
            return true;
        }
        matches!(self.io.fill_buf().now_or_never(), Some(Ok(buf)) if !buf.is_empty())
    }

    /// Fails when the server sent something nobody asked for: that reply would otherwise
    /// be taken as the answer to the next command. What it sent goes to the transcript.
    pub(super) async fn refuse_unsolicited(
        &mut self,
        t: &mut Transcript,
    ) -> Result<(), ReplyError> {
        if !self.has_unread() {
            return Ok(());
        }
        t.note("the server sent a reply no command asked for");
        // It has arrived already, so a short wait reads all of it (or shows it was partial).
        let shown = match self.read_within(t, self.timeout.min(COURTESY)).await {
            Ok(extra) => extra.to_string(),
            Err(e) => e.to_string(),
        };
        let e = ReplyError::Unsolicited(shown);
        // What it sent may have been a broken reply too; the unasked-for reply is the finding.
        self.fault = None;
        self.note_fault(&e);
        Err(e)
    }

    pub(super) async fn command(
        &mut self,
        line: &str,
        t: &mut Transcript,
    ) -> Result<Reply, ReplyError> {
        t.client(line);
        let verb = Verb::of(line);
        self.during = verb.name();
        self.write(line).await?;
        let reply = self.read(t).await?;
        self.answering(verb, reply, t)
    }

    /// Sends `lines` in one write (RFC 2920 pipelining; only where the server offers
    /// PIPELINING) and reads one reply per line, matched in the order sent. The transcript
    /// shows a marker, the lines in the order sent, then each reply. A reply beyond the
    /// last one asked for (before or after) fails the whole exchange: the replies could then
    /// belong to other commands than they seem to.
    pub(super) async fn pipeline(
        &mut self,
        lines: &[&str],
        t: &mut Transcript,
    ) -> Result<Vec<Reply>, ReplyError> {
        self.refuse_unsolicited(t).await?;
        t.note(&format!("{PIPELINED} {}", lines.len()));
        let mut data = String::new();
        for line in lines {
            t.client(line);
            data.push_str(line);
            data.push_str("\r\n");
        }
        self.send(&data, self.timeout).await?;
        let mut replies = Vec::with_capacity(lines.len());
        for line in lines {
            let verb = Verb::of(line);
            self.during = verb.name();
            let reply = self.read(t).await?;
            replies.push(self.answering(verb, reply, t)?);
        }
        self.refuse_unsolicited(t).await?;
        Ok(replies)
    }

    /// One command, after making sure no unasked-for reply is waiting that it would be
    /// matched with.
    pub(super) async fn command_in_turn(
        &mut self,
        line: &str,
        t: &mut Transcript,
    ) -> Result<Reply, ReplyError> {
        self.refuse_unsolicited(t).await?;
        self.command(line, t).await
    }

    /// Sends a line that carries a credential: the transcript shows only `[redacted]`.
    pub(super) async fn secret_command(
        &mut self,
        line: &str,
        t: &mut Transcript,
    ) -> Result<Reply, ReplyError> {
        t.client_secret();
        self.during = Verb::AuthStep.name();
        self.write(line).await?;
        // Servers delay the answer to a failed sign-in on purpose (Dovecot's penalty grows
        // to 15 s), so this reply gets three time budgets.
        let reply = self.read_within(t, self.timeout * 3).await?;
        self.answering(Verb::AuthStep, reply, t)
    }

    /// Sends an AUTH command whose initial response carries a credential: the transcript
    /// shows the verb and mechanism only (`AUTH PLAIN [redacted]`), so the attempts can be
    /// counted in it. The reply gets three time budgets, as in [`Conn::secret_command`].
    pub(super) async fn auth_command(
        &mut self,
        line: &str,
        t: &mut Transcript,
    ) -> Result<Reply, ReplyError> {
        t.client(line);
        self.during = Verb::Auth.name();
        self.write(line).await?;
        let reply = self.read_within(t, self.timeout * 3).await?;
        self.answering(Verb::Auth, reply, t)
    }

    /// Hands the stream over for a TLS handshake. Bytes the server sent ahead of the
    /// handshake would be a STARTTLS injection, so they end the session.
    pub(super) fn into_inner(mut self) -> Result<BoxIo, String> {
        if self.has_unread() {
            return Err(
                "the server sent data before the TLS handshake (refusing to continue)".into(),
            );
        }
        Ok(self.io.into_inner())
    }
}

/// Asks the kernel to acknowledge what arrives next at once instead of after its delayed-ACK
/// timer (TCP_QUICKACK, Linux; it wears off, so it is renewed before every read). A server
/// whose Nagle algorithm holds a reply until its previous segment is acknowledged (the TLS
/// 1.3 session tickets just before the first reply inside TLS) otherwise waits for that
/// timer: 40 ms or more, and on a slow path a whole extra round trip.
fn quick_ack(socket: RawFd) {
    #[cfg(target_os = "linux")]
    {
        let on: libc::c_int = 1;
        let len = libc::socklen_t::try_from(std::mem::size_of::<libc::c_int>()).unwrap_or(4);
        // SAFETY: `socket` is the descriptor of the stream the connection owns, open as long
        // as the connection; setsockopt only reads `len` bytes of `on`. Failing (an odd
        // socket) only leaves the kernel's default, so the result is ignored.
        let _ = unsafe {
            libc::setsockopt(
                socket,
                libc::IPPROTO_TCP,
                libc::TCP_QUICKACK,
                (&raw const on).cast(),
                len,
            )
        };
    }
    #[cfg(not(target_os = "linux"))]
    let _ = socket;
}

/// Connects to the port (every address at once).
pub(super) async fn connect(cfg: &ProbeConfig) -> (PortReach, Option<(SocketAddr, TcpStream)>) {
    tcp::connect_any(&cfg.addrs, cfg.port, cfg.timeout).await
}

/// The EHLO argument: our own address as an address literal.
pub(super) fn ehlo_name(local: Option<SocketAddr>) -> String {
    match local.map(|a| a.ip()) {
        Some(IpAddr::V4(ip)) => format!("[{ip}]"),
        Some(IpAddr::V6(ip)) => format!("[IPv6:{ip}]"),
        None => "[127.0.0.1]".to_string(),
    }
}

pub(super) async fn ehlo(conn: &mut Conn, helo: &str, t: &mut Transcript) -> Result<Ehlo, String> {
    let r = conn
        .command(&format!("EHLO {helo}"), t)
        .await
        .map_err(|e| format!("EHLO failed: {e}"))?;
    if r.code == 250 {
        Ok(reply::parse_ehlo(&r))
    } else {
        Err(format!("EHLO refused: {r}"))
    }
}

/// How long a courtesy step (QUIT, reading a greeting only to answer it) may take at most.
pub(super) const COURTESY: Duration = Duration::from_secs(1);

/// The transcript note that marks commands sent in one write, followed by their number.
pub(super) const PIPELINED: &str = "sent together (RFC 2920 pipelining):";

/// Ends a session whose result is known: QUIT, and nothing waits for the reply (it carries
/// nothing the diagnosis uses). The reply is still read, in the background and bounded by
/// [`COURTESY`], so that the connection closes cleanly: a socket closed with unread data
/// resets the connection, and the server could lose the QUIT.
pub(super) async fn quit(mut conn: Conn, t: &mut Transcript) {
    t.client("QUIT");
    let wait = conn.timeout.min(COURTESY);
    if conn.send("QUIT\r\n", wait).await.is_err() {
        return;
    }
    tokio::spawn(async move {
        let mut unseen = Transcript::new(0);
        let _ = conn.read_within(&mut unseen, wait).await;
        // For TLS this sends close_notify; dropping the connection closes the socket.
        let _ = tokio::time::timeout(wait, conn.io.get_mut().shutdown()).await;
    });
}
