//! The audit as plain text for a support agent at a terminal (80 columns): the summary,
//! every customer locked out in full (accounts, since when and why it was banned, the
//! lines that banned it, the repeat-offender note, the unblock and allow commands), the
//! other kinds in short (the first [`SHOWN_PER_KIND`] of each; `--json` has them all), the
//! rule advice, what `--apply` would do, and every source. Everything that came from a
//! file or a tool is escaped again.

use std::fmt::Write as _;

use crate::diagnosis::Verdict;
use crate::server::model::{escape_control as esc, SourceStatus};
use crate::server::report::text::{para, pre};
use crate::server::window::{human, parse_rfc3339};

use super::join::{describe_accounts, AuditEntry, Kind};
use super::report::{AuditApply, AuditReport};

/// Entries of a kind other than customer listed in the text.
pub const SHOWN_PER_KIND: usize = 20;

fn at(s: &str) -> String {
    parse_rfc3339(s).map_or_else(|| esc(s), human)
}

/// The verdict in one line.
pub fn verdict_line(r: &AuditReport) -> String {
    let s = &r.summary;
    match r.verdict {
        Verdict::Problem => format!(
            "✗ {} customer address{} locked out ({} blocked in all)",
            s.customer + s.shared,
            if s.customer + s.shared == 1 { " is" } else { "es are" },
            s.blocked
        ),
        Verdict::Inconclusive => format!(
            "? No customer found locked out, but a firewall source could not be read ({} blocked)",
            s.blocked
        ),
        Verdict::Ok => format!(
            "✓ No customer is locked out ({} blocked address{}, none signed in successfully in the window)",
            s.blocked,
            if s.blocked == 1 { "" } else { "es" }
        ),
    }
}

/// `fail2ban (jail postfix-sasl) since ... until ...`: how an entry is blocked.
pub fn banned_by(e: &AuditEntry) -> String {
    let mut by: Vec<String> = Vec::new();
    for b in &e.blocks {
        let owner = b.made_by.unwrap_or(b.source).as_str();
        let text = format!("{owner} ({})", esc(&b.location));
        if !by.contains(&text) {
            by.push(text);
        }
    }
    let mut s = by.join(", ");
    if let Some(since) = &e.banned_since {
        let _ = write!(s, ", since {}", at(since));
    }
    match &e.banned_until {
        Some(u) => {
            let _ = write!(s, ", until {}", at(u));
        }
        None if e.banned_since.is_some() => s.push_str(", with no end date"),
        None => {}
    }
    s
}

/// One entry in full (customers and shared addresses).
fn full(o: &mut String, n: usize, e: &AuditEntry) {
    let _ = writeln!(o);
    para(
        o,
        &format!("{n:>3}. "),
        &format!("{}  [{}]", e.address, e.id),
    );
    para(
        o,
        "     ",
        &format!("Signed in fine: {}.", describe_accounts(&e.accounts_ok)),
    );
    if !e.accounts_failed.is_empty() {
        para(
            o,
            "     ",
            &format!("Failed: {}.", describe_accounts(&e.accounts_failed)),
        );
    }
    para(o, "     Blocked by ", &banned_by(e));
    for b in &e.blocks {
        if let Some(r) = &b.reason {
            para(o, "     why      ", &esc(r));
            break;
        }
    }
    if !e.trigger_lines.is_empty() {
        let _ = writeln!(
            o,
            "     {}",
            if e.trigger_lines_recorded {
                "The lines that banned it:"
            } else {
                "Its latest failed sign-ins:"
            }
        );
        for l in &e.trigger_lines {
            pre(o, "       ", &esc(l));
        }
    }
    if let Some(r) = &e.repeat {
        para(o, "     Repeat:  ", &esc(&r.note));
    }
    if e.kind == Kind::Shared {
        para(
            o,
            "     ",
            "It also failed against several other accounts: an office behind one address with a device trying many logins, or an attacker that guessed a password. Check before lifting; --apply leaves it.",
        );
    }
    if !e.seen.is_empty() {
        let seen: Vec<String> = e.seen.iter().map(ToString::to_string).collect();
        para(
            o,
            "     ",
            &format!(
                "A network; the logs saw {} from it. --apply leaves networks.",
                seen.join(", ")
            ),
        );
    }
    for c in &e.unblock {
        pre(o, "     unblock  ", &esc(c));
    }
    for c in &e.allow {
        pre(o, "     allow    ", &esc(c));
    }
}

