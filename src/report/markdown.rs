//! The report as Markdown, for a support ticket: the finding, the fix, the settings, every
//! check and the SMTP transcript (AUTH lines redacted).

use std::fmt::Write as _;

use super::Report;
use crate::protocol::reply::sanitize;
use crate::protocol::transcript::Dir;

pub fn render(r: &Report) -> String {
    // Table cells must not break the table: no pipes, no newlines.
    let cell = |s: &str| sanitize(s.as_bytes()).replace('|', "\\|");
    let mut o = String::new();
    let _ = writeln!(o, "# smtp-doctor report for {}", cell(&r.input.email));
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "- Made: {} (smtp-doctor {})",
        r.generated_at, r.tool_version
    );
    let _ = writeln!(o, "- Verdict: **{:?}**", r.verdict);
    if let Some(ip) = r.public_ip {
        let _ = writeln!(o, "- Public IP of this network: {ip}");
    }
    let _ = writeln!(
        o,
        "- Settings tested: server {}, port {}, encryption {}, user {}, password {}",
        r.input
            .server
            .as_deref()
            .map_or_else(|| "(none)".into(), cell),
        r.input
            .port
            .map_or_else(|| "(none)".into(), |p| p.to_string()),
        r.input
            .security
            .map_or("(none)", super::super::endpoint::Security::outlook_label),
        r.input
            .user
            .as_deref()
            .map_or_else(|| "(none)".into(), cell),
        if r.input.password_given {
            "given (not shown)"
        } else {
            "not given"
        }
    );
    if let Some(e) = &r.input.error {
        let _ = writeln!(o, "- Error message: {}", cell(&e.summary()));
    }
    for (i, c) in r.causes.iter().enumerate() {
        let _ = writeln!(o);
        let label = if i == 0 { "Cause" } else { "Also" };
        let _ = writeln!(
            o,
            "## {label}: {} (`{}`, {:?})",
            cell(&c.title),
            c.code,
            c.confidence
        );
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", cell(&c.explanation));
        let _ = writeln!(o);
        for (n, step) in c.fix.iter().enumerate() {
            let _ = writeln!(o, "{}. {}", n + 1, cell(step));
        }
    }
    if let Some(rec) = &r.recommended {
        let _ = writeln!(o);
        let _ = writeln!(o, "## Settings that work");
        let _ = writeln!(o);
        let _ = writeln!(o, "| Field | Value |\n|---|---|");
        let _ = writeln!(o, "| Outgoing server (SMTP) | {} |", cell(&rec.server));
        let _ = writeln!(o, "| Port | {} |", rec.port);
        let _ = writeln!(o, "| Encryption | {} |", rec.security.outlook_label());
        if let Some(u) = &rec.user {
            let _ = writeln!(o, "| User name | {} |", cell(u));
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "## Checks");
    let _ = writeln!(o);
    let _ = writeln!(o, "| | Check | ms | Result |\n|---|---|---|---|");
    for c in &r.checks {
        let _ = writeln!(
            o,
            "| {} {} | `{}` | {} | {} |",
            c.status.symbol(),
            c.status.word(),
            c.id,
            c.duration_ms,
            cell(&c.summary)
        );
    }
    if !r.transcript.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "## SMTP transcript (password redacted)");
        let _ = writeln!(o);
        let _ = writeln!(o, "```");
        for l in &r.transcript {
            let arrow = match l.dir {
                Dir::Client => "C:",
                Dir::Server => "S:",
            };
            // A line of backticks from a server must not end the code block.
            let line = sanitize(l.line.as_bytes()).replace("```", "'''");
            let _ = writeln!(o, "[{}] {arrow} {line}", l.port);
        }
        let _ = writeln!(o, "```");
    }
    o
}
