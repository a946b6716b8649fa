//! The settings to type into the mail client: proven by a connection where possible.

use super::context::Ctx;
use super::signals::domain::{self, ExpectedServer, ExpectedServerOutcome};
use super::signals::{cert_name, sign_in, Signal};
use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, PortProbe};
use crate::protocol::reply::Reply;
use crate::settings::{Endpoint, Security};

/// Settings that work (or that the domain publishes), or `None` when none were found.
pub fn recommended(cx: &Ctx) -> Option<Endpoint> {
    let user = Some(sign_in::user_to_recommend(cx));
    let expected = ExpectedServer::evaluate(cx);
    // The domain names its submission server (RFC 6186) and the person typed another one:
    // the published server is what the provider prescribes.
    if expected == Some(ExpectedServerOutcome::Differs) {
        if let Some((server, port)) = domain::published_server(cx.facts) {
            return Some(Endpoint {
                server,
                port,
                security: if port == 465 {
                    Security::Tls
                } else {
                    Security::Starttls
                },
                user,
            });
        }
    }
    // The domain's provider prescribes its server and the person typed another one.
    if expected == Some(ExpectedServerOutcome::DiffersFromProvider) {
        if let Some(e) = provider_endpoint(cx) {
            return Some(e);
        }
    }
    // The certificate is for another name that verified on the same server: that name.
    let found = cert_name_endpoint(cx).or_else(|| proven(cx));
    // Nothing worked from here, but the provider's published settings are known: those are
    // what to type (the contract: "or that the provider prescribes").
    found.or_else(|| provider_endpoint(cx))
}

/// The provider's preferred submission endpoint for the address, with its user-name form.
pub fn provider_endpoint(cx: &Ctx) -> Option<Endpoint> {
    let input = cx.input;
    let profile = cx.provider_now()?;
    let domain = input.email_domain()?;
    let mut e = profile.submission_for(&domain).into_iter().next()?;
    e.user = Some(match input.user.clone() {
        // A name in another form than the provider's is corrected, not repeated.
        Some(_) => sign_in::user_to_recommend(cx),
        None => profile.username_for(&input.email),
    });
    Some(e)
}

/// The certificate's own name that verified on the same server, on the most preferred port
/// where it did.
fn cert_name_endpoint(cx: &Ctx) -> Option<Endpoint> {
    let (name, check) = cert_name::working(cx)?;
    let security = cx.facts.port(check.port)?.security()?;
    Some(Endpoint {
        server: name.to_string(),
        port: check.port,
        security,
        user: Some(sign_in::user_to_recommend(cx)),
    })
}

/// The best endpoint proven by this run's connections.
pub(super) fn proven(cx: &Ctx) -> Option<Endpoint> {
    let facts = cx.facts;
    let user = Some(sign_in::user_to_recommend(cx));
    let host = facts.target_host()?;
    let best = best_proven(cx)?;
    Some(Endpoint {
        server: host.to_string(),
        port: best.port,
        security: best.security,
        user,
    })
}

/// The port [`proven`] picks, with its score (lower is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Best {
    pub score: (u8, u8, u16),
    pub port: u16,
    pub security: Security,
}

/// The best port proven by this run's connections so far.
pub(super) fn best_proven(cx: &Ctx) -> Option<Best> {
    let (input, facts) = (cx.input, cx.facts);
    let any_encrypted = facts
        .ports
        .values()
        .any(|p| p.tls_verified() && p.tls_usable());
    facts
        .ports
        .values()
        .filter(|p| greeted(p))
        .filter_map(|p| {
            let security = p.security()?;
            let usable = match security {
                Security::None => !any_encrypted,
                _ => p.tls_verified(),
            };
            usable.then(|| Best {
                score: score(input.port, p),
                port: p.port,
                security,
            })
        })
        .min_by_key(|b| b.score)
}

