//! DNS blocklist lookups (RFC 5782) of this network's public address and of the mail
//! server's addresses: every list, every address and the lists' test entries at once, each
//! bounded by the time-out. Through the run's resolver ([`Dns`]: `--dns-server`, one answer
//! per question per run, so the client's and the server's lookups share the test entries).
//! What the answers mean is [`answer`]'s; which lists, [`lists`]'.

pub mod answer;
pub mod lists;
pub mod words;

use std::net::IpAddr;
use std::time::Duration;

use crate::checks::dns::{Dns, Lookup};
pub use answer::{Listing, Role, Status};
pub use lists::{Blocklist, Blocklists};

/// Looks every public address up in every list that lists its family, all at once; each
/// answer waits at most `timeout` (a silent list is then unknown, never a delay beyond it).
pub async fn check(
    dns: &Dns,
    lists: &Blocklists,
    addrs: &[IpAddr],
    timeout: Duration,
) -> Vec<Listing> {
    let asks = addrs.iter().filter(|ip| is_public(**ip)).flat_map(|ip| {
        lists
            .0
            .iter()
            .filter(move |l| ip.is_ipv4() || l.ipv6)
            .map(move |l| ask(dns, l, *ip, timeout))
    });
    futures::future::join_all(asks).await
}

async fn ask(dns: &Dns, list: &Blocklist, ip: IpAddr, timeout: Duration) -> Listing {
    let bounded = |name: String| async move {
        tokio::time::timeout(timeout, dns.a_records(&name))
            .await
            .unwrap_or(Lookup::Timeout)
    };
    let (address, test_listed, test_clean) = tokio::join!(
        bounded(answer::query_name(ip, &list.zone)),
        bounded(answer::query_name(answer::TEST_LISTED.into(), &list.zone)),
        bounded(answer::query_name(answer::TEST_CLEAN.into(), &list.zone)),
    );
    let status = answer::interpret(
        list,
        answer::Answers {
            address: &address,
            test_listed: &test_listed,
            test_clean: &test_clean,
        },
    );
    Listing {
        list: list.name.clone(),
        zone: list.zone.clone(),
        address: ip,
        delist: list.delist.clone(),
        status,
    }
}

/// Can the address be on a public list? Loopback, private (RFC 1918, unique local),
/// link-local and unspecified addresses never are: they are not asked about (nor told to a
/// list). The documentation ranges count as public: the labs use them as the internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.octets()[0] == 0)
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_addresses_are_never_asked_about() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.1.1",
            "172.16.0.1",
            "169.254.1.1",
            "::1",
            "fd00::1",
            "fe80::1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in [
            "203.0.113.7",
            "198.51.100.130",
            "8.8.8.8",
            "2001:db8:203::25",
        ] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }
}
