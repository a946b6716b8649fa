//! Reverse DNS of the mail server's addresses: the PTR names of each, and which of them
//! lead back to the address (forward-confirmed reverse DNS). Whether a name matches the
//! server's greeting is the diagnosis's to say (see `diagnosis::signals::reputation`).

use std::net::IpAddr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::checks::dns::{Dns, Lookup};

/// One address's reverse DNS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReverseDns {
    pub address: IpAddr,
    pub ptr: Lookup<Vec<String>>,
    /// The PTR names whose own addresses include `address`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confirmed: Vec<String>,
}

/// Most names a PTR answer may bring that are looked up forward (a hostile answer could
/// list hundreds).
const MAX_NAMES: usize = 4;

/// The PTR of every public address and the forward lookup of its names, all at once, each step
/// bounded by `timeout`.
pub async fn check(dns: &Dns, addrs: &[IpAddr], timeout: Duration) -> Vec<ReverseDns> {
    // Private addresses have no public reverse DNS to speak of.
    let public = addrs
        .iter()
        .filter(|ip| crate::checks::blocklist::is_public(**ip));
    futures::future::join_all(public.map(|ip| one(dns, *ip, timeout))).await
}

async fn one(dns: &Dns, address: IpAddr, timeout: Duration) -> ReverseDns {
    let ptr = tokio::time::timeout(timeout, dns.ptr(address))
        .await
        .unwrap_or(Lookup::Timeout);
    let names: Vec<String> = ptr
        .found()
        .map(|v| v.iter().take(MAX_NAMES).cloned().collect())
        .unwrap_or_default();
    let forward = names.iter().map(|name| async move {
        let found = tokio::time::timeout(timeout, dns.addresses(name))
            .await
            .unwrap_or(Lookup::Timeout);
        found
            .found()
            .is_some_and(|ips| ips.contains(&address))
            .then(|| name.clone())
    });
    let confirmed = futures::future::join_all(forward)
        .await
        .into_iter()
        .flatten()
        .collect();
    ReverseDns {
        address,
        ptr,
        confirmed,
    }
}

/// How the reverse DNS of the server's addresses stands against the name the server gives
/// itself (`greeting`, its EHLO name when known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every address has a PTR name that leads back to it and is the greeting name.
    Matches,
    /// This address's reverse DNS is missing, unconfirmed or another name: in words.
    Mismatch { address: IpAddr, problem: String },
    /// A lookup gave no answer to go by.
    Unknown,
}

/// Judges the reverse DNS of every address (pure).
pub fn judge(found: &[ReverseDns], greeting: Option<&str>) -> Verdict {
    if found.is_empty() {
        return Verdict::Unknown;
    }
    for r in found {
        let address = r.address;
        let names = match &r.ptr {
            Lookup::Found(names) => names,
            Lookup::Nxdomain | Lookup::NoRecords => {
                return Verdict::Mismatch {
                    address,
                    problem: format!(
                        "The mail server's address {address} has no reverse DNS name (PTR)."
                    ),
                }
            }
            _ => return Verdict::Unknown,
        };
        if r.confirmed.is_empty() {
            return Verdict::Mismatch {
                address,
                problem: format!(
                    "The reverse DNS name of the mail server's address {address} ({}) does not lead back to that address.",
                    names.join(", ")
                ),
            };
        }
        if let Some(greeting) = greeting {
            if !r.confirmed.iter().any(|n| n.eq_ignore_ascii_case(greeting)) {
                return Verdict::Mismatch {
                    address,
                    problem: format!(
                        "The mail server calls itself {greeting}, but the reverse DNS name of its address {address} is {}.",
                        r.confirmed.join(", ")
                    ),
                };
            }
        }
    }
    Verdict::Matches
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rd(ptr: Lookup<Vec<String>>, confirmed: &[&str]) -> ReverseDns {
        ReverseDns {
            address: "203.0.113.25".parse().unwrap(),
            ptr,
            confirmed: confirmed.iter().map(|s| (*s).to_string()).collect(),
        }
    }

    #[test]
    fn ptr_fcrdns_and_greeting() {
        let name = || Lookup::Found(vec!["smtp.example.test".to_string()]);
        let ok = rd(name(), &["smtp.example.test"]);
        assert_eq!(
            judge(std::slice::from_ref(&ok), Some("SMTP.example.test")),
            Verdict::Matches
        );
        assert_eq!(judge(std::slice::from_ref(&ok), None), Verdict::Matches);
        assert!(matches!(
            judge(&[ok], Some("mail.other.test")),
            Verdict::Mismatch { problem, .. } if problem.contains("calls itself mail.other.test")
        ));
        assert!(matches!(
            judge(&[rd(name(), &[])], None),
            Verdict::Mismatch { problem, .. } if problem.contains("does not lead back")
        ));
        assert!(matches!(
            judge(&[rd(Lookup::Nxdomain, &[])], None),
            Verdict::Mismatch { problem, .. } if problem.contains("no reverse DNS")
        ));
        assert_eq!(judge(&[rd(Lookup::Timeout, &[])], None), Verdict::Unknown);
        assert_eq!(judge(&[], None), Verdict::Unknown);
    }
}
