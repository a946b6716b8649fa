//! The envelope test: would the server take a message from this sender to this recipient?
//! (MAIL FROM, RCPT TO, then RSET: no mail is sent.)

use super::sign_in::session;
use super::{outcomes, Signal};
use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome};
use crate::checks::{CheckId, SmtpStage};
use crate::diagnosis::context::Ctx;
use crate::protocol::reply::Reply;

outcomes! {
    pub enum EnvelopeOutcomeKind {
        Accepted = "accepted",
        AuthRequired = "auth_required",
        RelayDenied = "relay_denied",
        SenderRejected = "sender_rejected",
        RecipientRejected = "recipient_rejected",
        ClientBlocked = "client_blocked",
        TlsRequired = "tls_required",
        TempFailure = "temp_failure",
        NotTried = "not_tried",
    }
}

/// MAIL FROM / RCPT TO / RSET on the port under test.
pub struct Envelope;

impl Signal for Envelope {
    const NAME: &'static str = "envelope";
    const MEANING: &'static str =
        "MAIL FROM / RCPT TO / RSET on the port under test; no mail is sent.";
    type Outcome = EnvelopeOutcomeKind;

    fn evaluate(cx: &Ctx) -> Option<EnvelopeOutcomeKind> {
        use EnvelopeOutcomeKind as O;
        let Some(p) = session(cx)? else {
            return Some(O::NotTried);
        };
        let authenticated = matches!(p.auth, Some(AuthOutcome::Accepted { .. }));
        Some(match p.envelope.as_ref()? {
            EnvelopeOutcome::Accepted => O::Accepted,
            EnvelopeOutcome::NotTried { .. } | EnvelopeOutcome::Error { .. } => O::NotTried,
            EnvelopeOutcome::MailRejected { reply } => {
                classify_rejection(reply, authenticated, true)
            }
            EnvelopeOutcome::RcptRejected { reply } => {
                classify_rejection(reply, authenticated, false)
            }
        })
    }

    fn evidence(cx: &Ctx) -> Vec<CheckId> {
        cx.facts
            .session_port()
            .map(|p| CheckId::Stage(p.port, SmtpStage::Envelope))
            .into_iter()
            .collect()
    }
}

/// Sorts a MAIL/RCPT rejection into the envelope signal's outcomes.
pub fn classify_rejection(
    reply: &Reply,
    authenticated: bool,
    at_mail: bool,
) -> EnvelopeOutcomeKind {
    use EnvelopeOutcomeKind as O;
    let text = reply.text().to_ascii_lowercase();
    let enhanced = reply.enhanced.map(|e| e.to_string()).unwrap_or_default();
    let mentions = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if mentions(&[
        "spamhaus",
        "blocked using",
        "blacklist",
        "blocklist",
        "dnsbl",
        "rbl",
        "listed",
    ]) {
        return O::ClientBlocked;
    }
    if reply.code == 530 && mentions(&["starttls"]) || enhanced == "5.7.11" {
        return O::TlsRequired;
    }
    if enhanced == "5.7.57"
        || enhanced == "5.7.30"
        || (reply.code == 530 && !mentions(&["starttls"]))
        || mentions(&[
            "authentication required",
            "not authenticated",
            "auth required",
        ])
    {
        return O::AuthRequired;
    }
    if mentions(&[
        "not logged in",
        "must authenticate",
        "authentication is required",
    ]) {
        return O::AuthRequired;
    }
    if mentions(&[
        "sender address rejected",
        "not owned",
        "send as",
        "sender not",
        "relaying disallowed as",
    ]) {
        return O::SenderRejected;
    }
    if mentions(&[
        "relay access denied",
        "relaying denied",
        "relay not permitted",
        "unable to relay",
        "relaying not allowed",
    ]) {
        return if authenticated {
            O::RecipientRejected
        } else {
            O::RelayDenied
        };
    }
    if reply.is_transient() {
        return O::TempFailure;
    }
    if at_mail {
        O::SenderRejected
    } else if !authenticated && enhanced == "5.7.1" {
        O::RelayDenied
    } else {
        O::RecipientRejected
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::reply::EnhancedCode;

    fn reply(code: u16, enh: Option<(u8, u16, u16)>, text: &str) -> Reply {
        Reply {
            code,
            enhanced: enh.map(|(class, subject, detail)| EnhancedCode {
                class,
                subject,
                detail,
            }),
            lines: vec![text.to_string()],
        }
    }

    #[test]
    fn rejections_are_sorted_by_meaning() {
        use EnvelopeOutcomeKind as O;
        let relay = reply(
            554,
            Some((5, 7, 1)),
            "5.7.1 <bob@x.test>: Relay access denied",
        );
        assert_eq!(classify_rejection(&relay, false, false), O::RelayDenied);
        assert_eq!(
            classify_rejection(&relay, true, false),
            O::RecipientRejected
        );
        let sender = reply(
            553,
            Some((5, 7, 1)),
            "5.7.1 <x@y>: Sender address rejected: not owned by user alice",
        );
        assert_eq!(classify_rejection(&sender, true, false), O::SenderRejected);
        let anon = reply(
            553,
            Some((5, 7, 1)),
            "5.7.1 <a@b>: Sender address rejected: not logged in",
        );
        assert_eq!(classify_rejection(&anon, false, false), O::AuthRequired);
        let ms = reply(
            530,
            Some((5, 7, 57)),
            "5.7.57 Client not authenticated to send mail",
        );
        assert_eq!(classify_rejection(&ms, false, true), O::AuthRequired);
        let tls = reply(
            530,
            Some((5, 7, 0)),
            "5.7.0 Must issue a STARTTLS command first",
        );
        assert_eq!(classify_rejection(&tls, false, true), O::TlsRequired);
        let rbl = reply(
            554,
            Some((5, 7, 1)),
            "Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org",
        );
        assert_eq!(classify_rejection(&rbl, false, false), O::ClientBlocked);
        let busy = reply(451, Some((4, 3, 0)), "4.3.0 Temporary lookup failure");
        assert_eq!(classify_rejection(&busy, true, false), O::TempFailure);
    }
}
