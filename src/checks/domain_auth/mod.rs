//! Domain authentication of the sender's domain: does its SPF record authorise the server
//! that sends the mail, does it publish DMARC (and which policy), do the DKIM keys its
//! provider signs with exist? Records are parsed and SPF is evaluated by the `mail-auth`
//! crate; this module holds the findings (recorded as a fact) and the pure reading of them.
//! The network part is [`net`].
//!
//! The server's addresses stand for the sending machine: the mail program hands its mail to
//! the submission server, and on almost every host that same machine (or its cluster, whose
//! addresses the provider's SPF include lists) relays it out. The MX hosts receive mail and
//! often differ from the outbound relays, so they would be a weaker proxy.

pub mod net;

use std::net::IpAddr;

use mail_auth::spf::{Mechanism, Spf};
use serde::{Deserialize, Serialize};

/// RFC 7208 4.6.4: at most 10 terms that cause DNS lookups (include, a, mx, ptr, exists,
/// redirect) in the whole evaluation; more is a permanent error.
pub const SPF_LOOKUP_LIMIT: u32 = 10;

/// RFC 7208 4.6.4: more than two lookups that return nothing is a permanent error.
pub const SPF_VOID_LIMIT: u32 = 2;

/// What the sender's domain publishes for authentication, as evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainAuth {
    pub spf: SpfFinding,
    pub dmarc: DmarcFinding,
    /// The DKIM selectors the provider profile names, each with its key's state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dkim: Vec<DkimKey>,
}

/// The SPF record of the domain, as a whole and against the server's addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SpfFinding {
    /// No `v=spf1` record.
    Missing,
    /// A record in the chain does not parse, an include or redirect target has no SPF record,
    /// or too many lookups return nothing (RFC 7208 permerror).
    Invalid { record: String, reason: String },
    /// Following every include and redirect takes more than 10 DNS-querying terms.
    TooManyLookups { record: String, lookups: u32 },
    /// The record is sound; each server address was evaluated against it.
    Evaluated {
        record: String,
        lookups: u32,
        results: Vec<SpfAddressResult>,
    },
    /// The records could not be read (DNS failure or time-out).
    Unknown { reason: String },
}

/// One server address evaluated by SPF's check_host().
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpfAddressResult {
    pub address: IpAddr,
    pub result: SpfVerdict,
}

/// RFC 7208 section 2.6 results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpfVerdict {
    Pass,
    Fail,
    SoftFail,
    Neutral,
    None,
    TempError,
    PermError,
}

impl SpfVerdict {
    pub fn word(self) -> &'static str {
        match self {
            SpfVerdict::Pass => "pass",
            SpfVerdict::Fail => "fail",
            SpfVerdict::SoftFail => "softfail",
            SpfVerdict::Neutral => "neutral",
            SpfVerdict::None => "none",
            SpfVerdict::TempError => "temperror",
            SpfVerdict::PermError => "permerror",
        }
    }
}

impl From<mail_auth::SpfResult> for SpfVerdict {
    fn from(r: mail_auth::SpfResult) -> SpfVerdict {
        use mail_auth::SpfResult as R;
        match r {
            R::Pass => SpfVerdict::Pass,
            R::Fail => SpfVerdict::Fail,
            R::SoftFail => SpfVerdict::SoftFail,
            R::Neutral => SpfVerdict::Neutral,
            R::None => SpfVerdict::None,
            R::TempError => SpfVerdict::TempError,
            R::PermError => SpfVerdict::PermError,
        }
    }
}

/// The DMARC record at `_dmarc.DOMAIN`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum DmarcFinding {
    Missing,
    /// A `v=DMARC1` record that does not parse.
    Invalid {
        record: String,
    },
    Found {
        record: String,
        policy: DmarcPolicy,
        /// Strict (`s`) or relaxed (`r`) alignment for DKIM and SPF.
        adkim: Alignment,
        aspf: Alignment,
    },
    Unknown {
        reason: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DmarcPolicy {
    /// Monitoring only: receivers report but act on nothing.
    None,
    Quarantine,
    Reject,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Alignment {
    Relaxed,
    Strict,
}

/// A DKIM key at `SELECTOR._domainkey.DOMAIN`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkimKey {
    pub selector: String,
    pub state: DkimKeyState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DkimKeyState {
    /// A `v=DKIM1` key record whose public key decodes.
    Present,
    /// No key record at all.
    Missing,
    /// `p=` is empty: the key was withdrawn (RFC 6376 3.6.1).
    Revoked,
    /// A record that is no usable key (bad base64, unsupported type).
    Invalid,
    /// DNS failed or timed out.
    Unknown,
}

/// The DNS-querying terms of one SPF record and the records it leads to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpfTerms {
    /// include, a, mx, ptr, exists and redirect terms: each costs a lookup.
    pub lookups: u32,
    /// include and redirect targets without macros, to fetch and count in turn.
    pub follow: Vec<String>,
    /// a and mx targets without macros (`None` = the record's own domain): each lookup
    /// that returns nothing is a void lookup.
    pub hosts: Vec<HostTerm>,
}

/// An `a` or `mx` term's target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostTerm {
    A(String),
    Mx(String),
}

