//! The SMTP transcript: every line sent and received, per port, with secrets redacted.
//!
//! It is also the one place where what a server says enters the probe's results: every reply
//! and every reply error read on a connection passes through [`Transcript::server_reply`] or
//! [`Transcript::server_error`], which take the run's password out of it (in every form,
//! see [`Redactor`]) before it is recorded or returned, so nothing derived from server text
//! (summaries, explanations, reports, recordings) can carry it.

use serde::Serialize;

use super::redact::Redactor;
use crate::protocol::reply::{Reply, ReplyError};

/// Who said a line: the client (`c`) or the server (`s`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Dir {
    #[serde(rename = "c")]
    Client,
    #[serde(rename = "s")]
    Server,
}

/// One transcript line (`transcript[]` in the JSON contract).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    pub port: u16,
    pub dir: Dir,
    pub line: String,
}

/// Collects the transcript of one connection.
#[derive(Debug, Clone, Default)]
pub struct Transcript {
    pub port: u16,
    pub lines: Vec<Line>,
    /// Takes the run's password out of server text (holds no copy of it).
    redactor: Redactor,
}

/// What the transcript shows instead of anything that could carry a credential.
pub const REDACTED: &str = super::redact::REDACTED;

impl Transcript {
    pub fn new(port: u16) -> Self {
        Transcript {
            port,
            lines: Vec::new(),
            redactor: Redactor::none(),
        }
    }

    /// The same transcript, taking `redactor`'s password out of everything the server says.
    #[must_use]
    pub fn redacting(mut self, redactor: Redactor) -> Self {
        self.redactor = redactor;
        self
    }

    /// Records a reply the server sent (`raw`: its lines as sent, terminal-safe) and returns
    /// it; both without the password.
    pub fn server_reply(&mut self, reply: Reply, raw: Vec<String>) -> Reply {
        for line in self.redactor.redact_lines(raw) {
            self.push_server(line);
        }
        self.redact_reply(reply)
    }

    /// Records a failed read (what had arrived, and why it failed) and returns the error,
    /// both without the password.
    pub fn server_error(&mut self, e: ReplyError) -> ReplyError {
        let e = self.redact_error(e);
        if let ReplyError::Closed { partial: Some(p) } = &e {
            self.push_server(p.clone());
        }
        self.note(&e.to_string());
        e
    }

    /// `reply` without the password in any of its lines (nor in pieces across them).
    pub fn redact_reply(&self, mut reply: Reply) -> Reply {
        reply.lines = self.redactor.redact_lines(std::mem::take(&mut reply.lines));
        reply
    }

    /// `e` without the password in the server text it carries.
    pub fn redact_error(&self, e: ReplyError) -> ReplyError {
        let r = |s: String| self.redactor.redact_owned(s);
        match e {
            // What had arrived, its lines joined with ` | `: a piece may go on across them.
            ReplyError::Closed { partial } => ReplyError::Closed {
                partial: partial.map(|p| self.redactor.redact_joined(p, " | ")),
            },
            ReplyError::Malformed(s) => ReplyError::Malformed(r(s)),
            ReplyError::Io(s) => ReplyError::Io(r(s)),
            ReplyError::Unsolicited(s) => ReplyError::Unsolicited(r(s)),
            ReplyError::Unexpected { command, reply } => ReplyError::Unexpected {
                command: r(command),
                reply: r(reply),
            },
            other @ (ReplyError::Timeout(_) | ReplyError::TooLong) => other,
        }
    }

    fn push_server(&mut self, line: String) {
        self.lines.push(Line {
            port: self.port,
            dir: Dir::Server,
            line,
        });
    }

    /// Records a line the client sent. AUTH commands keep only their mechanism name.
    pub fn client(&mut self, line: &str) {
        let shown = redact_client_line(line);
        self.lines.push(Line {
            port: self.port,
            dir: Dir::Client,
            line: shown,
        });
    }

    /// Records a client line that is a credential (an AUTH continuation): never its content.
    pub fn client_secret(&mut self) {
        self.lines.push(Line {
            port: self.port,
            dir: Dir::Client,
            line: REDACTED.to_string(),
        });
    }

    /// Records a line the server sent (already made safe for display by the reply parser),
    /// without the password.
    pub fn server(&mut self, line: &str) {
        let line = self.redactor.redact(line).into_owned();
        self.push_server(line);
    }

    /// Records something that happened on the connection that is not a protocol line
    /// (it may quote the server: redacted too).
    pub fn note(&mut self, what: &str) {
        let what = self.redactor.redact(what);
        self.lines.push(Line {
            port: self.port,
            dir: Dir::Client,
            line: format!("-- {what}"),
        });
    }
}

/// `AUTH PLAIN <base64>` carries the password in its initial response: keep the verb and
/// mechanism only.
fn redact_client_line(line: &str) -> String {
    let mut words = line.split_whitespace();
    match (words.next(), words.next()) {
        (Some(verb), Some(mech)) if verb.eq_ignore_ascii_case("AUTH") => {
            if words.next().is_some() {
                format!("{verb} {mech} {REDACTED}")
            } else {
                format!("{verb} {mech}")
            }
        }
        _ => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_initial_response_is_redacted() {
        let mut t = Transcript::new(587);
        t.client("AUTH PLAIN AGFsaWNlAHNlY3JldA==");
        t.client("AUTH LOGIN");
        t.client_secret();
        t.client("EHLO host");
        let lines: Vec<_> = t.lines.iter().map(|l| l.line.as_str()).collect();
        assert_eq!(
            lines,
            [
                "AUTH PLAIN [redacted]",
                "AUTH LOGIN",
                "[redacted]",
                "EHLO host"
            ]
        );
    }

    #[test]
    fn server_text_loses_the_password_before_it_is_recorded_or_returned() {
        use crate::protocol::redact::Forms;
        use crate::protocol::reply::parse_lines;
        let forms = std::sync::Arc::new(Forms::new("Hunter2-Secret".into()));
        let mut t = Transcript::new(587).redacting(Redactor::of(&forms));
        let raw = [
            "535-5.7.8 bad password 'Hunter2-Secret'",
            "535 5.7.8 try again",
        ];
        let lines: Vec<&[u8]> = raw.iter().map(|l| l.as_bytes()).collect();
        let reply = parse_lines(&lines).expect("a reply");
        let reply = t.server_reply(reply, raw.iter().map(|l| (*l).to_string()).collect());
        assert_eq!(reply.lines[0], "5.7.8 bad password '[redacted]'");
        let e = t.server_error(ReplyError::Closed {
            partial: Some("421 bye Hunter2-Secret".into()),
        });
        assert_eq!(
            e,
            ReplyError::Closed {
                partial: Some("421 bye [redacted]".into())
            }
        );
        t.server("250 ok Hunter2-Secret");
        t.note("EHLO refused: 550 Hunter2-Secret");
        for l in &t.lines {
            assert!(!l.line.contains("Hunter2"), "{}", l.line);
        }
        assert_eq!(t.lines.len(), 6);
    }
}
