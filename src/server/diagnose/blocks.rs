//! `server.client_ip_blocked`: a rule or list entry keeps the client out of a mail port.
//! Says what blocks it, since when, until when and why; proves it with the log lines that
//! show the refusals and the failed sign-ins that caused the ban; gives the command that
//! lifts each block and the one that keeps the address from being blocked again.

use super::Cause;
use crate::server::context::Ctx;
use crate::server::findings::Findings;
use crate::server::model::{escape_control, Block, BlockSource, Effect, LogEvent};
use crate::server::window::{human, parse_rfc3339};
use crate::server::wording::{fill, wording};
use crate::tree::Confidence;

use super::{and_list, auth, cause, check_again, ip, sentences};

/// The ports mail programs connect to.
pub const MAIL_PORTS: [u16; 3] = [25, 465, 587];

/// Does this entry apply to a mail port (an entry without ports applies to all)?
pub fn touches_mail(b: &Block) -> bool {
    b.ports.is_empty() || b.ports.iter().any(|p| MAIL_PORTS.contains(p))
}

/// The entries that keep the client away from mail, in packet order.
pub fn mail_blocks(f: &Findings) -> Vec<&Block> {
    f.blocks
        .iter()
        .filter(|b| b.blocks() && touches_mail(b))
        .collect()
}

/// The tool behind an entry, in words: CSF's own iptables chain is CSF's block.
pub fn owner_name(b: &Block) -> String {
    let n = &wording().names;
    match b.made_by.unwrap_or(b.source) {
        BlockSource::Iptables => n.iptables.clone(),
        BlockSource::Nftables => n.nftables.clone(),
        BlockSource::Ipset => n.ipset.clone(),
        BlockSource::Csf => n.csf.clone(),
        BlockSource::Fail2ban => n.fail2ban.clone(),
        BlockSource::MtaAccess => n.mta_access.clone(),
        BlockSource::TcpWrappers => n.tcp_wrappers.clone(),
    }
}

/// A time from a source for people (`2026-12-01 09:00 UTC`), or as the source wrote it.
pub fn when(s: &str) -> String {
    parse_rfc3339(s).map_or_else(|| escape_control(s), human)
}

/// `block.3 /etc/csf/csf.deny:12 (since ..., with no end date, reason: ...)`.
fn describe(b: &Block) -> String {
    let w = &wording().blocked;
    let mut details = Vec::new();
    if let Some(s) = &b.since {
        details.push(fill(&w.entry_since, &[("since", &when(s))]));
    }
    match &b.until {
        Some(u) => details.push(fill(&w.entry_until, &[("until", &when(u))])),
        // Only list entries carry times; a bare rule says nothing about its end.
        None if b.since.is_some() => details.push(w.entry_permanent.clone()),
        None => {}
    }
    if let Some(r) = &b.reason {
        details.push(fill(&w.entry_reason, &[("reason", &escape_control(r))]));
    }
    let head = fill(
        &w.entry,
        &[("id", &b.id), ("where", &escape_control(&b.location))],
    );
    if details.is_empty() {
        head
    } else {
        format!("{head} ({})", details.join(", "))
    }
}

