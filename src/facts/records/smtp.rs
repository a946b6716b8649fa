//! One port's SMTP session as check records: reaching the port, then one record per stage
//! (greeting, EHLO, TLS, sign-in, envelope) with the time it took.

use std::fmt::Write as _;

use super::rec_detail;
use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, Mode, PortProbe, TlsResult};
use crate::checks::tcp::{DualStack, TcpOutcome};
use crate::checks::{CheckId, CheckRecord, SmtpStage, Status};

/// Milliseconds a stage took: stamps are cumulative from the probe's start.
fn stage_ms(p: &PortProbe, stage: &str) -> u64 {
    let mut prev = 0;
    for (name, at) in &p.timings {
        if name == stage {
            return at.saturating_sub(prev);
        }
        prev = *at;
    }
    0
}

pub(super) fn port_records(p: &PortProbe, out: &mut Vec<CheckRecord>) {
    let port = p.port;
    let Some(reach) = &p.reach else { return };
    let outcome = reach.outcome();
    let where_ = p
        .address
        .or_else(|| reach.attempts.first().map(|a| a.address))
        .map(|a| a.to_string())
        .unwrap_or_default();
    // Over both families, one that fails while the other connects is worth a warning:
    // programs that try it first wait or fail.
    let status = match reach.dual_stack() {
        _ if outcome != TcpOutcome::Open => Status::Fail,
        DualStack::Ipv6Fails(_) | DualStack::Ipv4Fails(_) => Status::Warn,
        _ => Status::Pass,
    };
    let families = reach
        .family_summary()
        .map(|s| format!("; {s}"))
        .unwrap_or_default();
    let mut r = rec_detail(
        CheckId::Tcp(port),
        status,
        format!("port {port} {} ({where_}{families})", outcome.word()),
        reach,
    );
    r.duration_ms = stage_ms(p, "tcp");
    out.push(r);
    if outcome != TcpOutcome::Open {
        return;
    }
    if let Some(mode) = p.mode {
        let (status, summary) = match mode {
            Mode::Plain => (
                Status::Pass,
                format!("plain-text greeting: {}", first_line(p)),
            ),
            Mode::TlsFirst => (
                Status::Pass,
                "the port expects TLS first (SSL/TLS)".to_string(),
            ),
            Mode::Overloaded => (
                Status::Fail,
                format!("the server is busy: {}", first_line(p)),
            ),
            Mode::RefusedGreeting => (
                Status::Fail,
                format!("the server refuses this client: {}", first_line(p)),
            ),
            Mode::NoGreeting => (
                Status::Fail,
                format!(
                    "no greeting: {}",
                    p.greeting_error.clone().unwrap_or_default()
                ),
            ),
            Mode::NotSmtp => (
                Status::Fail,
                "something other than SMTP answered".to_string(),
            ),
        };
        let mut r = rec_detail(
            CheckId::Stage(port, SmtpStage::Greeting),
            status,
            summary,
            &p.greeting,
        );
        r.duration_ms = stage_ms(p, "greeting");
        out.push(r);
    }
    if let Some(e) = p.ehlo() {
        let mut caps = crate::shorten::list(&e.extensions, ", ", crate::shorten::LIST_ITEMS);
        if caps.is_empty() {
            caps = "no extensions".into();
        }
        out.push(rec_detail(
            CheckId::Stage(port, SmtpStage::Ehlo),
            Status::Pass,
            format!("capabilities: {caps}"),
            e,
        ));
    }
    if let Some(t) = &p.tls {
        let (status, summary) = match t {
            TlsResult::Verified { cert } => (
                Status::Pass,
                match cert {
                    Some(c) => {
                        format!(
                            "encrypted; certificate for {} verified",
                            crate::shorten::list(&c.names, ", ", crate::shorten::LIST_ITEMS)
                        )
                    }
                    None => "encrypted; certificate verified".to_string(),
                },
            ),
            TlsResult::CertProblem { problem, cert, .. } => (
                Status::Fail,
                format!(
                    "certificate problem: {problem:?} (for {}, issued by {})",
                    crate::shorten::list(&cert.names, ", ", crate::shorten::LIST_ITEMS),
                    cert.issuer
                ),
            ),
            TlsResult::Failed { kind, message } => {
                (Status::Fail, format!("TLS failed ({kind:?}): {message}"))
            }
            TlsResult::NotOffered => (
                Status::Warn,
                "no encryption offered on this port".to_string(),
            ),
            TlsResult::Refused { reply } => (Status::Fail, format!("STARTTLS refused: {reply}")),
        };
        let mut r = rec_detail(CheckId::Tls(port), status, summary, t);
        r.duration_ms = stage_ms(p, "tls");
        out.push(r);
    }
    if let Some(a) = &p.auth {
        let (status, summary) = match a {
            AuthOutcome::Accepted { mechanism } => {
                (Status::Pass, format!("sign-in accepted ({mechanism})"))
            }
            AuthOutcome::Rejected { reply, .. } => {
                (Status::Fail, format!("sign-in rejected: {reply}"))
            }
            AuthOutcome::TempFailure { reply, .. } => {
                (Status::Fail, format!("sign-in failed for now: {reply}"))
            }
            AuthOutcome::MechanismUnsupported { offered } => (
                Status::Fail,
                format!(
                    "no usable sign-in method; offered: {}",
                    crate::shorten::list(offered, " ", crate::shorten::LIST_ITEMS)
                ),
            ),
            AuthOutcome::NotOffered => (
                Status::Warn,
                "the server offers no sign-in here".to_string(),
            ),
            AuthOutcome::NoPassword => (
                Status::Skip,
                "no password given: sign-in not tested".to_string(),
            ),
            AuthOutcome::PlaintextRefused => (
                Status::Skip,
                "not tested: the password would have been sent unencrypted".to_string(),
            ),
            AuthOutcome::NotTried { reason } => (Status::Skip, format!("not tested: {reason}")),
            AuthOutcome::Error { message } => {
                (Status::Fail, format!("sign-in broke off: {message}"))
            }
        };
        let summary = with_attempts(p, summary);
        let detail = AuthDetail {
            outcome: a,
            retry: p.auth_retry.as_ref(),
            attempts: p.sign_in_attempts,
            attempts_cap: crate::checks::gate::SIGN_IN_CAP,
        };
        let mut r = rec_detail(
            CheckId::Stage(port, SmtpStage::Auth),
            status,
            summary,
            &detail,
        );
        r.duration_ms = stage_ms(p, "auth");
        out.push(r);
    }
    if let Some(e) = &p.envelope {
        // The stage, not what was refused: servers refuse a sender at RCPT TO too (Exim's
        // ACLs do); the reply rules say what the refusal means.
        let (status, summary) = match e {
            EnvelopeOutcome::Accepted => (
                Status::Pass,
                "sender and recipient accepted (no mail sent)".to_string(),
            ),
            EnvelopeOutcome::MailRejected { reply } => {
                (Status::Fail, format!("refused at MAIL FROM: {reply}"))
            }
            EnvelopeOutcome::RcptRejected { reply } => {
                (Status::Fail, format!("refused at RCPT TO: {reply}"))
            }
            EnvelopeOutcome::NotTried { reason } => (Status::Skip, format!("not tested: {reason}")),
            EnvelopeOutcome::Error { message } => (Status::Fail, format!("broke off: {message}")),
        };
        let mut r = rec_detail(
            CheckId::Stage(port, SmtpStage::Envelope),
            status,
            summary,
            e,
        );
        r.duration_ms = stage_ms(p, "envelope");
        out.push(r);
    }
}

