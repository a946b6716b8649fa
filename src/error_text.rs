//! Reads the error message a mail client showed: the account, the error code and any server
//! reply quoted in it, e.g.
//! `Task 'me@example.com - Sending' reported error (0x80042109) : 'Outlook cannot connect ...'`.
//!
//! The catalogue (`assets/error-codes.toml`) knows Outlook/Windows Mail error numbers,
//! message texts of Outlook, Windows Mail, Thunderbird and Apple Mail, and Windows socket
//! error numbers. Pasted text is never trusted: it may be huge, localised, quoted or not, and
//! hold control characters; nothing recognised carries a control character out.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

const CODES_TOML: &str = include_str!("../assets/error-codes.toml");

/// The longest server reply kept, in characters (a paste can be a whole log).
const MAX_REPLY_CHARS: usize = 500;

/// Where the decision tree looks first for a recognised error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Settings,
    Network,
    Server,
    /// Not about sending at all (incoming mail, Outlook's data file).
    NotSmtp,
}

/// One catalogue entry: exactly one of `code`, `pattern`, `socket`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownCode {
    /// An error number, `0x` + 8 upper-case hex digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// A case-insensitive piece of the message text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// A second piece that must also be present (with `pattern`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub also: Option<String>,
    /// A Windows socket error number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub socket: Option<u16>,
    /// outlook | windows_mail | thunderbird | apple_mail | windows
    pub client: String,
    pub meaning: String,
    pub area: Area,
}

const CLIENTS: &[&str] = &[
    "outlook",
    "windows_mail",
    "thunderbird",
    "apple_mail",
    "windows",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeFile {
    entry: Vec<KnownCode>,
}

/// Parses and checks a catalogue text (the embedded one is proven valid by a test).
pub fn parse_catalogue(text: &str) -> Result<Vec<KnownCode>, String> {
    let file: CodeFile = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    for (i, k) in file.entry.iter().enumerate() {
        let n = i + 1;
        let kinds = [k.code.is_some(), k.pattern.is_some(), k.socket.is_some()]
            .iter()
            .filter(|b| **b)
            .count();
        if kinds != 1 {
            problems.push(format!(
                "entry {n}: needs exactly one of `code`, `pattern`, `socket`"
            ));
        }
        if let Some(c) = &k.code {
            let hex = c.strip_prefix("0x").unwrap_or("");
            if hex.len() != 8
                || !hex
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || ('A'..='F').contains(&ch))
            {
                problems.push(format!(
                    "entry {n}: code {c:?} is not 0x + 8 upper-case hex digits"
                ));
            }
        }
        if k.pattern.as_deref().is_some_and(|p| p.trim().is_empty()) {
            problems.push(format!("entry {n}: empty `pattern`"));
        }
        if k.also.is_some() && k.pattern.is_none() {
            problems.push(format!("entry {n}: `also` needs `pattern`"));
        }
        if !CLIENTS.contains(&k.client.as_str()) {
            problems.push(format!("entry {n}: unknown client {:?}", k.client));
        }
        if k.meaning.trim().is_empty() {
            problems.push(format!("entry {n}: empty `meaning`"));
        }
        let dup = file.entry[..i].iter().any(|o| {
            (k.code.is_some() && o.code == k.code)
                || (k.socket.is_some() && o.socket == k.socket)
                || (k.pattern.is_some() && o.pattern == k.pattern && o.also == k.also)
        });
        if dup {
            problems.push(format!("entry {n}: duplicate of an earlier entry"));
        }
    }
    if problems.is_empty() {
        Ok(file.entry)
    } else {
        Err(problems.join("\n"))
    }
}

/// The embedded catalogue (checked by a test, so an empty result means a build defect).
pub fn catalogue() -> &'static [KnownCode] {
    static CODES: OnceLock<Vec<KnownCode>> = OnceLock::new();
    CODES.get_or_init(|| parse_catalogue(CODES_TOML).unwrap_or_default())
}

/// What was recognised in a pasted message (`input.error` in the JSON contract).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Recognised {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_reply: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meaning: Option<String>,
}

impl Recognised {
    /// One line for reports.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(c) = &self.code {
            parts.push(c.clone());
        }
        if let Some(m) = &self.meaning {
            parts.push(m.clone());
        }
        if let Some(r) = &self.server_reply {
            parts.push(format!("server said: {r}"));
        }
        if parts.is_empty() {
            "not recognised".into()
        } else {
            parts.join(" - ")
        }
    }
}

