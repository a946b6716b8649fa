//! This computer's network and the way to the server: is there a network at all, does only
//! DNS fail, which ports get through, and where silence comes from (a reference host on the
//! same ports separates this network's blocks from the server's; ICMP and the path trace tell
//! a firewall from a host that is gone).

use std::borrow::Cow;

use super::{def, outcomes, Fill, Placeholder, Signal, SignalDef};
use crate::checks::dns::Lookup;
use crate::checks::dns_service::{self, DnsService};
use crate::checks::icmp::IcmpKind;
use crate::checks::path::HopResult;
use crate::checks::reference::ReferenceCheck;
use crate::checks::tcp::{DualStack, Family, TcpOutcome};
use crate::checks::CheckId;
use crate::diagnosis::context::Ctx;
use crate::facts::Facts;

outcomes! {
    pub enum LocalNetworkOutcome {
        Online = "online",
        Offline = "offline",
    }
}

/// Is there a network at all? Known at once from the kernel's routing table.
pub struct LocalNetwork;

impl Signal for LocalNetwork {
    const NAME: &'static str = "local_network";
    const MEANING: &'static str = "Does this computer have a route to the internet at all (no interface or route: offline)? Known at once.";
    type Outcome = LocalNetworkOutcome;

    fn evaluate(cx: &Ctx) -> Option<LocalNetworkOutcome> {
        match cx.facts.route {
            Some(r) if !r.any() => Some(LocalNetworkOutcome::Offline),
            Some(_) => Some(LocalNetworkOutcome::Online),
            // Never measured (a run that ended early): do not block the walk on it.
            None if cx.facts.done => Some(LocalNetworkOutcome::Online),
            None => None,
        }
    }
}

outcomes! {
    pub enum DnsFailureOutcome {
        DnsDown = "dns_down",
        Offline = "offline",
        DnsRefused = "dns_refused",
    }
}

/// The server's name could not be looked up: is DNS down, or the whole network?
pub struct DnsFailure;

impl Signal for DnsFailure {
    const NAME: &'static str = "dns_failure";
    const MEANING: &'static str = "The server's name could not be looked up: does anything else answer (the public-address lookup, the resolver's machine)? Then only DNS is down. `dns_refused`: no DNS service answered, and a resolver's machine itself said so (ICMP port unreachable on UDP 53, or a TCP reset on 53): the service is stopped or refuses, confirmed; `dns_down`: silence from the DNS service while something else answers.";
    type Outcome = DnsFailureOutcome;

    fn evaluate(cx: &Ctx) -> Option<DnsFailureOutcome> {
        let facts = cx.facts;
        if facts.route.is_some_and(|r| !r.any()) {
            return Some(DnsFailureOutcome::Offline);
        }
        if dns_service(facts)? == Some(DnsService::Refuses) {
            return Some(DnsFailureOutcome::DnsRefused);
        }
        Some(if something_answered(facts)? {
            DnsFailureOutcome::DnsDown
        } else {
            DnsFailureOutcome::Offline
        })
    }
}

outcomes! {
    pub enum UnreachableWhyOutcome {
        Offline = "offline",
        BlockedHere = "blocked_here",
        RefusedByServer = "refused_by_server",
        AdminProhibited = "admin_prohibited",
        HostDown = "host_down",
        SilentServer = "silent_server",
        SilentNoReference = "silent_no_reference",
    }
}

/// No port of the server answered: where is the problem?
pub struct UnreachableWhy;

impl Signal for UnreachableWhy {
    const NAME: &'static str = "unreachable_why";
    const MEANING: &'static str = "No port of the server answered. Compared with the same ports at a reference host: nothing answers anywhere (offline); the reference fails too (this network blocks the ports); the reference answers and the server refuses, rejects by ICMP (administratively prohibited), is unreachable (ICMP host unreachable) or is silent; no reference could be reached and the server is silent.";
    type Outcome = UnreachableWhyOutcome;

    fn evaluate(cx: &Ctx) -> Option<UnreachableWhyOutcome> {
        use UnreachableWhyOutcome as O;
        let facts = cx.facts;
        if facts.route.is_some_and(|r| !r.any()) {
            return Some(O::Offline);
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
                O::BlockedHere
            } else {
                O::Offline
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
            O::AdminProhibited
        } else if !judged.is_empty() && judged.iter().all(|o| *o == TcpOutcome::Refused) {
            O::RefusedByServer
        } else if any(TcpOutcome::HostUnreachable) || any(TcpOutcome::NetworkUnreachable) {
            O::HostDown
        } else if let Some(said) = path_says(facts)? {
            said
        } else if through.is_empty() {
            O::SilentNoReference
        } else {
            O::SilentServer
        })
    }
}

