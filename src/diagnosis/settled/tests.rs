//! Settledness over recorded facts with parts taken away: what a run would hold while some
//! checks still run.

use super::*;
use crate::catalog::Catalog;
use crate::diagnosis::{diagnose, Verdict};
use crate::recording::Recording;
use crate::tree::QuestionMode;

const WORKING: &str =
    include_str!("../../../tests/scenarios/netlab_working_account_through_the_isp_router.toml");
const SERVER_DROPS: &str = include_str!(
    "../../../tests/scenarios/netlab_server_firewall_drops_this_network_silently.toml"
);

fn recorded(text: &str) -> (Input, Facts) {
    let r = Recording::from_toml(text).expect("a recording");
    let (input, _) = r.input.to_input();
    (input, r.facts)
}

fn needs(input: &Input, facts: &Facts) -> (Diagnosis, Vec<Need>) {
    let catalog = Catalog::embedded().expect("embedded catalog");
    let d = diagnose(&catalog, input, facts, QuestionMode::UseDefaults);
    let n = waiting_for(&catalog, input, facts, &d);
    (d, n)
}

/// The run as it stood before its end: not done, and without the facts `strip` removes.
fn before_the_end(text: &str, strip: impl FnOnce(&mut Facts)) -> (Input, Facts) {
    let (input, mut facts) = recorded(text);
    facts.done = false;
    strip(&mut facts);
    (input, facts)
}

fn unfinish(facts: &mut Facts, port: u16) {
    let p = facts.ports.get_mut(&port).expect("a recorded port");
    *p = crate::checks::smtp::PortProbe {
        port,
        ..Default::default()
    };
}

#[test]
fn a_finished_run_is_settled() {
    for text in [WORKING, SERVER_DROPS] {
        let (input, facts) = recorded(text);
        assert!(facts.done);
        assert_eq!(needs(&input, &facts).1, Vec::<Need>::new());
    }
}

#[test]
fn a_working_account_does_not_wait_for_the_side_checks() {
    let (input, facts) = before_the_end(WORKING, |f| {
        f.public_ip_lookup = None;
        f.reference = None;
        f.resolvers = None;
        f.path = None;
        unfinish(f, 465);
        unfinish(f, 25);
        // The domain's SPF, DMARC and DKIM (recorded after this run was) come with the
        // server's addresses, long before the session ends; the warnings after "sending
        // works" are read from them.
        f.domain_auth = Some(domain_auth());
    });
    let (d, waiting) = needs(&input, &facts);
    assert_eq!(d.verdict, Verdict::Ok);
    assert_eq!(waiting, Vec::<Need>::new());
    let r = d.recommended.expect("a recommendation");
    assert_eq!((r.port, r.security), (587, Security::Starttls));
    // What was left is what the report will call "not needed".
    let pending = facts.pending_checks();
    for id in [
        crate::checks::CheckId::PublicIp,
        crate::checks::CheckId::Resolver,
        crate::checks::CheckId::Reference(587),
        crate::checks::CheckId::Tcp(465),
        crate::checks::CheckId::Tcp(25),
    ] {
        assert!(pending.contains(&id), "{id} {pending:?}");
    }
}

#[test]
fn the_walk_waits_for_the_session_port() {
    let (input, facts) = before_the_end(WORKING, |f| unfinish(f, 587));
    let (d, waiting) = needs(&input, &facts);
    assert_eq!(d.progress == Progress::Done, waiting.is_empty());
    assert!(!waiting.is_empty(), "{:?}", d.progress);
}

#[test]
fn a_better_port_still_running_holds_the_recommendation() {
    // The configured port is 587; had 465 alone worked, 587 still running could replace it.
    let (input, mut facts) = before_the_end(WORKING, |_| {});
    let cx_input = input.clone();
    let p587 = facts.ports.get(&587).cloned().expect("587");
    unfinish(&mut facts, 587);
    let catalog = Catalog::embedded().expect("embedded catalog");
    {
        let cx = Ctx::new(&catalog, &cx_input, &facts);
        let best = recommend::best_proven(&cx).expect("465 or 25 greets");
        assert_ne!(best.port, 587);
        assert!(!proven_cannot_be_beaten(&cx), "{best:?}");
    }
    facts.ports.insert(587, p587);
    let cx = Ctx::new(&catalog, &cx_input, &facts);
    assert!(proven_cannot_be_beaten(&cx));
}

#[test]
fn tell_host_waits_for_the_public_address_only() {
    // The server drops this network: the host must act, and the request names the address.
    let (input, facts) = before_the_end(SERVER_DROPS, |f| {
        f.public_ip_lookup = None;
        f.resolvers = None;
    });
    let (d, waiting) = needs(&input, &facts);
    assert!(d.tell_host.is_some(), "{:?}", d.causes);
    assert_eq!(waiting, vec![Need::PublicAddress]);

    // Once the lookup answered, it is settled with the side checks still out.
    let (input, facts) = before_the_end(SERVER_DROPS, |f| f.resolvers = None);
    let (d, waiting) = needs(&input, &facts);
    assert_eq!(waiting, Vec::<Need>::new());
    let ip = d.tell_host.and_then(|t| t.public_ip).expect("the address");
    assert_eq!(ip.to_string(), "203.0.113.7");
}

