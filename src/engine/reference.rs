//! Choosing the reference hosts for a run: `--reference HOST`, the provider's submission
//! server, the domain's MX host (port 25 only), then the built-in list. The hosts themselves,
//! the knock and its result are in [`crate::checks::reference`].
//!
//! The comparison starts at once, beside the server's own lookup, and waits for nothing it
//! does not need: per port, the first candidate in the order of choice whose lookup found a
//! machine other than the server is knocked on the moment that is known. A part of the order
//! that is still being found (the provider by the domain's MX, the MX host) holds only the
//! ports it could serve, and a later candidate's lookup holds nothing before its turn.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::future::Future;
use std::net::IpAddr;
use std::time::Duration;

use futures::future::{BoxFuture, FutureExt};
use futures::stream::{FuturesUnordered, StreamExt};
use tokio::sync::oneshot;

use crate::checks::dns::{Dns, Lookup, Mx};
use crate::profiles::Profile;

pub use crate::checks::reference::{knock, Candidate, RefPort, ReferenceCheck, ReferenceSource};

/// A fact the order of choice depends on, while it may still be being looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Awaited<T> {
    Waiting,
    Known(T),
}

impl<T> Awaited<Vec<T>> {
    fn as_slice(&self) -> Awaited<&[T]> {
        match self {
            Awaited::Waiting => Awaited::Waiting,
            Awaited::Known(v) => Awaited::Known(v.as_slice()),
        }
    }
}

/// One stretch of the order of choice: its candidates, or still being found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Known(Vec<Candidate>),
    /// Not known yet; it may bring candidates for these ports (`None`: for any port).
    Pending {
        ports: Option<Vec<u16>>,
    },
}

/// What to do about one port now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice<'a> {
    /// Knock on this candidate at these addresses: nothing before it in the order can.
    Knock(&'a Candidate, &'a [IpAddr]),
    /// Something before any usable candidate is not known yet.
    Wait,
    /// No candidate can serve this port.
    NoReference,
}

/// The reference candidates in order of choice; `built_in` is the catalog's list. Pure.
pub fn candidates(
    option: Option<&str>,
    provider: Option<&Profile>,
    domain: Option<&str>,
    mx: &[Mx],
    built_in: &[Candidate],
) -> Vec<Candidate> {
    parts(
        option,
        Awaited::Known(provider),
        domain,
        Awaited::Known(mx),
        built_in,
    )
    .into_iter()
    .flat_map(|part| match part {
        Part::Known(list) => list,
        Part::Pending { .. } => Vec::new(),
    })
    .collect()
}

/// The order of choice as far as it is known: the option's host with the provider's hosts
/// (a provider host named by the option too is one candidate), the MX host, the built-in
/// list. Once everything is known, its candidates are [`candidates`]. Pure.
pub fn parts(
    option: Option<&str>,
    provider: Awaited<Option<&Profile>>,
    domain: Option<&str>,
    mx: Awaited<&[Mx]>,
    built_in: &[Candidate],
) -> Vec<Part> {
    let mut first = Vec::new();
    if let Some(host) = option.map(str::trim).filter(|h| !h.is_empty()) {
        first.push(Candidate {
            host: host.to_string(),
            source: ReferenceSource::Option,
            ports: super::SUBMISSION_PORTS.to_vec(),
        });
    }
    let mut out = Vec::new();
    match provider {
        Awaited::Known(profile) => {
            if let (Some(p), Some(domain)) = (profile, domain) {
                for e in p.submission_for(domain) {
                    match first.iter_mut().find(|c| c.host == e.server) {
                        Some(c) => c.ports.push(e.port),
                        None => first.push(Candidate {
                            host: e.server,
                            source: ReferenceSource::Provider,
                            ports: vec![e.port],
                        }),
                    }
                }
            }
            out.push(Part::Known(first));
        }
        Awaited::Waiting => {
            out.push(Part::Known(first));
            out.push(Part::Pending { ports: None });
        }
    }
    out.push(match mx {
        Awaited::Known(mx) => Part::Known(
            mx.first()
                .map(|m| Candidate {
                    host: m.host.clone(),
                    source: ReferenceSource::Mx,
                    ports: vec![25],
                })
                .into_iter()
                .collect(),
        ),
        Awaited::Waiting => Part::Pending {
            ports: Some(vec![25]),
        },
    });
    out.push(Part::Known(built_in.to_vec()));
    out
}

