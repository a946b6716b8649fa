//! The report as plain text for a person at a terminal: the answer first, numbered steps,
//! the settings that work, then the checks. Meaning never rests on colour: every line
//! carries a symbol and a word.

use std::fmt::Write as _;

use super::Report;
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
    let mut o = String::new();
    let _ = writeln!(
        o,
        "smtp-doctor {} - outgoing mail check for {}",
        r.tool_version,
        safe(&r.input.email)
    );
    let mut tested = Vec::new();
    if let Some(s) = &r.input.server {
        tested.push(format!("server {}", safe(s)));
    }
    if let Some(p) = r.input.port {
        tested.push(format!("port {p}"));
    }
    if let Some(s) = r.input.security {
        tested.push(format!("encryption {}", s.outlook_label()));
    }
    tested.push(if r.input.password_given {
        "password given".to_string()
    } else {
        "no password given".to_string()
    });
    let _ = writeln!(o, "Settings tested: {}", tested.join(", "));
    if let Some(e) = &r.input.error {
        let _ = writeln!(o, "Error message: {}", safe(&e.summary()));
    }
    let _ = writeln!(o);

    let head = match r.verdict {
        Verdict::Ok => "✓ OK",
        Verdict::Problem => "✗ PROBLEM",
        Verdict::Inconclusive => "? NOT SURE",
    };
    match r.causes.first() {
        Some(primary) => {
            let _ = writeln!(o, "{head}: {}", safe(&primary.title));
            for line in wrap(&safe(&primary.explanation), 76) {
                let _ = writeln!(o, "  {line}");
            }
            let _ = writeln!(o);
            let _ = writeln!(o, "Do this:");
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
        }
        None => {
            let _ = writeln!(o, "{head}: the checks could not reach a conclusion.");
        }
    }
    if let Some(rec) = &r.recommended {
        let _ = writeln!(o);
        let _ = writeln!(o, "Settings that work:");
        let _ = writeln!(o, "  Outgoing server (SMTP): {}", safe(&rec.server));
        let _ = writeln!(o, "  Port:                   {}", rec.port);
        let _ = writeln!(
            o,
            "  Encryption:             {}",
            rec.security.outlook_label()
        );
        if let Some(u) = &rec.user {
            let _ = writeln!(o, "  User name:              {}", safe(u));
        }
    }
    if r.causes.len() > 1 {
        let _ = writeln!(o);
        let _ = writeln!(o, "Also found:");
        for c in &r.causes[1..] {
            let _ = writeln!(o, "  - {} ({:?}, {})", safe(&c.title), c.confidence, c.code);
        }
    }
    if let Some(files) = &r.host_files {
        host_files(&mut o, files);
    }
    if let Some(ip) = r.public_ip {
        let _ = writeln!(o);
        let _ = writeln!(o, "This network's public address: {ip}");
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "Checks:");
    for c in &r.checks {
        let _ = writeln!(
            o,
            "  {} {:<7} {:<18} {:>6} ms  {}",
            c.status.symbol(),
            c.status.word(),
            c.id,
            c.duration_ms,
            safe(&c.summary)
        );
    }
    if let Some(primary) = r.causes.first() {
        let _ = writeln!(o);
        let _ = writeln!(o, "Cause code: {} ({:?})", primary.code, primary.confidence);
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
