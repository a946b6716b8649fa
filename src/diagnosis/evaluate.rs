//! Answers the tree's signals from the facts. Each answer is `None` while the facts it needs
//! are not in yet, so a check node waits only for its own evidence.

use crate::checks::cert::CertProblem;
use crate::checks::dns::{self, Lookup};
use crate::checks::icmp::IcmpKind;
use crate::checks::intercept;
use crate::checks::path::HopResult;
use crate::checks::reference::ReferenceCheck;
use crate::checks::smtp::{AuthOutcome, EnvelopeOutcome, Mode, PortProbe, TlsResult};
use crate::checks::tcp::TcpOutcome;
use crate::error_text::{classify, recognise, Area};
use crate::facts::{Facts, TargetSource};
use crate::profiles::{Profile, Signin};
use crate::protocol::reply::Reply;
use crate::settings::{Input, Security};

/// The answer to one signal, or `None` while it is not known yet.
pub fn signal(name: &str, input: &Input, facts: &Facts) -> Option<&'static str> {
    match name {
        "local_network" => local_network(facts),
        "dns_failure" => dns_failure(facts),
        "unreachable_why" => unreachable_why(facts),
        "port_block" => port_block(input, facts),
        "server_name" => server_name(facts),
        "server_dns" => server_dns(facts),
        "pasted_error" => pasted_error(input, facts),
        "expected_server" => expected_server(input, facts),
        "reachability" => reachability(facts),
        "configured_port" => configured_port(input, facts),
        "port_mode" => port_mode(input, facts),
        "encryption" => encryption(input, facts),
        "tls" => tls(input, facts),
        "auth" => auth(facts),
        "auth_reply" => auth_reply(input, facts),
        "envelope" => envelope(facts),
        "domain_records" => domain_records(facts),
        _ => None,
    }
}

/// Is there a network at all? Known at once from the kernel's routing table.
fn local_network(facts: &Facts) -> Option<&'static str> {
    match facts.route {
        Some(r) if !r.any() => Some("offline"),
        Some(_) => Some("online"),
        // Never measured (a run that ended early): do not block the walk on it.
        None if facts.done => Some("online"),
        None => None,
    }
}

/// The reference comparison, or an empty one once the run is over without it (the
/// server's name never resolved, or the run was cut short).
fn reference(facts: &Facts) -> Option<std::borrow::Cow<'_, ReferenceCheck>> {
    match &facts.reference {
        Some(r) => Some(std::borrow::Cow::Borrowed(r)),
        None if facts.done => Some(std::borrow::Cow::Owned(ReferenceCheck::default())),
        None => None,
    }
}

/// Did anything outside this computer answer? A DNS answer to the public-address lookup,
/// or a resolver's machine answering on TCP (even with a refusal). `None` while unknown.
fn something_answered(facts: &Facts) -> Option<bool> {
    let whoami = facts
        .public_ip_lookup
        .as_ref()
        .map(|l| l.resolver_answered() || matches!(l, Lookup::ServerFailure(_)));
    let resolvers = facts.resolvers.as_ref().map(|list| {
        list.iter()
            .any(|r| matches!(r.outcome(), TcpOutcome::Open | TcpOutcome::Refused))
    });
    let through = facts.reference.as_ref().map(|r| r.any_through());
    let known = [whoami, resolvers, through];
    if known.contains(&Some(true)) {
        return Some(true);
    }
    // Every source must have spoken before "nothing answers" is a finding; the reference
    // only exists when the server's name resolved, so DNS failures do without it.
    if (whoami.is_some() && resolvers.is_some()) || facts.done {
        return Some(false);
    }
    None
}

/// The server's name could not be looked up: is DNS down, or the whole network?
fn dns_failure(facts: &Facts) -> Option<&'static str> {
    if facts.route.is_some_and(|r| !r.any()) {
        return Some("offline");
    }
    Some(if something_answered(facts)? {
        "dns_down"
    } else {
        "offline"
    })
}