/// What the pieces of a message matched in the catalogue.
struct Found<'c> {
    hex: Option<String>,
    hex_entry: Option<&'c KnownCode>,
    pattern_entry: Option<&'c KnownCode>,
    socket_entry: Option<&'c KnownCode>,
}

fn find_all<'c>(codes: &'c [KnownCode], text: &str) -> Found<'c> {
    let hex = find_hex_code(text);
    let hex_entry = hex
        .as_ref()
        .and_then(|c| codes.iter().find(|k| k.code.as_deref() == Some(c)));
    Found {
        hex,
        hex_entry,
        pattern_entry: find_pattern(codes, text),
        socket_entry: find_socket(codes, text),
    }
}

/// A pasted message read once: what was recognised in it, and the catalogue entry that
/// decides where the tree starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading<'c> {
    pub recognised: Recognised,
    /// The error number's entry, else the message text's, else the socket error's.
    pub entry: Option<&'c KnownCode>,
}

/// Reads a pasted message against `codes` (the catalogue of a [`crate::catalog::Catalog`]).
/// Never panics; no field it returns holds a control character.
pub fn read_in<'c>(codes: &'c [KnownCode], text: &str) -> Reading<'c> {
    let text = clean_input(text);
    let f = find_all(codes, &text);
    let socket_code = f.socket_entry.and_then(|k| k.socket).map(|n| n.to_string());
    let main = f.hex_entry.or(f.pattern_entry).map(|k| k.meaning.clone());
    // The socket number refines a connection error ("0x800CCC0E ... Socket Error: 10060").
    let meaning = match (main, f.socket_entry) {
        (Some(m), Some(s)) => Some(format!("{m} {}", s.meaning)),
        (m, s) => m.or_else(|| s.map(|s| s.meaning.clone())),
    };
    Reading {
        recognised: Recognised {
            code: f.hex.or(socket_code),
            account: find_account(&text).map(no_controls),
            server_reply: find_server_reply(&text).map(no_controls),
            meaning: meaning.map(no_controls),
        },
        entry: f.hex_entry.or(f.pattern_entry).or(f.socket_entry),
    }
}

/// Reads a pasted message against the embedded catalogue (the wizard's error screen, as
/// the person types).
pub fn recognise(text: &str) -> Recognised {
    read_in(catalogue(), text).recognised
}

/// The embedded catalogue's entry that decides where the tree starts: the error number's,
/// else the message text's, else the socket error's.
pub fn classify(text: &str) -> Option<&'static KnownCode> {
    read_in(catalogue(), text).entry
}

/// Line breaks unified to `\n`, tabs and no-break spaces to spaces, every other control
/// character escaped (so it shows, but cannot act on a terminal).
fn clean_input(text: &str) -> String {
    let unified = text
        .replace("\r\n", "\n")
        .replace(['\r', '\u{85}', '\u{2028}', '\u{2029}'], "\n")
        .replace(['\t', '\u{a0}', '\u{202f}'], " ");
    unified
        .split('\n')
        .map(|line| crate::protocol::reply::sanitize(line.as_bytes()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Belt and braces: nothing leaves with a control character (line breaks included).
fn no_controls(s: String) -> String {
    if s.chars().any(char::is_control) {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    } else {
        s
    }
}

/// `0x` followed by exactly eight hex digits, else a bare eight-digit `8004xxxx`/`800Cxxxx`
/// word; upper-cased with the `0x` prefix.
fn find_hex_code(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("0x") {
        let start = from + i + 2;
        let digits: String = lower[start..]
            .chars()
            .take_while(|c| c.is_ascii_hexdigit())
            .collect();
        if digits.len() == 8 {
            return Some(format!("0x{}", digits.to_ascii_uppercase()));
        }
        from = start;
    }
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| {
            w.len() == 8
                && (w.starts_with("8004") || w.starts_with("800c"))
                && w.chars().all(|c| c.is_ascii_hexdigit())
        })
        .map(|w| format!("0x{}", w.to_ascii_uppercase()))
}

/// The most specific (longest) message pattern found in the text.
fn find_pattern<'c>(codes: &'c [KnownCode], text: &str) -> Option<&'c KnownCode> {
    let lower = text.to_lowercase();
    codes
        .iter()
        .filter(|k| {
            k.pattern
                .as_ref()
                .is_some_and(|p| lower.contains(&p.to_lowercase()))
                && k.also
                    .as_ref()
                    .is_none_or(|a| lower.contains(&a.to_lowercase()))
        })
        .max_by_key(|k| k.pattern.as_ref().map_or(0, String::len))
}

