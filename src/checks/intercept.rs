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

pub use super::smtp::{public_chain, public_roots, public_trust, PublicChain, PublicTrust};

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
mod tests {
    use super::*;
    use crate::checks::cert::{CertInfo, CertProblem};
    use crate::checks::tls::HandshakeKind;

    #[test]
    fn embedded_catalogue_is_valid() {
        let list = parse_catalogue(CATALOGUE).expect("embedded catalogue");
        assert_eq!(interceptors().len(), list.len());
        let names: Vec<&str> = list.iter().map(|i| i.product.as_str()).collect();
        for want in [
            "Avast",
            "AVG",
            "Norton",
            "ESET",
            "Kaspersky",
            "Bitdefender",
            "Zscaler",
        ] {
            assert!(names.contains(&want), "{want} missing from {names:?}");
        }
        for i in &list {
            assert!(!i.setting.trim().is_empty() && !i.source.trim().is_empty());
            assert!(i.source.contains("facts.md"), "{}: source", i.product);
            // Plain words: no control characters, and short enough to read on a screen.
            assert!(i.setting.len() < 300, "{}: setting too long", i.product);
            assert!(!i.setting.chars().any(char::is_control));
        }
    }

    #[test]
    fn catalogue_validation_rejects_bad_entries() {
        let entry = |product: &str, needle: &str, setting: &str| {
            format!(
                "[[interceptor]]\nproduct = \"{product}\"\nkind = \"antivirus\"\n\
                 issuer_contains = [\"{needle}\"]\nsetting = \"{setting}\"\nsource = \"s\"\n"
            )
        };
        let ok = entry("A", "Alpha Shield", "x");
        assert!(parse_catalogue(&ok).is_ok());
        let twice = format!("{ok}{}", entry("a", "Beta Shield", "x"));
        assert!(
            matches!(parse_catalogue(&twice), Err(CatalogueError::Invalid(m)) if m.contains("twice"))
        );
        let overlap = format!("{ok}{}", entry("B", "Alpha Shield Root", "x"));
        assert!(
            matches!(parse_catalogue(&overlap), Err(CatalogueError::Invalid(m)) if m.contains("overlaps"))
        );
        assert!(matches!(
            parse_catalogue(&entry("A", "AV", "x")),
            Err(CatalogueError::Invalid(_))
        ));
        assert!(matches!(
            parse_catalogue(&entry("A", "Alpha Shield", " ")),
            Err(CatalogueError::Invalid(_))
        ));
        assert!(matches!(
            parse_catalogue(&entry("", "Alpha Shield", "x")),
            Err(CatalogueError::Invalid(_))
        ));
        let bad_kind = ok.replace("antivirus", "toaster");
        assert!(matches!(
            parse_catalogue(&bad_kind),
            Err(CatalogueError::Parse(_))
        ));
        let unknown_field = format!("{ok}colour = \"red\"\n");
        assert!(matches!(
            parse_catalogue(&unknown_field),
            Err(CatalogueError::Parse(_))
        ));
        assert!(matches!(parse_catalogue(""), Err(CatalogueError::Parse(_))));
    }

