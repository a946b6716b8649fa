//! The envelope test: would the server take a message from this sender to this recipient?
//! (MAIL FROM, RCPT TO, then RSET: no mail is sent.)

use super::sign_in::session;
use super::{def, outcomes, read_reply, Reading, Signal, SignalDef};
use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome};
use crate::checks::{CheckId, SmtpStage};
use crate::diagnosis::context::Ctx;
use crate::protocol::reply::Reply;
use crate::replies::{Heard, Stage};

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
    const READS: &'static [Stage] = &[Stage::Mail, Stage::Rcpt];

    fn evaluate(cx: &Ctx) -> Option<EnvelopeOutcomeKind> {
        Self::read(cx).map(|r| r.outcome)
    }

    fn read(cx: &Ctx) -> Option<Reading<EnvelopeOutcomeKind>> {
        use EnvelopeOutcomeKind as O;
        let plain = |outcome| {
            Some(Reading {
                outcome,
                cause: None,
            })
        };
        let Some(p) = session(cx)? else {
            return plain(O::NotTried);
        };
        let signed_in = matches!(p.auth, Some(AuthOutcome::Accepted { .. }));
        match p.envelope.as_ref()? {
            EnvelopeOutcome::Accepted => plain(O::Accepted),
            EnvelopeOutcome::NotTried { .. } | EnvelopeOutcome::Error { .. } => plain(O::NotTried),
            EnvelopeOutcome::MailRejected { reply } => {
                Some(rejection(cx, Stage::Mail, reply, signed_in))
            }
            EnvelopeOutcome::RcptRejected { reply } => {
                Some(rejection(cx, Stage::Rcpt, reply, signed_in))
            }
        }
    }

    fn evidence(cx: &Ctx) -> Vec<CheckId> {
        cx.facts
            .session_port()
            .map(|p| CheckId::Stage(p.port, SmtpStage::Envelope))
            .into_iter()
            .collect()
    }
}

/// This family's signals, for the registry.
pub const SIGNALS: &[SignalDef] = &[def::<Envelope>()];