/// No port of the server answered: where is the problem? The same ports at a reference
/// host separate this network's blocks from the server's; ICMP tells a firewall's
/// rejection (administratively prohibited) from a host that is gone (host unreachable).
fn unreachable_why(facts: &Facts) -> Option<&'static str> {
    if facts.route.is_some_and(|r| !r.any()) {
        return Some("offline");
    }
    let plan = facts.plan.as_ref()?;
    let server: Vec<(u16, TcpOutcome)> = plan
        .iter()
        .map(|p| Some((*p, facts.port(*p)?.reach.as_ref()?.outcome())))
        .collect::<Option<_>>()?;
    let reference = reference(facts)?;
    // Ports the network carried to the reference: there the server is to blame.
    let through: Vec<u16> = reference
        .ports
        .iter()
        .filter(|r| r.got_through())
        .map(|r| r.port)
        .collect();
    let failed_at_reference = reference.ports.iter().any(|r| !r.got_through());
    if through.is_empty() && failed_at_reference {
        return Some(if something_answered(facts)? {
            "blocked_here"
        } else {
            "offline"
        });
    }
    let judged: Vec<TcpOutcome> = if through.is_empty() {
        // No reference at all: judge by the server's answers alone.
        server.iter().map(|(_, o)| *o).collect()
    } else {
        server
            .iter()
            .filter(|(p, _)| through.contains(p))
            .map(|(_, o)| *o)
            .collect()
    };
    let any = |o: TcpOutcome| judged.contains(&o);
    Some(if any(TcpOutcome::AdminProhibited) {
        "admin_prohibited"
    } else if !judged.is_empty() && judged.iter().all(|o| *o == TcpOutcome::Refused) {
        "refused_by_server"
    } else if any(TcpOutcome::HostUnreachable) || any(TcpOutcome::NetworkUnreachable) {
        "host_down"
    } else if let Some(said) = path_says(facts)? {
        said
    } else if through.is_empty() {
        "silent_no_reference"
    } else {
        "silent_server"
    })
}

/// What the path trace adds to silence on the server's ports: a router's "host unreachable"
/// (the host is gone from its network) or a firewall's "prohibited" that came only to the
/// trace. `None` while a trace is under way; `Some(None)` when it says nothing more.
fn path_says(facts: &Facts) -> Option<Option<&'static str>> {
    let Some(trace) = &facts.path else {
        let first = facts.plan.as_ref()?.first()?;
        let expected = facts.port(*first).is_some_and(|p| {
            p.finished
                && p.reach
                    .as_ref()
                    .is_some_and(|r| crate::checks::path::worth_tracing(r.outcome()))
        });
        return if expected && !facts.done {
            None
        } else {
            Some(None)
        };
    };
    Some(match trace.hops.last().map(|h| h.what) {
        Some(HopResult::Unreachable(IcmpKind::HostUnreachable | IcmpKind::NetUnreachable)) => {
            Some("host_down")
        }
        Some(HopResult::Unreachable(IcmpKind::AdminProhibited)) => Some("admin_prohibited"),
        _ => None,
    })
}

/// The configured port does not answer: does this network block it (the reference does
/// not answer there either), or does the server not use it?
fn port_block(input: &Input, facts: &Facts) -> Option<&'static str> {
    let Some(port) = input.port else {
        return Some("unknown");
    };
    let reference = reference(facts)?;
    Some(match reference.port(port) {
        Some(r) if r.got_through() => "server_side",
        Some(_) => "blocked_here",
        None => "unknown",
    })
}

fn server_name(facts: &Facts) -> Option<&'static str> {
    if facts.server_name_invalid.is_some() {
        return Some("invalid");
    }
    match facts.target.as_ref()? {
        Some(_) => Some("valid"),
        None => Some("missing"),
    }
}

