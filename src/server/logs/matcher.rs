//! What makes a line "about the client": its address as a whole token (198.51.100.7 is not
//! in 198.51.100.71 or 1198.51.100.7; 2001:db8::7 is not in 2001:db8::7a), in the forms mail
//! logs write it (`host[IP]`, `[IP]:port`, `rip=IP`, `::ffff:IP`, anvil's `(IP:port:IP)`),
//! or the account's login as a whole word. The byte strings here are also the prefilter's
//! needles: only lines that contain one are ever parsed.

use std::net::IpAddr;

/// The texts to look for and how to tell a real mention from a longer token.
#[derive(Debug, Clone)]
pub struct Matcher {
    address: Vec<u8>,
    v6: bool,
    account: Option<Vec<u8>>,
}

/// Which of the two things a line mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mention {
    pub client: bool,
    pub account: bool,
}

impl Mention {
    pub fn any(self) -> bool {
        self.client || self.account
    }
}

impl Matcher {
    /// `account` is compared as given (server mode lower-cases it; Dovecot's default
    /// `auth_username_format = %Lu` and Postfix's `sasl_username` log the lower-cased form).
    pub fn new(client: IpAddr, account: Option<&str>) -> Matcher {
        // An IPv4-mapped client (::ffff:a.b.c.d) is logged as a.b.c.d or ::ffff:a.b.c.d; both
        // contain the dotted quad.
        let client = client.to_canonical();
        Matcher {
            address: client.to_string().into_bytes(),
            v6: client.is_ipv6(),
            account: account
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| a.as_bytes().to_vec()),
        }
    }

    /// The address as logs write it (IPv4 dotted quad, IPv6 in RFC 5952 form).
    pub fn address_text(&self) -> &[u8] {
        &self.address
    }

    pub fn account_text(&self) -> Option<&[u8]> {
        self.account.as_deref()
    }

    /// The byte strings a candidate line must contain (prefilter needles).
    pub fn needles(&self) -> Vec<&[u8]> {
        let mut n = vec![self.address.as_slice()];
        if let Some(a) = &self.account {
            n.push(a);
        }
        n
    }

    /// Does `line` mention the client's address or the account as a whole token?
    pub fn mentions(&self, line: &[u8]) -> Mention {
        Mention {
            client: occurrences(line, &self.address).any(|at| self.address_bounded(line, at)),
            account: self
                .account
                .as_ref()
                .is_some_and(|a| occurrences(line, a).any(|at| account_bounded(line, at, a.len()))),
        }
    }

    fn address_bounded(&self, line: &[u8], at: usize) -> bool {
        let end = at + self.address.len();
        if self.v6 {
            v6_before_ok(&line[..at]) && v6_after_ok(&line[end..])
        } else {
            v4_before_ok(&line[..at]) && v4_after_ok(&line[end..])
        }
    }
}

fn occurrences<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    memchr::memmem::find_iter(hay, needle)
}

fn is_hex(b: u8) -> bool {
    b.is_ascii_hexdigit()
}