/// The score a port could reach at best, with the given proof (0: sign-in accepted; 3:
/// nothing proven), for comparing a port still running with the best so far.
pub(super) fn best_score(configured: Option<u16>, port: u16, proof: u8) -> (u8, u8, u16) {
    (proof, preference(configured, port), port)
}

/// The port answered with a greeting that opens a session (2xx). A port that turned the
/// connection away, plain or inside TLS, is never recommended: it gave the same refusal.
fn greeted(p: &PortProbe) -> bool {
    p.greeting.as_ref().is_some_and(Reply::is_positive)
}

/// Lower is better: proven sign-in, then proven envelope, then the preferred ports.
fn score(configured: Option<u16>, p: &PortProbe) -> (u8, u8, u16) {
    let proof = match (&p.auth, &p.envelope) {
        (Some(AuthOutcome::Accepted { .. }), _) => 0,
        _ if p.retry_accepted() => 0,
        (_, Some(EnvelopeOutcome::Accepted)) => 1,
        (Some(AuthOutcome::Rejected { .. }), _) => 2,
        _ => 3,
    };
    (proof, preference(configured, p.port), p.port)
}

/// The preferred ports first: 587, 465, the configured one, any other, 25.
fn preference(configured: Option<u16>, port: u16) -> u8 {
    match port {
        587 => 1,
        465 => 2,
        _ if Some(port) == configured => 3,
        25 => 5,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::checks::smtp::{Mode, TlsResult};
    use crate::facts::{Facts, Target, TargetSource};
    use crate::protocol::reply::parse_lines;
    use crate::settings::Input;

    fn port(port: u16, mode: Mode, greeting: &[&str], verified: bool) -> PortProbe {
        let lines: Vec<&[u8]> = greeting.iter().map(|l| l.as_bytes()).collect();
        PortProbe {
            port,
            mode: Some(mode),
            greeting: Some(parse_lines(&lines).expect("a reply")),
            tls: verified.then_some(TlsResult::Verified { cert: None }),
            finished: true,
            ..PortProbe::default()
        }
    }

    fn facts(ports: Vec<PortProbe>) -> Facts {
        let mut f = Facts {
            done: true,
            provider: Some(None),
            target: Some(Some(Target {
                host: "busy.exim.test".into(),
                source: TargetSource::Configured,
            })),
            ..Facts::default()
        };
        for p in ports {
            f.ports.insert(p.port, p);
        }
        f
    }

    const BUSY: [&str; 2] = [
        "451-Too many connections to 127.0.10.23: 3.0 per 1h (limit 0).",
        "451 Please try again later.",
    ];

    /// Exim's rate limit answers every port, plain and inside TLS: nothing is recommended,
    /// not even the TLS port whose handshake verified (as the probe recorded it before it read
    /// a refusal inside TLS as one: `tls_first`).
    #[test]
    fn a_port_that_refuses_the_greeting_is_never_recommended() {
        let catalog = Catalog::embedded().expect("embedded catalog");
        let input = Input::new("alice@bare.test");
        for tls_mode in [Mode::Overloaded, Mode::TlsFirst] {
            let f = facts(vec![
                port(587, Mode::Overloaded, &BUSY, false),
                port(25, Mode::NotSmtp, &BUSY, false),
                port(465, tls_mode, &BUSY, true),
            ]);
            let cx = Ctx::new(&catalog, &input, &f);
            assert_eq!(recommended(&cx), None, "{tls_mode:?}");
        }
        // A port that greets is still recommended beside them.
        let f = facts(vec![
            port(587, Mode::Overloaded, &BUSY, false),
            port(
                465,
                Mode::TlsFirst,
                &["220 smtp.exim.test ESMTP Exim 4.96"],
                true,
            ),
        ]);
        let cx = Ctx::new(&catalog, &input, &f);
        let r = recommended(&cx).expect("465 greets");
        assert_eq!((r.port, r.security), (465, Security::Tls));
    }
}