/// A refused sender or recipient, read by the reply rules.
fn rejection(
    cx: &Ctx,
    stage: Stage,
    reply: &Reply,
    signed_in: bool,
) -> Reading<EnvelopeOutcomeKind> {
    let heard = Heard::reply(stage, reply, Some(signed_in));
    // A cause a rule names (a provider's, a host's) does not change the outcome: a tree
    // that wants it branches on the cause itself.
    let (outcome, cause) = read_reply(cx, cx.provider_now(), &heard, |_| None);
    // The built-in rules end with catch-alls for both stages; these are their outcomes.
    let outcome = outcome.unwrap_or(match stage {
        Stage::Mail => EnvelopeOutcomeKind::SenderRejected,
        _ => EnvelopeOutcomeKind::RecipientRejected,
    });
    Reading { outcome, cause }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::facts::Facts;
    use crate::protocol::reply::{parse_lines, EnhancedCode};
    use crate::settings::Input;

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

    /// The envelope outcome of a rejection, as the rules read it for an address at
    /// `example.test` (no provider).
    fn classify(reply: &Reply, signed_in: bool, at_mail: bool) -> EnvelopeOutcomeKind {
        let catalog = Catalog::embedded().expect("embedded catalog");
        let input = Input::new("alice@example.test");
        let facts = Facts::default();
        let cx = Ctx::new(&catalog, &input, &facts);
        let stage = if at_mail { Stage::Mail } else { Stage::Rcpt };
        rejection(&cx, stage, reply, signed_in).outcome
    }

    #[test]
    fn rejections_are_sorted_by_meaning() {
        use EnvelopeOutcomeKind as O;
        let relay = reply(
            554,
            Some((5, 7, 1)),
            "5.7.1 <bob@x.test>: Relay access denied",
        );
        assert_eq!(classify(&relay, false, false), O::RelayDenied);
        assert_eq!(classify(&relay, true, false), O::RecipientRejected);
        let sender = reply(
            553,
            Some((5, 7, 1)),
            "5.7.1 <x@y>: Sender address rejected: not owned by user alice",
        );
        assert_eq!(classify(&sender, true, false), O::SenderRejected);
        let anon = reply(
            553,
            Some((5, 7, 1)),
            "5.7.1 <a@b>: Sender address rejected: not logged in",
        );
        assert_eq!(classify(&anon, false, false), O::AuthRequired);
        let ms = reply(
            530,
            Some((5, 7, 57)),
            "5.7.57 Client not authenticated to send mail",
        );
        assert_eq!(classify(&ms, false, true), O::AuthRequired);
        let tls = reply(
            530,
            Some((5, 7, 0)),
            "5.7.0 Must issue a STARTTLS command first",
        );
        assert_eq!(classify(&tls, false, true), O::TlsRequired);
        let rbl = reply(
            554,
            Some((5, 7, 1)),
            "Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org",
        );
        assert_eq!(classify(&rbl, false, false), O::ClientBlocked);
        let busy = reply(451, Some((4, 3, 0)), "4.3.0 Temporary lookup failure");
        assert_eq!(classify(&busy, true, false), O::TempFailure);
    }

    /// The stage before the words, and Exim's and cPanel's wordings (issue 18).
    #[test]
    fn the_stage_comes_before_the_words() {
        use EnvelopeOutcomeKind as O;
        // cPanel's refusal of a sender other than the signed-in user, which Exim gives at RCPT
        // in two lines: the sender is at fault, not the recipient.
        let spoof = parse_lines(&[
            b"550-Your FROM address ( bob@exim.test ) must match your authenticated email\r\n",
            b"550 user ( alice@exim.test ). Spoofing not allowed!\r\n",
        ])
        .expect("a reply");
        assert_eq!(classify(&spoof, true, false), O::SenderRejected);
        assert_eq!(classify(&spoof, true, true), O::SenderRejected);
        // At MAIL FROM no recipient was named: relay words after a sign-in refuse the sender.
        let relay = reply(
            554,
            Some((5, 7, 1)),
            "5.7.1 <bob@x.test>: Relay access denied",
        );
        assert_eq!(classify(&relay, true, true), O::SenderRejected);
        assert_eq!(classify(&relay, false, true), O::RelayDenied);
        let later = reply(451, Some((4, 7, 1)), "4.7.1 Relaying denied, try later");
        assert_eq!(classify(&later, true, true), O::TempFailure);
        // cPanel without a sign-in, at either stage.
        let cpanel = parse_lines(&[
            b"550-Please turn on SMTP Authentication in your mail client.\r\n",
            b"550-(client.test) [198.51.100.7]:50912 is not permitted to relay through\r\n",
            b"550 this server without authentication.\r\n",
        ])
        .expect("a reply");
        assert_eq!(classify(&cpanel, false, false), O::RelayDenied);
        assert_eq!(classify(&cpanel, false, true), O::RelayDenied);
        // Exim's `verify = sender` and its default configuration's blocklist wording.
        let verify = parse_lines(&[
            b"550-Verification failed for <bob@nowhere.test>\r\n",
            b"550-Unrouteable address\r\n",
            b"550 Sender verify failed\r\n",
        ])
        .expect("a reply");
        assert_eq!(classify(&verify, false, false), O::SenderRejected);
        let listed = reply(
            550,
            None,
            "rejected because 198.51.100.7 is in a black list at dnsbl.example.test",
        );
        assert_eq!(classify(&listed, false, false), O::ClientBlocked);
        // Exim's default relay refusal.
        let exim = reply(550, None, "relay not permitted");
        assert_eq!(classify(&exim, false, false), O::RelayDenied);
        assert_eq!(classify(&exim, true, false), O::RecipientRejected);
    }

    /// The keyword lists the rules of `assets/replies.toml` replaced, frozen here as they
    /// were, so that a test proves every reply is still read the same way.
    fn keyword_lists(reply: &Reply, authenticated: bool, at_mail: bool) -> EnvelopeOutcomeKind {
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

    /// What issue 18 changed on purpose, from what the frozen keyword lists say (`old`): the
    /// stage comes before the words (relay words at MAIL FROM after a sign-in refuse the
    /// sender, as no recipient was named yet), and Exim's and cPanel's wordings.
    fn changed_on_purpose(
        text: &str,
        stage: Stage,
        signed_in: bool,
        old: EnvelopeOutcomeKind,
    ) -> EnvelopeOutcomeKind {
        use EnvelopeOutcomeKind as O;
        let lower = text.to_ascii_lowercase();
        let any = |words: &[&str]| words.iter().any(|w| lower.contains(w));
        match old {
            O::RecipientRejected
                if any(&["must match your authenticated", "sender verify failed"]) =>
            {
                O::SenderRejected
            }
            O::RecipientRejected | O::SenderRejected
                if !signed_in && any(&["not permitted to relay"]) =>
            {
                O::RelayDenied
            }
            // The old lists put the relay words before the 4xx class.
            O::RecipientRejected if stage == Stage::Mail && signed_in => {
                if text.starts_with('4') {
                    O::TempFailure
                } else {
                    O::SenderRejected
                }
            }
            _ => old,
        }
    }

    #[test]
    fn every_reply_is_read_as_the_keyword_lists_read_it() {
        let catalog = Catalog::embedded().expect("embedded catalog");
        // Every sample the data carries (the profiles' and the built-in rules'), and replies
        // real servers send.
        let mut samples: Vec<String> = catalog
            .profiles
            .all()
            .iter()
            .flat_map(|p| p.reply.iter().filter_map(|r| r.example.clone()))
            .collect();
        samples.extend(
            crate::replies::BUILT_IN
                .lines()
                .filter_map(|l| l.strip_prefix("example = "))
                .map(|l| l.trim_matches('"').to_string()),
        );
        samples.extend(
            [
                "550 5.7.1 Customer suspended",
                "554 5.7.1 <bob@x.test>: Recipient address rejected: Access denied",
                "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown",
                "553 5.7.1 <x@y.test>: Sender address rejected: not owned by user alice",
                "550 5.7.1 Client host rejected: cannot find your hostname",
                "421 4.7.0 Too many connections",
                "452 4.5.3 Too many recipients",
                "530 5.7.0 Authentication required",
                "554 5.7.1 Your IP is listed at dnsbl.example",
                "550 5.7.11 Encryption required for requested authentication mechanism",
                "550 5.7.30 Basic authentication is not supported for Client Submission.",
                "530 5.7.57 Client not authenticated to send mail. [XX0PR00CA0000.example]",
                "550 5.7.60 SMTP; Client does not have permissions to send as this sender",
                "553 Relaying disallowed as someone@example.com",
                "550 relay not permitted",
                "550 Administrative prohibition",
                "550 Unrouteable address",
                "421 smtp.exim.test Too many concurrent SMTP connections; please try again later.",
            ]
            .map(String::from),
        );
        let input = Input::new("alice@example.test");
        let facts = Facts::default();
        let cx = Ctx::new(&catalog, &input, &facts);
        for text in &samples {
            let Ok(r) = parse_lines(&[text.as_bytes()]) else {
                continue;
            };
            for signed_in in [false, true] {
                for (stage, at_mail) in [(Stage::Mail, true), (Stage::Rcpt, false)] {
                    let old = keyword_lists(&r, signed_in, at_mail);
                    let want = changed_on_purpose(text, stage, signed_in, old);
                    assert_eq!(
                        rejection(&cx, stage, &r, signed_in).outcome,
                        want,
                        "{text} at {stage:?}, signed in: {signed_in}"
                    );
                }
            }
        }
        assert!(samples.len() > 30, "{}", samples.len());
    }
}