    fn product(cn: Option<&str>, o: Option<&str>, ou: Option<&str>) -> Option<&'static str> {
        identify(cn, o, ou).map(|i| i.product.as_str())
    }

    /// The issuer names exactly as facts.md §3.6 records them.
    #[test]
    fn identifies_the_issuers_in_the_facts() {
        let avast = (
            Some("Avast Web/Mail Shield Root"),
            Some("Avast Web/Mail Shield"),
            Some("generated by Avast Antivirus for SSL/TLS scanning"),
        );
        assert_eq!(product(avast.0, avast.1, avast.2), Some("Avast"));
        // Any one of the three names is enough.
        assert_eq!(product(avast.0, None, None), Some("Avast"));
        assert_eq!(product(None, avast.1, None), Some("Avast"));
        assert_eq!(product(None, None, avast.2), Some("Avast"));
        assert_eq!(
            product(Some("Avast Web/Mail Shield Self-signed Root"), None, None),
            Some("Avast")
        );
        assert_eq!(
            product(Some("AVG Web/Mail Shield Root"), None, None),
            Some("AVG")
        );
        assert_eq!(
            product(Some("Norton Web/Mail Shield Root"), None, None),
            Some("Norton")
        );
        assert_eq!(
            product(
                Some("ESET SSL Filter CA"),
                Some("ESET, spol. s r. o."),
                None
            ),
            Some("ESET")
        );
        assert_eq!(
            product(
                Some("Kaspersky Anti-Virus Personal Root Certificate"),
                Some("AO Kaspersky Lab"),
                None
            ),
            Some("Kaspersky")
        );
        assert_eq!(
            product(Some("Bitdefender Personal CA.Net-Defender"), None, None),
            Some("Bitdefender")
        );
        assert_eq!(
            product(Some("Zscaler Root CA"), None, None),
            Some("Zscaler")
        );
        assert_eq!(
            product(None, Some("Fortinet Ltd."), None),
            Some("FortiGate (Fortinet)")
        );
        // Case does not matter.
        assert_eq!(
            product(Some("AVAST WEB/MAIL SHIELD ROOT"), None, None),
            Some("Avast")
        );
    }

    #[test]
    fn public_issuers_are_not_interceptors() {
        let public = [
            (Some("R11"), Some("Let's Encrypt"), None),
            (
                Some("DigiCert Global G2 TLS RSA SHA256 2020 CA1"),
                Some("DigiCert Inc"),
                None,
            ),
            (
                Some("Sectigo RSA Domain Validation Secure Server CA"),
                Some("Sectigo Limited"),
                None,
            ),
            (Some("WR2"), Some("Google Trust Services"), None),
            (
                Some("Microsoft Azure RSA TLS Issuing CA 04"),
                Some("Microsoft Corporation"),
                None,
            ),
            (Some("ESET"), None, None),
            (None, None, None),
        ];
        for (cn, o, ou) in public {
            assert_eq!(product(cn, o, ou), None, "{cn:?} {o:?}");
        }
    }

    fn cert(issuer: &str, cn: Option<&str>, o: Option<&str>, ou: Option<&str>) -> CertInfo {
        CertInfo {
            subject: "CN=mail.example.com".into(),
            issuer: issuer.into(),
            names: vec!["mail.example.com".into()],
            not_before: String::new(),
            not_after: String::new(),
            not_before_unix: 0,
            not_after_unix: i64::MAX,
            self_signed: false,
            issuer_cn: cn.map(Into::into),
            issuer_org: o.map(Into::into),
            issuer_ou: ou.map(Into::into),
        }
    }

    fn avast_cert() -> CertInfo {
        cert(
            "CN=Avast Web/Mail Shield Root, O=Avast Web/Mail Shield, OU=generated by Avast Antivirus for SSL/TLS scanning",
            Some("Avast Web/Mail Shield Root"),
            Some("Avast Web/Mail Shield"),
            Some("generated by Avast Antivirus for SSL/TLS scanning"),
        )
    }

    fn corp_cert() -> CertInfo {
        cert(
            "CN=Example Corp Inspection CA, O=Example Corp",
            Some("Example Corp Inspection CA"),
            Some("Example Corp"),
            None,
        )
    }

    fn port(tls: Option<TlsResult>, public_chain: Option<PublicChain>) -> PortProbe {
        PortProbe {
            port: 587,
            tls,
            public_chain,
            ..PortProbe::default()
        }
    }

    fn not_public() -> Option<PublicChain> {
        Some(PublicChain::NotPublic {
            reason: "certificate verify failed (unable to get local issuer certificate)".into(),
        })
    }

    #[test]
    fn known_issuer_verified_by_the_os_is_confirmed() {
        let verified = Some(TlsResult::Verified {
            cert: Some(avast_cert()),
        });
        // Confirmed by the name alone: whatever the public check said, or if it did not run.
        for public in [not_public(), Some(PublicChain::Public), None] {
            let found = interception(&port(verified.clone(), public)).expect("interception");
            assert_eq!(found.product.as_deref(), Some("Avast"));
            assert!(found
                .setting
                .as_deref()
                .is_some_and(|s| s.contains("Avast")));
            assert!(found.issuer.starts_with("CN=Avast Web/Mail Shield Root"));
            assert!(found.confirmed);
        }
    }

    #[test]
    fn known_issuer_rejected_by_the_os_is_confirmed() {
        // The antivirus's root is not installed: verification fails, the issuer names it.
        let rejected = Some(TlsResult::CertProblem {
            problem: CertProblem::Untrusted,
            cert: cert(
                "CN=ESET SSL Filter CA, O=ESET, spol. s r. o., C=SK",
                Some("ESET SSL Filter CA"),
                Some("ESET, spol. s r. o."),
                None,
            ),
            message: "certificate verify failed (unable to get local issuer certificate)".into(),
        });
        let found = interception(&port(rejected, None)).expect("interception");
        assert_eq!(found.product.as_deref(), Some("ESET"));
        assert!(found.confirmed);
    }

    #[test]
    fn unknown_issuer_outside_the_public_set_is_unconfirmed() {
        let verified = Some(TlsResult::Verified {
            cert: Some(corp_cert()),
        });
        let found = interception(&port(verified.clone(), not_public())).expect("interception");
        assert_eq!(
            found,
            Interception {
                product: None,
                setting: None,
                issuer: "CN=Example Corp Inspection CA, O=Example Corp".into(),
                confirmed: false,
            }
        );
        // Public (or user-vouched), unknown or not checked: nothing to report.
        for public in [
            Some(PublicChain::Public),
            Some(PublicChain::Unknown {
                why: "no TLS handshake within 15s".into(),
            }),
            None,
        ] {
            assert_eq!(interception(&port(verified.clone(), public)), None);
        }
    }

    #[test]
    fn no_certificate_no_finding() {
        let untrusted_unknown = Some(TlsResult::CertProblem {
            problem: CertProblem::Untrusted,
            cert: corp_cert(),
            message: "certificate verify failed".into(),
        });
        // An unknown issuer the OS rejects is a certificate problem, not interception.
        assert_eq!(interception(&port(untrusted_unknown, not_public())), None);
        for tls in [
            None,
            Some(TlsResult::Verified { cert: None }),
            Some(TlsResult::NotOffered),
            Some(TlsResult::Failed {
                kind: HandshakeKind::Closed,
                message: "unexpected eof".into(),
            }),
        ] {
            assert_eq!(interception(&port(tls, not_public())), None);
        }
    }

    #[test]
    fn public_chain_serialises_with_its_outcome() {
        let v = serde_json::to_value(PublicChain::NotPublic { reason: "r".into() }).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"outcome": "not_public", "reason": "r"})
        );
        let p = port(None, None);
        let v = serde_json::to_value(&p).unwrap();
        assert!(v.get("public_chain").is_none(), "skipped when not run");
        let p = port(None, Some(PublicChain::Public));
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["public_chain"], serde_json::json!({"outcome": "public"}));
    }
}
