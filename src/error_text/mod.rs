//! Reads the error message a mail client showed: the account, the error code and any server
//! reply quoted in it, e.g.
//! `Task 'me@example.com - Sending' reported error (0x80042109) : 'Outlook cannot connect ...'`.
//!
//! The catalogue (`assets/error-codes.toml`) knows Outlook/Windows Mail error numbers,
//! message texts of Outlook, Windows Mail, Thunderbird and Apple Mail, and Windows socket
//! error numbers. Pasted text is never trusted: it may be huge, localised, quoted or not, and
//! hold control characters; nothing recognised carries a control character out.
//!
//! This file reads a message; `codes` holds the catalogue, `quoted` finds the account and
//! the server's reply quoted in the text.

pub mod codes;
mod quoted;

use serde::Serialize;

pub use codes::{catalogue, catalogue_in, parse_catalogue, Area, KnownCode};
use quoted::{find_account, find_server_reply};

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
            .take_while(char::is_ascii_hexdigit)
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
}
