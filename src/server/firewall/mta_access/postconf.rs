//! What `postconf` prints, as values: main.cf parameters (`postconf -x`), master.cf fields
//! (`postconf -F`) and per-service `-o` overrides (`postconf -P -x`); Postfix's list syntax
//! (postconf(5): values separated by commas and/or whitespace, `{ ... }` grouping); and the
//! smtpd services a client can reach, with their ports.

use std::collections::BTreeMap;

/// `name = value` lines (`name =` for an empty value).
pub fn parameters(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let Some((name, value)) = line.split_once(" =") else {
            continue;
        };
        let name = name.trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            continue;
        }
        out.insert(name.to_string(), value.trim().to_string());
    }
    out
}

/// One master.cf service: `submission/inet`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub name: String,
    pub kind: String,
    /// The program (first word of the command): `smtpd`, `postscreen`, ...
    pub program: String,
}

impl Service {
    pub fn id(&self) -> String {
        format!("{}/{}", self.name, self.kind)
    }
}

/// The services of `postconf -F` (`service/type/command = smtpd -o ...`), in file order.
pub fn services(text: &str) -> Vec<Service> {
    let mut out = Vec::new();
    for (key, value) in ordered_pairs(text) {
        let mut parts = key.rsplitn(3, '/');
        let (Some(field), Some(kind), Some(name)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if field != "command" {
            continue;
        }
        out.push(Service {
            name: name.to_string(),
            kind: kind.to_string(),
            program: value.split_whitespace().next().unwrap_or("").to_string(),
        });
    }
    out
}

/// `postconf -P`: `service/type/parameter = value`, keyed by `service/type`.
pub fn overrides(text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (key, value) in ordered_pairs(text) {
        let Some((service, param)) = key.rsplit_once('/') else {
            continue;
        };
        if !service.contains('/') {
            continue;
        }
        out.entry(service.to_string())
            .or_default()
            .insert(param.to_string(), value);
    }
    out
}

fn ordered_pairs(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let (k, v) = l.split_once(" =")?;
            let k = k.trim();
            (!k.is_empty() && !k.contains(char::is_whitespace))
                .then(|| (k.to_string(), v.trim().to_string()))
        })
        .collect()
}

/// Postfix's list splitting: commas and whitespace separate, `{ ... }` keeps its inside
/// together (and nests), so `inline:{ a=b, { c = d e } }` is one word.
pub fn tokens(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for c in value.chars() {
        match c {
            '{' => {
                depth += 1;
                cur.push(c);
            }
            '}' => {
                depth = depth.saturating_sub(1);
                cur.push(c);
            }
            c if depth == 0 && (c == ',' || c.is_whitespace()) => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The port of an inet service name (`smtp`, `submission`, `smtps`/`submissions`, `2525`,
/// `198.51.100.1:587`, `[::1]:smtp`), and whether it listens only on loopback.
pub fn inet_port(name: &str) -> Option<(u16, bool)> {
    let (host, port) = match name.rsplit_once(':') {
        Some((h, p)) => (Some(h), p),
        None => (None, name),
    };
    let loopback = host.is_some_and(|h| {
        let h = h.trim_start_matches('[').trim_end_matches(']');
        h == "localhost"
            || h.parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    });
    let port = match port {
        "smtp" => 25,
        "submission" => 587,
        "smtps" | "submissions" | "urd" | "ssmtp" => 465,
        p => p.parse().ok()?,
    };
    Some((port, loopback))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIX: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/server/postfix/"
    );

    fn fixture(name: &str) -> String {
        std::fs::read_to_string(format!("{FIX}{name}")).unwrap()
    }

    #[test]
    fn real_main_parameters() {
        let p = parameters(&fixture("postconf-x.txt"));
        assert!(p["smtpd_client_restrictions"]
            .starts_with("permit_mynetworks, check_client_access hash:"));
        assert_eq!(p["smtpd_data_restrictions"], "");
        assert_eq!(p["postscreen_denylist_action"], "enforce");
        assert_eq!(p["smtpd_restriction_classes"], "blocklisted");
        assert!(p.len() > 500);
    }

    #[test]
    fn real_services_and_overrides() {
        let s = services(&fixture("postconf-F.txt"));
        let ids: Vec<String> = s.iter().map(Service::id).collect();
        assert_eq!(
            &ids[..5],
            [
                "smtp/inet",
                "smtpd/pass",
                "dnsblog/unix",
                "tlsproxy/unix",
                "submission/inet"
            ]
        );
        assert_eq!(s[0].program, "postscreen");
        assert_eq!(s[1].program, "smtpd");
        let o = overrides(&fixture("postconf-P-x.txt"));
        assert!(o["submission/inet"]["smtpd_client_restrictions"].contains("cidr:"));
        assert_eq!(o["127.0.0.1:10025/inet"]["smtpd_client_restrictions"], "");
        assert_eq!(o["smtps/inet"]["smtpd_tls_wrappermode"], "yes");
    }

    #[test]
    fn list_tokens() {
        assert_eq!(
            tokens("permit_mynetworks, check_client_access hash:/a,reject"),
            [
                "permit_mynetworks",
                "check_client_access",
                "hash:/a",
                "reject"
            ]
        );
        assert_eq!(
            tokens("check_client_access inline:{ 198.51.100.9=REJECT, { 203.0.113.5 = 554 go away } }, x"),
            ["check_client_access", "inline:{ 198.51.100.9=REJECT, { 203.0.113.5 = 554 go away } }", "x"]
        );
        assert!(tokens(" ,, ").is_empty());
        // Unbalanced braces never panic.
        assert_eq!(tokens("}} a {"), ["}}", "a", "{"]);
    }

    #[test]
    fn ports() {
        assert_eq!(inet_port("smtp"), Some((25, false)));
        assert_eq!(inet_port("submission"), Some((587, false)));
        assert_eq!(inet_port("smtps"), Some((465, false)));
        assert_eq!(inet_port("2525"), Some((2525, false)));
        assert_eq!(inet_port("127.0.0.1:10025"), Some((10025, true)));
        assert_eq!(inet_port("[::1]:smtp"), Some((25, true)));
        assert_eq!(inet_port("198.51.100.1:submission"), Some((587, false)));
        assert_eq!(inet_port("localhost:10026"), Some((10026, true)));
        assert_eq!(inet_port("weird"), None);
    }
}
