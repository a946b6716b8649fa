//! Fewer round trips on the main chain, against the loopback lab's real Postfix (which
//! offers PIPELINING): the envelope test's MAIL FROM, RCPT TO and RSET go out together
//! before any of their replies is read (RFC 2920), TLS 1.3 is negotiated and recorded, and
//! QUIT's reply is not waited for. Read from `check --json`'s transcript, which records each
//! client line when it is sent and each server line when it is read.
//!
//! Run with `sudo bash tests/run.sh --test lab_pipelining`.

mod common;

use common::{lab, run_check, EMAIL, PASSWORD};
use serde_json::Value;

/// The port-587 transcript as (dir, line) pairs.
fn transcript_587(report: &Value) -> Vec<(String, String)> {
    report["transcript"]
        .as_array()
        .expect("a transcript")
        .iter()
        .filter(|l| l["port"] == 587)
        .map(|l| {
            (
                l["dir"].as_str().unwrap_or_default().to_string(),
                l["line"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn postfix_gets_the_envelope_commands_in_one_group() {
    lab();
    let run = run_check(
        &[
            "--email",
            EMAIL,
            "--server",
            "smtp.example.test",
            "--port",
            "587",
            "--security",
            "starttls",
        ],
        Some(PASSWORD),
    );
    assert_eq!(run.primary_cause(), "ok.sending_works", "{}", run.pretty());
    let lines = transcript_587(run.report());
    let shown = || {
        lines
            .iter()
            .map(|(d, l)| format!("{d} {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let at = |want: &str| {
        lines
            .iter()
            .position(|(d, l)| d == "c" && l.starts_with(want))
            .unwrap_or_else(|| panic!("no client line {want:?} in\n{}", shown()))
    };
    // Postfix announced PIPELINING inside TLS, so the group was sent together.
    assert!(
        lines.iter().any(|(d, l)| d == "s" && l == "250-PIPELINING"),
        "{}",
        shown()
    );
    let (marker, mail, rcpt, rset) = (
        at("-- sent together (RFC 2920 pipelining): 3"),
        at("MAIL FROM:"),
        at("RCPT TO:"),
        at("RSET"),
    );
    assert_eq!(
        (mail, rcpt, rset),
        (marker + 1, marker + 2, marker + 3),
        "{}",
        shown()
    );
    // The three replies follow, in order, after all three commands were sent.
    let replies: Vec<&str> = lines[rset + 1..rset + 4]
        .iter()
        .map(|(d, l)| {
            assert_eq!(d, "s", "{}", shown());
            l.as_str()
        })
        .collect();
    assert!(replies[0].starts_with("250 2.1.0"), "{}", shown());
    assert!(replies[1].starts_with("250 2.1.5"), "{}", shown());
    assert!(replies[2].starts_with("250 2.0.0"), "{}", shown());
    // TLS 1.3, recorded from the handshake.
    assert!(
        lines
            .iter()
            .any(|(_, l)| l == "-- TLS handshake done (TLSv1.3), certificate verified"),
        "{}",
        shown()
    );
    // QUIT is sent and the connection closed: no reply to it is read.
    let quit = at("QUIT");
    assert!(
        lines[quit + 1..].iter().all(|(d, _)| d == "c"),
        "{}",
        shown()
    );
}
