//! Reputation: this network's public address and the mail server's addresses in the DNS
//! blocklists, and the server's reverse DNS. The lookups run beside the probes (see
//! `engine::server_reputation`); their answers are read here, never looked up again.
//!
//! The lookups never hold up a verdict that does not need them. `client_listed` is asked
//! only after the server refused this network (at the greeting, or naming a blocklist): that
//! verdict waits for its lookups (each bounded by the time-out). The server's listings and
//! reverse DNS are warnings beside "sending works" (the listing also beside a settings
//! mistake): `server_listed` and `reverse_dns` answer `unknown` while
//! their lookups are still out (they start with the probes and usually end long before the
//! session does), so a report made the moment the verdict is final carries the warnings
//! that were in by then, and the wizard adds the later ones as they come.
//!
//! The placeholders (`{blocklist.client.*}`, `{blocklist.server.*}`, `{rdns.*}`) are read only
//! by conclusions after these signals, so their facts are in once they are read.

use super::{def, outcomes, Fill, Placeholder, Signal, SignalDef};
use crate::checks::blocklist::{Listing, Status};
use crate::checks::rdns::{self, Verdict};
use crate::checks::smtp::{EnvelopeOutcome, Mode};
use crate::checks::CheckId;
use crate::diagnosis::context::Ctx;
use crate::facts::Facts;

outcomes! {
    pub enum ClientListedOutcome {
        Listed = "listed",
        Dynamic = "dynamic",
        NotListed = "not_listed",
        Unknown = "unknown",
    }
}

/// Is this network's public address on a blocklist?
pub struct ClientListed;

impl Signal for ClientListed {
    const NAME: &'static str = "client_listed";
    const MEANING: &'static str = "Is this network's public address on a DNS blocklist? `dynamic`: only on a list of home or dynamic connections (Spamhaus PBL), which is normal and not a spam listing; `unknown`: no address, or no list could be checked.";
    type Outcome = ClientListedOutcome;

    fn evaluate(cx: &Ctx) -> Option<ClientListedOutcome> {
        use ClientListedOutcome as O;
        let Some(listings) = &cx.facts.client_blocklists else {
            return cx.facts.done.then_some(O::Unknown);
        };
        Some(if listed(listings, false).is_some() {
            O::Listed
        } else if listed(listings, true).is_some() {
            O::Dynamic
        } else if listings.iter().any(|l| l.status == Status::NotListed) {
            O::NotListed
        } else {
            O::Unknown
        })
    }

    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        vec![CheckId::BlocklistClient]
    }
}

outcomes! {
    pub enum ServerListedOutcome {
        Listed = "listed",
        NotListed = "not_listed",
        Unknown = "unknown",
    }
}

/// Is one of the mail server's own addresses on a blocklist?
pub struct ServerListed;

impl Signal for ServerListed {
    const NAME: &'static str = "server_listed";
    const MEANING: &'static str = "Is one of the mail server's own addresses on a DNS blocklist (a spam listing, or a list of home connections)? `unknown`: no address, or no list could be checked.";
    type Outcome = ServerListedOutcome;

    fn evaluate(cx: &Ctx) -> Option<ServerListedOutcome> {
        use ServerListedOutcome as O;
        let Some(listings) = &cx.facts.server_blocklists else {
            return still_out(cx.facts).then_some(O::Unknown);
        };
        Some(if server_listing(listings).is_some() {
            O::Listed
        } else if listings.iter().any(|l| l.status == Status::NotListed) {
            O::NotListed
        } else {
            O::Unknown
        })
    }

    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        vec![CheckId::BlocklistServer]
    }
}

outcomes! {
    pub enum ReverseDnsOutcome {
        Matches = "matches",
        Mismatch = "mismatch",
        Unknown = "unknown",
    }
}

/// Does the server's address lead back to its name?
pub struct ReverseDns;

impl Signal for ReverseDns {
    const NAME: &'static str = "reverse_dns";
    const MEANING: &'static str = "Does every address of the mail server have a reverse DNS name (PTR) that leads back to it (forward-confirmed) and is the name the server greets with? `mismatch`: missing, unconfirmed or another name.";
    type Outcome = ReverseDnsOutcome;

    fn evaluate(cx: &Ctx) -> Option<ReverseDnsOutcome> {
        use ReverseDnsOutcome as O;
        let facts = cx.facts;
        let Some(found) = &facts.reverse_dns else {
            return still_out(facts).then_some(O::Unknown);
        };
        // The greeting name comes with the first port's EHLO; judge without it only once
        // no port can bring it any more.
        if facts.greeting_name().is_none() && !crate::diagnosis::settled::ports_final(facts) {
            return Some(O::Unknown);
        }
        Some(match rdns::judge(found, facts.greeting_name()) {
            Verdict::Matches => O::Matches,
            Verdict::Mismatch { .. } => O::Mismatch,
            Verdict::Unknown => O::Unknown,
        })
    }

