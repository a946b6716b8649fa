//! A side connection: a fresh connection up to a TLS handshake, for a check that only wants
//! to know whether that handshake succeeds (the public-chain check). Nothing but EHLO,
//! STARTTLS and QUIT is ever sent on it: never credentials.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::TcpStream;

use super::model::TlsStart;
use super::session::{quit, BoxIo, Conn, COURTESY};
use super::upgrade::prepare_tls;
use crate::checks::tls::roots_only::RootsOnly;
use crate::checks::tls::{self, HandshakeError};
use crate::protocol::transcript::Transcript;
use crate::secret::Redactor;

/// Why a side connection (one that only checks the TLS handshake) ended without one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(super) enum SideError {
    /// Connecting, or the SMTP steps before the handshake, failed.
    #[error("{0}")]
    Session(String),
    #[error("TLS handshake failed: {0}")]
    Handshake(HandshakeError),
}

/// What verifies a side connection's handshake.
#[derive(Clone, Copy)]
pub(super) enum SideConnector<'a> {
    /// native-tls over the OS store (and the user's roots).
    Os(&'a native_tls::TlsConnector),
    /// A given root set alone (the public-chain check).
    RootsOnly(&'a RootsOnly),
}

/// A side connection after its handshake: holds the session only to end it politely.
pub(super) struct SideSession {
    conn: Conn,
    start: TlsStart,
}

impl SideSession {
    /// Ends the session with QUIT, not waiting for the reply: the verdict is already known.
    pub(super) async fn close(mut self) {
        let mut scratch = Transcript::new(0);
        if self.start == TlsStart::Implicit {
            // With implicit TLS the server greets first; QUIT answers the greeting.
            let wait = self.conn.timeout.min(COURTESY);
            let _ = self.conn.read_within(&mut scratch, wait).await;
        }
        quit(self.conn, &mut scratch).await;
    }
}

/// A fresh connection to `addr` up to a handshake with `connector` (verification on), for a check that only wants to know whether that handshake succeeds. Nothing but
/// EHLO, STARTTLS (and later QUIT) is ever sent on it: never credentials.
pub(super) async fn side_handshake(
    host: &str,
    addr: SocketAddr,
    start: TlsStart,
    timeout: Duration,
    connector: SideConnector<'_>,
    redactor: &Redactor,
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
    // A server may repeat a password it was sent on another connection of this run.
    let mut scratch = Transcript::new(addr.port()).redacting(redactor.clone());
    let io = prepare_tls(stream, start, timeout, &mut scratch)
        .await
        .map_err(SideError::Session)?;
    let tls: BoxIo = match connector {
        SideConnector::Os(connector) => Box::new(
            tls::handshake_with(connector, io, host, timeout)
                .await
                .map_err(SideError::Handshake)?,
        ),
        SideConnector::RootsOnly(connector) => Box::new(
            connector
                .handshake(io, host, timeout)
                .await
                .map_err(SideError::Handshake)?,
        ),
    };
    Ok(SideSession {
        conn: Conn::new(tls, timeout),
        start,
    })
}
