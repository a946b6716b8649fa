//! Is what the person typed in "Outgoing server" a host name? People paste URLs, e-mail
//! addresses, names with spaces or a port glued on; each gets its own plain explanation,
//! and [`read`] takes the host name out of the field when there is one in it, so that the
//! host can still be tested and recommended.

/// What the outgoing-server field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerField {
    /// A host name (normalised) or an IP address: nothing to correct.
    Host(String),
    /// Not a host name, but one is in it: a URL's host, an address's domain, a name with a
    /// port glued on or with spaces around its parts.
    Recoverable {
        /// The host name in the field, normalised.
        host: String,
        /// A port written in the field (`host:587`, `smtp://host:465`).
        port: Option<u16>,
        /// What is wrong with the field, in plain words.
        problem: String,
    },
    /// No host name can be taken out of it.
    Invalid(String),
}

/// Reads the field: a host name as it is, else the host name inside it, else why there is
/// none.
pub fn read(raw: &str) -> ServerField {
    let problem = match check(raw) {
        Ok(host) => return ServerField::Host(host),
        Err(problem) => problem,
    };
    match extract(raw.trim()) {
        Some((host, port)) => ServerField::Recoverable {
            host,
            port,
            problem,
        },
        None => ServerField::Invalid(problem),
    }
}

/// The host name (and a port) inside a field that is not a host name by itself.
fn extract(s: &str) -> Option<(String, Option<u16>)> {
    if s.chars().any(char::is_whitespace) {
        return extract_spaced(s);
    }
    extract_word(s)
}