fn server_dns(facts: &Facts) -> Option<&'static str> {
    Some(match facts.server_dns.as_ref()? {
        Lookup::Found(_) => "found",
        Lookup::Nxdomain => "nxdomain",
        Lookup::NoRecords => "no_address",
        Lookup::ServerFailure(_) | Lookup::Error(_) => "servfail",
        Lookup::Timeout => "timeout",
    })
}

/// The submission host the domain publishes (RFC 6186), when it publishes one.
pub fn published_server(facts: &Facts) -> Option<(String, u16)> {
    facts
        .srv
        .as_ref()?
        .found()?
        .first()
        .map(|s| (s.target.clone(), s.port))
}

fn expected_server(input: &Input, facts: &Facts) -> Option<&'static str> {
    let target = facts.target.as_ref()?.as_ref()?;
    if target.source == TargetSource::Proposed || input.server.is_none() {
        return Some("unknown");
    }
    // What the domain publishes itself (RFC 6186) outranks what we know of its provider.
    let srv = facts.srv.as_ref()?;
    if let Some(list) = srv.found().filter(|l| !l.is_empty()) {
        let listed = list
            .iter()
            .any(|s| s.target.eq_ignore_ascii_case(&target.host));
        return Some(if listed { "matches" } else { "differs" });
    }
    let domain = input.email_domain()?;
    match provider_profile(input, facts)? {
        Some(p) if !p.submission.is_empty() => {
            Some(if p.is_submission_host(&target.host, &domain) {
                "matches"
            } else {
                "differs_from_provider"
            })
        }
        _ => Some("unknown"),
    }
}

/// The provider profile serving the address: `None` while detection runs, `Some(None)` when
/// no profile recognises the domain.
pub fn provider_profile<'i>(input: &'i Input, facts: &Facts) -> Option<Option<&'i Profile>> {
    let found = facts.provider.as_ref()?;
    Some(found.as_ref().and_then(|f| input.profiles.get(&f.id)))
}

/// What a provider's reply text means, in the outcome names the tree uses.
fn policy_outcome(cause: &str) -> Option<&'static str> {
    match cause {
        "config.app_password_required" => Some("app_password_required"),
        "config.smtp_auth_disabled" => Some("smtp_auth_disabled"),
        "config.oauth_required" => Some("oauth_required"),
        _ => None,
    }
}

/// The error message the person pasted (`--error-text`): a provider's sign-in policy reply
/// decides at once; otherwise the message's area (settings, network, server) is reported.
fn pasted_error(input: &Input, facts: &Facts) -> Option<&'static str> {
    let Some(text) = input.error_text.as_deref().filter(|t| !t.trim().is_empty()) else {
        return Some("none");
    };
    let recognised = recognise(text);
    let reply = recognised.server_reply.as_deref().unwrap_or(text);
    // The provider by MX may still be on its way; by domain is known at once.
    let provider = match provider_profile(input, facts) {
        Some(p) => p,
        None => input.provider_by_domain(),
    };
    if let Some(outcome) = input
        .profiles
        .match_reply(provider, reply)
        .and_then(|m| policy_outcome(&m.cause))
    {
        return Some(outcome);
    }
    Some(match classify(text).map(|k| k.area) {
        Some(Area::Settings) => "settings",
        Some(Area::Network) => "network",
        Some(Area::Server) => "server",
        Some(Area::NotSmtp) => "not_smtp",
        None => "unrecognised",
    })
}

