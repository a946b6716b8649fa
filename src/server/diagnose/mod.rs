//! From findings to causes: which codes of causes.toml (and causes-ext.toml) the server's
//! own evidence supports, each with a plain title, an explanation, numbered fix steps that
//! end in the exact commands, and the ids of its evidence (`block.N`, `log.N`,
//! `service.PORT`). Pure: the same findings give the same diagnosis.
//!
//! One module per kind of evidence: [`blocks`] (firewall rules, ban lists, access maps),
//! [`auth`] (failed sign-ins, how close they are to a ban), [`rejections`] (what the MTA
//! refused and why), [`services`] (ports, AUTH, certificates).
//!
//! The verdict: `problem` when any cause was found; else `inconclusive` when a firewall or
//! ban-list source that is there could not be read (a block there would not show); else
//! `ok`, with `ok.client_not_blocked` as the only cause.

pub mod auth;
pub mod blocks;
pub mod rejections;
pub mod services;

use serde::Serialize;

use crate::diagnosis::Verdict;
use crate::tree::Confidence;

use super::context::Ctx;
use super::findings::Findings;
use super::model::{command, escape_control, SourceStatus};
use super::wording::{fill, wording};

/// A cause in the server report: the fields of the contract's `causes[]`. Its evidence names
/// the report's own items (`block.N`, `log.N`, `service.PORT`), not the client's checks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cause {
    pub code: String,
    pub confidence: Confidence,
    pub title: String,
    pub explanation: String,
    pub fix: Vec<String>,
    pub evidence: Vec<String>,
}

/// The verdict and the causes, most certain first.
#[derive(Debug, Clone)]
pub struct ServerDiagnosis {
    pub verdict: Verdict,
    pub causes: Vec<Cause>,
}

pub fn diagnose(ctx: &Ctx, f: &Findings) -> ServerDiagnosis {
    let blocked = blocks::blocked(ctx, f);
    let is_blocked = blocked.is_some();
    let mut causes: Vec<Cause> = Vec::new();
    causes.extend(blocked);
    causes.extend(services::causes(ctx, f));
    causes.extend(rejections::causes(ctx, f));
    causes.extend(auth::rejected(ctx, f));
    if !is_blocked {
        causes.extend(auth::near_ban(ctx, f));
    }
    // Stable: within one confidence the order above (what stops sending first) stands.
    causes.sort_by_key(|c| c.confidence);
    let unread = unreadable(ctx, f);
    if causes.is_empty() {
        return match unread {
            Some(c) => ServerDiagnosis {
                verdict: Verdict::Inconclusive,
                causes: vec![c],
            },
            None => ServerDiagnosis {
                verdict: Verdict::Ok,
                causes: vec![ok(ctx, f)],
            },
        };
    }
    if !is_blocked {
        causes.extend(unread);
    }
    ServerDiagnosis {
        verdict: Verdict::Problem,
        causes,
    }
}

pub(crate) fn cause(
    code: &str,
    confidence: Confidence,
    title: String,
    explanation: String,
    fix: Vec<String>,
    evidence: Vec<String>,
) -> Cause {
    Cause {
        code: code.to_string(),
        confidence,
        title,
        explanation,
        fix,
        evidence,
    }
}

