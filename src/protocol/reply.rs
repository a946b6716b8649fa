//! SMTP reply parsing (RFC 5321 §4.2) with RFC 3463 enhanced status codes, and EHLO parsing.
//!
//! Everything a server sends is untrusted: reading is bounded in time and size, and every line
//! is made safe for a terminal ([`sanitize`]) before it leaves this module.

use std::fmt;
use std::net::IpAddr;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufRead, AsyncBufReadExt};

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
            out.push_str(&format!("\\x{n:02x}"));
        } else if is_invisible_control(n) {
            out.push_str(&format!("\\u{{{n:x}}}"));
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

/// Reads one complete reply. Returns it with the raw lines (code included, terminal-safe) for
/// the transcript. `timeout` bounds the whole reply, not each read, so a server trickling
/// bytes cannot hold us longer.
pub async fn read_reply<R: AsyncBufRead + Unpin>(
    r: &mut R,
    limits: &Limits,
    timeout: Duration,
) -> Result<(Reply, Vec<String>), ReplyError> {
    let mut raw: Vec<Vec<u8>> = Vec::new();
    let mut current = Vec::new();
    let result = tokio::time::timeout(timeout, read_lines(r, limits, &mut raw, &mut current)).await;
    match result {
        Err(_) => Err(ReplyError::Timeout(timeout)),
        Ok(Err(ReadFailure::Eof)) => Err(ReplyError::Closed {
            partial: partial_text(&raw, &current),
        }),
        Ok(Err(ReadFailure::Reply(e))) => Err(e),
        Ok(Ok(())) => {
            let refs: Vec<&[u8]> = raw.iter().map(Vec::as_slice).collect();
            let reply = parse_lines(&refs)?;
            let shown = raw.iter().map(|l| sanitize(trim_eol(l))).collect();
            Ok((reply, shown))
        }
    }
}

enum ReadFailure {
    Eof,
    Reply(ReplyError),
}

impl From<ReplyError> for ReadFailure {
    fn from(e: ReplyError) -> Self {
        ReadFailure::Reply(e)
    }
}

fn partial_text(raw: &[Vec<u8>], current: &[u8]) -> Option<String> {
    let parts: Vec<String> = raw
        .iter()
        .map(Vec::as_slice)
        .chain(std::iter::once(current))
        .map(trim_eol)
        .filter(|l| !l.is_empty())
        .map(sanitize)
        .collect();
    (!parts.is_empty()).then(|| parts.join(" | "))
}

/// Reads lines into `raw` until a final line. Lines are checked as they arrive so a garbage
/// first line fails at once instead of waiting for the time-out.
async fn read_lines<R: AsyncBufRead + Unpin>(
    r: &mut R,
    limits: &Limits,
    raw: &mut Vec<Vec<u8>>,
    current: &mut Vec<u8>,
) -> Result<(), ReadFailure> {
    let mut total = 0usize;
    let mut first_code = None;
    loop {
        read_one_line(r, limits, current, &mut total).await?;
        let line = std::mem::take(current);
        let parts = split_line(&line)?;
        let first = *first_code.get_or_insert(parts.code);
        if parts.code != first {
            return Err(ReplyError::Malformed(format!(
                "continuation line code {} differs from {first}",
                parts.code
            ))
            .into());
        }
        let last = parts.last;
        raw.push(line);
        if last {
            return Ok(());
        }
        if raw.len() >= limits.max_lines {
            return Err(ReplyError::TooLong.into());
        }
    }
}

/// Reads one LF-terminated line into `line`, never holding more than `max_line + 2` bytes.
async fn read_one_line<R: AsyncBufRead + Unpin>(
    r: &mut R,
    limits: &Limits,
    line: &mut Vec<u8>,
    total: &mut usize,
) -> Result<(), ReadFailure> {
    loop {
        let buf = match r.fill_buf().await {
            Ok(buf) => buf,
            Err(e) => return Err(io_failure(e)),
        };
        if buf.is_empty() {
            return Err(ReadFailure::Eof);
        }
        let (take, found) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let chunk = &buf[..take];
        if found {
            let mut joined_len = line.len() + chunk.len();
            // Content length without the terminator; a CR may sit at the end of `line` already.
            joined_len -= 1;
            let cr = if take >= 2 {
                chunk[take - 2] == b'\r'
            } else {
                line.last() == Some(&b'\r')
            };
            if cr {
                joined_len -= 1;
            }
            if joined_len > limits.max_line {
                return Err(ReplyError::TooLong.into());
            }
        } else if line.len() + chunk.len() > limits.max_line + 1 {
            // +1: the CR of a CRLF split across reads.
            return Err(ReplyError::TooLong.into());
        }
        *total += take;
        if *total > limits.max_bytes {
            return Err(ReplyError::TooLong.into());
        }
        line.extend_from_slice(chunk);
        r.consume(take);
        if found {
            return Ok(());
        }
    }
}

fn io_failure(e: std::io::Error) -> ReadFailure {
    use std::io::ErrorKind::*;
    // A reset or abort is the peer going away, which the diagnosis treats like EOF.
    match e.kind() {
        UnexpectedEof | ConnectionReset | ConnectionAborted | BrokenPipe => ReadFailure::Eof,
        _ => ReadFailure::Reply(ReplyError::Io(sanitize(e.to_string().as_bytes()))),
    }
}

/// What an EHLO reply announces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ehlo {
    /// The first word of the first line: the name the server gives itself.
    pub domain: String,
    /// The rest of the first line (greeting, sometimes the client's address).
    pub greeting_rest: String,
    /// One entry per extension line: the keyword upper-cased, then its parameters as sent,
    /// separated by single spaces (e.g. `AUTH PLAIN LOGIN`, `SIZE 35882577`).
    pub extensions: Vec<String>,
}

