//! The report as Markdown, for a support ticket: the finding, the fix, the settings, every
//! check and the SMTP transcript (AUTH lines redacted).

use std::fmt::Write as _;

use super::wording::{fill, names_mail_program_settings, wording};
use super::Report;
use crate::protocol::reply::sanitize;
use crate::protocol::transcript::Dir;

/// Text (from a server, DNS, a certificate or the person) as Markdown that renders as
/// exactly that text: control characters shown as escapes (so no line break ends a table
/// cell or a list item), and every character Markdown could read as markup backslash-escaped:
/// no link, image, HTML tag, emphasis, code span, heading or table pipe can come out of it,
/// nor an autolink (`://`, `www.`, `@` are broken up the same way).
pub fn escape(s: &str) -> String {
    let shown = sanitize(s.as_bytes());
    let mut out = String::with_capacity(shown.len() + shown.len() / 4);
    // The last three characters, lowercased, to see `www` before a dot.
    let mut last = ['\0'; 3];
    for c in shown.chars() {
        let prev_www = last == ['w', 'w', 'w'];
        let special = matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '('
                | ')'
                | '<'
                | '>'
                | '!'
                | '|'
                | '~'
                | '#'
                | '&'
                | '{'
                | '}'
                | ':'
                | '@'
                | '$'
                | '^'
                | '='
        ) || (c == '.' && prev_www);
        if special {
            out.push('\\');
        }
        out.push(c);
        last = [last[1], last[2], c.to_ascii_lowercase()];
    }
    out
}

/// The corrected host-side files, each in a fenced XML block.
fn host_files(o: &mut String, files: &super::HostFiles) {
    let _ = writeln!(o);
    let _ = writeln!(o, "## Corrected files for your host");
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "Your domain publishes outgoing-server settings that do not work. Send these two files to your email host to publish instead."
    );
    for (title, text) in [
        (
            "Autoconfig (`https://autoconfig.<your domain>/mail/config-v1.1.xml`):",
            &files.autoconfig_xml,
        ),
        (
            "Autodiscover response (`/autodiscover/autodiscover.xml`):",
            &files.autodiscover_xml,
        ),
    ] {
        let f = fence(text.lines());
        let _ = writeln!(o);
        let _ = writeln!(o, "{title}");
        let _ = writeln!(o);
        let _ = writeln!(o, "{f}xml\n{text}{f}");
    }
}

/// A fence for a code block around `lines`: longer than any run of backticks in them, so
/// no line can close the block early.
fn fence<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let longest = lines
        .map(|l| l.split(|c| c != '`').map(str::len).max().unwrap_or(0))
        .max()
        .unwrap_or(0);
    "`".repeat((longest + 1).max(3))
}