    fn evidence(_cx: &Ctx) -> Vec<CheckId> {
        vec![CheckId::ServerPtr]
    }
}

/// This family's signals, for the registry.
pub const SIGNALS: &[SignalDef] = &[
    def::<ClientListed>(),
    def::<ServerListed>(),
    def::<ReverseDns>(),
];

/// The server's lookups are not in: answer `unknown` rather than wait, once there is a
/// server to speak of (see the module's notes).
fn still_out(facts: &Facts) -> bool {
    facts.done || facts.target.is_some()
}

/// The first listing of the kind asked (a spam listing, or a home-connection one).
fn listed(listings: &[Listing], dynamic_wanted: bool) -> Option<&Listing> {
    listings
        .iter()
        .find(|l| matches!(l.status, Status::Listed { dynamic, .. } if dynamic == dynamic_wanted))
}

/// The server's listing to report: a spam listing first, else a home-connection one.
fn server_listing(listings: &[Listing]) -> Option<&Listing> {
    listed(listings, false).or_else(|| listed(listings, true))
}

/// The client's listing to report: the list the server named in its refusal (of the
/// envelope, or at the greeting) when a lookup confirms it, else the first spam listing,
/// else a home-connection one.
fn client_listing(facts: &Facts) -> Option<&Listing> {
    let listings = facts.client_blocklists.as_deref()?;
    let refusals: Vec<String> = facts
        .ports
        .values()
        .flat_map(|p| {
            let envelope = match &p.envelope {
                Some(
                    EnvelopeOutcome::MailRejected { reply }
                    | EnvelopeOutcome::RcptRejected { reply },
                ) => Some(reply),
                _ => None,
            };
            let greeting = p
                .greeting
                .as_ref()
                .filter(|_| p.mode == Some(Mode::RefusedGreeting));
            envelope.into_iter().chain(greeting)
        })
        .map(|reply| reply.text().to_ascii_lowercase())
        .collect();
    let named = listings.iter().find(|l| {
        matches!(l.status, Status::Listed { .. }) && refusals.iter().any(|r| r.contains(&l.zone))
    });
    named
        .or_else(|| listed(listings, false))
        .or_else(|| listed(listings, true))
}

/// A field of a listing, for the placeholders.
fn field(l: &Listing, name: &str) -> Option<String> {
    let Status::Listed { code, meaning, .. } = &l.status else {
        return None;
    };
    Some(match name {
        "list" => l.list.clone(),
        "ip" => l.address.to_string(),
        "code" => code.to_string(),
        "meaning" => meaning.clone(),
        "delist" => l.delist.clone(),
        _ => return None,
    })
}

fn client(f: &Fill, name: &str) -> Option<String> {
    field(client_listing(f.cx.facts)?, name)
}

fn server(f: &Fill, name: &str) -> Option<String> {
    field(
        server_listing(f.cx.facts.server_blocklists.as_deref()?)?,
        name,
    )
}

fn rdns_mismatch(f: &Fill) -> Option<(std::net::IpAddr, String)> {
    let facts = f.cx.facts;
    match rdns::judge(facts.reverse_dns.as_deref()?, facts.greeting_name()) {
        Verdict::Mismatch { address, problem } => Some((address, problem)),
        _ => None,
    }
}

