//! A certificate for another name: does one of the certificate's own names work instead
//! (`crate::checks::smtp::alt_name`)? The `{cert.working_name}` and `{cert.names_tried}`
//! placeholders.

use super::{def, outcomes, Fill, Placeholder, Signal, SignalDef};
use crate::checks::cert::CertProblem;
use crate::checks::smtp::alt_name::{CertNameCheck, CertNameOutcome};
use crate::checks::smtp::{PortProbe, TlsResult};
use crate::checks::CheckId;
use crate::diagnosis::context::Ctx;

outcomes! {
    pub enum CertAltNameOutcome {
        Works = "works",
        NoneWorks = "none_works",
        NotChecked = "not_checked",
    }
}

/// Does a name on the certificate work where the typed one does not?
pub struct CertAltName;

impl Signal for CertAltName {
    const NAME: &'static str = "cert_alt_name";
    const MEANING: &'static str = "The certificate is for another name: does one of its own names lead to the same server (or is it listed by the provider) and verify in a TLS handshake of its own? `none_works`: names were tried and none verified, or none leads to the server; `not_checked`: the names could not be tried.";
    type Outcome = CertAltNameOutcome;

    fn evaluate(cx: &Ctx) -> Option<CertAltNameOutcome> {
        use CertAltNameOutcome as O;
        let facts = cx.facts;
        if working(cx).is_some() {
            return Some(O::Works);
        }
        let mismatched: Vec<&PortProbe> = facts.ports.values().filter(|p| mismatch(p)).collect();
        let all_tried = !mismatched.is_empty()
            && mismatched
                .iter()
                .all(|p| p.finished && facts.cert_names.iter().any(|c| c.port == p.port));
        if all_tried {
            return Some(O::NoneWorks);
        }
        if !facts.done {
            return None;
        }
        Some(if facts.cert_names.is_empty() {
            O::NotChecked
        } else {
            O::NoneWorks
        })
    }

    fn evidence(cx: &Ctx) -> Vec<CheckId> {
        cx.facts
            .cert_names
            .iter()
            .map(|c| CheckId::Tls(c.port))
            .collect()
    }
}

/// This family's signals, for the registry.
pub const SIGNALS: &[SignalDef] = &[def::<CertAltName>()];

pub(crate) fn mismatch(p: &PortProbe) -> bool {
    matches!(
        p.tls,
        Some(TlsResult::CertProblem {
            problem: CertProblem::NameMismatch,
            ..
        })
    )
}

/// The name that verified, and the check that found it: on the most preferred port.
pub fn working<'a>(cx: &Ctx<'a>) -> Option<(&'a str, &'a CertNameCheck)> {
    let mut found: Vec<&CertNameCheck> = cx
        .facts
        .cert_names
        .iter()
        .filter(|c| c.working().is_some())
        .collect();
    found.sort_by_key(|c| port_preference(c.port));
    let check = found.first()?;
    // A recorded name that is no host name (an older recording) is never recommended.
    let name = check
        .working()
        .filter(|n| crate::checks::smtp::alt_name::typeable(n))?;
    Some((name, check))
}

/// Lower is better: the submission port, then implicit TLS, then any other, 25 last.
pub fn port_preference(port: u16) -> (u8, u16) {
    let rank = match port {
        587 => 0,
        465 => 1,
        25 => 3,
        _ => 2,
    };
    (rank, port)
}

/// What became of the certificate's names, in plain words, for the fix steps.
fn names_tried(cx: &Ctx) -> Option<String> {
    use crate::i18n::wording::phrase;
    let check = cx.facts.cert_names.first()?;
    let parts: Vec<String> = check
        .names
        .iter()
        .map(|n| {
            let key = match &n.outcome {
                CertNameOutcome::Verified => "cert_works",
                CertNameOutcome::HandshakeFailed { .. } => "cert_handshake_failed",
                CertNameOutcome::OtherServer { .. } => "cert_other_server",
                CertNameOutcome::NotFound { .. } => "cert_not_found",
                CertNameOutcome::NotAName => "cert_not_a_name",
                CertNameOutcome::NotTried => "cert_not_tried",
            };
            // In the catalog's language (assets/report.toml, [phrases]).
            phrase(cx.catalog.lang, key, &[("name", &n.name)])
        })
        .collect();
    if parts.is_empty() {
        return Some(phrase(cx.catalog.lang, "cert_no_other", &[]));
    }
    Some(crate::shorten::list(
        &parts,
        "; ",
        crate::shorten::LIST_ITEMS,
    ))
}

/// The working name on the certificate; what became of each name.
pub const PLACEHOLDERS: &[Placeholder] = &[
    Placeholder {
        name: "cert.working_name",
        value: |f: &Fill| working(f.cx).map(|(name, _)| name.to_string()),
    },
    Placeholder {
        name: "cert.names_tried",
        value: |f: &Fill| names_tried(f.cx),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::checks::cert::CertInfo;
    use crate::checks::smtp::alt_name::CertNameTry;
    use crate::facts::Facts;
    use crate::settings::Input;

    fn mismatched(port: u16) -> PortProbe {
        PortProbe {
            port,
            finished: true,
            tls: Some(TlsResult::CertProblem {
                problem: CertProblem::NameMismatch,
                cert: CertInfo {
                    subject: "CN=www.hosting.test".into(),
                    issuer: "CN=CA".into(),
                    names: vec!["www.hosting.test".into()],
                    not_before: String::new(),
                    not_after: String::new(),
                    not_before_unix: 0,
                    not_after_unix: 0,
                    self_signed: false,
                    issuer_cn: None,
                    issuer_org: None,
                    issuer_ou: None,
                },
                message: String::new(),
            }),
            ..PortProbe::default()
        }
    }

    fn check(port: u16, outcome: CertNameOutcome) -> CertNameCheck {
        CertNameCheck {
            port,
            names: vec![CertNameTry {
                name: "www.hosting.test".into(),
                listed_by_provider: false,
                outcome,
            }],
        }
    }

    fn eval(facts: &Facts) -> Option<CertAltNameOutcome> {
        let catalog = Catalog::embedded().expect("embedded catalog");
        let input = Input::new("alice@example.test");
        CertAltName::evaluate(&Ctx::new(&catalog, &input, facts))
    }

    #[test]
    fn waits_for_every_mismatched_port_then_answers() {
        let mut f = Facts::default();
        f.ports.insert(587, mismatched(587));
        f.ports.insert(465, mismatched(465));
        assert_eq!(eval(&f), None);
        f.cert_names.push(check(
            587,
            CertNameOutcome::HandshakeFailed {
                message: "x".into(),
            },
        ));
        assert_eq!(eval(&f), None);
        f.cert_names.push(check(
            465,
            CertNameOutcome::OtherServer {
                addresses: Vec::new(),
            },
        ));
        assert_eq!(eval(&f), Some(CertAltNameOutcome::NoneWorks));
        // One working name is enough, at once.
        let mut g = Facts::default();
        g.ports.insert(587, mismatched(587));
        g.ports.insert(465, mismatched(465));
        g.cert_names.push(check(465, CertNameOutcome::Verified));
        assert_eq!(eval(&g), Some(CertAltNameOutcome::Works));
        // Nothing tried by the end (an older recording): not checked.
        let mut h = Facts::default();
        h.ports.insert(587, mismatched(587));
        h.done = true;
        assert_eq!(eval(&h), Some(CertAltNameOutcome::NotChecked));
    }
}
