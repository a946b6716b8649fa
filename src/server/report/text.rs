//! The server report as plain text for a support agent at a terminal, readable at 80
//! columns: the verdict, every cause with its numbered steps and exact commands, then
//! every block (where, since, until, why, and its unblock and allow commands), the log
//! lines in time order with their ids, the services, and every source with its status.
//! Everything that came from a file or a tool is escaped again (`escape_control`).

use std::fmt::Write as _;

use crate::diagnosis::Verdict;
use crate::report::text::wrap;
use crate::server::applied::ApplyReport;
use crate::server::diagnose::blocks::{touches_mail, when};
use crate::server::model::{escape_control as esc, Block, Effect, SourceStatus};
use crate::server::window::{human, human_secs, parse_rfc3339};

use super::ServerReport;

/// Text width for prose (the indent comes on top, up to 80 columns).
const WIDTH: usize = 76;

/// Writes `text` wrapped, the first line after `first`, the others under it.
pub fn para(o: &mut String, first: &str, text: &str) {
    let indent = first.chars().count();
    let rest = " ".repeat(indent);
    for (i, line) in wrap(text, WIDTH.saturating_sub(indent).max(20))
        .into_iter()
        .enumerate()
    {
        let _ = writeln!(o, "{}{line}", if i == 0 { first } else { &rest });
    }
}

/// Text shown as it is (a log line, a rule: spacing kept), cut into pieces that fit the
/// 80 columns after `first`; the pieces after the first go under it.
pub fn pre(o: &mut String, first: &str, text: &str) {
    let indent = first.chars().count();
    let room = (WIDTH + 4).saturating_sub(indent).max(20);
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        let _ = writeln!(o, "{first}");
        return;
    }
    let rest = " ".repeat(indent);
    let mut start = 0;
    let mut i = 0;
    while start < chars.len() {
        let mut end = (start + room).min(chars.len());
        // Break after a space in the second half of the piece, so words stay whole; a long
        // run without spaces is cut where it must be.
        if end < chars.len() {
            if let Some(sp) = (start + room / 2..end).rev().find(|&k| chars[k] == ' ') {
                end = sp + 1;
            }
        }
        let piece: String = chars[start..end].iter().collect();
        let piece = piece.trim_end();
        let _ = writeln!(o, "{}{piece}", if i == 0 { first } else { &rest });
        start = end;
        i += 1;
    }
}

/// A field of a block or service: `label` padded, then the wrapped value.
fn field(o: &mut String, label: &str, value: &str) {
    para(o, &format!("       {label:<9}"), value);
}

/// A field whose value is shown as it is (rules).
fn field_pre(o: &mut String, label: &str, value: &str) {
    pre(o, &format!("       {label:<9}"), value);
}

/// The programs a fix step's closing command starts with.
const COMMAND_WORDS: [&str; 6] = [
    "smtp-doctor",
    "sudo",
    "systemctl",
    "doveadm",
    "dig",
    "certbot",
];

/// A fix step that ends in a command (`Lift the block (...): csf -dr IP`) as its prose
/// (ending in the colon) and the command, so that the command can stand on its own line,
/// whole and easy to copy.
pub fn split_command(step: &str) -> (&str, Option<&str>) {
    if let Some(i) = step.rfind(": ") {
        let tail = &step[i + 2..];
        let program = tail.split_whitespace().next().unwrap_or("");
        let program = program.rsplit('/').next().unwrap_or(program);
        if COMMAND_WORDS.contains(&program) || crate::server::apply::TOOLS.contains(&program) {
            return (&step[..=i], Some(tail));
        }
    }
    (step, None)
}

pub fn verdict_line(r: &ServerReport) -> String {
    let head = match r.verdict {
        Verdict::Ok => "✓ OK",
        Verdict::Problem => "✗ PROBLEM",
        Verdict::Inconclusive => "? NOT SURE",
    };
    match r.causes.first() {
        Some(c) => format!("{head}: {}", esc(&c.title)),
        None => head.to_string(),
    }
}