fn reachability(facts: &Facts) -> Option<&'static str> {
    let plan = facts.plan.as_ref()?;
    let outcomes: Vec<Option<TcpOutcome>> = plan
        .iter()
        .map(|p| {
            facts
                .port(*p)
                .and_then(|pp| pp.reach.as_ref())
                .map(|r| r.outcome())
        })
        .collect();
    // One open port settles it at once.
    if outcomes.contains(&Some(TcpOutcome::Open)) {
        return Some("some_open");
    }
    let known: Vec<TcpOutcome> = outcomes.iter().copied().collect::<Option<_>>()?;
    let all = |f: fn(&TcpOutcome) -> bool| known.iter().all(f);
    Some(if all(|o| *o == TcpOutcome::Refused) {
        "all_refused"
    } else if all(|o| *o == TcpOutcome::TimedOut) {
        "all_silent"
    } else if all(|o| {
        matches!(
            o,
            TcpOutcome::HostUnreachable
                | TcpOutcome::NetworkUnreachable
                | TcpOutcome::AdminProhibited
        )
    }) {
        "unreachable"
    } else {
        "mixed"
    })
}

fn configured_port(input: &Input, facts: &Facts) -> Option<&'static str> {
    let Some(port) = input.port else {
        return Some("not_configured");
    };
    let reach = facts.port(port)?.reach.as_ref()?;
    Some(if reach.outcome() == TcpOutcome::Open {
        "open"
    } else {
        "closed"
    })
}

/// The configured encryption against what the server does on the configured port.
fn port_mode(input: &Input, facts: &Facts) -> Option<&'static str> {
    let Some(port) = input.port else {
        return Some("not_configured");
    };
    let probe = facts.port(port)?;
    let mode = match probe.mode {
        Some(m) => m,
        None if probe.finished => return Some("no_greeting"),
        None => return None,
    };
    Some(match mode {
        Mode::Overloaded => "overloaded",
        Mode::RefusedGreeting => "refused_greeting",
        Mode::NoGreeting | Mode::NotSmtp => "no_greeting",
        Mode::Plain => match input.security {
            Some(Security::Tls) => "tls_on_plain_port",
            _ => "matches",
        },
        Mode::TlsFirst => match input.security {
            Some(Security::Starttls) | Some(Security::None) => "plain_on_tls_port",
            _ => "matches",
        },
    })
}

/// Any port that offers encryption at all (verified or not).
fn any_tls(facts: &Facts) -> bool {
    facts.ports.values().any(|p| {
        p.mode == Some(Mode::TlsFirst)
            || matches!(
                p.tls,
                Some(TlsResult::Verified { .. }) | Some(TlsResult::CertProblem { .. })
            )
    })
}

fn encryption(input: &Input, facts: &Facts) -> Option<&'static str> {
    match input.security {
        Some(Security::None) => {
            let port = input.port.unwrap_or(587);
            let probe = facts.port(port)?;
            if !probe.finished && (probe.ehlo_plain.is_none() || probe.tls.is_none()) {
                return None;
            }
            let plain_auth = probe
                .ehlo_plain
                .as_ref()
                .is_some_and(|e| !e.auth_mechanisms().is_empty());
            let tls_auth = probe
                .ehlo_tls
                .as_ref()
                .is_some_and(|e| !e.auth_mechanisms().is_empty());
            Some(if plain_auth {
                "off_allowed"
            } else if tls_auth || probe.tls_verified() || envelope_needs_tls(probe) {
                "off_but_required"
            } else {
                "ok"
            })
        }
        Some(_) => {
            if any_tls(facts) {
                return Some("ok");
            }
            if facts.all_ports_finished()? {
                Some("not_offered")
            } else {
                None
            }
        }
        None => Some("ok"),
    }
}

fn envelope_needs_tls(p: &PortProbe) -> bool {
    envelope_reply(p)
        .is_some_and(|r| r.code == 530 && r.text().to_ascii_uppercase().contains("STARTTLS"))
}