/// One word: a URL, an e-mail address, `host:port`, a host with a path or a trailing slash.
fn extract_word(s: &str) -> Option<(String, Option<u16>)> {
    // `scheme://[user@]host[:port][/path]`, and `mailto:`/`smtp:` without the slashes.
    let rest = match s.split_once("://") {
        Some((_, rest)) => rest,
        None => strip_scheme(s),
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // The part after the last `@`: a URL's user info, or an address's domain.
    let hostport = authority.rsplit('@').next().unwrap_or_default();
    let (host, port) = split_port(hostport);
    let host = check(host).ok().filter(|h| looks_like_a_server(h))?;
    Some((host, port))
}

/// `mailto:alice@example.com`, `smtp:mail.example.com`: a scheme without slashes.
fn strip_scheme(s: &str) -> &str {
    match s.split_once(':') {
        Some((scheme, rest))
            if ["mailto", "smtp", "smtps", "submission"]
                .iter()
                .any(|k| scheme.eq_ignore_ascii_case(k)) =>
        {
            rest
        }
        _ => s,
    }
}

/// `host:587` into the host and the port; `[::1]:25` too.
fn split_port(s: &str) -> (&str, Option<u16>) {
    if let Some(inner) = s.strip_prefix('[') {
        if let Some((ip, rest)) = inner.split_once(']') {
            let port = rest.strip_prefix(':').and_then(|p| p.parse().ok());
            return (ip, port);
        }
    }
    match s.rsplit_once(':') {
        Some((host, port))
            if !host.contains(':')
                && !port.is_empty()
                && port.bytes().all(|b| b.is_ascii_digit()) =>
        {
            (host, port.parse().ok())
        }
        _ => (s, None),
    }
}

/// A name with spaces: the one word in it that holds a server name (`smtp.example.com
/// (SSL)`), else the words joined (`smtp. example .com`).
fn extract_spaced(s: &str) -> Option<(String, Option<u16>)> {
    let mut found: Vec<(String, Option<u16>)> = Vec::new();
    for word in s.split_whitespace() {
        if let Some(hit) = extract_word(word) {
            if !found.iter().any(|(h, _)| *h == hit.0) {
                found.push(hit);
            }
        }
    }
    if found.len() == 1 {
        return found.pop();
    }
    if !found.is_empty() {
        // Two different names: which one was meant is not ours to guess.
        return None;
    }
    let joined: String = s.split_whitespace().collect();
    extract_word(&joined)
}

/// A name worth testing as a mail server: an IP address or a name with at least one dot
/// (a bare word such as `smtp` or `SSL` names no server on the internet).
fn looks_like_a_server(host: &str) -> bool {
    host.parse::<std::net::IpAddr>().is_ok() || host.contains('.')
}

/// Returns the normalised host name, or why it is not one.
pub fn check(raw: &str) -> Result<String, String> {
    let s = raw.trim();
    if s.is_empty() {
        return Err("the field is empty".into());
    }
    if s.contains("://") {
        return Err(format!("\"{s}\" is a web address (URL), not a server name"));
    }
    if s.contains('@') {
        return Err(format!("\"{s}\" is an e-mail address, not a server name"));
    }
    if s.chars().any(char::is_whitespace) {
        return Err(format!("\"{s}\" contains spaces"));
    }
    if let Ok(ip) = s
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<std::net::IpAddr>()
    {
        return Ok(ip.to_string());
    }
    if let Some((host, port)) = s.rsplit_once(':') {
        if port.chars().all(|c| c.is_ascii_digit()) && !host.contains(':') {
            return Err(format!(
                "\"{s}\" has a port number glued on: the port goes in its own field"
            ));
        }
    }
    if s.contains('/') {
        return Err(format!("\"{s}\" contains a slash"));
    }
    crate::host_name::ldh_name(s)
}

#[cfg(test)]
mod tests {
    use super::{check, read, ServerField};
    use crate::host_name::network_host_name;

    #[test]
    fn a_name_from_the_network_must_be_a_plain_host_name() {
        assert_eq!(
            network_host_name("Mail.Example.TEST.").as_deref(),
            Some("mail.example.test")
        );
        assert_eq!(
            network_host_name("xn--bcher-kva.example").as_deref(),
            Some("xn--bcher-kva.example")
        );
        let long_label = format!("{}.example", "a".repeat(64));
        let long_name = format!("{}example", "abcdefghi.".repeat(25));
        for bad in [
            "mail\x1b[31m.example.test",
            "mail.example.test\n",
            "mail\u{0}.example.test",
            " mail.example.test",
            "mail example.test",
            "[x](javascript:alert(1)).test",
            "<img src=x>.test",
            "mail|x.test",
            "*.example.test",
            "mail..example.test",
            "-mail.example.test",
            "mail\\.example.test",
            "mäil.example.test",
            "203.0.113.5",
            "2001:db8::1",
            ".",
            "",
            long_label.as_str(),
            long_name.as_str(),
        ] {
            assert_eq!(network_host_name(bad), None, "{bad:?}");
        }
    }

    fn recovered(raw: &str) -> Option<(String, Option<u16>)> {
        match read(raw) {
            ServerField::Recoverable { host, port, .. } => Some((host, port)),
            _ => None,
        }
    }

    #[test]
    fn takes_the_host_out_of_every_field_shape() {
        let cases: [(&str, &str, Option<u16>); 14] = [
            ("https://mail.example.com/", "mail.example.com", None),
            ("http://Mail.Example.com", "mail.example.com", None),
            (
                "smtp://mail.example.com:465/",
                "mail.example.com",
                Some(465),
            ),
            (
                "https://user@mail.example.com:8443/webmail?x=1",
                "mail.example.com",
                Some(8443),
            ),
            ("alice@example.com", "example.com", None),
            ("mailto:alice@example.com", "example.com", None),
            ("smtp:mail.example.com", "mail.example.com", None),
            ("mail.example.com:587", "mail.example.com", Some(587)),
            ("mail.example.com/", "mail.example.com", None),
            ("[::1]:25", "::1", Some(25)),
            ("smtp. example .com", "smtp.example.com", None),
            ("mail.example.com (SSL)", "mail.example.com", None),
            ("SMTP: mail.example.com port 587", "mail.example.com", None),
            ("127.0.10.1:2525", "127.0.10.1", Some(2525)),
        ];
        for (raw, host, port) in cases {
            assert_eq!(recovered(raw), Some((host.to_string(), port)), "{raw}");
        }
    }

    #[test]
    fn a_field_without_a_host_stays_invalid_with_its_reason() {
        for raw in [
            "",
            "https://",
            "my mail server",
            "smtp_1.example.test",
            "a.example.com b.example.com",
            "alice@",
            "http://smtp/",
        ] {
            assert!(
                matches!(read(raw), ServerField::Invalid(ref why) if !why.is_empty()),
                "{raw}: {:?}",
                read(raw)
            );
        }
        assert_eq!(
            read(" smtp.example.test "),
            ServerField::Host("smtp.example.test".into())
        );
        match read("https://mail.example.com/") {
            ServerField::Recoverable { problem, .. } => {
                assert!(problem.contains("web address"), "{problem}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn accepts_host_names_and_addresses() {
        assert_eq!(
            check(" SMTP.Example.test. ").as_deref(),
            Ok("smtp.example.test")
        );
        assert_eq!(check("127.0.10.1").as_deref(), Ok("127.0.10.1"));
        assert_eq!(check("[::1]").as_deref(), Ok("::1"));
        assert_eq!(check("localhost").as_deref(), Ok("localhost"));
    }

    #[test]
    fn rejects_what_people_paste() {
        for bad in [
            "https://smtp.example.test/",
            "me@example.test",
            "smtp example.test",
            "smtp.example.test:587",
            "smtp..example.test",
            "smtp_1.example.test",
            "-smtp.example.test",
            "",
        ] {
            assert!(check(bad).is_err(), "{bad} should be rejected");
        }
    }
}
