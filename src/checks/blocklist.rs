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

/// Looks every address up in every list that lists its family, all at once; each answer
/// waits at most `timeout` (a silent list is then unknown, never a delay beyond it).
pub async fn check(dns: &Dns, lists: &Blocklists, addrs: &[IpAddr], timeout: Duration) -> Vec<Listing> {
    let asks = addrs.iter().flat_map(|ip| {
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
