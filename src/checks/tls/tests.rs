//! Trust stores, PEM splitting, handshake error classification, and handshakes against local
//! `openssl s_server` instances with certificates made at test time.

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
    s_server_sending(cert, key, None).await
}

/// `chain`: more certificates the server sends after its own (`-cert_chain`).
async fn s_server_sending(cert: &Path, key: &Path, chain: Option<&Path>) -> Server {
    let port = free_port();
    let mut command = Command::new("openssl");
    if let Some(chain) = chain {
        command.arg("s_server").arg("-cert_chain").arg(chain);
    } else {
        command.arg("s_server");
    }
    let child = command
        .args(["-quiet", "-accept"])
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
    let text = format!(
        "junk\n{PEM_BEGIN}\nAAA\n{PEM_END}\nmore\n{PEM_BEGIN}\nBBB\n{PEM_END}\n{PEM_BEGIN}\ncut"
    );
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

#[tokio::test]
async fn what_the_server_sends_is_read_leaf_first() {
    let dir = TempDir::new("tls-sent");
    let ca = make_ca(&dir, "/CN=Sent Test Root/O=Test");
    let cert = ca_signed(&dir, "srv", "/CN=mail.test", "DNS:mail.test", None);
    let key = dir.path("srv.key");

    let alone = s_server(&cert, &key).await;
    let sent = sent_chain::read(connect(&alone).await, "mail.test", T)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(sent.leaf.subject, "CN=mail.test");
    assert_eq!(sent.rest, Some(Vec::new()));

    let with_root = s_server_sending(&cert, &key, Some(&ca)).await;
    let sent = sent_chain::read(connect(&with_root).await, "mail.test", T)
        .await
        .unwrap()
        .unwrap();
    let rest = sent.rest.unwrap();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].subject, "CN=Sent Test Root, O=Test");
}

#[tokio::test]
async fn reading_what_a_plaintext_server_sends_fails_as_not_tls() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        if let Ok((mut s, _)) = listener.accept().await {
            let _ = s.write_all(b"220 smtp.test ESMTP\r\n").await;
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    });
    let stream = TcpStream::connect(addr).await.unwrap();
    let err = sent_chain::read(stream, "smtp.test", T).await.unwrap_err();
    assert_eq!(err.kind, HandshakeKind::NotTls, "{}", err.message);
}

#[tokio::test]
async fn roots_only_trusts_its_roots_and_checks_the_name() {
    use roots_only::{RootSet, RootsOnly};
    let dir = TempDir::new("tls-roots-only");
    let ca = make_ca(&dir, "/CN=Roots Only Test Root/O=Test");
    let cert = ca_signed(&dir, "srv", "/CN=mail.test", "DNS:mail.test", None);
    let server = s_server(&cert, &dir.path("srv.key")).await;
    let der = der_of(&ca);
    let roots = RootSet::from_der([der.as_slice(), b"not a certificate".as_slice()]);
    assert_eq!(roots.len(), 1);
    let only = RootsOnly::build(&roots, &Trust::system()).unwrap();

    only.handshake(connect(&server).await, "MAIL.test.", T)
        .await
        .unwrap();
    let err = only
        .handshake(connect(&server).await, "smtp.test", T)
        .await
        .unwrap_err();
    assert_eq!(err.kind, HandshakeKind::Verification, "{}", err.message);

    // Without the root, the user's own (--ca-file) roots are trusted in its place.
    let none = RootSet::from_der([]);
    assert!(none.is_empty());
    let user = Trust::from_pem_file(&ca).unwrap();
    RootsOnly::build(&none, &user)
        .unwrap()
        .handshake(connect(&server).await, "mail.test", T)
        .await
        .unwrap();
    let err = RootsOnly::build(&none, &Trust::system())
        .unwrap()
        .handshake(connect(&server).await, "mail.test", T)
        .await
        .unwrap_err();
    assert_eq!(err.kind, HandshakeKind::Verification, "{}", err.message);
}

/// The public-roots handshake words a failure as the main session (native-tls) does, so both
/// classify and read alike.
#[tokio::test]
async fn roots_only_failures_read_as_native_tls_ones() {
    use roots_only::{RootSet, RootsOnly};
    let dir = TempDir::new("tls-roots-only-words");
    let cert = self_signed(&dir, "srv", "/CN=mail.test", Some("DNS:mail.test"));
    let server = s_server(&cert, &dir.path("srv.key")).await;
    let only = RootsOnly::build(&RootSet::from_der([]), &Trust::system()).unwrap();

    let native = handshake(
        connect(&server).await,
        "mail.test",
        &Trust::system(),
        Verify::Full,
        T,
    )
    .await
    .unwrap_err();
    let own = only
        .handshake(connect(&server).await, "mail.test", T)
        .await
        .unwrap_err();
    assert_eq!(own, native);
    assert_eq!(own.kind, HandshakeKind::Verification);
    assert!(own.message.contains("self-signed"), "{}", own.message);

    // A peer that closes at once.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let task = tokio::spawn(async move {
        for _ in 0..2 {
            if let Ok((s, _)) = listener.accept().await {
                drop(s);
            }
        }
    });
    let native = handshake(
        TcpStream::connect(("127.0.0.1", port)).await.unwrap(),
        "mail.test",
        &Trust::system(),
        Verify::Full,
        T,
    )
    .await
    .unwrap_err();
    let own = only
        .handshake(
            TcpStream::connect(("127.0.0.1", port)).await.unwrap(),
            "mail.test",
            T,
        )
        .await
        .unwrap_err();
    assert_eq!(own, native);
    assert_eq!(own.kind, HandshakeKind::Closed);
    task.abort();
}
