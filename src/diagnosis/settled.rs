//! Is the diagnosis final? The moment it is, `check` reports and the checks still running
//! are not needed for the result.
//!
//! A walk that is done has answered every signal on its path (a signal answers only once
//! its facts are in, and its answer does not change afterwards), so the verdict and the
//! causes' codes are final. What can still change is what the report fills in around them:
//! the placeholders in the conclusions' texts, the recommended settings, who acts on a
//! provider's policy and, when the host must act, the public address to tell them. Each of
//! those reads named facts; [`waiting_for`] lists the [`Need`]s whose facts are not final.
//!
//! Pure: the same facts and diagnosis give the same answer, tested without a network.

use crate::catalog::Catalog;
use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome};
use crate::facts::Facts;
use crate::settings::{Input, Security};
use crate::tree::{self, NodeKind};

use super::context::Ctx;
use super::recommend;
use super::signals::domain::{self, ExpectedServer, ExpectedServerOutcome};
use super::signals::Signal;
use super::{Diagnosis, Progress};

/// Something the report still waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// The walk itself: a check node waits for its signal, or a question for its answer.
    Walk,
    /// The server under test (`{server}`, the tell-host server).
    Target,
    /// The provider serving the address (`{provider}`, who acts on its sign-in policy).
    Provider,
    /// The reference comparison (`{reference}`, `{blocked_ports}`).
    Reference,
    /// This network's public address (`{public_ip}`, the tell-host request).
    PublicAddress,
    /// Every port's conversation (`{reply}`, `{cert.*}`, `{intercept.*}`).
    Ports,
    /// The recommended settings (`{recommended.*}` and the report's recommendation).
    Recommended,
    /// The domain's SRV and MX records (`{server.suggested}`).
    DomainRecords,
    /// The certificate's own names tried after a name mismatch (`{cert.working_name}`,
    /// `{cert.names_tried}`; a working one becomes the recommended server).
    CertNames,
    /// The new-account checks (`{autoconfig.*}`, `{autodiscover.*}`).
    Autoconfig,
    /// SPF, DMARC and DKIM evaluated (`{spf.*}`, `{dkim.*}`).
    DomainAuth,
    /// This network's address in the blocklists (`{blocklist.client.*}`).
    ClientBlocklists,
    /// The server's addresses in the blocklists (`{blocklist.server.*}`).
    ServerBlocklists,
    /// The server's reverse DNS (`{rdns.*}`).
    ReverseDns,
    /// A placeholder this module does not know: only the end of every check settles it.
    Everything,
}

/// The needs of the diagnosis `d` (made from `facts`) that its facts do not meet yet, in a
/// stable order. Empty: the report can be made now and will not change.
pub fn waiting_for(catalog: &Catalog, input: &Input, facts: &Facts, d: &Diagnosis) -> Vec<Need> {
    if facts.done {
        return Vec::new();
    }
    if d.progress != Progress::Done {
        return vec![Need::Walk];
    }
    let cx = Ctx::new(catalog, input, facts);
    let mut needs = vec![Need::Recommended];
    for id in &d.path {
        let Some(NodeKind::Conclusion(c)) = catalog.tree.node(id).map(|n| &n.kind) else {
            continue;
        };
        let texts = std::iter::once(&c.title)
            .chain(std::iter::once(&c.explanation))
            .chain(&c.fix);
        for text in texts {
            for (name, _) in tree::template::placeholders(text) {
                needs.extend(placeholder_needs(&name));
            }
        }
        if super::POLICY_CODES.contains(&c.cause.as_str()) {
            needs.push(Need::Provider);
        }
    }
    if d.tell_host.is_some() {
        // The address the host's logs see, and the server named: as configured, else tested.
        needs.extend([Need::PublicAddress, Need::Target]);
    }
    needs.sort_unstable();
    needs.dedup();
    needs.retain(|n| !met(*n, &cx));
    needs
}

/// Is the diagnosis final (see [`waiting_for`])?
pub fn is_settled(catalog: &Catalog, input: &Input, facts: &Facts, d: &Diagnosis) -> bool {
    waiting_for(catalog, input, facts, d).is_empty()
}

