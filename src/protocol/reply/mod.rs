//! SMTP reply parsing (RFC 5321 §4.2) with RFC 3463 enhanced status codes, and EHLO parsing.
//!
//! Everything a server sends is untrusted: reading is bounded in time and size, and every line
//! is made safe for a terminal ([`sanitize`]) before it leaves this module.
//!
//! This file holds the reply itself and the line parser; `read` reads one reply from a
//! stream (bounded), `ehlo` reads what an EHLO reply announces.

mod ehlo;
mod expect;
mod read;

use std::fmt;
use std::fmt::Write as _;
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use ehlo::{bracketed_address, parse_ehlo, Ehlo};
pub use expect::{answers, Verb};
pub use read::read_reply;

/// An RFC 3463 enhanced status code such as `5.7.8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnhancedCode {
    pub class: u8,
    pub subject: u16,
    pub detail: u16,
}

impl fmt::Display for EnhancedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

impl EnhancedCode {
    /// Parses `class.subject.detail` at the start of `text`, followed by a space or the end.
    /// Subject and detail have 1 to 3 digits (RFC 3463 §2), so `5.7.999999` is not a code.
    pub fn parse_prefix(text: &str) -> Option<EnhancedCode> {
        let word = text.split(' ').next().unwrap_or("");
        let mut parts = word.split('.');
        let class = parts.next()?;
        let subject = parts.next()?;
        let detail = parts.next()?;
        if parts.next().is_some() {
            return None;
        }
        let digits = |s: &str, max: usize| {
            !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(class, 1) || !digits(subject, 3) || !digits(detail, 3) {
            return None;
        }
        let class: u8 = class.parse().ok()?;
        if !matches!(class, 2 | 4 | 5) {
            return None;
        }
        Some(EnhancedCode {
            class,
            subject: subject.parse().ok()?,
            detail: detail.parse().ok()?,
        })
    }
}

/// One complete (possibly multi-line) SMTP reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub code: u16,
    /// The enhanced code at the start of the first line's text, if any.
    pub enhanced: Option<EnhancedCode>,
    /// The text of each line after `250-` / `250 `, terminal-safe, as sent otherwise.
    pub lines: Vec<String>,
}

impl Reply {
    /// All lines joined with a space (the enhanced code, if sent, stays in place).
    pub fn text(&self) -> String {
        self.lines.join(" ")
    }

    /// 2xx: the command succeeded.
    pub fn is_positive(&self) -> bool {
        (200..300).contains(&self.code)
    }

    /// 3xx: the server waits for more (DATA content, an AUTH continuation).
    pub fn is_intermediate(&self) -> bool {
        (300..400).contains(&self.code)
    }

    /// 4xx: a temporary failure; retrying later may work.
    pub fn is_transient(&self) -> bool {
        (400..500).contains(&self.code)
    }

    /// 5xx: a permanent failure.
    pub fn is_permanent(&self) -> bool {
        (500..600).contains(&self.code)
    }
}

impl fmt::Display for Reply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.text();
        if text.is_empty() {
            write!(f, "{}", self.code)
        } else {
            write!(f, "{} {}", self.code, text)
        }
    }
}

/// Bounds on what one reply may take, so a hostile or broken server cannot exhaust memory.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest line, in bytes, not counting the line terminator.
    pub max_line: usize,
    /// Most lines in one reply.
    pub max_lines: usize,
    /// Most bytes in one reply, terminators included.
    pub max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_line: 2048,
            max_lines: 200,
            max_bytes: 65536,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplyError {
    #[error("no reply within {0:?}")]
    Timeout(Duration),
    /// The peer closed (or reset) the connection before a complete reply; `partial` is what had
    /// arrived, terminal-safe, lines separated by ` | `.
    #[error("connection closed")]
    Closed { partial: Option<String> },
    #[error("malformed reply: {0}")]
    Malformed(String),
    #[error("reply too long")]
    TooLong,
    #[error("read error: {0}")]
    Io(String),
    /// More came than the commands sent ask for: the replies can no longer be matched to
    /// the commands, so none of them counts.
    #[error("the server sent a reply no command asked for: {0}")]
    Unsolicited(String),
    /// A well-formed reply whose code cannot answer the command it was read for (a `354`
    /// to MAIL FROM, a second `220` to EHLO): it belongs to something else.
    #[error("the reply does not answer {command}: {reply}")]
    Unexpected { command: String, reply: String },
}

