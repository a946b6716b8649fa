//! The server report as Markdown for a ticket (`--save FILE.md`): the finding and its
//! steps, the blocks, the log lines (in a code block), the services and the sources.
//! Text from files and tools is escaped, pipes and backticks cannot break the layout.

use std::fmt::Write as _;

use crate::diagnosis::Verdict;
use crate::server::diagnose::blocks::when;
use crate::server::model::{escape_control, SourceStatus};
use crate::server::window::{human, human_secs, parse_rfc3339};

use super::text::{block_head, effect_words};
use super::ServerReport;

/// One line of prose: control bytes escaped, no line breaks, no table-breaking pipes.
fn cell(s: &str) -> String {
    escape_control(s).replace('|', "\\|")
}

/// Inline code that cannot be closed early by backticks inside it.
fn code(s: &str) -> String {
    let s = escape_control(s);
    let ticks = if s.contains('`') { "``" } else { "`" };
    format!("{ticks} {s} {ticks}")
}

pub fn render(r: &ServerReport) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# smtp-doctor server report for {}", r.client_ip);
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "- Made: {} (smtp-doctor {})",
        r.generated_at, r.tool_version
    );
    let verdict = match r.verdict {
        Verdict::Ok => "ok",
        Verdict::Problem => "problem",
        Verdict::Inconclusive => "inconclusive",
    };
    let _ = writeln!(o, "- Verdict: **{verdict}**");
    if let Some(a) = &r.account {
        let _ = writeln!(o, "- Account: {}", cell(a));
    }
    let t = |s: &str| parse_rfc3339(s).map_or_else(|| cell(s), human);
    let _ = writeln!(
        o,
        "- Logs read: {} to {} ({})",
        t(&r.window.since),
        t(&r.window.until),
        cell(&r.input.since)
    );
    if let Some(f) = &r.input.from_report {
        let at = r
            .input
            .tested_at
            .as_deref()
            .map(|t| format!(", made {}", when(t)))
            .unwrap_or_default();
        let _ = writeln!(o, "- From the customer's report: {}{at}", cell(f));
    }
    if let Some(a) = &r.apply {
        let _ = writeln!(o);
        let _ = writeln!(o, "## Unblock commands run");
        let _ = writeln!(o);
        if a.declined {
            let _ = writeln!(o, "Not run (not confirmed). Nothing was changed.");
        }
        for c in &a.commands {
            let mark = if c.ok { "✓" } else { "✗" };
            let detail = if c.detail.is_empty() {
                String::new()
            } else {
                format!(": {}", cell(&c.detail))
            };
            let _ = writeln!(o, "- {mark} {}{detail}", code(&c.command));
        }
        match a.block_gone {
            Some(true) => {
                let _ = writeln!(o, "\nRead again: the block is gone.");
            }
            Some(false) => {
                let _ = writeln!(o, "\nRead again: the address is still blocked.");
            }
            None => {}
        }
    }
    for (i, c) in r.causes.iter().enumerate() {
        let _ = writeln!(o);
        let label = if i == 0 { "Cause" } else { "Also" };
        let conf = serde_json::to_value(c.confidence)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = writeln!(o, "## {label}: {} (`{}`, {conf})", cell(&c.title), c.code);
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", cell(&c.explanation));
        let _ = writeln!(o);
        for (n, step) in c.fix.iter().enumerate() {
            match super::text::split_command(step) {
                (prose, Some(cmd)) => {
                    let _ = writeln!(o, "{}. {} {}", n + 1, cell(prose), code(cmd));
                }
                (prose, None) => {
                    let _ = writeln!(o, "{}. {}", n + 1, cell(prose));
                }
            }
        }
        if !c.evidence.is_empty() {
            let _ = writeln!(o);
            let _ = writeln!(o, "Evidence: {}", c.evidence.join(", "));
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "## Blocks");
    let _ = writeln!(o);
    if r.blocks.is_empty() {
        let _ = writeln!(o, "No rule or entry matches {}.", r.client_ip);
    }
    for b in &r.blocks {
        let _ = writeln!(o, "- **{}**: {}", cell(&block_head(b)), effect_words(b));
        let _ = writeln!(o, "  - rule: {}", code(&b.rule));
        if let Some(s) = &b.since {
            let _ = writeln!(o, "  - since: {}", when(s));
        }
        if let Some(u) = &b.until {
            let _ = writeln!(o, "  - until: {}", when(u));
        }
        if let Some(why) = &b.reason {
            let _ = writeln!(o, "  - why: {}", cell(why));
        }
        for c in &b.unblock {
            let _ = writeln!(o, "  - unblock: {}", code(c));
        }
        for c in &b.allow {
            let _ = writeln!(o, "  - allow: {}", code(c));
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "## Log lines");
    let _ = writeln!(o);
    if r.log.is_empty() {
        let _ = writeln!(o, "None about {} in the window.", r.client_ip);
    } else {
        let _ = writeln!(o, "```");
        for e in &r.log {
            let time = parse_rfc3339(&e.time).map_or_else(|| escape_control(&e.time), human_secs);
            // A line of backticks from a log must not end the code block.
            let line = escape_control(&e.line).replace("```", "'''");
            let _ = writeln!(o, "{} {time} {}: {line}", e.id, escape_control(&e.file));
        }
        let _ = writeln!(o, "```");
    }
    if !r.services.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "## Services");
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "| Port | Listening | Program | Encryption | Certificate |"
        );
        let _ = writeln!(o, "|---|---|---|---|---|");
        for s in &r.services {
            let cert = s
                .certificate
                .as_ref()
                .map(|c| {
                    let until = c.not_after.as_deref().map(when).unwrap_or_default();
                    let problem = c.problem.as_deref().map(cell).unwrap_or_default();
                    format!("{} {until} {problem}", cell(&c.file))
                })
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                s.port,
                if s.listening { "yes" } else { "no" },
                s.program.as_deref().map(cell).unwrap_or_default(),
                s.tls.as_deref().map(cell).unwrap_or_default(),
                cert.trim()
            );
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "## Sources");
    let _ = writeln!(o);
    let _ = writeln!(o, "| Source | Status | Detail |\n|---|---|---|");
    for s in &r.sources {
        let status = match s.status {
            SourceStatus::Read => "read",
            SourceStatus::Absent => "absent",
            SourceStatus::Denied => "denied",
            SourceStatus::Error => "error",
        };
        let _ = writeln!(o, "| {} | {status} | {} |", cell(&s.name), cell(&s.detail));
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::report::tests::sample;

    #[test]
    fn markdown_carries_the_finding_and_the_commands() {
        let md = render(&sample());
        for needle in [
            "# smtp-doctor server report for 198.51.100.7",
            "- Verdict: **problem**",
            "- Account: alice@example.test",
            "## Cause: 198.51.100.7 is blocked by CSF (`server.client_ip_blocked`, confirmed)",
            "2. Lift the block (/etc/csf/csf.deny:12): ` csf -dr 198.51.100.7 `",
            "  - unblock: ` csf -dr 198.51.100.7 `",
            "log.0 2026-12-01 08:00:00 /var/log/mail.log:",
            "| 587 | yes | master | starttls |",
            "| fail2ban | denied |",
        ] {
            assert!(md.contains(needle), "missing {needle:?} in\n{md}");
        }
    }

    #[test]
    fn hostile_text_cannot_break_the_layout() {
        let mut r = sample();
        r.log[0].line = "```\n# injected".into();
        r.sources[0].detail = "a|b".into();
        let md = render(&r);
        assert!(md.contains("'''\\u{a}# injected"));
        assert!(md.contains("a\\|b"));
    }
}