/// Counts one parsed record's lookups and names the records and hosts it leads to.
pub fn spf_terms(spf: &Spf, own_domain: &str) -> SpfTerms {
    let mut t = SpfTerms::default();
    let target = |m: &mail_auth::spf::Macro| -> Option<String> {
        match m {
            mail_auth::spf::Macro::Literal(b) => Some(String::from_utf8_lossy(b).to_lowercase()),
            mail_auth::spf::Macro::None => Some(own_domain.to_lowercase()),
            _ => None,
        }
    };
    for d in &*spf.directives {
        match &d.mechanism {
            Mechanism::Include { macro_string } => {
                t.lookups += 1;
                t.follow.extend(target(macro_string));
            }
            Mechanism::A { macro_string, .. } => {
                t.lookups += 1;
                t.hosts.extend(target(macro_string).map(HostTerm::A));
            }
            Mechanism::Mx { macro_string, .. } => {
                t.lookups += 1;
                t.hosts.extend(target(macro_string).map(HostTerm::Mx));
            }
            Mechanism::Ptr { .. } | Mechanism::Exists { .. } => t.lookups += 1,
            Mechanism::All | Mechanism::Ip4 { .. } | Mechanism::Ip6 { .. } => {}
        }
    }
    if let Some(r) = &spf.redirect {
        t.lookups += 1;
        t.follow.extend(target(r));
    }
    t
}

/// The SPF record the domain should publish so that `addresses` may send for it: the
/// current record with the missing addresses added before its final `all` term, or a new
/// one that lists them.
pub fn suggested_spf(current: Option<&str>, addresses: &[IpAddr]) -> String {
    let terms: Vec<String> = addresses
        .iter()
        .map(|a| match a {
            IpAddr::V4(v4) => format!("ip4:{v4}"),
            IpAddr::V6(v6) => format!("ip6:{v6}"),
        })
        .collect();
    let Some(current) = current else {
        return format!("v=spf1 {} ~all", terms.join(" "));
    };
    let mut parts: Vec<&str> = current.split_whitespace().collect();
    let all_at = parts.iter().position(|p| {
        p.trim_start_matches(['+', '-', '~', '?'])
            .eq_ignore_ascii_case("all")
    });
    let missing: Vec<&str> = terms
        .iter()
        .filter(|t| !parts.iter().any(|p| p.eq_ignore_ascii_case(t)))
        .map(String::as_str)
        .collect();
    let at = all_at.unwrap_or(parts.len()).max(1);
    for (i, t) in missing.into_iter().enumerate() {
        parts.insert(at + i, t);
    }
    parts.join(" ")
}

/// How the domain's SPF stands towards the sending server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpfStanding {
    /// At least one of the server's addresses passes.
    Covers,
    /// None of the server's addresses passes.
    NotCovering,
    TooManyLookups,
    Invalid,
    Missing,
    Unknown,
}

/// Reads an SPF finding. A server with several addresses is covered when one passes: a
/// provider's submission cluster sends out from the ranges its include lists, so requiring
/// every address would flag healthy big providers.
pub fn spf_standing(spf: &SpfFinding) -> SpfStanding {
    match spf {
        SpfFinding::Missing => SpfStanding::Missing,
        SpfFinding::Invalid { .. } => SpfStanding::Invalid,
        SpfFinding::TooManyLookups { .. } => SpfStanding::TooManyLookups,
        SpfFinding::Unknown { .. } => SpfStanding::Unknown,
        SpfFinding::Evaluated { results, .. } => {
            if results.iter().any(|r| r.result == SpfVerdict::Pass) {
                SpfStanding::Covers
            } else if results.is_empty()
                || results
                    .iter()
                    .all(|r| matches!(r.result, SpfVerdict::TempError))
            {
                SpfStanding::Unknown
            } else {
                SpfStanding::NotCovering
            }
        }
    }
}

/// The selectors whose key is missing, revoked or unusable.
pub fn broken_dkim_keys(keys: &[DkimKey]) -> Vec<&DkimKey> {
    keys.iter()
        .filter(|k| {
            matches!(
                k.state,
                DkimKeyState::Missing | DkimKeyState::Revoked | DkimKeyState::Invalid
            )
        })
        .collect()
}

/// Reads a DKIM key record's TXT strings with mail-auth's parser.
pub fn dkim_key_state(txt: &[String]) -> DkimKeyState {
    use mail_auth::common::parse::TxtRecordParser;
    use mail_auth::common::verify::DomainKey;
    let mut state = DkimKeyState::Missing;
    for t in txt {
        match DomainKey::parse(t.as_bytes()) {
            Ok(_) => return DkimKeyState::Present,
            Err(mail_auth::Error::Dkim(mail_auth::dkim::DkimError::RevokedPublicKey)) => {
                state = DkimKeyState::Revoked;
            }
            // A TXT string that is no DKIM record at all (v= other than DKIM1, no p=).
            Err(mail_auth::Error::Dns(_)) => {}
            Err(_) => {
                if state == DkimKeyState::Missing {
                    state = DkimKeyState::Invalid;
                }
            }
        }
    }
    state
}

