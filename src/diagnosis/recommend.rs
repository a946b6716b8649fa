//! The settings to type into the mail client: proven by a connection where possible.

use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, PortProbe};
use crate::facts::Facts;
use crate::settings::{Endpoint, Input, Security};

use super::evaluate;

/// Settings that work (or that the domain publishes), or `None` when none were found.
pub fn recommended(input: &Input, facts: &Facts) -> Option<Endpoint> {
    let user = Some(
        input
            .effective_user()
            .unwrap_or_else(|| input.email.clone()),
    );
    // The domain names its submission server (RFC 6186) and the person typed another one:
    // the published server is what the provider prescribes.
    if evaluate::signal("expected_server", input, facts) == Some("differs") {
        if let Some((server, port)) = evaluate::published_server(facts) {
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
    if evaluate::signal("expected_server", input, facts) == Some("differs_from_provider") {
        if let Some(e) = provider_endpoint(input, facts) {
            return Some(e);
        }
    }
    let found = proven(input, facts);
    // Nothing worked from here, but the provider's published settings are known: those are
    // what to type (the contract: "or that the provider prescribes").
    found.or_else(|| provider_endpoint(input, facts))
}

/// The provider's preferred submission endpoint for the address, with its user-name form.
pub fn provider_endpoint(input: &Input, facts: &Facts) -> Option<Endpoint> {
    let profile =
        evaluate::provider_profile(input, facts).unwrap_or_else(|| input.provider_by_domain())?;
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
fn proven(input: &Input, facts: &Facts) -> Option<Endpoint> {
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
            usable.then(|| (score(input, p), p.port, security))
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
fn score(input: &Input, p: &PortProbe) -> (u8, u8, u16) {
    let proof = match (&p.auth, &p.envelope) {
        (Some(AuthOutcome::Accepted { .. }), _) => 0,
        (_, Some(EnvelopeOutcome::Accepted)) => 1,
        (Some(AuthOutcome::Rejected { .. }), _) => 2,
        _ => 3,
    };
    let preference = match p.port {
        587 => 1,
        465 => 2,
        _ if Some(p.port) == input.port => 3,
        25 => 5,
        _ => 4,
    };
    (proof, preference, p.port)
}
