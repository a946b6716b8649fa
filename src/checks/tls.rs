//! STUB: being written by a helper. API contract below.
use std::path::Path;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use serde::Serialize;
pub use tokio_native_tls::TlsStream;
use super::cert::CertInfo;

#[derive(Clone, Default)]
pub struct Trust { pub extra_roots: Vec<native_tls::Certificate> }

#[derive(Debug, thiserror::Error)]
pub enum TrustError {
    #[error("cannot read {path}: {message}")]
    Unreadable { path: String, message: String },
    #[error("{path} holds no PEM certificate")]
    NoCertificate { path: String },
}

impl Trust {
    pub fn system() -> Trust { Trust::default() }
    pub fn from_pem_file(_path: &Path) -> Result<Trust, TrustError> { todo!() }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verify { Full, None }

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HandshakeKind { Timeout, Closed, NotTls, Verification, ProtocolTooOld, Other }

#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct HandshakeError { pub kind: HandshakeKind, pub message: String }

pub async fn handshake<S>(_stream: S, _host: &str, _trust: &Trust, _verify: Verify, _timeout: Duration) -> Result<TlsStream<S>, HandshakeError>
where S: AsyncRead + AsyncWrite + Unpin + Send + 'static { todo!() }

pub fn peer_cert<S>(_stream: &TlsStream<S>) -> Option<CertInfo>
where S: AsyncRead + AsyncWrite + Unpin { todo!() }