outcomes! {
    pub enum PortBlockOutcome {
        BlockedHere = "blocked_here",
        ServerSide = "server_side",
        Unknown = "unknown",
    }
}

/// The configured port does not answer: does this network block it (the reference does
/// not answer there either), or does the server not use it?
pub struct PortBlock;

impl Signal for PortBlock {
    const NAME: &'static str = "port_block";
    const MEANING: &'static str = "The configured port does not answer: does it fail at the reference host too (this network blocks it), or does it get through there (the server does not use it)?";
    type Outcome = PortBlockOutcome;

    fn evaluate(cx: &Ctx) -> Option<PortBlockOutcome> {
        let Some(port) = cx.input.port else {
            return Some(PortBlockOutcome::Unknown);
        };
        let reference = reference(cx.facts)?;
        Some(match reference.port(port) {
            Some(r) if r.got_through() => PortBlockOutcome::ServerSide,
            Some(_) => PortBlockOutcome::BlockedHere,
            None => PortBlockOutcome::Unknown,
        })
    }
}

outcomes! {
    pub enum ReachabilityOutcome {
        SomeOpen = "some_open",
        AllRefused = "all_refused",
        AllSilent = "all_silent",
        Unreachable = "unreachable",
        Mixed = "mixed",
    }
}

/// TCP over all tested ports.
pub struct Reachability;

impl Signal for Reachability {
    const NAME: &'static str = "reachability";
    const MEANING: &'static str = "TCP over all tested ports: any open; all refused; all timed out; ICMP unreachable on all; none open, mixed failures.";
    type Outcome = ReachabilityOutcome;

    fn evaluate(cx: &Ctx) -> Option<ReachabilityOutcome> {
        use ReachabilityOutcome as O;
        let facts = cx.facts;
        let plan = facts.plan.as_ref()?;
        let outcomes: Vec<Option<TcpOutcome>> = plan
            .iter()
            .map(|p| {
                facts
                    .port(*p)
                    .and_then(|pp| pp.reach.as_ref())
                    .map(crate::checks::tcp::PortReach::outcome)
            })
            .collect();
        // One open port settles it at once.
        if outcomes.contains(&Some(TcpOutcome::Open)) {
            return Some(O::SomeOpen);
        }
        let known: Vec<TcpOutcome> = outcomes.iter().copied().collect::<Option<_>>()?;
        let all = |f: fn(&TcpOutcome) -> bool| known.iter().all(f);
        Some(if all(|o| *o == TcpOutcome::Refused) {
            O::AllRefused
        } else if all(|o| *o == TcpOutcome::TimedOut) {
            O::AllSilent
        } else if all(|o| {
            matches!(
                o,
                TcpOutcome::HostUnreachable
                    | TcpOutcome::NetworkUnreachable
                    | TcpOutcome::AdminProhibited
            )
        }) {
            O::Unreachable
        } else {
            O::Mixed
        })
    }

    fn evidence(cx: &Ctx) -> Vec<CheckId> {
        let plan = cx.facts.plan.as_deref().unwrap_or_default();
        plan.iter().map(|p| CheckId::Tcp(*p)).collect()
    }
}

outcomes! {
    pub enum ConfiguredPortOutcome {
        Open = "open",
        Closed = "closed",
        NotConfigured = "not_configured",
    }
}

/// Does the configured port accept a TCP connection?
pub struct ConfiguredPort;

impl Signal for ConfiguredPort {
    const NAME: &'static str = "configured_port";
    const MEANING: &'static str = "Does the configured port accept a TCP connection?";
    type Outcome = ConfiguredPortOutcome;

    fn evaluate(cx: &Ctx) -> Option<ConfiguredPortOutcome> {
        let Some(port) = cx.input.port else {
            return Some(ConfiguredPortOutcome::NotConfigured);
        };
        let reach = cx.facts.port(port)?.reach.as_ref()?;
        Some(if reach.outcome() == TcpOutcome::Open {
            ConfiguredPortOutcome::Open
        } else {
            ConfiguredPortOutcome::Closed
        })
    }

