//! The settings to type into the mail client: proven by a connection where possible.

use super::context::Ctx;
use super::signals::domain::{self, ExpectedServer, ExpectedServerOutcome};
use super::signals::Signal;
use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, PortProbe};
use crate::settings::{Endpoint, Security};

/// Settings that work (or that the domain publishes), or `None` when none were found.
pub fn recommended(cx: &Ctx) -> Option<Endpoint> {
    let input = cx.input;
    let user = Some(
        input
            .effective_user()
            .unwrap_or_else(|| input.email.clone()),
    );
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
    let found = proven(cx);
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
    e.user = Some(
        input
            .user
            .clone()
            .unwrap_or_else(|| profile.username_for(&input.email)),
    );
    Some(e)
}

/// The best endpoint proven by this run's connections.
fn proven(cx: &Ctx) -> Option<Endpoint> {
    let (input, facts) = (cx.input, cx.facts);
    let user = Some(
        input
            .effective_user()
            .unwrap_or_else(|| input.email.clone()),
    );
    let host = facts.target_host()?;
    let any_encrypted = facts
        .ports
        .values()
        .any(|p| p.tls_verified() && p.tls_usable());
    let best = facts
        .ports
        .values()
        .filter_map(|p| {
            let security = p.security()?;
            let usable = match security {
                Security::None => !any_encrypted,
                _ => p.tls_verified(),
            };
            usable.then(|| (score(input.port, p), p.port, security))
        })
        .min_by_key(|(score, _, _)| *score)?;
    Some(Endpoint {
        server: host.to_string(),
        port: best.1,
        security: best.2,
        user,
    })
}

/// Lower is better: proven sign-in, then proven envelope, then the preferred ports.
fn score(configured: Option<u16>, p: &PortProbe) -> (u8, u8, u16) {
    let proof = match (&p.auth, &p.envelope) {
        (Some(AuthOutcome::Accepted { .. }), _) => 0,
        (_, Some(EnvelopeOutcome::Accepted)) => 1,
        (Some(AuthOutcome::Rejected { .. }), _) => 2,
        _ => 3,
    };
    let preference = match p.port {
        587 => 1,
        465 => 2,
        _ if Some(p.port) == configured => 3,
        25 => 5,
        _ => 4,
    };
    (proof, preference, p.port)
}