/// What the customer's mail program sees, from the first entry that acts on packets or
/// sessions (a list entry alone says nothing about how it is enforced).
fn effect_sentence(blocks: &[&Block]) -> String {
    let w = &wording().blocked;
    blocks
        .iter()
        .find_map(|b| match b.effect {
            Effect::Drop => Some(w.effect_drop.clone()),
            Effect::Reject => Some(w.effect_reject.clone()),
            Effect::RefuseSession => Some(w.effect_session.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// Adds `item` unless it is there already (commands shared by a rule and its list entry).
fn push_new(v: &mut Vec<(String, String)>, item: (String, String)) {
    if !v.iter().any(|(c, _)| *c == item.0) {
        v.push(item);
    }
}

/// An allow rule of the packet filter that comes before every blocking rule of it, when
/// nothing after the packet filter (TCP wrappers, the MTA) blocks too: then the packet may
/// be accepted before it reaches the block (iptables stops at the first ACCEPT of a chain;
/// whether a jump returns first, only the rules tell).
fn allowed_first<'a>(f: &'a Findings, blocks: &[&Block]) -> Option<&'a Block> {
    let packet = |b: &Block| crate::server::findings::stage(b.source) == 0;
    if blocks
        .iter()
        .any(|b| crate::server::findings::stage(b.source) >= 3)
    {
        return None;
    }
    let first_block = f
        .blocks
        .iter()
        .position(|b| packet(b) && b.blocks() && touches_mail(b))?;
    f.blocks[..first_block]
        .iter()
        .find(|b| packet(b) && b.effect == Effect::Allow && touches_mail(b))
}

pub fn blocked(ctx: &Ctx, f: &Findings) -> Option<Cause> {
    let blocks = mail_blocks(f);
    if blocks.is_empty() {
        return None;
    }
    let shadow = allowed_first(f, &blocks);
    let w = &wording().blocked;
    let mut owners: Vec<String> = Vec::new();
    for b in &blocks {
        let o = owner_name(b);
        if !owners.contains(&o) {
            owners.push(o);
        }
    }
    let failures = auth::from_address(ctx, f);
    let refused: Vec<_> = f
        .log
        .iter()
        .filter(|e| e.event == LogEvent::Rejected)
        .collect();

    let mut parts = vec![format!(
        "{}.",
        blocks
            .iter()
            .map(|b| describe(b))
            .collect::<Vec<_>>()
            .join("; ")
    )];
    parts.push(effect_sentence(&blocks));
    if let (Some(first), Some(last)) = (failures.first(), failures.last()) {
        parts.push(fill(
            &w.failures,
            &[
                ("n", &failures.len().to_string()),
                ("first", &human(first.unix)),
                ("last", &human(last.unix)),
            ],
        ));
    }
    if !refused.is_empty() {
        parts.push(fill(&w.refused, &[("n", &refused.len().to_string())]));
    }
    if let Some(a) = shadow {
        let allow = format!("{} {}", a.id, escape_control(&a.location));
        parts.push(fill(&w.allowed_first, &[("allow", &allow)]));
    }

    let mut fix = Vec::new();
    if !failures.is_empty() {
        let seen = auth::names(&failures);
        let seen = if seen.is_empty() {
            ctx.account.iter().cloned().collect()
        } else {
            seen
        };
        fix.push(if seen.is_empty() {
            w.step_password_first_unnamed.clone()
        } else {
            fill(&w.step_password_first, &[("seen", &and_list(&seen))])
        });
    }
    let mut unblock = Vec::new();
    let mut allow = Vec::new();
    // A rule that CSF or fail2ban made is lifted through that tool. When the tool's own list
    // names the address too, that entry knows the exact command (`csf -dr` for csf.deny,
    // `csf -tr` for a temporary ban), so the rule's guesses are left out of the steps.
    let listed: Vec<BlockSource> = blocks
        .iter()
        .filter(|b| b.made_by.is_none())
        .map(|b| b.source)
        .collect();
    for b in &blocks {
        if b.made_by.is_some_and(|tool| listed.contains(&tool)) {
            continue;
        }
        let place = escape_control(&b.location);
        if b.unblock.is_empty() {
            fix.push(fill(
                &w.step_by_hand,
                &[("where", &place), ("rule", &escape_control(&b.rule))],
            ));
        }
        for c in &b.unblock {
            push_new(&mut unblock, (escape_control(c), place.clone()));
        }
        for c in &b.allow {
            push_new(&mut allow, (escape_control(c), place.clone()));
        }
    }
    for (c, place) in unblock {
        fix.push(fill(&w.step_unblock, &[("where", &place), ("command", &c)]));
    }
    for (c, _) in allow {
        fix.push(fill(&w.step_allow, &[("command", &c)]));
    }
    fix.push(fill(&w.step_check_again, &[("command", &check_again(ctx))]));

    let mut evidence: Vec<String> = shadow
        .into_iter()
        .chain(blocks.iter().copied())
        .map(|b| b.id.clone())
        .collect();
    // Refusals and failures are different lines; together in time order.
    let mut logs: Vec<&crate::server::model::LogEntry> =
        refused.into_iter().chain(failures).collect();
    logs.sort_by_key(|e| e.unix);
    evidence.extend(logs.into_iter().map(|e| e.id.clone()));

    Some(cause(
        "server.client_ip_blocked",
        if shadow.is_some() {
            Confidence::Likely
        } else {
            Confidence::Confirmed
        },
        fill(&w.title, &[("ip", &ip(ctx)), ("by", &and_list(&owners))]),
        sentences(&parts),
        fix,
        evidence,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnosis::Verdict;
    use crate::server::diagnose::tests::{codes, outcomes, run};
    use crate::server::run::tests::{block, entry, T0};

    fn csf_ban() -> (Block, Block) {
        let mut rule = block(BlockSource::Iptables, 4, Effect::Drop);
        rule.location = "filter/DENYIN".into();
        rule.rule = "-A DENYIN -s 198.51.100.7/32 -j DROP".into();
        rule.made_by = Some(BlockSource::Csf);
        // What the packet filter alone can say: CSF made it, deny or temporary.
        rule.unblock = vec!["csf -dr 198.51.100.7".into(), "csf -tr 198.51.100.7".into()];
        rule.allow = vec!["csf -a 198.51.100.7".into()];
        let mut entry = block(BlockSource::Csf, 0, Effect::Deny);
        entry.location = "/etc/csf/csf.deny:12".into();
        entry.rule = "198.51.100.7 # lfd: (smtpauth) Failed SMTP AUTH login".into();
        entry.reason = Some(
            "(smtpauth) Failed SMTP AUTH login from 198.51.100.7: 5 in the last 3600 secs".into(),
        );
        entry.since = Some("2026-12-01T09:12:00Z".into());
        entry.unblock = vec!["csf -dr 198.51.100.7".into()];
        entry.allow = vec!["csf -a 198.51.100.7 'customer alice'".into()];
        (rule, entry)
    }

    #[test]
    fn a_csf_ban_is_confirmed_with_since_why_and_commands() {
        let mut o = outcomes();
        let (rule, csf) = csf_ban();
        o.packet.blocks.push(rule);
        o.csf.blocks.push(csf);
        for t in 0..5 {
            let mut e = entry(
                T0 + t * 60,
                LogEvent::AuthFailed,
                "postfix/submission/smtpd[1]: warning: unknown[198.51.100.7]: SASL LOGIN authentication failed",
            );
            e.account = (t == 4).then(|| "alice@exmaple.test".to_string());
            o.logs.entries.push(e);
        }
        o.logs.entries.push(entry(
            T0 + 1000,
            LogEvent::Connect,
            "connect from unknown[198.51.100.7]",
        ));
        let d = run(o);
        assert_eq!(d.verdict, Verdict::Problem);
        assert_eq!(codes(&d)[0], "server.client_ip_blocked");
        let c = &d.causes[0];
        assert_eq!(c.confidence, Confidence::Confirmed);
        assert_eq!(c.title, "198.51.100.7 is blocked by CSF");
        assert!(c.explanation.starts_with("block.0 filter/DENYIN; block.1 /etc/csf/csf.deny:12 (since 2026-12-01 09:12 UTC, with no end date, reason: (smtpauth)"), "{}", c.explanation);
        assert!(c.explanation.contains("time-out"), "{}", c.explanation);
        assert!(
            c.explanation.contains("5 failed sign-ins"),
            "{}",
            c.explanation
        );
        assert_eq!(
            c.fix,
            [
                "Before lifting the block, have the customer correct the password in the mail program (the server saw the login name alice@exmaple.test); otherwise the failures start again and the block comes back.",
                "Lift the block (/etc/csf/csf.deny:12): csf -dr 198.51.100.7",
                "Only if this address must never be blocked again (it then also escapes the brute-force protection): csf -a 198.51.100.7 'customer alice'",
                "Check that it is gone: smtp-doctor server --client-ip 198.51.100.7",
            ]
        );
        assert_eq!(
            c.evidence,
            ["block.0", "block.1", "log.0", "log.1", "log.2", "log.3", "log.4"]
        );
        // The ban explains the failures: no near-ban warning beside it.
        assert!(!codes(&d).contains(&"server.auth_failures_near_ban"));
    }

    #[test]
    fn a_session_refusal_without_a_command_is_removed_by_hand() {
        let mut o = outcomes();
        let mut b = block(BlockSource::MtaAccess, 0, Effect::RefuseSession);
        b.location = "/etc/postfix/access:3".into();
        b.rule = "198.51.100.7 REJECT".into();
        o.mta_access.blocks.push(b);
        o.logs.entries.push(entry(
            T0 + 500,
            LogEvent::Rejected,
            "NOQUEUE: reject: CONNECT from unknown[198.51.100.7]: 554 5.7.1 <unknown[198.51.100.7]>: Client host rejected: Access denied",
        ));
        let d = run(o);
        let c = &d.causes[0];
        assert_eq!(c.code, "server.client_ip_blocked");
        assert_eq!(
            c.title,
            "198.51.100.7 is blocked by the mail server's access rules"
        );
        assert!(c.explanation.contains("turns the session away"));
        assert!(c.explanation.contains("refusing it 1 times"));
        assert_eq!(
            c.fix[0],
            "Remove this entry by hand (/etc/postfix/access:3): 198.51.100.7 REJECT"
        );
        assert_eq!(c.evidence, ["block.0", "log.0"]);
    }

    #[test]
    fn several_tools_and_a_temporary_ban() {
        let mut o = outcomes();
        let mut f2b = block(BlockSource::Fail2ban, 0, Effect::Deny);
        f2b.location = "jail postfix-sasl".into();
        f2b.since = Some("2026-12-01T09:00:00Z".into());
        f2b.until = Some("2026-12-01T10:00:00Z".into());
        f2b.unblock = vec!["fail2ban-client set postfix-sasl unbanip 198.51.100.7".into()];
        let mut rule = block(BlockSource::Nftables, 0, Effect::Reject);
        rule.unblock = vec!["nft delete rule inet filter input handle 7".into()];
        o.fail2ban.blocks.push(f2b);
        o.packet.blocks.push(rule);
        let d = run(o);
        let c = &d.causes[0];
        assert_eq!(
            c.title,
            "198.51.100.7 is blocked by the firewall (nftables) and fail2ban"
        );
        assert!(c.explanation.contains("until 2026-12-01 10:00 UTC"));
        assert!(c.explanation.contains("refused at once"));
        assert_eq!(c.fix.len(), 3);
        assert!(c.fix[1].ends_with(": fail2ban-client set postfix-sasl unbanip 198.51.100.7"));
        // Without failed sign-ins there is no password step.
        assert!(c.fix[0].starts_with("Lift the block"));
    }

    #[test]
    fn an_allow_rule_before_the_block_makes_it_likely() {
        let mut o = outcomes();
        let mut accept = block(BlockSource::Iptables, 0, Effect::Allow);
        accept.location = "filter/ALLOWIN".into();
        let drop = block(BlockSource::Iptables, 1, Effect::Drop);
        o.packet.blocks = vec![accept.clone(), drop.clone()];
        let d = run(o.clone());
        let c = &d.causes[0];
        assert_eq!(c.code, "server.client_ip_blocked");
        assert_eq!(c.confidence, Confidence::Likely);
        assert!(c
            .explanation
            .contains("But block.0 filter/ALLOWIN allows the address earlier"));
        assert_eq!(c.evidence[..2], ["block.0", "block.1"]);
        // The allow after the block changes nothing.
        let mut after = accept;
        after.order = 2;
        o.packet.blocks = vec![drop, after];
        assert_eq!(run(o).causes[0].confidence, Confidence::Confirmed);
    }

    #[test]
    fn hostile_text_from_a_source_is_escaped() {
        let mut o = outcomes();
        let mut b = block(BlockSource::Csf, 0, Effect::Deny);
        b.reason = Some("evil\u{1b}[2J".into());
        o.csf.blocks.push(b);
        let d = run(o);
        assert!(!d.causes[0].explanation.contains('\u{1b}'));
        assert!(d.causes[0].explanation.contains("\\u{1b}[2J"));
    }
}
