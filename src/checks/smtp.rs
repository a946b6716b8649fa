//! The SMTP probe of one port: how the server greets (plain text, TLS first, 421, 554 or
//! silence), EHLO and its capabilities, STARTTLS, the TLS handshake (and, when verification
//! fails, why, read from the certificate on a second connection that never carries
//! credentials), one AUTH attempt, and an envelope test (MAIL FROM, RCPT TO, RSET, QUIT:
//! no mail is ever sent). Once the OS store has verified the server, a third connection
//! checks the chain against public roots alone ([`super::intercept`]), alongside the session.
//!
//! The probe reports each finished stage as a snapshot, so the decision tree can move on as
//! soon as the stage it waits for is known. Every read and write is bounded by the time
//! budget and every reply by the parser's size limits.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::oneshot;

use super::cert::{self, CertInfo, CertProblem};
use super::gate::Gate;
use super::intercept::{self, PublicChain};
use super::tcp::{self, PortReach};
use super::tls::{self, HandshakeError, HandshakeKind, Trust, Verify};
use crate::protocol::reply::{self, Ehlo, Limits, Reply, ReplyError};
use crate::protocol::transcript::Transcript;
use crate::secret::Secret;

/// How the server behaves when a client connects to this port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A plaintext `220` greeting: plain SMTP, STARTTLS possible (587, 25).
    Plain,
    /// Silence in plain text, but a TLS handshake works: implicit TLS (465).
    TlsFirst,
    /// A 4xx greeting (`421`, Exim's `451`), plain or inside TLS: busy or refusing for now.
    Overloaded,
    /// A 5xx greeting (`554`), plain or inside TLS: this client is refused (often a blocklist).
    RefusedGreeting,
    /// Connected, but neither a greeting nor a TLS handshake came.
    NoGreeting,
    /// Something that is not SMTP answered.
    NotSmtp,
}

/// The TLS result on this port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum TlsResult {
    /// Verified against the trust store (and `--ca-file`).
    Verified { cert: Option<CertInfo> },
    /// Verification failed; the certificate, read on a second connection, says why.
    CertProblem {
        problem: CertProblem,
        cert: CertInfo,
        message: String,
    },
    /// The handshake failed even without verification.
    Failed {
        kind: HandshakeKind,
        message: String,
    },
    /// The server offers no STARTTLS on this port.
    NotOffered,
    /// STARTTLS was refused (e.g. `454 TLS not available`).
    Refused { reply: Reply },
}

