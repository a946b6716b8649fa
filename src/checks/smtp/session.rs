//! The SMTP session's plain parts: connecting, the reply reader over a plain or TLS stream
//! (every read and write bounded by the time budget, every reply by the parser's limits,
//! everything said written to the transcript), EHLO and QUIT.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use super::model::ProbeConfig;
use crate::checks::tcp::{self, PortReach};
use crate::protocol::reply::{self, Ehlo, Limits, Reply, ReplyError};
use crate::protocol::transcript::Transcript;

pub(super) trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}
pub(super) type BoxIo = Box<dyn Io>;

/// One SMTP connection: a buffered reader over a plain or TLS stream.
pub(super) struct Conn {
    io: BufReader<BoxIo>,
    pub(super) timeout: Duration,
    limits: Limits,
}

impl Conn {
    pub(super) fn new(io: BoxIo, timeout: Duration) -> Conn {
        Conn {
            io: BufReader::new(io),
            timeout,
            limits: Limits::default(),
        }
    }

    pub(super) async fn read(&mut self, t: &mut Transcript) -> Result<Reply, ReplyError> {
        self.read_within(t, self.timeout).await
    }

    pub(super) async fn read_within(
        &mut self,
        t: &mut Transcript,
        timeout: Duration,
    ) -> Result<Reply, ReplyError> {
        match reply::read_reply(&mut self.io, &self.limits, timeout).await {
            Ok((reply, raw)) => {
                for line in raw {
                    t.server(&line);
                }
                Ok(reply)
            }
            Err(e) => {
                if let ReplyError::Closed { partial: Some(p) } = &e {
                    t.server(p);
                }
                t.note(&e.to_string());
                Err(e)
            }
        }
    }

    async fn write(&mut self, line: &str) -> Result<(), ReplyError> {
        let data = format!("{line}\r\n");
        let io = self.io.get_mut();
        match tokio::time::timeout(self.timeout, async {
            io.write_all(data.as_bytes()).await?;
            io.flush().await
        })
        .await
        {
            Err(_) => Err(ReplyError::Timeout(self.timeout)),
            Ok(Err(e)) => Err(ReplyError::Io(e.to_string())),
            Ok(Ok(())) => Ok(()),
        }
    }

    pub(super) async fn command(
        &mut self,
        line: &str,
        t: &mut Transcript,
    ) -> Result<Reply, ReplyError> {
        t.client(line);
        self.write(line).await?;
        self.read(t).await
    }

    /// Sends a line that carries a credential: the transcript shows only `[redacted]`.
    pub(super) async fn secret_command(
        &mut self,
        line: &str,
        t: &mut Transcript,
    ) -> Result<Reply, ReplyError> {
        t.client_secret();
        self.write(line).await?;
        // Servers delay the answer to a failed sign-in on purpose (Dovecot's penalty grows
        // to 15 s), so this reply gets three time budgets.
        self.read_within(t, self.timeout * 3).await
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
        self.write(line).await?;
        self.read_within(t, self.timeout * 3).await
    }

    /// Hands the stream over for a TLS handshake. Bytes the server sent ahead of the
    /// handshake would be a STARTTLS injection, so they end the session.
    pub(super) fn into_inner(self) -> Result<BoxIo, String> {
        if !self.io.buffer().is_empty() {
            return Err(
                "the server sent data before the TLS handshake (refusing to continue)".into(),
            );
        }
        Ok(self.io.into_inner())
    }
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

pub(super) async fn quit(conn: &mut Conn, t: &mut Transcript) {
    let _ = conn.command("QUIT", t).await;
}

/// How long a courtesy step (QUIT on a side connection) may take at most.
pub(super) const COURTESY: Duration = Duration::from_secs(1);

/// QUIT whose reply is awaited only briefly: for sessions whose result is already known.
pub(super) async fn quit_briefly(conn: &mut Conn, t: &mut Transcript) {
    let wait = conn.timeout.min(COURTESY);
    let _ = tokio::time::timeout(wait, quit(conn, t)).await;
}