/// Which candidate to knock on at `port`, given the lookups in so far (by host name) and the
/// server's addresses: the first one in order that lists the port and resolved to addresses
/// none of which is the server's. Final once it is not [`Choice::Wait`]. Pure.
pub fn choose<'a>(
    parts: &'a [Part],
    port: u16,
    lookups: &'a BTreeMap<String, Lookup<Vec<IpAddr>>>,
    server: Awaited<&[IpAddr]>,
) -> Choice<'a> {
    for part in parts {
        let list = match part {
            Part::Known(list) => list,
            Part::Pending { ports: None } => return Choice::Wait,
            Part::Pending { ports: Some(p) } if p.contains(&port) => return Choice::Wait,
            Part::Pending { .. } => continue,
        };
        for c in list.iter().filter(|c| c.ports.contains(&port)) {
            let Some(lookup) = lookups.get(&c.host) else {
                return Choice::Wait;
            };
            let Some(addrs) = lookup.found().filter(|a| !a.is_empty()) else {
                continue;
            };
            // Knocking on the server itself would compare it with itself.
            let Awaited::Known(server) = server else {
                return Choice::Wait;
            };
            if addrs.iter().all(|a| !server.contains(a)) {
                return Choice::Knock(c, addrs);
            }
        }
    }
    Choice::NoReference
}

/// What the comparison starts from; the provider, the MX hosts and the server's addresses
/// arrive while it runs.
pub struct Start<'a> {
    pub option: Option<&'a str>,
    pub domain: Option<&'a str>,
    pub built_in: &'a [Candidate],
    /// The ports to knock on (the server's plan).
    pub ports: &'a [u16],
    pub timeout: Duration,
}

/// Something the comparison was waiting for.
enum Event<'a> {
    Provider(Option<&'a Profile>),
    Mx(Vec<Mx>),
    Server(Option<Vec<IpAddr>>),
    Looked(String, Lookup<Vec<IpAddr>>),
    Knocked(RefPort),
}