/// Splits an EHLO reply into the server name, greeting and extension list.
pub fn parse_ehlo(reply: &Reply) -> Ehlo {
    let first = reply.lines.first().map(String::as_str).unwrap_or("").trim();
    let (domain, rest) = match first.split_once(char::is_whitespace) {
        Some((d, r)) => (d, r.trim()),
        None => (first, ""),
    };
    let extensions = reply
        .lines
        .iter()
        .skip(1)
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let keyword = words.next()?.to_ascii_uppercase();
            Some(
                std::iter::once(keyword)
                    .chain(words.map(str::to_string))
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect();
    Ehlo {
        domain: domain.to_string(),
        greeting_rest: rest.to_string(),
        extensions,
    }
}

impl Ehlo {
    /// The keyword of each extension, upper-cased.
    fn keywords(&self) -> impl Iterator<Item = (&str, &str)> {
        self.extensions.iter().map(|e| match e.split_once(' ') {
            Some((k, p)) => (k, p),
            None => (e.as_str(), ""),
        })
    }

    /// Whether the server announced `keyword` (case-insensitive). The obsolete `AUTH=LOGIN`
    /// form counts as `AUTH`, since old clients and servers still use it.
    pub fn has(&self, keyword: &str) -> bool {
        self.keywords().any(|(k, _)| {
            k.eq_ignore_ascii_case(keyword)
                || k.split_once('=')
                    .is_some_and(|(base, _)| base.eq_ignore_ascii_case(keyword))
        })
    }

    /// The SASL mechanisms offered, upper-cased, without duplicates, from `AUTH` and `AUTH=`.
    pub fn auth_mechanisms(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (k, params) in self.keywords() {
            let mechs: Vec<&str> = if k == "AUTH" {
                params.split_whitespace().collect()
            } else if let Some(first) = k.strip_prefix("AUTH=") {
                std::iter::once(first)
                    .chain(params.split_whitespace())
                    .collect()
            } else {
                continue;
            };
            for m in mechs {
                let m = m.to_ascii_uppercase();
                if !m.is_empty() && !out.contains(&m) {
                    out.push(m);
                }
            }
        }
        out
    }

    pub fn starttls(&self) -> bool {
        self.has("STARTTLS")
    }

    /// The client address the server saw, when it echoes one as a bracketed literal in the
    /// first line (Exim: `Hello host [198.51.100.7]`, Microsoft: `Hello [198.51.100.7]`).
    pub fn client_address(&self) -> Option<IpAddr> {
        let mut rest = self.greeting_rest.as_str();
        while let Some(open) = rest.find('[') {
            let after = &rest[open + 1..];
            let close = after.find(']')?;
            let inner = &after[..close];
            let inner = inner
                .strip_prefix("IPv6:")
                .or_else(|| inner.strip_prefix("ipv6:"))
                .unwrap_or(inner);
            if let Ok(ip) = inner.parse::<IpAddr>() {
                return Some(ip);
            }
            rest = &after[close + 1..];
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tokio::io::{AsyncWriteExt, BufReader};

    const SEC: Duration = Duration::from_secs(5);

    async fn read(input: &[u8]) -> Result<(Reply, Vec<String>), ReplyError> {
        let mut r = input;
        read_reply(&mut r, &Limits::default(), SEC).await
    }

    #[tokio::test]
    async fn single_line() {
        let (reply, raw) = read(b"220 mail.example.com ESMTP Postfix\r\n")
            .await
            .unwrap();
        assert_eq!(reply.code, 220);
        assert_eq!(reply.lines, vec!["mail.example.com ESMTP Postfix"]);
        assert_eq!(reply.enhanced, None);
        assert_eq!(raw, vec!["220 mail.example.com ESMTP Postfix"]);
        assert!(reply.is_positive());
        assert_eq!(reply.to_string(), "220 mail.example.com ESMTP Postfix");
    }

    #[tokio::test]
    async fn multi_line_leaves_the_next_reply_unread() {
        let mut input: &[u8] = b"250-mx.example\r\n250-SIZE 100\r\n250 AUTH PLAIN\r\n221 bye\r\n";
        let (reply, raw) = read_reply(&mut input, &Limits::default(), SEC)
            .await
            .unwrap();
        assert_eq!(reply.code, 250);
        assert_eq!(reply.lines, vec!["mx.example", "SIZE 100", "AUTH PLAIN"]);
        assert_eq!(raw.len(), 3);
        assert_eq!(raw[1], "250-SIZE 100");
        assert_eq!(reply.text(), "mx.example SIZE 100 AUTH PLAIN");
        assert_eq!(input, b"221 bye\r\n");
    }

    #[tokio::test]
    async fn bare_lf_and_code_only_line() {
        let (reply, _) = read(b"250-first\n250\n").await.unwrap();
        assert_eq!(reply.lines, vec!["first", ""]);
        let (reply, raw) = read(b"250\r\n").await.unwrap();
        assert_eq!(reply.code, 250);
        assert_eq!(reply.lines, vec![""]);
        assert_eq!(raw, vec!["250"]);
        assert_eq!(reply.to_string(), "250");
    }

    #[tokio::test]
    async fn enhanced_codes() {
        let (r, _) = read(b"535 5.7.8 Error: authentication failed\r\n")
            .await
            .unwrap();
        let e = r.enhanced.unwrap();
        assert_eq!((e.class, e.subject, e.detail), (5, 7, 8));
        assert_eq!(e.to_string(), "5.7.8");
        assert_eq!(r.to_string(), "535 5.7.8 Error: authentication failed");
        assert!(r.is_permanent());

        let (r, _) = read(b"250 2.0.0\r\n").await.unwrap();
        assert_eq!(r.enhanced.unwrap().to_string(), "2.0.0");
        let (r, _) = read(b"451-4.3.0 try later\r\n451 more\r\n").await.unwrap();
        assert_eq!(r.enhanced.unwrap().to_string(), "4.3.0");
        assert!(r.is_transient());

        for bad in [
            &b"535 5.7.999999 nope\r\n"[..],
            b"535 5.7 nope\r\n",
            b"535 3.7.8 nope\r\n",
            b"535 5.7.8.1 nope\r\n",
            b"535 5.7.8x nope\r\n",
            b"535 x5.7.8 nope\r\n",
            b"535 55.7.8 nope\r\n",
            b"535 5..8 nope\r\n",
        ] {
            let (r, _) = read(bad).await.unwrap();
            assert_eq!(r.enhanced, None, "{}", sanitize(bad));
        }
        // Only the first line counts.
        let (r, _) = read(b"250-hello\r\n250 2.0.0 ok\r\n").await.unwrap();
        assert_eq!(r.enhanced, None);
    }

    #[tokio::test]
    async fn intermediate() {
        let (r, _) = read(b"334 VXNlcm5hbWU6\r\n").await.unwrap();
        assert!(r.is_intermediate());
    }

    #[tokio::test]
    async fn malformed() {
        for bad in [
            &b"hello\r\n"[..],
            b"25\r\n",
            b"250x ok\r\n",
            b"199 too low\r\n",
            b"600 too high\r\n",
            b"\x1b[2J250 ok\r\n",
            b"250-a\r\n251 b\r\n",
            b"250-a\r\n550 b\r\n",
        ] {
            match read(bad).await {
                Err(ReplyError::Malformed(m)) => {
                    assert!(!m.contains('\x1b'), "{m}");
                }
                other => panic!("{} gave {other:?}", sanitize(bad)),
            }
        }
    }

    #[test]
    fn parse_lines_structure() {
        assert!(matches!(parse_lines(&[]), Err(ReplyError::Malformed(_))));
        assert!(matches!(
            parse_lines(&[b"250-a", b"250-b"]),
            Err(ReplyError::Malformed(_))
        ));
        assert!(matches!(
            parse_lines(&[b"250 a", b"250 b"]),
            Err(ReplyError::Malformed(_))
        ));
        let r = parse_lines(&[b"250-a\r\n", b"250 b\r\n"]).unwrap();
        assert_eq!(r.lines, vec!["a", "b"]);
    }

    #[tokio::test]
    async fn invalid_utf8_and_escapes_are_neutralised() {
        let (r, raw) = read(b"550 bad \xff\xfe byte \x1b[31mred\x1b[0m \x07 \xc2\x9b end\r\r\n")
            .await
            .unwrap();
        let line = &r.lines[0];
        assert!(line.contains('\u{fffd}'));
        assert!(line.contains("\\x1b[31mred"));
        assert!(line.contains("\\x07"));
        assert!(line.contains("\\x9b"));
        assert!(line.ends_with("end"));
        assert!(!line.chars().any(|c| c.is_control()));
        assert!(!raw[0].chars().any(|c| c.is_control()));
        assert_eq!(sanitize(b"a\tb\x7f"), "a\\x09b\\x7f");
        assert_eq!(sanitize("x\u{202e}y".as_bytes()), "x\\u{202e}y");
    }

    #[tokio::test]
    async fn line_limit() {
        let limits = Limits {
            max_line: 10,
            ..Limits::default()
        };
        let mut ok: &[u8] = b"250 1234567\r\n"; // 11 bytes of content... too long
        assert_eq!(
            read_reply(&mut ok, &limits, SEC).await.unwrap_err(),
            ReplyError::TooLong
        );
        let mut ok: &[u8] = b"250 123456\r\n"; // exactly 10
        assert!(read_reply(&mut ok, &limits, SEC).await.is_ok());
        let mut ok: &[u8] = b"250 123456\n";
        assert!(read_reply(&mut ok, &limits, SEC).await.is_ok());
        // A line without any newline must fail once it passes the limit, not at EOF.
        let long = vec![b'2'; 1000];
        let mut r: &[u8] = &long;
        assert_eq!(
            read_reply(&mut r, &limits, SEC).await.unwrap_err(),
            ReplyError::TooLong
        );
    }

    #[tokio::test]
    async fn line_limit_with_small_reads() {
        // CR and LF arriving in separate reads must still count as the terminator.
        let limits = Limits {
            max_line: 10,
            ..Limits::default()
        };
        let mut r = BufReader::with_capacity(1, &b"250 123456\r\n"[..]);
        let (reply, _) = read_reply(&mut r, &limits, SEC).await.unwrap();
        assert_eq!(reply.lines, vec!["123456"]);
        let mut r = BufReader::with_capacity(1, &b"250 1234567\r\n"[..]);
        assert_eq!(
            read_reply(&mut r, &limits, SEC).await.unwrap_err(),
            ReplyError::TooLong
        );
    }

    #[tokio::test]
    async fn line_count_limit() {
        let limits = Limits {
            max_lines: 3,
            ..Limits::default()
        };
        let mut r: &[u8] = b"250-a\r\n250-b\r\n250 c\r\n";
        assert!(read_reply(&mut r, &limits, SEC).await.is_ok());
        let mut r: &[u8] = b"250-a\r\n250-b\r\n250-c\r\n250 d\r\n";
        assert_eq!(
            read_reply(&mut r, &limits, SEC).await.unwrap_err(),
            ReplyError::TooLong
        );
    }

    #[tokio::test]
    async fn byte_limit() {
        let limits = Limits {
            max_bytes: 20,
            ..Limits::default()
        };
        let mut r: &[u8] = b"250-abcdefgh\r\n250 x\r\n"; // 14 + 7 = 21
        assert_eq!(
            read_reply(&mut r, &limits, SEC).await.unwrap_err(),
            ReplyError::TooLong
        );
        let mut r: &[u8] = b"250-abcdefg\r\n250 x\r\n"; // 20
        assert!(read_reply(&mut r, &limits, SEC).await.is_ok());
    }

    #[tokio::test]
    async fn eof_mid_reply() {
        assert_eq!(
            read(b"").await.unwrap_err(),
            ReplyError::Closed { partial: None }
        );
        assert_eq!(
            read(b"250-a\r\n250-b\r\n25").await.unwrap_err(),
            ReplyError::Closed {
                partial: Some("250-a | 250-b | 25".to_string())
            }
        );
        assert_eq!(
            read(b"220 hel\x1b").await.unwrap_err(),
            ReplyError::Closed {
                partial: Some("220 hel\\x1b".to_string())
            }
        );
    }

    #[tokio::test]
    async fn timeout_when_reply_never_completes() {
        let (client, mut server) = tokio::io::duplex(64);
        server.write_all(b"250-partial\r\n").await.unwrap();
        let mut r = BufReader::new(client);
        let t = Duration::from_millis(50);
        assert_eq!(
            read_reply(&mut r, &Limits::default(), t).await.unwrap_err(),
            ReplyError::Timeout(t)
        );
        drop(server);
    }

    #[tokio::test]
    async fn timeout_bounds_a_trickling_server() {
        let (client, mut server) = tokio::io::duplex(64);
        // Keeps sending one byte every 5 ms: each read makes progress, the reply never ends.
        let writer = tokio::spawn(async move {
            for _ in 0..2000 {
                if server.write_all(b"x").await.is_err() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        });
        let mut r = BufReader::new(client);
        let t = Duration::from_millis(100);
        let limits = Limits {
            max_line: 100_000,
            max_bytes: 100_000,
            ..Limits::default()
        };
        assert_eq!(
            read_reply(&mut r, &limits, t).await.unwrap_err(),
            ReplyError::Timeout(t)
        );
        drop(r);
        writer.abort();
    }

    fn ehlo_of(lines: &[&str]) -> Ehlo {
        let raw: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let sep = if i + 1 == lines.len() { ' ' } else { '-' };
                format!("250{sep}{l}")
            })
            .collect();
        let refs: Vec<&[u8]> = raw.iter().map(|s| s.as_bytes()).collect();
        parse_ehlo(&parse_lines(&refs).unwrap())
    }

    #[test]
    fn ehlo_postfix() {
        let e = ehlo_of(&[
            "mail.example.com",
            "PIPELINING",
            "SIZE 10240000",
            "starttls",
            "AUTH PLAIN LOGIN",
            "ENHANCEDSTATUSCODES",
            "8BITMIME",
        ]);
        assert_eq!(e.domain, "mail.example.com");
        assert_eq!(e.greeting_rest, "");
        assert_eq!(e.extensions[1], "SIZE 10240000");
        assert!(e.starttls());
        assert!(e.has("size"));
        assert!(!e.has("SMTPUTF8"));
        assert_eq!(e.auth_mechanisms(), vec!["PLAIN", "LOGIN"]);
        assert_eq!(e.client_address(), None);
    }

    #[test]
    fn ehlo_obsolete_auth_form() {
        let e = ehlo_of(&["mx Hello", "AUTH=LOGIN PLAIN", "AUTH LOGIN cram-md5"]);
        assert!(e.has("AUTH"));
        assert_eq!(e.auth_mechanisms(), vec!["LOGIN", "PLAIN", "CRAM-MD5"]);
        let e = ehlo_of(&["mx", "AUTH=LOGIN"]);
        assert_eq!(e.auth_mechanisms(), vec!["LOGIN"]);
        assert!(!e.starttls());
        let e = ehlo_of(&["mx"]);
        assert!(e.extensions.is_empty());
        assert!(e.auth_mechanisms().is_empty());
    }

    #[test]
    fn ehlo_client_address() {
        let e = ehlo_of(&["mail.x Hello host [198.51.100.7]", "SIZE 52428800"]);
        assert_eq!(e.domain, "mail.x");
        assert_eq!(e.greeting_rest, "Hello host [198.51.100.7]");
        assert_eq!(e.client_address(), Some("198.51.100.7".parse().unwrap()));
        let e = ehlo_of(&[
            "BN8PR.outlook.office365.com Hello [2001:db8::7]",
            "STARTTLS",
        ]);
        assert_eq!(e.client_address(), Some("2001:db8::7".parse().unwrap()));
        let e = ehlo_of(&["mx Hello [not an ip] [IPv6:2001:db8::9]", "X"]);
        assert_eq!(e.client_address(), Some("2001:db8::9".parse().unwrap()));
        let e = ehlo_of(&["mx Hello [unterminated 1.2.3.4", "X"]);
        assert_eq!(e.client_address(), None);
    }

    proptest! {
        #[test]
        fn parse_lines_and_sanitize_never_panic(
            lines in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..40), 0..6)
        ) {
            let refs: Vec<&[u8]> = lines.iter().map(Vec::as_slice).collect();
            let _ = parse_lines(&refs);
            for l in &lines {
                let _ = sanitize(l);
            }
        }

        #[test]
        fn sanitize_output_has_no_control_chars(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let s = sanitize(&bytes);
            for c in s.chars() {
                let n = u32::from(c);
                prop_assert!(n >= 0x20 && !(0x7f..=0x9f).contains(&n), "{:?}", s);
            }
        }

        #[test]
        fn sanitize_chars_never_panic(s in any::<String>()) {
            let _ = sanitize(s.as_bytes());
        }

        #[test]
        fn well_formed_reply_round_trips(
            code in 200u16..=599,
            texts in proptest::collection::vec("[ -~]{0,60}", 1..8),
            lf_only in any::<bool>(),
        ) {
            let eol = if lf_only { "\n" } else { "\r\n" };
            let mut wire = String::new();
            for (i, t) in texts.iter().enumerate() {
                let sep = if i + 1 == texts.len() { ' ' } else { '-' };
                wire.push_str(&format!("{code}{sep}{t}{eol}"));
            }
            let rt = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
            let mut input = wire.as_bytes();
            let (reply, raw) = rt
                .block_on(read_reply(&mut input, &Limits::default(), SEC))
                .unwrap();
            prop_assert_eq!(reply.code, code);
            prop_assert_eq!(&reply.lines, &texts);
            prop_assert_eq!(raw.len(), texts.len());
            prop_assert!(input.is_empty());
        }
    }
}
