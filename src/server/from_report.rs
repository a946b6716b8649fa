//! A customer's saved report (`smtp-doctor check --json`, schema `smtp-doctor/report/v1`,
//! or the Markdown report of `--save` and the wizard) read for what server mode needs: the
//! customer's public address, the login name the mail program uses, and when the test ran.
//!
//! Both forms are written by `crate::report`; the Markdown lines read here are the ones
//! `report::markdown::render` writes (`# smtp-doctor report for ADDR`, `- Made: TIME (...)`,
//! `- Public IP of this network: IP`, `- Settings tested: ..., user NAME, password ...`).

use std::net::IpAddr;
use std::path::Path;

use thiserror::Error;

use super::window::parse_rfc3339;

/// What a customer's report tells the server side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerReport {
    /// The public address the customer's checks saw (`None`: the report does not know it).
    pub client_ip: Option<IpAddr>,
    /// The login name the mail program uses (the user name, else the e-mail address).
    pub account: Option<String>,
    /// The customer's e-mail address.
    pub email: Option<String>,
    /// When the report was made (seconds since the epoch), as the customer's clock said.
    pub tested_at: Option<i64>,
    /// The same time as written in the report.
    pub tested_at_text: Option<String>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum FromReportError {
    #[error("{file}: {message}")]
    Unreadable { file: String, message: String },
    #[error("{file}:{line}:{column}: not valid JSON: {message}")]
    Json {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    NotAReport { file: String, message: String },
    #[error("{file}: the report does not name the customer's public address; pass --client-ip IP")]
    NoAddress { file: String },
}

/// The schema `check --json` writes.
pub const CLIENT_SCHEMA: &str = crate::report::SCHEMA;

/// Reads and parses the report at `path`.
pub fn read(path: &Path) -> Result<CustomerReport, FromReportError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| FromReportError::Unreadable {
        file: file.clone(),
        message: e.to_string(),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| FromReportError::NotAReport {
        file: file.clone(),
        message: "not a text file (not UTF-8)".into(),
    })?;
    parse(&file, &text)
}

/// Parses a report's text; `file` names it in errors. A report without the customer's
/// address is an error: server mode cannot look for anything without it.
pub fn parse(file: &str, text: &str) -> Result<CustomerReport, FromReportError> {
    let text = text.trim_start_matches('\u{feff}');
    let parsed = if text.trim_start().starts_with('{') {
        parse_json(file, text)?
    } else {
        parse_markdown(file, text)?
    };
    if parsed.client_ip.is_none() {
        return Err(FromReportError::NoAddress {
            file: file.to_string(),
        });
    }
    Ok(parsed)
}

fn not_a_report(file: &str, message: impl Into<String>) -> FromReportError {
    FromReportError::NotAReport {
        file: file.to_string(),
        message: message.into(),
    }
}

fn parse_json(file: &str, text: &str) -> Result<CustomerReport, FromReportError> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| FromReportError::Json {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        message: first_clause(&e.to_string()),
    })?;
    let schema = v.get("schema").and_then(|s| s.as_str()).unwrap_or("");
    if schema != CLIENT_SCHEMA {
        let found = if schema.is_empty() {
            "no schema".to_string()
        } else {
            format!("schema {}", crate::server::model::escape_control(schema))
        };
        return Err(not_a_report(
            file,
            format!("not a customer's report ({found}; expected {CLIENT_SCHEMA})"),
        ));
    }
    let client_ip = match v.get("public_ip") {
        None | Some(serde_json::Value::Null) => None,
        Some(ip) => Some(
            ip.as_str()
                .and_then(|s| s.trim().parse::<IpAddr>().ok())
                .ok_or_else(|| not_a_report(file, "public_ip is not an IP address"))?,
        ),
    };
    let input = v.get("input");
    let field = |name: &str| {
        input
            .and_then(|i| i.get(name))
            .and_then(|s| s.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let email = field("email");
    let account = field("user").or_else(|| email.clone());
    let tested_at_text = v
        .get("generated_at")
        .and_then(|s| s.as_str())
        .map(str::to_string);
    Ok(CustomerReport {
        client_ip,
        account,
        email,
        tested_at: tested_at_text.as_deref().and_then(parse_rfc3339),
        tested_at_text,
    })
}

/// serde_json's message without its own " at line L column C" (the error names them).
fn first_clause(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Undoes the Markdown escape of `report::markdown` (a backslash before ASCII punctuation:
/// `\|`, `\@`, `\[` ...).
fn unescape_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek().filter(|n| n.is_ascii_punctuation()) {
                out.push(next);
                chars.next();
                continue;
            }
        }
        out.push(c);
    }
    out
}

