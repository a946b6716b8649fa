//! TLS handshakes (implicit TLS on 465, or after STARTTLS) through native-tls, which is
//! OpenSSL with the OS trust store on Linux; plus the classification of handshake failures.

pub mod hello;

use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncWrite};
pub use tokio_native_tls::TlsStream;

use super::cert::{self, CertInfo};
use crate::protocol::reply::sanitize;

/// The roots a handshake trusts: the OS store plus the certificates the user gave with
/// `--ca-file` (the interception check puts Mozilla's roots in the OS store's place:
/// [`roots_only`]).
#[derive(Clone, Default)]
pub struct Trust {
    /// The user's own roots (`--ca-file`), trusted in addition to the OS store.
    pub extra_roots: Vec<native_tls::Certificate>,
}

#[derive(Debug, thiserror::Error)]
pub enum TrustError {
    #[error("cannot read {path}: {message}")]
    Unreadable { path: String, message: String },
    #[error("{path} holds no PEM certificate")]
    NoCertificate { path: String },
}

const PEM_BEGIN: &str = "-----BEGIN CERTIFICATE-----";
const PEM_END: &str = "-----END CERTIFICATE-----";

impl Trust {
    /// The OS trust store only.
    pub fn system() -> Trust {
        Trust::default()
    }

    /// The OS trust store plus every certificate in a PEM file (a bundle may hold several).
    pub fn from_pem_file(path: &Path) -> Result<Trust, TrustError> {
        let shown = sanitize(path.display().to_string().as_bytes());
        let unreadable = |message: String| TrustError::Unreadable {
            path: shown.clone(),
            message: sanitize(message.as_bytes()),
        };
        let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
        // Lossy: PEM is ASCII; anything else is outside the blocks we extract.
        let text = String::from_utf8_lossy(&bytes);
        let blocks = pem_blocks(&text);
        if blocks.is_empty() {
            return Err(TrustError::NoCertificate { path: shown });
        }
        let mut extra_roots = Vec::with_capacity(blocks.len());
        for (i, block) in blocks.iter().enumerate() {
            let cert = native_tls::Certificate::from_pem(block.as_bytes())
                .map_err(|e| unreadable(format!("certificate {}: {e}", i + 1)))?;
            extra_roots.push(cert);
        }
        Ok(Trust { extra_roots })
    }
}

/// Each complete `BEGIN CERTIFICATE` … `END CERTIFICATE` block, markers included.
fn pem_blocks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(PEM_BEGIN) {
        let from_start = &rest[start..];
        let Some(end) = from_start.find(PEM_END) else {
            break;
        };
        let end = end + PEM_END.len();
        out.push(&from_start[..end]);
        rest = &from_start[end..];
    }
    out
}

/// How strictly to check the server's certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verify {
    /// Chain and host name verified against the trust store: the only mode for sending
    /// anything that matters.
    Full,
    /// Accept any certificate and name. Used ONLY to read the certificate after a `Full`
    /// handshake failed, to explain why; never send credentials over such a connection.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandshakeKind {
    Timeout,
    /// The peer closed or reset the connection during the handshake.
    Closed,
    /// The peer answered in plaintext (wrong port/mode: STARTTLS port used as implicit TLS).
    NotTls,
    /// The certificate was rejected (chain, dates or name).
    Verification,
    /// No TLS version in common: the server only speaks TLS 1.0/1.1 or older.
    ProtocolTooOld,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct HandshakeError {
    pub kind: HandshakeKind,
    /// The TLS library's message with its causes, terminal-safe.
    pub message: String,
}

/// Runs a client TLS handshake over `stream` for `host` (SNI and name check), bounded by
/// `timeout`.
///
/// With [`Verify::None`] the certificate and host name are not checked at all: callers use it
/// only to fetch the certificate and explain a failed [`Verify::Full`] handshake, and must
/// never send credentials or mail over the resulting stream.
pub async fn handshake<S>(
    stream: S,
    host: &str,
    trust: &Trust,
    verify: Verify,
    timeout: Duration,
) -> Result<TlsStream<S>, HandshakeError>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let connector = shared_connector(trust, verify).await?;
    handshake_with(&connector, stream, host, timeout).await
}

/// The connector for `trust` and `verify`, built once per process and shared: building one
/// costs tens of milliseconds of CPU (OpenSSL reads the OS bundle), which every handshake on
/// the critical path would otherwise pay. Built on a blocking thread so the probes running
/// meanwhile are not held up; concurrent callers wait for the same build. Calling it early
/// ([`prepare`]) takes the build off the critical path altogether.
pub async fn shared_connector(
    trust: &Trust,
    verify: Verify,
) -> Result<native_tls::TlsConnector, HandshakeError> {
    let Some(slot) = cache_slot(trust, verify) else {
        // Roots that cannot be encoded again cannot be a key: build without caching.
        return connector(trust, verify);
    };
    if let Some(built) = slot.get() {
        return built.clone();
    }
    let trust = trust.clone();
    tokio::task::spawn_blocking(move || slot.get_or_init(|| connector(&trust, verify)).clone())
        .await
        .unwrap_or_else(|e| {
            Err(HandshakeError {
                kind: HandshakeKind::Other,
                message: format!("building the TLS configuration failed: {e}"),
            })
        })
}

/// Starts building the connector for `trust` and `verify` (see [`shared_connector`]), so a
/// later handshake finds it ready.
pub async fn prepare(trust: &Trust, verify: Verify) {
    let _ = shared_connector(trust, verify).await;
}

type Slot = Arc<OnceLock<Result<native_tls::TlsConnector, HandshakeError>>>;

