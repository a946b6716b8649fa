//! The public-chain check: once the OS store has verified a port, one more handshake that
//! trusts only Mozilla's public roots (plus the user's own `--ca-file`). A chain the OS
//! accepts but the public set does not was made by something local (an intercepting
//! product, see [`crate::checks::intercept`]) or by a private CA someone installed. It runs
//! on a side connection alongside the session and never sends credentials.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use super::model::{PublicChain, TlsStart};
use super::side::{side_handshake, SideError};
use crate::checks::tls::{self, HandshakeError, HandshakeKind, Trust, Verify};
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

    /// The one built for this set of user roots, built on first use on a blocking thread so
    /// that the probe running alongside is not held up. Concurrent callers wait for the same
    /// build.
    pub async fn shared(user: &Trust) -> Result<PublicTrust, HandshakeError> {
        type Slot = Arc<OnceLock<Result<PublicTrust, HandshakeError>>>;
        // Keyed by the user's roots: the wizard can run again with another --ca-file. A few
        // entries are plenty; the oldest goes first.
        static CACHE: Mutex<Vec<(Vec<Vec<u8>>, Slot)>> = Mutex::new(Vec::new());
        const KEEP: usize = 4;
        let key: Option<Vec<Vec<u8>>> = user.extra_roots.iter().map(|c| c.to_der().ok()).collect();
        let slot: Slot = match &key {
            // A root that cannot be encoded again cannot be a key: build without caching.
            None => Arc::default(),
            Some(key) => {
                let mut cache = CACHE
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                if let Some((_, slot)) = cache.iter().find(|(k, _)| k == key) {
                    slot.clone()
                } else {
                    if cache.len() >= KEEP {
                        cache.remove(0);
                    }
                    let slot = Slot::default();
                    cache.push((key.clone(), slot.clone()));
                    slot
                }
            }
        };
        if let Some(built) = slot.get() {
            return built.clone();
        }
        let user = user.clone();
        tokio::task::spawn_blocking(move || slot.get_or_init(|| PublicTrust::build(&user)).clone())
            .await
            .unwrap_or_else(|e| {
                Err(HandshakeError {
                    kind: HandshakeKind::Other,
                    message: format!("building the public root set failed: {e}"),
                })
            })
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
    let cap = timeout * STEPS;
    let attempt = tokio::time::timeout(cap, async {
        let trust = PublicTrust::shared(user)
            .await
            .map_err(SideError::Handshake)?;
        side_handshake(host, addr, start, timeout, &trust.connector).await
    })
    .await;
    match attempt {
        Err(_) => PublicChain::Unknown {
            why: format!("no TLS handshake within {cap:?}"),
        },
        Ok(Ok(session)) => {
            session.close().await;
            PublicChain::Public
        }
        Ok(Err(SideError::Handshake(e))) if e.kind == HandshakeKind::Verification => {
            PublicChain::NotPublic { reason: e.message }
        }
        Ok(Err(e)) => PublicChain::Unknown { why: e.to_string() },
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