/// The port whose TLS the person's settings use: the configured port when its mode
/// matches, else the port that ran the session.
fn tls_port<'f>(input: &Input, facts: &'f Facts) -> Option<Option<&'f PortProbe>> {
    if let Some(port) = input.port {
        let p = facts.port(port)?;
        if p.tls.is_some() || p.finished {
            if p.tls.is_some() {
                return Some(Some(p));
            }
        } else {
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
            Some(TlsResult::CertProblem { .. }) | Some(TlsResult::Failed { .. })
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

fn tls(input: &Input, facts: &Facts) -> Option<&'static str> {
    let Some(p) = tls_port(input, facts)? else {
        return Some("not_used");
    };
    if intercept::interception(p).is_some() {
        return Some(match p.tls {
            Some(TlsResult::Verified { .. }) => "intercepted_trusted",
            _ => "intercepted",
        });
    }
    // A verified chain is in order only once the public-roots handshake beside it has
    // spoken (or the port's probe ended without it).
    if matches!(p.tls, Some(TlsResult::Verified { .. }))
        && p.public_chain.is_none()
        && !p.finished
        && !facts.done
    {
        return None;
    }
    Some(match &p.tls {
        Some(TlsResult::Verified { .. }) => "ok",
        Some(TlsResult::CertProblem { problem, .. }) => match problem {
            CertProblem::Expired | CertProblem::NotYetValid => "expired",
            CertProblem::NameMismatch => "name_mismatch",
            CertProblem::SelfSigned => "self_signed",
            CertProblem::Untrusted => "untrusted",
        },
        Some(TlsResult::Failed { kind, .. }) => match kind {
            crate::checks::tls::HandshakeKind::ProtocolTooOld => "outdated",
            _ => "failed",
        },
        Some(TlsResult::NotOffered) | Some(TlsResult::Refused { .. }) | None => "not_used",
    })
}

/// The session port, or `None` (pending) / `Some(None)` (there is none) like `tls_port`.
fn session(facts: &Facts) -> Option<Option<&PortProbe>> {
    if let Some(p) = facts.session_port() {
        return Some(Some(p));
    }
    if facts.all_ports_finished().unwrap_or(facts.done) || facts.done {
        Some(None)
    } else {
        None
    }
}

fn auth(facts: &Facts) -> Option<&'static str> {
    let Some(p) = session(facts)? else {
        return Some("not_tried");
    };
    Some(match p.auth.as_ref()? {
        AuthOutcome::Accepted { .. } => "accepted",
        AuthOutcome::Rejected { .. } => "rejected",
        // A sign-in that got no answer is most often a server slowing down failed logins.
        AuthOutcome::TempFailure { .. } | AuthOutcome::Error { .. } => "temp_failure",
        AuthOutcome::MechanismUnsupported { .. } => "mechanism_unsupported",
        AuthOutcome::NotOffered => "not_offered",
        AuthOutcome::NoPassword => "no_password",
        AuthOutcome::PlaintextRefused | AuthOutcome::NotTried { .. } => "not_tried",
    })
}

/// Why the sign-in was refused: a provider's own reply names its policy (app passwords,
/// SMTP AUTH switched off, OAuth only); failing that, the provider's known sign-in policy
/// makes a policy likely; else the password (or user name) is wrong.
fn auth_reply(input: &Input, facts: &Facts) -> Option<&'static str> {
    let Some(p) = session(facts)? else {
        return Some("password_wrong");
    };
    let Some(AuthOutcome::Rejected { reply, .. }) = p.auth.as_ref() else {
        return Some("password_wrong");
    };
    let provider = provider_profile(input, facts)?;
    if let Some(outcome) = input
        .profiles
        .match_reply(provider, &reply.to_string())
        .and_then(|m| policy_outcome(&m.cause))
    {
        return Some(outcome);
    }
    Some(match provider.map(|p| p.signin) {
        Some(Signin::OauthOnly) => "policy_oauth",
        Some(Signin::AppPassword) | Some(Signin::AppPasswordOrOauth) => "policy_app_password",
        Some(Signin::Password) | None => "password_wrong",
    })
}

