//! The envelope test's command groups against scripted servers: pipelined where PIPELINING
//! is offered (the three commands must all arrive before any reply is sent), one at a time
//! otherwise, and an unasked-for reply never taken as the answer to a later command.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use super::session::PIPELINED;
use super::*;
use crate::checks::gate::Gate;
use crate::checks::tls::Trust;
use crate::protocol::transcript::Dir;

/// What the scripted server saw at one step: the lines it waited for, and whether the
/// client had sent more than those before the reply went out.
#[derive(Debug)]
struct Step {
    lines: Vec<String>,
    sent_ahead: bool,
}

/// A server that, at each step, reads exactly `n` lines, then sends `reply` in one write.
/// A client that waits for a reply before sending the next line of a group of `n` would
/// leave it waiting, and its own read would time out.
async fn scripted(steps: Vec<(usize, &'static str)>) -> (u16, tokio::task::JoinHandle<Vec<Step>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = tokio::spawn(async move {
        let mut seen = Vec::new();
        let Ok((stream, _)) = listener.accept().await else {
            return seen;
        };
        let (r, mut w) = stream.into_split();
        let mut r = BufReader::new(r);
        w.write_all(b"220 scripted.example ESMTP\r\n")
            .await
            .unwrap();
        for (n, reply) in steps {
            let mut lines = Vec::new();
            for _ in 0..n {
                let mut line = String::new();
                if r.read_line(&mut line).await.unwrap_or(0) == 0 {
                    return seen;
                }
                lines.push(line.trim_end().to_string());
            }
            // Anything more within a moment was sent before this reply.
            let more = tokio::time::timeout(Duration::from_millis(60), r.fill_buf()).await;
            let sent_ahead = matches!(more, Ok(Ok(buf)) if !buf.is_empty());
            seen.push(Step { lines, sent_ahead });
            let _ = w.write_all(reply.as_bytes()).await;
        }
        seen
    });
    (port, handle)
}

fn config(port: u16) -> ProbeConfig {
    ProbeConfig {
        host: "127.0.0.1".into(),
        addrs: vec!["127.0.0.1".parse().unwrap()],
        port,
        timeout: Duration::from_millis(500),
        trust: Trust::system(),
        user: None,
        expected_user: None,
        password: None,
        allow_plaintext_auth: false,
        mail_from: "alice@example.test".into(),
        rcpt_to: "bob@example.test".into(),
        gate: Arc::new(Gate::new(vec![port])),
    }
}

const EHLO_PIPELINING: &str = "250-scripted.example\r\n250-PIPELINING\r\n250 8BITMIME\r\n";
const EHLO_PLAIN: &str = "250-scripted.example\r\n250 8BITMIME\r\n";

/// The transcript as `c:LINE` / `s:LINE`, from EHLO's reply on.
fn shown(p: &PortProbe) -> Vec<String> {
    p.transcript
        .lines
        .iter()
        .map(|l| {
            let who = if l.dir == Dir::Client { "c" } else { "s" };
            format!("{who}:{}", l.line)
        })
        .skip_while(|l| !l.starts_with("s:250 8BITMIME"))
        .skip(1)
        .collect()
}

#[tokio::test]
async fn with_pipelining_the_three_commands_go_in_one_write() {
    let (port, server) = scripted(vec![
        (1, EHLO_PIPELINING),
        // Three replies in one write: each must be matched to its command in order.
        (
            3,
            "250 2.1.0 Ok\r\n554 5.7.1 Relay access denied\r\n250 2.0.0 Ok\r\n",
        ),
        (1, "221 2.0.0 Bye\r\n"),
    ])
    .await;
    let p = probe(&config(port), &|_, _| {}).await;
    assert_eq!(
        p.envelope,
        Some(EnvelopeOutcome::RcptRejected {
            reply: crate::protocol::reply::parse_lines(&[b"554 5.7.1 Relay access denied"])
                .unwrap()
        }),
        "{:#?}",
        p.transcript
    );
    let seen = server.await.unwrap();
    assert_eq!(
        seen[1].lines,
        [
            "MAIL FROM:<alice@example.test>",
            "RCPT TO:<bob@example.test>",
            "RSET"
        ]
    );
    assert_eq!(seen[2].lines, ["QUIT"]);
    assert_eq!(
        shown(&p),
        [
            format!("c:-- {PIPELINED} 3"),
            "c:MAIL FROM:<alice@example.test>".into(),
            "c:RCPT TO:<bob@example.test>".into(),
            "c:RSET".into(),
            "s:250 2.1.0 Ok".into(),
            "s:554 5.7.1 Relay access denied".into(),
            "s:250 2.0.0 Ok".into(),
            "c:QUIT".into(),
        ]
    );
}