/// Reads the `_dmarc` TXT strings with mail-auth's parser.
pub fn dmarc_finding(txt: &[String]) -> DmarcFinding {
    use mail_auth::common::parse::TxtRecordParser;
    use mail_auth::dmarc::{Alignment as A, Dmarc, Policy as P};
    let Some(record) = crate::checks::dns::dmarc_of(txt) else {
        return DmarcFinding::Missing;
    };
    let Ok(d) = Dmarc::parse(record.as_bytes()) else {
        return DmarcFinding::Invalid { record };
    };
    let align = |a: A| match a {
        A::Strict => Alignment::Strict,
        A::Relaxed => Alignment::Relaxed,
    };
    let policy = match d.p {
        P::Quarantine => DmarcPolicy::Quarantine,
        P::Reject => DmarcPolicy::Reject,
        // RFC 7489 6.6.3: a missing or unknown p= is treated as none.
        P::None | P::Unspecified => DmarcPolicy::None,
    };
    DmarcFinding::Found {
        record,
        policy,
        adkim: align(d.adkim),
        aspf: align(d.aspf),
    }
}

/// Parses an SPF record with mail-auth; the error is its reason in words.
pub fn parse_spf(record: &str) -> Result<Spf, String> {
    use mail_auth::common::parse::TxtRecordParser;
    Spf::parse(record.as_bytes()).map_err(|e| e.to_string())
}

/// The one-line summary and status of the whole check, for the checks list.
pub fn summary(a: &DomainAuth) -> (crate::checks::Status, String) {
    use crate::checks::Status;
    let mut warn = false;
    let spf = match &a.spf {
        SpfFinding::Missing => {
            warn = true;
            "SPF: no record".to_string()
        }
        SpfFinding::Invalid { reason, .. } => {
            warn = true;
            format!("SPF: invalid, {reason}")
        }
        SpfFinding::TooManyLookups { lookups, .. } => {
            warn = true;
            format!("SPF: {lookups} DNS lookups, over the limit of {SPF_LOOKUP_LIMIT} (permerror)")
        }
        SpfFinding::Unknown { reason } => format!("SPF: not known ({reason})"),
        SpfFinding::Evaluated {
            results, lookups, ..
        } => {
            let each: Vec<String> = results
                .iter()
                .map(|r| format!("{} {}", r.address, r.result.word()))
                .collect();
            if spf_standing(&a.spf) == SpfStanding::NotCovering {
                warn = true;
            }
            format!(
                "SPF for the server: {} ({lookups} lookups)",
                each.join(", ")
            )
        }
    };
    let dmarc = match &a.dmarc {
        DmarcFinding::Missing => {
            warn = true;
            "DMARC: no record".to_string()
        }
        DmarcFinding::Invalid { .. } => {
            warn = true;
            "DMARC: the record does not parse".to_string()
        }
        DmarcFinding::Unknown { reason } => format!("DMARC: not known ({reason})"),
        DmarcFinding::Found {
            policy,
            adkim,
            aspf,
            ..
        } => format!(
            "DMARC: policy {}{}, alignment dkim {} spf {}",
            match policy {
                DmarcPolicy::None => "none",
                DmarcPolicy::Quarantine => "quarantine",
                DmarcPolicy::Reject => "reject",
            },
            if *policy == DmarcPolicy::None {
                " (monitoring only)"
            } else {
                ""
            },
            alignment_word(*adkim),
            alignment_word(*aspf)
        ),
    };
    let mut parts = vec![spf, dmarc];
    if !a.dkim.is_empty() {
        warn |= !broken_dkim_keys(&a.dkim).is_empty();
        let each: Vec<String> = a
            .dkim
            .iter()
            .map(|k| format!("{} {}", k.selector, dkim_state_word(k.state)))
            .collect();
        parts.push(format!("DKIM: {}", each.join(", ")));
    }
    let status = if warn { Status::Warn } else { Status::Pass };
    (status, parts.join("; "))
}

fn alignment_word(a: Alignment) -> &'static str {
    match a {
        Alignment::Relaxed => "relaxed",
        Alignment::Strict => "strict",
    }
}

pub fn dkim_state_word(s: DkimKeyState) -> &'static str {
    match s {
        DkimKeyState::Present => "key present",
        DkimKeyState::Missing => "no key",
        DkimKeyState::Revoked => "key revoked",
        DkimKeyState::Invalid => "key unusable",
        DkimKeyState::Unknown => "not known",
    }
}

#[cfg(test)]
mod tests;
