//! What a blocklist's answers say about one address: pure, tested without a network.
//!
//! A list is trusted only when it passes RFC 5782's test entries, asked beside the address:
//! 127.0.0.2 must be listed and 127.0.0.1 must not. A list that refuses the query (Spamhaus
//! answers 127.255.255.252/254/255 to public or unregistered resolvers) or answers outside
//! 127.0.0.0/8 (a resolver that rewrites answers, a list that no longer exists) could not be
//! checked; a time-out is unknown. Neither is ever "listed".

use std::net::{IpAddr, Ipv4Addr};

use serde::{Deserialize, Serialize};

use super::lists::{Blocklist, CodeKind};
use crate::checks::dns::Lookup;

/// Whose address was looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// This network's public address.
    Client,
    /// The mail server's own address.
    Server,
}

/// What one list says about one address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    Listed {
        code: Ipv4Addr,
        meaning: String,
        /// A home or dynamic connection (PBL-type): not a spam listing.
        dynamic: bool,
    },
    NotListed,
    /// The list refused the query or answered falsely: nothing is known.
    NotChecked {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        code: Option<Ipv4Addr>,
        why: String,
    },
    /// No answer in time, or the list's server failed.
    Unknown {
        why: String,
    },
}

/// One list's answer for one address, with what the report needs of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    pub list: String,
    pub zone: String,
    pub address: IpAddr,
    pub delist: String,
    #[serde(flatten)]
    pub status: Status,
}

/// The name to query for `ip` in `zone`: IPv4 octets reversed, IPv6 nibbles reversed
/// (RFC 5782 section 2.4).
pub fn query_name(ip: IpAddr, zone: &str) -> String {
    format!("{}.{zone}", crate::checks::dns::reversed_labels(ip))
}

/// RFC 5782's test entries: listed by every list, and listed by none.
pub const TEST_LISTED: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 2);
pub const TEST_CLEAN: Ipv4Addr = Ipv4Addr::LOCALHOST;

/// The answers for one address and for the two test entries.
#[derive(Debug, Clone, Copy)]
pub struct Answers<'a> {
    pub address: &'a Lookup<Vec<Ipv4Addr>>,
    pub test_listed: &'a Lookup<Vec<Ipv4Addr>>,
    pub test_clean: &'a Lookup<Vec<Ipv4Addr>>,
}

/// What `list`'s answers say about an address.
pub fn interpret(list: &Blocklist, a: Answers) -> Status {
    let all = [a.address, a.test_listed, a.test_clean];
    // A refusal anywhere: the list does not answer this resolver.
    for found in all.iter().filter_map(|l| l.found()) {
        if let Some(c) = found
            .iter()
            .find_map(|ip| list.code(*ip).filter(|c| c.kind == CodeKind::Refused))
        {
            return Status::NotChecked {
                code: Some(c.answer),
                why: c.meaning.clone(),
            };
        }
    }
    for found in all.iter().filter_map(|l| l.found()) {
        if let Some(bad) = found.iter().find(|ip| ip.octets()[0] != 127) {
            return Status::NotChecked {
                code: Some(*bad),
                why: format!(
                    "the answer {bad} is not a blocklist answer (127.0.0.0/8): the DNS resolver rewrites answers, or the list no longer exists"
                ),
            };
        }
    }
    if let Some(why) = [a.address, a.test_listed, a.test_clean]
        .iter()
        .find_map(|l| unanswered(l))
    {
        return Status::Unknown { why };
    }
    if a.test_listed.found().is_none() {
        return Status::NotChecked {
            code: None,
            why: format!(
                "the list does not list its test entry {TEST_LISTED} (RFC 5782): it no longer answers"
            ),
        };
    }
    if a.test_clean.found().is_some() {
        return Status::NotChecked {
            code: None,
            why: format!(
                "the list lists its test entry {TEST_CLEAN}, which no list may list (RFC 5782): it answers every query"
            ),
        };
    }
    match a.address.found().and_then(|v| v.first()) {
        None => Status::NotListed,
        Some(&code) => {
            // The first answer the list defines, else the first answer.
            let known = a
                .address
                .found()
                .into_iter()
                .flatten()
                .find_map(|ip| list.code(*ip));
            match known {
                Some(c) => Status::Listed {
                    code: c.answer,
                    meaning: c.meaning.clone(),
                    dynamic: c.kind == CodeKind::Dynamic,
                },
                None => Status::Listed {
                    code,
                    meaning: format!("{}: listed (answer {code})", list.name),
                    dynamic: false,
                },
            }
        }
    }
}

