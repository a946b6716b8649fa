//! The public-chain check: once the OS store has verified a port, one more handshake that
//! trusts only Mozilla's public roots (plus the user's own `--ca-file`). A chain the OS
//! accepts but the public set does not was made by something local (an intercepting
//! product, see [`crate::checks::intercept`]) or by a private CA someone installed. It runs
//! on a side connection alongside the session and never sends credentials.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use super::model::{PublicChain, TlsStart};
use super::side::{side_handshake, SideConnector, SideError, SideSession};
use crate::checks::tls::roots_only::{RootSet, RootsOnly};
use crate::checks::tls::{HandshakeError, HandshakeKind, Trust};
use crate::secret::Redactor;

/// Mozilla's root set (from `webpki-root-certs`), parsed once per process.
pub fn public_roots() -> RootSet {
    static ROOTS: OnceLock<RootSet> = OnceLock::new();
    ROOTS
        .get_or_init(|| {
            RootSet::from_der(
                webpki_root_certs::TLS_SERVER_ROOT_CERTS
                    .iter()
                    .map(AsRef::as_ref),
            )
        })
        .clone()
}

/// The public-chain check's TLS configuration: Mozilla's roots instead of the OS store, plus
/// the user's `--ca-file` roots (given explicitly, so not counted as interception). A cheap
/// clone.
#[derive(Clone)]
pub struct PublicTrust {
    connector: RootsOnly,
}

impl PublicTrust {
    /// Builds it for `user`'s `--ca-file` roots (the OS store is left out). Blocking, a few
    /// milliseconds once the roots are parsed: [`PublicTrust::shared`] builds it once, off
    /// the runtime.
    pub fn build(user: &Trust) -> Result<PublicTrust, HandshakeError> {
        let connector = RootsOnly::build(&public_roots(), user)?;
        Ok(PublicTrust { connector })
    }

    /// The one built for this set of user roots, built once per process on a blocking thread
    /// so that the probe running alongside is not held up; concurrent callers wait for the
    /// same build.
    pub async fn shared(user: &Trust) -> Result<PublicTrust, HandshakeError> {
        let slot = shared_slot(user).map_err(|message| HandshakeError {
            kind: HandshakeKind::Other,
            message,
        })?;
        if let Some(built) = slot.get() {
            return built.clone();
        }
        let user = user.clone();
        tokio::task::spawn_blocking(move || slot.get_or_init(|| PublicTrust::build(&user)).clone())
            .await
            .unwrap_or_else(|e| {
                Err(HandshakeError {
                    kind: HandshakeKind::Other,
                    message: format!("building the TLS configuration failed: {e}"),
                })
            })
    }
}

type Slot = Arc<OnceLock<Result<PublicTrust, HandshakeError>>>;

/// The slot for `user`'s roots (their DER is the key); an error when one cannot be encoded.
fn shared_slot(user: &Trust) -> Result<Slot, String> {
    // One per run; the wizard can run again with another --ca-file. The oldest goes first.
    const KEEP: usize = 4;
    static CACHE: Mutex<Vec<(Vec<Vec<u8>>, Slot)>> = Mutex::new(Vec::new());
    let key = user
        .extra_roots
        .iter()
        .map(native_tls::Certificate::to_der)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("cannot read a --ca-file root again: {e}"))?;
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, slot)) = cache.iter().find(|(k, _)| *k == key) {
        return Ok(slot.clone());
    }
    if cache.len() >= KEEP {
        cache.remove(0);
    }
    let slot = Slot::default();
    cache.push((key, slot.clone()));
    Ok(slot)
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
        let connector = SideConnector::RootsOnly(&trust.connector);
        side_handshake(host, addr, start, timeout, connector, redactor).await
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
        assert!(PublicTrust::build(&Trust::system()).is_ok());
    }
}