/// What the entry does to the client, in words.
pub fn effect_words(b: &Block) -> &'static str {
    match b.effect {
        Effect::Drop => "drops its packets (the client sees a time-out)",
        Effect::Reject => "rejects its connections (the client is refused at once)",
        Effect::Deny => "lists it as denied",
        Effect::RefuseSession => "refuses its mail sessions",
        Effect::Allow => "allows it (not a block)",
        Effect::Other => "matches it (jumps, marks or logs; not a block by itself)",
    }
}

/// `block.0  csf (iptables)  filter/DENYIN`: the tool that made it and where it is.
pub fn block_head(b: &Block) -> String {
    let source = match b.made_by {
        Some(m) if m != b.source => format!("{} ({})", m.as_str(), b.source.as_str()),
        _ => b.source.as_str().to_string(),
    };
    format!("{}  {source}  {}", b.id, esc(&b.location))
}

fn time_of(s: &str) -> String {
    parse_rfc3339(s).map_or_else(|| esc(s), human_secs)
}

pub fn render(r: &ServerReport) -> String {
    let mut o = String::new();
    let account = r
        .account
        .as_deref()
        .map(|a| format!(" (account {})", esc(a)))
        .unwrap_or_default();
    let _ = writeln!(
        o,
        "smtp-doctor {} - server check for {}{account}",
        r.tool_version, r.client_ip
    );
    let window = |s: &str| parse_rfc3339(s).map_or_else(|| esc(s), human);
    para(
        &mut o,
        "",
        &format!(
            "Logs read from {} to {} ({}).",
            window(&r.window.since),
            window(&r.window.until),
            esc(&r.input.since)
        ),
    );
    if let Some(file) = &r.input.from_report {
        let at = r
            .input
            .tested_at
            .as_deref()
            .map(|t| format!(", made {}", when(t)))
            .unwrap_or_default();
        para(
            &mut o,
            "",
            &format!("From the customer's report {}{at}.", esc(file)),
        );
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", verdict_line(r));

    if let Some(a) = &r.apply {
        let _ = writeln!(o);
        apply_section(&mut o, a);
    }

    let n = r.causes.len();
    for (i, c) in r.causes.iter().enumerate() {
        let _ = writeln!(o);
        let conf = serde_json::to_value(c.confidence)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        para(
            &mut o,
            "",
            &format!(
                "Cause {} of {n}: {} ({conf}, {})",
                i + 1,
                esc(&c.title),
                c.code
            ),
        );
        para(&mut o, "  ", &esc(&c.explanation));
        if !c.fix.is_empty() {
            let _ = writeln!(o, "  Do this:");
            for (k, step) in c.fix.iter().enumerate() {
                let step = esc(step);
                let (prose, cmd) = split_command(&step);
                para(&mut o, &format!("  {:>2}. ", k + 1), prose);
                if let Some(cmd) = cmd {
                    pre(&mut o, "        ", cmd);
                }
            }
        }
        if !c.evidence.is_empty() {
            para(&mut o, "  Evidence: ", &c.evidence.join(", "));
        }
    }

    let _ = writeln!(o);
    if r.blocks.is_empty() {
        let _ = writeln!(o, "Blocks: no rule or entry matches {}.", r.client_ip);
    } else {
        let _ = writeln!(o, "Blocks (in the order a packet meets them):");
        for b in &r.blocks {
            pre(&mut o, "  ", &block_head(b));
            let mut effect = effect_words(b).to_string();
            if !b.ports.is_empty() {
                let ports: Vec<String> = b.ports.iter().map(u16::to_string).collect();
                let _ = write!(effect, ", ports {}", ports.join(", "));
                if !touches_mail(b) {
                    effect.push_str(" only: not mail");
                }
            }
            field(&mut o, "does:", &effect);
            field_pre(&mut o, "rule:", &esc(&b.rule));
            field_pre(&mut o, "matches:", &esc(&b.matched));
            if let Some(s) = &b.since {
                field(&mut o, "since:", &when(s));
            }
            match &b.until {
                Some(u) => field(&mut o, "until:", &when(u)),
                None if b.since.is_some() => field(&mut o, "until:", "no end date"),
                None => {}
            }
            if let Some(why) = &b.reason {
                field(&mut o, "why:", &esc(why));
            }
            for c in &b.unblock {
                field_pre(&mut o, "unblock:", &esc(c));
            }
            for c in &b.allow {
                field_pre(&mut o, "allow:", &esc(c));
            }
        }
    }

    let _ = writeln!(o);
    if r.log.is_empty() {
        let _ = writeln!(o, "Log lines: none about {} in the window.", r.client_ip);
    } else {
        let _ = writeln!(o, "Log lines (in time order):");
        for e in &r.log {
            let account = e
                .account
                .as_deref()
                .map(|a| format!("  account {}", esc(a)))
                .unwrap_or_default();
            let event = serde_json::to_value(e.event)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            pre(
                &mut o,
                "  ",
                &format!("{}  {}  {event}{account}", e.id, time_of(&e.time)),
            );
            pre(
                &mut o,
                "       ",
                &format!("{} ({})", esc(&e.program), esc(&e.file)),
            );
            pre(&mut o, "       ", &esc(&e.line));
        }
    }

    if !r.services.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "Services:");
        for s in &r.services {
            let mut parts = vec![if s.listening {
                "listening".to_string()
            } else {
                "not listening".to_string()
            }];
            if let Some(p) = &s.program {
                parts.push(format!("program {}", esc(p)));
            }
            if let Some(t) = &s.tls {
                parts.push(format!("encryption {}", esc(t)));
            }
            match s.auth {
                Some(true) => parts.push("sign-in offered".into()),
                Some(false) => parts.push("no sign-in".into()),
                None => {}
            }
            let sym = if s.listening { "✓" } else { "✗" };
            para(
                &mut o,
                &format!("  {sym} {:<5} ", s.port),
                &parts.join(", "),
            );
            if let Some(c) = &s.certificate {
                let names = c
                    .names
                    .iter()
                    .map(|n| esc(n))
                    .collect::<Vec<_>>()
                    .join(", ");
                let until = c
                    .not_after
                    .as_deref()
                    .map(|t| format!(", valid until {}", when(t)))
                    .unwrap_or_default();
                let problem = c
                    .problem
                    .as_deref()
                    .map(|p| format!(" - {}", esc(p)))
                    .unwrap_or_default();
                para(
                    &mut o,
                    "          ",
                    &format!("certificate {} for {names}{until}{problem}", esc(&c.file)),
                );
            }
            for note in &s.notes {
                para(&mut o, "          ", &esc(note));
            }
        }
    }

    if !r.settings.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "Settings read:");
        for s in &r.settings {
            let at = s
                .location
                .as_deref()
                .map(|l| format!(" ({})", esc(l)))
                .unwrap_or_default();
            para(
                &mut o,
                "  ",
                &format!(
                    "{} {} = {}{at}",
                    esc(&s.source),
                    esc(&s.name),
                    esc(&s.value)
                ),
            );
        }
    }

    let _ = writeln!(o);
    let _ = writeln!(o, "Sources:");
    for s in &r.sources {
        let (sym, word) = match s.status {
            SourceStatus::Read => ("✓", "read"),
            SourceStatus::Absent => ("-", "absent"),
            SourceStatus::Denied => ("✗", "denied"),
            SourceStatus::Error => ("✗", "error"),
        };
        let detail = if s.detail.is_empty() {
            String::new()
        } else {
            format!(": {}", esc(&s.detail))
        };
        para(
            &mut o,
            &format!("  {sym} {word:<7} "),
            &format!("{}{detail}", esc(&s.name)),
        );
    }
    let _ = writeln!(o);
    para(
        &mut o,
        "",
        if r.apply.is_some() {
            "The commands above were run because --apply was given."
        } else {
            "Nothing on this server was changed (read-only; --apply runs the unblock commands)."
        },
    );
    o
}

