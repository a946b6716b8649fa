//! X.509 certificate reading and the classification of why verification failed.
//!
//! Verification itself is OpenSSL's job (via native-tls); this module only explains a failure
//! in words a user can act on: expired, wrong name, self-signed, or signed by an unknown CA.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::FromDer;
use x509_parser::time::ASN1Time;
use x509_parser::x509::X509Name;

use crate::protocol::reply::sanitize;

/// What a certificate says about itself. Every string is terminal-safe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "CertInfoFields")]
pub struct CertInfo {
    /// Subject DN, e.g. `CN=mail.example.com, O=Example`.
    pub subject: String,
    /// Issuer DN in the same form.
    pub issuer: String,
    /// SAN dNSName and iPAddress entries; the subject CN only when there are none.
    pub names: Vec<String>,
    /// RFC 3339, e.g. `2024-01-01T00:00:00Z`.
    pub not_before: String,
    pub not_after: String,
    #[serde(skip)]
    pub not_before_unix: i64,
    #[serde(skip)]
    pub not_after_unix: i64,
    /// Issuer equals subject (and the key identifiers, when both present, agree).
    pub self_signed: bool,
    /// The issuer's first CN, used to name a product that intercepts TLS (antivirus, proxy).
    pub issuer_cn: Option<String>,
    /// The issuer's first O.
    pub issuer_org: Option<String>,
    /// The issuer's first OU: some interceptors name themselves only there.
    pub issuer_ou: Option<String>,
}

/// [`CertInfo`] as it is serialised: the validity seconds are not written, so reading one
/// back (a recorded fact set) recomputes them from the RFC 3339 dates.
#[derive(Deserialize)]
struct CertInfoFields {
    subject: String,
    issuer: String,
    names: Vec<String>,
    not_before: String,
    not_after: String,
    self_signed: bool,
    issuer_cn: Option<String>,
    issuer_org: Option<String>,
    issuer_ou: Option<String>,
}

impl From<CertInfoFields> for CertInfo {
    fn from(f: CertInfoFields) -> CertInfo {
        CertInfo {
            not_before_unix: unix_of(&f.not_before),
            not_after_unix: unix_of(&f.not_after),
            subject: f.subject,
            issuer: f.issuer,
            names: f.names,
            not_before: f.not_before,
            not_after: f.not_after,
            self_signed: f.self_signed,
            issuer_cn: f.issuer_cn,
            issuer_org: f.issuer_org,
            issuer_ou: f.issuer_ou,
        }
    }
}

/// Seconds since the epoch of a date written by [`rfc3339`]. That falls back to another form
/// only past the year 9999, so a date that does not parse is far in the future.
fn unix_of(date: &str) -> i64 {
    time::OffsetDateTime::parse(date, &Rfc3339)
        .map_or(i64::MAX, time::OffsetDateTime::unix_timestamp)
}

/// Why a certificate was not accepted, most actionable first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertProblem {
    Expired,
    NotYetValid,
    NameMismatch,
    SelfSigned,
    Untrusted,
    /// The server did not send the certificate of the authority that issued its own (an
    /// intermediate): clients that do not fetch it themselves cannot verify the chain.
    ChainIncomplete,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unreadable certificate: {0}")]
pub struct CertError(pub String);

/// Parses one DER certificate. Trailing bytes after the certificate are ignored.
pub fn parse_der(der: &[u8]) -> Result<CertInfo, CertError> {
    let (_, cert) = X509Certificate::from_der(der)
        .map_err(|e| CertError(sanitize(e.to_string().as_bytes())))?;
    let subject = name_string(cert.subject());
    let issuer = name_string(cert.issuer());
    let validity = cert.validity();
    Ok(CertInfo {
        names: names_of(&cert)?,
        self_signed: looks_self_signed(&cert),
        issuer_cn: first_attr(cert.issuer().iter_common_name()),
        issuer_org: first_attr(cert.issuer().iter_organization()),
        issuer_ou: first_attr(cert.issuer().iter_organizational_unit()),
        not_before: rfc3339(&validity.not_before),
        not_after: rfc3339(&validity.not_after),
        not_before_unix: validity.not_before.timestamp(),
        not_after_unix: validity.not_after.timestamp(),
        subject,
        issuer,
    })
}

fn name_string(name: &X509Name<'_>) -> String {
    sanitize(name.to_string().as_bytes())
}

fn first_attr<'a, 'b: 'a>(
    mut it: impl Iterator<Item = &'a x509_parser::x509::AttributeTypeAndValue<'b>>,
) -> Option<String> {
    it.next()
        .map(|a| match a.as_str() {
            Ok(s) => sanitize(s.as_bytes()),
            Err(_) => sanitize(a.as_slice()),
        })
        .filter(|s| !s.is_empty())
}

