//! Turning a classified line into a `LogEntry`, and keeping a bounded number of them.

use std::collections::VecDeque;

use crate::server::model::{escape_control, LogEntry, LogEvent};

use super::classify::Classified;
use super::time::rfc3339;

/// Entries kept per source and in the whole result: the latest ones (a brute-force attack
/// can leave millions of lines; the last thousands say everything and the report stays
/// readable).
pub const MAX_ENTRIES: usize = 10_000;
/// A line is cut to this many bytes in the report (mail log lines are well below).
pub const MAX_LINE_BYTES: usize = 4096;

/// A line that names the account but not the client's address counts only for these:
/// the account's sign-ins and refusals from other addresses, not its every session.
pub fn account_line_counts(event: LogEvent) -> bool {
    matches!(
        event,
        LogEvent::AuthOk | LogEvent::AuthFailed | LogEvent::Rejected | LogEvent::TlsFailed
    )
}

fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The entry for one line; every text that came from the log is escaped.
pub fn make_entry(file: &str, line: &str, program: &str, unix: i64, c: &Classified) -> LogEntry {
    let mut text = escape_control(cut(line, MAX_LINE_BYTES));
    if line.len() > MAX_LINE_BYTES {
        text.push_str(" [...]");
    }
    LogEntry {
        id: String::new(),
        time: rfc3339(unix),
        file: escape_control(file),
        program: escape_control(program),
        event: c.event,
        account: c.account.as_deref().map(escape_control),
        line: text,
        reply: c
            .reply
            .as_deref()
            .map(|r| escape_control(cut(r, MAX_LINE_BYTES))),
        unix,
    }
}

/// The latest `MAX_ENTRIES` entries pushed, in push order, and how many older ones went.
#[derive(Debug, Default)]
pub struct Kept {
    entries: VecDeque<LogEntry>,
    dropped: usize,
    limit: usize,
}

impl Kept {
    pub fn new() -> Kept {
        Kept::with_limit(MAX_ENTRIES)
    }

    pub fn with_limit(limit: usize) -> Kept {
        Kept {
            entries: VecDeque::new(),
            dropped: 0,
            limit: limit.max(1),
        }
    }

    pub fn push(&mut self, e: LogEntry) {
        if self.entries.len() == self.limit {
            self.entries.pop_front();
            self.dropped += 1;
        }
        self.entries.push_back(e);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The kept entries and the number dropped.
    pub fn into_parts(self) -> (Vec<LogEntry>, usize) {
        (self.entries.into(), self.dropped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_text_is_escaped_and_cut() {
        let c = Classified::new(LogEvent::AuthFailed)
            .account(Some("al\u{1b}ice"))
            .reply(Some("bad\u{7}"));
        let e = make_entry(
            "/var/log/mail\u{1b}.log",
            "x\u{1b}[2Jy",
            "postfix/smtpd",
            0,
            &c,
        );
        assert_eq!(e.line, "x\\u{1b}[2Jy");
        assert_eq!(e.account.as_deref(), Some("al\\u{1b}ice"));
        assert_eq!(e.reply.as_deref(), Some("bad\\u{7}"));
        assert_eq!(e.file, "/var/log/mail\\u{1b}.log");
        assert_eq!(e.time, "1970-01-01T00:00:00Z");
        let long = "é".repeat(3000);
        let e = make_entry("f", &long, "p", 0, &Classified::other());
        assert!(e.line.len() <= MAX_LINE_BYTES + 6);
        assert!(e.line.ends_with(" [...]"));
    }

    #[test]
    fn keeps_the_latest() {
        let mut k = Kept::with_limit(3);
        for i in 0..5 {
            k.push(make_entry("f", "l", "p", i, &Classified::other()));
        }
        let (e, dropped) = k.into_parts();
        assert_eq!(dropped, 2);
        assert_eq!(e.iter().map(|e| e.unix).collect::<Vec<_>>(), [2, 3, 4]);
    }
}
