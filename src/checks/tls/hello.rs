//! Which TLS version a handshake settled on. native-tls does not say, so the first bytes
//! the server sends (its ServerHello) are kept by a [`Tap`] under the TLS stream and read
//! here: the `supported_versions` extension names TLS 1.3 (RFC 8446 §4.2.1), else the
//! ServerHello's own version field is the version.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// How much of what the server sends first is kept: a ServerHello is a few hundred bytes.
const KEEP: usize = 1024;

/// A stream that keeps a copy of the first [`KEEP`] bytes read through it.
pub struct Tap<S> {
    inner: S,
    seen: Arc<Mutex<Vec<u8>>>,
}

/// The bytes a [`Tap`] kept, readable after the handshake.
#[derive(Clone, Default)]
pub struct Seen(Arc<Mutex<Vec<u8>>>);

impl Seen {
    /// The version the server chose, when its ServerHello was among the bytes kept.
    pub fn version(&self) -> Option<&'static str> {
        let bytes = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        server_hello_version(&bytes)
    }
}

impl<S> Tap<S> {
    pub fn new(inner: S) -> (Tap<S>, Seen) {
        let seen = Seen::default();
        (
            Tap {
                inner,
                seen: seen.0.clone(),
            },
            seen,
        )
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Tap<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = &polled {
            let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
            let room = KEEP.saturating_sub(seen.len());
            let new = &buf.filled()[before..];
            seen.extend_from_slice(&new[..new.len().min(room)]);
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Tap<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// The protocol version a ServerHello at the start of `bytes` selects, as OpenSSL names
/// it (`TLSv1.3`). `None` when the bytes do not start with a complete ServerHello record.
pub fn server_hello_version(bytes: &[u8]) -> Option<&'static str> {
    let mut r = Reader(bytes);
    // Record: content type 22 (handshake), legacy version, length.
    if r.u8()? != 22 {
        return None;
    }
    r.take(2)?;
    let len = usize::from(r.u16()?);
    let mut record = Reader(r.take(len)?);
    // Handshake message: type 2 (ServerHello), 24-bit length.
    if record.u8()? != 2 {
        return None;
    }
    let len = record.take(3)?;
    let len = usize::from(len[0]) << 16 | usize::from(len[1]) << 8 | usize::from(len[2]);
    let mut hello = Reader(record.take(len)?);
    let legacy = hello.u16()?;
    hello.take(32)?; // random
    let session_id = usize::from(hello.u8()?);
    hello.take(session_id)?;
    hello.take(3)?; // cipher suite, compression method
    let mut selected = legacy;
    if !hello.0.is_empty() {
        let len = usize::from(hello.u16()?);
        let mut exts = Reader(hello.take(len)?);
        while !exts.0.is_empty() {
            let kind = exts.u16()?;
            let len = usize::from(exts.u16()?);
            let mut data = Reader(exts.take(len)?);
            if kind == SUPPORTED_VERSIONS {
                selected = data.u16()?;
            }
        }
    }
    name(selected)
}

const SUPPORTED_VERSIONS: u16 = 0x002b;

fn name(version: u16) -> Option<&'static str> {
    Some(match version {
        0x0304 => "TLSv1.3",
        0x0303 => "TLSv1.2",
        0x0302 => "TLSv1.1",
        0x0301 => "TLSv1",
        0x0300 => "SSLv3",
        _ => return None,
    })
}

/// Reads big-endian fields off the front of a slice; `None` past its end.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_be_bytes([b[0], b[1]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ServerHello record with `legacy` as its version and `exts` as its extensions.
    fn server_hello(legacy: u16, exts: &[(u16, &[u8])]) -> Vec<u8> {
        let mut body = legacy.to_be_bytes().to_vec();
        body.extend([7u8; 32]);
        body.push(32);
        body.extend([9u8; 32]);
        body.extend([0x13, 0x01, 0x00]);
        if !exts.is_empty() {
            let mut list = Vec::new();
            for (kind, data) in exts {
                list.extend(kind.to_be_bytes());
                list.extend(u16::try_from(data.len()).unwrap().to_be_bytes());
                list.extend(*data);
            }
            body.extend(u16::try_from(list.len()).unwrap().to_be_bytes());
            body.extend(list);
        }
        let mut hs = vec![2u8];
        hs.extend(&u32::try_from(body.len()).unwrap().to_be_bytes()[1..]);
        hs.extend(body);
        let mut rec = vec![22u8, 3, 3];
        rec.extend(u16::try_from(hs.len()).unwrap().to_be_bytes());
        rec.extend(hs);
        rec
    }

    #[test]
    fn tls13_is_named_by_supported_versions() {
        let hello = server_hello(0x0303, &[(0x0033, &[0, 29, 0, 0]), (0x002b, &[3, 4])]);
        assert_eq!(server_hello_version(&hello), Some("TLSv1.3"));
        // What follows the record does not matter.
        let mut more = hello.clone();
        more.extend([20, 3, 3, 0, 1, 1]);
        assert_eq!(server_hello_version(&more), Some("TLSv1.3"));
    }

    #[test]
    fn without_the_extension_the_version_field_counts() {
        assert_eq!(
            server_hello_version(&server_hello(0x0303, &[(0xff01, &[0])])),
            Some("TLSv1.2")
        );
        assert_eq!(
            server_hello_version(&server_hello(0x0301, &[])),
            Some("TLSv1")
        );
    }

    #[test]
    fn anything_else_is_unknown() {
        let hello = server_hello(0x0303, &[(0x002b, &[3, 4])]);
        // Cut short, an SMTP banner, an alert, nothing.
        assert_eq!(server_hello_version(&hello[..hello.len() - 1]), None);
        assert_eq!(server_hello_version(b"220 mail.example ESMTP\r\n"), None);
        assert_eq!(server_hello_version(&[21, 3, 3, 0, 2, 2, 40]), None);
        assert_eq!(server_hello_version(&[]), None);
        assert_eq!(
            server_hello_version(&server_hello(0x0303, &[(0x002b, &[0x7f, 0x1c])])),
            None
        );
    }

    #[tokio::test]
    async fn the_tap_keeps_what_was_read() {
        use tokio::io::AsyncReadExt;
        let hello = server_hello(0x0303, &[(0x002b, &[3, 4])]);
        let (near, mut far) = tokio::io::duplex(4096);
        let (mut tap, seen) = Tap::new(near);
        tokio::io::AsyncWriteExt::write_all(&mut far, &hello)
            .await
            .unwrap();
        let mut buf = vec![0u8; hello.len()];
        tap.read_exact(&mut buf).await.unwrap();
        assert_eq!(seen.version(), Some("TLSv1.3"));
    }
}
