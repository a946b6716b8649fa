//! Between the TOML wording's `{name}` templates and Fluent patterns (`{ $name }`).
//!
//! A placeholder `{recommended.port}` is the Fluent variable `$recommended-port` (Fluent
//! names cannot hold dots). Writing turns an English sentence into a pattern; reading formats
//! a translated pattern back into a template, with the variables standing for themselves.

use std::fmt::Write as _;

use super::flatten::{Entry, Source};
use crate::tree::template;

/// The Fluent variable name for a template placeholder.
pub fn variable(placeholder: &str) -> String {
    placeholder.replace('.', "-")
}

/// Sentinels a formatted pattern carries where a variable stood (private-use characters,
/// refused in translations so that they cannot be forged).
pub const OPEN: char = '\u{E000}';
pub const CLOSE: char = '\u{E001}';

/// A template's text as a Fluent pattern (the part after `id =`), multi-line when the text is.
pub fn pattern(source: Source, text: &str) -> String {
    // Fluent drops trailing blank lines: those newlines are written as escapes.
    let body_text = text.trim_end_matches('\n');
    let newlines = "{\"\\u000A\"}".repeat(text.len() - body_text.len());
    let body = escape(source, body_text);
    let lines: Vec<&str> = body.split('\n').collect();
    if lines.len() == 1 {
        return format!(" {}{newlines}", guard_line(lines[0]));
    }
    let mut out = String::new();
    for l in lines {
        out.push_str("\n    ");
        out.push_str(&guard_line(l));
    }
    out.push_str(&newlines);
    out
}

/// Template syntax to Fluent syntax, line breaks kept.
fn escape(source: Source, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if source.doubles_braces() && tail.starts_with("{{") {
            out.push_str("{\"{\"}");
            rest = &tail[2..];
        } else if source.doubles_braces() && tail.starts_with("}}") {
            out.push_str("{\"}\"}");
            rest = &tail[2..];
        } else if let Some(after) = tail.strip_prefix('{') {
            if let Some(end) = after.find('}') {
                let _ = write!(out, "{{ ${} }}", variable(&after[..end]));
                rest = &after[end + 1..];
            } else {
                out.push_str("{\"{\"}");
                rest = after;
            }
        } else {
            out.push_str("{\"}\"}");
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// A line that Fluent would read as syntax or trim (a leading `[`, `*`, `.`, or spaces) gets
/// that character as a string literal.
fn guard_line(line: &str) -> String {
    let trimmed = line.trim_start_matches(' ');
    let lead = line.len() - trimmed.len();
    let mut out = String::new();
    if lead > 0 {
        let _ = write!(out, "{{\"{}\"}}", " ".repeat(lead));
    }
    match trimmed.chars().next() {
        Some(c @ ('[' | '*' | '.')) if lead == 0 => {
            let _ = write!(out, "{{\"{c}\"}}");
            out.push_str(&trimmed[1..]);
        }
        _ => out.push_str(trimmed),
    }
    if out.ends_with(' ') {
        let t = out.trim_end_matches(' ').len();
        let spaces = out.len() - t;
        out.truncate(t);
        let _ = write!(out, "{{\"{}\"}}", " ".repeat(spaces));
    }
    out
}

/// The placeholders a template uses, as written (`recommended.port`), without repeats.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (name, _) in template::placeholders(text) {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// A formatted pattern (variables as `OPEN name CLOSE`) back into template syntax.
pub fn to_template(source: Source, formatted: &str) -> String {
    let mut out = String::with_capacity(formatted.len());
    for c in formatted.chars() {
        match c {
            OPEN => out.push('{'),
            CLOSE => out.push('}'),
            '{' if source.doubles_braces() => out.push_str("{{"),
            '}' if source.doubles_braces() => out.push_str("}}"),
            c => out.push(c),
        }
    }
    out
}

/// The English reference file for one source: every entry as a message, with the
/// placeholders it may use in a comment above it.
pub fn reference(source: Source, header: &str, entries: &[Entry]) -> String {
    let mut out = String::new();
    for line in header.lines() {
        let _ = writeln!(out, "## {line}");
    }
    out.push('\n');
    for e in entries {
        let vars: Vec<String> = placeholders(&e.text)
            .iter()
            .map(|p| format!("${}", variable(p)))
            .collect();
        if !vars.is_empty() {
            let _ = writeln!(out, "# {}", vars.join(" "));
        }
        let _ = writeln!(out, "{} ={}", e.id, pattern(source, &e.text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_escape_what_fluent_reads_as_syntax() {
        assert_eq!(
            pattern(Source::Tree, "Use {recommended.port} {{x}}"),
            " Use { $recommended-port } {\"{\"}x{\"}\"}"
        );
        assert_eq!(
            pattern(Source::Ui, "[a]\n b"),
            "\n    {\"[\"}a]\n    {\" \"}b"
        );
        assert_eq!(pattern(Source::Ui, "end "), " end{\" \"}");
    }

    #[test]
    fn formatted_text_returns_to_template_syntax() {
        let f = format!("Port {OPEN}recommended.port{CLOSE} {{x}}");
        assert_eq!(
            to_template(Source::Tree, &f),
            "Port {recommended.port} {{x}}"
        );
        assert_eq!(to_template(Source::Ui, &f), "Port {recommended.port} {x}");
    }
}
