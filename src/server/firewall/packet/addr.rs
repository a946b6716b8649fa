//! Addresses, networks and ranges as iptables, ipset and nft print them, and whether one
//! holds the client's address. An IPv4 entry never holds an IPv6 address and the reverse.

use std::net::IpAddr;

/// One address, a network (prefix or iptables' dotted mask) or an inclusive range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddrSpec {
    /// `addr & mask == net`; a single address has the full mask.
    Masked {
        v6: bool,
        net: u128,
        mask: u128,
    },
    Range {
        v6: bool,
        lo: u128,
        hi: u128,
    },
}

fn bits(ip: IpAddr) -> (bool, u128) {
    match ip.to_canonical() {
        IpAddr::V4(a) => (false, u128::from(u32::from(a))),
        IpAddr::V6(a) => (true, u128::from(a)),
    }
}

fn prefix_mask(v6: bool, len: u32) -> Option<u128> {
    let width = if v6 { 128 } else { 32 };
    if len > width {
        return None;
    }
    let full: u128 = if v6 { u128::MAX } else { u128::from(u32::MAX) };
    if len == 0 {
        return Some(0);
    }
    Some((full << (width - len)) & full)
}

fn parse_ip(s: &str) -> Option<(bool, u128)> {
    let ip: IpAddr = s.trim().parse().ok()?;
    // Keep the family as written: `::ffff:198.51.100.7` in an IPv6 set is an IPv6 entry.
    Some(match ip {
        IpAddr::V4(a) => (false, u128::from(u32::from(a))),
        IpAddr::V6(a) => (true, u128::from(a)),
    })
}

impl AddrSpec {
    /// `198.51.100.7`, `198.51.100.0/24`, `198.51.100.0/255.255.255.0`, `2001:db8::/32`,
    /// `198.51.100.1-198.51.100.9`; `None` for anything else (a host name, a MAC, junk).
    pub fn parse(s: &str) -> Option<AddrSpec> {
        let s = s.trim();
        if let Some((lo, hi)) = s.split_once('-') {
            let (v6a, lo) = parse_ip(lo)?;
            let (v6b, hi) = parse_ip(hi)?;
            if v6a != v6b || lo > hi {
                return None;
            }
            return Some(AddrSpec::Range { v6: v6a, lo, hi });
        }
        let (addr, mask) = match s.split_once('/') {
            Some((a, m)) => (a, Some(m)),
            None => (s, None),
        };
        let (v6, a) = parse_ip(addr)?;
        let mask = match mask {
            None => prefix_mask(v6, if v6 { 128 } else { 32 })?,
            Some(m) if m.bytes().all(|b| b.is_ascii_digit()) && !m.is_empty() => {
                prefix_mask(v6, m.parse().ok()?)?
            }
            Some(m) => {
                let (mv6, mask) = parse_ip(m)?;
                if mv6 != v6 {
                    return None;
                }
                mask
            }
        };
        Some(AddrSpec::Masked {
            v6,
            net: a & mask,
            mask,
        })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let (v6, a) = bits(ip);
        match *self {
            AddrSpec::Masked { v6: f, net, mask } => f == v6 && a & mask == net,
            AddrSpec::Range { v6: f, lo, hi } => f == v6 && lo <= a && a <= hi,
        }
    }
}

/// Does the text (an address, network or range) hold `ip`? Unparsable text holds nothing.
pub fn text_contains(text: &str, ip: IpAddr) -> bool {
    AddrSpec::parse(text).is_some_and(|s| s.contains(ip))
}

/// An entry as people write it: a single address without its `/32` or `/128`.
pub fn plain(text: &str) -> String {
    let t = text.trim();
    for suffix in ["/32", "/128"] {
        if let Some(a) = t.strip_suffix(suffix) {
            if let Ok(ip) = a.parse::<IpAddr>() {
                let full = matches!(
                    (ip, suffix),
                    (IpAddr::V4(_), "/32") | (IpAddr::V6(_), "/128")
                );
                if full {
                    return a.to_string();
                }
            }
        }
    }
    t.to_string()
}

/// The client's address as the tools compare it: an IPv4-mapped IPv6 address is IPv4.
pub fn canonical(ip: IpAddr) -> IpAddr {
    ip.to_canonical()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn networks_masks_and_ranges() {
        let c = ip("198.51.100.7");
        assert!(text_contains("198.51.100.7", c));
        assert!(text_contains("198.51.100.7/32", c));
        assert!(text_contains("198.51.100.0/24", c));
        assert!(text_contains("198.51.100.0/255.255.255.0", c));
        assert!(text_contains("0.0.0.0/0", c));
        assert!(text_contains("198.51.100.1-198.51.100.10", c));
        assert!(!text_contains("198.51.100.8", c));
        assert!(!text_contains("198.51.100.0/30", c));
        assert!(!text_contains("198.51.100.8-198.51.100.10", c));
        // A non-contiguous mask: only the last octet's low bits are compared with 7.
        assert!(text_contains("0.0.0.7/0.0.0.255", c));
        assert!(!text_contains("0.0.0.8/0.0.0.255", c));
        assert!(!text_contains("198.51.100.0/33", c));
        assert!(!text_contains("mail.example.test", c));
        assert!(!text_contains("198.51.100.9-198.51.100.1", c));
    }

    #[test]
    fn families_never_mix() {
        let six = ip("2001:db8::7");
        assert!(text_contains("2001:db8::/32", six));
        assert!(text_contains("2001:db8::7/128", six));
        assert!(text_contains("2001:db8::1-2001:db8::ff", six));
        assert!(!text_contains("2001:db8:1::/48", six));
        assert!(!text_contains("0.0.0.0/0", six));
        assert!(!text_contains("::/0", ip("198.51.100.7")));
        // A mapped client is compared as IPv4.
        assert!(text_contains("198.51.100.0/24", ip("::ffff:198.51.100.7")));
    }

    #[test]
    fn plain_drops_full_masks_only() {
        assert_eq!(plain("198.51.100.7/32"), "198.51.100.7");
        assert_eq!(plain("2001:db8::7/128"), "2001:db8::7");
        assert_eq!(plain("198.51.100.0/24"), "198.51.100.0/24");
        assert_eq!(plain("2001:db8::/32"), "2001:db8::/32");
    }
}
