//! The TLS handshake and the server's certificate, including interception by an antivirus
//! or a proxy; the `{cert...}` and `{intercept...}` placeholders.

use super::{def, outcomes, Fill, Placeholder, Signal, SignalDef};
use crate::checks::cert::CertProblem;
use crate::checks::intercept::{self, Interception};
use crate::checks::smtp::{PortProbe, TlsResult};
use crate::checks::tls::HandshakeKind;
use crate::checks::CheckId;
use crate::diagnosis::context::Ctx;

outcomes! {
    pub enum TlsOutcome {
        Ok = "ok",
        Intercepted = "intercepted",
        InterceptedTrusted = "intercepted_trusted",
        Expired = "expired",
        NameMismatch = "name_mismatch",
        SelfSigned = "self_signed",
        Untrusted = "untrusted",
        Outdated = "outdated",
        ChainIncomplete = "chain_incomplete",
        Failed = "failed",
        /// STARTTLS refused (454), or no handshake after its `220` (garbage, a reset, silence).
        Broken = "broken",
        NotUsed = "not_used",
    }
}

/// The TLS handshake on the port under test and, when it failed verification, why.
pub struct Tls;

impl Signal for Tls {
    const NAME: &'static str = "tls";
    const MEANING: &'static str = "The TLS handshake on the port under test and, when it failed verification, why (read from the certificate). `intercepted`: the certificate comes from a known antivirus or proxy product and this computer does not trust it; `intercepted_trusted`: this computer trusts it, but it is a known product's or does not chain to a public root (a second handshake trusting only public roots). `chain_incomplete`: the server sent its certificate without the one that issued it (an intermediate), and it is not self-signed; `untrusted`: what it sent ends at an authority this computer does not trust (a private or unknown one). `broken`: STARTTLS was refused (454) or no TLS handshake followed its 220 (garbage, a reset, silence).";
    type Outcome = TlsOutcome;

    fn evaluate(cx: &Ctx) -> Option<TlsOutcome> {
        use TlsOutcome as O;
        let Some(p) = tls_port(cx)? else {
            return Some(O::NotUsed);
        };
        if intercept::interception_in(cx.catalog.interceptors, p).is_some() {
            return Some(match p.tls {
                Some(TlsResult::Verified { .. }) => O::InterceptedTrusted,
                _ => O::Intercepted,
            });
        }
        // A verified chain is in order only once the public-roots handshake beside it has
        // spoken (or the port's probe ended without it).
        if matches!(p.tls, Some(TlsResult::Verified { .. }))
            && p.public_chain.is_none()
            && !p.finished
            && !cx.facts.done
        {
            return None;
        }
        Some(match &p.tls {
            Some(TlsResult::Verified { .. }) => O::Ok,
            Some(TlsResult::CertProblem { problem, .. }) => match problem {
                CertProblem::Expired | CertProblem::NotYetValid => O::Expired,
                CertProblem::NameMismatch => O::NameMismatch,
                CertProblem::SelfSigned => O::SelfSigned,
                CertProblem::Untrusted => O::Untrusted,
                CertProblem::ChainIncomplete => O::ChainIncomplete,
            },
            _ if p.tls_broken() => O::Broken,
            Some(TlsResult::Failed { kind, .. }) => match kind {
                HandshakeKind::ProtocolTooOld => O::Outdated,
                _ => O::Failed,
            },
            Some(TlsResult::NotOffered | TlsResult::Refused { .. }) | None => O::NotUsed,
        })
    }

    fn evidence(cx: &Ctx) -> Vec<CheckId> {
        super::session::port_under_test(cx)
            .map(CheckId::Tls)
            .into_iter()
            .collect()
    }
}

/// This family's signals, for the registry.
pub const SIGNALS: &[SignalDef] = &[def::<Tls>()];

/// The port whose TLS the person's settings use: the configured port when its mode
/// matches, else the port that ran the session. `None` while pending, `Some(None)` when
/// no port used TLS.
// Two levels on purpose: "still pending" differs from "done: no port used TLS".
#[allow(clippy::option_option)]
fn tls_port<'a>(cx: &Ctx<'a>) -> Option<Option<&'a PortProbe>> {
    let facts = cx.facts;
    if let Some(port) = cx.input.port {
        let p = facts.port(port)?;
        if p.tls.is_some() {
            return Some(Some(p));
        }
        if !p.finished {
            return None;
        }
    }
    if let Some(p) = facts.session_port() {
        return Some(Some(p));
    }
    // Any port with a certificate finding speaks for the server.
    if let Some(p) = facts.ports.values().find(|p| {
        matches!(
            p.tls,
            Some(TlsResult::CertProblem { .. } | TlsResult::Failed { .. })
        )
    }) {
        return Some(Some(p));
    }
    if facts.all_ports_finished()? {
        Some(None)
    } else {
        None
    }
}

/// The interception seen on the port under test first, else on any port.
fn interception(cx: &Ctx) -> Option<Interception> {
    cx.ports_configured_first()
        .into_iter()
        .find_map(|p| intercept::interception_in(cx.catalog.interceptors, p))
}

/// The certificate the server showed (a faulty one first).
fn cert(f: &Fill) -> Option<crate::checks::cert::CertInfo> {
    f.cx.facts.ports.values().find_map(|p| match &p.tls {
        Some(TlsResult::CertProblem { cert, .. }) => Some(cert.clone()),
        Some(TlsResult::Verified { cert: Some(c) }) => Some(c.clone()),
        _ => None,
    })
}

