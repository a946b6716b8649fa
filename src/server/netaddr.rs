//! Addresses and networks as the access lists write them, and whether one contains the
//! client. Shared by the ban-list and access-map sources (CSF, fail2ban, Postfix, Exim,
//! tcp_wrappers), which all answer the same question: does this entry cover the client?

use std::net::IpAddr;

use ipnet::IpNet;

/// The client's address as servers see it: an IPv4-mapped IPv6 address (`::ffff:198.51.100.7`)
/// is the IPv4 address, which is how Postfix, fail2ban and iptables write it.
pub fn normalize(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(v6),
        },
        v4 @ IpAddr::V4(_) => v4,
    }
}

/// A single address or a network in `addr/prefix` form, optionally with the IPv6 address in
/// brackets (`[2001:db8::]/32`, as Postfix's cidr tables and tcp_wrappers allow). A bare
/// address is a host network (/32 or /128). Host bits set under the prefix are accepted and
/// masked, as iptables and fail2ban do; anything else is `None`.
pub fn parse_net(s: &str) -> Option<IpNet> {
    let s = s.trim();
    let (addr, prefix) = match s.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (s, None),
    };
    let addr = addr
        .strip_prefix('[')
        .and_then(|a| a.strip_suffix(']'))
        .unwrap_or(addr);
    let ip: IpAddr = addr.parse().ok()?;
    let max = if ip.is_ipv4() { 32 } else { 128 };
    let len = match prefix {
        None => max,
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && p.len() <= 3 => {
            p.parse::<u8>().ok()?
        }
        Some(_) => return None,
    };
    IpNet::new(ip, len).ok().map(|n| n.trunc())
}

/// Does `entry` (an address or network as written in a list) contain `client`?
/// Returns the parsed network when it does.
pub fn entry_contains(entry: &str, client: IpAddr) -> Option<IpNet> {
    let net = parse_net(entry)?;
    net.contains(&normalize(client)).then_some(net)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn hosts_and_networks() {
        assert!(entry_contains("198.51.100.7", ip("198.51.100.7")).is_some());
        assert!(entry_contains("198.51.100.8", ip("198.51.100.7")).is_none());
        assert!(entry_contains("198.51.100.0/24", ip("198.51.100.7")).is_some());
        assert!(entry_contains("198.51.100.64/26", ip("198.51.100.7")).is_none());
        assert!(entry_contains("198.51.100.64/26", ip("198.51.100.70")).is_some());
        assert!(entry_contains("0.0.0.0/0", ip("203.0.113.1")).is_some());
        // Host bits under the prefix are masked, as iptables does.
        assert_eq!(
            parse_net("198.51.100.7/24").unwrap().to_string(),
            "198.51.100.0/24"
        );
    }

    #[test]
    fn ipv6_and_brackets() {
        assert!(entry_contains("2001:db8::/32", ip("2001:db8::7")).is_some());
        assert!(entry_contains("[2001:db8::]/32", ip("2001:db8:1::7")).is_some());
        assert!(entry_contains("2001:db8::7", ip("2001:DB8:0::7")).is_some());
        assert!(entry_contains("2001:db9::/32", ip("2001:db8::7")).is_none());
        // Families never match each other.
        assert!(entry_contains("::/0", ip("198.51.100.7")).is_none());
        assert!(entry_contains("0.0.0.0/0", ip("2001:db8::7")).is_none());
    }

    #[test]
    fn mapped_client_is_ipv4() {
        assert_eq!(normalize(ip("::ffff:198.51.100.7")), ip("198.51.100.7"));
        assert!(entry_contains("198.51.100.0/24", ip("::ffff:198.51.100.7")).is_some());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = parse_net(&s);
            let _ = entry_contains(&s, ip("2001:db8::7"));
        }
    }

    #[test]
    fn junk_is_none() {
        for s in [
            "",
            "/",
            "198.51.100.7/",
            "198.51.100.7/33",
            "198.51.100.7/-1",
            "2001:db8::/129",
            "example.com",
            "198.51.100",
            "198.51.100.7/24/1",
            "[198.51.100.7",
        ] {
            assert!(parse_net(s).is_none(), "{s}");
        }
    }
}