/// What a placeholder's value reads. Every placeholder of the registry is named here (a
/// test proves it); an unknown one waits for the end of every check.
pub fn placeholder_needs(name: &str) -> &'static [Need] {
    match name {
        // From the input alone; `dns.refusing` is read only by conclusions after the
        // dns_failure signal, which waits for both of its probes.
        "email" | "domain" | "user" | "port" | "security" | "dns.refusing" => &[],
        "server" | "server.problem" | "server.to_type" => &[Need::Target],
        "recommended.server" | "recommended.port" | "recommended.security" | "recommended.user" => {
            &[Need::Recommended]
        }
        "public_ip" => &[Need::PublicAddress],
        "reference" | "blocked_ports" => &[Need::Reference],
        "provider" | "provider.who_acts" | "server.typed" | "user.expected" | "user.given" => {
            &[Need::Provider]
        }
        "provider.explain" => &[Need::Provider, Need::Ports],
        "server.suggested" => &[Need::DomainRecords, Need::Provider],
        "spf.record"
        | "spf.problem"
        | "spf.lookups"
        | "spf.server_addresses"
        | "spf.suggested"
        | "dkim.missing" => &[Need::Target, Need::DomainAuth],
        "cert.working_name" | "cert.names_tried" => &[Need::Ports, Need::CertNames],
        "reply" | "cert.names" | "cert.issuer" | "cert.issuer_name" | "cert.not_after"
        | "intercept.product" | "intercept.setting" | "intercept.issuer" | "signin.attempts"
        | "ipv6.address" | "ipv6.result" | "ipv4.address" | "session.fault" => &[Need::Ports],
        // Compared with the proven settings: the ports and the recommendation.
        "autoconfig.clients" | "autoconfig.url" | "autoconfig.published" | "autoconfig.wrong" => {
            &[Need::Autoconfig, Need::Ports, Need::Recommended]
        }
        "autoconfig.socket" | "autoconfig.user_form" => &[Need::Recommended],
        "autodiscover.host" | "autodiscover.url" | "autodiscover.cert_names" => &[Need::Autoconfig],
        // The tree names these only after the signals that read the same lookups, so they
        // are met once reached; a verdict that does not pass those signals never waits.
        "blocklist.client.list"
        | "blocklist.client.ip"
        | "blocklist.client.code"
        | "blocklist.client.meaning"
        | "blocklist.client.delist" => &[Need::ClientBlocklists],
        "blocklist.server.list"
        | "blocklist.server.ip"
        | "blocklist.server.code"
        | "blocklist.server.meaning"
        | "blocklist.server.delist" => &[Need::ServerBlocklists],
        "rdns.problem" | "rdns.address" | "rdns.greeting" => &[Need::ReverseDns, Need::Ports],
        _ => &[Need::Everything],
    }
}

/// Are the facts that `need` reads final?
fn met(need: Need, cx: &Ctx) -> bool {
    let facts = cx.facts;
    match need {
        Need::Walk | Need::Everything => facts.done,
        Need::Target => cx.input.server.is_some() || facts.target.is_some(),
        Need::Provider => cx.provider_settled(),
        Need::Reference => facts.reference.is_some() || !server_reached_dns(facts),
        Need::PublicAddress => public_address_final(facts),
        Need::Ports => ports_final(facts),
        Need::Recommended => recommended_final(cx) && cert_names_final(facts),
        Need::CertNames => cert_names_final(facts),
        Need::Autoconfig => !facts.autoconfig_planned || facts.autoconfig.is_some(),
        Need::DomainAuth => facts.domain_auth.is_some() || facts.done,
        Need::ClientBlocklists => facts.client_blocklists.is_some(),
        Need::ServerBlocklists => facts.server_blocklists.is_some() || !server_reached_dns(facts),
        Need::ReverseDns => facts.reverse_dns.is_some() || !server_reached_dns(facts),
        Need::DomainRecords => {
            cx.input.email_domain().is_none() || (facts.srv.is_some() && facts.mx.is_some())
        }
    }
}

