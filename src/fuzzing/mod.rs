//! The promises of the parsers that read bytes from the network or from files, as checks the
//! fuzz targets (`fuzz/`) run on every generated input and `tests/fuzz_regressions.rs` runs on
//! every input a fuzzer ever broke (`fuzz/regressions/<target>/`). One code for both, so a
//! regression test checks exactly what the fuzzer checked.
//!
//! Each check takes raw bytes, runs one parser family through its public entry points and
//! returns the first broken promise as a [`Violation`]. A panic inside a parser is a finding
//! too: the fuzzer reports it, and the regression test fails on it.

mod cert;
mod files;
mod logs;
mod reply;
mod text;

use std::fmt;

/// One broken promise: which target and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{target}: {what}")]
pub struct Violation {
    pub target: &'static str,
    pub what: String,
}

/// The parser families that are fuzzed; `name` is the fuzz target's and the corpus folder's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// SMTP reply lines, parsed whole and read from a stream within limits.
    Reply,
    /// EHLO reply lines: server name, greeting, extensions, AUTH mechanisms.
    Ehlo,
    /// A decision tree file (`--tree`).
    Tree,
    /// A provider profile file (`profiles/*.toml`, `--profiles DIR`).
    Profile,
    /// Reply rules (`[[rule]]` of assets/replies.toml, an overlay's `[[reply]]`).
    Replies,
    /// A mail client's error message as the person pastes it.
    ErrorText,
    /// A server's certificate (DER) and what is said about it.
    Cert,
    /// Mail log lines: timestamps, layouts, classification, log entries.
    ServerLogs,
    /// `journalctl -o json` records and `journalctl --version`.
    Journal,
}

impl Target {
    pub const ALL: [Target; 9] = [
        Target::Reply,
        Target::Ehlo,
        Target::Tree,
        Target::Profile,
        Target::Replies,
        Target::ErrorText,
        Target::Cert,
        Target::ServerLogs,
        Target::Journal,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Target::Reply => "reply",
            Target::Ehlo => "ehlo",
            Target::Tree => "tree",
            Target::Profile => "profile",
            Target::Replies => "replies",
            Target::ErrorText => "error_text",
            Target::Cert => "cert",
            Target::ServerLogs => "server_logs",
            Target::Journal => "journal",
        }
    }

    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Runs the target's parsers on `data` and checks their promises.
    pub fn check(self, data: &[u8]) -> Result<(), Violation> {
        let result = match self {
            Target::Reply => reply::check_reply(data),
            Target::Ehlo => reply::check_ehlo(data),
            Target::Tree => files::check_tree(data),
            Target::Profile => files::check_profile(data),
            Target::Replies => files::check_replies(data),
            Target::ErrorText => text::check_error_text(data),
            Target::Cert => cert::check_cert(data),
            Target::ServerLogs => logs::check_server_logs(data),
            Target::Journal => logs::check_journal(data),
        };
        result.map_err(|what| Violation {
            target: self.name(),
            what,
        })
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a check returns: the broken promise in words.
type Checked = Result<(), String>;

/// Fails with `what()` unless `ok`.
fn ensure(ok: bool, what: impl FnOnce() -> String) -> Checked {
    if ok {
        Ok(())
    } else {
        Err(what())
    }
}

/// What `protocol::reply::sanitize` promises: no C0 or C1 control, no DEL, no bidi or line
/// separator control, so the text cannot act on a terminal.
fn terminal_safe(s: &str) -> bool {
    s.chars().all(|c| {
        let n = u32::from(c);
        !(n < 0x20
            || (0x7f..=0x9f).contains(&n)
            || matches!(n, 0x200e | 0x200f | 0x2028 | 0x2029 | 0x202a..=0x202e | 0x2066..=0x2069))
    })
}

fn ensure_terminal_safe(what: &str, s: &str) -> Checked {
    ensure(terminal_safe(s), || {
        format!("{what} holds a control character: {s:?}")
    })
}

/// Whether a `line:column` (1-based, columns in characters) lies within `text`: on one of its
/// lines, at most one past that line's last character.
fn position_within(text: &str, line: usize, column: usize) -> bool {
    if line == 0 || column == 0 {
        return false;
    }
    text.split('\n')
        .nth(line - 1)
        .is_some_and(|l| column <= l.chars().count() + 1)
}
