//! The parts of a message that quote something: the account (Outlook's "Task 'ACCOUNT -
//! Sending'", localised, or Windows Mail's "Account: 'ACCOUNT'") and the server's reply
//! (after "The server responded:" and its translations, cut where the client's own words
//! resume).

use std::sync::OnceLock;

use serde::Deserialize;

/// The longest server reply kept, in characters (a paste can be a whole log).
const MAX_REPLY_CHARS: usize = 500;

/// The words around the quoted parts, in every language (`assets/error-markers.toml`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Markers {
    /// Outlook's "Task 'ACCOUNT - Sending'".
    task: Vec<String>,
    /// Outlook Express / Windows Mail: "Account: 'ACCOUNT'".
    account: Vec<String>,
    /// What introduces a quoted server reply, longest first where one starts another.
    reply: Vec<String>,
    /// What follows a reply in the mail programs' sentences.
    trailer: Vec<String>,
}

const MARKERS_TOML: &str = include_str!("../../assets/error-markers.toml");

fn parse_markers(text: &str) -> Result<Markers, String> {
    let m: Markers = toml::from_str(text).map_err(|e| e.to_string())?;
    // Matching lower-cases the text's ASCII letters: a marker with an upper-case one
    // could never match.
    let all = m
        .task
        .iter()
        .chain(&m.account)
        .chain(&m.reply)
        .chain(&m.trailer);
    match all
        .clone()
        .find(|p| p.chars().any(|c| c.is_ascii_uppercase()) || p.is_empty())
    {
        Some(bad) => Err(format!("marker {bad:?} is empty or has upper-case letters")),
        None => Ok(m),
    }
}

/// The embedded markers (a test proves them valid: empty lists only on a build defect).
fn markers() -> &'static Markers {
    static M: OnceLock<Markers> = OnceLock::new();
    M.get_or_init(|| parse_markers(MARKERS_TOML).unwrap_or_default())
}

/// The account from Outlook's "Task 'ACCOUNT - Sending'" or Windows Mail's
/// "Account: 'ACCOUNT'", else the first e-mail address.
pub(super) fn find_account(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for marker in &markers().task {
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
    for marker in &markers().account {
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

/// A quoted SMTP reply: "The server responded: 535 5.7.8 ..." or a bare "5xx x.y.z ..." run.
pub(super) fn find_server_reply(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    for marker in &markers().reply {
        if let Some(i) = lower.find(marker) {
            let rest =
                text[i + marker.len()..].trim_start_matches(|c: char| " :'\"‘“«\n".contains(c));
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
    let trailer = markers()
        .trailer
        .iter()
        .filter_map(|t| lower.find(t.as_str()))
        .min();
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
    fn the_markers_are_valid() {
        let m = parse_markers(MARKERS_TOML).unwrap();
        assert!(m.task.len() >= 7 && m.reply.len() >= 15 && m.trailer.len() >= 10);
    }

    #[test]
    fn reply_code_shapes() {
        assert!(is_reply_code("535") && is_reply_code("421"));
        assert!(!is_reply_code("599") && !is_reply_code("235") && !is_reply_code("53"));
        assert!(is_enhanced("5.7.139") && is_enhanced("4.7.0,"));
        assert!(!is_enhanced("1.2.3") && !is_enhanced("5.7") && !is_enhanced("5.7.1234"));
    }
}