/// The sign-in record's detail: the outcome (as before, flattened), the second try with the
/// expected user-name form, and the attempts made on this port against the run's cap.
#[derive(serde::Serialize)]
struct AuthDetail<'a> {
    #[serde(flatten)]
    outcome: &'a AuthOutcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    retry: Option<&'a crate::checks::smtp::AuthRetry>,
    attempts: u8,
    attempts_cap: u8,
}

/// The sign-in summary with the second try and the number of attempts, when any were made.
fn with_attempts(p: &PortProbe, summary: String) -> String {
    let mut s = summary;
    if let Some(retry) = &p.auth_retry {
        let how = match &retry.outcome {
            AuthOutcome::Accepted { .. } => "accepted".to_string(),
            AuthOutcome::Rejected { reply, .. } => format!("rejected too: {reply}"),
            AuthOutcome::NotTried { reason } => format!("not tried: {reason}"),
            other => format!("{other:?}"),
        };
        let _ = write!(s, "; then as {}: {how}", retry.user);
    }
    if p.sign_in_attempts > 0 {
        let n = p.sign_in_attempts;
        let cap = crate::checks::gate::SIGN_IN_CAP;
        let _ = write!(
            s,
            " ({n} sign-in attempt{} on this port; at most {cap} per run)",
            if n == 1 { "" } else { "s" }
        );
    }
    s
}

fn first_line(p: &PortProbe) -> String {
    p.greeting
        .as_ref()
        .map(std::string::ToString::to_string)
        .unwrap_or_default()
}