use crate::i18n::Lang;
use crate::report::wording::{wording, MarkdownWords};

fn parse_markdown(file: &str, text: &str) -> Result<CustomerReport, FromReportError> {
    let mut lines = text.lines().map(str::trim_end);
    let title = lines
        .by_ref()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    // The report may be in any language the tool speaks: its header lines are read with the
    // wording of the language whose title it has.
    let Some((w, email)) = Lang::ALL.iter().find_map(|l| {
        let w = &wording(*l).markdown;
        strip_template(title, &format!("# {}", w.heading), "email").map(|e| (w, e))
    }) else {
        return Err(not_a_report(
            file,
            "not a smtp-doctor report (neither its JSON nor its Markdown form)",
        ));
    };
    let email = Some(unescape_cell(email)).filter(|e| !e.is_empty());
    let mut out = CustomerReport {
        client_ip: None,
        account: None,
        email: email.clone(),
        tested_at: None,
        tested_at_text: None,
    };
    let made = format!("- {}", before(&w.made, "{time}"));
    let public_ip = format!("- {}", before(&w.public_ip, "{ip}"));
    let tested = format!("- {}", before(&w.tested, "{server}"));
    // The header list ends at the first section; causes and checks below never count.
    for line in lines.take_while(|l| !l.starts_with("## ")) {
        if let Some(rest) = line.strip_prefix(made.as_str()) {
            let time = rest.split(" (").next().unwrap_or(rest).trim();
            out.tested_at = parse_rfc3339(time);
            out.tested_at_text = Some(time.to_string());
        } else if let Some(ip) = line.strip_prefix(public_ip.as_str()) {
            out.client_ip = Some(ip.trim().parse().map_err(|_| {
                not_a_report(
                    file,
                    format!(
                        "`{}` is not an IP address",
                        crate::server::model::escape_control(ip.trim())
                    ),
                )
            })?);
        } else if line.starts_with(tested.as_str()) {
            out.account = user_from_settings(w, line.trim_start_matches("- "));
        }
    }
    out.account = out.account.or(email);
    Ok(out)
}

/// The text of `template` before `placeholder` (all of it when it has none).
fn before<'a>(template: &'a str, placeholder: &str) -> &'a str {
    template.split(placeholder).next().unwrap_or(template)
}

/// The value of the one placeholder `{name}` of `template` in `line`, when the line is
/// that template.
fn strip_template<'a>(line: &'a str, template: &str, name: &str) -> Option<&'a str> {
    let (head, tail) = template.split_once(&format!("{{{name}}}"))?;
    line.strip_prefix(head)?.strip_suffix(tail)
}