/// How TLS starts on a port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TlsStart {
    /// The handshake comes first (465).
    Implicit,
    /// Greeting, EHLO and STARTTLS in plain text, then the handshake (587, 25).
    Starttls,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum AuthOutcome {
    Accepted {
        mechanism: String,
    },
    Rejected {
        mechanism: String,
        reply: Reply,
    },
    TempFailure {
        mechanism: String,
        reply: Reply,
    },
    /// AUTH is offered, but with none of the mechanisms we (and common clients) use.
    MechanismUnsupported {
        offered: Vec<String>,
    },
    /// The server offers no AUTH on this connection.
    NotOffered,
    NoPassword,
    /// The connection is not encrypted and sending the password was not allowed.
    PlaintextRefused,
    /// Another port signs in, or an earlier stage failed.
    NotTried {
        reason: String,
    },
    Error {
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum EnvelopeOutcome {
    Accepted,
    MailRejected { reply: Reply },
    RcptRejected { reply: Reply },
    NotTried { reason: String },
    Error { message: String },
}

/// Everything learned on one port. Built stage by stage; `finished` marks the end.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PortProbe {
    pub port: u16,
    pub reach: Option<PortReach>,
    pub address: Option<SocketAddr>,
    pub mode: Option<Mode>,
    pub greeting: Option<Reply>,
    /// Why no greeting came, when none did (time-out, closed, garbage).
    pub greeting_error: Option<String>,
    pub ehlo_plain: Option<Ehlo>,
    pub ehlo_tls: Option<Ehlo>,
    pub tls: Option<TlsResult>,
    /// Whether the certificate verified by the OS store also chains to a public root (or a
    /// `--ca-file` root): checked only when the OS store verified it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_chain: Option<PublicChain>,
    pub auth: Option<AuthOutcome>,
    pub envelope: Option<EnvelopeOutcome>,
    pub finished: bool,
    #[serde(skip)]
    pub transcript: Transcript,
    /// Milliseconds per stage, for the technical view.
    pub timings: Vec<(String, u64)>,
}

impl PortProbe {
    /// Did a connection get as far as an encrypted, verified session?
    pub fn tls_verified(&self) -> bool {
        matches!(self.tls, Some(TlsResult::Verified { .. }))
    }

    /// The security a client must configure for this port, when the port speaks SMTP.
    pub fn security(&self) -> Option<crate::endpoint::Security> {
        use crate::endpoint::Security;
        match self.mode? {
            Mode::TlsFirst => Some(Security::Tls),
            Mode::Plain => match self.tls {
                Some(TlsResult::NotOffered) | Some(TlsResult::Refused { .. }) => {
                    Some(Security::None)
                }
                _ => Some(Security::Starttls),
            },
            _ => None,
        }
    }

    /// The EHLO that counts for signing in: after TLS when there was TLS.
    pub fn ehlo(&self) -> Option<&Ehlo> {
        self.ehlo_tls.as_ref().or(self.ehlo_plain.as_ref())
    }
}

/// What a probe needs to know.
#[derive(Clone)]
pub struct ProbeConfig {
    pub host: String,
    pub addrs: Vec<IpAddr>,
    pub port: u16,
    pub timeout: Duration,
    pub trust: Trust,
    pub user: Option<String>,
    pub password: Option<Secret>,
    pub allow_plaintext_auth: bool,
    pub mail_from: String,
    pub rcpt_to: String,
    pub gate: Arc<Gate>,
}

/// Receives each snapshot of the probe as it advances.
pub type Report<'a> = &'a (dyn Fn(&PortProbe, &'static str) + Send + Sync);

trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}
type BoxIo = Box<dyn Io>;

/// One SMTP connection: a buffered reader over a plain or TLS stream.
struct Conn {
    io: BufReader<BoxIo>,
    timeout: Duration,
    limits: Limits,
}

impl Conn {
    fn new(io: BoxIo, timeout: Duration) -> Conn {
        Conn {
            io: BufReader::new(io),
            timeout,
            limits: Limits::default(),
        }
    }

    async fn read(&mut self, t: &mut Transcript) -> Result<Reply, ReplyError> {
        self.read_within(t, self.timeout).await
    }

    async fn read_within(
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

    async fn command(&mut self, line: &str, t: &mut Transcript) -> Result<Reply, ReplyError> {
        t.client(line);
        self.write(line).await?;
        self.read(t).await
    }

    /// Sends a line that carries a credential: the transcript shows only `[redacted]`.
    async fn secret_command(
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

    /// Hands the stream over for a TLS handshake. Bytes the server sent ahead of the
    /// handshake would be a STARTTLS injection, so they end the session.
    fn into_inner(self) -> Result<BoxIo, String> {
        if !self.io.buffer().is_empty() {
            return Err(
                "the server sent data before the TLS handshake (refusing to continue)".into(),
            );
        }
        Ok(self.io.into_inner())
    }
}

/// The probe of one port. Never panics; every outcome is in the returned `PortProbe`.
pub async fn probe(cfg: &ProbeConfig, report: Report<'_>) -> PortProbe {
    let mut p = PortProbe {
        port: cfg.port,
        transcript: Transcript::new(cfg.port),
        ..PortProbe::default()
    };
    // The public-chain check gets its own connection as soon as the OS store has verified
    // the server, and runs alongside the rest of this port's session instead of after it.
    let (ready, verified_at) = oneshot::channel::<(SocketAddr, TlsStart)>();
    let public = async {
        let (addr, start) = verified_at.await.ok()?;
        Some(intercept::public_chain(&cfg.host, addr, start, cfg.timeout, &cfg.trust).await)
    };
    let (session, public) = tokio::join!(run(cfg, &mut p, report, ready), public);
    if let Some(public) = public {
        p.transcript.note(&format!(
            "second connection, public roots only: {}",
            public.word()
        ));
        p.public_chain = Some(public);
    }
    if let Err(why) = session {
        if p.auth.is_none() {
            p.auth = Some(AuthOutcome::NotTried {
                reason: why.clone(),
            });
        }
        if p.envelope.is_none() {
            p.envelope = Some(EnvelopeOutcome::NotTried { reason: why });
        }
    }
    cfg.gate.give_up(cfg.port);
    p.finished = true;
    report(&p, "finished");
    p
}

fn stamp(p: &mut PortProbe, stage: &str, since: Instant) {
    p.timings
        .push((stage.to_string(), since.elapsed().as_millis() as u64));
}

/// Connects to the port (every address at once).
async fn connect(cfg: &ProbeConfig) -> (PortReach, Option<(SocketAddr, TcpStream)>) {
    tcp::connect_any(&cfg.addrs, cfg.port, cfg.timeout).await
}

fn ehlo_name(local: Option<SocketAddr>) -> String {
    match local.map(|a| a.ip()) {
        Some(IpAddr::V4(ip)) => format!("[{ip}]"),
        Some(IpAddr::V6(ip)) => format!("[IPv6:{ip}]"),
        None => "[127.0.0.1]".to_string(),
    }
}

/// Starts the public-chain check (once) when the OS store has verified this port.
fn announce_verified(
    p: &PortProbe,
    ready: &mut Option<oneshot::Sender<(SocketAddr, TlsStart)>>,
    start: TlsStart,
) {
    if !p.tls_verified() {
        return;
    }
    if let (Some(addr), Some(tx)) = (p.address, ready.take()) {
        // The receiver is gone only when the probe itself is being dropped.
        let _ = tx.send((addr, start));
    }
}

/// Runs the stages in order. `Err` carries why the session stopped early. `ready` is told
/// where and how TLS was verified, for the public-chain check that runs alongside.
async fn run(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    report: Report<'_>,
    ready: oneshot::Sender<(SocketAddr, TlsStart)>,
) -> Result<(), String> {
    let mut ready = Some(ready);
    let started = Instant::now();
    let (reach, stream) = connect(cfg).await;
    let open = reach.outcome();
    p.reach = Some(reach);
    stamp(p, "tcp", started);
    report(p, "tcp");
    let Some((addr, stream)) = stream else {
        return Err(format!("port {} is {}", cfg.port, open.word()));
    };
    p.address = Some(addr);
    let helo = ehlo_name(stream.local_addr().ok());

    // Port 465 expects TLS first; every other port a plaintext greeting.
    let (mode, mut conn) = if cfg.port == 465 {
        tls_first_then_plain(cfg, p, stream).await?
    } else {
        plain_then_tls_first(cfg, p, stream).await?
    };
    p.mode = Some(mode);
    stamp(p, "greeting", started);
    report(p, "greeting");
    // A TLS result at the greeting stage came from an implicit-TLS handshake.
    announce_verified(p, &mut ready, TlsStart::Implicit);
    if untrusted(p) {
        report(p, "tls");
        return Err(UNTRUSTED.into());
    }

    match mode {
        Mode::Plain => {
            let ehlo = ehlo(&mut conn, &helo, &mut p.transcript).await?;
            let offers_starttls = ehlo.starttls();
            p.ehlo_plain = Some(ehlo);
            report(p, "ehlo");
            if offers_starttls {
                let upgraded = starttls(cfg, p, conn, &helo).await;
                // Verified even when the EHLO inside TLS then failed.
                announce_verified(p, &mut ready, TlsStart::Starttls);
                conn = upgraded?;
            } else {
                p.tls = Some(TlsResult::NotOffered);
                report(p, "tls");
            }
        }
        Mode::TlsFirst => {
            let ehlo = ehlo(&mut conn, &helo, &mut p.transcript).await?;
            p.ehlo_tls = Some(ehlo);
            report(p, "ehlo");
        }
        _ => return Err("the server did not offer an SMTP session".into()),
    }
    stamp(p, "tls", started);

    let encrypted = p.tls_verified();

    // Only one port signs in; the others stop here.
    let patience = cfg.timeout * 6;
    if !cfg.gate.my_turn(cfg.port, patience).await {
        quit(&mut conn, &mut p.transcript).await;
        p.auth = Some(AuthOutcome::NotTried {
            reason: "another port was used for the sign-in test".into(),
        });
        p.envelope = Some(EnvelopeOutcome::NotTried {
            reason: "another port was used for the envelope test".into(),
        });
        return Ok(());
    }

    let auth = authenticate(cfg, p, &mut conn, encrypted).await;
    let auth_failed = matches!(
        auth,
        AuthOutcome::Rejected { .. } | AuthOutcome::TempFailure { .. } | AuthOutcome::Error { .. }
    );
    p.auth = Some(auth);
    stamp(p, "auth", started);
    report(p, "auth");
    if auth_failed {
        p.envelope = Some(EnvelopeOutcome::NotTried {
            reason: "sign-in failed".into(),
        });
        quit(&mut conn, &mut p.transcript).await;
        return Ok(());
    }

    let envelope = envelope(cfg, &mut conn, &mut p.transcript).await;
    p.envelope = Some(envelope);
    stamp(p, "envelope", started);
    report(p, "envelope");
    quit(&mut conn, &mut p.transcript).await;
    Ok(())
}

const UNTRUSTED: &str = "the encrypted connection could not be verified, so nothing more was sent";

/// The certificate problem is the finding: nothing more is sent on such a connection.
fn untrusted(p: &PortProbe) -> bool {
    matches!(
        p.tls,
        Some(TlsResult::CertProblem { .. }) | Some(TlsResult::Failed { .. })
    )
}

/// Reads the greeting; on silence, tries implicit TLS on a fresh connection.
async fn plain_then_tls_first(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    stream: TcpStream,
) -> Result<(Mode, Conn), String> {
    let mut conn = Conn::new(Box::new(stream), cfg.timeout);
    match conn.read(&mut p.transcript).await {
        Ok(greeting) => Ok((greeting_mode(p, greeting), conn)),
        Err(ReplyError::Timeout(_)) => {
            p.greeting_error = Some(format!("no greeting within {:?}", cfg.timeout));
            p.transcript.note("silence: trying a TLS handshake instead");
            drop(conn);
            match tls_session(cfg, p).await {
                Ok(conn) => Ok((tls_first_mode(p), conn)),
                Err(e) => {
                    if p.tls.is_some() {
                        // TLS answered but failed verification: it is a TLS port.
                        Ok((Mode::TlsFirst, dead_conn(cfg)))
                    } else {
                        p.greeting_error = Some(format!("no greeting and no TLS handshake ({e})"));
                        Ok((Mode::NoGreeting, dead_conn(cfg)))
                    }
                }
            }
        }
        Err(ReplyError::Malformed(m)) => {
            p.greeting_error = Some(m);
            Ok((Mode::NotSmtp, conn))
        }
        Err(e) => {
            p.greeting_error = Some(e.to_string());
            Ok((Mode::NoGreeting, conn))
        }
    }
}

/// Tries a TLS handshake first; when the peer speaks plain text instead, reads its greeting.
async fn tls_first_then_plain(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    stream: TcpStream,
) -> Result<(Mode, Conn), String> {
    match tls_on(cfg, p, stream).await {
        Ok(conn) => Ok((tls_first_mode(p), conn)),
        Err(HandshakeError {
            kind: HandshakeKind::NotTls | HandshakeKind::Closed,
            ..
        }) if p.tls.is_none() => {
            p.transcript
                .note("no TLS on this port: reading a plain-text greeting instead");
            let (_, stream) = connect(cfg).await;
            let Some((_, stream)) = stream else {
                return Err("the second connection failed".into());
            };
            let mut conn = Conn::new(Box::new(stream), cfg.timeout);
            match conn.read(&mut p.transcript).await {
                Ok(greeting) => Ok((greeting_mode(p, greeting), conn)),
                Err(e) => {
                    p.greeting_error = Some(e.to_string());
                    Ok((Mode::NoGreeting, conn))
                }
            }
        }
        Err(e) => {
            if p.tls.is_some() {
                Ok((Mode::TlsFirst, dead_conn(cfg)))
            } else {
                p.greeting_error = Some(e.message.clone());
                Ok((Mode::NoGreeting, dead_conn(cfg)))
            }
        }
    }
}

/// A connection that is already over: later stages fail fast on it.
fn dead_conn(cfg: &ProbeConfig) -> Conn {
    // The far end is dropped at once: reads see end-of-file, writes fail.
    let (near, _far) = tokio::io::duplex(64);
    Conn::new(Box::new(near), cfg.timeout)
}

fn greeting_mode(p: &mut PortProbe, greeting: Reply) -> Mode {
    let mode = refusal(&greeting).unwrap_or(if greeting.code == 220 {
        Mode::Plain
    } else {
        Mode::NotSmtp
    });
    p.greeting = Some(greeting);
    mode
}

/// A greeting that refuses the session, by its class: any 4xx is "not now", any 5xx "not
/// you" (RFC 5321 §3.1, §4.2.1), one line or many. What it means is for the reply rules.
fn refusal(greeting: &Reply) -> Option<Mode> {
    if greeting.is_transient() {
        Some(Mode::Overloaded)
    } else if greeting.is_permanent() {
        Some(Mode::RefusedGreeting)
    } else {
        None
    }
}

/// A port whose TLS handshake came first: TLS-first, unless its greeting inside TLS refuses.
fn tls_first_mode(p: &PortProbe) -> Mode {
    p.greeting
        .as_ref()
        .and_then(refusal)
        .unwrap_or(Mode::TlsFirst)
}

async fn ehlo(conn: &mut Conn, helo: &str, t: &mut Transcript) -> Result<Ehlo, String> {
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

/// STARTTLS, the handshake, and EHLO again inside TLS.
async fn starttls(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    mut conn: Conn,
    helo: &str,
) -> Result<Conn, String> {
    let r = conn
        .command("STARTTLS", &mut p.transcript)
        .await
        .map_err(|e| format!("STARTTLS failed: {e}"))?;
    if r.code != 220 {
        p.tls = Some(TlsResult::Refused { reply: r });
        return Ok(conn);
    }
    let inner = conn.into_inner()?;
    match tls::handshake(inner, &cfg.host, &cfg.trust, Verify::Full, cfg.timeout).await {
        Ok(stream) => {
            let mut conn = verified(cfg, p, stream);
            let e = ehlo(&mut conn, helo, &mut p.transcript).await?;
            p.ehlo_tls = Some(e);
            Ok(conn)
        }
        Err(e) => {
            p.transcript
                .note(&format!("TLS handshake failed: {}", e.message));
            explain_failure(cfg, p, e, true).await;
            Err(UNTRUSTED.into())
        }
    }
}

/// Records a verified handshake and its certificate; the session continues inside TLS.
fn verified<S>(cfg: &ProbeConfig, p: &mut PortProbe, stream: tls::TlsStream<S>) -> Conn
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let cert = tls::peer_cert(&stream);
    p.transcript
        .note("TLS handshake done, certificate verified");
    p.tls = Some(TlsResult::Verified { cert });
    Conn::new(Box::new(stream), cfg.timeout)
}

/// A fresh connection with implicit TLS (used after a silent greeting).
async fn tls_session(cfg: &ProbeConfig, p: &mut PortProbe) -> Result<Conn, HandshakeError> {
    let (_, stream) = connect(cfg).await;
    let Some((_, stream)) = stream else {
        return Err(HandshakeError {
            kind: HandshakeKind::Closed,
            message: "the second connection failed".into(),
        });
    };
    tls_on(cfg, p, stream).await
}

/// Implicit TLS on an open connection; on a verification failure, explains it.
async fn tls_on(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    stream: TcpStream,
) -> Result<Conn, HandshakeError> {
    match tls::handshake(stream, &cfg.host, &cfg.trust, Verify::Full, cfg.timeout).await {
        Ok(stream) => {
            let mut conn = verified(cfg, p, stream);
            let greeting = conn
                .read(&mut p.transcript)
                .await
                .map_err(|e| HandshakeError {
                    kind: HandshakeKind::Other,
                    message: format!("no greeting after the TLS handshake: {e}"),
                })?;
            p.greeting = Some(greeting);
            Ok(conn)
        }
        Err(e) => {
            p.transcript
                .note(&format!("TLS handshake failed: {}", e.message));
            if matches!(
                e.kind,
                HandshakeKind::NotTls | HandshakeKind::Closed | HandshakeKind::Timeout
            ) {
                return Err(e);
            }
            explain_failure(cfg, p, e.clone(), false).await;
            Err(e)
        }
    }
}

/// After a failed verified handshake: connect again without verification, only to read the
/// certificate and say why it failed. Nothing but the handshake (and for STARTTLS the
/// EHLO/STARTTLS that precede it) is ever sent on that connection.
async fn explain_failure(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    failure: HandshakeError,
    starttls: bool,
) {
    let peek = peek_certificate(cfg, starttls).await;
    p.tls = Some(match (failure.kind, peek) {
        (_, Ok(Some(cert))) if failure.kind == HandshakeKind::Verification => {
            let now = time::OffsetDateTime::now_utc().unix_timestamp();
            let problem = cert::classify(&cert, &cfg.host, now);
            p.transcript.note(&format!(
                "certificate read without verification: {problem:?}"
            ));
            TlsResult::CertProblem {
                problem,
                cert,
                message: failure.message,
            }
        }
        (HandshakeKind::Verification, _) => TlsResult::Failed {
            kind: HandshakeKind::Verification,
            message: failure.message,
        },
        (_, Err(second)) if second.kind == HandshakeKind::ProtocolTooOld => TlsResult::Failed {
            kind: HandshakeKind::ProtocolTooOld,
            message: second.message,
        },
        (kind, _) => TlsResult::Failed {
            kind,
            message: failure.message,
        },
    });
}

async fn peek_certificate(
    cfg: &ProbeConfig,
    starttls: bool,
) -> Result<Option<CertInfo>, HandshakeError> {
    let closed = |m: &str| HandshakeError {
        kind: HandshakeKind::Closed,
        message: m.to_string(),
    };
    let (_, stream) = connect(cfg).await;
    let Some((_, stream)) = stream else {
        return Err(closed("the second connection failed"));
    };
    let start = if starttls {
        TlsStart::Starttls
    } else {
        TlsStart::Implicit
    };
    let mut scratch = Transcript::new(cfg.port);
    let io = prepare_tls(stream, start, cfg.timeout, &mut scratch)
        .await
        .map_err(|e| closed(&e))?;
    let stream = tls::handshake(io, &cfg.host, &cfg.trust, Verify::None, cfg.timeout).await?;
    Ok(tls::peer_cert(&stream))
}

/// What a fresh connection needs before its TLS handshake: nothing for implicit TLS; the
/// greeting, EHLO and STARTTLS otherwise. Only for connections that never carry credentials.
async fn prepare_tls(
    stream: TcpStream,
    start: TlsStart,
    timeout: Duration,
    t: &mut Transcript,
) -> Result<BoxIo, String> {
    if start == TlsStart::Implicit {
        return Ok(Box::new(stream));
    }
    let helo = ehlo_name(stream.local_addr().ok());
    let mut conn = Conn::new(Box::new(stream), timeout);
    conn.read(t).await.map_err(|e| e.to_string())?;
    ehlo(&mut conn, &helo, t).await?;
    let r = conn
        .command("STARTTLS", t)
        .await
        .map_err(|e| e.to_string())?;
    if r.code != 220 {
        quit_briefly(&mut conn, t).await;
        return Err("STARTTLS refused on the second connection".into());
    }
    conn.into_inner()
}

/// Why a side connection (one that only checks the TLS handshake) ended without one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum SideError {
    /// Connecting, or the SMTP steps before the handshake, failed.
    #[error("{0}")]
    Session(String),
    #[error("TLS handshake failed: {0}")]
    Handshake(HandshakeError),
}

/// A side connection after its handshake: holds the session only to end it politely.
pub(crate) struct SideSession {
    conn: Conn,
    start: TlsStart,
}

impl SideSession {
    /// Ends the session with QUIT, briefly bounded: the verdict is already known.
    pub(crate) async fn close(mut self) {
        let mut scratch = Transcript::new(0);
        if self.start == TlsStart::Implicit {
            // With implicit TLS the server greets first; QUIT answers the greeting.
            let wait = self.conn.timeout.min(COURTESY);
            let _ = self.conn.read_within(&mut scratch, wait).await;
        }
        quit_briefly(&mut self.conn, &mut scratch).await;
    }
}

/// A fresh connection to `addr` up to a handshake with `connector` (built with verification
/// on), for a check that only wants to know whether that handshake succeeds. Nothing but
/// EHLO, STARTTLS (and later QUIT) is ever sent on it: never credentials.
pub(crate) async fn side_handshake(
    host: &str,
    addr: SocketAddr,
    start: TlsStart,
    timeout: Duration,
    connector: &native_tls::TlsConnector,
) -> Result<SideSession, SideError> {
    let stream = match tokio::time::timeout(timeout, TcpStream::connect(addr)).await {
        Err(_) => {
            return Err(SideError::Session(format!(
                "no connection to {addr} within {timeout:?}"
            )))
        }
        Ok(Err(e)) => {
            return Err(SideError::Session(format!("cannot connect to {addr}: {e}")));
        }
        Ok(Ok(stream)) => stream,
    };
    let mut scratch = Transcript::new(addr.port());
    let io = prepare_tls(stream, start, timeout, &mut scratch)
        .await
        .map_err(SideError::Session)?;
    let tls = tls::handshake_with(connector, io, host, timeout)
        .await
        .map_err(SideError::Handshake)?;
    Ok(SideSession {
        conn: Conn::new(Box::new(tls), timeout),
        start,
    })
}

/// The sign-in test: PLAIN when offered, else LOGIN.
async fn authenticate(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    conn: &mut Conn,
    encrypted: bool,
) -> AuthOutcome {
    let Some(password) = cfg.password.as_ref() else {
        return AuthOutcome::NoPassword;
    };
    let user = cfg.user.clone().unwrap_or_else(|| cfg.mail_from.clone());
    let Some(ehlo) = p.ehlo().cloned() else {
        return AuthOutcome::NotTried {
            reason: "no EHLO reply".into(),
        };
    };
    let offered = ehlo.auth_mechanisms();
    if offered.is_empty() {
        return AuthOutcome::NotOffered;
    }
    if !encrypted && !cfg.allow_plaintext_auth {
        return AuthOutcome::PlaintextRefused;
    }
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s.as_bytes());
    let t = &mut p.transcript;
    let has = |m: &str| offered.iter().any(|o| o.eq_ignore_ascii_case(m));
    let result = if has("PLAIN") {
        let token = b64(&format!("\0{user}\0{}", password.expose()));
        conn.secret_command(&format!("AUTH PLAIN {token}"), t)
            .await
            .map(|r| ("PLAIN", r))
    } else if has("LOGIN") {
        login(conn, t, &b64(&user), &b64(password.expose()))
            .await
            .map(|r| ("LOGIN", r))
    } else {
        return AuthOutcome::MechanismUnsupported { offered };
    };
    match result {
        Err(e) => AuthOutcome::Error {
            message: e.to_string(),
        },
        Ok((mech, r)) => {
            let mechanism = mech.to_string();
            match r.code {
                235 => AuthOutcome::Accepted { mechanism },
                334 => {
                    // An unexpected challenge: cancel the exchange (RFC 4954 §4).
                    let _ = conn.command("*", t).await;
                    AuthOutcome::Error {
                        message: format!("unexpected challenge: {r}"),
                    }
                }
                400..=499 => AuthOutcome::TempFailure {
                    mechanism,
                    reply: r,
                },
                _ => AuthOutcome::Rejected {
                    mechanism,
                    reply: r,
                },
            }
        }
    }
}

async fn login(
    conn: &mut Conn,
    t: &mut Transcript,
    user: &str,
    pass: &str,
) -> Result<Reply, ReplyError> {
    let r = conn.command("AUTH LOGIN", t).await?;
    if r.code != 334 {
        return Ok(r);
    }
    let r = conn.command(user, t).await?;
    if r.code != 334 {
        return Ok(r);
    }
    conn.secret_command(pass, t).await
}

async fn envelope(cfg: &ProbeConfig, conn: &mut Conn, t: &mut Transcript) -> EnvelopeOutcome {
    let err = |e: ReplyError| EnvelopeOutcome::Error {
        message: e.to_string(),
    };
    let r = match conn
        .command(&format!("MAIL FROM:<{}>", cfg.mail_from), t)
        .await
    {
        Ok(r) => r,
        Err(e) => return err(e),
    };
    if !r.is_positive() {
        return EnvelopeOutcome::MailRejected { reply: r };
    }
    let r = match conn.command(&format!("RCPT TO:<{}>", cfg.rcpt_to), t).await {
        Ok(r) => r,
        Err(e) => return err(e),
    };
    // RSET whatever happened: the transaction is only a test.
    let _ = conn.command("RSET", t).await;
    if r.is_positive() {
        EnvelopeOutcome::Accepted
    } else {
        EnvelopeOutcome::RcptRejected { reply: r }
    }
}

async fn quit(conn: &mut Conn, t: &mut Transcript) {
    let _ = conn.command("QUIT", t).await;
}

/// How long a courtesy step (QUIT on a side connection) may take at most.
const COURTESY: Duration = Duration::from_secs(1);

/// QUIT whose reply is awaited only briefly: for sessions whose result is already known.
async fn quit_briefly(conn: &mut Conn, t: &mut Transcript) {
    let wait = conn.timeout.min(COURTESY);
    let _ = tokio::time::timeout(wait, quit(conn, t)).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    use tokio::io::{AsyncBufReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    /// A scripted server for behaviour no real server produces: it answers each client line
    /// with the next canned reply (greeting first). `None` as greeting: stay silent.
    async fn fake_server(
        greeting: Option<&'static str>,
        replies: Vec<&'static str>,
    ) -> (u16, tokio::task::JoinHandle<Vec<String>>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let handle = tokio::spawn(async move {
            let mut seen = Vec::new();
            let Ok((stream, _)) = listener.accept().await else {
                return seen;
            };
            let (r, mut w) = stream.into_split();
            let mut r = tokio::io::BufReader::new(r);
            match greeting {
                Some(g) => {
                    let _ = w.write_all(g.as_bytes()).await;
                }
                None => {
                    tokio::time::sleep(Duration::from_secs(3)).await;
                    return seen;
                }
            }
            for reply in replies {
                let mut line = String::new();
                if r.read_line(&mut line).await.unwrap_or(0) == 0 {
                    break;
                }
                seen.push(line.trim_end().to_string());
                let _ = w.write_all(reply.as_bytes()).await;
            }
            seen
        });
        (port, handle)
    }

    fn config(port: u16, password: Option<&str>) -> ProbeConfig {
        ProbeConfig {
            host: "127.0.0.1".into(),
            addrs: vec!["127.0.0.1".parse().unwrap()],
            port,
            timeout: Duration::from_millis(400),
            trust: Trust::system(),
            user: Some("alice@example.test".into()),
            password: password.map(|p| Secret::new(p.into())),
            allow_plaintext_auth: false,
            mail_from: "alice@example.test".into(),
            rcpt_to: "bob@example.test".into(),
            gate: Arc::new(Gate::new(vec![port])),
        }
    }

    #[tokio::test]
    async fn never_sends_the_password_unencrypted() {
        let (port, server) = fake_server(
            Some("220 plain.example ESMTP\r\n"),
            vec![
                "250-plain.example\r\n250 AUTH PLAIN LOGIN\r\n",
                "250 ok\r\n",
                "250 ok\r\n",
                "250 ok\r\n",
                "221 bye\r\n",
            ],
        )
        .await;
        let p = probe(&config(port, Some("S3cret-pw")), &|_, _| {}).await;
        assert_eq!(p.mode, Some(Mode::Plain));
        assert_eq!(p.tls, Some(TlsResult::NotOffered));
        assert_eq!(p.auth, Some(AuthOutcome::PlaintextRefused));
        assert_eq!(p.envelope, Some(EnvelopeOutcome::Accepted));
        let seen = server.await.unwrap();
        assert!(
            seen.iter()
                .all(|l| !l.to_ascii_uppercase().starts_with("AUTH")),
            "{seen:?}"
        );
        assert!(seen.iter().any(|l| l == "RSET"), "{seen:?}");
        assert!(p.finished);
    }

    #[tokio::test]
    async fn hostile_bytes_never_reach_the_transcript_raw() {
        let (port, _server) = fake_server(
            Some("220 \u{1b}[2J\u{1b}]0;owned\u{7}hi\r\n"),
            vec!["250 x\r\n", "221 x\r\n"],
        )
        .await;
        let p = probe(&config(port, None), &|_, _| {}).await;
        for l in &p.transcript.lines {
            assert!(!l.line.chars().any(|c| c.is_control()), "{:?}", l.line);
        }
    }

    #[tokio::test]
    async fn a_silent_server_is_bounded_and_reported() {
        let (port, _server) = fake_server(None, vec![]).await;
        let p = probe(&config(port, None), &|_, _| {}).await;
        assert_eq!(p.mode, Some(Mode::NoGreeting));
        assert!(p.finished);
        assert!(matches!(p.auth, Some(AuthOutcome::NotTried { .. })));
    }

    /// Exim's connect ACL answers a rate limit with a multi-line 451: a refusal, not "something
    /// other than SMTP"; a 5xx of any number is one too.
    #[tokio::test]
    async fn a_multi_line_refusal_in_place_of_the_greeting_is_a_refusal() {
        for (greeting, mode) in [
            (
                "451-Too many connections to 127.0.0.1: 3.0 per 1h (limit 0).\r\n451 Please try again later.\r\n",
                Mode::Overloaded,
            ),
            ("550 5.7.1 Not from your network\r\n", Mode::RefusedGreeting),
        ] {
            let (port, _server) = fake_server(Some(greeting), vec![]).await;
            let p = probe(&config(port, None), &|_, _| {}).await;
            assert_eq!(p.mode, Some(mode), "{greeting}");
            assert_eq!(p.security(), None, "{greeting}");
            assert!(p.finished);
        }
    }

    #[test]
    fn ehlo_name_is_an_address_literal() {
        assert_eq!(
            ehlo_name(Some("198.51.100.7:4000".parse().unwrap())),
            "[198.51.100.7]"
        );
        assert_eq!(ehlo_name(Some("[::1]:25".parse().unwrap())), "[IPv6:::1]");
    }

    #[test]
    fn security_follows_mode() {
        use crate::endpoint::Security;
        let mut p = PortProbe {
            mode: Some(Mode::TlsFirst),
            ..PortProbe::default()
        };
        assert_eq!(p.security(), Some(Security::Tls));
        p.mode = Some(Mode::Plain);
        p.tls = Some(TlsResult::NotOffered);
        assert_eq!(p.security(), Some(Security::None));
        p.tls = Some(TlsResult::Verified { cert: None });
        assert_eq!(p.security(), Some(Security::Starttls));
        p.mode = Some(Mode::Overloaded);
        assert_eq!(p.security(), None);
    }
}