#[tokio::test]
async fn a_reply_nobody_asked_for_fails_the_exchange() {
    // One reply too many: read in order, the RCPT TO would seem accepted (by the extra
    // "250") and the real answer, 550, would be taken for RSET's.
    let (port, _server) = scripted(vec![
        (1, EHLO_PIPELINING),
        (
            3,
            "250 2.1.0 Ok\r\n250 2.1.0 Ok again\r\n550 5.1.1 No such user\r\n250 2.0.0 Ok\r\n",
        ),
        (1, "221 2.0.0 Bye\r\n"),
    ])
    .await;
    let p = probe(&config(port), &|_, _| {}).await;
    match &p.envelope {
        Some(EnvelopeOutcome::Error { message }) => {
            assert!(message.contains("no command asked for"), "{message}");
            assert!(message.contains("250 2.0.0 Ok"), "{message}");
        }
        other => panic!("expected an error of the exchange, got {other:?}"),
    }
}

#[tokio::test]
async fn a_reply_waiting_before_the_group_is_not_taken_for_mail_from() {
    let (port, server) = scripted(vec![
        (
            1,
            "250-scripted.example\r\n250-PIPELINING\r\n250 8BITMIME\r\n250 2.1.0 surprise\r\n",
        ),
        (1, "221 2.0.0 Bye\r\n"),
    ])
    .await;
    let p = probe(&config(port), &|_, _| {}).await;
    assert!(
        matches!(&p.envelope, Some(EnvelopeOutcome::Error { message }) if message.contains("surprise")),
        "{:?}",
        p.envelope
    );
    let seen = server.await.unwrap();
    assert!(
        seen.iter()
            .flat_map(|s| &s.lines)
            .all(|l| !l.starts_with("MAIL")),
        "{seen:?}"
    );
}

#[tokio::test]
async fn without_pipelining_commands_go_one_at_a_time() {
    let (port, server) = scripted(vec![
        (1, EHLO_PLAIN),
        (1, "250 2.1.0 Ok\r\n"),
        (1, "250 2.1.5 Ok\r\n"),
        (1, "250 2.0.0 Ok\r\n"),
        (1, "221 2.0.0 Bye\r\n"),
    ])
    .await;
    let p = probe(&config(port), &|_, _| {}).await;
    assert_eq!(p.envelope, Some(EnvelopeOutcome::Accepted));
    let seen = server.await.unwrap();
    let lines: Vec<&str> = seen
        .iter()
        .flat_map(|s| &s.lines)
        .map(String::as_str)
        .collect();
    assert_eq!(
        lines,
        [
            "EHLO [127.0.0.1]",
            "MAIL FROM:<alice@example.test>",
            "RCPT TO:<bob@example.test>",
            "RSET",
            "QUIT"
        ]
    );
    // No command was sent before the previous one's reply (QUIT ends the session).
    assert!(seen[..4].iter().all(|s| !s.sent_ahead), "{seen:?}");
    assert_eq!(
        shown(&p),
        [
            "c:MAIL FROM:<alice@example.test>",
            "s:250 2.1.0 Ok",
            "c:RCPT TO:<bob@example.test>",
            "s:250 2.1.5 Ok",
            "c:RSET",
            "s:250 2.0.0 Ok",
            "c:QUIT",
        ]
    );
}

#[tokio::test]
async fn quit_does_not_wait_for_its_reply() {
    // The server never answers QUIT; the probe still ends well within one time budget.
    let (port, _server) = scripted(vec![
        (1, EHLO_PIPELINING),
        (3, "250 Ok\r\n250 Ok\r\n250 Ok\r\n"),
        (1, ""),
    ])
    .await;
    let cfg = config(port);
    let started = tokio::time::Instant::now();
    let p = probe(&cfg, &|_, _| {}).await;
    assert_eq!(p.envelope, Some(EnvelopeOutcome::Accepted));
    assert_eq!(
        p.transcript.lines.last().map(|l| l.line.as_str()),
        Some("QUIT")
    );
    assert!(started.elapsed() < cfg.timeout, "{:?}", started.elapsed());
}
