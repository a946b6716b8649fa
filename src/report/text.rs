//! The report as plain text for a person at a terminal: the answer first, numbered steps,
//! the settings that work, then the checks. Meaning never rests on colour: every line
//! carries a symbol and a word.

use std::fmt::Write as _;

use super::wording::{fill, names_mail_program_settings, wording};
use super::Report;
use crate::checks::Status;
use crate::diagnosis::Verdict;
use crate::protocol::reply::sanitize;

/// The longest line the text report prints, in characters: anything longer (a server's
/// text quoted at length) is cut with a count.
pub const MAX_LINE: usize = 400;

/// Readable text; every string that came from the network is made terminal-safe again, and
/// no line is longer than [`MAX_LINE`].
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    for line in render_unbounded(r).lines() {
        out.push_str(&crate::shorten::text(line, MAX_LINE));
        out.push('\n');
    }
    out
}

fn render_unbounded(r: &Report) -> String {
    let safe = |s: &str| sanitize(s.as_bytes());
    let w = wording(r.lang);
    let t = &w.text;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        fill(
            &t.heading,
            &[
                ("version", r.tool_version),
                ("email", &safe(&r.input.email))
            ]
        )
    );
    let mut tested = Vec::new();
    if let Some(s) = &r.input.server {
        tested.push(fill(&t.tested_server, &[("server", &safe(s))]));
    }
    if let Some(p) = r.input.port {
        tested.push(fill(&t.tested_port, &[("port", &p.to_string())]));
    }
    if let Some(s) = r.input.security {
        tested.push(fill(&t.tested_security, &[("security", &w.security(s))]));
    }
    tested.push(if r.input.password_given {
        t.password_given.clone()
    } else {
        t.no_password.clone()
    });
    let _ = writeln!(o, "{}", fill(&t.tested, &[("list", &tested.join(", "))]));
    if let Some(e) = &r.input.error {
        let _ = writeln!(o, "{}", fill(&t.error, &[("message", &safe(&e.summary()))]));
    }
    let _ = writeln!(o);

    let head = match r.verdict {
        Verdict::Ok => &t.ok,
        Verdict::Problem => &t.problem,
        Verdict::Inconclusive => &t.unsure,
    };
    match r.causes.first() {
        Some(primary) => {
            let _ = writeln!(o, "{head}: {}", safe(&primary.title));
            for line in wrap(&safe(&primary.explanation), 76) {
                let _ = writeln!(o, "  {line}");
            }
            let _ = writeln!(o);
            let _ = writeln!(o, "{}", t.do_this);
            for (i, step) in primary.fix.iter().enumerate() {
                let mut first = true;
                for line in wrap(&safe(step), 72) {
                    if first {
                        let _ = writeln!(o, "  {:>2}. {line}", i + 1);
                        first = false;
                    } else {
                        let _ = writeln!(o, "      {line}");
                    }
                }
            }
            if !primary.fix.is_empty() && names_mail_program_settings(&primary.code) {
                for line in wrap(&w.other_programs.line, 74) {
                    let _ = writeln!(o, "  {line}");
                }
            }
        }
        None => {
            let _ = writeln!(o, "{}", fill(&t.no_conclusion, &[("verdict", head)]));
        }
    }
    if let Some(rec) = &r.recommended {
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", t.settings);
        let labels = [
            &t.setting_server,
            &t.setting_port,
            &t.setting_security,
            &t.setting_user,
        ];
        let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 1;
        let row = |o: &mut String, label: &str, value: &str| {
            let pad = " ".repeat(width.saturating_sub(label.chars().count()));
            let _ = writeln!(o, "  {label}{pad}{value}");
        };
        row(&mut o, &t.setting_server, &safe(&rec.server));
        row(&mut o, &t.setting_port, &rec.port.to_string());
        row(&mut o, &t.setting_security, &w.security(rec.security));
        if let Some(u) = &rec.user {
            row(&mut o, &t.setting_user, &safe(u));
        }
    }
    if r.causes.len() > 1 {
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", t.also);
        for c in &r.causes[1..] {
            let _ = writeln!(
                o,
                "  - {} ({}, {})",
                safe(&c.title),
                w.confidence(c.confidence),
                c.code
            );
        }
    }
    if let Some(files) = &r.host_files {
        host_files(&mut o, files);
    }
    if let Some(ip) = r.public_ip {
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", fill(&t.public_ip, &[("ip", &ip.to_string())]));
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", t.checks);
    let status_width = [Status::Pass, Status::Fail, Status::Warn, Status::Skip]
        .iter()
        .map(|s| w.status(*s).chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    for c in &r.checks {
        let _ = writeln!(
            o,
            "  {} {:<status_width$} {:<18} {:>6} ms  {}",
            c.status.symbol(),
            w.status(c.status),
            c.id,
            c.duration_ms,
            safe(&c.summary)
        );
    }
    if let Some(primary) = r.causes.first() {
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{}",
            fill(
                &t.cause_code,
                &[
                    ("code", &primary.code),
                    ("confidence", w.confidence(primary.confidence))
                ]
            )
        );
    }
    o
}

/// The corrected host-side files, each indented under its heading.
fn host_files(o: &mut String, files: &super::HostFiles) {
    let _ = writeln!(o);
    let _ = writeln!(o, "Corrected files for your host:");
    let _ = writeln!(
        o,
        "  Your domain publishes outgoing-server settings that do not work. Send these two files to your email host to publish instead."
    );
    for (title, text) in [
        (
            "Autoconfig (https://autoconfig.<your domain>/mail/config-v1.1.xml):",
            &files.autoconfig_xml,
        ),
        (
            "Autodiscover response (/autodiscover/autodiscover.xml):",
            &files.autodiscover_xml,
        ),
    ] {
        let _ = writeln!(o);
        let _ = writeln!(o, "  {title}");
        for line in text.lines() {
            let _ = writeln!(o, "    {}", sanitize(line.as_bytes()));
        }
    }
}

/// Greedy word wrap; a word longer than the width is split (a server can send one word of
/// thousands of characters).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let width = width.max(1);
    let pieces = text.split_whitespace().flat_map(|word| {
        let chars: Vec<char> = word.chars().collect();
        chars
            .chunks(width)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
    });
    for word in pieces {
        let word = word.as_str();
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_on_words() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("", 5), Vec::<String>::new());
        assert_eq!(wrap("toolongword x", 4), vec!["tool", "ongw", "ord", "x"]);
    }
}