/// A five-digit word that is a known socket error number.
fn find_socket<'c>(codes: &'c [KnownCode], text: &str) -> Option<&'c KnownCode> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() == 5 && w.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|w| w.parse::<u16>().ok())
        .find_map(|n| codes.iter().find(|k| k.socket == Some(n)))
}

/// Where localised Outlook versions name the account: "Task 'ACCOUNT - Sending'".
const TASK_MARKERS: &[&str] = &[
    "task '",
    "aufgabe '",
    "tâche '",
    "tarea '",
    "taak '",
    "attività '",
];

/// Where Outlook Express / Windows Mail name the account: "Account: 'ACCOUNT'".
const ACCOUNT_MARKERS: &[&str] = &["account: '", "konto: '", "compte : '", "compte: '"];

/// The account from Outlook's "Task 'ACCOUNT - Sending'" or Windows Mail's
/// "Account: 'ACCOUNT'", else the first e-mail address.
fn find_account(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for marker in TASK_MARKERS {
        if let Some(i) = lower.find(marker) {
            let rest = &text[i + marker.len()..];
            let quote = rest.find('\'').unwrap_or(rest.len());
            if let Some(end) = rest[..quote].find(" - ") {
                let acc = rest[..end].trim();
                if !acc.is_empty() {
                    return Some(acc.to_string());
                }
            }
        }
    }
    for marker in ACCOUNT_MARKERS {
        if let Some(i) = lower.find(marker) {
            let rest = &text[i + marker.len()..];
            if let Some(end) = rest.find('\'') {
                let acc = rest[..end].trim();
                if !acc.is_empty() {
                    return Some(acc.to_string());
                }
            }
        }
    }
    text.split(|c: char| c.is_whitespace() || "'\"<>(),;:‘’“”«»[]".contains(c))
        .map(|w| w.trim_end_matches('.'))
        .find(|w| {
            let mut parts = w.split('@');
            matches!(
                (parts.next(), parts.next(), parts.next()),
                (Some(a), Some(d), None)
                    if !a.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.')
            )
        })
        .map(str::to_string)
}

/// Phrases that introduce a quoted server reply (English, German, French), longest first
/// where one is the start of another.
const REPLY_MARKERS: &[&str] = &[
    "server response was",
    "server responded",
    "server response",
    "server replied",
    "server said",
    "antwort des servers",
    "serverantwort",
    "server antwortete",
    "réponse du serveur",
    "serveur a répondu",
];

/// What follows a reply in Outlook's and Thunderbird's sentences.
const REPLY_TRAILERS: &[&str] = &[
    " subject '",
    ", account:",
    ", server:",
    ", protocol:",
    ", port:",
    ", secure(ssl)",
    ", server error:",
    ", error number:",
    ". please ",
    " please verify",
    " please check",
];

/// A quoted SMTP reply: "The server responded: 535 5.7.8 ..." or a bare "5xx x.y.z ..." run.
fn find_server_reply(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for marker in REPLY_MARKERS {
        if let Some(i) = lower.find(marker) {
            let rest =
                text[i + marker.len()..].trim_start_matches(|c: char| " :'\"‘“«".contains(c));
            if let Some(reply) = take_reply(rest) {
                return Some(reply);
            }
        }
    }
    // A bare reply such as "535 5.7.8 Error: authentication failed" or "535-5.7.8 ...", or a
    // reply code at the start of a line followed by words ("535 Incorrect authentication data").
    let mut line_start = 0;
    for line in text.split('\n') {
        let words: Vec<&str> = line.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            let combined = w
                .split_once('-')
                .is_some_and(|(c, e)| is_reply_code(c) && is_enhanced(e));
            let with_enhanced =
                is_reply_code(w) && words.get(i + 1).is_some_and(|n| is_enhanced(n));
            let at_line_start = i == 0 && is_reply_code(w) && words.len() > 1;
            if combined || with_enhanced || at_line_start {
                // `w` is a slice of `line`, so this offset falls on a character boundary.
                let at = line_start + (w.as_ptr() as usize - line.as_ptr() as usize);
                if let Some(reply) = take_reply(&text[at..]) {
                    return Some(reply);
                }
            }
        }
        line_start += line.len() + 1;
    }
    None
}

