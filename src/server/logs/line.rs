//! One log line taken apart: its timestamp, the program that wrote it and the message, for
//! the layouts mail logs use:
//! - syslog (rsyslog classic or RFC 3339, Postfix's own `maillog_file`):
//!   `STAMP host program[pid]: message`;
//! - Dovecot's `log_path`: `STAMP component: Level: message` (no host, no program);
//! - Exim's main and reject logs: `STAMP [+zone] [[pid]] message`.

use super::time::{parse_stamp, Stamp, StampStyle};

/// Which classifier reads the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Postfix,
    Dovecot,
    Exim,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedLine<'a> {
    pub stamp: Stamp,
    /// `postfix/submission/smtpd`, `dovecot`, `exim`; for other syslog programs their tag.
    pub program: &'a str,
    pub family: Family,
    /// The text after `program[pid]: ` (Dovecot's `log_path`: `component: Level: text`).
    pub message: &'a str,
}

const DOVECOT_LEVELS: [&str; 6] = ["Info", "Warning", "Error", "Fatal", "Panic", "Debug"];

/// The family of a syslog tag or journal identifier: `postfix/...` (and multi-instance
/// `postfix-out/...`), or any tag whose last part is a Postfix daemon (a custom
/// `syslog_name` such as `mx/submission/smtpd`), `dovecot...`, `exim...`.
pub fn family_of(program: &str) -> Family {
    let p = program.to_ascii_lowercase();
    if p.starts_with("postfix") {
        return Family::Postfix;
    }
    if p.starts_with("dovecot") {
        return Family::Dovecot;
    }
    if p.starts_with("exim") {
        return Family::Exim;
    }
    let last = p.rsplit('/').next().unwrap_or("");
    if p.contains('/')
        && matches!(
            last,
            "smtpd" | "postscreen" | "anvil" | "tlsproxy" | "dnsblog" | "cleanup" | "qmgr" | "smtp"
        )
    {
        return Family::Postfix;
    }
    Family::Other
}

/// Takes a line apart; `None` when it does not start with a timestamp (Exim's reject log
/// writes the rejected message's headers on lines of their own, for instance).
pub fn parse_line(line: &str) -> Option<ParsedLine<'_>> {
    let (stamp, style, rest) = parse_stamp(line)?;
    // Before Exim: a Dovecot whose `log_timestamp` is `%Y-%m-%d %H:%M:%S ` looks like Exim.
    if let Some(message) = dovecot_log_path(rest) {
        return Some(ParsedLine {
            stamp,
            program: "dovecot",
            family: Family::Dovecot,
            message,
        });
    }
    if style == StampStyle::Exim {
        return Some(ParsedLine {
            stamp,
            program: "exim",
            family: Family::Exim,
            message: strip_exim_pid(rest),
        });
    }
    // `host program[pid]: message`
    let (_host, after_host) = rest.split_once(' ')?;
    let (tag, message) = match after_host.split_once(": ") {
        Some((tag, message)) if !tag.contains(' ') => (tag, message),
        _ => match after_host.strip_suffix(':') {
            Some(tag) if !tag.contains(' ') => (tag, ""),
            _ => return None,
        },
    };
    let program = tag.split_once('[').map_or(tag, |(p, _)| p);
    if program.is_empty() {
        return None;
    }
    Some(ParsedLine {
        stamp,
        program,
        family: family_of(program),
        message,
    })
}

/// `auth: Info: ...` (Dovecot's own log file): the component has no space and a level word
/// follows it.
fn dovecot_log_path(rest: &str) -> Option<&str> {
    let (component, after) = rest.split_once(": ")?;
    if component.is_empty() || component.contains(' ') {
        return None;
    }
    let level = after.split_once(": ").map_or(after, |(l, _)| l);
    DOVECOT_LEVELS.contains(&level).then_some(rest)
}

/// Exim's `+pid` log selector writes `[12345] ` after the time.
fn strip_exim_pid(rest: &str) -> &str {
    if let Some(inner) = rest.strip_prefix('[') {
        if let Some((pid, after)) = inner.split_once("] ") {
            if !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) {
                return after;
            }
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postfix_maillog_file_line() {
        let p = parse_line(
            "Dec 01 10:38:39 mail postfix/submission/smtpd[7584]: connect from x[1.2.3.4]",
        )
        .unwrap();
        assert_eq!(p.program, "postfix/submission/smtpd");
        assert_eq!(p.family, Family::Postfix);
        assert_eq!(p.message, "connect from x[1.2.3.4]");
    }

    #[test]
    fn rsyslog_rfc3339_dovecot_line() {
        let p = parse_line(
            "2026-12-01T09:00:00.123456+00:00 mail dovecot: auth: passwd-file(a,1.2.3.4): Password mismatch",
        )
        .unwrap();
        assert_eq!((p.program, p.family), ("dovecot", Family::Dovecot));
        assert_eq!(p.message, "auth: passwd-file(a,1.2.3.4): Password mismatch");
    }

    #[test]
    fn dovecot_log_path_line() {
        let p = parse_line("Dec 01 10:38:47 imap(alice@example.test)<8366><VsmjIZBht6zGM2QH>: Info: Disconnected: Logged out in=12").unwrap();
        assert_eq!((p.program, p.family), ("dovecot", Family::Dovecot));
        assert!(p.message.starts_with("imap(alice@example.test)<8366>"));
    }

    #[test]
    fn exim_lines() {
        let p = parse_line("2026-12-01 09:00:00 [4242] 1tXyZa-000ABC-DE <= a@b H=x").unwrap();
        assert_eq!((p.program, p.family), ("exim", Family::Exim));
        assert_eq!(p.message, "1tXyZa-000ABC-DE <= a@b H=x");
        let p =
            parse_line("Dec  1 09:00:00 mail exim[4242]: SMTP connection from [1.2.3.4]").unwrap();
        assert_eq!((p.program, p.family), ("exim", Family::Exim));
    }

    #[test]
    fn families() {
        assert_eq!(family_of("postfix-out/smtpd"), Family::Postfix);
        assert_eq!(family_of("mx/submission/smtpd"), Family::Postfix);
        assert_eq!(family_of("exim4"), Family::Exim);
        assert_eq!(family_of("sshd"), Family::Other);
        assert_eq!(family_of("smtpd"), Family::Other);
    }

    #[test]
    fn dovecot_with_an_iso_log_timestamp() {
        let p = parse_line("2026-12-01 09:00:00 auth: Info: passwd-file(a,1.2.3.4): unknown user")
            .unwrap();
        assert_eq!(p.family, Family::Dovecot);
    }

    #[test]
    fn not_log_lines() {
        assert_eq!(parse_line("Envelope-from: <a@b>"), None);
        assert_eq!(parse_line("Dec  1 09:00:00 hostonly"), None);
        assert_eq!(parse_line("Dec  1 09:00:00 host [1]: x"), None);
        let p = parse_line("Dec  1 09:00:00 host postfix/smtpd[1]:").unwrap();
        assert_eq!(p.message, "");
    }
}
