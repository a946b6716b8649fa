//! What an EHLO reply announces: the server's name, its greeting (sometimes with the client's
//! address) and the extensions (STARTTLS, AUTH and its mechanisms, SIZE, ...).

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::Reply;

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
    let first = reply.lines.first().map_or("", String::as_str).trim();
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

    /// RFC 2920: the server accepts several commands in one write.
    pub fn pipelining(&self) -> bool {
        self.has("PIPELINING")
    }

    /// The client address the server saw, when it echoes one as a bracketed literal in the
    /// first line (Exim: `Hello host [198.51.100.7]`, Microsoft: `Hello [198.51.100.7]`).
    pub fn client_address(&self) -> Option<IpAddr> {
        bracketed_address(&self.greeting_rest)
    }
}

/// The first address in square brackets in `text` (`[203.0.113.7]`, `[IPv6:2001:db8::7]`):
/// how servers quote the client's address in greetings and refusals.
pub fn bracketed_address(text: &str) -> Option<IpAddr> {
    let mut rest = text;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::reply::parse_lines;

    fn ehlo_of(lines: &[&str]) -> Ehlo {
        let raw: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let sep = if i + 1 == lines.len() { ' ' } else { '-' };
                format!("250{sep}{l}")
            })
            .collect();
        let refs: Vec<&[u8]> = raw.iter().map(std::string::String::as_bytes).collect();
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
        assert!(e.pipelining());
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
}