    fn evidence(cx: &Ctx) -> Vec<CheckId> {
        cx.input.port.map(CheckId::Tcp).into_iter().collect()
    }
}

/// The reference comparison, or an empty one once the run is over without it (the
/// server's name never resolved, or the run was cut short).
fn reference(facts: &Facts) -> Option<Cow<'_, ReferenceCheck>> {
    match &facts.reference {
        Some(r) => Some(Cow::Borrowed(r)),
        None if facts.done => Some(Cow::Owned(ReferenceCheck::default())),
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
    let through = facts
        .reference
        .as_ref()
        .map(crate::checks::reference::ReferenceCheck::any_through);
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

/// What the resolvers' machines and services said (UDP probe and TCP knock on 53). `None`
/// while either is under way; `Some(None)` when a run (or a recording) has no UDP probe.
// Two levels on purpose: "still probing" differs from "never probed".
#[allow(clippy::option_option)]
fn dns_service(facts: &Facts) -> Option<Option<DnsService>> {
    match (&facts.dns_service, &facts.resolvers) {
        (Some(udp), Some(tcp)) => Some(Some(dns_service::judge(udp, tcp))),
        (Some(udp), None) if facts.done => Some(Some(dns_service::judge(udp, &[]))),
        (None, _) if facts.done => Some(None),
        _ => None,
    }
}

/// What the path trace adds to silence on the server's ports: a router's "host unreachable"
/// (the host is gone from its network) or a firewall's "prohibited" that came only to the
/// trace. `None` while a trace is under way; `Some(None)` when it says nothing more.
// Two levels on purpose: "trace still running" differs from "trace done, nothing more".
#[allow(clippy::option_option)]
fn path_says(facts: &Facts) -> Option<Option<UnreachableWhyOutcome>> {
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
            Some(UnreachableWhyOutcome::HostDown)
        }
        Some(HopResult::Unreachable(IcmpKind::AdminProhibited)) => {
            Some(UnreachableWhyOutcome::AdminProhibited)
        }
        _ => None,
    })
}

outcomes! {
    pub enum Ipv6PathOutcome {
        NotDualStack = "not_dual_stack",
        Ipv6Works = "ipv6_works",
        Ipv6Broken = "ipv6_broken",
        Inconclusive = "inconclusive",
    }
}

/// The server has addresses of both families and this computer a route of both: does IPv6
/// get through where IPv4 does?
pub struct Ipv6Path;

impl Signal for Ipv6Path {
    const NAME: &'static str = "ipv6_path";
    const MEANING: &'static str = "The server has IPv6 and IPv4 addresses and this computer an IPv6 route (else not_dual_stack): IPv6 connects on some port (ipv6_works); IPv4 connects but IPv6 meets silence or an ICMP unreachable on every such port (ipv6_broken: programs that prefer IPv6 wait or fail); anything else, such as IPv6 refused or both failing (inconclusive).";
    type Outcome = Ipv6PathOutcome;

    fn evaluate(cx: &Ctx) -> Option<Ipv6PathOutcome> {
        let facts = cx.facts;
        let route = match facts.route {
            Some(r) => r,
            None if facts.done => return Some(Ipv6PathOutcome::NotDualStack),
            None => return None,
        };
        if !route.ipv6 {
            return Some(Ipv6PathOutcome::NotDualStack);
        }
        let plan = facts.plan.as_ref()?;
        let known: Vec<Option<DualStack>> = plan
            .iter()
            .map(|p| Some(facts.port(*p)?.reach.as_ref()?.dual_stack()))
            .collect();
        // One port where IPv6 connects settles it at once.
        if known
            .iter()
            .flatten()
            .any(|d| matches!(d, DualStack::BothOpen | DualStack::Ipv4Fails(_)))
        {
            return Some(Ipv6PathOutcome::Ipv6Works);
        }
        let ports: Vec<DualStack> = if facts.done {
            known.into_iter().flatten().collect()
        } else {
            known.into_iter().collect::<Option<_>>()?
        };
        Some(ipv6_path_of(&ports))
    }

    fn evidence(cx: &Ctx) -> Vec<CheckId> {
        let plan = cx.facts.plan.as_deref().unwrap_or_default();
        plan.iter().map(|p| CheckId::Tcp(*p)).collect()
    }
}

