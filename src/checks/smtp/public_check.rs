//! The public-chain check: once the OS store has verified a port, one more handshake that
//! trusts only Mozilla's public roots (plus the user's own `--ca-file`). A chain the OS
//! accepts but the public set does not was made by something local (an intercepting
//! product, see [`crate::checks::intercept`]) or by a private CA someone installed. It runs
//! on a side connection alongside the session and never sends credentials.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use super::model::{PublicChain, TlsStart};
use super::side::{side_handshake, SideError, SideSession};
use crate::checks::tls::{self, HandshakeError, HandshakeKind, Trust, Verify};
use crate::secret::Redactor;
/// Mozilla's root set (from `webpki-root-certs`) as native-tls certificates, parsed once.
pub fn public_roots() -> Arc<[native_tls::Certificate]> {
    static ROOTS: OnceLock<Arc<[native_tls::Certificate]>> = OnceLock::new();
    ROOTS
        .get_or_init(|| {
            webpki_root_certs::TLS_SERVER_ROOT_CERTS
                .iter()
                // A root OpenSSL cannot read is left out: it could only fail the check.
                .filter_map(|der| native_tls::Certificate::from_der(der.as_ref()).ok())
                .collect()
        })
        .clone()
}

/// The trust for the public-chain check: Mozilla's roots instead of the OS store, plus the
/// user's `--ca-file` roots from `user` (given explicitly, so not counted as interception).
pub fn public_trust(user: &Trust) -> Trust {
    Trust::replacing_system(public_roots(), user)
}

/// The public-chain check's TLS configuration, ready to use: a cheap clone.
#[derive(Clone)]
pub struct PublicTrust {
    connector: native_tls::TlsConnector,
}

impl PublicTrust {
    /// Builds it for `user`'s `--ca-file` roots. Costly and blocking (OpenSSL reads the OS
    /// bundle before it is replaced): [`PublicTrust::shared`] builds it once, off the runtime.
    pub fn build(user: &Trust) -> Result<PublicTrust, HandshakeError> {
        let connector = tls::connector(&public_trust(user), Verify::Full)?;
        Ok(PublicTrust { connector })
    }

    /// The one built for this set of user roots, built once on a blocking thread
    /// ([`tls::shared_connector`]) so that the probe running alongside is not held up.
    pub async fn shared(user: &Trust) -> Result<PublicTrust, HandshakeError> {
        let connector = tls::shared_connector(&public_trust(user), Verify::Full).await?;
        Ok(PublicTrust { connector })
    }
}

/// The budget for the extra handshake, in network steps: connect, and for STARTTLS the
/// greeting, EHLO and STARTTLS, then the handshake.
const STEPS: u32 = 3;

/// One more handshake to `addr`, an endpoint the OS store has just verified, trusting only
/// Mozilla's roots plus `user`'s `--ca-file` roots. `timeout` bounds each step, and the whole
/// check is bounded by a few of them. Never sends credentials; ends with QUIT.
pub async fn public_chain(
    host: &str,
    addr: SocketAddr,
    start: TlsStart,
    timeout: Duration,
    user: &Trust,
) -> PublicChain {
    // Used where no password is in play (the interception check).
    let none = Redactor::none();
    let (found, session) = public_chain_open(host, addr, start, timeout, user, &none).await;
    if let Some(session) = session {
        session.close().await;
    }
    found
}

/// [`public_chain`], with the side session still open: the caller can use the result
/// before ending the session politely.
pub(super) async fn public_chain_open(
    host: &str,
    addr: SocketAddr,
    start: TlsStart,
    timeout: Duration,
    user: &Trust,
    redactor: &Redactor,
) -> (PublicChain, Option<SideSession>) {
    let cap = timeout * STEPS;
    let attempt = tokio::time::timeout(cap, async {
        let trust = PublicTrust::shared(user)
            .await
            .map_err(SideError::Handshake)?;
        side_handshake(host, addr, start, timeout, &trust.connector, redactor).await
    })
    .await;
    match attempt {
        Err(_) => (
            PublicChain::Unknown {
                why: format!("no TLS handshake within {cap:?}"),
            },
            None,
        ),
        Ok(Ok(session)) => (PublicChain::Public, Some(session)),
        Ok(Err(SideError::Handshake(e))) if e.kind == HandshakeKind::Verification => {
            (PublicChain::NotPublic { reason: e.message }, None)
        }
        Ok(Err(e)) => (PublicChain::Unknown { why: e.to_string() }, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_roots_load() {
        let roots = public_roots();
        // Mozilla's set holds well over a hundred roots; every one should parse.
        assert_eq!(roots.len(), webpki_root_certs::TLS_SERVER_ROOT_CERTS.len());
        assert!(roots.len() > 100, "{}", roots.len());
        let user = Trust::system();
        let trust = public_trust(&user);
        assert!(!trust.uses_system_store());
        assert!(trust.extra_roots.is_empty());
    }
}