impl ReplyError {
    /// The server broke SMTP's rules (as opposed to going silent or away).
    pub fn is_violation(&self) -> bool {
        matches!(
            self,
            ReplyError::Malformed(_)
                | ReplyError::TooLong
                | ReplyError::Unsolicited(_)
                | ReplyError::Unexpected { .. }
        )
    }
}

/// Makes bytes from the network safe to print: invalid UTF-8 becomes U+FFFD, and every control
/// character (C0 including TAB and ESC, DEL, C1) plus the Unicode bidi and line/paragraph
/// separator controls becomes a visible escape (`\x1b`, `\u{202e}`), so nothing a server sends
/// can move the cursor, recolour the terminal or reorder text.
pub fn sanitize(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let n = u32::from(c);
        if n < 0x20 || (0x7f..=0x9f).contains(&n) {
            let _ = write!(out, "\\x{n:02x}");
        } else if is_invisible_control(n) {
            let _ = write!(out, "\\u{{{n:x}}}");
        } else {
            out.push(c);
        }
    }
    out
}

/// Format characters that can reorder or hide text on a terminal (Trojan-Source style).
fn is_invisible_control(n: u32) -> bool {
    matches!(n, 0x200e | 0x200f | 0x2028 | 0x2029 | 0x202a..=0x202e | 0x2066..=0x2069)
}

/// Removes every trailing CR and LF (servers send CRLF, bare LF, and sometimes doubled CR).
fn trim_eol(line: &[u8]) -> &[u8] {
    let mut end = line.len();
    while end > 0 && matches!(line[end - 1], b'\r' | b'\n') {
        end -= 1;
    }
    &line[..end]
}

/// The parts of one reply line: code, whether it is the last line, and its text.
struct LineParts<'a> {
    code: u16,
    last: bool,
    text: &'a [u8],
}

fn split_line(raw: &[u8]) -> Result<LineParts<'_>, ReplyError> {
    let line = trim_eol(raw);
    let bad = |why: &str| ReplyError::Malformed(format!("{why}: \"{}\"", sanitize(line)));
    if line.len() < 3 || !line[..3].iter().all(u8::is_ascii_digit) {
        return Err(bad("line does not start with a 3-digit code"));
    }
    let code = line[..3]
        .iter()
        .fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0'));
    if !(200..=599).contains(&code) {
        return Err(bad("reply code out of range 200-599"));
    }
    // RFC 5321 §4.2.1: the second digit is one of 0 to 5.
    if line[1] > b'5' {
        return Err(bad("reply code with a second digit above 5"));
    }
    match line.get(3) {
        None => Ok(LineParts {
            code,
            last: true,
            text: &[],
        }),
        Some(b' ') => Ok(LineParts {
            code,
            last: true,
            text: &line[4..],
        }),
        Some(b'-') => Ok(LineParts {
            code,
            last: false,
            text: &line[4..],
        }),
        Some(_) => Err(bad("code not followed by space or hyphen")),
    }
}

/// Parses the lines of one complete reply (each with or without its line terminator).
/// All lines but the last must be continuation lines (`250-`), all with the same code.
pub fn parse_lines(lines: &[&[u8]]) -> Result<Reply, ReplyError> {
    if lines.is_empty() {
        return Err(ReplyError::Malformed("empty reply".to_string()));
    }
    let mut code = None;
    let mut texts = Vec::with_capacity(lines.len());
    for (i, raw) in lines.iter().enumerate() {
        let parts = split_line(raw)?;
        let first = *code.get_or_insert(parts.code);
        if parts.code != first {
            return Err(ReplyError::Malformed(format!(
                "continuation line code {} differs from {first}",
                parts.code
            )));
        }
        let is_final = i + 1 == lines.len();
        if parts.last != is_final {
            let why = if is_final {
                "reply ends with a continuation line"
            } else {
                "final line followed by more lines"
            };
            return Err(ReplyError::Malformed(why.to_string()));
        }
        texts.push(sanitize(parts.text));
    }
    let enhanced = texts.first().and_then(|t| EnhancedCode::parse_prefix(t));
    Ok(Reply {
        code: code.unwrap_or(0),
        enhanced,
        lines: texts,
    })
}

#[cfg(test)]
mod tests;