/// Knocks on each of `start.ports` at its reference host (see [`choose`]): every lookup
/// starts at once, each knock the moment its host is chosen. `server` brings the server's
/// addresses; `None` (its sender dropped) when it has none, and then there is nothing to
/// compare with.
pub async fn compare<'a>(
    dns: &'a Dns,
    start: Start<'a>,
    provider: impl Future<Output = Option<&'a Profile>> + Send + 'a,
    mx: impl Future<Output = Vec<Mx>> + Send + 'a,
    server: oneshot::Receiver<Vec<IpAddr>>,
) -> Option<ReferenceCheck> {
    let mut events: FuturesUnordered<BoxFuture<'a, Event<'a>>> = FuturesUnordered::new();
    events.push(provider.map(Event::Provider).boxed());
    events.push(mx.map(Event::Mx).boxed());
    events.push(server.map(|r| Event::Server(r.ok())).boxed());
    let mut provider = Awaited::Waiting;
    let mut mx: Awaited<Vec<Mx>> = Awaited::Waiting;
    let mut server: Awaited<Vec<IpAddr>> = Awaited::Waiting;
    let mut undecided: BTreeSet<u16> = start.ports.iter().copied().collect();
    let mut lookups: BTreeMap<String, Lookup<Vec<IpAddr>>> = BTreeMap::new();
    let mut asked: HashSet<String> = HashSet::new();
    let (mut knocking, mut found) = (0_usize, Vec::new());
    loop {
        let order = parts(
            start.option,
            provider,
            start.domain,
            mx.as_slice(),
            start.built_in,
        );
        // Every candidate that may serve an open port is looked up at once.
        for part in &order {
            let Part::Known(list) = part else { continue };
            for c in list {
                let useful = c.ports.iter().any(|p| undecided.contains(p));
                if useful && asked.insert(c.host.clone()) {
                    let host = c.host.clone();
                    events.push(
                        async move { Event::Looked(host.clone(), dns.addresses(&host).await) }
                            .boxed(),
                    );
                }
            }
        }
        for port in undecided.clone() {
            match choose(&order, port, &lookups, server.as_slice()) {
                Choice::Wait => {}
                Choice::NoReference => {
                    undecided.remove(&port);
                }
                Choice::Knock(c, addrs) => {
                    undecided.remove(&port);
                    knocking += 1;
                    let (c, addrs, timeout) = (c.clone(), addrs.to_vec(), start.timeout);
                    events.push(
                        async move { Event::Knocked(knock(&c, &addrs, port, timeout).await) }
                            .boxed(),
                    );
                }
            }
        }
        // The fact waits for the server's addresses: without them there is nothing to compare.
        if undecided.is_empty() && knocking == 0 && server != Awaited::Waiting {
            break;
        }
        let Some(event) = events.next().await else {
            break;
        };
        match event {
            Event::Provider(p) => provider = Awaited::Known(p),
            Event::Mx(v) => mx = Awaited::Known(v),
            // The server has no address: there is no comparison to make.
            Event::Server(None) => return None,
            Event::Server(Some(v)) => server = Awaited::Known(v),
            Event::Looked(host, lookup) => {
                lookups.insert(host, lookup);
            }
            Event::Knocked(r) => {
                knocking -= 1;
                found.push(r);
            }
        }
    }
    // By port, whatever order the knocks ended in.
    found.sort_by_key(|r| r.port);
    Some(ReferenceCheck { ports: found })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_of_choice() {
        let profiles = crate::profiles::Profiles::embedded().expect("shipped profiles");
        let gmail = profiles.get("gmail");
        let mx = vec![Mx {
            preference: 10,
            host: "mx.example.org".into(),
        }];
        let built_in = crate::checks::reference::built_in();
        let list = candidates(
            Some("ref.example.net"),
            gmail,
            Some("example.org"),
            &mx,
            built_in,
        );
        assert_eq!(list[0].host, "ref.example.net");
        assert_eq!(list[0].ports, vec![587, 465, 25]);
        assert_eq!(list[1].host, "smtp.gmail.com");
        assert_eq!(list[1].source, ReferenceSource::Provider);
        let mx_pos = list.iter().position(|c| c.source == ReferenceSource::Mx);
        assert_eq!(list[mx_pos.expect("mx candidate")].ports, vec![25]);
        assert!(list
            .iter()
            .skip(3)
            .all(|c| c.source == ReferenceSource::BuiltIn));
        // Without option, provider or MX only the built-in list remains.
        assert!(candidates(None, None, None, &[], built_in)
            .iter()
            .all(|c| c.source == ReferenceSource::BuiltIn));
    }

    fn built_in(host: &str, ports: &[u16]) -> Candidate {
        Candidate {
            host: host.into(),
            source: ReferenceSource::BuiltIn,
            ports: ports.to_vec(),
        }
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("test address")
    }

    fn found(addrs: &[&str]) -> Lookup<Vec<IpAddr>> {
        Lookup::Found(addrs.iter().map(|a| ip(a)).collect())
    }

    fn knocked_host(choice: Choice<'_>) -> Option<&str> {
        match choice {
            Choice::Knock(c, _) => Some(c.host.as_str()),
            _ => None,
        }
    }

    #[test]
    fn the_option_is_knocked_on_without_waiting_for_provider_or_mx() {
        let built = [built_in("b1.example", &[587, 465, 25])];
        let order = parts(
            Some("ref.example.net"),
            Awaited::Waiting,
            Some("example.org"),
            Awaited::Waiting,
            &built,
        );
        let server = [ip("198.51.100.25")];
        // The built-in host's lookup has not come back: it holds nothing.
        let lookups = BTreeMap::from([("ref.example.net".to_string(), found(&["203.0.113.80"]))]);
        for port in [587, 465, 25] {
            let choice = choose(&order, port, &lookups, Awaited::Known(&server));
            assert_eq!(knocked_host(choice), Some("ref.example.net"), "{port}");
            if let Choice::Knock(_, addrs) = choice {
                assert_eq!(addrs, [ip("203.0.113.80")]);
            }
        }
        // Until the server's addresses are in, it might be the server itself.
        assert_eq!(
            choose(&order, 587, &lookups, Awaited::Waiting),
            Choice::Wait
        );
        // Nor does an unanswered option lookup let a later candidate jump the queue.
        let later = BTreeMap::from([("b1.example".to_string(), found(&["203.0.113.9"]))]);
        assert_eq!(
            choose(&order, 587, &later, Awaited::Known(&server)),
            Choice::Wait
        );
    }

    #[test]
    fn a_provider_found_by_the_domain_needs_no_mx_except_for_port_25() {
        let profiles = crate::profiles::Profiles::embedded().expect("shipped profiles");
        let gmail = profiles.by_domain("gmail.com");
        assert!(gmail.is_some());
        let built = [built_in("b1.example", &[587, 465, 25])];
        let order = parts(
            None,
            Awaited::Known(gmail),
            Some("gmail.com"),
            Awaited::Waiting,
            &built,
        );
        let provider_hosts: Vec<&Candidate> = order
            .iter()
            .flat_map(|p| match p {
                Part::Known(list) => list.iter().collect(),
                Part::Pending { .. } => Vec::new(),
            })
            .filter(|c| c.source == ReferenceSource::Provider)
            .collect();
        let host = provider_hosts
            .first()
            .expect("a provider host")
            .host
            .clone();
        let ports: BTreeSet<u16> = provider_hosts
            .iter()
            .flat_map(|c| c.ports.clone())
            .collect();
        // Gmail publishes submission ports only: port 25 falls to the MX host.
        assert!(!ports.contains(&25));
        let mut lookups = BTreeMap::from([(host.clone(), found(&["203.0.113.70"]))]);
        lookups.insert("b1.example".into(), found(&["203.0.113.9"]));
        let server = [ip("198.51.100.25")];
        for port in [587, 465, 25] {
            let choice = choose(&order, port, &lookups, Awaited::Known(&server));
            if ports.contains(&port) {
                assert_eq!(knocked_host(choice), Some(host.as_str()), "{port}");
            } else if port == 25 {
                // The MX host comes before the built-in list for port 25 only.
                assert_eq!(choice, Choice::Wait);
            } else {
                assert_eq!(knocked_host(choice), Some("b1.example"), "{port}");
            }
        }
    }

    #[test]
    fn a_provider_still_being_found_holds_every_port() {
        let built = [built_in("b1.example", &[587, 465, 25])];
        let order = parts(
            None,
            Awaited::Waiting,
            Some("example.org"),
            Awaited::Waiting,
            &built,
        );
        let lookups = BTreeMap::from([("b1.example".to_string(), found(&["203.0.113.9"]))]);
        let server = [ip("198.51.100.25")];
        for port in [587, 465, 25] {
            assert_eq!(
                choose(&order, port, &lookups, Awaited::Known(&server)),
                Choice::Wait
            );
        }
    }

    #[test]
    fn the_first_candidate_that_resolves_elsewhere_is_chosen_in_order() {
        let mx = [Mx {
            preference: 10,
            host: "mail.example.org".into(),
        }];
        let built = [
            built_in("gone.example", &[587, 25]),
            built_in("b2.example", &[587]),
            built_in("b3.example", &[465, 25]),
            built_in("b4.example", &[465]),
        ];
        let order = parts(
            None,
            Awaited::Known(None),
            Some("example.org"),
            Awaited::Known(&mx),
            &built,
        );
        let server = [ip("198.51.100.25")];
        let mut lookups = BTreeMap::from([
            // The MX host is the server itself: skipped.
            ("mail.example.org".to_string(), found(&["198.51.100.25"])),
            ("gone.example".to_string(), Lookup::Nxdomain),
            ("b2.example".to_string(), found(&["203.0.113.2"])),
            (
                "b3.example".to_string(),
                Lookup::ServerFailure("refused".into()),
            ),
        ]);
        let at = |port, lookups: &BTreeMap<String, Lookup<Vec<IpAddr>>>| {
            knocked_host(choose(&order, port, lookups, Awaited::Known(&server))).map(str::to_string)
        };
        assert_eq!(at(587, &lookups).as_deref(), Some("b2.example"));
        // 465: b4 has not answered yet, and nothing before it can serve.
        assert_eq!(
            choose(&order, 465, &lookups, Awaited::Known(&server)),
            Choice::Wait
        );
        // 25: every candidate failed or is the server.
        assert_eq!(
            choose(&order, 25, &lookups, Awaited::Known(&server)),
            Choice::NoReference
        );
        lookups.insert("b4.example".into(), found(&["203.0.113.4"]));
        assert_eq!(at(465, &lookups).as_deref(), Some("b4.example"));
        // A port no candidate lists has no reference.
        assert_eq!(
            choose(&order, 2525, &lookups, Awaited::Known(&server)),
            Choice::NoReference
        );
    }

    #[test]
    fn once_all_is_known_the_parts_are_the_candidates() {
        let profiles = crate::profiles::Profiles::embedded().expect("shipped profiles");
        let gmail = profiles.get("gmail");
        let mx = [Mx {
            preference: 10,
            host: "mx.example.org".into(),
        }];
        let built = crate::checks::reference::built_in();
        let order = parts(
            Some("smtp.gmail.com"),
            Awaited::Known(gmail),
            Some("example.org"),
            Awaited::Known(&mx),
            built,
        );
        assert!(order.iter().all(|p| matches!(p, Part::Known(_))));
        let list = candidates(
            Some("smtp.gmail.com"),
            gmail,
            Some("example.org"),
            &mx,
            built,
        );
        // The option naming the provider's host is one candidate with the provider's ports too.
        assert_eq!(list[0].source, ReferenceSource::Option);
        assert_eq!(
            list.iter()
                .filter(|c| c.host == "smtp.gmail.com" && c.source != ReferenceSource::BuiltIn)
                .count(),
            1
        );
    }
}
