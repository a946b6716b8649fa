//! What the MTA refused, read from its rejection lines: mail sent without signing in
//! (`config.auth_missing`: "Relay access denied", "Authentication required"), a sender
//! address the login does not own (`config.sender_rejected`: "not owned by user"), no
//! encryption before AUTH (`config.encryption_off`: "Must issue a STARTTLS command
//! first"), and the address on a DNS blocklist (`reputation.client_ip_listed`).

use super::Cause;
use crate::server::context::Ctx;
use crate::server::findings::Findings;
use crate::server::model::{command, escape_control, LogEntry, LogEvent};
use crate::server::wording::{fill, wording};
use crate::tree::Confidence;

use super::{cause, ip};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    AuthMissing,
    Sender,
    Encryption,
    Listed,
}

/// What a rejection line says, by the MTAs' own wording (Postfix, Exim, Microsoft's 5.7.57).
fn kind(e: &LogEntry) -> Option<Kind> {
    let text =
        format!("{} {}", e.reply.as_deref().unwrap_or_default(), e.line).to_ascii_lowercase();
    if text.contains("not owned by user") || text.contains("sender address rejected: not logged in")
    {
        Some(Kind::Sender)
    } else if text.contains("must issue a starttls") {
        Some(Kind::Encryption)
    } else if text.contains("relay access denied")
        || text.contains("authentication required")
        || text.contains("relay not permitted")
        || text.contains("5.7.57")
    {
        Some(Kind::AuthMissing)
    } else if text.contains("blocked using ") {
        Some(Kind::Listed)
    } else {
        None
    }
}

/// The server's words: the reply the scanner picked out, else the line itself.
fn reply(e: &LogEntry) -> String {
    escape_control(e.reply.as_deref().unwrap_or(&e.line))
}

/// The text between `start` and the first of `ends` after it.
fn between<'a>(line: &'a str, start: &str, ends: &[char]) -> Option<&'a str> {
    let i = line.find(start)? + start.len();
    let rest = &line[i..];
    let j = rest.find(|c| ends.contains(&c)).unwrap_or(rest.len());
    Some(rest[..j].trim()).filter(|s| !s.is_empty())
}

/// The refused sender: Postfix's `from=<...>`, else the `<...>` before "Sender address".
fn sender(e: &LogEntry) -> Option<String> {
    between(&e.line, "from=<", &['>'])
        .or_else(|| {
            let at = e.line.find("Sender address")?;
            let head = &e.line[..at];
            let open = head.rfind('<')?;
            between(&head[open..], "<", &['>'])
        })
        .map(escape_control)
}

/// The blocklist in Postfix's "blocked using zen.spamhaus.org;".
fn blocklist(e: &LogEntry) -> Option<String> {
    between(&e.line, "blocked using ", &[';', ',', ' ']).map(escape_control)
}

pub fn causes(ctx: &Ctx, f: &Findings) -> Vec<Cause> {
    let rejected: Vec<(&LogEntry, Kind)> = f
        .log
        .iter()
        .filter(|e| e.event == LogEvent::Rejected)
        .filter_map(|e| kind(e).map(|k| (e, k)))
        .collect();
    let w = &wording().rejected;
    let addr = ip(ctx);
    let account = ctx.account.as_deref().map(escape_control);
    let mut out = Vec::new();
    for k in [
        Kind::AuthMissing,
        Kind::Encryption,
        Kind::Sender,
        Kind::Listed,
    ] {
        let lines: Vec<&LogEntry> = rejected
            .iter()
            .filter(|(_, x)| *x == k)
            .map(|(e, _)| *e)
            .collect();
        let Some(first) = lines.first() else {
            continue;
        };
        let r = reply(first);
        let evidence = lines.iter().map(|e| e.id.clone()).collect();
        out.push(match k {
            Kind::AuthMissing => cause(
                "config.auth_missing",
                Confidence::Confirmed,
                w.auth_missing_title.clone(),
                fill(&w.auth_missing_explanation, &[("ip", &addr), ("reply", &r)]),
                vec![match &account {
                    Some(a) => fill(&w.auth_missing_step, &[("account", a)]),
                    None => w.auth_missing_step_unnamed.clone(),
                }],
                evidence,
            ),
            Kind::Encryption => cause(
                "config.encryption_off",
                Confidence::Confirmed,
                w.encryption_title.clone(),
                fill(&w.encryption_explanation, &[("reply", &r)]),
                vec![w.encryption_step.clone()],
                evidence,
            ),
            Kind::Sender => {
                let s = lines
                    .iter()
                    .find_map(|e| sender(e))
                    .unwrap_or_else(|| "?".into());
                cause(
                    "config.sender_rejected",
                    Confidence::Confirmed,
                    fill(&w.sender_title, &[("sender", &s)]),
                    fill(&w.sender_explanation, &[("sender", &s), ("reply", &r)]),
                    vec![fill(&w.sender_step, &[("sender", &s)])],
                    evidence,
                )
            }
            Kind::Listed => {
                let list = lines
                    .iter()
                    .find_map(|e| blocklist(e))
                    .unwrap_or_else(|| "?".into());
                let mut fix = vec![w.listed_step.clone()];
                if let Some(query) = dnsbl_query(ctx, &list) {
                    let cmd = command(&["dig", "+short", "TXT", &query]);
                    fix.push(fill(&w.listed_step_lookup, &[("command", &cmd)]));
                }
                cause(
                    "reputation.client_ip_listed",
                    Confidence::Confirmed,
                    fill(&w.listed_title, &[("ip", &addr), ("list", &list)]),
                    fill(&w.listed_explanation, &[("list", &list), ("reply", &r)]),
                    fix,
                    evidence,
                )
            }
        });
    }
    out
}