/// What a cached connector was built from: the user's roots, the verification.
#[derive(PartialEq, Eq)]
struct Key {
    extra: Vec<Vec<u8>>,
    verify: Verify,
}

/// The cache slot for `trust` and `verify`; `None` when a root cannot be encoded.
fn cache_slot(trust: &Trust, verify: Verify) -> Option<Slot> {
    // A run needs one or two (the OS store verified, and unverified to read a refused web
    // server's certificate); the wizard can run again with another --ca-file. The oldest
    // entry goes first.
    const KEEP: usize = 8;
    static CACHE: Mutex<Vec<(Key, Slot)>> = Mutex::new(Vec::new());
    let key = Key {
        extra: trust
            .extra_roots
            .iter()
            .map(|c| c.to_der().ok())
            .collect::<Option<_>>()?,
        verify,
    };
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, slot)) = cache.iter().find(|(k, _)| *k == key) {
        return Some(slot.clone());
    }
    if cache.len() >= KEEP {
        cache.remove(0);
    }
    let slot = Slot::default();
    cache.push((key, slot.clone()));
    Some(slot)
}

/// The client configuration for `trust`. Costly: OpenSSL reads the OS bundle on every build
/// (tens of milliseconds); [`shared_connector`] keeps the result (it is a cheap clone). No minimum or maximum version beyond native-tls's
/// (TLS 1.2 and up), so TLS 1.3 is used whenever the server offers it.
pub fn connector(
    trust: &Trust,
    verify: Verify,
) -> Result<native_tls::TlsConnector, HandshakeError> {
    let mut builder = native_tls::TlsConnector::builder();
    builder.use_sni(true);
    for root in &trust.extra_roots {
        builder.add_root_certificate(root.clone());
    }
    if verify == Verify::None {
        builder.danger_accept_invalid_certs(true);
        builder.danger_accept_invalid_hostnames(true);
    }
    builder.build().map_err(|e| HandshakeError {
        kind: HandshakeKind::Other,
        message: error_message(&e),
    })
}

/// [`handshake`] with a connector made by [`connector`].
pub async fn handshake_with<S>(
    connector: &native_tls::TlsConnector,
    stream: S,
    host: &str,
    timeout: Duration,
) -> Result<TlsStream<S>, HandshakeError>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let connector = tokio_native_tls::TlsConnector::from(connector.clone());
    let domain = tls_domain(host);
    match tokio::time::timeout(timeout, connector.connect(domain, stream)).await {
        Err(_) => Err(HandshakeError {
            kind: HandshakeKind::Timeout,
            message: format!("no TLS handshake within {timeout:?}"),
        }),
        Ok(Err(e)) => {
            let message = error_message(&e);
            Err(HandshakeError {
                kind: classify_message(&message),
                message,
            })
        }
        Ok(Ok(tls)) => Ok(tls),
    }
}

/// The name as OpenSSL wants it for SNI and checking: no trailing dot, no IPv6 brackets.
fn tls_domain(host: &str) -> &str {
    let host = host.strip_suffix('.').unwrap_or(host);
    host.strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host)
}

/// The error's Display followed by each cause not already shown, made terminal-safe.
fn error_message(e: &(dyn std::error::Error + 'static)) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    // Bounded: a cyclic or absurdly deep chain must not loop forever.
    for _ in 0..16 {
        let Some(s) = source else { break };
        let text = s.to_string();
        if !text.is_empty() && !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = s.source();
    }
    sanitize(message.as_bytes())
}

/// Classifies an OpenSSL/native-tls handshake error message. Pure, so it can be tested
/// against the exact strings OpenSSL versions produce.
pub fn classify_message(message: &str) -> HandshakeKind {
    let m = message.to_ascii_lowercase();
    let any = |needles: &[&str]| needles.iter().any(|n| m.contains(n));
    // The peer spoke something other than TLS (SMTP banner, HTTP): record header garbage.
    if any(&[
        "wrong version number",
        "unknown protocol",
        "packet length too long",
        "http request",
        "https proxy request",
        "record layer failure",
        "wrong ssl version",
        "invalid record",
        "bad record type",
    ]) {
        return HandshakeKind::NotTls;
    }
    if any(&[
        "unsupported protocol",
        "no protocols available",
        "version too low",
        "alert protocol version",
        "protocol version",
        "dh key too small",
        "unsafe legacy renegotiation disabled",
    ]) {
        return HandshakeKind::ProtocolTooOld;
    }
    if any(&[
        "certificate verify failed",
        "self signed",
        "self-signed",
        "unable to get local issuer",
        "unable to get issuer",
        "unable to verify the first certificate",
        "certificate has expired",
        "certificate is not yet valid",
        "hostname mismatch",
        "ip address mismatch",
        "certificate chain too long",
        "certificate signature failure",
        "certificate revoked",
        "invalid ca certificate",
        "key too weak",
        "ca md too weak",
    ]) {
        return HandshakeKind::Verification;
    }
    if any(&[
        "unexpected eof",
        "eof while reading",
        "connection reset",
        "connection aborted",
        "broken pipe",
        "connection closed",
        "the ssl session has been shut down",
    ]) {
        return HandshakeKind::Closed;
    }
    if any(&["timed out", "timeout"]) {
        return HandshakeKind::Timeout;
    }
    HandshakeKind::Other
}

/// The server's leaf certificate, if the handshake produced one we can parse.
pub fn peer_cert<S>(stream: &TlsStream<S>) -> Option<CertInfo>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let cert = stream.get_ref().peer_certificate().ok()??;
    let der = cert.to_der().ok()?;
    cert::parse_der(&der).ok()
}

pub mod roots_only;
pub mod sent_chain;

#[cfg(test)]
mod tests;