pub fn render(r: &Report) -> String {
    // Also right for table cells: pipes are escaped, newlines shown as `\x0a`.
    let cell = escape;
    let w = wording(r.lang);
    let t = &w.markdown;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# {}",
        fill(&t.heading, &[("email", &cell(&r.input.email))])
    );
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "- {}",
        fill(
            &t.made,
            &[("time", &r.generated_at), ("version", r.tool_version)]
        )
    );
    let _ = writeln!(
        o,
        "- {}",
        fill(&t.verdict, &[("verdict", w.verdict(r.verdict))])
    );
    if let Some(ip) = r.public_ip {
        let _ = writeln!(o, "- {}", fill(&t.public_ip, &[("ip", &ip.to_string())]));
    }
    let none = || t.none.clone();
    let _ = writeln!(
        o,
        "- {}",
        fill(
            &t.tested,
            &[
                ("server", &r.input.server.as_deref().map_or_else(none, cell)),
                ("port", &r.input.port.map_or_else(none, |p| p.to_string())),
                (
                    "security",
                    &r.input.security.map_or_else(none, |s| w.security(s))
                ),
                ("user", &r.input.user.as_deref().map_or_else(none, cell)),
                (
                    "password",
                    if r.input.password_given {
                        &t.password_given
                    } else {
                        &t.password_not_given
                    }
                ),
            ]
        )
    );
    if let Some(e) = &r.input.error {
        let _ = writeln!(
            o,
            "- {}",
            fill(&t.error, &[("message", &cell(&e.summary()))])
        );
    }
    for (i, c) in r.causes.iter().enumerate() {
        let _ = writeln!(o);
        let label = if i == 0 { &t.cause } else { &t.also };
        let _ = writeln!(
            o,
            "## {label}: {} (`{}`, {})",
            cell(&c.title),
            c.code,
            w.confidence(c.confidence)
        );
        let _ = writeln!(o);
        let _ = writeln!(o, "{}", cell(&c.explanation));
        let _ = writeln!(o);
        for (n, step) in c.fix.iter().enumerate() {
            let _ = writeln!(o, "{}. {}", n + 1, cell(step));
        }
        if i == 0 && !c.fix.is_empty() && names_mail_program_settings(&c.code) {
            let _ = writeln!(o);
            let _ = writeln!(o, "{}", cell(&w.other_programs.line));
        }
    }
    if let Some(rec) = &r.recommended {
        let _ = writeln!(o);
        let _ = writeln!(o, "## {}", t.settings);
        let _ = writeln!(o);
        let _ = writeln!(o, "| {} | {} |\n|---|---|", t.field, t.value);
        let _ = writeln!(o, "| {} | {} |", t.setting_server, cell(&rec.server));
        let _ = writeln!(o, "| {} | {} |", t.setting_port, rec.port);
        let _ = writeln!(
            o,
            "| {} | {} |",
            t.setting_security,
            cell(&w.security(rec.security))
        );
        if let Some(u) = &rec.user {
            let _ = writeln!(o, "| {} | {} |", t.setting_user, cell(u));
        }
    }
    if let Some(files) = &r.host_files {
        host_files(&mut o, files);
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "## {}", t.checks);
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "| | {} | ms | {} |\n|---|---|---|---|",
        t.check, t.result
    );
    for c in &r.checks {
        let _ = writeln!(
            o,
            "| {} {} | `{}` | {} | {} |",
            c.status.symbol(),
            w.status(c.status),
            c.id,
            c.duration_ms,
            cell(&c.summary)
        );
    }
    if !r.transcript.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(o, "## {}", t.transcript);
        let _ = writeln!(o);
        // Inside a code block nothing renders as markup; the fence is longer than any run of
        // backticks a server sent, so none can end the block.
        let lines: Vec<String> = r
            .transcript
            .iter()
            .map(|l| {
                let arrow = match l.dir {
                    Dir::Client => "C:",
                    Dir::Server => "S:",
                };
                format!("[{}] {arrow} {}", l.port, sanitize(l.line.as_bytes()))
            })
            .collect();
        let fence = fence(lines.iter().map(String::as_str));
        let _ = writeln!(o, "{fence}");
        for line in &lines {
            let _ = writeln!(o, "{line}");
        }
        let _ = writeln!(o, "{fence}");
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Options, Parser, Tag};

    /// What `markdown` renders to: its plain text, and whether any link, image or HTML
    /// came out of it.
    fn rendered(markdown: &str) -> (String, Vec<String>) {
        let mut text = String::new();
        let mut markup = Vec::new();
        for event in Parser::new_ext(markdown, Options::all()) {
            match event {
                Event::Text(t) | Event::Code(t) => text.push_str(&t),
                Event::Html(h) | Event::InlineHtml(h) => markup.push(format!("html {h}")),
                Event::Start(Tag::Link { dest_url, .. }) => markup.push(format!("link {dest_url}")),
                Event::Start(Tag::Image { dest_url, .. }) => {
                    markup.push(format!("image {dest_url}"));
                }
                Event::Start(
                    t @ (Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Heading { .. }
                    | Tag::Table(_)
                    | Tag::CodeBlock(_)),
                ) => markup.push(format!("{t:?}")),
                _ => {}
            }
        }
        (text, markup)
    }

    const HOSTILE: [&str; 14] = [
        "[x](javascript:alert(1))",
        "![img](https://evil.test/p.png)",
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "<https://evil.test/>",
        "```\n# heading\n```",
        "`code` and ``more``",
        "a | b | c",
        "*bold* _em_ ~~gone~~ **strong**",
        "[ref]: https://evil.test/\n[ref]",
        "# 550 not a heading",
        "&lt;b&gt; &amp; &#x3C;img&#x3E;",
        "line one\r\n===",
        "\\[x\\](y) \\\\",
    ];

    #[test]
    fn escaped_text_renders_as_itself_and_nothing_else() {
        for s in HOSTILE {
            let (text, markup) = rendered(&escape(s));
            assert!(markup.is_empty(), "{s:?} rendered {markup:?}");
            assert_eq!(text, sanitize(s.as_bytes()), "{s:?}");
        }
    }

    #[test]
    fn escaped_cells_keep_the_table_whole() {
        let row = format!("| a | {} |\n", escape("x | y\n| z |"));
        let table = format!("| h | v |\n|---|---|\n{row}");
        let cells = Parser::new_ext(&table, Options::ENABLE_TABLES)
            .filter(|e| matches!(e, Event::Start(Tag::TableCell)))
            .count();
        assert_eq!(cells, 4, "{table}");
    }

    #[test]
    fn no_transcript_line_can_close_its_code_block() {
        let lines = ["S: ```", "S: ````` and ``", "S: <img src=x>"];
        let f = fence(lines.iter().copied());
        assert_eq!(f, "``````");
        let block = format!("{f}\n{}\n{f}\nafter [x](y)", lines.join("\n"));
        let mut inside = String::new();
        let mut blocks = 0;
        let mut in_block = false;
        for e in Parser::new_ext(&block, Options::all()) {
            match e {
                Event::Start(Tag::CodeBlock(_)) => {
                    blocks += 1;
                    in_block = true;
                }
                Event::End(_) => in_block = false,
                Event::Text(t) if in_block => inside.push_str(&t),
                _ => {}
            }
        }
        assert_eq!(blocks, 1);
        assert_eq!(inside, format!("{}\n", lines.join("\n")));
        assert_eq!(fence(["plain"].into_iter()), "```");
    }
}