/// What `--apply` ran and what came of it.
pub fn apply_section(o: &mut String, a: &ApplyReport) {
    if a.declined {
        let _ = writeln!(o, "Unblock: not run (not confirmed). Nothing was changed.");
        return;
    }
    if a.commands.is_empty() {
        let _ = writeln!(
            o,
            "Unblock: nothing to run (no block has an unblock command)."
        );
        return;
    }
    let before: Vec<String> = a
        .before
        .iter()
        .filter(|b| b.blocks() && touches_mail(b))
        .map(block_head)
        .collect();
    if !before.is_empty() {
        let _ = writeln!(o, "Blocks before:");
        for b in before {
            pre(o, "  ", &b);
        }
    }
    let _ = writeln!(o, "Unblock commands run:");
    for c in &a.commands {
        let sym = if c.ok { "✓" } else { "✗" };
        pre(o, &format!("  {sym} "), &esc(&c.command));
        if !c.detail.is_empty() {
            para(o, "      ", &esc(&c.detail));
        }
    }
    let after = match a.block_gone {
        Some(true) => "Read again: the block is gone.",
        Some(false) => "Read again: the address is still blocked (see the blocks below).",
        None => "",
    };
    if !after.is_empty() {
        let _ = writeln!(o, "{after}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::report::tests::sample;

    #[test]
    fn every_part_is_there_within_80_columns() {
        let t = render(&sample());
        for needle in [
            "server check for 198.51.100.7 (account alice@example.test)",
            "✗ PROBLEM: 198.51.100.7 is blocked by CSF",
            "Cause 1 of 2: 198.51.100.7 is blocked by CSF (confirmed,",
            "Cause 2 of 2: The server refuses the password for alice@example.test",
            "   1. Before lifting the block",
            "   2. Lift the block (/etc/csf/csf.deny:12):\n        csf -dr 198.51.100.7\n",
            "Blocks (in the order a packet meets them):",
            "  block.0  csf (iptables)  filter/DENYIN",
            "       unblock: csf -dr 198.51.100.7",
            "       allow:   csf -a 198.51.100.7 'customer alice'",
            "       since:   2026-12-01 09:12 UTC",
            "       until:   no end date",
            "Log lines (in time order):",
            "  log.0  2026-12-01 08:00:00  auth_failed  account alice@example.test",
            "  ✓ 587   listening, program master, encryption starttls, sign-in offered",
            "certificate /etc/ssl/mail.pem for mail.example.test",
            "  ✗ denied  fail2ban: fail2ban-client: permission denied",
            "Nothing on this server was changed",
        ] {
            assert!(t.contains(needle), "missing {needle:?} in\n{t}");
        }
        for line in t.lines() {
            assert!(line.chars().count() <= 80, "too wide: {line}");
        }
    }

    #[test]
    fn commands_stand_on_their_own_line() {
        assert_eq!(
            split_command("Lift the block (x): csf -dr 198.51.100.7"),
            ("Lift the block (x):", Some("csf -dr 198.51.100.7"))
        );
        assert_eq!(
            split_command("Renew it: /usr/bin/certbot renew"),
            ("Renew it:", Some("/usr/bin/certbot renew"))
        );
        assert_eq!(
            split_command("The server said: 535 no"),
            ("The server said: 535 no", None)
        );
    }

    #[test]
    fn control_bytes_are_escaped() {
        let mut r = sample();
        r.log[0].line = "evil\u{1b}]0;pwned\u{7}".into();
        r.blocks[0].rule = "x\u{1b}[2Jy".into();
        let t = render(&r);
        assert!(!t.contains('\u{1b}'));
        assert!(t.contains("evil\\u{1b}]0;pwned\\u{7}"));
    }
}