/// The certificate's names, issuer (and its common name alone) and end of validity; the intercepting product, the
/// setting to switch off in it and the issuer it put in.
pub const PLACEHOLDERS: &[Placeholder] = &[
    Placeholder {
        name: "cert.names",
        value: |f| {
            cert(f).map(|c| crate::shorten::list(&c.names, ", ", crate::shorten::LIST_ITEMS))
        },
    },
    Placeholder {
        name: "cert.issuer",
        value: |f| cert(f).map(|c| c.issuer),
    },
    Placeholder {
        name: "cert.not_after",
        value: |f| cert(f).map(|c| c.not_after),
    },
    Placeholder {
        name: "cert.issuer_name",
        value: |f| cert(f).map(|c| c.issuer_cn.unwrap_or(c.issuer)),
    },
    Placeholder {
        name: "intercept.product",
        value: |f| {
            interception(f.cx).map(|found| {
                found.product.unwrap_or_else(|| {
                    "a security program, a network proxy or your organisation's own certificate \
                     authority"
                        .to_string()
                })
            })
        },
    },
    Placeholder {
        name: "intercept.setting",
        value: |f| {
            interception(f.cx).map(|found| {
                found.setting.unwrap_or_else(|| {
                    "Open your antivirus or security program and switch off its scanning of \
                     encrypted (SSL/TLS) connections and of e-mail; on an office network, ask \
                     your IT department to exclude your mail server from SSL/TLS inspection."
                        .to_string()
                })
            })
        },
    },
    Placeholder {
        name: "intercept.issuer",
        value: |f| interception(f.cx).map(|found| found.issuer),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::checks::cert::CertInfo;
    use crate::checks::intercept::PublicChain;
    use crate::facts::{Fact, Facts};
    use crate::settings::Input;

    fn cert_from(issuer_cn: &str, issuer_org: &str) -> CertInfo {
        CertInfo {
            subject: "CN=smtp.example.test".into(),
            issuer: format!("O={issuer_org}, CN={issuer_cn}"),
            names: vec!["smtp.example.test".into()],
            not_before: String::new(),
            not_after: String::new(),
            not_before_unix: 0,
            not_after_unix: 0,
            self_signed: false,
            issuer_cn: Some(issuer_cn.into()),
            issuer_org: Some(issuer_org.into()),
            issuer_ou: None,
        }
    }

    fn facts_with(tls: TlsResult, public: Option<PublicChain>, finished: bool) -> Facts {
        let mut f = Facts::default();
        f.apply(Fact::Plan(vec![587]));
        f.apply(Fact::Port(Box::new(PortProbe {
            port: 587,
            tls: Some(tls),
            public_chain: public,
            finished,
            ..PortProbe::default()
        })));
        f
    }

    fn tls(input: &Input, facts: &Facts) -> Option<TlsOutcome> {
        let catalog = Catalog::embedded().expect("embedded catalog");
        Tls::evaluate(&Ctx::new(&catalog, input, facts))
    }

    #[test]
    fn an_antivirus_certificate_is_interception_trusted_or_not() {
        let mut input = Input::new("alice@example.test");
        input.port = Some(587);
        let avast = cert_from("Avast Web/Mail Shield Root", "Avast Web/Mail Shield");
        let untrusted = facts_with(
            TlsResult::CertProblem {
                problem: CertProblem::Untrusted,
                cert: avast.clone(),
                message: String::new(),
            },
            None,
            true,
        );
        assert_eq!(tls(&input, &untrusted), Some(TlsOutcome::Intercepted));
        let trusted = facts_with(
            TlsResult::Verified {
                cert: Some(avast.clone()),
            },
            Some(PublicChain::NotPublic {
                reason: "unknown issuer".into(),
            }),
            true,
        );
        assert_eq!(tls(&input, &trusted), Some(TlsOutcome::InterceptedTrusted));
    }

    #[test]
    fn a_verified_chain_waits_for_the_public_roots_check() {
        let mut input = Input::new("alice@example.test");
        input.port = Some(587);
        let office = cert_from("Corp Inspection CA", "Example Corp");
        let verified = || TlsResult::Verified {
            cert: Some(office.clone()),
        };
        assert_eq!(tls(&input, &facts_with(verified(), None, false)), None);
        let local = facts_with(
            verified(),
            Some(PublicChain::NotPublic {
                reason: "unknown issuer".into(),
            }),
            false,
        );
        assert_eq!(tls(&input, &local), Some(TlsOutcome::InterceptedTrusted));
        let public = facts_with(verified(), Some(PublicChain::Public), false);
        assert_eq!(tls(&input, &public), Some(TlsOutcome::Ok));
    }

    #[test]
    fn a_missing_intermediate_is_its_own_outcome() {
        let mut input = Input::new("alice@example.test");
        input.port = Some(587);
        let problem = |problem| {
            facts_with(
                TlsResult::CertProblem {
                    problem,
                    cert: cert_from("Lab Intermediate CA", "Lab"),
                    message: String::new(),
                },
                None,
                true,
            )
        };
        let cases = [
            (CertProblem::ChainIncomplete, TlsOutcome::ChainIncomplete),
            (CertProblem::SelfSigned, TlsOutcome::SelfSigned),
            (CertProblem::Untrusted, TlsOutcome::Untrusted),
        ];
        for (p, want) in cases {
            assert_eq!(tls(&input, &problem(p)), Some(want), "{p:?}");
        }
    }
}