/// One entry in one or two lines (the other kinds).
fn short(o: &mut String, e: &AuditEntry) {
    let what = match e.kind {
        Kind::NoSignIns => "no sign-in in the window".to_string(),
        Kind::FailedOnly => format!(
            "{} failed sign-in{}{}",
            e.sign_ins_failed,
            if e.sign_ins_failed == 1 { "" } else { "s" },
            if e.accounts_failed.is_empty() {
                String::new()
            } else {
                let names: Vec<&str> = e
                    .accounts_failed
                    .iter()
                    .map(|a| a.account.as_str())
                    .collect();
                format!(" ({})", names.join(", "))
            }
        ),
        Kind::Spraying => {
            let names: Vec<&str> = e
                .accounts_failed
                .iter()
                .take(5)
                .map(|a| a.account.as_str())
                .collect();
            let more = e.accounts_failed.len().saturating_sub(5);
            format!(
                "{} failed sign-ins against {} accounts ({}{})",
                e.sign_ins_failed,
                e.accounts_failed.len(),
                names.join(", "),
                if more > 0 {
                    format!(", {more} more")
                } else {
                    String::new()
                }
            )
        }
        Kind::Customer | Kind::Shared => String::new(),
    };
    para(
        o,
        "   - ",
        &format!("{}: {what}; {}", e.address, banned_by(e)),
    );
    if let Some(r) = &e.repeat {
        para(o, "     ", &esc(&r.note));
    }
}

pub fn apply_section(o: &mut String, a: &AuditApply) {
    if a.declined {
        let _ = writeln!(o, "Nothing was changed (you answered no).");
        return;
    }
    if a.commands.is_empty() {
        let _ = writeln!(o, "--apply: no customer to lift; nothing was run.");
        return;
    }
    let _ = writeln!(o, "Ran for the customers {}:", a.addresses.join(", "));
    for c in &a.commands {
        let mark = if c.ok { "✓" } else { "✗" };
        pre(o, &format!("  {mark} "), &esc(&c.command));
        if !c.detail.is_empty() {
            para(o, "      ", &esc(&c.detail));
        }
    }
    if !a.lifted.is_empty() {
        para(
            o,
            "",
            &format!("No longer blocked: {}.", a.lifted.join(", ")),
        );
    }
    if !a.still_blocked.is_empty() {
        para(
            o,
            "",
            &format!("Still blocked: {}.", a.still_blocked.join(", ")),
        );
    }
}

pub fn render(r: &AuditReport) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "smtp-doctor {} - audit of blocked addresses",
        r.tool_version
    );
    para(
        &mut o,
        "",
        &format!(
            "Logs read from {} to {} ({}).",
            at(&r.window.since),
            at(&r.window.until),
            esc(&r.input.since)
        ),
    );
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", verdict_line(r));
    let s = &r.summary;
    para(
        &mut o,
        "",
        &format!(
            "{} customer, {} shared, {} without sign-ins, {} failed only, {} spraying; {} banned more than once.",
            s.customer, s.shared, s.no_sign_ins, s.failed_only, s.spraying, s.repeat
        ),
    );
    if let Some(a) = &r.apply {
        let _ = writeln!(o);
        apply_section(&mut o, a);
    }
    for kind in Kind::ALL {
        let of_kind: Vec<&AuditEntry> = r.entries.iter().filter(|e| e.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(o);
        let _ = writeln!(o, "{} ({})", kind.title(), of_kind.len());
        match kind {
            Kind::Customer | Kind::Shared => {
                for (i, e) in of_kind.iter().enumerate() {
                    full(&mut o, i + 1, e);
                }
            }
            _ => {
                for e in of_kind.iter().take(SHOWN_PER_KIND) {
                    short(&mut o, e);
                }
                if of_kind.len() > SHOWN_PER_KIND {
                    let _ = writeln!(
                        o,
                        "   ... and {} more (--json lists them all)",
                        of_kind.len() - SHOWN_PER_KIND
                    );
                }
            }
        }
    }
    if !r.advice.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "Rule advice (suggestions only: nothing was changed)");
        for a in &r.advice {
            para(&mut o, "  - ", &esc(&a.text));
        }
    }
    let commands = r.apply_commands();
    if r.apply.is_none() && !commands.is_empty() {
        let _ = writeln!(o);
        para(
            &mut o,
            "",
            &format!(
                "--apply would lift and whitelist the {} customer address{} above ({} commands, after asking).",
                r.customers_to_lift().len(),
                if r.customers_to_lift().len() == 1 { "" } else { "es" },
                commands.len()
            ),
        );
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "Sources");
    for src in &r.sources {
        let status = match src.status {
            SourceStatus::Read => "read",
            SourceStatus::Absent => "absent",
            SourceStatus::Denied => "denied",
            SourceStatus::Error => "error",
        };
        para(
            &mut o,
            &format!("  {status:<7}"),
            &format!("{}: {}", esc(&src.name), esc(&src.detail)),
        );
    }
    o
}