/// Sentences joined with single spaces, empty ones left out.
pub(crate) fn sentences(parts: &[String]) -> String {
    parts
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "a", "a and b", "a, b and c".
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub(crate) fn ip(ctx: &Ctx) -> String {
    ctx.client.to_string()
}

/// The command that reads this host again for the same client.
pub(crate) fn check_again(ctx: &Ctx) -> String {
    command(&["smtp-doctor", "server", "--client-ip", &ip(ctx)])
}

/// Firewall sources that are there but could not be read: a possible cause of its own.
fn unreadable(ctx: &Ctx, f: &Findings) -> Option<Cause> {
    if f.firewall_unread.is_empty() {
        return None;
    }
    let w = &wording().unreadable;
    let names: Vec<String> = f
        .firewall_unread
        .iter()
        .map(|s| {
            let status = match s.status {
                SourceStatus::Denied => "permission denied",
                _ => "failed",
            };
            let detail = escape_control(&s.detail);
            if detail.is_empty() {
                format!("{} ({status})", escape_control(&s.name))
            } else {
                format!("{} ({status}: {detail})", escape_control(&s.name))
            }
        })
        .collect();
    let sources = names.join("; ");
    // Denied means not root; another failure is the tool's own and needs its fix first.
    let step = if f
        .firewall_unread
        .iter()
        .any(|s| s.status == SourceStatus::Denied)
    {
        let cmd = command(&["sudo", "smtp-doctor", "server", "--client-ip", &ip(ctx)]);
        fill(&w.step_root, &[("command", &cmd)])
    } else {
        fill(&w.step_again, &[("command", &check_again(ctx))])
    };
    Some(cause(
        "unknown.firewall_unreadable",
        Confidence::Possible,
        w.title.clone(),
        fill(&w.explanation, &[("sources", &sources)]),
        vec![step],
        Vec::new(),
    ))
}

fn ok(ctx: &Ctx, f: &Findings) -> Cause {
    // Many rotated log files would drown the sentence: the first few, then a count.
    const SHOWN: usize = 6;
    let w = &wording().ok;
    let read: Vec<String> = f
        .sources
        .iter()
        .filter(|s| s.status == SourceStatus::Read)
        .map(|s| escape_control(&s.name))
        .collect();
    let read = match read.len() {
        0 => "nothing".to_string(),
        n if n <= SHOWN => read.join(", "),
        n => format!("{} and {} more", read[..SHOWN].join(", "), n - SHOWN),
    };
    let allowed: Vec<String> = f
        .blocks
        .iter()
        .filter(|b| b.effect == super::model::Effect::Allow)
        .map(|b| format!("{} {}", b.id, escape_control(&b.location)))
        .collect();
    let other: Vec<String> = f
        .blocks
        .iter()
        .filter(|b| b.blocks() && !blocks::touches_mail(b))
        .map(|b| format!("{} {}", b.id, escape_control(&b.location)))
        .collect();
    let mut parts = vec![fill(&w.explanation, &[("read", &read)])];
    let refusals: Vec<&str> = f
        .log
        .iter()
        .filter(|e| e.event == super::model::LogEvent::Rejected)
        .map(|e| e.id.as_str())
        .collect();
    if refusals.is_empty() {
        parts.push(w.quiet_logs.clone());
    } else {
        parts.push(fill(&w.other_refusals, &[("ids", &refusals.join(", "))]));
    }
    if !allowed.is_empty() {
        parts.push(fill(&w.allowed, &[("allowed", &allowed.join(", "))]));
    }
    if !other.is_empty() {
        parts.push(fill(&w.other_ports, &[("other_ports", &other.join(", "))]));
    }
    let email = ctx
        .account
        .as_deref()
        .filter(|a| a.contains('@'))
        .unwrap_or("ADDRESS");
    let cmd = command(&["smtp-doctor", "check", "--email", email]);
    let evidence = f
        .blocks
        .iter()
        .filter(|b| !b.blocks() || !blocks::touches_mail(b))
        .map(|b| b.id.clone())
        .collect();
    cause(
        "ok.client_not_blocked",
        Confidence::Confirmed,
        fill(&w.title, &[("ip", &ip(ctx))]),
        sentences(&parts),
        vec![fill(&w.step_retry, &[("command", &cmd)])],
        evidence,
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::server::model::{
        BlockSource, Effect, LogEvent, SourceEntry, SourceOutcome, SourceStatus,
    };
    use crate::server::run::tests::{block, ctx, entry, T0};
    use crate::server::run::{assemble, Outcomes};
    use crate::server::wording::unfilled;

    /// Every cause names a known code and carries no unfilled placeholder.
    pub fn sound(d: &ServerDiagnosis) {
        for c in &d.causes {
            assert!(crate::causes::is_known(&c.code), "unknown code {}", c.code);
            for s in std::iter::once(&c.title)
                .chain(std::iter::once(&c.explanation))
                .chain(c.fix.iter())
            {
                assert_eq!(unfilled(s), None, "{}: {s}", c.code);
                assert!(!s.trim().is_empty(), "{}: empty text", c.code);
            }
        }
    }

    pub fn read(name: &str) -> SourceOutcome {
        SourceOutcome {
            sources: vec![SourceEntry::new(name, SourceStatus::Read, "")],
            ..Default::default()
        }
    }

    pub fn outcomes() -> Outcomes {
        Outcomes {
            packet: read("iptables"),
            csf: read("csf"),
            fail2ban: read("fail2ban"),
            mta_access: read("postfix-access"),
            ..Default::default()
        }
    }

    pub fn run(o: Outcomes) -> ServerDiagnosis {
        let d = diagnose(&ctx(), &assemble(o));
        sound(&d);
        d
    }

    pub fn codes(d: &ServerDiagnosis) -> Vec<&str> {
        d.causes.iter().map(|c| c.code.as_str()).collect()
    }

    #[test]
    fn nothing_found_is_ok() {
        let d = run(outcomes());
        assert_eq!(d.verdict, Verdict::Ok);
        assert_eq!(codes(&d), ["ok.client_not_blocked"]);
        assert!(d.causes[0].title.contains("198.51.100.7"));
        assert!(d.causes[0]
            .fix
            .last()
            .unwrap()
            .ends_with("smtp-doctor check --email alice@example.test"));
    }

    #[test]
    fn an_allow_entry_and_a_block_of_other_ports_are_context_only() {
        let mut o = outcomes();
        o.csf.blocks.push(block(BlockSource::Csf, 0, Effect::Allow));
        let mut ssh = block(BlockSource::Iptables, 0, Effect::Drop);
        ssh.ports = vec![22];
        o.packet.blocks.push(ssh);
        let d = run(o);
        assert_eq!(d.verdict, Verdict::Ok);
        let c = &d.causes[0];
        assert!(
            c.explanation.contains("allow list: block.1"),
            "{}",
            c.explanation
        );
        assert!(
            c.explanation.contains("block.0 iptables:0"),
            "{}",
            c.explanation
        );
        assert_eq!(c.evidence, ["block.0", "block.1"]);
    }

    #[test]
    fn unreadable_firewall_with_nothing_found_is_inconclusive() {
        let mut o = outcomes();
        o.packet.sources = vec![
            SourceEntry::new(
                "iptables",
                SourceStatus::Denied,
                "iptables-save: permission denied (run as root)",
            ),
            SourceEntry::new("nftables", SourceStatus::Absent, "nft is not installed"),
        ];
        let d = run(o.clone());
        assert_eq!(d.verdict, Verdict::Inconclusive);
        assert_eq!(codes(&d), ["unknown.firewall_unreadable"]);
        assert!(d.causes[0]
            .explanation
            .contains("iptables (permission denied"));
        assert!(d.causes[0].fix[0].ends_with("sudo smtp-doctor server --client-ip 198.51.100.7"));

        // A tool that failed (not a permission) needs its own fix, not sudo.
        let mut failed = o.clone();
        failed.packet.sources[0].status = SourceStatus::Error;
        let d = run(failed);
        assert!(d.causes[0].fix[0].starts_with("See why they failed"));
        assert!(d.causes[0].fix[0].ends_with(": smtp-doctor server --client-ip 198.51.100.7"));

        // Something else found: a problem, and the unread source is still named.
        o.logs
            .entries
            .push(entry(T0 + 100, LogEvent::AuthFailed, "x 198.51.100.7"));
        let d = run(o);
        assert_eq!(d.verdict, Verdict::Problem);
        assert_eq!(
            codes(&d),
            ["config.auth_rejected", "unknown.firewall_unreadable"]
        );
    }

    #[test]
    fn absent_sources_do_not_make_it_inconclusive() {
        let mut o = outcomes();
        o.csf.sources = vec![SourceEntry::new(
            "csf",
            SourceStatus::Absent,
            "not installed",
        )];
        o.fail2ban.sources = vec![SourceEntry::new(
            "fail2ban",
            SourceStatus::Absent,
            "not installed",
        )];
        assert_eq!(run(o).verdict, Verdict::Ok);
    }

    #[test]
    fn causes_come_most_certain_first() {
        let mut o = outcomes();
        // A near ban (likely) found before a confirmed rejection in rule order.
        o.fail2ban.settings = vec![crate::server::model::Setting {
            source: "fail2ban:postfix-sasl".into(),
            name: "maxretry".into(),
            value: "5".into(),
            location: None,
        }];
        for t in 0..3 {
            let mut e = entry(T0 + t, LogEvent::AuthFailed, "fail 198.51.100.7");
            e.account = Some("alice@example.test".into());
            o.logs.entries.push(e);
        }
        let d = run(o);
        assert_eq!(
            codes(&d),
            ["config.auth_rejected", "server.auth_failures_near_ban"]
        );
        let confs: Vec<_> = d.causes.iter().map(|c| c.confidence).collect();
        let mut sorted = confs.clone();
        sorted.sort();
        assert_eq!(confs, sorted);
    }
}