/// Why a lookup gave no answer to go by, or `None` when it gave one (found, or no such name).
fn unanswered(l: &Lookup<Vec<Ipv4Addr>>) -> Option<String> {
    match l {
        Lookup::Found(_) | Lookup::Nxdomain | Lookup::NoRecords => None,
        Lookup::Timeout => Some("the list did not answer in time".to_string()),
        Lookup::ServerFailure(c) => Some(format!("the list's DNS server failed ({c})")),
        Lookup::Error(e) => Some(format!("the lookup failed: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::super::lists::Blocklists;
    use super::*;

    fn zen() -> Blocklist {
        Blocklists::embedded()
            .unwrap()
            .0
            .into_iter()
            .find(|l| l.zone == "zen.spamhaus.org")
            .unwrap()
    }

    fn found(ips: &[&str]) -> Lookup<Vec<Ipv4Addr>> {
        Lookup::Found(ips.iter().map(|s| s.parse().unwrap()).collect())
    }

    fn ask(list: &Blocklist, address: &Lookup<Vec<Ipv4Addr>>) -> Status {
        interpret(
            list,
            Answers {
                address,
                test_listed: &found(&["127.0.0.2"]),
                test_clean: &Lookup::Nxdomain,
            },
        )
    }

    #[test]
    fn query_names_reverse_octets_and_nibbles() {
        assert_eq!(
            query_name("203.0.113.7".parse().unwrap(), "zen.spamhaus.org"),
            "7.113.0.203.zen.spamhaus.org"
        );
        // RFC 5782 section 2.4's example.
        assert_eq!(
            query_name(
                "2001:db8:1:2:3:4:567:89ab".parse().unwrap(),
                "ugly.example.com"
            ),
            "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ugly.example.com"
        );
    }

    #[test]
    fn listed_and_not_listed() {
        let list = zen();
        assert_eq!(ask(&list, &Lookup::Nxdomain), Status::NotListed);
        assert_eq!(ask(&list, &Lookup::NoRecords), Status::NotListed);
        let Status::Listed {
            code,
            meaning,
            dynamic,
        } = ask(&list, &found(&["127.0.0.4"]))
        else {
            panic!("not listed");
        };
        assert_eq!(code, Ipv4Addr::new(127, 0, 0, 4));
        assert!(meaning.contains("XBL"), "{meaning}");
        assert!(!dynamic);
    }

    #[test]
    fn pbl_codes_are_dynamic_listings() {
        let list = zen();
        for code in ["127.0.0.10", "127.0.0.11"] {
            assert!(
                matches!(
                    ask(&list, &found(&[code])),
                    Status::Listed { dynamic: true, .. }
                ),
                "{code}"
            );
        }
        // A spam listing beside a PBL one: the first the list defines is reported.
        assert!(matches!(
            ask(&list, &found(&["127.0.0.2", "127.0.0.10"])),
            Status::Listed { dynamic: false, .. }
        ));
    }

    #[test]
    fn an_unknown_code_in_127_is_a_listing() {
        let Status::Listed { code, meaning, .. } = ask(&zen(), &found(&["127.0.0.99"])) else {
            panic!("not listed");
        };
        assert_eq!(code, Ipv4Addr::new(127, 0, 0, 99));
        assert!(meaning.contains("127.0.0.99"), "{meaning}");
    }

    #[test]
    fn spamhaus_error_codes_are_never_listings() {
        let list = zen();
        for code in ["127.255.255.252", "127.255.255.254", "127.255.255.255"] {
            // Spamhaus answers public resolvers so for every name, test entries included.
            let status = interpret(
                &list,
                Answers {
                    address: &found(&[code]),
                    test_listed: &found(&[code]),
                    test_clean: &found(&[code]),
                },
            );
            let Status::NotChecked { code: Some(c), why } = status else {
                panic!("{code}: {status:?}");
            };
            assert_eq!(c.to_string(), code);
            assert!(!why.is_empty());
        }
        let Status::NotChecked { why, .. } = ask(&list, &found(&["127.255.255.254"])) else {
            panic!("listed");
        };
        assert!(why.contains("another resolver"), "{why}");
    }

    #[test]
    fn answers_outside_127_are_malformed() {
        for address in [
            found(&["198.51.100.9"]),
            found(&["127.0.0.2", "203.0.113.1"]),
        ] {
            assert!(
                matches!(
                    ask(&zen(), &address),
                    Status::NotChecked { code: Some(_), .. }
                ),
                "{address:?}"
            );
        }
        // A resolver that answers every name (an advertising resolver) fails the tests too.
        let status = interpret(
            &zen(),
            Answers {
                address: &Lookup::Nxdomain,
                test_listed: &found(&["203.0.113.1"]),
                test_clean: &found(&["203.0.113.1"]),
            },
        );
        assert!(matches!(status, Status::NotChecked { .. }), "{status:?}");
    }

    #[test]
    fn a_list_that_fails_its_tests_could_not_be_checked() {
        let list = zen();
        let listed = found(&["127.0.0.2"]);
        // Does not list 127.0.0.2.
        let status = interpret(
            &list,
            Answers {
                address: &listed,
                test_listed: &Lookup::Nxdomain,
                test_clean: &Lookup::Nxdomain,
            },
        );
        assert!(
            matches!(&status, Status::NotChecked { code: None, why } if why.contains("127.0.0.2")),
            "{status:?}"
        );
        // Lists 127.0.0.1.
        let status = interpret(
            &list,
            Answers {
                address: &listed,
                test_listed: &listed,
                test_clean: &listed,
            },
        );
        assert!(
            matches!(&status, Status::NotChecked { code: None, why } if why.contains("127.0.0.1")),
            "{status:?}"
        );
    }

    #[test]
    fn silence_or_failure_is_unknown() {
        let list = zen();
        assert!(matches!(
            ask(&list, &Lookup::Timeout),
            Status::Unknown { .. }
        ));
        assert!(matches!(
            ask(&list, &Lookup::ServerFailure("SERVFAIL".into())),
            Status::Unknown { .. }
        ));
        // An answer for the address, but the tests went unanswered: nothing to go by.
        let status = interpret(
            &list,
            Answers {
                address: &found(&["127.0.0.2"]),
                test_listed: &Lookup::Timeout,
                test_clean: &Lookup::Nxdomain,
            },
        );
        assert!(matches!(status, Status::Unknown { .. }), "{status:?}");
    }
}
