//! What a mail log message says happened (the event, the account it names and the server's
//! reply or reason) and the small readers every MTA's classifier shares. A leaf: the MTA
//! modules build on it, and [`super::classify`] picks the MTA.

use crate::server::model::LogEvent;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classified {
    pub event: LogEvent,
    /// The login the line names (`sasl_username=`, `user=<...>`, `set_id=`, `A=auth:user`).
    pub account: Option<String>,
    /// The server's reply or the reason, for failures and rejections.
    pub reply: Option<String>,
}

impl Classified {
    pub fn new(event: LogEvent) -> Classified {
        Classified {
            event,
            account: None,
            reply: None,
        }
    }

    pub fn other() -> Classified {
        Classified::new(LogEvent::Other)
    }

    #[must_use]
    pub fn account(mut self, account: Option<&str>) -> Classified {
        self.account = account
            .map(str::trim)
            .filter(|a| !a.is_empty() && *a != "?" && *a != "(unavailable)")
            .map(str::to_string);
        self
    }

    #[must_use]
    pub fn reply(mut self, reply: Option<&str>) -> Classified {
        self.reply = reply
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string);
        self
    }
}

/// The value after `key` (which includes its `=`), up to the first of `stops` or the end.
pub(super) fn value_after<'a>(s: &'a str, key: &str, stops: &[char]) -> Option<&'a str> {
    let start = s.find(key)? + key.len();
    let rest = s.get(start..)?;
    let end = rest
        .find(|c: char| stops.contains(&c))
        .unwrap_or(rest.len());
    rest.get(..end)
}

/// The text after a client written as `host[IP]`, `[IP]` or `[IP]:port` and then `: ` (or a
/// space): the reply or reason that follows the client in most failure lines.
pub(super) fn after_client(s: &str) -> Option<&str> {
    let close = s.find(']')?;
    let mut rest = s.get(close + 1..)?;
    if let Some(port) = rest.strip_prefix(':') {
        let digits = port.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            rest = port.get(digits..)?;
        }
    }
    rest.strip_prefix(": ")
        .or_else(|| rest.strip_prefix(' '))
        .or_else(|| rest.is_empty().then_some(rest))
}