/// The blocklist and reverse-DNS values a conclusion may name.
pub const PLACEHOLDERS: &[Placeholder] = &[
    Placeholder {
        name: "blocklist.client.list",
        value: |f| client(f, "list"),
    },
    Placeholder {
        name: "blocklist.client.ip",
        value: |f| client(f, "ip"),
    },
    Placeholder {
        name: "blocklist.client.code",
        value: |f| client(f, "code"),
    },
    Placeholder {
        name: "blocklist.client.meaning",
        value: |f| client(f, "meaning"),
    },
    Placeholder {
        name: "blocklist.client.delist",
        value: |f| client(f, "delist"),
    },
    Placeholder {
        name: "blocklist.server.list",
        value: |f| server(f, "list"),
    },
    Placeholder {
        name: "blocklist.server.ip",
        value: |f| server(f, "ip"),
    },
    Placeholder {
        name: "blocklist.server.code",
        value: |f| server(f, "code"),
    },
    Placeholder {
        name: "blocklist.server.meaning",
        value: |f| server(f, "meaning"),
    },
    Placeholder {
        name: "blocklist.server.delist",
        value: |f| server(f, "delist"),
    },
    Placeholder {
        name: "rdns.problem",
        value: |f| rdns_mismatch(f).map(|(_, p)| p),
    },
    Placeholder {
        name: "rdns.address",
        value: |f| rdns_mismatch(f).map(|(a, _)| a.to_string()),
    },
    Placeholder {
        name: "rdns.greeting",
        value: |f| f.cx.facts.greeting_name().map(str::to_string),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::blocklist::Listing;
    use crate::diagnosis::signals::Signal;

    fn listing(zone: &str, status: Status) -> Listing {
        Listing {
            list: zone.to_uppercase(),
            zone: zone.into(),
            address: "203.0.113.7".parse().unwrap(),
            delist: "https://delist.test/".into(),
            status,
        }
    }

    fn listed_on(zone: &str, dynamic: bool) -> Listing {
        listing(
            zone,
            Status::Listed {
                code: "127.0.0.2".parse().unwrap(),
                meaning: "m".into(),
                dynamic,
            },
        )
    }

    fn client(listings: Option<Vec<Listing>>, done: bool) -> Option<ClientListedOutcome> {
        let catalog = crate::catalog::Catalog::embedded().unwrap();
        let input = crate::settings::Input::new("a@example.test");
        let facts = Facts {
            client_blocklists: listings,
            done,
            ..Facts::default()
        };
        ClientListed::evaluate(&Ctx::new(&catalog, &input, &facts))
    }

    #[test]
    fn client_outcomes() {
        use ClientListedOutcome as O;
        assert_eq!(client(None, false), None);
        assert_eq!(client(None, true), Some(O::Unknown));
        assert_eq!(client(Some(vec![]), false), Some(O::Unknown));
        let clean = listing("a.test", Status::NotListed);
        assert_eq!(client(Some(vec![clean.clone()]), false), Some(O::NotListed));
        let pbl = listed_on("pbl.test", true);
        assert_eq!(
            client(Some(vec![clean.clone(), pbl.clone()]), false),
            Some(O::Dynamic)
        );
        assert_eq!(
            client(Some(vec![pbl, listed_on("sbl.test", false)]), false),
            Some(O::Listed)
        );
        let refused = listing(
            "zen.test",
            Status::NotChecked {
                code: None,
                why: "w".into(),
            },
        );
        assert_eq!(client(Some(vec![refused]), false), Some(O::Unknown));
    }

    #[test]
    fn the_list_the_server_named_is_the_one_reported() {
        let mut facts = Facts {
            client_blocklists: Some(vec![
                listed_on("first.test", false),
                listed_on("bl.lab.test", false),
            ]),
            ..Facts::default()
        };
        assert_eq!(client_listing(&facts).unwrap().zone, "first.test");
        let reply = crate::protocol::reply::Reply {
            code: 554,
            enhanced: None,
            lines: vec![
                "5.7.1 Service unavailable; Client host [203.0.113.7] blocked using bl.lab.test"
                    .into(),
            ],
        };
        let probe = crate::checks::smtp::PortProbe {
            port: 587,
            envelope: Some(EnvelopeOutcome::RcptRejected { reply }),
            ..Default::default()
        };
        facts.ports.insert(587, probe);
        assert_eq!(client_listing(&facts).unwrap().zone, "bl.lab.test");
    }

    #[test]
    fn a_refusal_at_the_greeting_names_the_list_too() {
        let mut facts = Facts {
            client_blocklists: Some(vec![
                listed_on("first.test", false),
                listed_on("bl.lab.test", false),
            ]),
            ..Facts::default()
        };
        let greeting = crate::protocol::reply::Reply {
            code: 554,
            enhanced: None,
            lines: vec![
                "5.7.1 Service unavailable; Client host [203.0.113.7] blocked using bl.lab.test"
                    .into(),
            ],
        };
        let probe = crate::checks::smtp::PortProbe {
            port: 587,
            mode: Some(Mode::RefusedGreeting),
            greeting: Some(greeting),
            ..Default::default()
        };
        facts.ports.insert(587, probe);
        assert_eq!(client_listing(&facts).unwrap().zone, "bl.lab.test");
    }

    /// Recorded in the netlab: Postfix refused this network in its greeting
    /// (`smtpd_delay_reject = no`); the report names the list and its code.
    #[test]
    fn a_recorded_refusal_at_the_greeting_names_the_list_and_code() {
        let r = crate::recording::Recording::from_toml(include_str!(
            "../../../tests/scenarios/netlab_blocklist_client_refused_at_the_greeting.toml"
        ))
        .unwrap();
        let (input, _) = r.input.to_input();
        let catalog = crate::catalog::Catalog::embedded().unwrap();
        let d = crate::diagnosis::diagnose(
            &catalog,
            &input,
            &r.facts,
            crate::tree::QuestionMode::UseDefaults,
        );
        let c = &d.causes[0];
        assert_eq!(c.code, "reputation.client_ip_listed");
        assert!(c.title.contains("Lab BL"), "{}", c.title);
        for want in ["203.0.113.7", "127.0.0.2", "blocked using bl.netlab.test"] {
            assert!(c.explanation.contains(want), "{want}: {}", c.explanation);
        }
    }
}
