//! The network part of the domain authentication check: the records come through the
//! diagnosis's own resolver ([`Dns`]: `--dns-server`, its time budget and its per-run memo);
//! SPF's check_host() runs in mail-auth over a clone of that same resolver.

use std::collections::HashSet;
use std::net::IpAddr;

use mail_auth::common::cache::NoCache;
use mail_auth::spf::verify::SpfParameters;
use mail_auth::{MessageAuthenticator, Parameters};

use super::{
    dkim_key_state, dmarc_finding, parse_spf, spf_terms, DkimKey, DkimKeyState, DmarcFinding,
    DomainAuth, HostTerm, SpfAddressResult, SpfFinding, SpfVerdict, SPF_LOOKUP_LIMIT,
    SPF_VOID_LIMIT,
};
use crate::checks::dns::{self, Dns, Lookup};

/// Records followed at most through include and redirect: far past the limit of 10 lookups,
/// so a loop or a huge tree costs a bounded number of queries.
const MAX_RECORDS: usize = 24;

/// Evaluates `domain`'s SPF against `server` (the sending server's addresses), its DMARC
/// record and the DKIM keys of `selectors`, all at once.
pub async fn evaluate(
    dns: &Dns,
    domain: &str,
    server: &[IpAddr],
    selectors: &[String],
) -> DomainAuth {
    let (spf, dmarc, dkim) = tokio::join!(
        spf(dns, domain, server),
        dmarc(dns, domain),
        dkim(dns, domain, selectors)
    );
    DomainAuth { spf, dmarc, dkim }
}

async fn spf(dns: &Dns, domain: &str, server: &[IpAddr]) -> SpfFinding {
    let record = match dns.txt(domain).await {
        Lookup::Found(txt) => match dns::spf_of(&txt) {
            Some(r) => r,
            None => return SpfFinding::Missing,
        },
        Lookup::Nxdomain | Lookup::NoRecords => return SpfFinding::Missing,
        other => {
            return SpfFinding::Unknown {
                reason: other.word().to_string(),
            }
        }
    };
    let root = match parse_spf(&record) {
        Ok(r) => r,
        Err(e) => {
            return SpfFinding::Invalid {
                reason: format!("the record does not parse ({e})"),
                record,
            }
        }
    };
    let mut terms = spf_terms(&root, domain);
    let (mut lookups, mut voids) = (terms.lookups, 0);
    voids += void_hosts(dns, &terms.hosts).await;
    let mut seen: HashSet<String> = HashSet::from([domain.to_ascii_lowercase()]);
    let mut queue = std::mem::take(&mut terms.follow);
    while let Some(next) = queue.pop() {
        if seen.len() >= MAX_RECORDS || lookups > SPF_LOOKUP_LIMIT {
            break;
        }
        if !seen.insert(next.clone()) {
            continue;
        }
        let txt = match dns.txt(&next).await {
            Lookup::Found(txt) => txt,
            Lookup::Nxdomain | Lookup::NoRecords => Vec::new(),
            other => {
                return SpfFinding::Unknown {
                    reason: format!("{next}: {}", other.word()),
                }
            }
        };
        let Some(included) = dns::spf_of(&txt) else {
            return SpfFinding::Invalid {
                record,
                reason: format!("{next}, named by include or redirect, publishes no SPF record"),
            };
        };
        let parsed = match parse_spf(&included) {
            Ok(p) => p,
            Err(e) => {
                return SpfFinding::Invalid {
                    record,
                    reason: format!("the SPF record of {next} does not parse ({e})"),
                }
            }
        };
        let t = spf_terms(&parsed, &next);
        lookups += t.lookups;
        voids += void_hosts(dns, &t.hosts).await;
        queue.extend(t.follow);
    }
    if lookups > SPF_LOOKUP_LIMIT {
        return SpfFinding::TooManyLookups { record, lookups };
    }
    if voids > SPF_VOID_LIMIT {
        return SpfFinding::Invalid {
            record,
            reason: format!("{voids} of its a and mx names do not exist or have no address (at most {SPF_VOID_LIMIT} may)"),
        };
    }
    let auth = MessageAuthenticator(dns.resolver().clone());
    let sender = format!("postmaster@{domain}");
    let mut results = Vec::new();
    for &address in server {
        let params = Parameters::new(SpfParameters::verify_mail_from(
            address, domain, domain, &sender,
        ));
        let check = auth.check_host::<NoCache<Box<str>, mail_auth::Txt>, _, _, _, _>(params);
        // check_host bounds itself at 20 s; ours follows the diagnosis's time budget.
        let result = match tokio::time::timeout(dns.budget() * 4, check).await {
            Ok(out) => SpfVerdict::from(out.result()),
            Err(_) => SpfVerdict::TempError,
        };
        results.push(SpfAddressResult { address, result });
    }
    SpfFinding::Evaluated {
        record,
        lookups,
        results,
    }
}

/// How many of these a and mx targets return nothing (RFC 7208 4.6.4 void lookups).
async fn void_hosts(dns: &Dns, hosts: &[HostTerm]) -> u32 {
    let mut voids = 0;
    for h in hosts {
        let void = match h {
            HostTerm::A(name) => matches!(
                dns.addresses(name).await,
                Lookup::Nxdomain | Lookup::NoRecords
            ),
            HostTerm::Mx(name) => {
                matches!(dns.mx(name).await, Lookup::Nxdomain | Lookup::NoRecords)
            }
        };
        voids += u32::from(void);
    }
    voids
}

async fn dmarc(dns: &Dns, domain: &str) -> DmarcFinding {
    match dns.txt(&format!("_dmarc.{domain}")).await {
        Lookup::Found(txt) => dmarc_finding(&txt),
        Lookup::Nxdomain | Lookup::NoRecords => DmarcFinding::Missing,
        other => DmarcFinding::Unknown {
            reason: other.word().to_string(),
        },
    }
}

async fn dkim(dns: &Dns, domain: &str, selectors: &[String]) -> Vec<DkimKey> {
    let lookups = selectors.iter().map(|selector| async move {
        let state = match dns.txt(&format!("{selector}._domainkey.{domain}")).await {
            Lookup::Found(txt) => dkim_key_state(&txt),
            Lookup::Nxdomain | Lookup::NoRecords => DkimKeyState::Missing,
            _ => DkimKeyState::Unknown,
        };
        DkimKey {
            selector: selector.clone(),
            state,
        }
    });
    futures::future::join_all(lookups).await
}