#[test]
fn a_lookup_that_failed_settles_the_address_as_unknown() {
    let (input, facts) = before_the_end(SERVER_DROPS, |f| {
        f.public_ip_lookup = Some(crate::checks::dns::Lookup::Timeout);
        f.resolvers = None;
    });
    assert_eq!(needs(&input, &facts).1, Vec::<Need>::new());
}

#[test]
fn an_ehlo_echo_settles_the_address_before_the_lookup() {
    let (_, mut facts) = before_the_end(WORKING, |f| f.public_ip_lookup = None);
    assert!(!public_address_final(&facts), "Postfix does not echo it");
    let reply = crate::protocol::reply::parse_lines(&[
        b"250-mail.example.test Hello pc [203.0.113.7]".as_slice(),
        b"250 AUTH PLAIN".as_slice(),
    ])
    .expect("a reply");
    let echo = crate::protocol::reply::parse_ehlo(&reply);
    // On the lowest port: no other port can come before it.
    facts.ports.get_mut(&25).expect("25").ehlo_plain = Some(echo.clone());
    facts.ports.get_mut(&25).expect("25").ehlo_tls = None;
    unfinish(&mut facts, 587);
    assert!(public_address_final(&facts));
    // On a higher port while a lower one still runs: not yet.
    let (_, mut facts) = before_the_end(WORKING, |f| f.public_ip_lookup = None);
    unfinish(&mut facts, 25);
    let p = facts.ports.get_mut(&587).expect("587");
    p.ehlo_plain = Some(echo);
    p.ehlo_tls = None;
    assert!(!public_address_final(&facts));
}

#[test]
fn every_placeholder_is_classified() {
    for p in crate::diagnosis::signals::placeholders() {
        assert_ne!(
            placeholder_needs(p.name),
            &[Need::Everything],
            "{} has no needs listed in settled.rs",
            p.name
        );
    }
    assert_eq!(placeholder_needs("no.such.thing"), &[Need::Everything]);
}

#[test]
fn nothing_settles_while_the_walk_waits() {
    let input = Input::new("alice@example.test");
    let facts = Facts::default();
    assert_eq!(needs(&input, &facts).1, vec![Need::Walk]);
}

fn domain_auth() -> crate::checks::domain_auth::DomainAuth {
    use crate::checks::domain_auth::{DmarcFinding, DomainAuth, SpfFinding};
    DomainAuth {
        spf: SpfFinding::Unknown {
            reason: "timeout".into(),
        },
        dmarc: DmarcFinding::Unknown {
            reason: "timeout".into(),
        },
        dkim: Vec::new(),
    }
}

#[test]
fn the_domain_warnings_wait_only_for_the_domain_check() {
    let strip = |f: &mut Facts| {
        f.public_ip_lookup = None;
        f.reference = None;
        unfinish(f, 465);
        unfinish(f, 25);
    };
    let (input, facts) = before_the_end(WORKING, strip);
    // Without the domain check the walk after "sending works" is not over.
    assert_eq!(needs(&input, &facts).1, vec![Need::Walk]);
    let (input, mut facts) = before_the_end(WORKING, strip);
    facts.domain_auth = Some(domain_auth());
    assert_eq!(needs(&input, &facts).1, Vec::<Need>::new());
}

const WRONG_PORT_LISTED: &str =
    include_str!("../../../tests/scenarios/variant_wrong_port_with_listed_server.toml");

/// A settings mistake never waits for the server's blocklist lookups: while they are out
/// the verdict is final without the warning; once they are in, the warning is beside it.
#[test]
fn a_wrong_port_does_not_wait_for_the_server_listing() {
    let codes = |d: &Diagnosis| d.causes.iter().map(|c| c.code.clone()).collect::<Vec<_>>();
    let (input, facts) = before_the_end(WRONG_PORT_LISTED, |f| f.server_blocklists = None);
    let (d, waiting) = needs(&input, &facts);
    assert_eq!(d.verdict, Verdict::Problem);
    assert_eq!(codes(&d), vec!["config.wrong_port".to_string()]);
    assert!(
        !waiting.contains(&Need::Walk) && !waiting.contains(&Need::ServerBlocklists),
        "{waiting:?}"
    );
    let (input, facts) = before_the_end(WRONG_PORT_LISTED, |_| {});
    let (d, waiting) = needs(&input, &facts);
    assert_eq!(
        codes(&d),
        vec![
            "config.wrong_port".to_string(),
            "reputation.server_ip_listed".to_string()
        ]
    );
    assert!(!waiting.contains(&Need::ServerBlocklists), "{waiting:?}");
}