/// The IPv6 path over every port's two families (no port where IPv6 connected).
fn ipv6_path_of(ports: &[DualStack]) -> Ipv6PathOutcome {
    if ports.iter().all(|d| *d == DualStack::SingleFamily) {
        return Ipv6PathOutcome::NotDualStack;
    }
    let lost = |o: TcpOutcome| {
        matches!(
            o,
            TcpOutcome::TimedOut
                | TcpOutcome::HostUnreachable
                | TcpOutcome::NetworkUnreachable
                | TcpOutcome::AdminProhibited
        )
    };
    let v4_open: Vec<&DualStack> = ports
        .iter()
        .filter(|d| matches!(d, DualStack::Ipv6Fails(_)))
        .collect();
    if !v4_open.is_empty()
        && v4_open
            .iter()
            .all(|d| matches!(d, DualStack::Ipv6Fails(o) if lost(*o)))
    {
        Ipv6PathOutcome::Ipv6Broken
    } else {
        Ipv6PathOutcome::Inconclusive
    }
}

/// This family's signals, for the registry.
pub const SIGNALS: &[SignalDef] = &[
    def::<LocalNetwork>(),
    def::<DnsFailure>(),
    def::<UnreachableWhy>(),
    def::<PortBlock>(),
    def::<Reachability>(),
    def::<ConfiguredPort>(),
    def::<Ipv6Path>(),
];

/// `{public_ip}`, `{reference}` (the reference hosts used), `{blocked_ports}` (the ports
/// that failed at the reference too) and `{dns.refusing}` (resolvers whose service refused).
pub const PLACEHOLDERS: &[Placeholder] = &[
    Placeholder {
        name: "public_ip",
        value: |f| f.cx.facts.public_ip().map(|ip| ip.to_string()),
    },
    Placeholder {
        name: "reference",
        value: reference_hosts,
    },
    Placeholder {
        name: "blocked_ports",
        value: blocked_ports,
    },
    Placeholder {
        name: "dns.refusing",
        value: refusing_resolvers,
    },
    Placeholder {
        name: "ipv6.address",
        value: |f| family_seen(f, Family::Ipv6).map(|r| r.address.ip().to_string()),
    },
    Placeholder {
        name: "ipv6.result",
        value: |f| family_seen(f, Family::Ipv6).map(|r| r.describe()),
    },
    Placeholder {
        name: "ipv4.address",
        value: |f| family_seen(f, Family::Ipv4).map(|r| r.address.ip().to_string()),
    },
];