fn envelope_reply(p: &PortProbe) -> Option<&Reply> {
    match p.envelope.as_ref()? {
        EnvelopeOutcome::MailRejected { reply } | EnvelopeOutcome::RcptRejected { reply } => {
            Some(reply)
        }
        _ => None,
    }
}

fn envelope(facts: &Facts) -> Option<&'static str> {
    let Some(p) = session(facts)? else {
        return Some("not_tried");
    };
    let authenticated = matches!(p.auth, Some(AuthOutcome::Accepted { .. }));
    Some(match p.envelope.as_ref()? {
        EnvelopeOutcome::Accepted => "accepted",
        EnvelopeOutcome::NotTried { .. } | EnvelopeOutcome::Error { .. } => "not_tried",
        EnvelopeOutcome::MailRejected { reply } => classify_rejection(reply, authenticated, true),
        EnvelopeOutcome::RcptRejected { reply } => classify_rejection(reply, authenticated, false),
    })
}

/// Sorts a MAIL/RCPT rejection into the envelope signal's outcomes.
pub fn classify_rejection(reply: &Reply, authenticated: bool, at_mail: bool) -> &'static str {
    let text = reply.text().to_ascii_lowercase();
    let enhanced = reply.enhanced.map(|e| e.to_string()).unwrap_or_default();
    let mentions = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if mentions(&[
        "spamhaus",
        "blocked using",
        "blacklist",
        "blocklist",
        "dnsbl",
        "rbl",
        "listed",
    ]) {
        return "client_blocked";
    }
    if reply.code == 530 && mentions(&["starttls"]) || enhanced == "5.7.11" {
        return "tls_required";
    }
    if enhanced == "5.7.57"
        || enhanced == "5.7.30"
        || (reply.code == 530 && !mentions(&["starttls"]))
        || mentions(&[
            "authentication required",
            "not authenticated",
            "auth required",
        ])
    {
        return "auth_required";
    }
    if mentions(&[
        "not logged in",
        "must authenticate",
        "authentication is required",
    ]) {
        return "auth_required";
    }
    if mentions(&[
        "sender address rejected",
        "not owned",
        "send as",
        "sender not",
        "relaying disallowed as",
    ]) {
        return "sender_rejected";
    }
    if mentions(&[
        "relay access denied",
        "relaying denied",
        "relay not permitted",
        "unable to relay",
        "relaying not allowed",
    ]) {
        return if authenticated {
            "recipient_rejected"
        } else {
            "relay_denied"
        };
    }
    if reply.is_transient() {
        return "temp_failure";
    }
    if at_mail {
        "sender_rejected"
    } else if !authenticated && enhanced == "5.7.1" {
        "relay_denied"
    } else {
        "recipient_rejected"
    }
}