/// Have the certificate names of every finished port whose certificate is for another
/// name been tried? (The engine tries them right after that port's final result.)
fn cert_names_final(facts: &Facts) -> bool {
    facts.done
        || facts
            .ports
            .values()
            .filter(|p| p.finished && crate::diagnosis::signals::cert_name::mismatch(p))
            .all(|p| facts.cert_names.iter().any(|c| c.port == p.port))
}

/// Will the server's ports be probed (or are they being probed)? `false` once it is known
/// that they never will: no server, a server name that is not one, or no address for it.
fn server_reached_dns(facts: &Facts) -> bool {
    match &facts.target {
        Some(None) => false,
        _ if facts.server_name_invalid.is_some() => false,
        _ => facts
            .server_dns
            .as_ref()
            .is_none_or(|l| l.found().is_some()),
    }
}

/// Has every planned port finished (or will no port ever be probed)?
pub fn ports_final(facts: &Facts) -> bool {
    facts.done || !server_reached_dns(facts) || facts.all_ports_finished() == Some(true)
}

/// Is `Facts::public_ip` final? It reads the first port (by number) whose EHLO reply
/// echoes the client's address, else the DNS lookup: final when a port that no running port
/// comes before echoed one, or when no port can any more and the lookup has ended.
pub fn public_address_final(facts: &Facts) -> bool {
    if !ports_final(facts) {
        let Some(plan) = &facts.plan else {
            return false;
        };
        let mut ports: Vec<u16> = plan.clone();
        ports.extend(facts.ports.keys());
        ports.sort_unstable();
        ports.dedup();
        for port in ports {
            let probe = facts.port(port);
            let echoed = probe
                .and_then(|p| p.ehlo())
                .and_then(crate::protocol::reply::Ehlo::client_address);
            if echoed.is_some() {
                return true;
            }
            if !probe.is_some_and(|p| p.finished) {
                return false;
            }
        }
    }
    facts.public_ip_lookup.is_some() || facts.public_ip().is_some()
}

/// Are the recommended settings final? They are, in order: the server the domain publishes
/// when the person typed another; the provider's when they typed another; the best port
/// proven by this run; else the provider's.
fn recommended_final(cx: &Ctx) -> bool {
    let facts = cx.facts;
    let Some(target) = &facts.target else {
        return false;
    };
    let expected = ExpectedServer::evaluate(cx);
    if target.is_some() && cx.input.server.is_some() && expected.is_none() {
        return false;
    }
    if expected == Some(ExpectedServerOutcome::Differs) && domain::published_server(facts).is_some()
    {
        return true;
    }
    if expected == Some(ExpectedServerOutcome::DiffersFromProvider)
        && recommend::provider_endpoint(cx).is_some()
    {
        return cx.provider_settled();
    }
    if ports_final(facts) {
        return recommend::proven(cx).is_some() || cx.provider_settled();
    }
    proven_cannot_be_beaten(cx)
}

/// The best proven port so far can no longer lose its place: every port still running
/// scores worse even at its best (a sign-in accepted there, unless another port already
/// ran the one sign-in of the diagnosis). A plain-text recommendation waits for every port
/// (an encrypted one would replace it).
fn proven_cannot_be_beaten(cx: &Ctx) -> bool {
    let facts = cx.facts;
    let Some(best) = recommend::best_proven(cx) else {
        return false;
    };
    if best.security == Security::None {
        return false;
    }
    let Some(plan) = &facts.plan else {
        return false;
    };
    // The port that ran the one sign-in and envelope test of the diagnosis, if one did.
    let session = facts.ports.values().find(|p| {
        matches!(
            p.auth,
            Some(
                AuthOutcome::Accepted { .. }
                    | AuthOutcome::Rejected { .. }
                    | AuthOutcome::TempFailure { .. }
            )
        ) || p
            .envelope
            .as_ref()
            .is_some_and(|e| !matches!(e, EnvelopeOutcome::NotTried { .. }))
    });
    plan.iter()
        .filter(|p| !facts.port(**p).is_some_and(|pp| pp.finished))
        .all(|&port| {
            let proof = if session.is_some_and(|s| s.port != port) {
                3
            } else {
                0
            };
            recommend::best_score(cx.input.port, port, proof) > best.score
        })
}

#[cfg(test)]
mod tests;