/// The word (letters, digits, `-`, `_`) that ends just before `end` in `s`.
fn word_before(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .rposition(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .map_or(0, |i| i + 1);
    &s[start..]
}

/// Before an address that follows a `:`: what lies before the colon (`before` ends with it)
/// decides whether the colon joins a longer IPv6 address or only separates a field. Accepted:
/// a word that is not hexadecimal (anvil's `(smtp:IP)`), a port after an address
/// (anvil's `(198.51.100.25:587:IP)`, `([2001:db8::25]:587:IP)`), or, for IPv4, `::ffff:`.
fn colon_prefix_ok(before: &[u8], v4: bool) -> bool {
    let head = &before[..before.len() - 1];
    let word = word_before(head);
    let rest = &head[..head.len() - word.len()];
    if word.is_empty() {
        // `::a.b.c.d` (IPv4-compatible, long deprecated) or a leading `:`: only a colon that
        // does not continue an IPv6 address is a separator.
        return !rest.last().is_some_and(|&b| b == b':' || is_hex(b));
    }
    if !word.iter().all(|&b| is_hex(b)) {
        return true;
    }
    if word.iter().all(u8::is_ascii_digit) && word.len() <= 5 && rest.last() == Some(&b':') {
        let before_port = &rest[..rest.len() - 1];
        return match before_port.last() {
            Some(b']') => true,
            Some(b) if b.is_ascii_digit() => before_port.iter().rev().take(4).any(|&c| c == b'.'),
            _ => false,
        };
    }
    if v4 && word.eq_ignore_ascii_case(b"ffff") && rest.ends_with(b"::") {
        let r = &rest[..rest.len() - 2];
        return !r
            .last()
            .is_some_and(|&b| b == b':' || is_hex(b) || b == b'.');
    }
    false
}

fn v4_before_ok(before: &[u8]) -> bool {
    match before.last() {
        None => true,
        Some(b':') => colon_prefix_ok(before, true),
        Some(&b) => !(b.is_ascii_alphanumeric() || b == b'.'),
    }
}

fn v4_after_ok(after: &[u8]) -> bool {
    match after.first() {
        None => true,
        Some(b'.') => !after.get(1).is_some_and(u8::is_ascii_digit),
        Some(&b) => !b.is_ascii_alphanumeric(),
    }
}

fn v6_before_ok(before: &[u8]) -> bool {
    match before.last() {
        None => true,
        Some(b':') => colon_prefix_ok(before, false),
        Some(&b) => !(b.is_ascii_alphanumeric() || b == b'.'),
    }
}

fn v6_after_ok(after: &[u8]) -> bool {
    match after.first() {
        None => true,
        // `2001:db8::7:1` is another address; `2001:db8::7: text` is not.
        Some(b':') => !after.get(1).is_some_and(|&b| is_hex(b) || b == b':'),
        // `::ffff:1.2` would continue as a dotted quad.
        Some(b'.') => !after.get(1).is_some_and(u8::is_ascii_digit),
        Some(&b) => !(b.is_ascii_alphanumeric()),
    }
}

fn is_login_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// The login as a whole word: `alice@example.test` is not in `malice@example.test` nor in
/// `alice@example.test.evil`; `alice` is not in `alice@example.test`.
fn account_bounded(line: &[u8], at: usize, len: usize) -> bool {
    let before = line[..at].last();
    let after = &line[at + len..];
    let before_ok = !before.is_some_and(|&b| is_login_byte(b) || b == b'@');
    let after_ok = match after.first() {
        None => true,
        Some(b'.') => !after.get(1).is_some_and(|&b| b.is_ascii_alphanumeric()),
        Some(&b) => !(is_login_byte(b) || b == b'@'),
    };
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(ip: &str) -> Matcher {
        Matcher::new(ip.parse().unwrap(), Some("alice@example.test"))
    }

    fn client(ip: &str, line: &str) -> bool {
        m(ip).mentions(line.as_bytes()).client
    }

    #[test]
    fn ipv4_forms_from_real_lines() {
        let ip = "198.51.100.7";
        for line in [
            "connect from client7.example.test[198.51.100.7]",
            "CONNECT from [198.51.100.7]:42735 to [198.51.100.25]:25",
            "auth: Info: passwd-file(alice@example.test,198.51.100.7): Password mismatch",
            "Login: user=<alice@example.test>, method=PLAIN, rip=198.51.100.7, lip=198.51.100.25",
            "statistics: max connection rate 5/60s for (198.51.100.25:587:198.51.100.7) at Dec",
            "statistics: max connection rate 1/60s for (smtpd:198.51.100.7) at Dec  1 10:37:36",
            "connect from unknown[::ffff:198.51.100.7]",
            "rip=::FFFF:198.51.100.7,",
            "198.51.100.7",
            "SMTP connection from [198.51.100.7]:54321 lost",
            "see 198.51.100.7.",
        ] {
            assert!(client(ip, line), "{line}");
        }
    }

    #[test]
    fn ipv4_boundaries() {
        let ip = "198.51.100.7";
        for line in [
            "connect from unknown[198.51.100.71]",
            "connect from unknown[1198.51.100.7]",
            "statistics: max connection count 1 for (198.51.100.25:587:198.51.100.25)",
            "rip=198.51.100.70,",
            "x 10.198.51.100.7 y",
            "x 198.51.100.7.5 y",
            "host198.51.100.7 z",
            "198.51.100.7a",
            "[2001:db8::198.51.100.7]",
            "[::1:198.51.100.7]",
            "[dead:198.51.100.7]",
        ] {
            assert!(!client(ip, line), "{line}");
        }
    }

    #[test]
    fn ipv6_forms_and_boundaries() {
        let ip = "2001:db8::7";
        for line in [
            "connect from unknown[2001:db8::7]",
            "passwd-file(alice@example.test,2001:db8::7,<rLgAIpBhr4kgAQ24>): Password mismatch",
            "rip=2001:db8::7, lip=2001:db8::25",
            "statistics: max connection rate 2/60s for ([2001:db8::25]:587:2001:db8::7) at",
            "SMTP connection from [2001:db8::7]:54321",
            "x 2001:db8::7: y",
        ] {
            assert!(client(ip, line), "{line}");
        }
        for line in [
            "connect from unknown[2001:db8::7a]",
            "connect from unknown[2001:db8::7:1]",
            "connect from unknown[1:2001:db8::7]",
            "connect from unknown[32001:db8::7]",
            "statistics: max connection rate 1/60s for ([2001:db8::25]:587:2001:db8::7a) at",
        ] {
            assert!(!client(ip, line), "{line}");
        }
        // Upper-case input is written in canonical form.
        assert_eq!(m("2001:DB8:0:0::7").address_text(), b"2001:db8::7");
    }

    #[test]
    fn mapped_client_is_searched_as_ipv4() {
        let m = m("::ffff:198.51.100.7");
        assert_eq!(m.address_text(), b"198.51.100.7");
        assert!(m.mentions(b"rip=::ffff:198.51.100.7, x").client);
        assert!(m.mentions(b"[198.51.100.7]").client);
    }

    #[test]
    fn account_as_a_whole_word() {
        let m = m("203.0.113.250");
        for line in [
            "sasl_username=alice@example.test",
            "passwd-file(alice@example.test,203.0.113.9): Password mismatch",
            "user=<alice@example.test>, method=PLAIN",
            "A=dovecot_login:alice@example.test S=1",
            "(set_id=alice@example.test)",
            "not owned by user alice@example.test; from=<bob@example.test>",
        ] {
            assert!(m.mentions(line.as_bytes()).account, "{line}");
        }
        for line in [
            "sasl_username=malice@example.test",
            "user=<alice@example.test.evil>",
            "user=<alice@example.testing>",
            "user=<x.alice@example.test>",
        ] {
            assert!(!m.mentions(line.as_bytes()).account, "{line}");
        }
        let bare = Matcher::new("203.0.113.250".parse().unwrap(), Some("alice"));
        assert!(!bare.mentions(b"user=<alice@example.test>").account);
        assert!(bare.mentions(b"user=<alice>,").account);
        let none = Matcher::new("203.0.113.250".parse().unwrap(), Some("  "));
        assert_eq!(none.needles().len(), 1);
    }
}
