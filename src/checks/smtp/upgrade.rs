//! The TLS upgrade: STARTTLS in the session or implicit TLS from the first byte, the
//! verified handshake, and, when verification fails, why: the certificate is read on a
//! second connection that never carries credentials.

use std::os::fd::{AsRawFd, RawFd};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use super::model::{PortProbe, ProbeConfig, SessionFault, TlsResult, TlsStart};
use super::session::{connect, ehlo, ehlo_name, quit, BoxIo, Conn};
use crate::checks::cert;
use crate::checks::tls::hello::{Seen, Tap};
use crate::checks::tls::sent_chain::{self, SentCertificates};
use crate::checks::tls::{self, HandshakeError, HandshakeKind, Verify};
use crate::protocol::transcript::Transcript;

pub(super) const UNTRUSTED: &str =
    "the encrypted connection could not be verified, so nothing more was sent";

/// The certificate problem is the finding: nothing more is sent on such a connection.
pub(super) fn untrusted(p: &PortProbe) -> bool {
    matches!(
        p.tls,
        Some(TlsResult::CertProblem { .. } | TlsResult::Failed { .. })
    )
}

/// STARTTLS, the handshake, and EHLO again inside TLS.
pub(super) async fn starttls(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    mut conn: Conn,
    helo: &str,
) -> Result<Conn, String> {
    let r = conn.command("STARTTLS", &mut p.transcript).await;
    p.record_fault(conn.take_fault());
    let r = r.map_err(|e| format!("STARTTLS failed: {e}"))?;
    if r.code != 220 {
        p.tls = Some(TlsResult::Refused { reply: r });
        return Ok(conn);
    }
    let socket = conn.socket();
    let inner = conn.into_inner().inspect_err(|why| {
        p.record_fault(Some(SessionFault::Violation {
            during: "STARTTLS".into(),
            evidence: why.clone(),
        }));
    })?;
    let (inner, seen) = Tap::new(inner);
    match tls::handshake(inner, &cfg.host, &cfg.trust, Verify::Full, cfg.timeout).await {
        Ok(stream) => {
            let mut conn = verified(cfg, p, stream, &seen, socket);
            let e = ehlo(&mut conn, helo, &mut p.transcript).await;
            p.record_fault(conn.take_fault());
            p.ehlo_tls = Some(e?);
            Ok(conn)
        }
        Err(e) => {
            p.transcript
                .note(&format!("TLS handshake failed: {}", e.message));
            if broken_handshake(e.kind) {
                // The server said yes to STARTTLS and then no handshake came: nothing a
                // certificate could explain, so no second connection to read one.
                p.tls = Some(TlsResult::Failed {
                    kind: e.kind,
                    message: e.message,
                });
                return Err("the server accepted STARTTLS but no TLS handshake followed".into());
            }
            explain_failure(cfg, p, e, true).await;
            Err(UNTRUSTED.into())
        }
    }
}

/// A handshake that never got going on the server's side: garbage instead of TLS, a reset,
/// silence.
pub(super) fn broken_handshake(kind: HandshakeKind) -> bool {
    matches!(
        kind,
        HandshakeKind::NotTls | HandshakeKind::Closed | HandshakeKind::Timeout
    )
}

/// Records a verified handshake, its version and its certificate; the session continues
/// inside TLS.
fn verified<S>(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    stream: tls::TlsStream<S>,
    seen: &Seen,
    socket: Option<RawFd>,
) -> Conn
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let cert = tls::peer_cert(&stream);
    p.tls_version = seen.version().map(str::to_string);
    let version = p.tls_version.as_deref().unwrap_or("version unknown");
    p.transcript.note(&format!(
        "TLS handshake done ({version}), certificate verified"
    ));
    p.tls = Some(TlsResult::Verified { cert });
    Conn::continued(Box::new(stream), cfg.timeout, socket)
}

/// A fresh connection with implicit TLS (used after a silent greeting).
pub(super) async fn tls_session(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
) -> Result<Conn, HandshakeError> {
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
pub(super) async fn tls_on(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    stream: TcpStream,
) -> Result<Conn, HandshakeError> {
    let socket = Some(stream.as_raw_fd());
    let (stream, seen) = Tap::new(stream);
    match tls::handshake(stream, &cfg.host, &cfg.trust, Verify::Full, cfg.timeout).await {
        Ok(stream) => {
            let mut conn = verified(cfg, p, stream, &seen, socket);
            let greeting = conn.read(&mut p.transcript).await;
            p.record_fault(conn.take_fault());
            let greeting = greeting.map_err(|e| HandshakeError {
                kind: HandshakeKind::Other,
                message: format!("no greeting after the TLS handshake: {e}"),
            })?;
            p.greeting = Some(greeting);
            Ok(conn)
        }
        Err(e) => {
            p.transcript
                .note(&format!("TLS handshake failed: {}", e.message));
            if broken_handshake(e.kind) {
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
        (_, Ok(Some(sent))) if failure.kind == HandshakeKind::Verification => {
            let now = time::OffsetDateTime::now_utc().unix_timestamp();
            let problem = cert::classify_sent(&sent.leaf, sent.rest.as_deref(), &cfg.host, now);
            p.transcript.note(&format!(
                "certificate read without verification: {problem:?}"
            ));
            TlsResult::CertProblem {
                problem,
                cert: sent.leaf,
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
) -> Result<Option<SentCertificates>, HandshakeError> {
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
    let mut scratch = Transcript::new(cfg.port).redacting(cfg.redactor());
    let io = prepare_tls(stream, start, cfg.timeout, &mut scratch)
        .await
        .map_err(|e| closed(&e))?;
    sent_chain::read(io, &cfg.host, cfg.timeout).await
}

/// What a fresh connection needs before its TLS handshake: nothing for implicit TLS; the
/// greeting, EHLO and STARTTLS otherwise. Only for connections that never carry credentials.
pub(super) async fn prepare_tls(
    stream: TcpStream,
    start: TlsStart,
    timeout: Duration,
    t: &mut Transcript,
) -> Result<BoxIo, String> {
    if start == TlsStart::Implicit {
        return Ok(Box::new(stream));
    }
    let helo = ehlo_name(stream.local_addr().ok());
    let mut conn = Conn::tcp(stream, timeout);
    conn.read(t).await.map_err(|e| e.to_string())?;
    ehlo(&mut conn, &helo, t).await?;
    let r = conn
        .command("STARTTLS", t)
        .await
        .map_err(|e| e.to_string())?;
    if r.code != 220 {
        quit(conn, t).await;
        return Err("STARTTLS refused on the second connection".into());
    }
    conn.into_inner()
}