/// The user name in `server S, port P, encryption E, user U, password given (not shown)`
/// (in the report's language): read from the right, so that a server name with commas
/// cannot shift it.
fn user_from_settings(w: &MarkdownWords, settings: &str) -> Option<String> {
    let after_security = w.tested.split_once("{security}")?.1;
    let (before_user, rest) = after_security.split_once("{user}")?;
    let before_password = rest.split_once("{password}")?.0;
    let (head, _password) = settings.rsplit_once(before_password)?;
    let (_, user) = head.rsplit_once(before_user)?;
    let user = unescape_cell(user);
    (user != w.none && !user.is_empty()).then_some(user)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnosis::diagnose;
    use crate::facts::Facts;
    use crate::report::{markdown, Report};
    use crate::secret::Secret;
    use crate::settings::{Input, Security};
    use crate::tree::QuestionMode;

    fn report(ip: Option<&str>, user: Option<&str>, password: bool) -> Report {
        let mut input = Input::new("alice@example.test");
        input.server = Some("smtp.example.test".into());
        input.port = Some(587);
        input.security = Some(Security::Starttls);
        input.user = user.map(str::to_string);
        input.password = password.then(|| Secret::new("x".into()));
        let catalog = crate::catalog::Catalog::embedded().unwrap();
        let mut d = diagnose(
            &catalog,
            &input,
            &Facts::default(),
            QuestionMode::UseDefaults,
        );
        d.public_ip = ip.map(|s| s.parse().unwrap());
        let mut r = Report::new(&d);
        r.generated_at = "2026-12-01T09:30:00Z".into();
        r
    }

    fn expected(ip: &str, account: &str) -> CustomerReport {
        CustomerReport {
            client_ip: Some(ip.parse().unwrap()),
            account: Some(account.into()),
            email: Some("alice@example.test".into()),
            tested_at: parse_rfc3339("2026-12-01T09:30:00Z"),
            tested_at_text: Some("2026-12-01T09:30:00Z".into()),
        }
    }

    #[test]
    fn json_report() {
        let r = report(Some("198.51.100.7"), Some("Alice.Login"), true);
        assert_eq!(
            parse("r.json", &r.to_json()).unwrap(),
            expected("198.51.100.7", "Alice.Login")
        );
        // No user name and a password: the address is the login.
        let r = report(Some("2001:db8::7"), None, true);
        assert_eq!(
            parse("r.json", &r.to_json()).unwrap(),
            expected("2001:db8::7", "alice@example.test")
        );
    }

    #[test]
    fn markdown_report() {
        let r = report(Some("198.51.100.7"), Some("Alice.Login"), true);
        assert_eq!(
            parse("r.md", &markdown::render(&r)).unwrap(),
            expected("198.51.100.7", "Alice.Login")
        );
        let r = report(Some("203.0.113.9"), None, false);
        assert_eq!(
            parse("r.md", &markdown::render(&r)).unwrap(),
            expected("203.0.113.9", "alice@example.test")
        );
        // A user name with a comma and a pipe (escaped in the table) is still read whole.
        let r = report(Some("203.0.113.9"), Some("b|c, d"), true);
        assert_eq!(
            parse("r.md", &markdown::render(&r)).unwrap().account,
            Some("b|c, d".into())
        );
    }

    #[test]
    fn no_public_address_says_what_to_pass() {
        let r = report(None, None, false);
        for text in [r.to_json(), markdown::render(&r)] {
            let e = parse("r", &text).unwrap_err();
            assert_eq!(e, FromReportError::NoAddress { file: "r".into() });
            assert!(e.to_string().contains("--client-ip"));
        }
    }

    #[test]
    fn broken_files_are_named_with_position() {
        let e = parse(
            "r.json",
            "{\n  \"schema\": \"smtp-doctor/report/v1\",\n  oops\n}",
        )
        .unwrap_err();
        assert!(
            matches!(
                e,
                FromReportError::Json {
                    line: 3,
                    column: 3,
                    ..
                }
            ),
            "{e:?}"
        );
        let line = e.to_string();
        assert!(line.starts_with("r.json:3:3: not valid JSON: "), "{line}");
        assert!(!line.contains('\n'));

        let e = parse("x.json", r#"{"schema": "smtp-doctor/server-report/v1"}"#).unwrap_err();
        assert!(e.to_string().contains("not a customer's report"), "{e}");
        let e = parse(
            "x.json",
            r#"{"schema": "smtp-doctor/report/v1", "public_ip": 7}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("public_ip"), "{e}");
        let e = parse("notes.txt", "hello\nworld").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("notes.txt: not a smtp-doctor report"));
        let e = parse(
            "r.md",
            "# smtp-doctor report for a@b.test\n\n- Public IP of this network: 10.0.0.300\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("10.0.0.300"), "{e}");
    }

    #[test]
    fn unreadable_file() {
        let e = read(Path::new("/nonexistent/smtp-doctor/report.md")).unwrap_err();
        assert!(matches!(e, FromReportError::Unreadable { .. }));
        assert!(e
            .to_string()
            .starts_with("/nonexistent/smtp-doctor/report.md: "));
    }

    #[test]
    fn lines_below_the_header_never_count() {
        let text = "# smtp-doctor report for a@b.test\n\n- Made: 2026-12-01T09:30:00Z (smtp-doctor 0.1.0)\n\n## Cause: x\n\n- Public IP of this network: 198.51.100.99\n";
        assert_eq!(
            parse("r.md", text).unwrap_err(),
            FromReportError::NoAddress {
                file: "r.md".into()
            }
        );
    }
}