/// `{dns.refusing}`: the resolvers whose machines answered for a service that did not.
fn refusing_resolvers(f: &Fill) -> Option<String> {
    let facts = f.cx.facts;
    let tcp = facts.resolvers.as_deref().unwrap_or_default();
    let found = dns_service::refusing(facts.dns_service.as_deref().unwrap_or_default(), tcp);
    (!found.is_empty()).then(|| {
        found
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// A family's result on the first planned port where both families were tried.
fn family_seen(f: &Fill, family: Family) -> Option<crate::checks::tcp::FamilyReach> {
    let facts = f.cx.facts;
    facts
        .plan
        .as_ref()?
        .iter()
        .filter_map(|p| facts.port(*p)?.reach.as_ref())
        .find(|r| r.dual_stack() != DualStack::SingleFamily)?
        .family(family)
}

fn reference_hosts(f: &Fill) -> Option<String> {
    let r = f.cx.facts.reference.as_ref()?;
    let mut hosts: Vec<&str> = r.ports.iter().map(|p| p.host.as_str()).collect();
    hosts.dedup();
    (!hosts.is_empty()).then(|| hosts.join(", "))
}

fn blocked_ports(f: &Fill) -> Option<String> {
    let r = f.cx.facts.reference.as_ref()?;
    let blocked: Vec<String> = r
        .ports
        .iter()
        .filter(|p| !p.got_through())
        .map(|p| p.port.to_string())
        .collect();
    (!blocked.is_empty()).then(|| blocked.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::path::{Hop, PathTrace};
    use crate::checks::smtp::PortProbe;
    use crate::checks::tcp::{Attempt, PortReach};

    #[test]
    fn ipv6_path_over_the_ports() {
        use DualStack::{BothFail, Ipv6Fails, SingleFamily};
        use Ipv6PathOutcome as O;
        assert_eq!(ipv6_path_of(&[SingleFamily, SingleFamily]), O::NotDualStack);
        assert_eq!(ipv6_path_of(&[]), O::NotDualStack);
        assert_eq!(
            ipv6_path_of(&[
                Ipv6Fails(TcpOutcome::TimedOut),
                Ipv6Fails(TcpOutcome::HostUnreachable),
                BothFail
            ]),
            O::Ipv6Broken
        );
        // A reset over IPv6 is quick: programs fall back to IPv4 at once.
        assert_eq!(
            ipv6_path_of(&[Ipv6Fails(TcpOutcome::Refused)]),
            O::Inconclusive
        );
        assert_eq!(
            ipv6_path_of(&[
                Ipv6Fails(TcpOutcome::TimedOut),
                Ipv6Fails(TcpOutcome::Refused)
            ]),
            O::Inconclusive
        );
        // Nothing connects over IPv4 either: the other signals explain that.
        assert_eq!(ipv6_path_of(&[BothFail, BothFail]), O::Inconclusive);
    }

    #[test]
    fn the_path_probe_turns_silence_into_host_down() {
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
        assert_eq!(path_says(&f), Some(Some(UnreachableWhyOutcome::HostDown)));
    }

    fn dns_failure_with(
        udp: crate::checks::dns_service::DnsServiceOutcome,
        tcp: TcpOutcome,
        whoami_answers: bool,
    ) -> Facts {
        use crate::checks::dns_service::DnsServiceProbe;
        use crate::facts::Fact;
        let resolver: std::net::SocketAddr = "203.0.113.53:53".parse().expect("address");
        let mut f = Facts::default();
        f.apply(Fact::Route(crate::checks::network::RouteCheck {
            ipv4: true,
            ipv6: false,
        }));
        f.apply(Fact::ServerDns(Lookup::Timeout));
        f.apply(Fact::Resolvers(vec![PortReach {
            port: 53,
            attempts: vec![Attempt {
                address: resolver,
                outcome: tcp,
                duration_ms: 1,
                error: None,
                icmp: None,
            }],
        }]));
        f.apply(Fact::DnsService(vec![DnsServiceProbe {
            server: resolver,
            outcome: udp,
            duration_ms: 1,
            error: None,
        }]));
        f.apply(Fact::PublicIpLookup(crate::checks::whoami::WhoAmI {
            lookup: if whoami_answers {
                Lookup::Found(vec!["203.0.113.7".parse().expect("ip")])
            } else {
                Lookup::Timeout
            },
            method: None,
        }));
        f
    }

    fn dns_failure(f: &Facts) -> Option<DnsFailureOutcome> {
        let catalog = crate::catalog::Catalog::embedded().expect("embedded catalog");
        let input = crate::settings::Input::new("alice@example.test");
        DnsFailure::evaluate(&Ctx::new(&catalog, &input, f))
    }

    #[test]
    fn a_refusing_dns_service_is_told_from_silence_and_a_dead_line() {
        use crate::checks::dns_service::DnsServiceOutcome as U;
        use DnsFailureOutcome as O;
        let refused = dns_failure_with(U::PortUnreachable, TcpOutcome::Refused, true);
        assert_eq!(dns_failure(&refused), Some(O::DnsRefused));
        // The machine refuses even when the who-am-I lookup got nothing either.
        let refused_alone = dns_failure_with(U::PortUnreachable, TcpOutcome::TimedOut, false);
        assert_eq!(dns_failure(&refused_alone), Some(O::DnsRefused));
        let silent = dns_failure_with(U::Silent, TcpOutcome::TimedOut, true);
        assert_eq!(dns_failure(&silent), Some(O::DnsDown));
        let dead_line = dns_failure_with(U::Silent, TcpOutcome::TimedOut, false);
        assert_eq!(dns_failure(&dead_line), Some(O::Offline));
        // A service that answers leaves the old judgement to the rest.
        let answers = dns_failure_with(U::Answered, TcpOutcome::Refused, false);
        assert_eq!(dns_failure(&answers), Some(O::DnsDown));
        // Waits for the UDP probe while the run goes on; a recording without it does not.
        let mut pending = dns_failure_with(U::Silent, TcpOutcome::TimedOut, true);
        pending.dns_service = None;
        assert_eq!(dns_failure(&pending), None);
        pending.done = true;
        assert_eq!(dns_failure(&pending), Some(O::DnsDown));
    }
}
