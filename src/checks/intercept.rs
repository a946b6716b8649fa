//! TLS interception (antivirus mail shields, proxies, firewalls): the product in the middle
//! presents its own certificate for the server, issued by a root it installed in the OS
//! store. The OS therefore verifies it, so two checks find it:
//! - the issuer's names against a list of known products (`assets/interceptors.toml`);
//! - one more handshake that trusts only Mozilla's public roots (plus the user's own
//!   `--ca-file`): a chain the OS accepts but the public set does not was made by something
//!   local (or the server uses a private CA someone installed).
//!
//! The SMTP probe runs that handshake alongside its session ([`super::smtp::public_chain`],
//! re-exported here); this module holds the catalogue and reads a finished probe for the
//! finding, so it imports the probe and never the other way round.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::smtp::{PortProbe, TlsResult};

pub use super::smtp::{public_chain, public_roots, PublicChain, PublicTrust};

const CATALOGUE: &str = include_str!("../../assets/interceptors.toml");

/// What kind of product intercepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InterceptorKind {
    Antivirus,
    Proxy,
    Firewall,
}

/// One known intercepting product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interceptor {
    pub product: String,
    pub kind: InterceptorKind,
    /// Case-insensitive substrings of the issuer's CN, O or OU.
    pub issuer_contains: Vec<String>,
    /// The setting to switch off, in plain words.
    pub setting: String,
    pub source: String,
    /// What the source does not confirm.
    #[serde(default)]
    pub unconfirmed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    #[error("interceptors.toml: {0}")]
    Parse(String),
    #[error("interceptors.toml: {0}")]
    Invalid(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    interceptor: Vec<Interceptor>,
}

/// A needle shorter than this would match unrelated issuers.
const MIN_NEEDLE: usize = 6;

/// Parses and checks a catalogue: every field filled, no product twice, no substring that
/// could name two products.
pub fn parse_catalogue(text: &str) -> Result<Vec<Interceptor>, CatalogueError> {
    let cat: Catalogue = toml::from_str(text).map_err(|e| CatalogueError::Parse(e.to_string()))?;
    let invalid = |m: String| Err(CatalogueError::Invalid(m));
    if cat.interceptor.is_empty() {
        return invalid("no [[interceptor]] entries".into());
    }
    let mut products = std::collections::BTreeSet::new();
    let mut needles: Vec<(String, &str)> = Vec::new();
    for i in &cat.interceptor {
        let name = i.product.trim();
        if name.is_empty() {
            return invalid("an entry has an empty product".into());
        }
        for (field, value) in [("setting", &i.setting), ("source", &i.source)] {
            if value.trim().is_empty() {
                return invalid(format!("{name}: empty {field}"));
            }
        }
        if i.unconfirmed
            .as_deref()
            .is_some_and(|u| u.trim().is_empty())
        {
            return invalid(format!("{name}: empty unconfirmed (leave it out instead)"));
        }
        if !products.insert(name.to_lowercase()) {
            return invalid(format!("{name}: listed twice"));
        }
        if i.issuer_contains.is_empty() {
            return invalid(format!("{name}: no issuer_contains"));
        }
        for needle in &i.issuer_contains {
            let lower = needle.trim().to_lowercase();
            if lower.chars().count() < MIN_NEEDLE {
                return invalid(format!(
                    "{name}: issuer substring {needle:?} is shorter than {MIN_NEEDLE} characters"
                ));
            }
            for (other, owner) in &needles {
                if *owner != name && (other.contains(&lower) || lower.contains(other.as_str())) {
                    return invalid(format!(
                        "{name}: issuer substring {needle:?} overlaps one of {owner}"
                    ));
                }
            }
            needles.push((lower, name));
        }
    }
    Ok(cat.interceptor)
}

/// The embedded catalogue, parsed once. A broken catalogue (which the unit tests rule out)
/// disables the name check instead of failing the run.
pub fn interceptors() -> &'static [Interceptor] {
    static LIST: OnceLock<Vec<Interceptor>> = OnceLock::new();
    LIST.get_or_init(|| parse_catalogue(CATALOGUE).unwrap_or_default())
}

/// The known product (of the embedded catalogue) whose name appears in the issuer's CN, O
/// or OU, if any.
pub fn identify(
    issuer_cn: Option<&str>,
    issuer_org: Option<&str>,
    issuer_ou: Option<&str>,
) -> Option<&'static Interceptor> {
    identify_in(interceptors(), issuer_cn, issuer_org, issuer_ou)
}

/// The same against a given catalogue (a [`crate::catalog::Catalog`]'s).
pub fn identify_in<'c>(
    list: &'c [Interceptor],
    issuer_cn: Option<&str>,
    issuer_org: Option<&str>,
    issuer_ou: Option<&str>,
) -> Option<&'c Interceptor> {
    let fields: Vec<String> = [issuer_cn, issuer_org, issuer_ou]
        .into_iter()
        .flatten()
        .map(str::to_lowercase)
        .collect();
    if fields.is_empty() {
        return None;
    }
    list.iter().find(|i| {
        i.issuer_contains.iter().any(|needle| {
            let needle = needle.trim().to_lowercase();
            fields.iter().any(|f| f.contains(&needle))
        })
    })
}

/// A finding of TLS interception on one port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interception {
    /// The product, when the issuer names a known one.
    pub product: Option<String>,
    /// What to switch off in it, for a known product.
    pub setting: Option<String>,
    /// The issuer of the certificate the client was shown.
    pub issuer: String,
    /// True when a known product is named; false when only the public-root check says the
    /// chain is local (a proxy or security program on this network, or a private CA).
    pub confirmed: bool,
}

/// Reads one port's probe for interception. A known product's issuer counts on any port whose
/// handshake got as far as a certificate: verified by the OS store, or rejected (its root is
/// not installed, or something else is wrong with it). An unknown issuer counts only when the
/// OS verified it and the public roots did not.
pub fn interception(probe: &PortProbe) -> Option<Interception> {
    interception_in(interceptors(), probe)
}

/// The same against a given catalogue of products (a [`crate::catalog::Catalog`]'s).
pub fn interception_in(list: &[Interceptor], probe: &PortProbe) -> Option<Interception> {
    let (cert, os_verified) = match probe.tls.as_ref()? {
        TlsResult::Verified { cert: Some(cert) } => (cert, true),
        TlsResult::CertProblem { cert, .. } => (cert, false),
        _ => return None,
    };
    let known = identify_in(
        list,
        cert.issuer_cn.as_deref(),
        cert.issuer_org.as_deref(),
        cert.issuer_ou.as_deref(),
    );
    if let Some(known) = known {
        return Some(Interception {
            product: Some(known.product.clone()),
            setting: Some(known.setting.clone()),
            issuer: cert.issuer.clone(),
            confirmed: true,
        });
    }
    if os_verified && matches!(probe.public_chain, Some(PublicChain::NotPublic { .. })) {
        return Some(Interception {
            product: None,
            setting: None,
            issuer: cert.issuer.clone(),
            confirmed: false,
        });
    }
    None
}

#[cfg(test)]
mod tests;
