//! TLS handshakes (implicit TLS on 465, or after STARTTLS) through native-tls, which is
//! OpenSSL with the OS trust store on Linux; plus the classification of handshake failures.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncWrite};
pub use tokio_native_tls::TlsStream;

use super::cert::{self, CertInfo};
use crate::protocol::reply::sanitize;

/// The roots a handshake trusts: the OS store (or, for the interception check, a bundled
/// set in its place) plus the certificates the user gave with `--ca-file`.
#[derive(Clone, Default)]
pub struct Trust {
    /// The user's own roots (`--ca-file`), trusted in addition to the base set.
    pub extra_roots: Vec<native_tls::Certificate>,
    /// `None`: the OS store. `Some`: these roots replace it (shared, so cloning is cheap).
    base: Option<Arc<[native_tls::Certificate]>>,
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

    /// `roots` instead of the OS store, plus the user's own roots from `user` (not its base).
    pub fn replacing_system(roots: Arc<[native_tls::Certificate]>, user: &Trust) -> Trust {
        Trust {
            extra_roots: user.extra_roots.clone(),
            base: Some(roots),
        }
    }

    /// Whether the OS store is part of this trust.
    pub fn uses_system_store(&self) -> bool {
        self.base.is_none()
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
        Ok(Trust {
            extra_roots,
            base: None,
        })
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
    let connector = connector(trust, verify)?;
    handshake_with(&connector, stream, host, timeout).await
}

/// The client configuration for `trust`. Costly: OpenSSL reads the OS bundle on every build
/// (tens of milliseconds), even when `trust` then replaces it; callers that repeat a handshake
/// with the same trust keep the result (it is a cheap clone).
pub fn connector(
    trust: &Trust,
    verify: Verify,
) -> Result<native_tls::TlsConnector, HandshakeError> {
    let mut builder = native_tls::TlsConnector::builder();
    builder.use_sni(true);
    if let Some(base) = &trust.base {
        builder.disable_built_in_roots(true);
        for root in base.iter() {
            builder.add_root_certificate(root.clone());
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::cert::testutil::*;
    use std::net::TcpListener as StdListener;
    use std::process::{Child, Command, Stdio};
    use tokio::io::AsyncWriteExt;
    use tokio::net::{TcpListener, TcpStream};

    const T: Duration = Duration::from_secs(10);

    /// An `openssl s_server`, killed and reaped when dropped (also when a test panics).
    struct Server {
        child: Child,
        port: u16,
    }

    impl Drop for Server {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    fn free_port() -> u16 {
        let l = StdListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    }

    async fn s_server(cert: &Path, key: &Path) -> Server {
        let port = free_port();
        let child = Command::new("openssl")
            .args(["s_server", "-quiet", "-accept"])
            .arg(format!("127.0.0.1:{port}"))
            .arg("-cert")
            .arg(cert)
            .arg("-key")
            .arg(key)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Server { child, port };
        for _ in 0..50 {
            if TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("openssl s_server did not listen on {port}");
    }

    async fn connect(server: &Server) -> TcpStream {
        TcpStream::connect(("127.0.0.1", server.port))
            .await
            .unwrap()
    }

    #[test]
    fn classify_messages() {
        use HandshakeKind::*;
        let cases = [
            ("error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:354:", NotTls),
            ("error:1408F10B:SSL routines:ssl3_get_record:wrong version number", NotTls),
            ("error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol", NotTls),
            ("error:0A0000C6:SSL routines::packet length too long", NotTls),
            ("error:0A00009C:SSL routines::http request", NotTls),
            ("error:0A000102:SSL routines::unsupported protocol", ProtocolTooOld),
            ("error:0A0000BF:SSL routines::no protocols available", ProtocolTooOld),
            ("error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:ssl/record/rec_layer_s3.c:1605:SSL alert number 70", ProtocolTooOld),
            ("error:0A00018A:SSL routines::dh key too small", ProtocolTooOld),
            ("error:0A000086:SSL routines:tls_post_process_server_certificate:certificate verify failed:../ssl/statem/statem_clnt.c:1889: (self-signed certificate)", Verification),
            ("error:0A000086:SSL routines::certificate verify failed (unable to get local issuer certificate)", Verification),
            ("error:0A000086:SSL routines::certificate verify failed (certificate has expired)", Verification),
            ("error:0A000086:SSL routines::certificate verify failed (hostname mismatch)", Verification),
            ("self signed certificate in certificate chain", Verification),
            ("error:0A000126:SSL routines::unexpected eof while reading", Closed),
            ("unexpected EOF", Closed),
            ("Connection reset by peer (os error 104)", Closed),
            ("Broken pipe (os error 32)", Closed),
            ("connection timed out", Timeout),
            ("error:0A000410:SSL routines::sslv3 alert handshake failure", Other),
            ("", Other),
        ];
        for (msg, kind) in cases {
            assert_eq!(classify_message(msg), kind, "{msg}");
        }
    }

    #[test]
    fn pem_block_splitting() {
        let text = format!("junk\n{PEM_BEGIN}\nAAA\n{PEM_END}\nmore\n{PEM_BEGIN}\nBBB\n{PEM_END}\n{PEM_BEGIN}\ncut");
        let blocks = pem_blocks(&text);
        assert_eq!(blocks.len(), 2);
        assert!(blocks[1].contains("BBB") && blocks[1].ends_with(PEM_END));
        assert!(pem_blocks("nothing").is_empty());
    }

    #[test]
    fn domain_normalisation() {
        assert_eq!(tls_domain("mail.example.com."), "mail.example.com");
        assert_eq!(tls_domain("[2001:db8::1]"), "2001:db8::1");
        assert_eq!(tls_domain("127.0.0.1"), "127.0.0.1");
    }

    #[test]
    fn trust_from_files() {
        let dir = TempDir::new("tls-trust");
        match Trust::from_pem_file(&dir.path("missing.pem")) {
            Err(TrustError::Unreadable { path, .. }) => assert!(path.ends_with("missing.pem")),
            Err(e) => panic!("wrong error {e}"),
            Ok(_) => panic!("missing file accepted"),
        }
        std::fs::write(dir.path("empty.pem"), "no certificates here\n").unwrap();
        assert!(matches!(
            Trust::from_pem_file(&dir.path("empty.pem")),
            Err(TrustError::NoCertificate { .. })
        ));
        std::fs::write(
            dir.path("bad.pem"),
            format!("{PEM_BEGIN}\n!!!!\n{PEM_END}\n"),
        )
        .unwrap();
        assert!(matches!(
            Trust::from_pem_file(&dir.path("bad.pem")),
            Err(TrustError::Unreadable { .. })
        ));
        let a = std::fs::read_to_string(self_signed(&dir, "a", "/CN=a", None)).unwrap();
        let b = std::fs::read_to_string(self_signed(&dir, "b", "/CN=b", None)).unwrap();
        std::fs::write(dir.path("bundle.pem"), format!("# bundle\n{a}\n{b}")).unwrap();
        let trust = Trust::from_pem_file(&dir.path("bundle.pem")).unwrap();
        assert_eq!(trust.extra_roots.len(), 2);
    }

    #[tokio::test]
    async fn self_signed_server() {
        let dir = TempDir::new("tls-self");
        let cert = self_signed(&dir, "srv", "/CN=other.example", Some("DNS:other.example"));
        let server = s_server(&cert, &dir.path("srv.key")).await;

        let err = handshake(
            connect(&server).await,
            "mail.example",
            &Trust::system(),
            Verify::Full,
            T,
        )
        .await
        .unwrap_err();
        assert_eq!(err.kind, HandshakeKind::Verification, "{}", err.message);
        assert!(!err.message.chars().any(char::is_control));

        let tls = handshake(
            connect(&server).await,
            "mail.example",
            &Trust::system(),
            Verify::None,
            T,
        )
        .await
        .unwrap();
        let info = peer_cert(&tls).unwrap();
        assert_eq!(info.names, vec!["other.example"]);
        assert!(info.self_signed);
        assert_eq!(
            cert::classify(
                &info,
                "mail.example",
                time::OffsetDateTime::now_utc().unix_timestamp()
            ),
            cert::CertProblem::NameMismatch
        );
    }

    #[tokio::test]
    async fn extra_root_trusted_and_name_checked() {
        let dir = TempDir::new("tls-ca");
        let ca = make_ca(&dir, "/CN=Test Root/O=Test");
        let cert = ca_signed(&dir, "srv", "/CN=mail.test", "DNS:mail.test", None);
        let server = s_server(&cert, &dir.path("srv.key")).await;
        let trust = Trust::from_pem_file(&ca).unwrap();

        let tls = handshake(
            connect(&server).await,
            "MAIL.test.",
            &trust,
            Verify::Full,
            T,
        )
        .await
        .unwrap();
        let info = peer_cert(&tls).unwrap();
        assert_eq!(info.issuer_cn.as_deref(), Some("Test Root"));
        assert!(!info.self_signed);
        drop(tls);

        let err = handshake(connect(&server).await, "smtp.test", &trust, Verify::Full, T)
            .await
            .unwrap_err();
        assert_eq!(err.kind, HandshakeKind::Verification, "{}", err.message);

        // Without the extra root the chain is unknown.
        let err = handshake(
            connect(&server).await,
            "mail.test",
            &Trust::system(),
            Verify::Full,
            T,
        )
        .await
        .unwrap_err();
        assert_eq!(err.kind, HandshakeKind::Verification, "{}", err.message);
    }

    #[tokio::test]
    async fn plaintext_server_is_not_tls() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let task = tokio::spawn(async move {
            if let Ok((mut s, _)) = listener.accept().await {
                let _ = s.write_all(b"220 hello\r\n").await;
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        });
        let stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let err = handshake(stream, "mail.example", &Trust::system(), Verify::Full, T)
            .await
            .unwrap_err();
        assert!(
            matches!(err.kind, HandshakeKind::NotTls | HandshakeKind::Closed),
            "{err:?}"
        );
        task.abort();
    }

    #[tokio::test]
    async fn silent_server_times_out() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let task = tokio::spawn(async move {
            if let Ok((s, _)) = listener.accept().await {
                tokio::time::sleep(Duration::from_secs(30)).await;
                drop(s);
            }
        });
        let stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let err = handshake(
            stream,
            "mail.example",
            &Trust::system(),
            Verify::Full,
            Duration::from_millis(200),
        )
        .await
        .unwrap_err();
        assert_eq!(err.kind, HandshakeKind::Timeout);
        task.abort();
    }

    #[tokio::test]
    async fn peer_closing_during_handshake_is_closed() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let task = tokio::spawn(async move {
            if let Ok((s, _)) = listener.accept().await {
                drop(s);
            }
        });
        let stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let err = handshake(stream, "mail.example", &Trust::system(), Verify::Full, T)
            .await
            .unwrap_err();
        assert_eq!(err.kind, HandshakeKind::Closed, "{}", err.message);
        task.abort();
    }
}
