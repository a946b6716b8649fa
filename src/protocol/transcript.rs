//! The SMTP transcript: every line sent and received, per port, with secrets redacted.

use serde::Serialize;

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
}

/// What the transcript shows instead of anything that could carry a credential.
pub const REDACTED: &str = "[redacted]";

impl Transcript {
    pub fn new(port: u16) -> Self {
        Transcript {
            port,
            lines: Vec::new(),
        }
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

    /// Records a line the server sent (already made safe for display by the reply parser).
    pub fn server(&mut self, line: &str) {
        self.lines.push(Line {
            port: self.port,
            dir: Dir::Server,
            line: line.to_string(),
        });
    }

    /// Records something that happened on the connection that is not a protocol line.
    pub fn note(&mut self, what: &str) {
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
}