/// The reply at the start of `rest`: up to the end of the line (continuation lines with the
/// same reply code are kept), a closing quote, or what Outlook/Thunderbird write after it.
fn take_reply(rest: &str) -> Option<String> {
    let mut lines = rest.split('\n');
    let first = lines.next().unwrap_or("");
    let (mut reply, cut) = cut_reply(first);
    if !cut {
        // "535-5.7.8 Username and Password not accepted...\n535 5.7.8 https://..."
        let code: String = reply.chars().take(3).collect();
        if is_reply_code(&code) {
            for next in lines {
                let next = next.trim_start();
                let same = next.starts_with(&code)
                    && matches!(next.as_bytes().get(3), Some(b' ' | b'-') | None);
                if !same {
                    break;
                }
                let (more, cut) = cut_reply(next);
                reply.push(' ');
                reply.push_str(&more);
                if cut {
                    break;
                }
            }
        }
    }
    let reply = reply.trim().trim_end_matches([',', ';']).trim_end();
    if reply.is_empty() {
        return None;
    }
    Some(reply.chars().take(MAX_REPLY_CHARS).collect())
}

/// One line of a reply, cut at a closing quote or a trailer; also says whether it was cut.
fn cut_reply(line: &str) -> (String, bool) {
    let mut end = line.len();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // A quote closes the reply unless a letter follows (an apostrophe as in "can't").
        if "'\"’”»".contains(c) && chars.peek().is_none_or(|(_, n)| !n.is_alphanumeric()) {
            end = i;
            break;
        }
    }
    let lower = line[..end].to_ascii_lowercase();
    let trailer = REPLY_TRAILERS.iter().filter_map(|t| lower.find(t)).min();
    match trailer {
        Some(t) => (line[..t].to_string(), true),
        None => (line[..end].to_string(), end < line.len()),
    }
}

/// A 4xx or 5xx SMTP reply code (RFC 5321: second digit 0-5).
fn is_reply_code(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 3
        && matches!(b[0], b'4' | b'5')
        && (b'0'..=b'5').contains(&b[1])
        && b[2].is_ascii_digit()
}

/// An enhanced status code `class.subject.detail` (RFC 3463), punctuation after it allowed.
fn is_enhanced(w: &str) -> bool {
    let w = w.trim_end_matches([',', ';', ':', '.']);
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() == 3
        && matches!(parts[0], "2" | "4" | "5")
        && parts[1..]
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_parses() {
        assert!(catalogue().len() >= 30);
    }

    #[test]
    fn outlook_task_message() {
        let r = recognise(
            "Task 'me@example.com - Sending' reported error (0x80042109) : 'Outlook cannot connect to your outgoing (SMTP) e-mail server.'",
        );
        assert_eq!(r.code.as_deref(), Some("0x80042109"));
        assert_eq!(r.account.as_deref(), Some("me@example.com"));
        assert!(r.meaning.unwrap().contains("could not reach"));
        assert_eq!(r.server_reply, None);
    }

    #[test]
    fn server_reply_is_extracted() {
        let r = recognise("Your e-mail was rejected. The server responded: 535 5.7.8 Error: authentication failed");
        assert_eq!(
            r.server_reply.as_deref(),
            Some("535 5.7.8 Error: authentication failed")
        );
        let r = recognise("Send failed 534 5.7.9 Application-specific password required");
        assert_eq!(
            r.server_reply.as_deref(),
            Some("534 5.7.9 Application-specific password required")
        );
        assert_eq!(r.code, None);
    }

    #[test]
    fn code_alone_and_garbage() {
        assert_eq!(recognise("0x800ccc0e").code.as_deref(), Some("0x800CCC0E"));
        assert_eq!(recognise("0x12 nothing"), Recognised::default());
        assert_eq!(recognise("\u{1b}[31m").code, None);
    }

    #[test]
    fn reply_code_shapes() {
        assert!(is_reply_code("535") && is_reply_code("421"));
        assert!(!is_reply_code("599") && !is_reply_code("235") && !is_reply_code("53"));
        assert!(is_enhanced("5.7.139") && is_enhanced("4.7.0,"));
        assert!(!is_enhanced("1.2.3") && !is_enhanced("5.7") && !is_enhanced("5.7.1234"));
    }
}