fn rfc3339(t: &ASN1Time) -> String {
    // Rfc3339 cannot show years past 9999; fall back to the parser's own rendering.
    t.to_datetime()
        .format(&Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}

fn names_of(cert: &X509Certificate<'_>) -> Result<Vec<String>, CertError> {
    let san = cert
        .subject_alternative_name()
        .map_err(|e| CertError(format!("subjectAltName: {e}")))?;
    let mut names = Vec::new();
    if let Some(san) = san {
        for gn in &san.value.general_names {
            match gn {
                GeneralName::DNSName(d) => names.push(sanitize(d.as_bytes())),
                GeneralName::IPAddress(bytes) => {
                    if let Some(ip) = ip_from_bytes(bytes) {
                        names.push(ip.to_string());
                    }
                }
                _ => {}
            }
        }
    }
    // RFC 6125 §6.4.4: the CN is a fallback only when no DNS/IP identity is present,
    // which is also what OpenSSL's host check does.
    if names.is_empty() {
        if let Some(cn) = first_attr(cert.subject().iter_common_name()) {
            names.push(cn);
        }
    }
    Ok(names)
}

fn ip_from_bytes(bytes: &[u8]) -> Option<IpAddr> {
    match bytes.len() {
        4 => {
            let a: [u8; 4] = bytes.try_into().ok()?;
            Some(IpAddr::V4(Ipv4Addr::from(a)))
        }
        16 => {
            let a: [u8; 16] = bytes.try_into().ok()?;
            Some(IpAddr::V6(Ipv6Addr::from(a)))
        }
        _ => None,
    }
}

/// Issuer == subject, and, when both key identifiers are present, they agree. The signature
/// itself is not checked: x509-parser verifies only with its `verify` feature, which this
/// crate does not enable; OpenSSL has already rejected the chain anyway.
fn looks_self_signed(cert: &X509Certificate<'_>) -> bool {
    let (subject, issuer) = (cert.subject(), cert.issuer());
    let same_name =
        subject.as_raw() == issuer.as_raw() || subject.to_string() == issuer.to_string();
    if !same_name {
        return false;
    }
    let mut ski = None;
    let mut aki = None;
    for ext in cert.iter_extensions() {
        match ext.parsed_extension() {
            ParsedExtension::SubjectKeyIdentifier(k) => ski = Some(k.0),
            ParsedExtension::AuthorityKeyIdentifier(a) => {
                aki = a.key_identifier.as_ref().map(|k| k.0);
            }
            _ => {}
        }
    }
    match (ski, aki) {
        (Some(s), Some(a)) => s == a,
        _ => true,
    }
}

/// Decides why a certificate that failed verification failed, in the order a user should fix
/// things: validity dates, then the name, then self-signed, else an unknown issuer.
pub fn classify(cert: &CertInfo, host: &str, now_unix: i64) -> CertProblem {
    if now_unix > cert.not_after_unix {
        CertProblem::Expired
    } else if now_unix < cert.not_before_unix {
        CertProblem::NotYetValid
    } else if !cert.names.iter().any(|n| name_matches(n, host)) {
        CertProblem::NameMismatch
    } else if cert.self_signed {
        CertProblem::SelfSigned
    } else {
        CertProblem::Untrusted
    }
}

/// [`classify`], told by what else the server sent: a leaf whose issuer is not among the
/// certificates after it, and which is not self-signed, lacks its intermediate. A list that
/// holds the issuer (up to a root this computer does not trust) stays `Untrusted`: a private
/// or unknown authority. `rest: None` (the TLS library does not show the list): `classify`.
pub fn classify_sent(
    leaf: &CertInfo,
    rest: Option<&[CertInfo]>,
    host: &str,
    now_unix: i64,
) -> CertProblem {
    match (classify(leaf, host, now_unix), rest) {
        (CertProblem::Untrusted, Some(rest)) if !issuer_sent(leaf, rest) => {
            CertProblem::ChainIncomplete
        }
        (problem, _) => problem,
    }
}

/// Whether the certificate that issued `cert` is in `sent` (by its subject name, the way a
/// verifier looks for it).
pub fn issuer_sent(cert: &CertInfo, sent: &[CertInfo]) -> bool {
    sent.iter().any(|c| c.subject == cert.issuer)
}

/// Whether a certificate name (SAN entry or CN) covers `host`. Case- and trailing-dot-
/// insensitive; a wildcard only as the whole left-most label, covering exactly one label
/// (RFC 6125 §6.4.3); IP hosts match only an identical IP entry.
pub fn name_matches(pattern: &str, host: &str) -> bool {
    let pattern = normalise(pattern);
    let host = normalise(host);
    if pattern.is_empty() || host.is_empty() {
        return false;
    }
    let host_ip = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(&host)
        .parse::<IpAddr>();
    if let Ok(host_ip) = host_ip {
        return pattern.parse::<IpAddr>() == Ok(host_ip);
    }
    if pattern.parse::<IpAddr>().is_ok() {
        return false;
    }
    match pattern.strip_prefix("*.") {
        Some(rest) => {
            // `*.com`-style patterns and further wildcards are refused outright.
            if rest.contains('*') || !rest.contains('.') || rest.split('.').any(str::is_empty) {
                return false;
            }
            match host.split_once('.') {
                Some((first, host_rest)) => !first.is_empty() && host_rest == rest,
                None => false,
            }
        }
        None => !pattern.contains('*') && pattern == host,
    }
}

fn normalise(name: &str) -> String {
    let name = name.trim();
    name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase()
}

#[cfg(test)]
pub(crate) mod testutil;

#[cfg(test)]
mod tests;