/// The DNS name that tells an IPv4 address's listing on `list` (`7.100.51.198.zen...`).
fn dnsbl_query(ctx: &Ctx, list: &str) -> Option<String> {
    let std::net::IpAddr::V4(v4) = ctx.client else {
        return None;
    };
    let valid = !list.is_empty()
        && list
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    let [a, b, c, d] = v4.octets();
    valid.then(|| format!("{d}.{c}.{b}.{a}.{list}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::diagnose::tests::{codes, outcomes, run};
    use crate::server::run::tests::{entry, T0};

    fn rejected(line: &str) -> LogEntry {
        entry(T0 + 100, LogEvent::Rejected, line)
    }

    #[test]
    fn relay_access_denied_is_auth_missing() {
        let mut o = outcomes();
        let mut e = rejected("NOQUEUE: reject: RCPT from unknown[198.51.100.7]: 554 5.7.1 <bob@other.test>: Relay access denied; from=<alice@example.test> to=<bob@other.test> proto=ESMTP helo=<pc>");
        e.reply = Some("554 5.7.1 <bob@other.test>: Relay access denied".into());
        o.logs.entries.push(e);
        let d = run(o);
        assert_eq!(codes(&d), ["config.auth_missing"]);
        let c = &d.causes[0];
        assert!(c
            .explanation
            .ends_with(": 554 5.7.1 <bob@other.test>: Relay access denied"));
        assert!(c.fix[0].contains("sign in as alice@example.test"));
        assert_eq!(c.evidence, ["log.0"]);
    }

    #[test]
    fn sender_not_owned_names_the_address() {
        let mut o = outcomes();
        o.logs.entries.push(rejected("NOQUEUE: reject: RCPT from unknown[198.51.100.7]: 553 5.7.1 <boss@example.test>: Sender address rejected: not owned by user alice@example.test; from=<boss@example.test> to=<x@y.test>"));
        let d = run(o);
        assert_eq!(codes(&d), ["config.sender_rejected"]);
        assert_eq!(
            d.causes[0].title,
            "The server refuses the sender address boss@example.test"
        );
        // Without from=<...>, the address before "Sender address" is taken.
        let e = rejected(
            "reject: 553 5.7.1 <ceo@example.test>: Sender address rejected: not owned by user a",
        );
        assert_eq!(sender(&e).as_deref(), Some("ceo@example.test"));
    }

    #[test]
    fn starttls_required_and_blocklists() {
        let mut o = outcomes();
        o.logs.entries.push(rejected("NOQUEUE: reject: AUTH from unknown[198.51.100.7]: 530 5.7.0 Must issue a STARTTLS command first"));
        o.logs.entries.push(rejected("NOQUEUE: reject: RCPT from unknown[198.51.100.7]: 554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/198.51.100.7"));
        let d = run(o);
        assert_eq!(
            codes(&d),
            ["config.encryption_off", "reputation.client_ip_listed"]
        );
        let listed = &d.causes[1];
        assert_eq!(
            listed.title,
            "The server refuses 198.51.100.7 because it is on the blocklist zen.spamhaus.org"
        );
        assert_eq!(
            listed.fix.last().unwrap(),
            "To see the listing's reason: dig +short TXT 7.100.51.198.zen.spamhaus.org"
        );
    }

    #[test]
    fn other_rejections_name_no_cause() {
        let mut o = outcomes();
        o.logs.entries.push(rejected("NOQUEUE: reject: RCPT from unknown[198.51.100.7]: 450 4.1.2 <x@nowhere.test>: Recipient address rejected: Domain not found"));
        assert_eq!(codes(&run(o)), ["ok.client_not_blocked"]);
    }
}
