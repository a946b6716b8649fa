//! Reads the error message a mail client showed: the account, the error code and any server
//! reply quoted in it, e.g.
//! `Task 'me@example.com - Sending' reported error (0x80042109) : 'Outlook cannot connect ...'`.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

const CODES_TOML: &str = include_str!("../assets/error-codes.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct KnownCode {
    pub code: String,
    pub meaning: String,
    pub area: String,
}

#[derive(Deserialize)]
struct CodeFile {
    code: Vec<KnownCode>,
}

/// The embedded catalogue (checked by a test, so an empty result means a build defect).
pub fn catalogue() -> &'static [KnownCode] {
    static CODES: OnceLock<Vec<KnownCode>> = OnceLock::new();
    CODES.get_or_init(|| {
        toml::from_str::<CodeFile>(CODES_TOML)
            .map(|f| f.code)
            .unwrap_or_default()
    })
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

pub fn recognise(text: &str) -> Recognised {
    // Never trust pasted text: it may hold control characters.
    let text = crate::protocol::reply::sanitize(text.as_bytes());
    let code = find_hex_code(&text);
    let meaning = code.as_ref().and_then(|c| {
        catalogue()
            .iter()
            .find(|k| k.code.eq_ignore_ascii_case(c))
            .map(|k| k.meaning.clone())
    });
    Recognised {
        code,
        account: find_account(&text),
        server_reply: find_server_reply(&text),
        meaning,
    }
}

/// `0x` followed by eight hex digits, upper-cased.
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
    None
}

/// The account from Outlook's "Task 'ACCOUNT - Sending'", else the first e-mail address.
fn find_account(text: &str) -> Option<String> {
    if let Some(i) = text.find("Task '") {
        let rest = &text[i + 6..];
        if let Some(end) = rest.find(" - ") {
            let acc = rest[..end].trim();
            if !acc.is_empty() {
                return Some(acc.to_string());
            }
        }
    }
    text.split(|c: char| c.is_whitespace() || "'\"<>(),;:".contains(c))
        .find(|w| {
            let mut parts = w.split('@');
            matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(d), None) if !a.is_empty() && d.contains('.'))
        })
        .map(|w| w.trim_end_matches('.').to_string())
}

/// A quoted SMTP reply: "The server responded: 535 5.7.8 ..." or a bare "5xx x.y.z ..." run.
fn find_server_reply(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for marker in [
        "server responded:",
        "server response:",
        "server responded",
        "server said:",
    ] {
        if let Some(i) = lower.find(marker) {
            let rest = text[i + marker.len()..].trim_start_matches([' ', ':', '\'', '"']);
            let reply: String = rest
                .chars()
                .take_while(|c| *c != '\'' && *c != '"' && *c != '\n')
                .collect();
            let reply = reply.trim().to_string();
            if !reply.is_empty() {
                return Some(reply);
            }
        }
    }
    // A bare reply such as "535 5.7.8 Error: authentication failed".
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let code_like = w.len() == 3
            && w.chars().all(|c| c.is_ascii_digit())
            && (w.starts_with('4') || w.starts_with('5'));
        let next_enhanced = words.get(i + 1).is_some_and(|n| {
            let n = n.trim_end_matches(',');
            n.split('.').count() == 3
                && n.split('.')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        });
        if code_like && next_enhanced {
            return Some(
                words[i..]
                    .join(" ")
                    .trim_end_matches(['\'', '"'])
                    .to_string(),
            );
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_parses() {
        assert!(catalogue().len() >= 10);
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