fn domain_records(facts: &Facts) -> Option<&'static str> {
    let spf = facts.domain_txt.as_ref()?;
    let dmarc = facts.dmarc_txt.as_ref()?;
    let has = |l: &Lookup<Vec<String>>, pick: fn(&[String]) -> Option<String>| match l {
        Lookup::Found(v) => Some(pick(v).is_some()),
        Lookup::Nxdomain | Lookup::NoRecords => Some(false),
        _ => None,
    };
    match (has(spf, dns::spf_of), has(dmarc, dns::dmarc_of)) {
        (Some(true), Some(true)) => Some("complete"),
        (Some(false), _) | (_, Some(false)) => Some("missing"),
        _ => Some("unknown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::reply::EnhancedCode;

    fn reply(code: u16, enh: Option<(u8, u16, u16)>, text: &str) -> Reply {
        Reply {
            code,
            enhanced: enh.map(|(class, subject, detail)| EnhancedCode {
                class,
                subject,
                detail,
            }),
            lines: vec![text.to_string()],
        }
    }

    #[test]
    fn rejections_are_sorted_by_meaning() {
        let relay = reply(
            554,
            Some((5, 7, 1)),
            "5.7.1 <bob@x.test>: Relay access denied",
        );
        assert_eq!(classify_rejection(&relay, false, false), "relay_denied");
        assert_eq!(
            classify_rejection(&relay, true, false),
            "recipient_rejected"
        );
        let sender = reply(
            553,
            Some((5, 7, 1)),
            "5.7.1 <x@y>: Sender address rejected: not owned by user alice",
        );
        assert_eq!(classify_rejection(&sender, true, false), "sender_rejected");
        let anon = reply(
            553,
            Some((5, 7, 1)),
            "5.7.1 <a@b>: Sender address rejected: not logged in",
        );
        assert_eq!(classify_rejection(&anon, false, false), "auth_required");
        let ms = reply(
            530,
            Some((5, 7, 57)),
            "5.7.57 Client not authenticated to send mail",
        );
        assert_eq!(classify_rejection(&ms, false, true), "auth_required");
        let tls = reply(
            530,
            Some((5, 7, 0)),
            "5.7.0 Must issue a STARTTLS command first",
        );
        assert_eq!(classify_rejection(&tls, false, true), "tls_required");
        let rbl = reply(
            554,
            Some((5, 7, 1)),
            "Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org",
        );
        assert_eq!(classify_rejection(&rbl, false, false), "client_blocked");
        let busy = reply(451, Some((4, 3, 0)), "4.3.0 Temporary lookup failure");
        assert_eq!(classify_rejection(&busy, true, false), "temp_failure");
    }

    fn with_provider(id: &str, reply_text: &str) -> (Input, Facts) {
        use crate::facts::{ProviderFound, ProviderVia};
        let input = Input::new("someone@example.test");
        let mut facts = Facts {
            provider: Some(Some(ProviderFound {
                id: id.into(),
                name: id.into(),
                via: ProviderVia::Mx {
                    host: "mx.example.test".into(),
                },
            })),
            done: true,
            ..Facts::default()
        };
        let mut p = PortProbe {
            port: 587,
            mode: Some(Mode::Plain),
            finished: true,
            ..PortProbe::default()
        };
        let line = reply_text.as_bytes();
        let parsed = crate::protocol::reply::parse_lines(&[line]).expect("a valid reply line");
        p.auth = Some(AuthOutcome::Rejected {
            mechanism: "PLAIN".into(),
            reply: parsed,
        });
        p.envelope = Some(EnvelopeOutcome::NotTried {
            reason: "sign-in failed".into(),
        });
        facts.ports.insert(587, p);
        (input, facts)
    }

    #[test]
    fn refused_sign_in_is_read_through_the_provider() {
        let cases = [
            ("gmail", "534 5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor", "app_password_required"),
            ("microsoft365", "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.", "smtp_auth_disabled"),
            ("microsoft365", "535 5.7.3 Authentication unsuccessful", "policy_oauth"),
            ("gmail", "535 5.7.8 Username and Password not accepted", "policy_app_password"),
            ("cpanel", "535 Incorrect authentication data", "password_wrong"),
        ];
        for (id, text, want) in cases {
            let (input, facts) = with_provider(id, text);
            assert_eq!(
                signal("auth_reply", &input, &facts),
                Some(want),
                "{id}: {text}"
            );
        }
        // Microsoft's wording is recognised on any domain, even without a provider match.
        let (input, mut facts) = with_provider(
            "gmail",
            "550 5.7.30 Basic authentication is not supported for Client Submission.",
        );
        facts.provider = Some(None);
        assert_eq!(signal("auth_reply", &input, &facts), Some("oauth_required"));
    }

    #[test]
    fn pasted_messages_steer_the_start() {
        let mut input = Input::new("me@gmail.com");
        let facts = Facts::default();
        assert_eq!(signal("pasted_error", &input, &facts), Some("none"));
        input.error_text = Some("Task 'me@gmail.com - Sending' reported error (0x800CCC78) : 'Cannot send the message. 534-5.7.9 Application-specific password required.'".into());
        assert_eq!(
            signal("pasted_error", &input, &facts),
            Some("app_password_required")
        );
        input.error_text = Some("0x80042109".into());
        assert_eq!(signal("pasted_error", &input, &facts), Some("network"));
        input.error_text = Some("something else entirely".into());
        assert_eq!(signal("pasted_error", &input, &facts), Some("unrecognised"));
    }

    #[test]
    fn unknown_until_facts_arrive() {
        let input = Input::new("a@example.test");
        let facts = Facts::default();
        for s in crate::diagnosis::signals::CATALOGUE {
            // Only signals answered from the input alone may be known without facts.
            let v = signal(s.name, &input, &facts);
            if let Some(v) = v {
                assert!(s.outcomes.contains(&v), "{} gave {v}", s.name);
                assert!(
                    [
                        "configured_port",
                        "port_mode",
                        "encryption",
                        "pasted_error",
                        "port_block"
                    ]
                    .contains(&s.name),
                    "{} known too early",
                    s.name
                );
            }
        }
    }

    fn cert_from(issuer_cn: &str, issuer_org: &str) -> crate::checks::cert::CertInfo {
        crate::checks::cert::CertInfo {
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

    fn facts_with(tls: TlsResult, public: Option<intercept::PublicChain>, finished: bool) -> Facts {
        let mut f = Facts::default();
        f.apply(crate::facts::Fact::Plan(vec![587]));
        f.apply(crate::facts::Fact::Port(Box::new(PortProbe {
            port: 587,
            tls: Some(tls),
            public_chain: public,
            finished,
            ..PortProbe::default()
        })));
        f
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
        assert_eq!(tls(&input, &untrusted), Some("intercepted"));
        let trusted = facts_with(
            TlsResult::Verified {
                cert: Some(avast.clone()),
            },
            Some(intercept::PublicChain::NotPublic {
                reason: "unknown issuer".into(),
            }),
            true,
        );
        assert_eq!(tls(&input, &trusted), Some("intercepted_trusted"));
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
            Some(intercept::PublicChain::NotPublic {
                reason: "unknown issuer".into(),
            }),
            false,
        );
        assert_eq!(tls(&input, &local), Some("intercepted_trusted"));
        let public = facts_with(verified(), Some(intercept::PublicChain::Public), false);
        assert_eq!(tls(&input, &public), Some("ok"));
    }

    #[test]
    fn the_path_probe_turns_silence_into_host_down() {
        use crate::checks::path::{Hop, PathTrace};
        use crate::checks::tcp::{Attempt, PortReach};
        let mut f = Facts::default();
        f.apply(crate::facts::Fact::Plan(vec![587]));
        f.apply(crate::facts::Fact::Port(Box::new(PortProbe {
            port: 587,
            reach: Some(PortReach {
                port: 587,
                attempts: vec![Attempt {
                    address: "203.0.113.25:587".parse().expect("address"),
                    outcome: TcpOutcome::TimedOut,
                    duration_ms: 3000,
                    error: None,
                    icmp: None,
                }],
            }),
            finished: true,
            ..PortProbe::default()
        })));
        // The trace is expected: wait for it.
        assert_eq!(path_says(&f), None);
        let hop = |ttl, from: &str, what| Hop {
            ttl,
            from: Some(from.parse().expect("address")),
            rtt_ms: Some(1),
            what,
        };
        f.apply(crate::facts::Fact::Path(PathTrace::from_hops(
            "203.0.113.25:587".parse().expect("address"),
            vec![
                hop(1, "198.51.100.129", HopResult::TimeExceeded),
                hop(
                    2,
                    "203.0.113.1",
                    HopResult::Unreachable(IcmpKind::HostUnreachable),
                ),
            ],
        )));
        assert_eq!(path_says(&f), Some(Some("host_down")));
    }
}
