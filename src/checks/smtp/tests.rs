//! The probe against scripted servers: behaviour no real server produces.

use std::sync::Arc;
use std::time::Duration;

use super::session::ehlo_name;
use super::*;
use crate::checks::gate::Gate;
use crate::checks::tls::Trust;
use crate::secret::Secret;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A scripted server for behaviour no real server produces: it answers each client line
/// with the next canned reply (greeting first). `None` as greeting: stay silent.
async fn fake_server(
    greeting: Option<&'static str>,
    replies: Vec<&'static str>,
) -> (u16, tokio::task::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = tokio::spawn(async move {
        let mut seen = Vec::new();
        let Ok((stream, _)) = listener.accept().await else {
            return seen;
        };
        let (r, mut w) = stream.into_split();
        let mut r = tokio::io::BufReader::new(r);
        if let Some(g) = greeting {
            let _ = w.write_all(g.as_bytes()).await;
        } else {
            tokio::time::sleep(Duration::from_secs(3)).await;
            return seen;
        }
        for reply in replies {
            let mut line = String::new();
            if r.read_line(&mut line).await.unwrap_or(0) == 0 {
                break;
            }
            seen.push(line.trim_end().to_string());
            let _ = w.write_all(reply.as_bytes()).await;
        }
        seen
    });
    (port, handle)
}

fn config(port: u16, password: Option<&str>) -> ProbeConfig {
    ProbeConfig {
        host: "127.0.0.1".into(),
        addrs: vec!["127.0.0.1".parse().unwrap()],
        port,
        timeout: Duration::from_millis(400),
        trust: Trust::system(),
        user: Some("alice@example.test".into()),
        expected_user: None,
        password: password.map(|p| Secret::new(p.into())),
        allow_plaintext_auth: false,
        mail_from: "alice@example.test".into(),
        rcpt_to: "bob@example.test".into(),
        gate: Arc::new(Gate::new(vec![port])),
    }
}

#[tokio::test]
async fn never_sends_the_password_unencrypted() {
    let (port, server) = fake_server(
        Some("220 plain.example ESMTP\r\n"),
        vec![
            "250-plain.example\r\n250 AUTH PLAIN LOGIN\r\n",
            "250 ok\r\n",
            "250 ok\r\n",
            "250 ok\r\n",
            "221 bye\r\n",
        ],
    )
    .await;
    let p = probe(&config(port, Some("S3cret-pw")), &|_, _| {}).await;
    assert_eq!(p.mode, Some(Mode::Plain));
    assert_eq!(p.tls, Some(TlsResult::NotOffered));
    assert_eq!(p.auth, Some(AuthOutcome::PlaintextRefused));
    assert_eq!(p.envelope, Some(EnvelopeOutcome::Accepted));
    let seen = server.await.unwrap();
    assert!(
        seen.iter()
            .all(|l| !l.to_ascii_uppercase().starts_with("AUTH")),
        "{seen:?}"
    );
    assert!(seen.iter().any(|l| l == "RSET"), "{seen:?}");
    assert!(p.finished);
}

#[tokio::test]
async fn hostile_bytes_never_reach_the_transcript_raw() {
    let (port, _server) = fake_server(
        Some("220 \u{1b}[2J\u{1b}]0;owned\u{7}hi\r\n"),
        vec!["250 x\r\n", "221 x\r\n"],
    )
    .await;
    let p = probe(&config(port, None), &|_, _| {}).await;
    for l in &p.transcript.lines {
        assert!(!l.line.chars().any(char::is_control), "{:?}", l.line);
    }
}

#[tokio::test]
async fn a_silent_server_is_bounded_and_reported() {
    let (port, _server) = fake_server(None, vec![]).await;
    let p = probe(&config(port, None), &|_, _| {}).await;
    assert_eq!(p.mode, Some(Mode::NoGreeting));
    assert!(p.finished);
    assert!(matches!(p.auth, Some(AuthOutcome::NotTried { .. })));
}

#[test]
fn ehlo_name_is_an_address_literal() {
    assert_eq!(
        ehlo_name(Some("198.51.100.7:4000".parse().unwrap())),
        "[198.51.100.7]"
    );
    assert_eq!(ehlo_name(Some("[::1]:25".parse().unwrap())), "[IPv6:::1]");
}

#[test]
fn security_follows_mode() {
    use crate::endpoint::Security;
    let mut p = PortProbe {
        mode: Some(Mode::TlsFirst),
        ..PortProbe::default()
    };
    assert_eq!(p.security(), Some(Security::Tls));
    p.mode = Some(Mode::Plain);
    p.tls = Some(TlsResult::NotOffered);
    assert_eq!(p.security(), Some(Security::None));
    p.tls = Some(TlsResult::Verified { cert: None });
    assert_eq!(p.security(), Some(Security::Starttls));
    p.mode = Some(Mode::Overloaded);
    assert_eq!(p.security(), None);
}

/// Exim's connect ACL answers a rate limit with a multi-line 451: a refusal, not "something
/// other than SMTP"; a 5xx of any number is one too.
#[tokio::test]
async fn a_multi_line_refusal_in_place_of_the_greeting_is_a_refusal() {
    for (greeting, mode) in [
        (
            "451-Too many connections to 127.0.0.1: 3.0 per 1h (limit 0).\r\n451 Please try again later.\r\n",
            Mode::Overloaded,
        ),
        ("550 5.7.1 Not from your network\r\n", Mode::RefusedGreeting),
    ] {
        let (port, _server) = fake_server(Some(greeting), vec![]).await;
        let p = probe(&config(port, None), &|_, _| {}).await;
        assert_eq!(p.mode, Some(mode), "{greeting}");
        assert_eq!(p.security(), None, "{greeting}");
        assert!(p.finished);
    }
}
