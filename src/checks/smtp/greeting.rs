//! The greeting stage: how the server behaves when a client connects. A plain-text `220`
//! (or a 4xx/5xx refusal, something that is not SMTP), or silence that turns out to be implicit
//! TLS; on port 465 the other way round, TLS first and a plain greeting as the fallback.

use tokio::net::TcpStream;

use super::model::{Mode, PortProbe, ProbeConfig};
use super::session::{connect, Conn};
use super::upgrade::{tls_on, tls_session};
use crate::checks::tls::{HandshakeError, HandshakeKind};
use crate::protocol::reply::{Reply, ReplyError};

/// Reads the greeting; on silence, tries implicit TLS on a fresh connection.
pub(super) async fn plain_then_tls_first(
    cfg: &ProbeConfig,
    p: &mut PortProbe,
    stream: TcpStream,
) -> Result<(Mode, Conn), String> {
    let mut conn = Conn::tcp(stream, cfg.timeout);
    let read = conn.read(&mut p.transcript).await;
    // Silence is not a fault here: it may be implicit TLS, tried next.
    if !matches!(read, Err(ReplyError::Timeout(_))) {
        p.record_fault(conn.take_fault());
    }
    match read {
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
        Err(e) if e.is_violation() => {
            p.greeting_error = Some(e.to_string());
            Ok((Mode::NotSmtp, conn))
        }
        Err(e) => {
            p.greeting_error = Some(e.to_string());
            Ok((Mode::NoGreeting, conn))
        }
    }
}

/// Tries a TLS handshake first; when the peer speaks plain text instead, reads its greeting.
pub(super) async fn tls_first_then_plain(
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
            let mut conn = Conn::tcp(stream, cfg.timeout);
            let read = conn.read(&mut p.transcript).await;
            p.record_fault(conn.take_fault());
            match read {
                Ok(greeting) => Ok((greeting_mode(p, greeting), conn)),
                Err(e) if e.is_violation() => {
                    p.greeting_error = Some(e.to_string());
                    Ok((Mode::NotSmtp, conn))
                }
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
