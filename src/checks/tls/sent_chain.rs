//! The certificates a server sends in its handshake, read without verifying them, to explain
//! a failed verification. native-tls shows only the server's own (leaf) certificate; the ones
//! sent after it tell a missing intermediate from a private authority. On Linux and the BSDs
//! OpenSSL (what native-tls uses there) keeps that list; elsewhere only the leaf is known.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};

use super::HandshakeError;
use crate::checks::cert::CertInfo;

/// What the server sent in its handshake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentCertificates {
    /// The server's own certificate.
    pub leaf: CertInfo,
    /// The certificates it sent after the leaf, in its order; `None` where this system's TLS
    /// library does not show them.
    pub rest: Option<Vec<CertInfo>>,
}

/// A handshake over `stream` for `host` (SNI only) that accepts any certificate, to read what
/// the server sends. Never send anything over such a connection: it is dropped here.
#[cfg(not(any(target_os = "windows", target_vendor = "apple")))]
pub async fn read<S>(
    stream: S,
    host: &str,
    timeout: Duration,
) -> Result<Option<SentCertificates>, HandshakeError>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    use super::{classify_message, error_message, tls_domain, HandshakeKind};

    let failed = |message: String| HandshakeError {
        kind: classify_message(&message),
        message,
    };
    let ssl = unverified_ssl(tls_domain(host)).map_err(|e| failed(error_message(&e)))?;
    let mut tls = openssl::ssl::SslStream::new(ssl, polled::Polled::new(stream))
        .map_err(|e| failed(error_message(&e)))?;
    let handshake = std::future::poll_fn(|cx| {
        tls.get_mut().set_waker(cx.waker());
        match tls.connect() {
            Ok(()) => std::task::Poll::Ready(Ok(())),
            Err(e) if polled::would_block(&e) => std::task::Poll::Pending,
            Err(e) => std::task::Poll::Ready(Err(e)),
        }
    });
    match tokio::time::timeout(timeout, handshake).await {
        Err(_) => {
            return Err(HandshakeError {
                kind: HandshakeKind::Timeout,
                message: format!("no TLS handshake within {timeout:?}"),
            })
        }
        Ok(Err(e)) => return Err(failed(error_message(&e))),
        Ok(Ok(())) => {}
    }
    // On the client side OpenSSL's list starts with the leaf.
    let mut sent = tls
        .ssl()
        .peer_cert_chain()
        .into_iter()
        .flatten()
        .filter_map(|c| crate::checks::cert::parse_der(&c.to_der().ok()?).ok());
    let Some(leaf) = sent.next() else {
        return Ok(None);
    };
    Ok(Some(SentCertificates {
        leaf,
        rest: Some(sent.collect()),
    }))
}

/// Elsewhere: native-tls's unverified handshake, which shows the leaf alone.
#[cfg(any(target_os = "windows", target_vendor = "apple"))]
pub async fn read<S>(
    stream: S,
    host: &str,
    timeout: Duration,
) -> Result<Option<SentCertificates>, HandshakeError>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let trust = super::Trust::system();
    let tls = super::handshake(stream, host, &trust, super::Verify::None, timeout).await?;
    Ok(super::peer_cert(&tls).map(|leaf| SentCertificates { leaf, rest: None }))
}

/// A client that checks nothing (no chain, no name) but still sends the name (SNI), so the
/// server picks the certificate it shows for that name. No roots: nothing is verified, so
/// the OS bundle (tens of milliseconds to parse) is not loaded.
#[cfg(not(any(target_os = "windows", target_vendor = "apple")))]
fn unverified_ssl(domain: &str) -> Result<openssl::ssl::Ssl, openssl::error::ErrorStack> {
    let mut builder = super::roots_only::client_context(openssl::ssl::SslMethod::tls_client())?;
    builder.set_verify(openssl::ssl::SslVerifyMode::NONE);
    let mut ssl = openssl::ssl::Ssl::new(&builder.build())?;
    if domain.parse::<std::net::IpAddr>().is_err() {
        ssl.set_hostname(domain)?;
    }
    Ok(ssl)
}

/// OpenSSL's blocking `Read`/`Write` over an async stream: a read that would wait returns
/// `WouldBlock` (OpenSSL then reports WANT_READ) after registering the task's waker.
#[cfg(not(any(target_os = "windows", target_vendor = "apple")))]
mod polled {
    use std::io::{self, Read, Write};
    use std::pin::Pin;
    use std::task::{Context, Poll, Waker};

    use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

    pub(super) struct Polled<S> {
        inner: S,
        waker: Waker,
    }

    impl<S> Polled<S> {
        pub(super) fn new(inner: S) -> Polled<S> {
            Polled {
                inner,
                waker: Waker::noop().clone(),
            }
        }

        /// The waker of the task polling the handshake now.
        pub(super) fn set_waker(&mut self, waker: &Waker) {
            self.waker.clone_from(waker);
        }
    }

    /// OpenSSL wants more bytes or room to write: the stream has registered the waker.
    pub(super) fn would_block(e: &openssl::ssl::Error) -> bool {
        use openssl::ssl::ErrorCode;
        matches!(e.code(), ErrorCode::WANT_READ | ErrorCode::WANT_WRITE)
            && e.io_error()
                .is_none_or(|io| io.kind() == io::ErrorKind::WouldBlock)
    }

    fn pending<T>(p: Poll<io::Result<T>>) -> io::Result<T> {
        match p {
            Poll::Ready(r) => r,
            Poll::Pending => Err(io::ErrorKind::WouldBlock.into()),
        }
    }

    impl<S: AsyncRead + Unpin> Read for Polled<S> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let mut cx = Context::from_waker(&self.waker);
            let mut rb = ReadBuf::new(buf);
            pending(Pin::new(&mut self.inner).poll_read(&mut cx, &mut rb))?;
            Ok(rb.filled().len())
        }
    }

    impl<S: AsyncWrite + Unpin> Write for Polled<S> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let mut cx = Context::from_waker(&self.waker);
            pending(Pin::new(&mut self.inner).poll_write(&mut cx, buf))
        }

        fn flush(&mut self) -> io::Result<()> {
            let mut cx = Context::from_waker(&self.waker);
            pending(Pin::new(&mut self.inner).poll_flush(&mut cx))
        }
    }
}
